/**
 * Pro-rating an annual amount to the part of a period that falls in one UK financial
 * year (1 April to 31 March).
 */
import { type CalendarDate, compareDates, dayNumber, daysInMonth, isRealDate, toIsoDate } from './dates';
import { EngineError } from './errors';
import { fiscalYearOf } from './fiscalYear';
import * as messages from './messages';
import {
  type Decimal, D, bigPow10, checkDecimals, divideRounded, divideRoundedNumber, fromUnits, numberParts, toDecimal,
} from './money';

/** `months`: each calendar month covered counts 1/12; `days`: covered days over the year's days. */
export type ProrataBasis = 'months' | 'days';

/** A common multiple of every month length (28, 29, 30, 31), so month fractions stay whole. */
const MONTH_LCM = 377580;

interface Fraction { readonly numerator: number; readonly denominator: number }

/** A real date, or Excel's 1900-02-29 (which counts as 1900-03-01 here). */
function checkDate(date: CalendarDate, argument: string): void {
  const excelLeapDay = date.year === 1900 && date.month === 2 && date.day === 29;
  if (!excelLeapDay && !isRealDate(date)) {
    throw new EngineError('#VALUE!', messages.notARealDate(argument, `${date.year}-${date.month}-${date.day}`,
      date.month >= 1 && date.month <= 12 ? daysInMonth(date.year, date.month) : null));
  }
}

function fractionParts(start: CalendarDate, end: CalendarDate, fyStartYear: number, basis: ProrataBasis): Fraction {
  if (basis !== 'months' && basis !== 'days') throw new EngineError('#NUM!', messages.basis(basis));
  checkDate(start, 'start');
  checkDate(end, 'end');
  if (compareDates(end, start) < 0) {
    throw new EngineError('#NUM!', messages.endBeforeStart(toIsoDate(start), toIsoDate(end)));
  }
  const year = fiscalYearOf(fyStartYear);
  const yearStart = dayNumber(year.start);
  const yearEnd = dayNumber(year.end);
  const from = Math.max(dayNumber(start), yearStart);
  const to = Math.min(dayNumber(end), yearEnd);
  if (basis === 'days') {
    return { numerator: Math.max(0, to - from + 1), denominator: yearEnd - yearStart + 1 };
  }
  let numerator = 0;
  if (from <= to) {
    let monthStart = yearStart;
    for (let m = 0; m < 12; m++) {
      const calendarYear = m < 9 ? fyStartYear : fyStartYear + 1;
      const days = daysInMonth(calendarYear, ((m + 3) % 12) + 1);
      const monthEnd = monthStart + days - 1;
      const covered = Math.min(to, monthEnd) - Math.max(from, monthStart) + 1;
      if (covered > 0) numerator += covered * (MONTH_LCM / days);
      monthStart = monthEnd + 1;
    }
  }
  return { numerator, denominator: 12 * MONTH_LCM };
}

/**
 * The unrounded fraction of financial year `fyStartYear` (1 April `fyStartYear` to
 * 31 March the year after) that the period `start` to `end` (both inclusive) covers:
 * on the `months` basis each calendar month fully covered counts 1/12 and a part month
 * its covered days over its length, twelfth; on the `days` basis, covered days over the
 * days of the year (365 or 366). 0 when the period misses the year.
 *
 * @throws {EngineError} `#NUM!` when `end` is before `start` or the basis is unknown; `#VALUE!` for a date that is not real
 *
 * @example
 * fractionOfYear({ year: 2020, month: 10, day: 1 }, { year: 2021, month: 9, day: 30 }, 2021).toString()
 * //=> '0.5'
 */
export function fractionOfYear(
  start: CalendarDate,
  end: CalendarDate,
  fyStartYear: number,
  basis: ProrataBasis = 'months',
): Decimal {
  const { numerator, denominator } = fractionParts(start, end, fyStartYear, basis);
  return new D(numerator).div(denominator);
}

/**
 * The part of an annual amount that falls in financial year `fyStartYear` (1 April
 * `fyStartYear` to 31 March the year after) for a period from `start` to `end`, both
 * inclusive: `annual` × {@link fractionOfYear}, rounded half away from zero to
 * `decimals` places only at the end.
 *
 * @param annual - the amount for a full year
 * @param start - first day of the period
 * @param end - last day of the period
 * @param fyStartYear - the financial year, by the year it starts in (2021 for 2021/22)
 * @param basis - `months` (default) or `days`
 * @param decimals - places to round to, 0 to 6 (default 2)
 * @throws {EngineError} `#NUM!` when `end` is before `start`, the basis is unknown or `decimals` is bad; `#VALUE!` when `annual`
 *   is not a number or a date is not real
 *
 * @example
 * const start = { year: 2020, month: 10, day: 1 };
 * const end = { year: 2021, month: 9, day: 30 };
 * [prorata(24000, start, end, 2021).toFixed(2), prorata(24000, start, end, 2021, 'days').toFixed(2)]
 * //=> ['12000.00', '12032.88']
 */
export function prorata(
  annual: Decimal.Value,
  start: CalendarDate,
  end: CalendarDate,
  fyStartYear: number,
  basis: ProrataBasis = 'months',
  decimals?: number,
): Decimal {
  const places = checkDecimals(decimals);
  const { numerator, denominator } = fractionParts(start, end, fyStartYear, basis);
  const parts = typeof annual === 'number' ? numberParts(annual) : null;
  if (parts !== null) {
    // annual·numerator·10^places / denominator in plain numbers, when exact.
    const magnitude = Math.abs(parts.coefficient);
    const scaledNumerator = magnitude * numerator * 10 ** places;
    const scaledDenominator = denominator * 10 ** parts.exponent;
    const units = divideRoundedNumber(scaledNumerator, scaledDenominator);
    if (units >= 0) return fromUnits(parts.coefficient < 0 ? -units : units, places);
  }
  const amount = toDecimal(annual, 'annual');
  const exponent = amount.decimalPlaces();
  const coefficient = BigInt(amount.toFixed(exponent).replace('.', ''));
  const units = divideRounded(
    coefficient * BigInt(numerator) * bigPow10(places),
    BigInt(denominator) * bigPow10(exponent),
  );
  return fromUnits(units, places);
}
