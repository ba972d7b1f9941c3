/**
 * The five allocation rules (SPEC section 3). FLAT, CHANGE and FIXED give an annual
 * amount, pro-rated to the financial year when the award has a Start or End;
 * TOPSLICE takes a fraction of the fund's available money; SHARE takes a weighted
 * share of what is left of the fund (see `allocation.ts`).
 */
import type { Decimal } from 'decimal.js';
import type { CalendarDate } from '../dates';
import { fiscalYearOf } from '../fiscalYear';
import { roundTo } from '../money';
import { prorata } from '../prorata';
import type { Award, RuleName } from './inputs';

export const RULES: readonly RuleName[] = ['FLAT', 'CHANGE', 'FIXED', 'TOPSLICE', 'SHARE'];

/** The rule named in a cell, trimmed and case-blind; null when it is none of the five. */
export function parseRule(text: string): RuleName | null {
  const upper = text.trim().toUpperCase();
  return (RULES as readonly string[]).includes(upper) ? (upper as RuleName) : null;
}

/** FLAT, CHANGE and FIXED: rules that give an annual amount, which fits may scale. */
export function isAnnualRule(rule: RuleName | null): rule is 'FLAT' | 'CHANGE' | 'FIXED' {
  return rule === 'FLAT' || rule === 'CHANGE' || rule === 'FIXED';
}

/** The rule reads `Prior year`: it must be there and a number. */
export function needsPriorYear(rule: RuleName): boolean {
  return rule === 'FLAT' || rule === 'CHANGE';
}

/** The rule reads `Value`: it must be there and a number. */
export function needsValue(rule: RuleName): boolean {
  return rule !== 'FLAT';
}

/**
 * The annual amount of a FLAT, CHANGE or FIXED award, to the penny.
 *
 * @example
 * annualAmount({ rule: 'CHANGE', priorYear: 35000, value: -0.051 }) // 33215.00
 */
export function annualAmount(award: Pick<Award, 'rule' | 'priorYear' | 'value'>): Decimal {
  switch (award.rule) {
    case 'FLAT':
      return roundTo(award.priorYear, 2);
    case 'CHANGE':
      return roundTo(award.priorYear.times(award.value === null ? 1 : award.value.plus(1)), 2);
    case 'FIXED':
      return award.value === null ? roundTo(0, 2) : roundTo(award.value, 2);
    default:
      throw new RangeError(`annualAmount: rule ${String(award.rule)} has no annual amount`);
  }
}

/** True when a Start or End is set, so an annual amount needs pro-rating. */
export function hasPeriod(award: Pick<Award, 'start' | 'end'>): boolean {
  return award.start !== null || award.end !== null;
}

/**
 * The part of an annual amount that falls in financial year `startYear` (months basis),
 * for an award running from `start` (blank: the year's start) to `end` (blank: the
 * year's end). The whole amount when neither is set.
 *
 * @example
 * amountInYear(24000, { start: 2020-10-01, end: 2021-09-30 }, 2021) // 12000.00
 */
export function amountInYear(
  annual: Decimal,
  period: { start: CalendarDate | null; end: CalendarDate | null },
  startYear: number,
): Decimal {
  if (period.start === null && period.end === null) return annual;
  const year = fiscalYearOf(startYear);
  return prorata(annual, period.start ?? year.start, period.end ?? year.end, startYear, 'months', 2);
}

/** A TOPSLICE line: `fraction` of the fund's available money, to the penny. */
export function topSlice(fraction: Decimal, available: Decimal): Decimal {
  return roundTo(available.times(fraction), 2);
}
