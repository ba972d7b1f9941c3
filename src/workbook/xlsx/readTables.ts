/**
 * The tables asked for, as the engine's `TableData`: headers from the table's own column
 * names (`<tableColumn name>`, what structured references use — so a table without a
 * header row has them too), body rows from its range less header and totals rows, and
 * trailing wholly blank rows dropped. Only the worksheets holding those tables are read,
 * each once however many tables it holds; shared strings and (for a 1904 workbook)
 * styles only when a cell needs them.
 */
import type { CellValue, TableData } from '../../engine/sheet';
import { parseRange, type CellRect } from '../layout';
import type { Book, BookTable } from './book';
import { readDateStyles } from './numberFormats';
import { PackageError, type XlsxPackage } from './package';
import { readCells, type CellBlock, type CellContext } from './readCells';
import { readSharedStrings } from './sharedStrings';
import { unescapeExcelText } from './xml';

/**
 * The named tables (compared ignoring case, as Excel does), by the name asked for;
 * names the book does not have are left out.
 *
 * @throws {PackageError} naming the part when a sheet, its shared strings or styles
 *   are missing or corrupt, or a table's range is not a range
 */
export function readTableData(pkg: XlsxPackage, book: Book, names: readonly string[]): Record<string, TableData> {
  const wanted: Array<{ asked: string; table: BookTable; body: CellRect | undefined }> = [];
  for (const asked of names) {
    const table = book.tables.find((t) => t.name.toLowerCase() === asked.toLowerCase());
    if (table) wanted.push({ asked, table, body: bodyOf(table) });
  }

  const context = lazyContext(pkg, book);
  const result: Record<string, TableData> = {};
  for (const sheetPart of new Set(wanted.map((w) => w.table.sheetPart))) {
    const onSheet = wanted.filter((w) => w.table.sheetPart === sheetPart);
    const reading = onSheet.filter((w) => w.body !== undefined);
    const sheet = onSheet[0].table.sheet;
    const blocks: CellBlock[] =
      reading.length === 0
        ? []
        : readCells(
            pkg.text(sheetPart),
            reading.map((w) => w.body as CellRect),
            { ...context, part: sheetPart, sheet },
          );
    for (const { asked, table, body } of onSheet) {
      const block = body === undefined ? undefined : blocks[reading.findIndex((w) => w.table === table)];
      result[asked] = tableData(table, block);
    }
  }
  return result;
}

/** The body's rectangle (header and totals rows off); undefined when it has no rows. */
function bodyOf(table: BookTable): CellRect | undefined {
  const rect = parseRange(table.ref);
  if (!rect) {
    throw new PackageError('corrupt', `table '${table.name}' on sheet '${table.sheet}' has the range '${table.ref}', which is not one`, table.part);
  }
  const top = rect.top + table.headerRowCount;
  const bottom = rect.bottom - table.totalsRowCount;
  return bottom < top ? undefined : { top, bottom, left: rect.left, right: rect.right };
}

function tableData(table: BookTable, block: CellBlock | undefined): TableData {
  const width = block ? block.rect.right - block.rect.left + 1 : widthOf(table);
  const headers: string[] = [];
  for (let i = 0; i < width; i++) headers.push(unescapeExcelText(table.columns[i] ?? `Column${i + 1}`));
  if (!block) return { name: table.name, sheet: table.sheet, headers, rows: [] };
  const { rows, issues } = block;
  // Trailing blank rows go, but never a row whose blanks are issues to report.
  const lastIssueRow = issues.reduce((max, issue) => Math.max(max, issue.row), -1);
  let end = rows.length;
  while (end > lastIssueRow + 1 && end > 0 && isBlank(rows[end - 1])) end--;
  const data: TableData = { name: table.name, sheet: table.sheet, headers, rows: end === rows.length ? rows : rows.slice(0, end) };
  if (issues.length > 0) data.issues = issues;
  return data;
}

function isBlank(row: readonly CellValue[]): boolean {
  for (const value of row) if (value !== null) return false;
  return true;
}

function widthOf(table: BookTable): number {
  const rect = parseRange(table.ref);
  return rect ? rect.right - rect.left + 1 : table.columns.length;
}

/** Shared strings and date styles, read the first time a cell needs them. */
function lazyContext(pkg: XlsxPackage, book: Book): Omit<CellContext, 'part' | 'sheet'> {
  let strings: string[] | undefined;
  let dateStyles: boolean[] | undefined;
  return {
    date1904: book.date1904,
    sharedString(index: number): string | undefined {
      if (strings === undefined) {
        strings = book.sharedStringsPart === undefined ? [] : readSharedStrings(pkg, book.sharedStringsPart);
      }
      return strings[index];
    },
    isDateStyle(style: number): boolean {
      dateStyles ??= readDateStyles(pkg, book.stylesPart);
      return dateStyles[style] === true;
    },
  };
}
