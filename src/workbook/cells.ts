/**
 * Cell values on their way out of a workbook, made into the engine's `CellValue`:
 * dates as Excel serial numbers, blanks as `null`. Pure.
 */
import type { CellValue } from '../engine/sheet';

const MS_PER_DAY = 86_400_000;
/** 1970-01-01 as an Excel serial (1900 date system). */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * An Excel serial number (1900 date system) for a date read as a JS `Date` at UTC, as
 * exceljs gives date cells. Whole days stay whole: the time is rounded to the
 * millisecond first. Serials below 61 (before 1 March 1900) are off by Excel's famous
 * phantom 29 February 1900; the model has no dates that old.
 *
 * @example dateToSerial(new Date(Date.UTC(2021, 3, 1))) // 44287 (1 April 2021)
 */
export function dateToSerial(date: Date): number {
  return Math.round(date.getTime()) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** Blank text is a blank cell: Office.js reads empty cells as `''`. */
export function blankToNull(value: CellValue): CellValue {
  return value === '' ? null : value;
}

/** Drops trailing rows that are wholly blank (a table always keeps one body row). */
export function withoutTrailingBlankRows(rows: CellValue[][]): CellValue[][] {
  let end = rows.length;
  while (end > 0 && rows[end - 1].every((v) => v === null)) end--;
  return end === rows.length ? rows : rows.slice(0, end);
}
