/**
 * What crosses the boundary between the pure engine and a workbook: input tables as
 * plain rows, and output sheets as plain specifications. No Office or exceljs types.
 */

/**
 * One cell's value. Dates arrive as Excel serial numbers (1900 system), as Office.js
 * gives them; adapters that see `Date` objects convert them. Blank cells are `null`.
 */
export type CellValue = string | number | boolean | null;

/** An Excel table read from the workbook: header text exactly as written, rows below. */
export interface TableData {
  /** The table's name, e.g. `Awards`. */
  name: string;
  /** The sheet holding it. */
  sheet: string;
  headers: string[];
  /** Body rows, each as long as `headers`. */
  rows: CellValue[][];
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
