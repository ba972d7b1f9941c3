/**
 * Money as exact decimals. Amounts enter as numbers, text or decimals, are held as
 * `Decimal` (or, inside the hot loops, as whole numbers of the smallest unit, e.g.
 * pence) and leave as numbers only at the very end. Nothing here rounds by accident:
 * the one rounding rule is half away from zero, as Excel's ROUND.
 */
import Decimal from 'decimal.js';
import { EngineError } from './errors';
import * as messages from './messages';

export { Decimal };

/**
 * The `Decimal` constructor configured for money: 60 significant digits, rounding half
 * away from zero (decimal.js calls it `ROUND_HALF_UP`), and plain notation in `toString`
 * from 1e-30 to 1e40.
 *
 * @example
 * new D('0.1').plus('0.2').toString()
 * //=> '0.3'
 */
export const D: Decimal.Constructor = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A value as a money `Decimal`. Numbers are taken as written (`0.1` is exactly 0.1),
 * text must be a plain decimal number. `argument` and `row` only name the value in the
 * error.
 *
 * @throws {EngineError} `#VALUE!` when the value is not a finite number
 *
 * @example
 * toDecimal(0.1).plus(0.2).toString()
 * //=> '0.3'
 */
export function toDecimal(value: Decimal.Value, argument = 'value', row?: number): Decimal {
  if (value instanceof D) return value;
  let result: Decimal | undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    if (NUMBER_TEXT.test(text)) result = new D(text);
  } else if (typeof value === 'number' || typeof value === 'bigint' || Decimal.isDecimal(value)) {
    result = new D(value);
  }
  if (result === undefined || !result.isFinite()) {
    throw new EngineError('#VALUE!', messages.notANumber(argument, row, value));
  }
  return result;
}

/**
 * Rounds half away from zero to `decimals` places, as Excel's ROUND (negative `decimals`
 * round to tens, hundreds...).
 *
 * @throws {EngineError} `#NUM!` when `decimals` is not a whole number
 *
 * @example
 * [roundTo(2.345, 2).toString(), roundTo(-2.345, 2).toString(), roundTo(1250, -2).toString()]
 * //=> ['2.35', '-2.35', '1300']
 */
export function roundTo(value: Decimal.Value, decimals: number): Decimal {
  if (!Number.isInteger(decimals)) throw new EngineError('#NUM!', messages.wholeNumber('decimals', decimals));
  const decimal = toDecimal(value);
  if (decimals >= 0) return decimal.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  const unit = new D(10).pow(-decimals);
  return decimal.div(unit).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(unit);
}

/**
 * The most significant digits an exact sum may need (from its largest digit to its
 * smallest); beyond it, a sum is refused rather than rounded.
 */
export const MAX_EXACT_DIGITS = 100_000;

/** `Decimal` constructors like `D` with more digits, by precision. */
const WIDE = new Map<number, Decimal.Constructor>();

/**
 * The exact sum of decimals, whatever their sizes: it is worked out to as many
 * significant digits as lie between the largest digit and the smallest of the values
 * (plus the carries), not the 60 of `D`, so `1e15 + 1e-50` keeps its `1e-50`.
 *
 * @throws {EngineError} `#NUM!` when that would take more than {@link MAX_EXACT_DIGITS} digits
 *
 * @example
 * exactSum([new D(1e15), new D(1e-50), new D(-1e15)]).toString()
 * //=> '1e-50'
 */
export function exactSum(values: readonly Decimal[], argument = 'values'): Decimal {
  let top = -Infinity;
  let bottom = Infinity;
  for (const value of values) {
    if (value.isZero()) continue;
    if (value.e > top) top = value.e;
    const lowest = value.e - value.sd() + 1;
    if (lowest < bottom) bottom = lowest;
  }
  if (top === -Infinity) return new D(0);
  const precision = top - bottom + 2 + String(values.length).length;
  if (precision > MAX_EXACT_DIGITS) throw new EngineError('#NUM!', messages.tooManyDigits(argument, MAX_EXACT_DIGITS));
  let Wide: Decimal.Constructor = D;
  if (precision > D.precision) {
    const size = 2 ** Math.ceil(Math.log2(precision));
    Wide = WIDE.get(size) ?? D.clone({ precision: size });
    WIDE.set(size, Wide);
  }
  let total = new Wide(0);
  for (const value of values) total = total.plus(value);
  return Wide === D ? total : new D(total);
}

/**
 * The exact sum of the values (see {@link exactSum}).
 *
 * @example
 * sum([0.1, '0.2', new D('0.3')]).toString()
 * //=> '0.6'
 */
export function sum(values: readonly Decimal.Value[]): Decimal {
  return exactSum(values.map((value, i) => toDecimal(value, 'values', i + 1)));
}

/**
 * A `Decimal` as a JavaScript number, for output only (never `-0`).
 *
 * @example
 * toNumber(new D('33.34'))
 * //=> 33.34
 */
export function toNumber(value: Decimal): number {
  const result = value.toNumber();
  return result === 0 ? 0 : result;
}

/**
 * The most decimals a split, allocation or scaling works to.
 *
 * @example
 * MAX_DECIMALS
 * //=> 6
 */
export const MAX_DECIMALS = 6;

/**
 * Checks a `decimals` argument: a whole number from 0 to {@link MAX_DECIMALS}.
 *
 * @throws {EngineError} `#NUM!` otherwise
 *
 * @example
 * checkDecimals(undefined)
 * //=> 2
 */
export function checkDecimals(decimals: number | undefined | null): number {
  if (decimals === undefined || decimals === null) return 2;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new EngineError('#NUM!', messages.decimals(decimals, MAX_DECIMALS));
  }
  return decimals;
}

// ---------------------------------------------------------------------------------------
// Whole numbers of units. The split, allocation and scaling work on non-negative whole
// numbers (pence, or weights scaled to whole numbers): as plain numbers while every value
// and total is provably exact in floating point, else as bigints.

/**
 * Non-negative whole numbers: `number`s when all of them (and their total) are below
 * 2^52, else `bigint`s.
 *
 * @example
 * const pence: Integers = { big: false, values: [3334, 3333, 3333] };
 */
export type Integers =
  | { readonly big: false; readonly values: number[] }
  | { readonly big: true; readonly values: bigint[] };

/**
 * Whole numbers in plain numbers are exact below 2^53; the engine keeps them below 2^52
 * so that a sum of two stays exact.
 *
 * @example
 * SAFE_LIMIT
 * //=> 4503599627370496
 */
export const SAFE_LIMIT = 2 ** 52;
/** Below this, a number's shortest decimal is recovered exactly by {@link fastParts}. */
const FAST_LIMIT = 2 ** 50;

const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);
const BIG_POW10: bigint[] = [];

/**
 * 10^k as a bigint (cached).
 *
 * @example
 * bigPow10(3)
 * //=> 1000n
 */
export function bigPow10(k: number): bigint {
  let power = BIG_POW10[k];
  if (power === undefined) {
    power = 10n ** BigInt(k);
    BIG_POW10[k] = power;
  }
  return power;
}

let partCoefficient = 0;
let partExponent = 0;

/**
 * Recovers the decimal a number stands for (its shortest round-trip form, as `String`
 * and `Decimal` read it) as `partCoefficient × 10^-partExponent`, without strings.
 * Returns false when the coefficient would reach 2^50 (the caller then goes through
 * `Decimal`). Why it is exact: below 2^50 the float product x·10^k is within 1/4 of the
 * true coefficient, so `Math.round` finds it, the division check confirms it reads back
 * as x, and no other decimal with as few places can (they are 10^-k apart, wider than
 * the gap between neighbouring floats there); the first k that passes is the shortest.
 */
function fastParts(x: number): boolean {
  for (let k = 0; k <= 15; k++) {
    const scaled = x * POW10[k];
    if (!(Math.abs(scaled) < FAST_LIMIT)) return false;
    const coefficient = Math.round(scaled);
    if (coefficient / POW10[k] === x) {
      partCoefficient = coefficient === 0 ? 0 : coefficient;
      partExponent = k;
      return true;
    }
  }
  return false;
}

/**
 * The decimal a number stands for (as `String` shows it), as `coefficient × 10^-exponent`
 * with a plain-number coefficient below 2^50; null for numbers outside that range or
 * not finite (use `Decimal` for those).
 *
 * @example
 * numberParts(-12.5)
 * //=> { coefficient: -125, exponent: 1 }
 */
export function numberParts(x: number): { coefficient: number; exponent: number } | null {
  return fastParts(x) ? { coefficient: partCoefficient, exponent: partExponent } : null;
}

/** A decimal's exact digits as `coefficient × 10^-exponent`, coefficient a bigint. */
function exactParts(value: Decimal): { coefficient: bigint; exponent: number } {
  const exponent = value.decimalPlaces();
  const text = value.toFixed(exponent);
  return { coefficient: BigInt(text.replace('.', '')), exponent };
}

/** Floor division of non-negative whole numbers below 2^53, exact. */
function divideWhole(numerator: number, divisor: number): number {
  let quotient = Math.floor(numerator / divisor);
  const remainder = numerator - quotient * divisor;
  if (remainder < 0) quotient--;
  else if (remainder >= divisor) quotient++;
  return quotient;
}

/**
 * `numerator / divisor` rounded half away from zero, for whole numbers (divisor > 0).
 *
 * @example
 * [divideRounded(5n, 2n), divideRounded(-5n, 2n), divideRounded(4n, 3n)]
 * //=> [3n, -3n, 1n]
 */
export function divideRounded(numerator: bigint, divisor: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) quotient++;
  return negative ? -quotient : quotient;
}

/**
 * `numerator / divisor` rounded half away from zero in plain numbers, for non-negative
 * whole numbers below 2^52 (where it is exact); -1 when they are not that small.
 *
 * @example
 * [divideRoundedNumber(5, 2), divideRoundedNumber(2 ** 53, 3)]
 * //=> [3, -1]
 */
export function divideRoundedNumber(numerator: number, divisor: number): number {
  if (!(numerator < SAFE_LIMIT && divisor < SAFE_LIMIT)) return -1;
  const quotient = divideWhole(numerator, divisor);
  const remainder = numerator - quotient * divisor;
  return remainder * 2 >= divisor ? quotient + 1 : quotient;
}

function checkNonNegative(decimal: Decimal, argument: string, row: number): void {
  if (decimal.isNegative() && !decimal.isZero()) {
    throw new EngineError('#NUM!', messages.negative(argument, row, decimal.toString()));
  }
}

/**
 * Non-negative values as whole numbers in the same proportions (each times 10 to the
 * most decimals any of them has): the form weights take in a split.
 *
 * @throws {EngineError} `#VALUE!` for a value that is not a number, `#NUM!` for a negative one (naming its row)
 *
 * @example
 * toWeights([1, 0.5, '2.25'], 'weights').values
 * //=> [100, 50, 225]
 */
export function toWeights(values: readonly Decimal.Value[], argument: string): Integers {
  const n = values.length;
  // First the coefficients, in place; scaled to the common exponent afterwards.
  const scaled = new Array<number>(n);
  const exponents = new Uint8Array(n);
  let maxExponent = 0;
  let minExponent = 99;
  let i = 0;
  for (; i < n; i++) {
    const value = values[i];
    if (typeof value !== 'number' || !fastParts(value)) break;
    if (partCoefficient < 0) throw new EngineError('#NUM!', messages.negative(argument, i + 1, String(value)));
    scaled[i] = partCoefficient;
    exponents[i] = partExponent;
    if (partExponent > maxExponent) maxExponent = partExponent;
    if (partExponent < minExponent) minExponent = partExponent;
  }
  if (i === n) {
    const mixed = minExponent < maxExponent;
    let total = 0;
    for (let j = 0; j < n; j++) {
      if (mixed) scaled[j] *= POW10[maxExponent - exponents[j]];
      total += scaled[j];
    }
    if (total < SAFE_LIMIT) return { big: false, values: scaled };
  }
  // The general path: exact digits as bigints (numbers read again, the rest through Decimal).
  const bigCoefficients = new Array<bigint>(n);
  const bigExponents = new Array<number>(n);
  for (let j = 0; j < n; j++) {
    const value = values[j];
    if (j < i && typeof value === 'number' && fastParts(value)) {
      bigCoefficients[j] = BigInt(partCoefficient);
      bigExponents[j] = partExponent;
      continue;
    }
    const decimal = toDecimal(value, argument, j + 1);
    checkNonNegative(decimal, argument, j + 1);
    const parts = exactParts(decimal);
    bigCoefficients[j] = parts.coefficient;
    bigExponents[j] = parts.exponent;
    if (parts.exponent > maxExponent) maxExponent = parts.exponent;
  }
  return fitIntegers(bigCoefficients.map((coefficient, j) => coefficient * bigPow10(maxExponent - bigExponents[j])));
}

/**
 * Non-negative values rounded half away from zero to `decimals` places, as whole numbers
 * of the unit 10^-decimals (pence for 2).
 *
 * @throws {EngineError} `#VALUE!` for a value that is not a number, `#NUM!` for a negative one (naming its row)
 *
 * @example
 * toUnits([12.345, 0.1, '3'], 2, 'requests').values
 * //=> [1235, 10, 300]
 */
export function toUnits(values: readonly Decimal.Value[], decimals: number, argument: string): Integers {
  const n = values.length;
  const units = new Array<number>(n);
  let total = 0;
  let i = 0;
  for (; i < n; i++) {
    const value = values[i];
    if (typeof value !== 'number' || !fastParts(value)) break;
    if (partCoefficient < 0) throw new EngineError('#NUM!', messages.negative(argument, i + 1, String(value)));
    let unit: number;
    if (partExponent <= decimals) {
      unit = partCoefficient * POW10[decimals - partExponent];
    } else {
      unit = divideRoundedNumber(partCoefficient, POW10[partExponent - decimals]);
    }
    if (!(unit < SAFE_LIMIT)) break;
    units[i] = unit;
    total += unit;
  }
  if (i === n && total < SAFE_LIMIT) return { big: false, values: units };
  const big = new Array<bigint>(n);
  for (let j = 0; j < n; j++) {
    big[j] = j < i ? BigInt(units[j]) : unitsOf(values[j], decimals, argument, j + 1);
    if (big[j] < 0n) {
      throw new EngineError('#NUM!', messages.negative(argument, j + 1, toDecimal(values[j]).toString()));
    }
  }
  return fitIntegers(big);
}

/**
 * One value rounded half away from zero to `decimals` places, as a whole number of the
 * unit 10^-decimals (signed).
 *
 * @throws {EngineError} `#VALUE!` when it is not a number
 *
 * @example
 * unitsOf(-100.005, 2, 'amount')
 * //=> -10001n
 */
export function unitsOf(value: Decimal.Value, decimals: number, argument: string, row?: number): bigint {
  if (typeof value === 'number' && fastParts(value)) {
    if (partExponent <= decimals) return BigInt(partCoefficient) * bigPow10(decimals - partExponent);
    return divideRounded(BigInt(partCoefficient), bigPow10(partExponent - decimals));
  }
  const rounded = toDecimal(value, argument, row).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  return BigInt(rounded.toFixed(decimals).replace('.', ''));
}

/**
 * Non-negative bigints as plain numbers when their total is below 2^52, else as they are.
 *
 * @example
 * [fitIntegers([1n, 2n]).big, fitIntegers([2n ** 60n]).big]
 * //=> [false, true]
 */
export function fitIntegers(values: bigint[]): Integers {
  let total = 0n;
  for (const value of values) total += value;
  if (total < BigInt(SAFE_LIMIT)) return { big: false, values: values.map(Number) };
  return { big: true, values };
}

/**
 * The values as bigints.
 *
 * @example
 * toBigInts({ big: false, values: [1, 2] })
 * //=> [1n, 2n]
 */
export function toBigInts(integers: Integers): bigint[] {
  return integers.big ? integers.values : integers.values.map((value) => BigInt(value));
}

/**
 * The exact total of whole numbers, as a bigint.
 *
 * @example
 * totalOf({ big: false, values: [3334, 3333, 3333] })
 * //=> 10000n
 */
export function totalOf(integers: Integers): bigint {
  if (!integers.big) {
    let total = 0;
    for (const value of integers.values) total += value;
    if (total < SAFE_LIMIT) return BigInt(total);
  }
  let total = 0n;
  for (const value of toBigInts(integers)) total += value;
  return total;
}

// ---------------------------------------------------------------------------------------
// Back to Decimal. Building a Decimal through its constructor parses a string, which
// dominates the cost of a large split; for a whole number of units below 2^52 we build
// the instance from its documented parts (`d` digits in base 1e7, `e` exponent, `s`
// sign) directly. A self-check at load compares it with the constructor on awkward
// values and switches it off should a decimal.js release ever store values differently.

interface DecimalParts {
  constructor: Decimal.Constructor;
  s: number;
  e: number;
  d: number[];
}

/**
 * Makes instances on `D.prototype` with the same own properties, in the same order, as
 * decimal.js's constructor gives them (so its methods see the shape they expect).
 */
const DecimalFromParts = function (this: DecimalParts, s: number, e: number, d: number[]): void {
  this.constructor = D;
  this.s = s;
  this.e = e;
  this.d = d;
} as unknown as new (s: number, e: number, d: number[]) => Decimal;
DecimalFromParts.prototype = D.prototype;

/** Digits in a positive whole number below 1e16. */
function digitCount(value: number): number {
  let count = 1;
  while (count < 16 && value >= POW10[count]) count++;
  return count;
}

const ZERO = new D(0);

function buildDecimal(units: number, decimals: number): Decimal {
  if (units === 0) return ZERO;
  const sign = units < 0 ? -1 : 1;
  const magnitude = units < 0 ? -units : units;
  const whole = divideWhole(magnitude, POW10[decimals]);
  const fractionWord = (magnitude - whole * POW10[decimals]) * POW10[7 - decimals];
  if (whole === 0) return new DecimalFromParts(sign, digitCount(fractionWord) - 8, [fractionWord]);
  const exponent = digitCount(whole) - 1;
  if (whole < 1e7) {
    return new DecimalFromParts(sign, exponent, fractionWord === 0 ? [whole] : [whole, fractionWord]);
  }
  // Base-1e7 words of the whole part, most significant first, then the fraction's word;
  // no leading or trailing zero words.
  const high = divideWhole(whole, 1e14);
  const middle = divideWhole(whole - high * 1e14, 1e7);
  const low = whole - high * 1e14 - middle * 1e7;
  const words = high === 0 ? [middle, low, fractionWord] : [high, middle, low, fractionWord];
  while (words[words.length - 1] === 0) words.pop();
  return new DecimalFromParts(sign, exponent, words);
}

function slowDecimal(units: number | bigint, decimals: number): Decimal {
  return new D(decimals === 0 ? `${units}` : `${units}e-${decimals}`);
}

function buildMatchesConstructor(): boolean {
  const samples = [0, 1, -1, 7, 10, 99, 100, 101, 1234567, 10000000, 12345678, 3333333333334, 10000000000000,
    100000000000000, 100000000000001, 12345670000000, -4503599627370495, 4503599627370495, 700000000000001, 5];
  for (const units of samples) {
    for (let decimals = 0; decimals <= 7; decimals++) {
      const built = buildDecimal(units, decimals);
      const parsed = slowDecimal(units, decimals);
      if (built.toString() !== parsed.toString() || built.e !== parsed.e || built.s !== parsed.s ||
        built.d.join() !== parsed.d.join() || !built.plus(parsed).eq(parsed.times(2))) {
        return false;
      }
    }
  }
  return true;
}

/**
 * Whether the fast path gives what decimal.js's own constructor gives, checked once on
 * first use (not when the module loads: the task pane's first paint does not wait for it).
 */
let fastBuild: boolean | undefined;

/**
 * A whole number of units of 10^-decimals as a Decimal.
 *
 * @example
 * fromUnits(-3334, 2).toString()
 * //=> '-33.34'
 */
export function fromUnits(units: number | bigint, decimals: number): Decimal {
  if (typeof units === 'number') {
    if ((fastBuild ??= buildMatchesConstructor()) && decimals >= 0 && decimals <= 7 && Number.isInteger(units) && Math.abs(units) < SAFE_LIMIT) {
      return buildDecimal(units, decimals);
    }
    return slowDecimal(units, decimals);
  }
  return slowDecimal(units, decimals);
}

/**
 * Whole numbers of units of 10^-decimals as numbers, each the double nearest its exact
 * decimal (as `fromUnits(…).toNumber()` gives, since dividing two exact doubles rounds
 * correctly), negated when `negative`; never `-0`.
 *
 * @example
 * unitsToNumbers({ big: false, values: [3334, 0] }, 2, true)
 * //=> [-33.34, 0]
 */
export function unitsToNumbers(units: Integers, decimals: number, negative = false): number[] {
  const n = units.values.length;
  const out = new Array<number>(n);
  if (!units.big && decimals <= 22) {
    const { values } = units;
    const unit = POW10[decimals];
    for (let i = 0; i < n; i++) {
      const value = values[i];
      out[i] = value === 0 ? 0 : (negative ? -value : value) / unit;
    }
    return out;
  }
  for (let i = 0; i < n; i++) {
    const value = units.values[i];
    out[i] = toNumber(fromUnits(negative ? -value : value, decimals));
  }
  return out;
}
