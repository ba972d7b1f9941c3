/**
 * The preview on a workbook of the person's own: the .xlsx they opened, held in the page
 * (the package layer, browser-safe), is the truth — the model is read from it and the
 * output sheets are written into it, for the download — and a copy of its model tables
 * and every sheet written goes to the in-memory workbook the preview draws.
 */
import type { CellValue, SheetSpec, TableData } from '../../engine/sheet';
import type { WorkbookPort } from '../../workbook/port';
import type { XlsxWorkbook } from '../../workbook/xlsx/workbook';
import type { ChartRecorder } from './chartRecorder';

export class FilePort implements WorkbookPort {
  /** Whether a command has written anything since the file was opened. */
  changed = false;

  constructor(
    readonly file: XlsxWorkbook,
    private readonly shown: ChartRecorder,
  ) {}

  readTables(names: readonly string[]): Promise<Record<string, TableData>> {
    return this.file.readTables(names);
  }

  sheetNames(): Promise<string[]> {
    return this.file.sheetNames();
  }

  ownedSheetNames(): Promise<string[]> {
    return this.file.ownedSheetNames();
  }

  async writeSheets(sheets: readonly SheetSpec[]): Promise<void> {
    await this.file.writeSheets(sheets);
    this.changed = true;
    await this.shown.writeSheets(sheets);
  }

  async createTables(tables: readonly TableData[]): Promise<void> {
    await this.file.createTables(tables);
    this.changed = true;
    await this.shown.createTables(tables);
  }

  async setTableCell(table: string, row: number, column: string, value: CellValue): Promise<void> {
    await this.file.setTableCell(table, row, column, value);
    this.changed = true;
    await this.shown.setTableCell(table, row, column, value);
  }

  async selectTableRow(table: string, row: number): Promise<void> {
    await this.shown.selectTableRow(table, row);
  }
}
