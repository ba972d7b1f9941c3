/**
 * The workbook adapters' own errors, beside the port's `SheetNotOwnedError` and
 * `SheetExistsError`. Every message says what is wrong and where, and whether anything
 * was written, so a surface can show it as it stands.
 */

/** Why a workbook file could not be opened. */
export type WorkbookReadProblem = 'missing' | 'unreadable' | 'not-a-workbook';

/** A workbook file cannot be used: missing, unreadable, or not an .xlsx workbook. */
export class WorkbookReadError extends Error {
  constructor(
    readonly file: string,
    readonly problem: WorkbookReadProblem,
    detail?: string,
  ) {
    super(readMessage(file, problem, detail));
    this.name = 'WorkbookReadError';
  }
}

function readMessage(file: string, problem: WorkbookReadProblem, detail: string | undefined): string {
  switch (problem) {
    case 'missing':
      return `Cannot open '${file}': there is no such file.`;
    case 'unreadable':
      return `Cannot read '${file}'${detail ? `: ${detail}` : ''}.`;
    case 'not-a-workbook':
      return (
        `Cannot open '${file}': it is not an Excel workbook in .xlsx format` +
        `${detail ? ` (${detail})` : ''}. In Excel, save it as "Excel Workbook (*.xlsx)".`
      );
  }
}

/**
 * A table (or defined name) of the user's already uses a name that an output or a new
 * input table needs: Excel table names are unique across the workbook, and share their
 * namespace with defined names. Nothing was written.
 */
export class TableNameTakenError extends Error {
  constructor(
    readonly table: string,
    /** The sheet holding the clashing table, or undefined for a defined name. */
    readonly sheet: string | undefined,
  ) {
    super(
      (sheet === undefined
        ? `The workbook already has a defined name '${table}'`
        : `The workbook already has a table named '${table}' on sheet '${sheet}'`) +
        `, and Awards Modeller needs that name for a table of its own. Nothing was written. ` +
        `Rename it, then run again.`,
    );
    this.name = 'TableNameTakenError';
  }
}

/** What `setTableCell` or `selectTableRow` could not find. */
export type TableLookupMiss = 'table' | 'column' | 'row';

/** A table, column or body row named in a cell edit or a selection does not exist. */
export class TableLookupError extends Error {
  constructor(
    readonly miss: TableLookupMiss,
    readonly table: string,
    readonly column?: string,
    readonly row?: number,
  ) {
    super(lookupMessage(miss, table, column, row));
    this.name = 'TableLookupError';
  }
}

function lookupMessage(miss: TableLookupMiss, table: string, column?: string, row?: number): string {
  switch (miss) {
    case 'table':
      return `The workbook has no table named '${table}'.`;
    case 'column':
      return `Table '${table}' has no column '${column ?? ''}'.`;
    case 'row':
      return `Table '${table}' has no body row ${row ?? ''} (rows count from 0).`;
  }
}

/** An output sheet specification that cannot be written as an Excel table. */
export class SheetSpecError extends Error {
  constructor(
    readonly sheet: string,
    problem: string,
  ) {
    super(`Sheet '${sheet}': ${problem}`);
    this.name = 'SheetSpecError';
  }
}

/**
 * The workbook's structure is protected (Review > Protect Workbook): Excel would not let
 * sheets be added to it, so neither do we. Nothing was written.
 */
export class StructureProtectedError extends Error {
  constructor(readonly file: string) {
    super(
      `Cannot write the output sheets into '${file}': its structure is protected (Review > Protect Workbook), ` +
        `so no sheet can be added to it. Unprotect the workbook's structure in Excel, save it, and run again. ` +
        `Nothing was written.`,
    );
    this.name = 'StructureProtectedError';
  }
}
