/**
 * Payments (SPEC section 3): how an award's amount for the year is paid. `Single` — one
 * instalment on the start date (the award's `Start`, or the year's start when it starts
 * earlier or has none); `Quarterly` — equal instalments at the start of each quarter of
 * the financial year the award covers (April, July, October, January), or on its start
 * date in the quarter it starts in; `Monthly` — the same, month by month. Instalments
 * are split by the largest remainder, ties to the earlier one, so they add up to the
 * award to the penny.
 */
import { dayNumber, fromDayNumber, type CalendarDate } from '../dates';
import type { FiscalYear } from '../fiscalYear';
import type { Award, PaymentPlan } from './inputs';
import { addMonths } from './months';

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

/**
 * The financial year's month starts as day numbers (see `dayNumber`): 13 of them, the
 * last the day after the year ends.
 */
export function monthStartDays(year: FiscalYear): Int32Array {
  const starts = new Int32Array(13);
  for (let m = 0; m <= 12; m++) starts[m] = dayNumber(addMonths(year.start, m));
  return starts;
}

/**
 * Writes into `out` the days (day numbers) a plan pays on, for an award whose days in
 * the year run from `from` to `to` (both inside the year, `from` ≤ `to`); returns how
 * many. Day numbers, not dates, so that a large model pays little for it.
 */
export function instalmentDays(plan: PaymentPlan, from: number, to: number, starts: Int32Array, out: Int32Array): number {
  if (plan === 'Single') {
    out[0] = from;
    return 1;
  }
  const spacing = SPACING[plan];
  let count = 0;
  for (let m = 0; m < 12; m += spacing) {
    const start = starts[m];
    if (start > to) break;
    if (starts[m + spacing] - 1 < from) continue;
    out[count++] = start > from ? start : from;
  }
  return count;
}

/**
 * An award's days in the model year as day numbers `[from, to]`: its `Start` to its
 * `End`, cut to the year — the whole year when it has neither, or when they miss the
 * year (an award that still has an amount, as a SHARE line may).
 */
export function paidPeriod(award: Pick<Award, 'start' | 'end'>, first: number, last: number): [number, number] {
  const start = award.start === null ? first : Math.max(dayNumber(award.start), first);
  const end = award.end === null ? last : Math.min(dayNumber(award.end), last);
  return start > end ? [first, last] : [start, end];
}

/**
 * An award's instalments in the model year, in date order, adding up to `amount`
 * (pence) exactly. An amount of 0 has none.
 *
 * @example
 * instalments({ payment: 'Quarterly', start: 2021-10-01, end: 2022-09-30 }, 1200000, fiscalYearOf(2021))
 * //=> [{ date: 2021-10-01, month: 6, pence: 600000 }, { date: 2022-01-01, month: 9, pence: 600000 }]
 */
export function instalments(award: Pick<Award, 'payment' | 'start' | 'end'>, amount: number, year: FiscalYear): Instalment[] {
  if (amount === 0) return [];
  const starts = monthStartDays(year);
  const [from, to] = paidPeriod(award, starts[0], starts[12] - 1);
  const days = new Int32Array(12);
  const count = instalmentDays(award.payment, from, to, starts, days);
  const parts = equalParts(amount, count);
  return Array.from(days.subarray(0, count), (day, k) => {
    let month = 0;
    while (month < 11 && starts[month + 1] <= day) month++;
    return { date: fromDayNumber(day), month, pence: parts[k] };
  });
}
