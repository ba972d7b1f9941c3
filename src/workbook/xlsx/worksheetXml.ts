/**
 * Worksheet parts the add-in writes whole: an owned output sheet (title lines, one
 * table, bold footer rows, £ formats, widths, frozen header, print setup), a sheet of
 * input tables (the sample model), and the very hidden ownership registry.
 *
 * Text goes in as inline strings (`t="inlineStr"`), so the workbook's shared strings
 * part stays the user's bytes. Blank cells are not written. Elements come in the order
 * the CT_Worksheet schema gives them (Excel refuses a part whose order differs).
 *
 * Built as arrays of strings joined once, with each text escaped once: 30,000 rows
 * take milliseconds.
 */
import type { CellValue, ColumnFormat, SheetColumn, SheetSpec } from '../../engine/sheet';
import { cellAddress, columnName, type PrintSetup, type SheetLayout } from '../layout';
import { REGISTRY_HEADER, registryFormula } from '../ownership';
import { NS_MAIN, NS_REL, escapeXml } from './xml';

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The cell styles (indexes into `cellXfs`) an output sheet uses; see `stylesEdit`. */
export interface SheetStyles {
  /** Body cells of a column of this format. */
  body: Readonly<Record<ColumnFormat, number>>;
  /** Footer (totals) cells: bold, in the column's format. */
  footer: Readonly<Record<ColumnFormat, number>>;
  /** The first title line: bold, 14 pt. */
  title: number;
}

// ------------------------------------------------------------------------------------
// Cells

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NEEDS_ESCAPE = /[&<>"'_\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text escaped for XML, skipping the work for the (usual) text that needs none. */
export function escapeText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? escapeXml(text) : text;
}

/** Whether a character code is XML white space (what `<t>` would lose at either end). */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** `<t>` keeps leading and trailing spaces only with `xml:space="preserve"`. */
function textElement(text: string): string {
  const preserve = isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1));
  return `${preserve ? '<t xml:space="preserve">' : '<t>'}${escapeText(text)}</t>`;
}

/**
 * One cell's XML, or '' for a blank cell. Numbers are written as JavaScript prints them
 * (the shortest text that reads back as the same double).
 */
export function cellXml(ref: string, value: CellValue, style: number): string {
  return valueXml(`<c r="${ref}"${styleAttribute(style)}`, value);
}

/** ` s="3"`, or '' for the default style. */
function styleAttribute(style: number): string {
  return style === 0 ? '' : ` s="${style}"`;
}

/** A cell from its start tag's opening (`<c r="B4" s="3"`) and its value; '' when blank. */
function valueXml(open: string, value: CellValue): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') return `${open}><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `${open} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `${open} t="inlineStr"><is>${textElement(value)}</is></c>`;
}

/** One `<row>`; '' when every cell is blank. */
function rowXml(row: number, cells: readonly string[]): string {
  const body = cells.join('');
  return body === '' ? '' : `<row r="${row}">${body}</row>`;
}

/** Column letters for columns 1..n, worked out once per sheet. */
function columnLetters(n: number): string[] {
  const letters: string[] = [];
  for (let c = 1; c <= n; c++) letters.push(columnName(c));
  return letters;
}

/**
 * Rows of values from sheet row `first` down, each cell in its column's style, pushed
 * onto `out` (wholly blank rows left out). The hot loop: a template per cell, one join
 * per row (measured faster than appending to one string, or one flat array of pieces).
 */
function pushValueRows(
  out: string[],
  first: number,
  rows: readonly (readonly CellValue[])[],
  letters: readonly string[],
  styles: readonly number[],
): void {
  const attributes = styles.map(styleAttribute);
  const cells: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const values = rows[i];
    const r = first + i;
    cells.length = 0;
    for (let c = 0; c < values.length; c++) {
      const value = values[c];
      if (value === null || value === '') continue;
      cells.push(valueXml(`<c r="${letters[c]}${r}"${attributes[c]}`, value));
    }
    if (cells.length > 0) out.push(`<row r="${r}">${cells.join('')}</row>`);
  }
}

// ------------------------------------------------------------------------------------
// The part

/** What a worksheet part holds, its rows already written. */
export interface WorksheetParts {
  /** `<row>` elements in row order. */
  rows: readonly string[];
  /** The used range, e.g. `A1:J20`; undefined for an empty sheet. */
  dimension?: string;
  /** Column widths in characters, from column A. */
  widths: readonly number[];
  /** Rows frozen at the top (0: none). */
  frozenRows: number;
  print?: PrintSetup;
  /** Relationship ids of the sheet's table parts. */
  tableRelIds: readonly string[];
}

/** A worksheet part's text. */
export function worksheetXml(parts: WorksheetParts): string {
  const out: string[] = [XML_DECLARATION, `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`];
  if (parts.print) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out.push(`<dimension ref="${parts.dimension ?? 'A1'}"/>`);
  out.push('<sheetViews><sheetView workbookViewId="0">');
  if (parts.frozenRows > 0) {
    const topLeft = cellAddress(parts.frozenRows + 1, 1);
    out.push(
      `<pane ySplit="${parts.frozenRows}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/>`,
      `<selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/>`,
    );
  }
  out.push('</sheetView></sheetViews>', '<sheetFormatPr defaultRowHeight="15"/>');
  if (parts.widths.length > 0) {
    out.push('<cols>');
    parts.widths.forEach((width, i) => out.push(`<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`));
    out.push('</cols>');
  }
  // Joined on their own: spreading 100,000 rows into `push` would overflow the stack.
  out.push('<sheetData>', parts.rows.join(''), '</sheetData>');
  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (parts.print) out.push(pageSetupXml(parts.print));
  if (parts.tableRelIds.length > 0) {
    out.push(`<tableParts count="${parts.tableRelIds.length}">`);
    for (const id of parts.tableRelIds) out.push(`<tablePart r:id="${escapeXml(id)}"/>`);
    out.push('</tableParts>');
  }
  out.push('</worksheet>');
  return out.join('');
}

/** `&` starts a code in a header or footer; a literal one is written `&&`. */
export function footerText(text: string): string {
  return text.replace(/&/g, '&&');
}

function pageSetupXml(print: PrintSetup): string {
  const paperSize = print.paper === 'A4' ? 9 : 1;
  const footer = `&L${footerText(print.footerLeft)}${print.footerRight === '' ? '' : `&R${footerText(print.footerRight)}`}`;
  return (
    `<pageSetup paperSize="${paperSize}" orientation="${print.orientation}" fitToWidth="${print.fitToWidth}" fitToHeight="${print.fitToHeight}"/>` +
    `<headerFooter><oddFooter>${escapeXml(footer)}</oddFooter></headerFooter>`
  );
}

// ------------------------------------------------------------------------------------
// The sheets we write

/**
 * An owned output sheet: title lines (the first bold and larger), a blank row, the
 * table's header and body, the footer rows bold, in the columns' formats.
 *
 * @param tableRelId the relationship id of the sheet's table part
 */
export function outputSheetXml(spec: SheetSpec, layout: SheetLayout, styles: SheetStyles, print: PrintSetup, tableRelId: string): string {
  const letters = columnLetters(layout.columns);
  const rows: string[] = [];
  spec.title.forEach((line, i) => {
    rows.push(rowXml(i + 1, [cellXml(`A${i + 1}`, line, i === 0 ? styles.title : 0)]));
  });
  rows.push(headerRowXml(layout.headerRow, spec.columns, letters));
  pushValueRows(rows, layout.firstBodyRow, spec.rows, letters, spec.columns.map((c) => styles.body[c.format]));
  pushValueRows(rows, layout.footerRow, spec.footer, letters, spec.columns.map((c) => styles.footer[c.format]));
  return worksheetXml({
    rows: rows.filter((row) => row !== ''),
    dimension: `A1:${letters[layout.columns - 1]}${Math.max(layout.lastRow, layout.headerRow + layout.bodyRows)}`,
    widths: spec.columns.map((c) => c.width),
    frozenRows: layout.headerRow,
    print,
    tableRelIds: [tableRelId],
  });
}

function headerRowXml(row: number, columns: readonly SheetColumn[], letters: readonly string[]): string {
  return rowXml(row, columns.map((c, i) => cellXml(letters[i] + row, c.header, 0)));
}

/** One input table on a sheet of input tables. */
export interface InputBlock {
  /** Its header row (1-based). */
  top: number;
  columns: readonly SheetColumn[];
  /** Body rows as written (at least one). */
  rows: readonly (readonly CellValue[])[];
}

/**
 * A sheet of input tables stacked from A1 (the sample model), each a header row and its
 * body in the columns' formats; the header frozen when there is one table.
 */
export function inputSheetXml(blocks: readonly InputBlock[], styles: SheetStyles, tableRelIds: readonly string[]): string {
  const width = Math.max(...blocks.map((b) => b.columns.length));
  const letters = columnLetters(width);
  const widths: number[] = new Array<number>(width).fill(0);
  const rows: string[] = [];
  let last = 1;
  for (const block of blocks) {
    block.columns.forEach((c, i) => (widths[i] = Math.max(widths[i], c.width)));
    rows.push(headerRowXml(block.top, block.columns, letters));
    pushValueRows(rows, block.top + 1, block.rows, letters, block.columns.map((c) => styles.body[c.format]));
    last = block.top + block.rows.length;
  }
  return worksheetXml({
    rows: rows.filter((row) => row !== ''),
    dimension: `A1:${letters[width - 1]}${last}`,
    widths,
    frozenRows: blocks.length === 1 ? 1 : 0,
    tableRelIds,
  });
}

/**
 * The ownership registry (see `ownership.ts`): the signature in A1, then one formula per
 * owned sheet in column A with the sheet's name beside it. Formulas carry no cached
 * value; Excel and LibreOffice work them out when they open the file.
 */
export function registrySheetXml(owned: readonly string[]): string {
  const rows: string[] = [
    rowXml(1, [cellXml('A1', REGISTRY_HEADER[0], 0), cellXml('B1', REGISTRY_HEADER[1], 0)]),
  ];
  owned.forEach((sheet, i) => {
    const r = i + 2;
    rows.push(rowXml(r, [`<c r="A${r}"><f>${escapeXml(registryFormula(sheet))}</f></c>`, cellXml(`B${r}`, sheet, 0)]));
  });
  return worksheetXml({
    rows,
    dimension: `A1:B${owned.length + 1}`,
    widths: [40, 30],
    frozenRows: 0,
    tableRelIds: [],
  });
}
