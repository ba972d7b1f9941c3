/**
 * A second, independent adapter of the workbook port on an .xlsx file, through exceljs
 * — for tests only. The command line reads and writes through the package layer
 * (`src/workbook/xlsx/`); this one, built on a library we did not write, makes input
 * workbooks and reads results back as a cross-check. exceljs is a dev dependency.
 *
 * The workbook lives in memory; the file read is never written. `save` writes a new
 * file (through a temporary file and a rename, so a failed save leaves nothing half
 * written), `toBuffer` gives the bytes.
 *
 * Tables written by Excel read back as well as tables written here. exceljs reads a
 * table's range from `tableRef` and takes a table without Excel's (optional)
 * `headerRowCount` attribute for one without a header row; this adapter treats every
 * table as having one, and on load repairs what exceljs would otherwise write back
 * wrongly when the workbook is saved (see `repairLoadedTables`).
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { CellValue, SheetColumn, SheetSpec, TableData } from '../../src/engine/sheet';
import type { WorkbookPort } from '../../src/workbook/port';
import { blankToNull, dateToSerial, withoutTrailingBlankRows } from '../../src/workbook/cells';
import { TableLookupError, WorkbookReadError } from '../../src/workbook/errors';
import {
  NUMBER_FORMATS,
  TABLE_STYLE,
  TITLE_FONT_SIZE,
  bodyRowsOf,
  cellAddress,
  checkTableData,
  inputColumns,
  layoutSheet,
  parseRange,
  rangeAddress,
  type CellRect,
  type SheetLayout,
} from '../../src/workbook/layout';
import {
  REGISTRY_HEADER,
  REGISTRY_SHEET,
  REGISTRY_SIGNATURE,
  type RegistryState,
  type WorkbookInventory,
  inventory,
  planCreate,
  planWrite,
  registryFormula,
  sameName,
} from '../../src/workbook/ownership';

export { WorkbookReadError } from '../../src/workbook/errors';

/** A table found in the workbook: its model as exceljs holds it, and where it is. */
interface FoundTable {
  name: string;
  worksheet: ExcelJS.Worksheet;
  /** Header row included, totals row excluded. */
  rect: CellRect;
  /** Column names from the table definition. */
  columns: string[];
  model: Record<string, unknown>;
}

/** An .xlsx workbook held in memory. */
export class ExcelJsWorkbook implements WorkbookPort {
  private constructor(
    /** The exceljs workbook, for what the port does not cover (tests, the CLI's extras). */
    readonly workbook: ExcelJS.Workbook,
  ) {}

  /**
   * Opens an .xlsx file. Throws `WorkbookReadError` naming the file when it is missing,
   * cannot be read, or is not an .xlsx workbook.
   */
  static async load(file: string): Promise<ExcelJsWorkbook> {
    let data: Buffer;
    try {
      data = await fs.readFile(file);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT') throw new WorkbookReadError(file, 'missing');
      if (code === 'EISDIR') throw new WorkbookReadError(file, 'unreadable', 'it is a folder');
      if (code === 'EACCES' || code === 'EPERM') throw new WorkbookReadError(file, 'unreadable', 'permission denied');
      throw new WorkbookReadError(file, 'unreadable', error instanceof Error ? error.message : String(error));
    }
    return ExcelJsWorkbook.fromBuffer(data, file);
  }

  /** Opens .xlsx bytes; `file` names them in errors. */
  static async fromBuffer(data: Buffer, file = 'workbook'): Promise<ExcelJsWorkbook> {
    if (data.length === 0) throw new WorkbookReadError(file, 'not-a-workbook', 'the file is empty');
    if (data.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
      throw new WorkbookReadError(file, 'not-a-workbook', 'it is an old .xls workbook or a password-protected one');
    }
    if (!data.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
      throw new WorkbookReadError(file, 'not-a-workbook', 'its content is not a workbook package');
    }
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(toArrayBuffer(data));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new WorkbookReadError(file, 'not-a-workbook', `it could not be read as one: ${detail}`);
    }
    if (workbook.worksheets.length === 0) {
      throw new WorkbookReadError(file, 'not-a-workbook', 'it has no worksheets');
    }
    repairLoadedTables(workbook);
    return new ExcelJsWorkbook(workbook);
  }

  /** A new workbook holding the given input tables (the user's sheets, not owned). */
  static async fromTables(tables: readonly TableData[]): Promise<ExcelJsWorkbook> {
    const book = new ExcelJsWorkbook(new ExcelJS.Workbook());
    await book.createTables(tables);
    return book;
  }

  /** Writes the workbook to `file` (a new file or a replacement, never half written). */
  async save(file: string): Promise<void> {
    const data = await this.toBuffer();
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    try {
      await fs.writeFile(temporary, data);
      await fs.rename(temporary, file);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
  }

  /** The workbook as .xlsx bytes. */
  async toBuffer(): Promise<Buffer> {
    if (!this.workbook.worksheets.some((ws) => ws.state === 'visible')) {
      throw new Error('An .xlsx workbook needs at least one visible sheet; this one has none.');
    }
    return Buffer.from(await this.workbook.xlsx.writeBuffer());
  }

  async readTables(names: readonly string[]): Promise<Record<string, TableData>> {
    const result: Record<string, TableData> = {};
    for (const name of names) {
      const found = this.findTable(name);
      if (!found) continue;
      const { rect, worksheet } = found;
      const headers: string[] = [];
      for (let c = rect.left; c <= rect.right; c++) {
        const fromModel = found.columns[c - rect.left];
        headers.push(fromModel ?? String(toCellValue(worksheet.getCell(rect.top, c).value) ?? ''));
      }
      const rows: CellValue[][] = [];
      for (let r = rect.top + 1; r <= rect.bottom; r++) {
        const row: CellValue[] = [];
        for (let c = rect.left; c <= rect.right; c++) row.push(toCellValue(worksheet.getCell(r, c).value));
        rows.push(row);
      }
      result[name] = { name: found.name, sheet: worksheet.name, headers, rows: withoutTrailingBlankRows(rows) };
    }
    return result;
  }

  async sheetNames(): Promise<string[]> {
    return this.inventory().sheets.slice();
  }

  async ownedSheetNames(): Promise<string[]> {
    return this.inventory().owned.slice();
  }

  async writeSheets(specs: readonly SheetSpec[]): Promise<void> {
    if (specs.length === 0) return;
    const layouts = specs.map(layoutSheet);
    const plan = planWrite(this.inventory(), specs);
    // Everything is checked; from here on nothing refuses.
    plan.targets.forEach(({ spec, replaces }, i) => {
      const worksheet = this.replaceSheet(replaces, spec.sheet);
      writeSpec(worksheet, spec, layouts[i]);
    });
    this.writeRegistry(plan.registry);
  }

  async createTables(tables: readonly TableData[]): Promise<void> {
    if (tables.length === 0) return;
    tables.forEach(checkTableData);
    for (const target of planCreate(this.inventory(), tables)) {
      const worksheet = this.workbook.addWorksheet(target.sheet);
      let top = 1;
      const widths: number[] = [];
      for (const table of target.tables) {
        const columns = inputColumns(table);
        const rows = bodyRowsOf(table.rows, columns.length);
        addTable(worksheet, table.name, top, columns, rows);
        formatColumns(worksheet, columns, top + 1, top + rows.length);
        columns.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.width)));
        top += rows.length + 2;
      }
      widths.forEach((width, i) => (worksheet.getColumn(i + 1).width = width));
      if (target.tables.length === 1) freezeRows(worksheet, 1);
    }
  }

  async setTableCell(table: string, row: number, column: string, value: CellValue): Promise<void> {
    const found = this.findTable(table);
    if (!found) throw new TableLookupError('table', table, column, row);
    const index = columnIndex(found.columns, column);
    if (index < 0) throw new TableLookupError('column', found.name, column, row);
    if (!Number.isInteger(row) || row < 0 || found.rect.top + 1 + row > found.rect.bottom) {
      throw new TableLookupError('row', found.name, column, row);
    }
    found.worksheet.getCell(found.rect.top + 1 + row, found.rect.left + index).value = value;
  }

  async selectTableRow(table: string, row: number): Promise<void> {
    const found = this.findTable(table);
    if (!found) throw new TableLookupError('table', table, undefined, row);
    const { rect, worksheet } = found;
    if (!Number.isInteger(row) || row < 0 || rect.top + 1 + row > rect.bottom) {
      throw new TableLookupError('row', found.name, undefined, row);
    }
    const r = rect.top + 1 + row;
    const tab = this.workbook.worksheets.indexOf(worksheet);
    worksheet.views = [{ ...(worksheet.views[0] ?? {}), activeCell: cellAddress(r, rect.left) }];
    this.workbook.views = [{ ...(this.workbook.views[0] ?? blankView()), activeTab: tab, firstSheet: 0 }];
  }

  // ----------------------------------------------------------------------------------

  private inventory(): WorkbookInventory {
    const sheets = this.workbook.worksheets;
    const tables = sheets.flatMap((ws) => tablesOf(ws).map((t) => ({ name: t.name, sheet: ws.name })));
    const names = this.workbook.definedNames.model.map((n) => n.name);
    return inventory(
      sheets.map((ws) => ws.name),
      this.registryState(),
      tables,
      names,
    );
  }

  private registryState(): RegistryState {
    const registry = this.workbook.worksheets.find((ws) => sameName(ws.name, REGISTRY_SHEET));
    if (!registry) return { kind: 'absent' };
    if (toCellValue(registry.getCell(1, 1).value) !== REGISTRY_SIGNATURE) return { kind: 'foreign' };
    const formulas: string[] = [];
    for (let r = 2; r <= registry.rowCount; r++) formulas.push(registry.getCell(r, 1).formula ?? '');
    return { kind: 'ours', formulas };
  }

  /** Rewrites the registry sheet: signature, then one formula per owned sheet. */
  private writeRegistry(owned: readonly string[]): void {
    const old = this.workbook.worksheets.find((ws) => sameName(ws.name, REGISTRY_SHEET));
    if (old) this.workbook.removeWorksheet(old.id);
    const registry = this.workbook.addWorksheet(REGISTRY_SHEET, { state: 'veryHidden' });
    REGISTRY_HEADER.forEach((text, i) => (registry.getCell(1, i + 1).value = text));
    owned.forEach((sheet, i) => {
      registry.getCell(i + 2, 1).value = { formula: registryFormula(sheet) };
      registry.getCell(i + 2, 2).value = sheet;
    });
    registry.getColumn(1).width = 40;
    registry.getColumn(2).width = 30;
  }

  /**
   * A fresh worksheet for an output sheet. An owned sheet being replaced is removed and
   * recreated at its place in the tab order: exceljs cannot empty a sheet in place, and
   * references to it from elsewhere are formula text that the same name keeps valid.
   */
  private replaceSheet(replaces: string | undefined, name: string): ExcelJS.Worksheet {
    const old = replaces === undefined ? undefined : this.workbook.getWorksheet(replaces);
    const position = old ? tabOrder(old) : undefined;
    if (old) this.workbook.removeWorksheet(old.id);
    const worksheet = this.workbook.addWorksheet(replaces ?? name);
    // exceljs orders tabs by each worksheet's `orderNo`, which its typings leave out.
    if (position !== undefined) Object.assign(worksheet, { orderNo: position });
    return worksheet;
  }

  /** The table of that name, compared as Excel does (ignoring case). */
  private findTable(name: string): FoundTable | undefined {
    for (const worksheet of this.workbook.worksheets) {
      const found = tablesOf(worksheet).find((t) => sameName(t.name, name));
      if (found) return found;
    }
    return undefined;
  }
}

// ------------------------------------------------------------------------------------
// Tables as exceljs holds them

/**
 * The tables of a worksheet, read from exceljs's table objects. Their typings describe
 * the options `addTable` takes, not what a loaded table holds (`table.tableRef`), so
 * each is read as unknown data and checked.
 */
function tablesOf(worksheet: ExcelJS.Worksheet): FoundTable[] {
  const found: FoundTable[] = [];
  const tables: unknown[] = worksheet.getTables();
  for (const table of tables) {
    const model = isRecord(table) && isRecord(table.table) ? table.table : undefined;
    if (!model || typeof model.name !== 'string') continue;
    const reference = typeof model.tableRef === 'string' ? model.tableRef : undefined;
    const rect = reference === undefined ? undefined : parseRange(reference);
    if (!rect) continue;
    if (model.totalsRow === true && rect.bottom > rect.top) rect.bottom -= 1;
    const columns = Array.isArray(model.columns)
      ? model.columns.map((c: unknown) => (isRecord(c) && typeof c.name === 'string' ? c.name : ''))
      : [];
    found.push({ name: model.name, worksheet, rect, columns, model });
  }
  return found;
}

/**
 * Makes tables loaded from a file safe to write back. exceljs would otherwise save:
 * - a table without Excel's optional `headerRowCount` (Excel leaves it out when there is
 *   a header row) as one with `headerRowCount="0"`, which Excel then repairs away;
 * - an `<autoFilter>` without a range when the table had no filter buttons;
 * - column `dxfId`s pointing into a style list exceljs does not keep.
 */
function repairLoadedTables(workbook: ExcelJS.Workbook): void {
  for (const worksheet of workbook.worksheets) {
    for (const { model, rect } of tablesOf(worksheet)) {
      model.headerRow = true;
      if (typeof model.autoFilterRef !== 'string') {
        model.autoFilterRef = rangeAddress(rect.top, rect.left, rect.bottom, rect.right);
      }
      if (Array.isArray(model.columns)) {
        for (const column of model.columns) {
          if (isRecord(column)) delete column.dxfId;
        }
      }
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function columnIndex(columns: readonly string[], column: string): number {
  const exact = columns.indexOf(column);
  return exact >= 0 ? exact : columns.findIndex((c) => sameName(c, column));
}

// ------------------------------------------------------------------------------------
// Writing

function writeSpec(worksheet: ExcelJS.Worksheet, spec: SheetSpec, layout: SheetLayout): void {
  spec.title.forEach((line, i) => {
    const cell = worksheet.getCell(i + 1, 1);
    cell.value = line;
    if (i === 0) cell.font = { bold: true, size: TITLE_FONT_SIZE };
  });
  addTable(worksheet, spec.table, layout.headerRow, spec.columns, bodyRowsOf(spec.rows, layout.columns));
  spec.footer.forEach((values, i) => {
    values.forEach((value, c) => {
      const cell = worksheet.getCell(layout.footerRow + i, c + 1);
      cell.value = value;
      cell.font = { bold: true };
    });
  });
  formatColumns(worksheet, spec.columns, layout.firstBodyRow, layout.lastRow);
  spec.columns.forEach((column, i) => (worksheet.getColumn(i + 1).width = column.width));
  freezeRows(worksheet, layout.headerRow);
}

function addTable(
  worksheet: ExcelJS.Worksheet,
  name: string,
  headerRow: number,
  columns: readonly SheetColumn[],
  rows: CellValue[][],
): void {
  worksheet.addTable({
    name,
    ref: cellAddress(headerRow, 1),
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: columns.map((c) => ({ name: c.header, filterButton: true })),
    rows,
  });
}

/** Number formats, cell by cell from `top` to `bottom` (exceljs has no range formats). */
function formatColumns(worksheet: ExcelJS.Worksheet, columns: readonly SheetColumn[], top: number, bottom: number): void {
  columns.forEach((column, i) => {
    const format = NUMBER_FORMATS[column.format];
    if (format === undefined) return;
    for (let r = top; r <= bottom; r++) worksheet.getCell(r, i + 1).numFmt = format;
  });
}

function freezeRows(worksheet: ExcelJS.Worksheet, rows: number): void {
  worksheet.views = [{ state: 'frozen', xSplit: 0, ySplit: rows, topLeftCell: cellAddress(rows + 1, 1) }];
}

function tabOrder(worksheet: ExcelJS.Worksheet): number | undefined {
  const order: unknown = isRecord(worksheet) ? worksheet.orderNo : undefined;
  return typeof order === 'number' ? order : undefined;
}

function blankView(): ExcelJS.WorkbookView {
  return { x: 0, y: 0, width: 12000, height: 24000, firstSheet: 0, activeTab: 0, visibility: 'visible' };
}

// ------------------------------------------------------------------------------------
// Reading values

/** An exceljs cell value as a `CellValue`: dates as serials, formulas as their result. */
function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return blankToNull(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateToSerial(value);
  if ('error' in value) return value.error;
  if ('richText' in value) return blankToNull(value.richText.map((run) => run.text).join(''));
  if ('hyperlink' in value) return toCellValue(value.text);
  if ('formula' in value || 'sharedFormula' in value) return toCellValue(value.result ?? null);
  return null;
}

function errorCode(error: unknown): string | undefined {
  return isRecord(error) && typeof error.code === 'string' ? error.code : undefined;
}

/** The bytes of a Node buffer as the ArrayBuffer exceljs's `load` is typed to take. */
function toArrayBuffer(data: Buffer): ArrayBuffer {
  const copy = new ArrayBuffer(data.length);
  new Uint8Array(copy).set(data);
  return copy;
}
