/**
 * Where things go on a sheet, and how they look: the layout every adapter writes, worked
 * out once. Pure: no Office, exceljs, DOM or Node.
 *
 * An output sheet reads, top to bottom: the title lines (the first bold and larger), a
 * blank row, one Excel table (header row, body rows), then the footer rows (bold), all
 * in the column formats of the table; panes frozen under the header row.
 */
import type { CellValue, ColumnFormat, SheetColumn, SheetSpec, TableData } from '../engine/sheet';
import { SheetSpecError } from './errors';

/** Excel number format codes by column format; `undefined` leaves the cell General. */
export const NUMBER_FORMATS: Readonly<Record<ColumnFormat, string | undefined>> = {
  text: undefined,
  money: '£#,##0.00;-£#,##0.00',
  percent: '0.0%',
  date: 'dd/mm/yyyy',
  integer: '0',
  // General, not '#,##0.####': that pattern shows a whole number as "5." in Excel.
  number: undefined,
};

export const TABLE_STYLE = 'TableStyleMedium2';
export const TITLE_FONT_SIZE = 14;

/** Rows and columns of an output sheet, 1-based as Excel counts them. */
export interface SheetLayout {
  /** Title lines occupy rows 1..titleRows (none when the spec has no title). */
  titleRows: number;
  headerRow: number;
  firstBodyRow: number;
  /** Body rows written: the spec's rows, or one blank row (a table needs a body row). */
  bodyRows: number;
  /** First footer row: right below the table. */
  footerRow: number;
  footerRows: number;
  lastRow: number;
  columns: number;
  /** The table's range, header row included, e.g. `A3:J13`. */
  tableRange: string;
}

/** Lays out an output sheet, after checking that it can be written as an Excel table. */
export function layoutSheet(spec: SheetSpec): SheetLayout {
  checkSpec(spec);
  const titleRows = spec.title.length;
  const headerRow = titleRows === 0 ? 1 : titleRows + 2;
  const bodyRows = Math.max(1, spec.rows.length);
  const footerRow = headerRow + bodyRows + 1;
  const columns = spec.columns.length;
  return {
    titleRows,
    headerRow,
    firstBodyRow: headerRow + 1,
    bodyRows,
    footerRow,
    footerRows: spec.footer.length,
    lastRow: footerRow + spec.footer.length - 1,
    columns,
    tableRange: rangeAddress(headerRow, 1, headerRow + bodyRows, columns),
  };
}

/** The body rows to write: the spec's, or a single blank row when it has none. */
export function bodyRowsOf(rows: readonly (readonly CellValue[])[], columns: number): CellValue[][] {
  return rows.length === 0 ? [new Array<CellValue>(columns).fill(null)] : rows.map((row) => [...row]);
}

// ----------------------------------------------------------------------------------
// Printing: every output sheet prints as a board paper does (SPEC §3).

/** How an output sheet prints; every adapter writes it the same way. */
export interface PrintSetup {
  paper: 'A4';
  orientation: 'portrait' | 'landscape';
  /** Fit to one page wide, as many tall as it needs. */
  fitToWidth: 1;
  fitToHeight: 0;
  /** 1-based row repeated at the top of every printed page (the table's header row). */
  repeatRow: number;
  /** Footer: the sheet's name on the left, the run stamp (if any) on the right. */
  footerLeft: string;
  footerRight: string;
}

/** Total column width (characters) above which a sheet prints landscape. */
export const LANDSCAPE_ABOVE = 100;

/** The print setup of an output sheet laid out as `layout`. */
export function printSetup(spec: SheetSpec, layout: SheetLayout): PrintSetup {
  const width = spec.columns.reduce((sum, column) => sum + column.width, 0);
  return {
    paper: 'A4',
    orientation: width > LANDSCAPE_ABOVE ? 'landscape' : 'portrait',
    fitToWidth: 1,
    fitToHeight: 0,
    repeatRow: layout.headerRow,
    footerLeft: spec.sheet,
    footerRight: spec.stamp ?? '',
  };
}

// ----------------------------------------------------------------------------------
// Input tables (createTables): one table per sheet at A1, formats by the model's schema.

/**
 * How the model's input columns are shown when the sample model is created (SPEC §3).
 * Columns not listed stay General; `Value` holds fractions and amounts alike.
 */
const INPUT_FORMATS: Readonly<Record<string, ColumnFormat>> = {
  'Opening balance': 'money',
  Income: 'money',
  Floor: 'money',
  'Award cap': 'money',
  'Prior year': 'money',
  Budget: 'money',
  Start: 'date',
  End: 'date',
};

/** Columns (format and width) for an input table written by `createTables`. */
export function inputColumns(table: TableData): SheetColumn[] {
  return table.headers.map((header, c) => {
    const format = INPUT_FORMATS[header] ?? 'text';
    const longest = table.rows.reduce((max, row) => Math.max(max, shownLength(row[c] ?? null, format)), 0);
    return { header, format, width: Math.min(60, Math.max(10, header.length + 4, longest + 2)) };
  });
}

function shownLength(value: CellValue, format: ColumnFormat): number {
  if (value === null) return 0;
  if (typeof value === 'number') return format === 'date' ? 10 : format === 'money' ? 14 : String(value).length;
  return String(value).length;
}

// ----------------------------------------------------------------------------------
// Addresses

/** `1` → `A`, `27` → `AA`. */
export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

export function cellAddress(row: number, column: number): string {
  return `${columnName(column)}${row}`;
}

export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  return `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
}

/** A rectangle of cells, 1-based, bounds included. */
export interface CellRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Reads an A1-style reference (`B3:F20`, `$B$3`, `'My sheet'!B3:F20`) into a rectangle;
 * `undefined` for anything else.
 */
export function parseRange(reference: string): CellRect | undefined {
  const bang = reference.lastIndexOf('!');
  const local = (bang >= 0 ? reference.slice(bang + 1) : reference).replace(/\$/g, '').toUpperCase();
  const match = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(local);
  if (!match) return undefined;
  const [, c1, r1, c2 = c1, r2 = r1] = match;
  const top = Number(r1);
  const bottom = Number(r2);
  const left = columnNumber(c1);
  const right = columnNumber(c2);
  return {
    top: Math.min(top, bottom),
    bottom: Math.max(top, bottom),
    left: Math.min(left, right),
    right: Math.max(left, right),
  };
}

function columnNumber(name: string): number {
  let n = 0;
  for (const ch of name) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

// ----------------------------------------------------------------------------------
// Widths and payloads

/**
 * A width in characters (as `SheetColumn.width` and exceljs count) in points, as
 * Office.js `columnWidth` wants: Excel's default font is about 7 pixels a character
 * plus 5 pixels of padding, and a pixel is 3/4 of a point.
 */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * About how many bytes `rows` take in a JSON request, counting a leading apostrophe on
 * every string when `quotedText` (Office.js writes text that way). Counted cell by cell,
 * without building the string; non-ASCII characters counted as 3 bytes (UTF-8 worst case)
 * and quotes, backslashes and control characters as escaped.
 */
export function estimateJsonBytes(rows: readonly (readonly CellValue[])[], quotedText = false): number {
  let bytes = 2;
  for (const row of rows) {
    bytes += 2 + row.length; // brackets and commas
    for (const value of row) bytes += cellBytes(value, quotedText);
  }
  return bytes;
}

function cellBytes(value: CellValue, quotedText: boolean): number {
  if (value === null) return 4;
  if (typeof value === 'boolean') return value ? 4 : 5;
  if (typeof value === 'number') return String(value).length;
  let bytes = 2 + (quotedText ? 1 : 0);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    bytes += code === 34 || code === 92 ? 2 : code < 32 ? 6 : code < 128 ? 1 : 3;
  }
  return bytes;
}

/**
 * Splits rows into consecutive runs whose estimated JSON size stays within `budget`
 * bytes (a single row larger than the budget gets a run of its own). Returns
 * `[start, end)` index pairs covering every row; one pair `[0, 0)` for no rows.
 */
export function chunkRows(
  rows: readonly (readonly CellValue[])[],
  budget: number,
  quotedText = false,
): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  let start = 0;
  let size = 2;
  rows.forEach((row, i) => {
    const rowBytes = estimateJsonBytes([row], quotedText);
    if (i > start && size + rowBytes > budget) {
      chunks.push([start, i]);
      start = i;
      size = 2;
    }
    size += rowBytes;
  });
  chunks.push([start, rows.length]);
  return chunks;
}

// ----------------------------------------------------------------------------------
// Checks: what Excel would refuse, refused before anything is written.

const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;

/** Excel's rules for a worksheet name; `undefined` when the name is fine. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'a sheet name cannot be blank';
  if (name.length > 31) return `the sheet name '${name}' is longer than Excel's 31 characters`;
  if (SHEET_NAME_FORBIDDEN.test(name)) return `the sheet name '${name}' contains one of : \\ / ? * [ ]`;
  if (name.startsWith("'") || name.endsWith("'")) return `the sheet name '${name}' starts or ends with an apostrophe`;
  if (name.toLowerCase() === 'history') return "Excel reserves the sheet name 'History'";
  return undefined;
}

/** Excel's rules for a table name; `undefined` when the name is fine. */
export function tableNameProblem(name: string): string | undefined {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || name.length > 255) {
    return `'${name}' is not a valid Excel table name (letters, digits, _ and . only, starting with a letter)`;
  }
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) {
    return `'${name}' is not a valid Excel table name: it reads as a cell reference`;
  }
  return undefined;
}

function headersProblem(headers: readonly string[]): string | undefined {
  if (headers.length === 0) return 'a table needs at least one column';
  const seen = new Set<string>();
  for (const header of headers) {
    if (header.trim() === '') return 'a column header is blank';
    const key = header.toUpperCase();
    if (seen.has(key)) return `the column header '${header}' appears twice (Excel table headers are unique)`;
    seen.add(key);
  }
  return undefined;
}

function rowsProblem(
  rows: readonly (readonly CellValue[])[],
  width: number,
  what: string,
): string | undefined {
  for (let r = 0; r < rows.length; r++) {
    if (rows[r].length !== width) return `${what} row ${r + 1} has ${rows[r].length} cells for ${width} columns`;
    for (let c = 0; c < width; c++) {
      const value = rows[r][c];
      if (typeof value === 'number' && !Number.isFinite(value)) {
        return `${what} row ${r + 1}, column ${c + 1} is ${value}, which a cell cannot hold`;
      }
    }
  }
  return undefined;
}

/** Throws `SheetSpecError` if the spec cannot be written as described. */
export function checkSpec(spec: SheetSpec): void {
  const problem =
    sheetNameProblem(spec.sheet) ??
    tableNameProblem(spec.table) ??
    headersProblem(spec.columns.map((c) => c.header)) ??
    rowsProblem(spec.rows, spec.columns.length, 'body') ??
    rowsProblem(spec.footer, spec.columns.length, 'footer');
  if (problem) throw new SheetSpecError(spec.sheet, problem);
}

/** Throws `SheetSpecError` if the table cannot be created as given. */
export function checkTableData(table: TableData): void {
  const problem =
    sheetNameProblem(table.sheet) ??
    tableNameProblem(table.name) ??
    headersProblem(table.headers) ??
    rowsProblem(table.rows, table.headers.length, 'body');
  if (problem) throw new SheetSpecError(table.sheet, problem);
}
