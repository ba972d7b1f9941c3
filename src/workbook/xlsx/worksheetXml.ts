/**
 * Worksheet parts the add-in writes whole: an owned output sheet (title lines, one
 * table, bold footer rows, £ formats, widths, frozen header, print setup), a sheet of
 * input tables (the sample model), and the very hidden ownership registry.
 *
 * Text goes in as inline strings (`t="inlineStr"`), so the workbook's shared strings
 * part stays the user's bytes. Blank cells are not written. Elements come in the order
 * the CT_Worksheet schema gives them (Excel refuses a part whose order differs).
 *
 * Written straight into UTF-8 bytes (`XmlWriter`), each text escaped once: 30,000 rows
 * take tens of milliseconds. The `…Xml` functions give the same part as text, for tests.
 */
import type { CellValue, ColumnFormat, SheetColumn, SheetSpec } from '../../engine/sheet';
import { cellAddress, columnName, type PrintSetup, type SheetLayout } from '../layout';
import { REGISTRY_HEADER, registryFormula } from '../ownership';
import { XmlWriter } from './xmlWriter';
import { NS_MAIN, NS_REL, escapeXml } from './xml';

export { escapeText } from './xmlWriter';

const decoder = new TextDecoder();

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

/** Whether a character code is XML white space (what `<t>` would lose at either end). */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** ` s="3"`, or '' for the default style. */
function styleAttribute(style: number): string {
  return style === 0 ? '' : ` s="${style}"`;
}

/**
 * Writes a cell's value after its start tag's opening (`<c r="B4" s="3"`). Numbers are
 * written as JavaScript prints them (the shortest text that reads back as the same
 * double); text as an inline string, `xml:space="preserve"` when it has edge spaces.
 */
function writeValue(w: XmlWriter, value: string | number | boolean): void {
  if (typeof value === 'number') {
    w.raw('><v>').number(value).raw('</v></c>');
  } else if (typeof value === 'boolean') {
    w.raw(value ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>');
  } else {
    const preserve = isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(value.length - 1));
    w.raw(preserve ? ' t="inlineStr"><is><t xml:space="preserve">' : ' t="inlineStr"><is><t>').text(value).raw('</t></is></c>');
  }
}

/** One cell's XML, or '' for a blank cell. */
export function cellXml(ref: string, value: CellValue, style: number): string {
  if (value === null || value === '') return '';
  const w = new XmlWriter(64);
  w.raw('<c r="').raw(ref).raw('"').raw(styleAttribute(style));
  writeValue(w, value);
  return decoder.decode(w.bytes());
}

/** Column letters for columns 1..n, worked out once per sheet. */
function columnLetters(n: number): string[] {
  const letters: string[] = [];
  for (let c = 1; c <= n; c++) letters.push(columnName(c));
  return letters;
}

/** Rows written before the room for the rest is worked out from their length. */
const SAMPLE_ROWS = 200;

/**
 * Writes rows of values from sheet row `first` down, each cell in its column's style,
 * wholly blank rows left out. The hot loop: no string is built per cell.
 */
function writeValueRows(
  w: XmlWriter,
  first: number,
  rows: readonly (readonly CellValue[])[],
  letters: readonly string[],
  styles: readonly number[],
): void {
  const opens = letters.map((letter) => `<c r="${letter}`);
  const closes = styles.map((style) => `"${styleAttribute(style)}`);
  const start = w.length;
  for (let i = 0; i < rows.length; i++) {
    // After the first rows, room for the rest as long as they are, with a tenth to spare.
    if (i === SAMPLE_ROWS && rows.length > 2 * SAMPLE_ROWS) w.reserve(Math.ceil(((w.length - start) / SAMPLE_ROWS) * (rows.length - i) * 1.1));
    const values = rows[i];
    const r = first + i;
    let open = false;
    for (let c = 0; c < values.length; c++) {
      const value = values[c];
      if (value === null || value === '') continue;
      if (!open) {
        w.raw('<row r="').int(r).raw('">');
        open = true;
      }
      w.raw(opens[c]).int(r).raw(closes[c]);
      writeValue(w, value);
    }
    if (open) w.raw('</row>');
  }
}

/** Writes one row of text cells (a header, a title line) in one style; nothing when all are blank. */
function writeTextRow(w: XmlWriter, row: number, texts: readonly string[], letters: readonly string[], style: number): void {
  writeValueRows(w, row, [texts], letters, texts.map(() => style));
}

// ------------------------------------------------------------------------------------
// The part

/** What a worksheet part holds. */
export interface WorksheetParts {
  /** Writes the `<row>` elements, in row order. */
  rows: (w: XmlWriter) => void;
  /** The used range, e.g. `A1:J20`. */
  dimension?: string;
  /** Column widths in characters, from column A. */
  widths: readonly number[];
  /** Rows frozen at the top (0: none). */
  frozenRows: number;
  print?: PrintSetup;
  /** The sheet's VBA code name, kept from the part it replaces (macros refer to sheets by it). */
  codeName?: string;
  /** Relationship ids of the sheet's table parts. */
  tableRelIds: readonly string[];
}

/** A worksheet part's bytes. */
export function worksheetPart(parts: WorksheetParts, w = new XmlWriter()): Uint8Array {
  w.raw(XML_DECLARATION).raw(`<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`);
  if (parts.print || parts.codeName !== undefined) {
    w.raw('<sheetPr');
    if (parts.codeName !== undefined) w.raw(' codeName="').text(parts.codeName).raw('"');
    w.raw(parts.print ? '><pageSetUpPr fitToPage="1"/></sheetPr>' : '/>');
  }
  w.raw(`<dimension ref="${parts.dimension ?? 'A1'}"/>`);
  w.raw('<sheetViews><sheetView workbookViewId="0">');
  if (parts.frozenRows > 0) {
    const topLeft = cellAddress(parts.frozenRows + 1, 1);
    w.raw(`<pane ySplit="${parts.frozenRows}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/>`);
    w.raw(`<selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/>`);
  }
  w.raw('</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>');
  if (parts.widths.length > 0) {
    w.raw('<cols>');
    parts.widths.forEach((width, i) => w.raw(`<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`));
    w.raw('</cols>');
  }
  w.raw('<sheetData>');
  parts.rows(w);
  w.raw('</sheetData>');
  w.raw('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (parts.print) w.raw(pageSetupXml(parts.print));
  if (parts.tableRelIds.length > 0) {
    w.raw(`<tableParts count="${parts.tableRelIds.length}">`);
    for (const id of parts.tableRelIds) w.raw('<tablePart r:id="').text(id).raw('"/>');
    w.raw('</tableParts>');
  }
  w.raw('</worksheet>');
  return w.bytes();
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
export function outputSheetPart(
  spec: SheetSpec,
  layout: SheetLayout,
  styles: SheetStyles,
  print: PrintSetup,
  tableRelId: string,
  codeName?: string,
): Uint8Array {
  const letters = columnLetters(layout.columns);
  const w = new XmlWriter();
  return worksheetPart(
    {
      rows: (out) => {
        spec.title.forEach((line, i) => writeTextRow(out, i + 1, [line], letters, i === 0 ? styles.title : 0));
        writeTextRow(out, layout.headerRow, spec.columns.map((c) => c.header), letters, 0);
        writeValueRows(out, layout.firstBodyRow, spec.rows, letters, spec.columns.map((c) => styles.body[c.format]));
        writeValueRows(out, layout.footerRow, spec.footer, letters, spec.columns.map((c) => styles.footer[c.format]));
      },
      dimension: `A1:${letters[layout.columns - 1]}${Math.max(layout.lastRow, layout.headerRow + layout.bodyRows)}`,
      widths: spec.columns.map((c) => c.width),
      frozenRows: layout.headerRow,
      print,
      codeName,
      tableRelIds: [tableRelId],
    },
    w,
  );
}

/**
 * The VBA code name in a worksheet part's `<sheetPr>`, if any (read from the part's
 * start: `<sheetPr>` is the worksheet's first child).
 */
export function codeNameOf(text: string): string | undefined {
  const head = text.slice(0, 4096);
  const sheetPr = /<(?:[\w.-]+:)?sheetPr\b[^>]*>/.exec(head);
  const match = sheetPr ? /\scodeName\s*=\s*(["'])([^"']*)\1/.exec(sheetPr[0]) : null;
  return match ? unescapeAttribute(match[2]) : undefined;
}

function unescapeAttribute(value: string): string {
  return value.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '');
}

/** `outputSheetPart` as text. */
export function outputSheetXml(spec: SheetSpec, layout: SheetLayout, styles: SheetStyles, print: PrintSetup, tableRelId: string): string {
  return decoder.decode(outputSheetPart(spec, layout, styles, print, tableRelId));
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
export function inputSheetPart(blocks: readonly InputBlock[], styles: SheetStyles, tableRelIds: readonly string[]): Uint8Array {
  const width = Math.max(...blocks.map((b) => b.columns.length));
  const letters = columnLetters(width);
  const widths: number[] = new Array<number>(width).fill(0);
  for (const block of blocks) block.columns.forEach((c, i) => (widths[i] = Math.max(widths[i], c.width)));
  const last = blocks.length === 0 ? 1 : blocks[blocks.length - 1].top + blocks[blocks.length - 1].rows.length;
  return worksheetPart({
    rows: (w) => {
      for (const block of blocks) {
        writeTextRow(w, block.top, block.columns.map((c) => c.header), letters, 0);
        writeValueRows(w, block.top + 1, block.rows, letters, block.columns.map((c) => styles.body[c.format]));
      }
    },
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
export function registrySheetPart(owned: readonly string[]): Uint8Array {
  const letters = ['A', 'B'];
  return worksheetPart({
    rows: (w) => {
      writeTextRow(w, 1, [...REGISTRY_HEADER], letters, 0);
      owned.forEach((sheet, i) => {
        const r = i + 2;
        w.raw('<row r="').int(r).raw('"><c r="A').int(r).raw('"><f>').text(registryFormula(sheet)).raw('</f></c>');
        w.raw('<c r="B').int(r).raw('"');
        writeValue(w, sheet);
        w.raw('</row>');
      });
    },
    dimension: `A1:B${owned.length + 1}`,
    widths: [40, 30],
    frozenRows: 0,
    tableRelIds: [],
  });
}

/** `registrySheetPart` as text. */
export function registrySheetXml(owned: readonly string[]): string {
  return decoder.decode(registrySheetPart(owned));
}
