/**
 * An appendix document as a Word file (.docx), laid out as a board paper prints it:
 * each appendix's title as a heading, then a proper Word table — a header row that
 * repeats on every page, £ amounts right-aligned, the total row in bold.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Appendix } from '../engine/model/types';
import { formatPounds } from './money';
import { appendixCells, appendixColumns, documentTitle, totalCells, type AppendixCell } from './table';

/** Column widths as percentages of the table: Recipient, Service, then three money columns. */
const COLUMN_PERCENT = [28, 30, 14, 14, 14];

const RULE = { style: BorderStyle.SINGLE, size: 4, color: '8A8886' } as const;
const HEAVY_RULE = { style: BorderStyle.SINGLE, size: 12, color: '1B1B1B' } as const;

interface CellStyle {
  bold?: boolean;
  header?: boolean;
  total?: boolean;
}

function cell(text: string, right: boolean, index: number, style: CellStyle): TableCell {
  return new TableCell({
    width: { size: COLUMN_PERCENT[index], type: WidthType.PERCENTAGE },
    ...(style.header === true ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F3F2F1' } } : {}),
    ...(style.total === true ? { borders: { top: HEAVY_RULE } } : {}),
    children: [
      new Paragraph({
        alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: style.bold === true })],
      }),
    ],
  });
}

function cellText(value: AppendixCell): string {
  return value.kind === 'money' ? formatPounds(value.amount) : value.text;
}

function appendixTable(appendix: Appendix): Table {
  const columns = appendixColumns(appendix);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((column, index) =>
      cell(column.header, column.align === 'right', index, { bold: true, header: true })),
  });
  const body = appendix.rows.map((row) => new TableRow({
    cantSplit: true,
    children: appendixCells(row).map((value, index) => cell(cellText(value), value.kind === 'money', index, {})),
  }));
  const total = new TableRow({
    cantSplit: true,
    children: totalCells(appendix).map((value, index) =>
      cell(cellText(value), value.kind === 'money', index, { bold: true, total: true })),
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
    rows: [header, ...body, total],
  });
}

/** The appendices as a Word document (not yet packed), one heading and table each. */
export function appendixDocument(appendices: readonly Appendix[]): Document {
  const children: (Paragraph | Table)[] = [];
  appendices.forEach((appendix, index) => {
    children.push(new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: index > 0,
      spacing: { after: 200 },
      children: [new TextRun(appendix.title)],
    }));
    children.push(appendixTable(appendix));
  });
  return new Document({
    title: documentTitle(appendices),
    creator: 'Awards Modeller',
    styles: { default: { document: { run: { font: 'Arial', size: 20 } } } },
    sections: [{ children }],
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
