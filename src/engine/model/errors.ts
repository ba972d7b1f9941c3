/**
 * The one error the model raises: its input cannot be used at all (a required table or
 * column is missing, an unknown scenario is asked for). Problems in single rows are not
 * errors: they become error-level checks and the run goes on.
 */

/** Where the structural problem is: the table, and its sheet, column and row when known. */
export interface InputLocation {
  table: string;
  sheet?: string;
  column?: string;
  /** 0-based body row. */
  row?: number;
}

/**
 * The model's input cannot be used. The message names the sheet, table and column in
 * plain words, ready to show a finance user as it stands.
 *
 * @example
 * new ModelInputError("Table 'Awards' (sheet 'Awards') has no column 'Prior year'.",
 *   { table: 'Awards', sheet: 'Awards', column: 'Prior year' })
 */
export class ModelInputError extends Error {
  readonly table: string;
  readonly sheet?: string;
  readonly column?: string;
  readonly row?: number;

  constructor(message: string, where: InputLocation) {
    super(message);
    this.name = 'ModelInputError';
    this.table = where.table;
    if (where.sheet !== undefined) this.sheet = where.sheet;
    if (where.column !== undefined) this.column = where.column;
    if (where.row !== undefined) this.row = where.row;
  }
}
