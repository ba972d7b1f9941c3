/**
 * Converting and checking the custom functions' Excel arguments, once, before the
 * engine sees them ("check, then compute"). Every limit on an argument is stated in
 * `LIMITS`; every failure is an `EngineError` whose message names the argument and,
 * for ranges, the row (and column, for ranges wider than one column).
 */
import { EngineError } from '../engine/errors';
import { type CalendarDate, fromExcelSerial, parseIsoDate } from '../engine/dates';

/** What Excel hands a custom function for one cell. */
export type Cell = number | string | boolean | null | undefined;
/** What Excel hands a custom function for a range (or a single cell, for a scalar). */
export type Range = Cell[][] | Cell;

/** The limits of the integer arguments, in one place. */
export const LIMITS = {
  decimals: { min: 0, max: 6, fallback: 2 },
  startMonth: { min: 1, max: 12, fallback: 4 },
} as const;

export type IntegerArgument = keyof typeof LIMITS;

/** The shape of a range: rows × columns. */
export interface Shape {
  rows: number;
  columns: number;
}

/** A range flattened row by row, with the shape to give results back in. */
export interface Flat<T> {
  values: T[];
  shape: Shape;
}

const isBlank = (cell: Cell): cell is '' | null | undefined =>
  cell === null || cell === undefined || cell === '';

/** Where the i-th cell (row by row) of a range sits, in words. */
export function position(index: number, shape: Shape): string {
  const row = Math.floor(index / shape.columns) + 1;
  if (shape.columns === 1) return `row ${row}`;
  const column = (index % shape.columns) + 1;
  return shape.rows === 1 ? `column ${column}` : `row ${row}, column ${column}`;
}

function describe(cell: Cell): string {
  return typeof cell === 'string' ? `text '${cell}'` : `${typeof cell} ${String(cell)}`;
}

/** A range as a 2-D array, whatever arrived: a scalar becomes a 1 × 1 range. */
export function matrix(range: Range): Cell[][] {
  if (Array.isArray(range)) return range.length === 0 ? [[]] : range;
  return [[range]];
}

function flatten<T>(range: Range, convert: (cell: Cell, where: string) => T): Flat<T> {
  const rows = matrix(range);
  const shape = { rows: rows.length, columns: rows[0]?.length ?? 0 };
  const values: T[] = [];
  rows.forEach((row) => row.forEach((cell) => values.push(convert(cell, position(values.length, shape)))));
  return { values, shape };
}

/** Gives results back in the shape the range came in. */
export function reshape<T>(values: readonly T[], shape: Shape): T[][] {
  const result: T[][] = [];
  for (let r = 0; r < shape.rows; r++) result.push(values.slice(r * shape.columns, (r + 1) * shape.columns));
  return result;
}

/**
 * A range of non-negative amounts or weights: blanks count as 0; text or a boolean is
 * `#VALUE!`; a negative number `#NUM!` (unless `allowNegative`).
 */
export function numbers(range: Range, name: string, allowNegative = false): Flat<number> {
  return flatten(range, (cell, where) => {
    if (isBlank(cell)) return 0;
    if (typeof cell !== 'number' || !Number.isFinite(cell)) {
      throw new EngineError('#VALUE!', `${name} ${where} is not a number: ${describe(cell)}.`);
    }
    if (!allowNegative && cell < 0) {
      throw new EngineError('#NUM!', `${name} ${where} is negative: ${cell}.`);
    }
    return cell;
  });
}

/** A range of texts (purposes): blanks become `''`, numbers their text. */
export function texts(range: Range): Flat<string> {
  return flatten(range, (cell) => (isBlank(cell) ? '' : String(cell).trim()));
}

const LOCKED = new Set(['true', '1', 'y', 'yes']);
const UNLOCKED = new Set(['false', '0', 'n', 'no', '']);

/** A range of lock flags: TRUE, 1, "Y", "Yes" lock a line; FALSE, 0, "N", "No", blank do not. */
export function flags(range: Range, name: string): Flat<boolean> {
  return flatten(range, (cell, where) => {
    const word = isBlank(cell) ? '' : String(cell).trim().toLowerCase();
    if (LOCKED.has(word)) return true;
    if (UNLOCKED.has(word)) return false;
    throw new EngineError('#VALUE!', `${name} ${where} is not a lock flag (TRUE, 1, Y, Yes or blank): ${describe(cell)}.`);
  });
}

/** One number argument, required. */
export function scalar(value: Cell, name: string, allowNegative = true): number {
  if (isBlank(value)) return 0;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new EngineError('#VALUE!', `${name} is not a number: ${describe(value)}.`);
  }
  if (!allowNegative && value < 0) throw new EngineError('#NUM!', `${name} is negative: ${value}.`);
  return value;
}

/** One integer argument within its `LIMITS`; omitted (`null`/`undefined`/blank) gives the default. */
export function integer(value: Cell, name: IntegerArgument): number {
  const { min, max, fallback } = LIMITS[name];
  if (isBlank(value)) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new EngineError('#NUM!', `${name} must be a whole number from ${min} to ${max}: ${describe(value)}.`);
  }
  return value;
}

/** One date: an Excel serial number (1900 system) or ISO text `YYYY-MM-DD`. */
export function date(value: Cell, name: string): CalendarDate {
  if (typeof value === 'number') return withName(name, () => fromExcelSerial(value));
  if (typeof value === 'string' && value.trim() !== '') return withName(name, () => parseIsoDate(value.trim()));
  throw new EngineError('#VALUE!', `${name} is not a date (a date cell, a serial number or YYYY-MM-DD): ${describe(value)}.`);
}

/** One optional text argument, lower-cased; omitted gives the default. */
export function word(value: Cell, fallback: string): string {
  return isBlank(value) ? fallback : String(value).trim().toLowerCase();
}

/** Is an optional argument omitted (Excel passes `null`; Node callers may pass `undefined`)? */
export function omitted(value: unknown): value is '' | null | undefined {
  return value === null || value === undefined || value === '';
}

function withName<T>(name: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof EngineError) throw new EngineError(error.code, `${name}: ${error.message}`);
    throw error;
  }
}
