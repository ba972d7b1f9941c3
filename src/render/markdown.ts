/**
 * An appendix document as Markdown (GitHub-flavoured tables): each appendix a heading
 * and a table, money columns right-aligned, the total row in bold.
 */
import type { Appendix } from '../engine/model/types';
import {
  appendixCells, appendixColumns, documentTitle, footnoteList, footnoteMarks, moneyText, totalCells, type AppendixCell,
} from './table';

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

function cellText(cell: AppendixCell, appendix: Appendix): string {
  return cell.kind === 'money' ? moneyText(cell.amount, appendix) : escapeMarkdownCell(cell.text);
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
    ...appendix.rows.map((row) => {
      const cells = appendixCells(row, { markNew: true }).map((cell) => cellText(cell, appendix));
      const marks = footnoteMarks(row);
      if (marks !== '') cells[1] = `${cells[1]} ${marks}`;
      return line(cells);
    }),
    line(totalCells(appendix).map((cell) => {
      const text = cellText(cell, appendix);
      return text === '' ? '' : `**${text}**`;
    })),
  ];
  const notes = footnoteList(appendix).map(([number, text]) => `${number}. ${escapeMarkdownCell(text)}`);
  if (notes.length > 0) lines.push('', ...notes);
  if (appendix.amounts === 'pounds') lines.push('', 'Amounts in whole pounds, each line rounded so that the lines add up to the total shown.');
  return lines.join('\n');
}

/** The appendices as one Markdown document, in the order given. */
export function renderMarkdown(appendices: readonly Appendix[]): string {
  const parts = appendices.map(sectionMarkdown);
  if (appendices.length !== 1) parts.unshift(`# ${escapeMarkdownCell(documentTitle(appendices))}`);
  return `${parts.join('\n\n')}\n`;
}
