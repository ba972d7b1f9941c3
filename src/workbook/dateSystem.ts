/**
 * Excel's two date systems. A workbook made with "Use 1904 date system" (old Mac
 * workbooks, some still in use) counts days from 1 January 1904, so the same date is a
 * serial 1,462 lower than in the 1900 system that the engine works in. Office.js hands
 * over serial numbers with no released API saying which system a workbook uses, so the
 * adapter finds out (see `officejs.ts`) and converts on the way in and out. Pure.
 */

export type DateSystem = 1900 | 1904;

/** Days from the 1900 system's serial of a date to the 1904 system's: four years and a day. */
export const DAYS_1904_OFFSET = 1462;

/** The probe formula written on the registry sheet: 0 in a 1904 workbook, 1462 in a 1900 one. */
export const DATE_PROBE_FORMULA = '=DATE(1904,1,1)';

/** The date system a probe cell's calculated value shows, if it shows one. */
export function systemFromProbe(value: unknown): DateSystem | undefined {
  if (value === 0) return 1904;
  if (value === DAYS_1904_OFFSET) return 1900;
  return undefined;
}

/**
 * Whether a number format shows a date: it has day or year codes outside quoted text,
 * brackets (`[$-809]`, `[Red]`) and escaped characters. Times alone (`h:mm`) are not dates.
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string' || format === '' || format === 'General') return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '').replace(/_./g, '');
  return /[dy]/i.test(bare);
}

/** The year of a 1900-system serial. */
function yearOf1900Serial(serial: number): number {
  return new Date(Math.round((serial - 25_569) * 86_400_000)).getUTCFullYear();
}

/**
 * What a date cell says about the date system: Excel shows a serial as a date by the
 * workbook's system, so the four-digit year in its text is either the year of the
 * serial read as 1900-system (a 1900 workbook) or four (or five, for 31 December) years
 * later (a 1904 workbook). `undefined` when the cell shows no four-digit year.
 */
export function systemFromDateText(serial: number, text: string): DateSystem | undefined {
  const years = text.match(/(?<!\d)\d{4}(?!\d)/g);
  if (years === null || years.length !== 1 || !Number.isFinite(serial) || serial < 1) return undefined;
  const difference = Number(years[0]) - yearOf1900Serial(serial);
  if (difference === 0) return 1900;
  if (difference === 4 || difference === 5) return 1904;
  return undefined;
}

/** A serial read from a workbook of `system`, as the engine's 1900-system serial. */
export function toSerial1900(serial: number, system: DateSystem): number {
  return system === 1904 ? serial + DAYS_1904_OFFSET : serial;
}

/** A 1900-system serial as a workbook of `system` stores it. */
export function fromSerial1900(serial: number, system: DateSystem): number {
  return system === 1904 ? serial - DAYS_1904_OFFSET : serial;
}
