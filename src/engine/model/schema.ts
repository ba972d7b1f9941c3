/**
 * The input tables and their columns (SPEC section 3), stated once. Header text is
 * matched exactly (after trimming); extra columns are allowed and column order is free.
 */
import type { CellValue, TableData } from '../sheet';
import { lookalike, nearestName, type NearestName } from '../nearest';
import { ModelInputError } from './errors';
import { messages } from './messages';

export interface TableSchema {
  name: string;
  required: boolean;
  columns: readonly string[];
  optionalColumns: readonly string[];
}

export const FUNDS = {
  name: 'Funds',
  required: true,
  columns: ['Fund', 'Source', 'Opening balance', 'Income', 'Allowed purposes', 'Floor', 'Award cap', 'Appendix'],
  optionalColumns: [],
} as const satisfies TableSchema;

export const AWARDS = {
  name: 'Awards',
  required: true,
  columns: [
    'Ref', 'Recipient', 'Service', 'Fund', 'Purpose', 'Priority', 'Prior year', 'Rule', 'Value',
    'Start', 'End', 'Locked', 'Route',
  ],
  optionalColumns: ['Recipient identifier', 'Payment', 'Contract start', 'Term (months)', 'Extensions', 'Extended to'],
} as const satisfies TableSchema;

export const SCENARIOS = {
  name: 'Scenarios',
  required: true,
  columns: ['Scenario', 'Fund', 'Income', 'Fit'],
  optionalColumns: [],
} as const satisfies TableSchema;

export const SETTINGS = {
  name: 'Settings',
  required: false,
  columns: ['Setting', 'Value'],
  optionalColumns: [],
} as const satisfies TableSchema;

export const ENVELOPES = {
  name: 'Envelopes',
  required: false,
  columns: ['Priority', 'Budget'],
  optionalColumns: [],
} as const satisfies TableSchema;

export const MONITORING = {
  name: 'Monitoring',
  required: false,
  columns: ['Fund', 'Minimum amount', 'What', 'Every (months)'],
  optionalColumns: [],
} as const satisfies TableSchema;

export const PROCUREMENT = {
  name: 'Procurement',
  required: false,
  columns: ['From', 'Requirement', 'Routes'],
  optionalColumns: [],
} as const satisfies TableSchema;

/** The input tables a model may hold, in the order a workbook reader should ask for them. */
export const INPUT_TABLES: readonly string[] = [
  FUNDS.name, AWARDS.name, SCENARIOS.name, SETTINGS.name, ENVELOPES.name, MONITORING.name, PROCUREMENT.name,
];

type ColumnOf<S extends TableSchema> = S['columns'][number] | S['optionalColumns'][number];

/** An input table with its columns located: read cells by header. */
export class InputTable<S extends TableSchema> {
  private readonly index: Map<string, number>;

  constructor(
    readonly schema: S,
    readonly data: TableData,
    index: Map<string, number>,
  ) {
    this.index = index;
  }

  get sheet(): string {
    return this.data.sheet;
  }

  /** The body rows, blank ones included (`RowCells.isBlank` tells them). */
  get rows(): readonly CellValue[][] {
    return this.data.rows;
  }

  has(column: ColumnOf<S>): boolean {
    return this.index.has(column);
  }

  /** The column's position; -1 for an optional column the table does not have. */
  column(column: ColumnOf<S>): number {
    return this.index.get(column) ?? -1;
  }
}

/** Finds a table by its exact name, else by its name ignoring case (Excel's own rule). */
export function findTable(tables: Readonly<Record<string, TableData>>, name: string): TableData | undefined {
  if (Object.prototype.hasOwnProperty.call(tables, name)) return tables[name];
  const wanted = name.toLowerCase();
  for (const key of Object.keys(tables)) {
    const table = tables[key];
    if (key.toLowerCase() === wanted || table.name.toLowerCase() === wanted) return table;
  }
  return undefined;
}

/**
 * The header of the table's that most nearly names a missing column, as a
 * `NearestName` whose `name` is the header as written (and whose differences, if any,
 * say what alone sets it apart from the column).
 */
function nearestHeader(column: string, headers: readonly string[]): NearestName | null {
  for (const header of headers) {
    const differences = lookalike(header, column);
    if (differences !== null) return { name: header, differences };
  }
  const near = nearestName(column, headers);
  return near === null ? null : { name: near.name, differences: [] };
}

/**
 * Locates a table and its columns. A required table that is absent, or any table
 * missing one of its columns, is a `ModelInputError`; an absent optional table is null.
 */
export function openTable<S extends TableSchema>(
  tables: Readonly<Record<string, TableData>>,
  schema: S,
): InputTable<S> | null {
  const data = findTable(tables, schema.name);
  if (data === undefined) {
    if (!schema.required) return null;
    throw new ModelInputError(messages.missingTable(schema.name), { table: schema.name });
  }
  const index = new Map<string, number>();
  data.headers.forEach((header, position) => {
    const text = String(header ?? '').trim();
    if (!index.has(text)) index.set(text, position);
  });
  const all = new Set<string>([...schema.columns, ...schema.optionalColumns]);
  for (const column of schema.columns) {
    if (index.has(column)) continue;
    const present = [...index.keys()].filter((header) => !all.has(header));
    const nearly = nearestHeader(column, present);
    throw new ModelInputError(messages.missingColumn(schema.name, data.sheet, column, nearly), {
      table: schema.name,
      sheet: data.sheet,
      column,
    });
  }
  return new InputTable(schema, data, index);
}
