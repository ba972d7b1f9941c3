/**
 * A fake Excel for the Office.js adapter: a small in-memory workbook (sheets, cells,
 * tables, names) behind the slice of the Excel JavaScript API the adapter uses, with
 * `context.sync()` counted and each request's size measured. The tests and the bench
 * (`bench/`) share it, so both measure the same thing: `countSyncs`.
 *
 * What is *read* through the API is an `OfficeMockObject` from office-addin-mock, so a
 * property read before `load()` and `context.sync()` gives the mock's "not loaded"
 * error value instead of data, as real Office.js would refuse it. What office-addin-mock
 * cannot model — methods returning objects, setters that change the workbook — is
 * written here, following Excel's behaviour where it matters to the adapter:
 * - a string written through `values` is read the way Excel reads typing: `=…` becomes a
 *   formula, `123`, `12.5%`, `TRUE`, `2021/22` become numbers, booleans or dates, and a
 *   leading apostrophe keeps the text as text;
 * - values written right below a table make the table grow over them (AutoExpansion);
 * - renaming a sheet rewrites formulas that point at it; deleting it turns them to `#REF!`;
 * - table and sheet names are unique regardless of case; a range can only be selected
 *   on the active sheet; a request over 5 MB fails as it does in Excel on the web.
 * Errors carry `code` and `debugInfo.errorLocation` like `OfficeExtension.Error`, but
 * are thrown at the call rather than at the next sync (the adapter handles both alike).
 *
 * Under jest, office-addin-mock's dependency office-addin-manifest is stubbed; a test
 * file using this module must give the stub the `OfficeApp` enum the mock reads:
 * `jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', Outlook: 'outlook' } }))`.
 */
import { OfficeMockObject } from 'office-addin-mock';
import type { ExcelBatch } from '../../src/workbook/officejs';

/** What a cell holds: `''` is blank. */
export type Stored = string | number | boolean;

export interface FakeCell {
  value: Stored;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  size?: number;
}

/** 1-based, bounds included. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;
const WHOLE_SHEET: Rect = { top: 1, left: 1, bottom: MAX_ROW, right: MAX_COLUMN };
/** Excel on the web's request size limit. */
export const REQUEST_LIMIT = 5 * 1024 * 1024;
/** What the fake counts for an operation carrying no data. */
const OPERATION_BYTES = 100;

/** A chart as drawn: its series as the ranges they read. */
export interface FakeChart {
  name: string;
  type: string;
  title: string;
  series: { name: string; values: Rect; categories?: Rect }[];
  position?: { from: string; to: string };
}

export class FakeSheet {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  readonly charts: FakeChart[] = [];
  frozenRows = 0;
  readonly widths = new Map<number, number>();
  readonly cells = new Map<string, FakeCell>();

  constructor(public name: string) {}

  cell(row: number, column: number): FakeCell | undefined {
    return this.cells.get(`${row},${column}`);
  }

  write(row: number, column: number, patch: Partial<FakeCell>): void {
    const key = `${row},${column}`;
    const cell = this.cells.get(key) ?? { value: '' };
    this.cells.set(key, { ...cell, ...patch });
  }

  /** The rectangle around every cell holding a value or formula. */
  usedRect(): Rect | undefined {
    let rect: Rect | undefined;
    for (const [key, cell] of this.cells) {
      if (cell.value === '' && cell.formula === undefined) continue;
      const [row, column] = key.split(',').map(Number);
      rect = rect
        ? {
            top: Math.min(rect.top, row),
            left: Math.min(rect.left, column),
            bottom: Math.max(rect.bottom, row),
            right: Math.max(rect.right, column),
          }
        : { top: row, left: column, bottom: row, right: column };
    }
    return rect;
  }

  clear(rect: Rect, what: string): void {
    for (const [key, cell] of [...this.cells]) {
      const [row, column] = key.split(',').map(Number);
      if (!inside(rect, row, column)) continue;
      if (what === 'Contents') this.cells.set(key, { ...cell, value: '', formula: undefined });
      else this.cells.delete(key);
    }
  }
}

export class FakeTable {
  style = 'TableStyleLight9';
  constructor(
    public name: string,
    public sheet: FakeSheet,
    public rect: Rect,
  ) {}
}

/** An error shaped like `OfficeExtension.Error`. */
export class FakeOfficeError extends Error {
  readonly debugInfo: { errorLocation: string };
  constructor(
    readonly code: string,
    location: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { errorLocation: location };
  }
}

/** The fake workbook and its API. */
export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly names: string[] = [];
  calculationMode: 'Automatic' | 'AutomaticExceptTables' | 'Manual' = 'Automatic';
  /** Every `context.sync()` so far. */
  syncs = 0;
  /** Bytes each sync carried, in order. */
  readonly payloads: number[] = [];
  /** Syncs during which API calculation was suspended. */
  suspendedSyncs = 0;
  recalculations = 0;
  active: FakeSheet | undefined;
  selection: { sheet: string; address: string } | undefined;

  private pendingBytes = 0;
  private suspended = false;
  private tracked: OfficeMockObject[] = [];

  /** Runs a batch as `Excel.run` would: a fresh request context each time. */
  readonly run: ExcelBatch = async (batch) => {
    const context: unknown = this.context();
    // The fake implements only the part of Excel.RequestContext the adapter uses.
    return batch(context as Excel.RequestContext);
  };

  // --------------------------------------------------------------------------------
  // Setting up and looking: what a user (or a test) does, not through the API.

  addSheet(name: string, visibility: FakeSheet['visibility'] = 'Visible'): FakeSheet {
    this.checkNewSheetName(name);
    const sheet = new FakeSheet(name);
    sheet.visibility = visibility;
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`fake: no sheet '${name}'`);
    return sheet;
  }

  /** Puts values (as stored, no coercion) from `at` down and right. */
  putValues(sheet: string, at: string, rows: readonly (readonly Stored[])[]): void {
    const { top, left } = parseAddress(at);
    const target = this.findSheet(sheet) ?? this.addSheet(sheet);
    rows.forEach((row, r) => row.forEach((value, c) => target.write(top + r, left + c, { value })));
  }

  /** Puts a table of the user's: header row at `at`, body below. */
  putTable(sheet: string, name: string, headers: readonly string[], rows: readonly (readonly Stored[])[], at = 'A1'): FakeTable {
    this.putValues(sheet, at, [headers, ...rows]);
    const { top, left } = parseAddress(at);
    const rect = { top, left, bottom: top + Math.max(1, rows.length), right: left + headers.length - 1 };
    return this.createTable(this.sheet(sheet), rect, name);
  }

  /** What a user does renaming a sheet: Excel rewrites formulas that point at it. */
  renameSheet(from: string, to: string): void {
    const sheet = this.sheet(from);
    this.checkNewSheetName(to);
    for (const other of this.sheets) {
      for (const [key, cell] of other.cells) {
        if (cell.formula === undefined) continue;
        other.cells.set(key, { ...cell, formula: replaceSheetReference(cell.formula, sheet.name, quoteSheet(to)) });
      }
    }
    sheet.name = to;
  }

  /** What a user does deleting a sheet: formulas that pointed at it show `#REF!`. */
  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    for (const other of this.sheets) {
      for (const [key, cell] of other.cells) {
        if (cell.formula === undefined) continue;
        other.cells.set(key, { ...cell, formula: replaceSheetReference(cell.formula, sheet.name, '#REF!') });
      }
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const table of this.tables.filter((t) => t.sheet === sheet)) this.tables.splice(this.tables.indexOf(table), 1);
    if (this.active === sheet) this.active = this.sheets[0];
  }

  table(name: string): FakeTable {
    const table = this.tables.find((t) => sameName(t.name, name));
    if (!table) throw new Error(`fake: no table '${name}'`);
    return table;
  }

  /** A table's header and body values as stored. */
  tableValues(name: string): { sheet: string; headers: Stored[]; rows: Stored[][] } {
    const { sheet, rect } = this.table(name);
    const rows = this.readValues(sheet, rect, 'values');
    return { sheet: sheet.name, headers: rows[0], rows: rows.slice(1) };
  }

  /** Formulas and values of a range as stored (a formula cell gives its formula). */
  read(sheet: string, address: string): Stored[][] {
    return this.readValues(this.sheet(sheet), parseAddress(address), 'formulas');
  }

  // --------------------------------------------------------------------------------
  // The API

  private context(): object {
    this.tracked = [];
    const application = this.track(
      new OfficeMockObject({
        calculationMode: this.calculationMode,
        suspendApiCalculationUntilNextSync: () => {
          this.op(OPERATION_BYTES);
          this.suspended = true;
        },
        suspendScreenUpdatingUntilNextSync: () => this.op(OPERATION_BYTES),
        calculate: () => {
          this.op(OPERATION_BYTES);
          this.recalculations++;
        },
      }),
    );
    // Each access makes a fresh proxy, as Office.js does.
    const worksheets = (): OfficeMockObject => this.worksheetCollection();
    const tables = (): OfficeMockObject => this.tableCollection();
    const names = (): OfficeMockObject => this.collection(this.names.map((name) => ({ name })), {});
    return {
      workbook: {
        get worksheets() {
          return worksheets();
        },
        get tables() {
          return tables();
        },
        get names() {
          return names();
        },
        application,
      },
      sync: () => this.sync(),
    };
  }

  private async sync(): Promise<void> {
    this.syncs++;
    if (this.suspended) this.suspendedSyncs++;
    this.suspended = false;
    const bytes = this.pendingBytes;
    this.pendingBytes = 0;
    this.payloads.push(bytes);
    for (const mock of this.tracked) await mock.sync();
    await new Promise((resolve) => setImmediate(resolve));
    if (bytes > REQUEST_LIMIT) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'context.sync', `request of ${bytes} bytes`);
    }
  }

  private track(mock: OfficeMockObject): OfficeMockObject {
    this.tracked.push(mock);
    return mock;
  }

  op(bytes: number): void {
    this.pendingBytes += bytes;
  }

  /** A collection whose `items` can be read only after `load` and `sync`. */
  collection(items: object[], methods: Record<string, unknown>): OfficeMockObject {
    return this.track(
      new OfficeMockObject({
        items,
        ...methods,
        // `load('items/name,items/worksheet/name')`: office-addin-mock cannot follow
        // paths into an array, so the whole `items` is loaded.
        load(this: OfficeMockObject) {
          OfficeMockObject.prototype.load.call(this, 'items');
          return this;
        },
      }),
    );
  }

  private worksheetCollection(): OfficeMockObject {
    return this.collection(
      this.sheets.map((s) => ({ name: s.name, visibility: s.visibility })),
      {
        getItem: (name: string) => new WorksheetProxy(this, this.requireSheet(name)),
        add: (name: string) => {
          this.op(OPERATION_BYTES);
          return new WorksheetProxy(this, this.addSheet(name));
        },
      },
    );
  }

  private tableCollection(): OfficeMockObject {
    return this.collection(
      this.tables.map((t) => ({ name: t.name, worksheet: { name: t.sheet.name } })),
      {
        getItem: (name: string) => {
          this.op(OPERATION_BYTES);
          const table = this.tables.find((t) => sameName(t.name, name));
          if (!table) throw new FakeOfficeError('ItemNotFound', 'TableCollection.getItem', `no table '${name}'`);
          return new TableProxy(this, table);
        },
        getItemOrNullObject: (name: string) => {
          this.op(OPERATION_BYTES);
          const table = this.tables.find((t) => sameName(t.name, name));
          const { top, left, bottom, right } = table?.rect ?? { top: 1, left: 1, bottom: 1, right: 1 };
          const values = table ? this.readValues(table.sheet, table.rect, 'values') : [[]];
          return this.track(
            new OfficeMockObject({
              name: table?.name ?? '',
              isNullObject: !table,
              worksheet: { name: table?.sheet.name ?? '' },
              getHeaderRowRange: () => this.readRange(values.slice(0, 1), table?.sheet, { top, left, bottom: top, right }),
              getDataBodyRange: () => this.readRange(values.slice(1), table?.sheet, { top: top + 1, left, bottom, right }),
              load: loadWithNullFlag,
            }),
          );
        },
      },
    );
  }

  /** A range to be read: `values`, `formulas`, `address` once loaded and synced. */
  readRange(values: Stored[][], sheet: FakeSheet | undefined, rect: Rect | undefined): OfficeMockObject {
    const formulas = sheet && rect ? this.readValues(sheet, rect, 'formulas') : [];
    return this.track(
      new OfficeMockObject({
        isNullObject: rect === undefined,
        address: sheet && rect ? `${quoteSheet(sheet.name)}!${formatRect(rect)}` : '',
        values,
        formulas,
        load: loadWithNullFlag,
      }),
    );
  }

  // --------------------------------------------------------------------------------
  // What the API's writes do

  /** Values or formulas written to a range, as Excel takes them. */
  setCells(sheet: FakeSheet, rect: Rect, grid: unknown, how: 'values' | 'formulas'): void {
    if (!Array.isArray(grid) || grid.length !== height(rect) || grid.some((r) => !Array.isArray(r) || r.length !== width(rect))) {
      throw new FakeOfficeError('InvalidArgument', `Range.${how}`, `a ${height(rect)}×${width(rect)} array was expected`);
    }
    this.op(OPERATION_BYTES + JSON.stringify(grid).length);
    grid.forEach((row: unknown[], r) =>
      row.forEach((input, c) => {
        if (input === null || input === undefined) return; // Office.js leaves the cell as it is
        sheet.write(rect.top + r, rect.left + c, typed(input));
      }),
    );
    this.autoExpand(sheet, rect, grid);
  }

  setFormats(sheet: FakeSheet, rect: Rect, formats: unknown): void {
    this.op(OPERATION_BYTES + JSON.stringify(formats).length);
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const format = Array.isArray(formats) ? formats[r - rect.top]?.[c - rect.left] : formats;
        if (typeof format !== 'string') throw new FakeOfficeError('InvalidArgument', 'Range.numberFormat', 'bad format');
        sheet.write(r, c, { numberFormat: format });
      }
    }
  }

  createTable(sheet: FakeSheet, rect: Rect, name?: string): FakeTable {
    if (this.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect))) {
      throw new FakeOfficeError('InvalidArgument', 'TableCollection.add', 'a table cannot overlap another table');
    }
    const headers = this.readValues(sheet, { ...rect, bottom: rect.top }, 'values')[0].map(String);
    if (headers.some((h) => h === '') || new Set(headers.map((h) => h.toUpperCase())).size !== headers.length) {
      throw new Error(`fake: header row ${headers.join('|')} would be renamed by Excel`);
    }
    let n = this.tables.length + 1;
    while (this.tableNameTaken(`Table${n}`)) n++;
    const table = new FakeTable(`Table${n}`, sheet, rect);
    this.tables.push(table);
    if (name !== undefined) this.renameTable(table, name);
    return table;
  }

  renameTable(table: FakeTable, name: string): void {
    if (this.tableNameTaken(name, table)) {
      throw new FakeOfficeError('InvalidArgument', 'Table.name', `the name '${name}' is already taken`);
    }
    table.name = name;
  }

  deleteTable(table: FakeTable): void {
    this.op(OPERATION_BYTES);
    this.tables.splice(this.tables.indexOf(table), 1);
  }

  setVisibility(sheet: FakeSheet, visibility: FakeSheet['visibility']): void {
    this.op(OPERATION_BYTES);
    if (visibility !== 'Visible' && !this.sheets.some((s) => s !== sheet && s.visibility === 'Visible')) {
      throw new FakeOfficeError('InvalidOperation', 'Worksheet.visibility', 'a workbook needs a visible sheet');
    }
    sheet.visibility = visibility;
  }

  requireSheet(name: string): FakeSheet {
    const sheet = this.findSheet(name);
    if (!sheet) throw new FakeOfficeError('ItemNotFound', 'WorksheetCollection.getItem', `no sheet '${name}'`);
    return sheet;
  }

  private findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  private checkNewSheetName(name: string): void {
    if (this.findSheet(name) || name.length > 31 || /[:\\/?*[\]]/.test(name)) {
      throw new FakeOfficeError('InvalidArgument', 'WorksheetCollection.add', `cannot name a sheet '${name}'`);
    }
  }

  private tableNameTaken(name: string, except?: FakeTable): boolean {
    return (
      this.tables.some((t) => t !== except && sameName(t.name, name)) || this.names.some((n) => sameName(n, name))
    );
  }

  /**
   * A range's `values` (a formula cell reads 0: the fake does not calculate) or its
   * `formulas` (the formula, else the value).
   */
  private readValues(sheet: FakeSheet, rect: Rect, how: 'values' | 'formulas'): Stored[][] {
    const rows: Stored[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: Stored[] = [];
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = sheet.cell(r, c);
        row.push(cell?.formula === undefined ? (cell?.value ?? '') : how === 'values' ? 0 : cell.formula);
      }
      rows.push(row);
    }
    return rows;
  }

  /** Excel's AutoExpansion: data written right below a table joins it. */
  private autoExpand(sheet: FakeSheet, rect: Rect, grid: unknown[][]): void {
    const filled = grid.some((row) => row.some((v) => v !== '' && v !== null && v !== undefined));
    if (!filled) return;
    for (const table of this.tables) {
      if (table.sheet !== sheet || rect.top !== table.rect.bottom + 1) continue;
      if (rect.right < table.rect.left || rect.left > table.rect.right) continue;
      table.rect = { ...table.rect, bottom: rect.bottom };
    }
  }
}

/** Counts the syncs `action` makes: the measure the tests and the bench share. */
export async function countSyncs(fake: FakeExcel, action: () => Promise<unknown>): Promise<number> {
  const before = fake.syncs;
  await action();
  return fake.syncs - before;
}

// ----------------------------------------------------------------------------------
// Proxies for what the adapter writes through

class WorksheetProxy {
  constructor(
    private readonly fake: FakeExcel,
    private readonly sheet: FakeSheet,
  ) {}

  get name(): string {
    throw new FakeOfficeError('PropertyNotLoaded', 'Worksheet.name', 'name was not loaded');
  }

  set name(name: string) {
    this.fake.op(OPERATION_BYTES);
    this.fake.renameSheet(this.sheet.name, name);
  }

  set visibility(visibility: FakeSheet['visibility']) {
    this.fake.setVisibility(this.sheet, visibility);
  }

  get tables(): object {
    return {
      add: (address: string, hasHeaders: boolean) => {
        if (!hasHeaders) throw new Error('fake: tables without headers are not modelled');
        this.fake.op(OPERATION_BYTES);
        return new TableProxy(this.fake, this.fake.createTable(this.sheet, parseAddress(address)));
      },
    };
  }

  get charts(): object {
    const { fake, sheet } = this;
    const seriesProxy = (series: FakeChart['series'][number]) => ({
      set name(name: string) {
        series.name = name;
      },
      setValues(range: RangeProxy) {
        fake.op(OPERATION_BYTES);
        series.values = range.rect;
      },
      setXAxisValues(range: RangeProxy) {
        fake.op(OPERATION_BYTES);
        series.categories = range.rect;
      },
    });
    return fake.collection(
      sheet.charts.map((c) => ({ name: c.name })),
      {
        add: (type: string, range: RangeProxy, seriesBy: string) => {
          if (seriesBy !== 'Columns' || range.rect.left !== range.rect.right) {
            throw new Error('fake: only one-column series ranges by columns are modelled');
          }
          fake.op(OPERATION_BYTES);
          const chart: FakeChart = { name: `Chart ${sheet.charts.length + 1}`, type, title: '', series: [{ name: '', values: range.rect }] };
          sheet.charts.push(chart);
          return {
            set name(name: string) {
              chart.name = name;
            },
            title: {
              set text(text: string) {
                chart.title = text;
              },
            },
            series: {
              getItemAt: (index: number) => seriesProxy(chart.series[index]),
              add: (name: string) => {
                const added = { name, values: { top: 0, left: 0, bottom: 0, right: 0 } };
                chart.series.push(added);
                return seriesProxy(added);
              },
            },
            setPosition(from: string, to: string) {
              chart.position = { from, to };
            },
          };
        },
        getItem: (name: string) => ({
          delete() {
            fake.op(OPERATION_BYTES);
            const index = sheet.charts.findIndex((c) => c.name === name);
            if (index < 0) throw new FakeOfficeError('ItemNotFound', 'ChartCollection.getItem', `no chart '${name}'`);
            sheet.charts.splice(index, 1);
          },
        }),
      },
    );
  }

  get freezePanes(): object {
    const { fake, sheet } = this;
    return {
      freezeRows(count: number) {
        fake.op(OPERATION_BYTES);
        sheet.frozenRows = count;
      },
      unfreeze() {
        fake.op(OPERATION_BYTES);
        sheet.frozenRows = 0;
      },
    };
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.fake, this.sheet, address === undefined ? WHOLE_SHEET : parseAddress(address));
  }

  getUsedRangeOrNullObject(): OfficeMockObject {
    const rect = this.sheet.usedRect();
    return this.fake.readRange([], this.sheet, rect);
  }

  activate(): void {
    this.fake.op(OPERATION_BYTES);
    this.fake.active = this.sheet;
  }
}

class RangeProxy {
  constructor(
    private readonly fake: FakeExcel,
    readonly sheet: FakeSheet,
    readonly rect: Rect,
  ) {}

  get values(): never {
    throw new FakeOfficeError('PropertyNotLoaded', 'Range.values', 'values were not loaded');
  }

  set values(grid: unknown) {
    this.fake.setCells(this.sheet, this.rect, grid, 'values');
  }

  get formulas(): never {
    throw new FakeOfficeError('PropertyNotLoaded', 'Range.formulas', 'formulas were not loaded');
  }

  set formulas(grid: unknown) {
    this.fake.setCells(this.sheet, this.rect, grid, 'formulas');
  }

  get numberFormat(): never {
    throw new FakeOfficeError('PropertyNotLoaded', 'Range.numberFormat', 'numberFormat was not loaded');
  }

  set numberFormat(formats: unknown) {
    this.fake.setFormats(this.sheet, this.rect, formats);
  }

  get format(): object {
    const { fake, sheet, rect } = this;
    const eachCell = (patch: Partial<FakeCell>): void => {
      fake.op(OPERATION_BYTES);
      for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) sheet.write(r, c, patch);
    };
    return {
      font: {
        set bold(bold: boolean) {
          eachCell({ bold });
        },
        set size(size: number) {
          eachCell({ size });
        },
      },
      set columnWidth(points: number) {
        fake.op(OPERATION_BYTES);
        for (let c = rect.left; c <= rect.right; c++) sheet.widths.set(c, points);
      },
    };
  }

  clear(applyTo = 'All'): void {
    this.fake.op(OPERATION_BYTES);
    this.sheet.clear(this.rect, applyTo);
  }

  select(): void {
    this.fake.op(OPERATION_BYTES);
    if (this.fake.active !== this.sheet) {
      throw new FakeOfficeError('InvalidSelection', 'Range.select', 'the range is not on the active sheet');
    }
    this.fake.selection = { sheet: this.sheet.name, address: formatRect(this.rect) };
  }

  getIntersection(other: RangeProxy): RangeProxy {
    const rect = {
      top: Math.max(this.rect.top, other.rect.top),
      left: Math.max(this.rect.left, other.rect.left),
      bottom: Math.min(this.rect.bottom, other.rect.bottom),
      right: Math.min(this.rect.right, other.rect.right),
    };
    if (other.sheet !== this.sheet || rect.top > rect.bottom || rect.left > rect.right) {
      throw new FakeOfficeError('ItemNotFound', 'Range.getIntersection', 'the ranges do not intersect');
    }
    return new RangeProxy(this.fake, this.sheet, rect);
  }
}

class TableProxy {
  constructor(
    private readonly fake: FakeExcel,
    private readonly table: FakeTable,
  ) {}

  set name(name: string) {
    this.fake.op(OPERATION_BYTES);
    this.fake.renameTable(this.table, name);
  }

  set style(style: string) {
    this.fake.op(OPERATION_BYTES);
    this.table.style = style;
  }

  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.fake, this.table.sheet);
  }

  delete(): void {
    this.fake.deleteTable(this.table);
  }

  get rows(): object {
    const { fake, table } = this;
    return {
      getItemAt(index: number) {
        const { top, left, bottom, right } = table.rect;
        if (!Number.isInteger(index) || index < 0 || top + 1 + index > bottom) {
          throw new FakeOfficeError('ItemNotFound', 'TableRowCollection.getItemAt', `no row ${index}`);
        }
        const row = top + 1 + index;
        return { getRange: () => new RangeProxy(fake, table.sheet, { top: row, left, bottom: row, right }) };
      },
    };
  }

  get columns(): object {
    const { fake, table } = this;
    return {
      getItem(key: string) {
        const { top, left, bottom } = table.rect;
        const headers = fake.tableValues(table.name).headers.map(String);
        const index = headers.findIndex((h) => sameName(h, key));
        if (index < 0) throw new FakeOfficeError('ItemNotFound', 'TableColumnCollection.getItem', `no column '${key}'`);
        const column = left + index;
        return {
          getDataBodyRange: () => new RangeProxy(fake, table.sheet, { top: top + 1, left: column, bottom, right: column }),
        };
      },
    };
  }
}

// ----------------------------------------------------------------------------------
// Helpers

/** `load` for objects that may be null objects: `isNullObject` comes with any load. */
function loadWithNullFlag(this: OfficeMockObject, properties: string | string[]): OfficeMockObject {
  const list = (Array.isArray(properties) ? properties : properties.split(',')).map((p) => p.trim());
  OfficeMockObject.prototype.load.call(this, [...list, 'isNullObject']);
  return this;
}

/** How Excel takes a value written through the API. */
function typed(input: unknown): Partial<FakeCell> {
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: undefined };
  const text = String(input);
  if (text.startsWith("'")) return { value: text.slice(1), formula: undefined };
  if (text.startsWith('=')) return { value: '', formula: text };
  if (/^[-+]?\d+(\.\d+)?$/.test(text)) return { value: Number(text), formula: undefined };
  if (/^[-+]?\d+(\.\d+)?%$/.test(text)) return { value: Number(text.slice(0, -1)) / 100, formula: undefined };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true', formula: undefined };
  if (/^\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?$/.test(text)) return { value: 44_000, formula: undefined }; // a date
  return { value: text, formula: undefined };
}

function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Rewrites references to `sheet` in a formula (quoted or not) to `replacement`. */
function replaceSheetReference(formula: string, sheet: string, replacement: string): string {
  const escaped = sheet.replace(/'/g, "''").replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const bare = sheet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return formula.replace(new RegExp(`'${escaped}'!|(?<![A-Za-z0-9_'])${bare}!`, 'gi'), `${replacement}!`).replace(/#REF!!/g, '#REF!');
}

export function parseAddress(address: string): Rect {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '').toUpperCase();
  const columns = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(local);
  if (columns) return { top: 1, bottom: MAX_ROW, left: columnNumber(columns[1]), right: columnNumber(columns[2]) };
  const cells = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(local);
  if (!cells) throw new FakeOfficeError('InvalidArgument', 'Worksheet.getRange', `bad address '${address}'`);
  const [, c1, r1, c2 = c1, r2 = r1] = cells;
  return { top: Number(r1), left: columnNumber(c1), bottom: Number(r2), right: columnNumber(c2) };
}

export function formatRect(rect: Rect): string {
  const a = `${columnLetters(rect.left)}${rect.top}`;
  const b = `${columnLetters(rect.right)}${rect.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function columnLetters(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function inside(rect: Rect, row: number, column: number): boolean {
  return row >= rect.top && row <= rect.bottom && column >= rect.left && column <= rect.right;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function height(rect: Rect): number {
  return rect.bottom - rect.top + 1;
}

function width(rect: Rect): number {
  return rect.right - rect.left + 1;
}
