/**
 * An appendix document as a standalone HTML page: one section per appendix with its
 * title and table, £ amounts right-aligned, the total row in bold. Every piece of
 * workbook text is escaped: recipient names are user data.
 */
import type { Appendix } from '../engine/model/types';
import { formatPounds } from './money';
import { appendixCells, appendixColumns, documentTitle, totalCells, type AppendixCell } from './table';

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
  @media print { section { break-inside: avoid; } }
`;

function cellHtml(tag: 'td' | 'th', cell: AppendixCell, scope?: string): string {
  const scopeAttribute = scope === undefined ? '' : ` scope="${scope}"`;
  if (cell.kind === 'money') return `<${tag} class="num"${scopeAttribute}>${escapeHtml(formatPounds(cell.amount))}</${tag}>`;
  return `<${tag}${scopeAttribute}>${escapeHtml(cell.text)}</${tag}>`;
}

function sectionHtml(appendix: Appendix): string {
  const id = `appendix-${appendix.number}`;
  const head = appendixColumns(appendix)
    .map((column) => `<th scope="col"${column.money ? ' class="num"' : ''}>${escapeHtml(column.header)}</th>`)
    .join('');
  const body = appendix.rows
    .map((row) => `      <tr>${appendixCells(row).map((cell) => cellHtml('td', cell)).join('')}</tr>`)
    .join('\n');
  const total = totalCells(appendix).map((cell) => cellHtml('td', cell)).join('');
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
