/**
 * Payments (SPEC section 3): how an award's amount for the year is paid. `Single` — one
 * instalment on the start date (the award's `Start`, or the year's start when it starts
 * earlier or has none); `Quarterly` — equal instalments at the start of each quarter of
 * the financial year the award covers (April, July, October, January), or on its start
 * date in the quarter it starts in; `Monthly` — the same, month by month. Instalments
 * are split by the largest remainder, ties to the earlier one, so they add up to the
 * award to the penny.
 */
import { compareDates, type CalendarDate } from '../dates';
import type { FiscalYear } from '../fiscalYear';
import type { Award, PaymentPlan } from './inputs';
import { addMonths, periodEnd } from './months';

/** One instalment: its day, its month of the financial year (0 = the first), and its amount in pence. */
export interface Instalment {
  date: CalendarDate;
  /** 0 for the year's first month … 11 for its last. */
  month: number;
  pence: number;
}

/** The months between instalments of a plan. */
const SPACING: Readonly<Record<Exclude<PaymentPlan, 'Single'>, number>> = { Quarterly: 3, Monthly: 1 };

/**
 * `total` pence split into `count` equal parts by the largest remainder: the first
 * parts take the odd pennies.
 *
 * @example
 * equalParts(10000, 3) //=> [3334, 3333, 3333]
 */
export function equalParts(total: number, count: number): number[] {
  const magnitude = Math.abs(total);
  const base = Math.floor(magnitude / count);
  const odd = magnitude - base * count;
  const sign = total < 0 ? -1 : 1;
  const parts = new Array<number>(count);
  for (let k = 0; k < count; k++) parts[k] = sign * (k < odd ? base + 1 : base) + 0;
  return parts;
}

function later(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) >= 0 ? a : b;
}

function earlier(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) <= 0 ? a : b;
}

/** The month of the financial year (0 to 11) a date in it falls in. */
function monthOfYear(date: CalendarDate, year: FiscalYear): number {
  return (date.year - year.start.year) * 12 + date.month - year.start.month;
}

/**
 * An award's instalments in the model year, in date order, adding up to `amount`
 * (pence) exactly. An amount of 0 has none. The award's days in the year are its
 * `Start` to its `End`, cut to the year (the whole year when it has neither, or when
 * they miss the year but the award still has an amount, as a SHARE line may).
 *
 * @example
 * instalments({ payment: 'Quarterly', start: 2021-10-01, end: 2022-09-30 }, 1200000, fiscalYearOf(2021))
 * //=> [{ date: 2021-10-01, month: 6, pence: 600000 }, { date: 2022-01-01, month: 9, pence: 600000 }]
 */
export function instalments(award: Pick<Award, 'payment' | 'start' | 'end'>, amount: number, year: FiscalYear): Instalment[] {
  if (amount === 0) return [];
  let from = award.start === null ? year.start : later(award.start, year.start);
  let to = award.end === null ? year.end : earlier(award.end, year.end);
  if (compareDates(from, to) > 0) {
    from = year.start;
    to = year.end;
  }
  if (award.payment === 'Single') return [{ date: from, month: monthOfYear(from, year), pence: amount }];

  const spacing = SPACING[award.payment];
  const dates: CalendarDate[] = [];
  for (let k = 0; k < 12; k += spacing) {
    const start = addMonths(year.start, k);
    if (compareDates(start, to) > 0) break;
    if (compareDates(periodEnd(start, spacing), from) < 0) continue;
    dates.push(later(start, from));
  }
  const parts = equalParts(amount, dates.length);
  return dates.map((date, k) => ({ date, month: monthOfYear(date, year), pence: parts[k] }));
}
