/**
 * Financial years. A UK public body's year runs 1 April to 31 March and is written
 * `2021/22`; other start months are allowed, and a year starting in January is the
 * calendar year, written `2021`.
 */
import { type CalendarDate, daysInMonth } from './dates';
import { EngineError } from './errors';
import * as messages from './messages';

/** A financial year: the year and month it starts in, its label and first and last days. */
export interface FiscalYear {
  readonly startYear: number;
  readonly startMonth: number;
  /** `2021/22`, or `2021` for a year starting in January. */
  readonly label: string;
  readonly start: CalendarDate;
  readonly end: CalendarDate;
}

/**
 * The UK public-sector year starts in April.
 *
 * @example
 * fiscalYearOf(2021, UK_FISCAL_START_MONTH).label
 * //=> '2021/22'
 */
export const UK_FISCAL_START_MONTH = 4;

function checkStartMonth(startMonth: number): void {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new EngineError('#NUM!', messages.startMonth(startMonth));
  }
}

/**
 * The financial year starting in `startMonth` of `startYear`.
 *
 * @throws {EngineError} `#NUM!` when `startMonth` is not a whole number 1 to 12; `#VALUE!` when `startYear` is not a whole number
 *
 * @example
 * fiscalYearOf(2021)
 * //=> { startYear: 2021, startMonth: 4, label: '2021/22',
 * //     start: { year: 2021, month: 4, day: 1 }, end: { year: 2022, month: 3, day: 31 } }
 */
export function fiscalYearOf(startYear: number, startMonth = UK_FISCAL_START_MONTH): FiscalYear {
  checkStartMonth(startMonth);
  if (!Number.isInteger(startYear)) throw new EngineError('#VALUE!', messages.fiscalYearText(startYear));
  if (startMonth === 1) {
    return {
      startYear,
      startMonth,
      label: String(startYear),
      start: { year: startYear, month: 1, day: 1 },
      end: { year: startYear, month: 12, day: 31 },
    };
  }
  const endMonth = startMonth - 1;
  return {
    startYear,
    startMonth,
    label: `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`,
    start: { year: startYear, month: startMonth, day: 1 },
    end: { year: startYear + 1, month: endMonth, day: daysInMonth(startYear + 1, endMonth) },
  };
}

/**
 * The financial year a date falls in.
 *
 * @throws {EngineError} `#NUM!` when `startMonth` is not a whole number 1 to 12
 *
 * @example
 * [fiscalYear({ year: 2021, month: 3, day: 31 }).label, fiscalYear({ year: 1999, month: 4, day: 1 }).label,
 *  fiscalYear({ year: 2021, month: 3, day: 31 }, 1).label]
 * //=> ['2020/21', '1999/00', '2021']
 */
export function fiscalYear(date: CalendarDate, startMonth = UK_FISCAL_START_MONTH): FiscalYear {
  checkStartMonth(startMonth);
  return fiscalYearOf(date.month >= startMonth ? date.year : date.year - 1, startMonth);
}

const FISCAL_YEAR_TEXT = /^(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?$/;

/**
 * The start year of a financial year written as a number (2021) or as text (`2021`,
 * `2021/22`, `2021-22`, `2021/2022`).
 *
 * @throws {EngineError} `#VALUE!` for anything else, including a second year that does not follow the first (`2021/23`)
 *
 * @example
 * [parseFiscalYear(2021), parseFiscalYear('2021/22'), parseFiscalYear('2021-22'), parseFiscalYear('1999/2000')]
 * //=> [2021, 2021, 2021, 1999]
 */
export function parseFiscalYear(input: number | string): number {
  if (typeof input === 'number') {
    if (Number.isInteger(input) && input >= 1000 && input <= 9999) return input;
    throw new EngineError('#VALUE!', messages.fiscalYearText(input));
  }
  const match = typeof input === 'string' ? FISCAL_YEAR_TEXT.exec(input.trim()) : null;
  if (match === null) throw new EngineError('#VALUE!', messages.fiscalYearText(input));
  const startYear = Number(match[1]);
  if (startYear < 1000) throw new EngineError('#VALUE!', messages.fiscalYearText(input));
  const second = match[2];
  if (second !== undefined) {
    const next = startYear + 1;
    const expected = second.length === 2 ? next % 100 : next;
    if (Number(second) !== expected) throw new EngineError('#VALUE!', messages.fiscalYearMismatch(input.trim(), startYear));
  }
  return startYear;
}
