/**
 * The five allocation rules (SPEC section 3). FLAT, CHANGE and FIXED give an annual
 * amount, pro-rated to the financial year when the award has a Start or End;
 * TOPSLICE takes a fraction of the fund's available money; SHARE takes a weighted
 * share of what is left of the fund (see `allocation.ts`). Amounts are whole pence.
 */
import { compareDates, type CalendarDate } from '../dates';
import type { FiscalYear } from '../fiscalYear';
import { prorata } from '../prorata';
import type { Award, RuleName } from './inputs';
import { timesFactor, timesOnePlus, toPence, wholeNumber } from './pence';

export const RULES: readonly RuleName[] = ['FLAT', 'CHANGE', 'FIXED', 'TOPSLICE', 'SHARE'];

const RULE_NAMED = new Map<string, RuleName>(RULES.map((rule) => [rule, rule]));

/** The rule named in a cell, trimmed and case-blind; null when it is none of the five. */
export function parseRule(text: string): RuleName | null {
  return RULE_NAMED.get(text.trim().toUpperCase()) ?? null;
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
 * The annual amount of a FLAT, CHANGE or FIXED award, in pence: FLAT the prior year,
 * CHANGE the prior year × (1 + Value) rounded half away from zero, FIXED the Value.
 *
 * @example
 * annualPence({ rule: 'CHANGE', priorYear: 35000, value: -0.051 }) //=> 3321500 (£33,215.00)
 */
export function annualPence(award: Pick<Award, 'rule' | 'priorYear' | 'value'>): number {
  switch (award.rule) {
    case 'FLAT':
      return toPence(award.priorYear);
    case 'CHANGE':
      return timesOnePlus(toPence(award.priorYear), award.value ?? 0);
    case 'FIXED':
      return toPence(award.value ?? 0);
    default:
      throw new RangeError(`annualPence: rule ${String(award.rule)} has no annual amount`);
  }
}

/** True when a Start or End is set, so an annual amount needs pro-rating. */
export function hasPeriod(award: Pick<Award, 'start' | 'end'>): boolean {
  return award.start !== null || award.end !== null;
}

/**
 * The part of an annual amount (pence) that falls in financial year `year` (months
 * basis), for an award running from `start` (blank: the year's start) to `end` (blank:
 * the year's end), rounded half away from zero to the penny. The whole amount when
 * neither is set.
 *
 * @example
 * penceInYear(2400000, { start: 2020-10-01, end: 2021-09-30 }, fiscalYearOf(2021)) //=> 1200000
 */
export function penceInYear(
  annual: number,
  period: { start: CalendarDate | null; end: CalendarDate | null },
  year: FiscalYear,
): number {
  if (period.start === null && period.end === null) return annual;
  const start = period.start ?? year.start;
  const end = period.end ?? year.end;
  // A blank end runs to the year's end, and a blank start from its start: either may
  // then fall on the wrong side of the other date, and the award misses the year.
  if (compareDates(end, start) < 0) return 0;
  // Pro-rated as whole pence to 0 places: the same as pounds to 2 places.
  return wholeNumber(prorata(annual, start, end, year.startYear, 'months', 0));
}

/**
 * A TOPSLICE line: `fraction` of the fund's available money, in pence.
 *
 * @example
 * topSlicePence(0.0333, 54000000) //=> 1798200 (£17,982.00)
 */
export function topSlicePence(fraction: number, available: number): number {
  return timesFactor(available, fraction);
}
