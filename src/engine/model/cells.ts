/**
 * Reading single cells: numbers and amounts (numbers or numeric text such as
 * `£1,234.50`), dates (Excel serials or ISO text), yes/no flags and text. Each reader
 * gives the value, null for a blank cell, or a `BadCell` holding the text it could not
 * read (for the message).
 */
import { fromExcelSerial, parseIsoDate, type CalendarDate } from '../dates';
import { EngineError } from '../errors';
import { D, toNumber } from '../money';
import type { CellValue } from '../sheet';
import { roundPounds } from './pence';

/** A cell that could not be read as what was wanted. */
export class BadCell {
  constructor(readonly text: string) {}
}

/** A cell as trimmed text: `''` for blank, numbers as JavaScript writes them, TRUE/FALSE. */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

const NUMERIC = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * A number: a number cell, or numeric text with optional `£`, thousands commas, spaces,
 * a leading sign or accounting brackets; with `percent`, a trailing `%` divides by 100.
 * Kept as written (not rounded).
 *
 * @example
 * readNumber('£1,234.50') //=> 1234.5
 * readNumber('(250)')     //=> -250
 * readNumber('-5.1%', true) //=> -0.051
 * readNumber('abc')       //=> BadCell { text: 'abc' }
 */
export function readNumber(cell: CellValue | undefined, percent = false): number | null | BadCell {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell + 0 : new BadCell(String(cell));
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'boolean') return new BadCell(cellText(cell));
  const text = cell.trim();
  if (text === '') return null;
  let body = text;
  let negate = false;
  if (body.startsWith('(') && body.endsWith(')')) {
    negate = true;
    body = body.slice(1, -1);
  }
  const isPercent = percent && body.endsWith('%');
  if (isPercent) body = body.slice(0, -1);
  body = body.replace(/[£,\s\u00a0]/g, '');
  if (!NUMERIC.test(body)) return new BadCell(text);
  // A percentage is divided in decimal, so that '5.1%' is exactly 0.051.
  const value = isPercent ? toNumber(new D(body).div(100)) : Number(body);
  if (!Number.isFinite(value)) return new BadCell(text);
  return (negate ? -value : value) + 0;
}

/** An amount of money: a number (see `readNumber`) rounded half away from zero to the penny. */
export function readMoney(cell: CellValue | undefined): number | null | BadCell {
  const read = readNumber(cell);
  return typeof read === 'number' ? roundPounds(read) : read;
}

/** ISO text with a time and a zone, as a program that writes UTC instants leaves it: the zone is set aside. */
const ISO_WITH_ZONE = /^(\d{4}-\d{2}-\d{2}T[\d:.]+)(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * A date: an Excel serial (1900 system; any time of day is dropped) or ISO text
 * (`parseIsoDate`: a date, optionally with a valid time of day; in a cell the time may
 * also carry a zone, `Z` or `+01:00`, which is set aside).
 */
export function readDate(cell: CellValue | undefined): CalendarDate | null | BadCell {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'boolean') return new BadCell(cellText(cell));
  const text = cellText(cell);
  if (text === '') return null;
  try {
    if (typeof cell === 'number') return fromExcelSerial(Math.floor(cell));
    if (/^\d+(\.\d+)?$/.test(text)) return fromExcelSerial(Math.floor(Number(text)));
    return parseIsoDate(ISO_WITH_ZONE.exec(text)?.[1] ?? text);
  } catch (error) {
    if (error instanceof EngineError) return new BadCell(text);
    throw error;
  }
}

const YES = new Set(['true', '1', 'y', 'yes']);
const NO = new Set(['false', '0', 'n', 'no']);

/** A yes/no flag: TRUE, 1, "Y", "Yes" (any case) are yes; FALSE, 0, "N", "No" are no; blank is null. */
export function readFlag(cell: CellValue | undefined): boolean | null | BadCell {
  if (cell === true || cell === false) return cell;
  if (cell === null || cell === undefined) return null;
  const text = cellText(cell);
  if (text === '') return null;
  const lower = text.toLowerCase();
  if (YES.has(lower)) return true;
  if (NO.has(lower)) return false;
  return new BadCell(text);
}

/**
 * The cells of one body row, read by column position (-1 for a column the table does
 * not have, which reads as blank). One reader serves a whole table, row after row.
 */
export class RowCells {
  cells: readonly CellValue[] = [];

  /** The cell; null when blank, missing or beyond the row. */
  at(column: number): CellValue {
    if (column < 0 || column >= this.cells.length) return null;
    const cell = this.cells[column];
    return cell === undefined ? null : cell;
  }

  /** True when every cell of the row is blank (Excel tables often end with such rows). */
  isBlank(): boolean {
    for (const cell of this.cells) {
      if (cell === null || cell === undefined) continue;
      if (typeof cell === 'string' && cell.trim() === '') continue;
      return false;
    }
    return true;
  }

  text(column: number): string {
    return cellText(this.at(column));
  }

  number(column: number, percent = false): number | null | BadCell {
    return readNumber(this.at(column), percent);
  }

  money(column: number): number | null | BadCell {
    return readMoney(this.at(column));
  }

  date(column: number): CalendarDate | null | BadCell {
    return readDate(this.at(column));
  }

  flag(column: number): boolean | null | BadCell {
    return readFlag(this.at(column));
  }
}
