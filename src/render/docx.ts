/**
 * An appendix document as a Word file (.docx), laid out as a board paper prints it:
 * A4, each appendix's title as a heading, then a proper Word table — a header row that
 * repeats on every page, £ amounts right-aligned and never wrapped, `New` in the
 * prior-year column of a new award, the total row in bold — and the footnotes below.
 *
 * Column widths come from the content, not fixed percentages: every money column is as
 * wide as its widest amount (and its heading's longest word), measured with Arial's
 * character widths — the same as Liberation Sans, which LibreOffice uses in its place —
 * and the text columns share what is left of the page. The table's layout is fixed so
 * that Word and LibreOffice keep those widths. A table too wide for a portrait page
 * turns the page to landscape.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Appendix, AppendixRow } from '../engine/model/types';
import {
  appendixCells, appendixColumns, documentTitle, footnoteList, moneyText, totalCells, type AppendixCell, type AppendixColumn,
} from './table';

/** A4 in twips (twentieths of a point), and the page's margins (2 cm). */
export const A4 = { width: 11906, height: 16838 } as const;
export const PAGE_MARGIN = 1134;

/** Body text size in points (Arial 10), and the footnotes' (Arial 8). */
const FONT_POINTS = 10;
const FOOTNOTE_POINTS = 8;
/** Word's default cell margins, left plus right, in twips. */
const CELL_MARGINS = 2 * 108;
/** Room kept for differences between renderers' text measuring: 8% and 80 twips. */
const SLACK = 1.08;
const SLACK_TWIPS = 80;
/** A text column is never narrower than this (twips), nor wider than the widest of its lines needs. */
const MIN_TEXT_COLUMN = 1200;

const RULE = { style: BorderStyle.SINGLE, size: 4, color: '8A8886' } as const;
const HEAVY_RULE = { style: BorderStyle.SINGLE, size: 12, color: '1B1B1B' } as const;

// Advance widths in thousandths of an em: Arial and Liberation Sans (metric-compatible).
const REGULAR: Record<string, number> = {
  ' ': 278, '£': 556, ',': 278, '.': 278, '-': 333, '(': 333, ')': 333, '/': 278, '%': 889, '&': 667, "'": 191,
  i: 222, j: 222, l: 222, f: 278, t: 278, r: 333, m: 833, w: 722, I: 278, J: 500, M: 833, W: 944,
};
const BOLD: Record<string, number> = {
  ' ': 278, '£': 556, ',': 278, '.': 278, '-': 333, '(': 333, ')': 333, '/': 278, '%': 889, '&': 722, "'": 238,
  i: 278, j: 278, l: 278, f: 333, t: 333, r: 389, m: 889, w: 778, I: 278, J: 556, M: 833, W: 944,
};

/** A character's advance width (thousandths of an em), generous for letters not in the tables. */
function advance(character: string, bold: boolean): number {
  const known = (bold ? BOLD : REGULAR)[character];
  if (known !== undefined) return known;
  if (/[0-9]/.test(character)) return 556;
  if (/[a-z]/.test(character)) return bold ? 611 : 556;
  if (/[A-Z]/.test(character)) return bold ? 722 : 667;
  return bold ? 722 : 667;
}

/**
 * The printed width of text, in twips, at `points` size.
 *
 * @example
 * textWidth('£1,112,400.00', false) //=> 1279 (about 2.3 cm at Arial 10)
 */
export function textWidth(text: string, bold: boolean, points = FONT_POINTS): number {
  let units = 0;
  for (const character of text) units += advance(character, bold);
  return Math.ceil((units * points * 20) / 1000);
}

/** The width a cell needs for `text` on one line, margins and slack included. */
function cellWidth(text: string, bold: boolean): number {
  return Math.ceil(textWidth(text, bold) * SLACK) + CELL_MARGINS + SLACK_TWIPS;
}

/** The widest single word of the text (where a line may break), as a cell width. */
function longestWord(text: string, bold: boolean): number {
  return Math.max(0, ...text.split(/\s+/).map((word) => cellWidth(word, bold)));
}

function cellText(cell: AppendixCell, appendix: Appendix): string {
  return cell.kind === 'money' ? moneyText(cell.amount, appendix) : cell.text;
}

/** Every row's cells as text, header first and total last, with the row's weight. */
function printedRows(appendix: Appendix): { cells: string[]; bold: boolean }[] {
  return [
    { cells: appendixColumns(appendix).map((column) => column.header), bold: true },
    ...appendix.rows.map((row) => ({ cells: rowTexts(row, appendix), bold: false })),
    { cells: totalCells(appendix).map((cell) => cellText(cell, appendix)), bold: true },
  ];
}

function rowTexts(row: AppendixRow, appendix: Appendix): string[] {
  const texts = appendixCells(row, { markNew: true }).map((cell) => cellText(cell, appendix));
  // Footnote marks print after the service, superscript: room for `¹,²`.
  const marks = (row.footnotes ?? []).join(',');
  if (marks !== '') texts[1] = `${texts[1]} ${marks}`;
  return texts;
}

export interface ColumnLayout {
  /** Column widths in twips, in column order. */
  widths: number[];
  orientation: 'portrait' | 'landscape';
  /** The page's text width in twips. */
  pageWidth: number;
}

/**
 * The columns' widths from their content: money columns exactly as wide as their widest
 * amount or heading word (never wrapped), text columns sharing the rest in proportion
 * to their longest lines, none narrower than its longest word.
 */
export function columnLayout(appendix: Appendix): ColumnLayout {
  const columns = appendixColumns(appendix);
  const rows = printedRows(appendix);
  const fixed = columns.map((column, c) => {
    if (!column.money) return 0;
    return Math.max(
      longestWord(column.header, true),
      ...rows.slice(1).map((row) => cellWidth(row.cells[c], row.bold)),
    );
  });
  const natural = columns.map((column, c) => (column.money ? 0 : Math.max(...rows.map((row) => cellWidth(row.cells[c], row.bold)))));
  const minimum = columns.map((column, c) => (column.money ? 0 : Math.max(MIN_TEXT_COLUMN, ...rows.map((row) => longestWord(row.cells[c], row.bold)))));
  const moneyTotal = fixed.reduce((sum, width) => sum + width, 0);
  const portrait = A4.width - 2 * PAGE_MARGIN;
  const landscape = A4.height - 2 * PAGE_MARGIN;
  const fits = (page: number): boolean => moneyTotal + minimum.reduce((sum, width) => sum + width, 0) <= page;
  const orientation = fits(portrait) ? 'portrait' : 'landscape';
  const pageWidth = orientation === 'portrait' ? portrait : landscape;
  return { widths: shareText(columns, fixed, natural, minimum, pageWidth - moneyTotal), orientation, pageWidth };
}

/**
 * The text columns' widths from the room left: each its natural width when all fit,
 * else the room shared in proportion to natural widths, each at least its minimum.
 */
function shareText(columns: readonly AppendixColumn[], fixed: number[], natural: number[], minimum: number[], room: number): number[] {
  const text = columns.map((column, c) => (column.money ? -1 : c)).filter((c) => c >= 0);
  const widths = [...fixed];
  const wanted = text.reduce((sum, c) => sum + natural[c], 0);
  if (wanted <= room) {
    // Everything fits on one line: the spare room goes to the text columns alike.
    const spare = Math.floor((room - wanted) / text.length);
    for (const c of text) widths[c] = natural[c] + spare;
  } else {
    let left = room;
    let open = [...text];
    // Columns whose proportional share is below their minimum take the minimum; the rest share what is left.
    for (;;) {
      const weight = open.reduce((sum, c) => sum + natural[c], 0);
      const pinned = open.filter((c) => Math.floor((left * natural[c]) / weight) < minimum[c]);
      if (pinned.length === 0) break;
      for (const c of pinned) {
        widths[c] = minimum[c];
        left -= minimum[c];
      }
      open = open.filter((c) => !pinned.includes(c));
      if (open.length === 0) break;
    }
    const weight = open.reduce((sum, c) => sum + natural[c], 0);
    for (const c of open) widths[c] = Math.max(minimum[c], Math.floor((left * natural[c]) / weight));
  }
  return widths;
}

interface CellStyle {
  bold?: boolean;
  header?: boolean;
  total?: boolean;
}

function cell(runs: TextRun[], right: boolean, width: number, style: CellStyle): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(style.header === true ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F3F2F1' } } : {}),
    ...(style.total === true ? { borders: { top: HEAVY_RULE } } : {}),
    children: [new Paragraph({ alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: runs })],
  });
}

function appendixTable(appendix: Appendix, layout: ColumnLayout): Table {
  const columns = appendixColumns(appendix);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((column, c) =>
      cell([new TextRun({ text: column.header, bold: true })], column.align === 'right', layout.widths[c], { header: true })),
  });
  const body = appendix.rows.map((row) => new TableRow({
    cantSplit: true,
    children: appendixCells(row, { markNew: true }).map((value, c) => {
      const runs = [new TextRun({ text: cellText(value, appendix) })];
      if (c === 1 && (row.footnotes ?? []).length > 0) {
        runs.push(new TextRun({ text: ` ${(row.footnotes ?? []).join(',')}`, superScript: true }));
      }
      return cell(runs, columns[c].align === 'right', layout.widths[c], {});
    }),
  }));
  const total = new TableRow({
    cantSplit: true,
    children: totalCells(appendix).map((value, c) =>
      cell([new TextRun({ text: cellText(value, appendix), bold: true })], columns[c].align === 'right', layout.widths[c], { total: true })),
  });
  return new Table({
    width: { size: layout.widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: layout.widths,
    layout: TableLayoutType.FIXED,
    borders: { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
    rows: [header, ...body, total],
  });
}

function footnoteParagraphs(appendix: Appendix): Paragraph[] {
  const notes = footnoteList(appendix);
  const size = FOOTNOTE_POINTS * 2;
  const list = notes.map(([number, text], i) => new Paragraph({
    spacing: { before: i === 0 ? 160 : 40 },
    children: [new TextRun({ text: String(number), superScript: true, size }), new TextRun({ text: ` ${text}`, size })],
  }));
  if (appendix.amounts === 'pounds') {
    list.push(new Paragraph({
      spacing: { before: notes.length === 0 ? 160 : 40 },
      children: [new TextRun({
        text: 'Amounts in whole pounds, each line rounded so that the lines add up to the total shown.', size,
      })],
    }));
  }
  return list;
}

/** The appendices as a Word document (not yet packed), one heading, table and footnotes each. */
export function appendixDocument(appendices: readonly Appendix[]): Document {
  const layouts = appendices.map(columnLayout);
  const sections = appendices.map((appendix, index) => {
    const layout = layouts[index];
    const landscape = layout.orientation === 'landscape';
    return {
      properties: {
        page: {
          // docx swaps width and height itself for landscape: give the portrait size.
          size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { top: PAGE_MARGIN, bottom: PAGE_MARGIN, left: PAGE_MARGIN, right: PAGE_MARGIN },
        },
      },
      children: [
        new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { after: 200 }, children: [new TextRun(appendix.title)] }),
        appendixTable(appendix, layout),
        ...footnoteParagraphs(appendix),
      ],
    };
  });
  return new Document({
    title: documentTitle(appendices),
    creator: 'Awards Modeller',
    styles: {
      default: { document: { run: { font: 'Arial', size: FONT_POINTS * 2 } } },
      paragraphStyles: [{
        id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true,
        run: { font: 'Arial', size: 28, bold: true }, paragraph: { spacing: { after: 200 }, keepNext: true },
      }],
    },
    sections,
  });
}

/**
 * The appendices as the bytes of a .docx file.
 *
 * @example
 * await renderDocx([appendix]) // <Buffer 50 4b 03 04 …> (a zip, as every .docx is)
 */
export async function renderDocx(appendices: readonly Appendix[]): Promise<Buffer> {
  return Packer.toBuffer(appendixDocument(appendices));
}
