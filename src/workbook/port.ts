import type { CellValue, SheetSpec, TableData } from '../engine/sheet';

/**
 * The one port to a workbook: everything the model and the surfaces need from one.
 * Implemented once per platform — Office.js (in Excel), exceljs (Node), in-memory
 * (tests and the browser preview) — each in a file of its own.
 *
 * The ownership rule: the add-in writes only to sheets it created and marked as its
 * own. `writeSheets` checks every target first and, if any is a sheet of the user's,
 * throws `SheetNotOwnedError` having written nothing.
 */
export interface WorkbookPort {
  /** Reads the named Excel tables (absent ones are left out of the result). */
  readTables(names: readonly string[]): Promise<Record<string, TableData>>;
  /** Names of every worksheet, in tab order. */
  sheetNames(): Promise<string[]>;
  /** Names of the worksheets the add-in created and marked as its own. */
  ownedSheetNames(): Promise<string[]>;
  /** Writes (or replaces) owned output sheets; all-or-nothing on the ownership check. */
  writeSheets(sheets: readonly SheetSpec[]): Promise<void>;
  /**
   * Creates input tables on new sheets (the sample model). Refuses, writing nothing,
   * with `SheetExistsError` if any of the sheets already exists.
   */
  createTables(tables: readonly TableData[]): Promise<void>;
  /**
   * Changes one cell of an input table — only ever at the user's explicit request
   * (entering the confirmed grant). `row` is the 0-based body row; `column` the header.
   */
  setTableCell(table: string, row: number, column: string, value: CellValue): Promise<void>;
  /** Selects (and shows) one body row of a table, 0-based. */
  selectTableRow(table: string, row: number): Promise<void>;
}

/** A sheet of the user's stands where an output sheet would go. Nothing was written. */
export class SheetNotOwnedError extends Error {
  constructor(readonly sheet: string) {
    super(
      `The workbook already has a sheet named '${sheet}' that Awards Modeller did not create. ` +
        `Nothing was written. Rename or move that sheet, then run again.`,
    );
    this.name = 'SheetNotOwnedError';
  }
}

/** A sheet to be created already exists. Nothing was written. */
export class SheetExistsError extends Error {
  constructor(readonly sheet: string) {
    super(`The workbook already has a sheet named '${sheet}'. Nothing was written.`);
    this.name = 'SheetExistsError';
  }
}
