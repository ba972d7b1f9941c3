/**
 * An appendix document as Markdown (GitHub-flavoured tables): each appendix a heading
 * and a table, money columns right-aligned, the total row in bold.
 */
import type { Appendix } from '../engine/model/types';
import { formatPounds } from './money';
import { appendixCells, appendixColumns, documentTitle, totalCells, type AppendixCell } from './table';

/**
 * Cell text that cannot break the table, start Markdown formatting or carry HTML:
 * pipes, emphasis, link, code and HTML characters are backslash-escaped, line breaks
 * become spaces.
 *
 * @example
 * escapeMarkdownCell('A | B *C*') // 'A \\| B \\*C\\*'
 */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_[\]|<>~&]/g, (character) => `\\${character}`)
    .trim();
}

function cellText(cell: AppendixCell): string {
  return cell.kind === 'money' ? formatPounds(cell.amount) : escapeMarkdownCell(cell.text);
}

function line(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function sectionMarkdown(appendix: Appendix): string {
  const columns = appendixColumns(appendix);
  const lines = [
    `## ${escapeMarkdownCell(appendix.title)}`,
    '',
    line(columns.map((column) => escapeMarkdownCell(column.header))),
    line(columns.map((column) => (column.align === 'right' ? '---:' : '---'))),
    ...appendix.rows.map((row) => line(appendixCells(row).map(cellText))),
    line(totalCells(appendix).map((cell) => {
      const text = cellText(cell);
      return text === '' ? '' : `**${text}**`;
    })),
  ];
  return lines.join('\n');
}

/** The appendices as one Markdown document, in the order given. */
export function renderMarkdown(appendices: readonly Appendix[]): string {
  const parts = appendices.map(sectionMarkdown);
  if (appendices.length !== 1) parts.unshift(`# ${escapeMarkdownCell(documentTitle(appendices))}`);
  return `${parts.join('\n\n')}\n`;
}
