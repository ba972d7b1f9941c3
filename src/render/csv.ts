/**
 * An appendix document as one CSV file, for pasting into a spreadsheet: for each
 * appendix, its title on a line of its own, the header row, the award rows and the
 * total row; a blank line between appendices. Amounts are plain numbers with two
 * decimals (no £ or commas) so that a spreadsheet reads them as numbers.
 *
 * The text starts with a UTF-8 byte-order mark: Excel needs it to read the file as
 * UTF-8 (recipient names with accents, the £ of a title).
 */
import type { Appendix } from '../engine/model/types';
import { csvText } from './csvText';
import { formatDecimal } from './money';
import { appendixCells, appendixColumns, totalCells, type AppendixCell } from './table';

/** The byte-order mark that tells Excel a CSV file is UTF-8. */
export const UTF8_BOM = '\uFEFF';

function field(cell: AppendixCell): string {
  return cell.kind === 'money' ? formatDecimal(cell.amount) : cell.text;
}

/** The appendices as CSV records (an empty record is the blank line between two). */
export function appendixRecords(appendices: readonly Appendix[]): string[][] {
  const records: string[][] = [];
  appendices.forEach((appendix, index) => {
    if (index > 0) records.push([]);
    records.push([appendix.title]);
    records.push(appendixColumns(appendix).map((column) => column.header));
    for (const row of appendix.rows) records.push(appendixCells(row).map(field));
    records.push(totalCells(appendix).map(field));
  });
  return records;
}

/** The appendices as CSV text (RFC 4180, CRLF line ends), with a UTF-8 byte-order mark. */
export function renderCsv(appendices: readonly Appendix[]): string {
  return `${UTF8_BOM}${csvText(appendixRecords(appendices))}`;
}
