/**
 * The preview's port: the in-memory workbook, plus a note of the chart each output
 * sheet asked for — the in-memory workbook keeps values only, and the preview draws
 * the charts Excel would.
 */
import type { CellValue, ChartSpec, SheetSpec, TableData } from '../../engine/sheet';
import type { MemoryWorkbook } from '../../workbook/memory';
import type { WorkbookPort } from '../../workbook/port';

export class ChartRecorder implements WorkbookPort {
  private readonly charts = new Map<string, ChartSpec>();

  constructor(readonly workbook: MemoryWorkbook) {}

  /** The chart last written with a sheet of that name, if any. */
  chartOf(sheet: string): ChartSpec | undefined {
    return this.charts.get(sheet.toLowerCase());
  }

  readTables(names: readonly string[]): Promise<Record<string, TableData>> {
    return this.workbook.readTables(names);
  }

  sheetNames(): Promise<string[]> {
    return this.workbook.sheetNames();
  }

  ownedSheetNames(): Promise<string[]> {
    return this.workbook.ownedSheetNames();
  }

  async writeSheets(sheets: readonly SheetSpec[]): Promise<void> {
    await this.workbook.writeSheets(sheets);
    // Only once the write has succeeded: a refused write leaves the old charts.
    for (const sheet of sheets) {
      if (sheet.chart) this.charts.set(sheet.sheet.toLowerCase(), sheet.chart);
      else this.charts.delete(sheet.sheet.toLowerCase());
    }
  }

  createTables(tables: readonly TableData[]): Promise<void> {
    return this.workbook.createTables(tables);
  }

  setTableCell(table: string, row: number, column: string, value: CellValue): Promise<void> {
    return this.workbook.setTableCell(table, row, column, value);
  }

  selectTableRow(table: string, row: number): Promise<void> {
    return this.workbook.selectTableRow(table, row);
  }
}
