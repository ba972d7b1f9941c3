/**
 * The workbook adapters' own errors, beside the port's `SheetNotOwnedError` and
 * `SheetExistsError`. Every message says what is wrong and where, and whether anything
 * was written, so a surface can show it as it stands.
 */

import type { PackageError } from './xlsx/package';

/**
 * Why a workbook file could not be opened: absent, unreadable, not a workbook at all,
 * encrypted, a workbook in another format (.xls, .xlsb, .ods, Strict OOXML), larger
 * than the package limits, damaged (a part missing or corrupt), or holding two tables
 * of one name.
 */
export type WorkbookReadProblem =
  | 'missing'
  | 'unreadable'
  | 'not-a-workbook'
  | 'encrypted'
  | 'other-format'
  | 'too-large'
  | 'damaged'
  | 'duplicate-table';

/** A workbook file cannot be used: missing, unreadable, or not an .xlsx workbook we can read. */
export class WorkbookReadError extends Error {
  constructor(
    readonly file: string,
    readonly problem: WorkbookReadProblem,
    detail?: string,
    /** The package part where the problem is, when there is one. */
    readonly part?: string,
  ) {
    super(readMessage(file, problem, detail, part));
    this.name = 'WorkbookReadError';
  }
}

function readMessage(file: string, problem: WorkbookReadProblem, detail: string | undefined, part: string | undefined): string {
  const where = part === undefined ? '' : ` (part '${part}')`;
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
    case 'encrypted':
      return (
        `Cannot open '${file}': it is protected with a password, so its content cannot be read. ` +
        `Remove the password in Excel (File > Info > Protect Workbook > Encrypt with Password, clear it), save, and run again.`
      );
    case 'other-format':
      return (
        `Cannot open '${file}': ${detail ?? 'it is not an .xlsx workbook'}, which Awards Modeller does not read. ` +
        `In Excel, save it as "Excel Workbook (*.xlsx)" (in LibreOffice, as "Excel 2007-365 (.xlsx)") and run again.`
      );
    case 'too-large':
      return (
        `Cannot open '${file}': it is too large to open safely: ${detail ?? 'it breaks a size limit'}${where}. ` +
        `A damaged or deliberately inflated file (a "zip bomb") looks like this; a real model workbook is far smaller.`
      );
    case 'damaged':
      return (
        `Cannot open '${file}': the file is damaged: ${detail ?? 'a part cannot be read'}${where}. ` +
        `Open it in Excel, let Excel repair it if it offers to, save it, and run again.`
      );
    case 'duplicate-table':
      return (
        `Cannot open '${file}': ${detail ?? 'two tables have the same name'}, and Excel table names must be unique. ` +
        `Rename one of them in Excel (Table Design > Table Name), save, and run again.`
      );
  }
}

/**
 * What a package error means for the user's file, as one message naming the file and
 * the part (with the sheet or table where the package layer knew it).
 *
 * @example packageReadError('model.xlsx', new PackageError('xls', 'it is an Excel 97–2003 workbook (.xls)'))
 */
export function packageReadError(file: string, error: PackageError): WorkbookReadError {
  switch (error.problem) {
    case 'empty':
    case 'not-a-zip':
      return new WorkbookReadError(file, 'not-a-workbook', error.detail);
    case 'encrypted':
      return new WorkbookReadError(file, 'encrypted', error.detail, error.part);
    case 'xls':
    case 'xlsb':
    case 'ods':
    case 'strict':
      return new WorkbookReadError(file, 'other-format', error.detail, error.part);
    case 'too-large':
      return new WorkbookReadError(file, 'too-large', error.detail, error.part);
    case 'corrupt':
    case 'missing-part':
      return new WorkbookReadError(file, 'damaged', error.detail, error.part);
    case 'duplicate-table':
      return new WorkbookReadError(file, 'duplicate-table', error.detail, error.part);
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
