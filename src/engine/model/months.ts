/**
 * Counting in months, as contracts and monitoring periods do. A period of N months from
 * a start date ends on the day before the same day N months later (the "corresponding
 * date"); when that month has no such day (31 April, 29 February in a common year), it
 * ends on that month's last day. So three years from 1 April 2016 end on 31 March
 * 2019, and a month from 31 January ends on 28 February (29 in a leap year).
 */
import { daysInMonth, dayNumber, fromDayNumber, type CalendarDate } from '../dates';

/** The day after (or, with `days` -1, before) a date. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** The year and month `months` after (negative: before) a date's month. */
function shiftMonth(date: CalendarDate, months: number): { year: number; month: number } {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  return { year, month: index - year * 12 + 1 };
}

/**
 * The same day `months` later (negative: earlier), or that month's last day when it has
 * no such day.
 *
 * @example
 * [addMonths({ year: 2021, month: 1, day: 31 }, 1), addMonths({ year: 2021, month: 10, day: 1 }, -6)]
 * //=> [{ year: 2021, month: 2, day: 28 }, { year: 2021, month: 4, day: 1 }]
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { year, month } = shiftMonth(date, months);
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/**
 * The last day of a period of `months` (at least 1) starting on `start`.
 *
 * @example
 * [periodEnd({ year: 2016, month: 4, day: 1 }, 36), periodEnd({ year: 2024, month: 1, day: 31 }, 1)]
 * //=> [{ year: 2019, month: 3, day: 31 }, { year: 2024, month: 2, day: 29 }]
 */
export function periodEnd(start: CalendarDate, months: number): CalendarDate {
  const { year, month } = shiftMonth(start, months);
  const last = daysInMonth(year, month);
  if (start.day > last) return { year, month, day: last };
  return addDays({ year, month, day: start.day }, -1);
}

/**
 * {@link periodEnd} as a day number (see `dayNumber`), from the start's parts: the
 * same rule without a date object, for loops over many awards.
 */
export function periodEndDay(year: number, month: number, day: number, months: number): number {
  const index = year * 12 + (month - 1) + months;
  const endYear = Math.floor(index / 12);
  const endMonth = index - endYear * 12 + 1;
  const last = daysInMonth(endYear, endMonth);
  return day > last ? dayNumber({ year: endYear, month: endMonth, day: last }) : dayNumber({ year: endYear, month: endMonth, day }) - 1;
}

/**
 * The day that leaves exactly `months` before a period ends on `end`: the last day on
 * which a decision `months` ahead of the end can still be taken. Six months before a
 * term ending 31 March 2022 is 30 September 2021; before 30 September 2022, 31 March 2022.
 *
 * @example
 * [monthsBefore({ year: 2022, month: 3, day: 31 }, 6), monthsBefore({ year: 2022, month: 9, day: 30 }, 6)]
 * //=> [{ year: 2021, month: 9, day: 30 }, { year: 2022, month: 3, day: 31 }]
 */
export function monthsBefore(end: CalendarDate, months: number): CalendarDate {
  return addDays(addMonths(addDays(end, 1), -months), -1);
}

/**
 * {@link monthsBefore} on day numbers (see `dayNumber`): the same rule, for loops over many contracts.
 *
 * @example
 * monthsBeforeDay(dayNumber({ year: 2022, month: 3, day: 31 }), 6) === dayNumber({ year: 2021, month: 9, day: 30 }) //=> true
 */
export function monthsBeforeDay(end: number, months: number): number {
  const after = fromDayNumber(end + 1);
  const index = after.year * 12 + (after.month - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return dayNumber({ year, month, day: Math.min(after.day, daysInMonth(year, month)) }) - 1;
}

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];

/**
 * A date as a finance officer writes it.
 *
 * @example
 * longDate({ year: 2022, month: 3, day: 31 }) //=> '31 March 2022'
 */
export function longDate(date: CalendarDate): string {
  return `${date.day} ${MONTH_NAMES[date.month - 1]} ${date.year}`;
}

/**
 * A month as a column heading.
 *
 * @example
 * monthHeading(2021, 4) //=> 'Apr 2021'
 */
export function monthHeading(year: number, month: number): string {
  return `${MONTH_NAMES[month - 1].slice(0, 3)} ${year}`;
}
