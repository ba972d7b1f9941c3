/**
 * The workbook port in memory: for tests, and for the task pane's preview in a plain
 * browser, which renders the sheets it holds. No Node or Office imports (it is bundled
 * for the browser).
 *
 * It keeps the same rules as the real adapters — ownership, all-or-nothing writes, the
 * same errors — with the ownership mark kept as a flag on each sheet.
 */
import type { CellValue, SheetColumn, SheetSpec, TableData } from '../engine/sheet';
import type { WorkbookPort } from './port';
import { blankToNull, withoutTrailingBlankRows } from './cells';
import { TableLookupError } from './errors';
import { checkTableData, inputColumns, layoutSheet } from './layout';
import { REGISTRY_SHEET, inventory, planCreate, planWrite, sameName, type WorkbookInventory } from './ownership';

/** A sheet as the preview renders it. */
export interface MemorySheet {
  name: string;
  /** Written by the add-in (an output sheet) rather than the user's. */
  owned: boolean;
  /** Title lines above the table (output sheets); empty for input sheets. */
  title: string[];
  /** The sheet's first (for output sheets, only) table. */
  table?: TableData;
  /** Every table on the sheet, top to bottom. */
  tables: TableData[];
  /** How each column of `table` is shown: formats and widths. */
  columns: SheetColumn[];
  /** Rows below the table (totals), bold, in the columns' formats. */
  footer: CellValue[][];
}

/** The last row selected with `selectTableRow`. */
export interface MemorySelection {
  sheet: string;
  table: string;
  /** 0-based body row. */
  row: number;
}

interface StoredSheet {
  name: string;
  owned: boolean;
  title: string[];
  tables: TableData[];
  columns: SheetColumn[];
  footer: CellValue[][];
}

/** A workbook held in plain objects. */
export class MemoryWorkbook implements WorkbookPort {
  private readonly stored: StoredSheet[] = [];
  private selected: MemorySelection | undefined;
  private readonly listeners = new Set<() => void>();

  /** A workbook of the user's holding these tables (tables naming one sheet share it). */
  static fromTables(tables: readonly TableData[]): MemoryWorkbook {
    const book = new MemoryWorkbook();
    for (const table of tables) {
      const sheet = book.stored.find((s) => sameName(s.name, table.sheet));
      if (sheet) sheet.tables.push(copyTable(table));
      else book.stored.push(inputSheet(table.sheet, [table]));
    }
    return book;
  }

  /** Every sheet, in tab order, as copies the caller may keep. */
  sheets(): MemorySheet[] {
    return this.stored.map((s) => {
      const tables = s.tables.map(copyTable);
      return {
        name: s.name,
        owned: s.owned,
        title: [...s.title],
        table: tables[0],
        tables,
        columns: s.columns.map((c) => ({ ...c })),
        footer: copyRows(s.footer),
      };
    });
  }

  /** The row last selected with `selectTableRow`, if any. */
  get selection(): MemorySelection | undefined {
    return this.selected ? { ...this.selected } : undefined;
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async readTables(names: readonly string[]): Promise<Record<string, TableData>> {
    const result: Record<string, TableData> = {};
    for (const name of names) {
      const found = this.find(name);
      if (!found) continue;
      const { table } = found;
      const width = table.headers.length;
      const rows = table.rows.map((row) =>
        Array.from({ length: width }, (_, c): CellValue => blankToNull(row[c] ?? null)),
      );
      result[name] = { ...copyTable(table), rows: withoutTrailingBlankRows(rows) };
    }
    return result;
  }

  async sheetNames(): Promise<string[]> {
    return this.stored.map((s) => s.name);
  }

  async ownedSheetNames(): Promise<string[]> {
    return this.stored.filter((s) => s.owned).map((s) => s.name);
  }

  async writeSheets(specs: readonly SheetSpec[]): Promise<void> {
    if (specs.length === 0) return;
    specs.forEach(layoutSheet);
    const plan = planWrite(this.inventory(), specs);
    for (const { spec, replaces } of plan.targets) {
      const sheet: StoredSheet = {
        name: replaces ?? spec.sheet,
        owned: true,
        title: [...spec.title],
        tables: [{ name: spec.table, sheet: replaces ?? spec.sheet, headers: spec.columns.map((c) => c.header), rows: copyRows(spec.rows) }],
        columns: spec.columns.map((c) => ({ ...c })),
        footer: copyRows(spec.footer),
      };
      const at = this.stored.findIndex((s) => s.name === replaces);
      if (at >= 0) this.stored[at] = sheet;
      else this.stored.push(sheet);
    }
    this.changed();
  }

  async createTables(tables: readonly TableData[]): Promise<void> {
    if (tables.length === 0) return;
    tables.forEach(checkTableData);
    for (const target of planCreate(this.inventory(), tables)) {
      this.stored.push(inputSheet(target.sheet, target.tables));
    }
    this.changed();
  }

  async setTableCell(table: string, row: number, column: string, value: CellValue): Promise<void> {
    const found = this.find(table);
    if (!found) throw new TableLookupError('table', table, column, row);
    const { table: data } = found;
    const exact = data.headers.indexOf(column);
    const index = exact >= 0 ? exact : data.headers.findIndex((h) => sameName(h, column));
    if (index < 0) throw new TableLookupError('column', data.name, column, row);
    // Like an Excel table, an empty one still has one (blank) body row.
    if (!Number.isInteger(row) || row < 0 || row >= Math.max(1, data.rows.length)) {
      throw new TableLookupError('row', data.name, column, row);
    }
    if (data.rows.length === 0) data.rows.push([]);
    const cells = data.rows[row];
    while (cells.length < data.headers.length) cells.push(null);
    cells[index] = value;
    this.changed();
  }

  async selectTableRow(table: string, row: number): Promise<void> {
    const found = this.find(table);
    if (!found) throw new TableLookupError('table', table, undefined, row);
    if (!Number.isInteger(row) || row < 0 || row >= Math.max(1, found.table.rows.length)) {
      throw new TableLookupError('row', found.table.name, undefined, row);
    }
    this.selected = { sheet: found.sheet.name, table: found.table.name, row };
    this.changed();
  }

  private inventory(): WorkbookInventory {
    const names = this.stored.map((s) => s.name);
    const userRegistry = names.some((n) => sameName(n, REGISTRY_SHEET));
    return {
      ...inventory(names, userRegistry ? { kind: 'foreign' } : { kind: 'absent' }, this.tableList(), []),
      owned: this.stored.filter((s) => s.owned).map((s) => s.name),
    };
  }

  private tableList(): Array<{ name: string; sheet: string }> {
    return this.stored.flatMap((s) => s.tables.map((t) => ({ name: t.name, sheet: s.name })));
  }

  private find(name: string): { sheet: StoredSheet; table: TableData } | undefined {
    for (const sheet of this.stored) {
      const table = sheet.tables.find((t) => sameName(t.name, name));
      if (table) return { sheet, table };
    }
    return undefined;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

function inputSheet(name: string, tables: readonly TableData[]): StoredSheet {
  return {
    name,
    owned: false,
    title: [],
    tables: tables.map((t) => ({ ...copyTable(t), sheet: name })),
    columns: tables.length > 0 ? inputColumns(tables[0]) : [],
    footer: [],
  };
}

function copyTable(table: TableData): TableData {
  return { name: table.name, sheet: table.sheet, headers: [...table.headers], rows: copyRows(table.rows) };
}

function copyRows(rows: readonly (readonly CellValue[])[]): CellValue[][] {
  return rows.map((row) => [...row]);
}
