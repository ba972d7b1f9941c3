/**
 * What crosses the boundary between the pure engine and a workbook: input tables as
 * plain rows, and output sheets as plain specifications. No Office or exceljs types.
 */

/**
 * One cell's value. Dates arrive as Excel serial numbers (1900 system), as Office.js
 * gives them; adapters that see `Date` objects convert them. Blank cells are `null`.
 */
export type CellValue = string | number | boolean | null;

/**
 * A cell whose value cannot be used as it stands, found while reading: a formula with
 * no calculated value (a file saved by a program that does not calculate), or an error
 * value such as `#N/A`. The cell reads as `null` in `rows`; the model turns each issue
 * into a row problem naming the ref and column (SPEC §3), never a silent 0.
 */
export interface CellIssue {
  /** 0-based body row. */
  row: number;
  /** 0-based column, as in `headers`. */
  column: number;
  kind: 'uncalculated' | 'error';
  /** The formula as written (with its `=`), or the error code (`#N/A`). */
  text: string;
  /** The cell's address on its sheet, e.g. `F7`, when the adapter knows it. */
  address?: string;
}

/** An Excel table read from the workbook: header text exactly as written, rows below. */
export interface TableData {
  /** The table's name, e.g. `Awards`. */
  name: string;
  /** The sheet holding it. */
  sheet: string;
  headers: string[];
  /** Body rows, each as long as `headers`. */
  rows: CellValue[][];
  /** Cells read as `null` because their value cannot be used (absent: none). */
  issues?: CellIssue[];
}

/** How a column's cells are shown. */
export type ColumnFormat = 'text' | 'money' | 'percent' | 'date' | 'number' | 'integer';

export interface SheetColumn {
  header: string;
  format: ColumnFormat;
  /** Width in characters. */
  width: number;
}

/** An output sheet the add-in owns: title lines, then one Excel table, then footer rows. */
export interface SheetSpec {
  /** Sheet name, e.g. `Fund ledger`. */
  sheet: string;
  /** Table name: the sheet name with spaces removed, e.g. `FundLedger`. */
  table: string;
  /** Lines above the table (title, run stamp). May be empty. */
  title: string[];
  columns: SheetColumn[];
  rows: CellValue[][];
  /** Rows below the table (totals), written bold in the same column formats. */
  footer: CellValue[][];
  /** A chart to draw beside the table, if any. */
  chart?: ChartSpec;
  /**
   * The run stamp printed in the page footer beside the sheet name, in words a person
   * reads (`Run 1 March 2021 12:00`). Absent: the footer shows the sheet name only.
   */
  stamp?: string;
}

/**
 * A native chart to draw beside an output sheet's table (the Office.js adapter draws it
 * in Excel; adapters without charts ignore it; the browser preview draws its own).
 */
export interface ChartSpec {
  title: string;
  /** Header of the column holding the categories (e.g. `Fund`). */
  categories: string;
  /** Headers of the columns drawn as series (e.g. `Indicative`, `Confirmed`). */
  series: string[];
  /** Draw from the footer rows (totals) rather than the table body. */
  fromFooter: boolean;
}
