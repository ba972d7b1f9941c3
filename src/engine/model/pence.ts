/**
 * Whole pence: how the model does its arithmetic. Money in the model is pounds held as
 * numbers exact to the penny (cells are rounded half away from zero to the penny as
 * they are read). A run turns each amount into whole pence once, adds, subtracts and
 * compares whole numbers (exact below 2^52, which the run makes sure of), rounds any
 * product half away from zero as Excel's ROUND does, and turns pence back into pounds
 * only for its results.
 */
import type { Decimal } from 'decimal.js';
import {
  D, SAFE_LIMIT, bigPow10, divideRounded, divideRoundedNumber, numberParts, roundTo, toNumber,
} from '../money';

/** The largest total, in pence, the model adds up exactly (about £45 trillion). */
export const MAX_PENCE = SAFE_LIMIT;

/** Pounds exact to the penny (as the model holds them) as whole pence. */
export function toPence(pounds: number): number {
  const pence = Math.round(pounds * 100);
  return pence === 0 ? 0 : pence;
}

/** Whole pence as pounds: the number nearest to the exact amount, as `Number('12.34')` is. */
export function toPounds(pence: number): number {
  return pence === 0 ? 0 : pence / 100;
}

/** Adds pounds-and-pence numbers exactly, as whole pence. */
export function sumPounds(values: Iterable<number>): number {
  let pence = 0;
  for (const value of values) pence += toPence(value);
  return toPounds(pence);
}

/**
 * A number read from a cell, rounded half away from zero to the penny.
 *
 * @example
 * [roundPounds(1234.5), roundPounds(2.345), roundPounds(1234.5600000001)] //=> [1234.5, 2.35, 1234.56]
 */
export function roundPounds(pounds: number): number {
  // Already to the penny when it is the number nearest to a whole number of pence.
  const pence = Math.round(pounds * 100);
  if (Math.abs(pence) < MAX_PENCE && pence / 100 === pounds) return pounds + 0;
  return toNumber(roundTo(pounds, 2));
}

/** `pence × coefficient / 10^exponent`, rounded half away from zero, exactly. */
function scaleRounded(pence: number, coefficient: number, exponent: number): number {
  const magnitude = Math.abs(pence) * Math.abs(coefficient);
  if (magnitude < SAFE_LIMIT && exponent <= 22) {
    const quotient = divideRoundedNumber(magnitude, 10 ** exponent);
    if (quotient === 0) return 0;
    if (quotient > 0) return (pence < 0) !== (coefficient < 0) ? -quotient : quotient;
  }
  return Number(divideRounded(BigInt(pence) * BigInt(coefficient), bigPow10(exponent)));
}

/**
 * `pence × factor`, rounded half away from zero to the penny, exactly (the factor is
 * taken as the decimal it is written as: 0.0333 is exactly 333/10000).
 *
 * @example
 * timesFactor(54000000, 0.0333) //=> 1798200
 */
export function timesFactor(pence: number, factor: number): number {
  const parts = numberParts(factor);
  if (parts !== null) return scaleRounded(pence, parts.coefficient, parts.exponent);
  return toNumber(roundTo(new D(pence).times(factor), 0));
}

/**
 * `pence × (1 + change)`, rounded half away from zero to the penny: a CHANGE rule.
 *
 * @example
 * timesOnePlus(3500000, -0.051) //=> 3321500
 */
export function timesOnePlus(pence: number, change: number): number {
  const parts = numberParts(change);
  if (parts !== null && parts.exponent <= 15) {
    const coefficient = 10 ** parts.exponent + parts.coefficient;
    if (Math.abs(coefficient) < SAFE_LIMIT) return scaleRounded(pence, coefficient, parts.exponent);
  }
  return toNumber(roundTo(new D(pence).times(new D(change).plus(1)), 0));
}

/** `pence × numerator / denominator` (whole numbers, denominator > 0), rounded half away from zero. */
export function timesRatio(pence: number, numerator: number, denominator: number): number {
  const product = Math.abs(pence) * Math.abs(numerator);
  if (product < SAFE_LIMIT) {
    const quotient = divideRoundedNumber(product, denominator);
    if (quotient >= 0) return quotient === 0 ? 0 : (pence < 0) !== (numerator < 0) ? -quotient : quotient;
  }
  const exact = BigInt(pence) * BigInt(numerator);
  return Number(divideRounded(exact, BigInt(denominator)));
}

const POWERS_OF_TEN: readonly number[] = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * A whole-number `Decimal` (a primitive's result rounded to 0 places) as a number,
 * read straight from decimal.js's documented representation — `d`, the digits in
 * words of base 1e7 (the first word without leading zeros), `e`, the exponent, `s`,
 * the sign — instead of through a string, which is slow. Anything else (a fraction,
 * 2^52 or more) goes through `toNumber`.
 *
 * @example
 * wholeNumber(prorata(2400000, start, end, 2021, 'months', 0)) //=> 1200000
 */
export function wholeNumber(value: Decimal): number {
  const words = value.d;
  if (words === null || words === undefined || words.length > 3) return toNumber(value);
  if (words.length === 1 && words[0] === 0) return 0;
  let digits = 1;
  while (digits < 7 && words[0] >= POWERS_OF_TEN[digits]) digits++;
  let coefficient = words[0];
  for (let i = 1; i < words.length; i++) {
    coefficient = coefficient * 1e7 + words[i];
    digits += 7;
  }
  const shift = value.e - (digits - 1);
  if (shift < 0 || shift > 15) return toNumber(value);
  const magnitude = coefficient * POWERS_OF_TEN[shift];
  if (!(magnitude < MAX_PENCE)) return toNumber(value);
  return value.s < 0 ? -magnitude : magnitude;
}

/**
 * Money as a finance user writes it.
 *
 * @example
 * [formatPence(123456), formatPence(-500000), formatPence(5)] //=> ['£1,234.56', '-£5,000.00', '£0.05']
 */
export function formatPence(pence: number): string {
  const magnitude = Math.abs(pence);
  const pounds = Math.floor(magnitude / 100);
  const rest = magnitude - pounds * 100;
  const grouped = String(pounds).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${pence < 0 ? '-' : ''}£${grouped}.${rest < 10 ? '0' : ''}${rest}`;
}

/** Pounds (exact to the penny) as a finance user writes them. */
export function formatPounds(pounds: number): string {
  return formatPence(toPence(pounds));
}
