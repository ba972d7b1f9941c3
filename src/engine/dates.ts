/**
 * Calendar dates as plain year, month and day — no JavaScript `Date`, so no time zone
 * can move a day. Excel serial numbers follow the 1900 date system, including the
 * 29 February 1900 that Excel counts (serial 60) although it never was.
 */
import { EngineError } from './errors';
import * as messages from './messages';

/** A day in the calendar; `month` runs 1 to 12. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The last serial Excel shows as a date: 9999-12-31.
 *
 * @example
 * toIsoDate(fromExcelSerial(MAX_EXCEL_SERIAL))
 * //=> '9999-12-31'
 */
export const MAX_EXCEL_SERIAL = 2958465;

/**
 * Whether the year has a 29 February (Gregorian rule).
 *
 * @example
 * [isLeapYear(2020), isLeapYear(1900), isLeapYear(2000)]
 * //=> [true, false, true]
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The number of days in a month (`month` 1 to 12).
 *
 * @example
 * [daysInMonth(2021, 2), daysInMonth(2024, 2), daysInMonth(2021, 4)]
 * //=> [28, 29, 30]
 */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/**
 * Whether the parts make a real date (whole numbers, month 1 to 12, day within it).
 *
 * @example
 * [isRealDate({ year: 2021, month: 2, day: 29 }), isRealDate({ year: 2024, month: 2, day: 29 })]
 * //=> [false, true]
 */
export function isRealDate(date: CalendarDate): boolean {
  const { year, month, day } = date;
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Days since 1970-01-01 (negative before), for comparing dates and counting the days
 * between them. Pure arithmetic on the proleptic Gregorian calendar: years are counted
 * from March, so that the leap day falls at the end of the counting year, and in
 * 400-year cycles of 146,097 days.
 *
 * @example
 * [dayNumber({ year: 1970, month: 1, day: 1 }), dayNumber({ year: 2021, month: 4, day: 1 })]
 * //=> [0, 18718]
 */
export function dayNumber(date: CalendarDate): number {
  const year = date.month <= 2 ? date.year - 1 : date.year;
  const cycle = Math.floor(year / 400);
  const yearOfCycle = year - cycle * 400;
  const monthFromMarch = (date.month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + date.day - 1;
  const dayOfCycle = yearOfCycle * 365 + Math.floor(yearOfCycle / 4) - Math.floor(yearOfCycle / 100) + dayOfYear;
  // 719,468 days run from 0000-03-01 to 1970-01-01.
  return cycle * 146097 + dayOfCycle - 719468;
}

/**
 * The date a {@link dayNumber} stands for.
 *
 * @example
 * fromDayNumber(18718)
 * //=> { year: 2021, month: 4, day: 1 }
 */
export function fromDayNumber(n: number): CalendarDate {
  const days = n + 719468;
  const cycle = Math.floor(days / 146097);
  const dayOfCycle = days - cycle * 146097;
  const yearOfCycle = Math.floor(
    (dayOfCycle - Math.floor(dayOfCycle / 1460) + Math.floor(dayOfCycle / 36524) - Math.floor(dayOfCycle / 146096)) / 365,
  );
  const dayOfYear = dayOfCycle - (365 * yearOfCycle + Math.floor(yearOfCycle / 4) - Math.floor(yearOfCycle / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfCycle + cycle * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/**
 * Orders two dates: negative when `a` is earlier, 0 when the same day, positive when later.
 *
 * @example
 * compareDates({ year: 2021, month: 3, day: 31 }, { year: 2021, month: 4, day: 1 }) < 0
 * //=> true
 */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year !== b.year ? a.year - b.year : a.month !== b.month ? a.month - b.month : a.day - b.day;
}

/** Serial 0 is 1899-12-30 for every serial from 61 (1900-03-01) on. */
const EXCEL_EPOCH = dayNumber({ year: 1899, month: 12, day: 30 });

/**
 * The date an Excel serial number stands for (1900 date system). The time of day (the
 * fraction) is ignored. Serial 60 is Excel's 1900-02-29.
 *
 * @throws {EngineError} `#VALUE!` below 1, above 2958465 (9999-12-31) or not finite
 *
 * @example
 * [fromExcelSerial(45000), fromExcelSerial(1), fromExcelSerial(60)]
 * //=> [{ year: 2023, month: 3, day: 15 }, { year: 1900, month: 1, day: 1 }, { year: 1900, month: 2, day: 29 }]
 */
export function fromExcelSerial(serial: number, argument = 'date'): CalendarDate {
  if (typeof serial !== 'number' || !Number.isFinite(serial) || serial < 1 || serial >= MAX_EXCEL_SERIAL + 1) {
    throw new EngineError('#VALUE!', messages.badSerial(argument, serial));
  }
  const whole = Math.floor(serial);
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  return fromDayNumber(EXCEL_EPOCH + whole + (whole < 60 ? 1 : 0));
}

/**
 * The Excel serial number of a date (1900 date system); `{ year: 1900, month: 2, day: 29 }`
 * is 60, as in Excel.
 *
 * @throws {EngineError} `#VALUE!` for a date that is not real or is outside 1900-01-01 to 9999-12-31
 *
 * @example
 * toExcelSerial({ year: 2023, month: 3, day: 15 })
 * //=> 45000
 */
export function toExcelSerial(date: CalendarDate, argument = 'date'): number {
  if (date.year === 1900 && date.month === 2 && date.day === 29) return 60;
  const serial = isRealDate(date) ? dayNumber(date) - EXCEL_EPOCH : NaN;
  if (!(serial >= 2 && serial <= MAX_EXCEL_SERIAL)) {
    throw new EngineError('#VALUE!', messages.outsideExcelDates(argument, describeDate(date)));
  }
  return serial <= 60 ? serial - 1 : serial;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(.*))?$/;
const ISO_TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

/** Whether `HH:MM[:SS[.fff]]` is a time of day (00:00 to 23:59:59.999). */
function isTimeOfDay(text: string): boolean {
  const match = ISO_TIME.exec(text);
  if (match === null) return false;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), match[3] === undefined ? 0 : Number(match[3])];
  return hours <= 23 && minutes <= 59 && seconds <= 59;
}

/**
 * Reads an ISO date, `YYYY-MM-DD`, optionally followed by a time of day
 * `THH:MM[:SS[.fff]]` (which is ignored). Anything else after the date — a zone, text,
 * a time that is not one (`T25:00`) — makes it a bad date.
 *
 * @throws {EngineError} `#VALUE!` when the text is not in that form or is not a real date (2021-02-30)
 *
 * @example
 * [parseIsoDate('2021-04-01'), parseIsoDate('2021-04-01T09:30:00.000')]
 * //=> [{ year: 2021, month: 4, day: 1 }, { year: 2021, month: 4, day: 1 }]
 */
export function parseIsoDate(text: string, argument = 'date'): CalendarDate {
  const match = typeof text === 'string' ? ISO_DATE.exec(text.trim()) : null;
  if (match === null) throw new EngineError('#VALUE!', messages.badDateText(argument, text));
  if (match[4] !== undefined && !isTimeOfDay(match[4])) {
    throw new EngineError('#VALUE!', messages.badTimeText(argument, text.trim()));
  }
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (date.year < 1) throw new EngineError('#VALUE!', messages.badDateText(argument, text));
  if (date.month < 1 || date.month > 12) {
    throw new EngineError('#VALUE!', messages.notARealDate(argument, text.trim(), null));
  }
  if (date.day < 1 || date.day > daysInMonth(date.year, date.month)) {
    throw new EngineError('#VALUE!', messages.notARealDate(argument, text.trim(), daysInMonth(date.year, date.month)));
  }
  return date;
}

/**
 * A date as ISO text, `YYYY-MM-DD`.
 *
 * @example
 * toIsoDate({ year: 2021, month: 4, day: 1 })
 * //=> '2021-04-01'
 */
export function toIsoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

function describeDate(date: CalendarDate): string {
  return isRealDate(date) || (date.year === 1900 && date.month === 2 && date.day === 29)
    ? toIsoDate(date)
    : `${date.year}-${date.month}-${date.day}`;
}

/**
 * A date given as an Excel serial number or ISO text (or already a date), as Excel
 * arguments arrive.
 *
 * @throws {EngineError} `#VALUE!` when it is neither
 *
 * @example
 * [readDate(45000), readDate('2023-03-15')]
 * //=> [{ year: 2023, month: 3, day: 15 }, { year: 2023, month: 3, day: 15 }]
 */
export function readDate(value: number | string | CalendarDate, argument = 'date'): CalendarDate {
  if (typeof value === 'number') return fromExcelSerial(value, argument);
  if (typeof value === 'string') return parseIsoDate(value, argument);
  if (typeof value === 'object' && value !== null && isRealDate(value)) return value;
  throw new EngineError('#VALUE!', messages.badDateText(argument, value));
}
