/**
 * An appendix document as a standalone HTML page: one section per appendix with its
 * title and table, £ amounts right-aligned, the total row in bold. Every piece of
 * workbook text is escaped: recipient names are user data.
 */
import type { Appendix } from '../engine/model/types';
import {
  appendixCells, appendixColumns, documentTitle, footnoteList, moneyText, totalCells, type AppendixCell,
} from './table';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for HTML element content and attribute values.
 *
 * @example
 * escapeHtml('<img src=x>') // '&lt;img src=x&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

const STYLE = `
  body { font-family: "Segoe UI", Arial, sans-serif; color: #1b1b1b; margin: 2rem; }
  h1 { font-size: 1.4rem; }
  h2 { font-size: 1.15rem; margin-top: 2rem; }
  table { border-collapse: collapse; min-width: 40rem; }
  th, td { border: 1px solid #8a8886; padding: 0.3rem 0.6rem; vertical-align: top; }
  thead th { background: #f3f2f1; text-align: left; }
  .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  tfoot td { font-weight: bold; border-top: 2px solid #1b1b1b; }
  .notes { font-size: 0.85rem; padding-left: 1.2rem; }
  @page { size: A4; margin: 2cm; }
  @media print {
    body { margin: 0; font-size: 10pt; }
    table { min-width: 0; width: 100%; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    section { break-after: page; }
    section:last-of-type { break-after: auto; }
  }
`;

const WHOLE_POUNDS = 'Amounts in whole pounds, each line rounded so that the lines add up to the total shown.';

function cellHtml(cell: AppendixCell, right: boolean, appendix: Appendix, marks = ''): string {
  const text = cell.kind === 'money' ? moneyText(cell.amount, appendix) : cell.text;
  return `<td${right ? ' class="num"' : ''}>${escapeHtml(text)}${marks}</td>`;
}

/** Footnote calls as superscript links to the notes below the table. */
function marksHtml(appendix: Appendix, numbers: readonly number[] | undefined): string {
  return (numbers ?? [])
    .map((number) => `<sup><a href="#appendix-${appendix.number}-note-${number}">${number}</a></sup>`)
    .join('<sup>,</sup>');
}

function sectionHtml(appendix: Appendix): string {
  const id = `appendix-${appendix.number}`;
  const head = appendixColumns(appendix)
    .map((column) => `<th scope="col"${column.money ? ' class="num"' : ''}>${escapeHtml(column.header)}</th>`)
    .join('');
  const columns = appendixColumns(appendix);
  const right = (c: number): boolean => columns[c].align === 'right';
  const body = appendix.rows
    .map((row) => `      <tr>${appendixCells(row, { markNew: true })
      .map((cell, c) => cellHtml(cell, right(c), appendix, c === 1 ? marksHtml(appendix, row.footnotes) : '')).join('')}</tr>`)
    .join('\n');
  const total = totalCells(appendix).map((cell, c) => cellHtml(cell, right(c), appendix)).join('');
  const notes = footnoteList(appendix)
    .map(([number, text]) => `      <li id="appendix-${appendix.number}-note-${number}">${escapeHtml(text)}</li>`);
  const list = [
    ...(notes.length === 0 ? [] : ['    <ol class="notes">', ...notes, '    </ol>']),
    ...(appendix.amounts === 'pounds' ? [`    <p class="notes">${WHOLE_POUNDS}</p>`] : []),
  ].join('\n');
  return [
    `  <section aria-labelledby="${id}">`,
    `    <h2 id="${id}">${escapeHtml(appendix.title)}</h2>`,
    '    <table>',
    `      <thead><tr>${head}</tr></thead>`,
    '      <tbody>',
    body,
    '      </tbody>',
    `      <tfoot><tr>${total}</tr></tfoot>`,
    '    </table>',
    list,
    '  </section>',
  ].filter((line) => line !== '').join('\n');
}

/**
 * The appendices as one HTML page, in the order given.
 *
 * @example
 * renderHtml([appendix]) // '<!DOCTYPE html>\n<html lang="en-GB">…<table>…</table>…'
 */
export function renderHtml(appendices: readonly Appendix[]): string {
  const title = escapeHtml(documentTitle(appendices));
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '  <meta charset="utf-8">',
    '  <meta name="viewport" content="width=device-width, initial-scale=1">',
    `  <title>${title}</title>`,
    `  <style>${STYLE}  </style>`,
    '</head>',
    '<body>',
    '<main>',
    appendices.length === 1 ? '' : `  <h1>${title}</h1>`,
    ...appendices.map(sectionHtml),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].filter((line, index, all) => line !== '' || index === all.length - 1).join('\n');
}
