/**
 * Reading single cells: amounts (numbers or numeric text such as `£1,234.50`), dates
 * (Excel serials or ISO text), yes/no flags and text. A cell is blank, a value, or
 * bad (its text kept for the message).
 */
import type { Decimal } from 'decimal.js';
import { fromExcelSerial, parseIsoDate, type CalendarDate } from '../dates';
import { EngineError } from '../errors';
import { D } from '../money';
import type { CellValue } from '../sheet';

export type CellRead<T> = { kind: 'blank' } | { kind: 'value'; value: T } | { kind: 'bad'; text: string };

const BLANK = { kind: 'blank' } as const;

/** A cell as trimmed text: `''` for blank, numbers as JavaScript writes them, TRUE/FALSE. */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

const NUMERIC = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * An amount: a number, or numeric text with optional `£`, thousands commas, spaces, a
 * leading sign or accounting brackets; with `percent`, a trailing `%` divides by 100.
 *
 * @example
 * readAmount('£1,234.50') // { kind: 'value', value: 1234.5 }
 * readAmount('(250)')     // { kind: 'value', value: -250 }
 * readAmount('-5.1%', { percent: true }) // { kind: 'value', value: -0.051 }
 */
export function readAmount(cell: CellValue | undefined, options: { percent?: boolean } = {}): CellRead<Decimal> {
  if (cell === null || cell === undefined) return BLANK;
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? { kind: 'value', value: new D(cell) } : { kind: 'bad', text: String(cell) };
  }
  if (typeof cell === 'boolean') return { kind: 'bad', text: cellText(cell) };
  const text = cell.trim();
  if (text === '') return BLANK;
  let body = text;
  let negate = false;
  let percent = false;
  if (body.startsWith('(') && body.endsWith(')')) {
    negate = true;
    body = body.slice(1, -1);
  }
  if (options.percent === true && body.endsWith('%')) {
    percent = true;
    body = body.slice(0, -1);
  }
  body = body.replace(/[£,\s\u00a0]/g, '');
  if (!NUMERIC.test(body)) return { kind: 'bad', text };
  let value = new D(body);
  if (percent) value = value.div(100);
  if (negate) value = value.neg();
  return { kind: 'value', value };
}

const ISO_WITH_TIME = /^(\d{4}-\d{2}-\d{2})T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/;

/** A date: an Excel serial (1900 system; any time of day is dropped) or ISO text. */
export function readDate(cell: CellValue | undefined): CellRead<CalendarDate> {
  if (cell === null || cell === undefined) return BLANK;
  if (typeof cell === 'boolean') return { kind: 'bad', text: cellText(cell) };
  const text = cellText(cell);
  if (text === '') return BLANK;
  try {
    if (typeof cell === 'number') return { kind: 'value', value: fromExcelSerial(Math.floor(cell)) };
    if (/^\d+(\.\d+)?$/.test(text)) return { kind: 'value', value: fromExcelSerial(Math.floor(Number(text))) };
    const withTime = ISO_WITH_TIME.exec(text);
    return { kind: 'value', value: parseIsoDate(withTime === null ? text : withTime[1]) };
  } catch (error) {
    if (error instanceof EngineError) return { kind: 'bad', text };
    throw error;
  }
}

const YES = new Set(['true', '1', 'y', 'yes']);
const NO = new Set(['false', '0', 'n', 'no']);

/** A yes/no flag: TRUE, 1, "Y", "Yes" (any case) are yes; blank, FALSE, 0, "N", "No" are no. */
export function readFlag(cell: CellValue | undefined): CellRead<boolean> {
  if (cell === true) return { kind: 'value', value: true };
  if (cell === false) return { kind: 'value', value: false };
  const text = cellText(cell);
  if (text === '') return BLANK;
  const lower = text.toLowerCase();
  if (YES.has(lower)) return { kind: 'value', value: true };
  if (NO.has(lower)) return { kind: 'value', value: false };
  return { kind: 'bad', text };
}
