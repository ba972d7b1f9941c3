/**
 * A fake Excel for the Office.js adapter: a small in-memory workbook (sheets, cells,
 * tables, names, charts, print settings) behind the slice of the Excel JavaScript API
 * the adapter uses, with `context.sync()` counted and each request's and response's
 * size measured. The tests and the bench (`bench/`) share it, so both measure the same
 * thing: `countSyncs`.
 *
 * It is as strict as Microsoft documents Excel, so that code which only works on a
 * lenient fake fails here:
 * - **Load before read.** What is read through the API is an `OfficeMockObject` from
 *   office-addin-mock behind a proxy: reading a property that was not `load`ed and
 *   synced throws `PropertyNotLoaded`, as Office.js does ("You must call
 *   context.sync() before reading the properties", Excel.Range.load).
 * - **5 MB each way.** "Excel on the web has a payload size limit for requests and
 *   responses of 5MB" (Office add-ins resource limits): a sync whose request or
 *   whose loaded data is larger fails with `RequestPayloadSizeLimitExceeded` /
 *   `ResponsePayloadSizeLimitExceeded`. (Desktop Excel has no such limit; the fake
 *   applies the web's everywhere.)
 * - **Deleting a table breaks references to it.** Every structured reference to a
 *   deleted table (`=SUM(Allocations[Amount])`) becomes `#REF!` for good, as in Excel;
 *   a table kept and resized (`Table.resize`, ExcelApi 1.13: "the headers must stay in
 *   the same row and the new range must overlap the original") keeps them.
 * - **Conversions from `values`.** A string written through `values` is read the way
 *   Excel reads typing: `=…` becomes a formula, `123`, `12.5%`, `TRUE`, `2021/22` become
 *   numbers, booleans or dates, and a leading apostrophe keeps the text as text
 *   (Excel.Range.values: "If the returned value starts with a plus ("+"), minus ("-"),
 *   or equal sign ("="), Excel interprets this value as a formula").
 * - **Names.** Table, sheet and defined names are unique regardless of case, tables
 *   share their namespace with defined names, a header cell may not be blank or
 *   repeat another, a range can only be selected on the active sheet.
 * - Values written right below a table make the table grow over them (AutoExpansion).
 * - Renaming a sheet rewrites formulas that point at it; deleting it turns them `#REF!`.
 * - Protected sheets refuse writes (`AccessDenied`, the code the Excel error-code table
 *   gives for "the requested action"); a workbook in cell-edit mode refuses every sync
 *   (`InvalidOperationInCellEditMode`); a chart sheet is not in `worksheets` but its
 *   name is taken (`ItemAlreadyExists`).
 * - Error cells read as their code in `values` (`#N/A`) and as `Error` in `valueTypes`;
 *   the 1904 date system moves `DATE()` serials and date texts by 1,462 days.
 * - Undo: a run given `{ mergeUndoGroup: true }` is recorded as one undo group.
 * Errors carry `code` and `debugInfo.errorLocation` like `OfficeExtension.Error`, but
 * are thrown at the call rather than at the next sync — so, as in Excel, a batch that
 * fails part way has applied what came before the failure.
 *
 * What it still cannot model: the calculation engine (it evaluates `DATE(y,m,d)` and
 * `SUM(Table[Column])`, and reads any other formula as 0), formulas following cells
 * that rows were inserted above, pivot tables, the undo stack itself, the exact error
 * code Excel gives for every refusal (see the comments at each), events other than
 * table changes, and timing.
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
  /** An error value (`#N/A`, `#REF!`): `values` reads the code, `valueTypes` `Error`. */
  error?: string;
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
/** Excel on the web's request size limit ("Office add-ins resource limits": 5 MB). */
export const REQUEST_LIMIT = 5 * 1024 * 1024;
/** Excel on the web's response size limit: the same 5 MB. */
export const RESPONSE_LIMIT = 5 * 1024 * 1024;
/** What the fake counts for an operation carrying no data. */
const OPERATION_BYTES = 100;
/** 1 January 1904 as a serial of the 1900 date system: the two systems' distance. */
const DAYS_1900_TO_1904 = 1462;

/** A chart as drawn: its series as the ranges they read. */
export interface FakeChart {
  name: string;
  type: string;
  title: string;
  series: { name: string; values: Rect; categories?: Rect }[];
  position?: { from: string; to: string };
  legend: { visible: boolean; position?: string };
  axes: { categoryTitle?: string; valueTitle?: string; valueFormat?: string };
  dataLabels: { showValue: boolean; numberFormat?: string };
}

/** How a sheet prints (Worksheet.pageLayout, ExcelApi 1.9). */
export interface FakePrint {
  paperSize?: string;
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  titleRows?: string;
  leftFooter?: string;
  centerFooter?: string;
  rightFooter?: string;
}

export class FakeSheet {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  readonly charts: FakeChart[] = [];
  frozenRows = 0;
  /** Protected by the user (Review → Protect Sheet). */
  protected = false;
  readonly print: FakePrint = {};
  readonly widths = new Map<number, number>();
  cells = new Map<string, FakeCell>();

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
      if (cell.value === '' && cell.formula === undefined && cell.error === undefined) continue;
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
      if (what === 'Contents') this.cells.set(key, { ...cell, value: '', formula: undefined, error: undefined });
      else if (what === 'Formats') this.cells.set(key, { value: cell.value, formula: cell.formula, error: cell.error });
      else this.cells.delete(key);
    }
  }

  /** Moves every cell at or below `from` by `by` rows (negative: up); cells moved off row 1 go. */
  shiftRows(from: number, by: number): void {
    const moved = new Map<string, FakeCell>();
    for (const [key, cell] of this.cells) {
      const [row, column] = key.split(',').map(Number);
      const target = row >= from ? row + by : row;
      if (target >= 1) moved.set(`${target},${column}`, cell);
    }
    this.cells = moved;
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

/** What `Excel.run` was given. */
export interface FakeRun {
  mergeUndoGroup: boolean;
}

type TableEventHandler = (event: { tableId: string; type: string }) => Promise<unknown> | void;

/** The fake workbook and its API. */
export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly names: string[] = [];
  /** Chart sheets: not worksheets, so not in `worksheets`, but their names are taken. */
  readonly chartSheets: string[] = [];
  calculationMode: 'Automatic' | 'AutomaticExceptTables' | 'Manual' = 'Automatic';
  /** File → Options → Advanced → "Use 1904 date system". */
  date1904 = false;
  /** The user is typing in a cell: every sync fails. */
  cellEditMode = false;
  /** Review → Protect Workbook (structure): no sheet may be added. */
  structureProtected = false;
  /** Every `context.sync()` so far. */
  syncs = 0;
  /** Bytes each sync carried, in order. */
  readonly payloads: number[] = [];
  /** Bytes each sync brought back (what was loaded), in order. */
  readonly responses: number[] = [];
  /** Syncs during which API calculation was suspended. */
  suspendedSyncs = 0;
  recalculations = 0;
  /** Every `Excel.run`, with its options. */
  readonly runs: FakeRun[] = [];
  /** Makes the sync numbered `at` (counting from 1, as `syncs` does) fail with `code`, once. */
  failAt: { at: number; code: string } | undefined;
  active: FakeSheet | undefined;
  selection: { sheet: string; address: string } | undefined;

  private pendingBytes = 0;
  private pendingResponse = 0;
  private suspended = false;
  private tracked: OfficeMockObject[] = [];
  private readonly tableHandlers = new Map<string, TableEventHandler[]>();

  /** Runs a batch as `Excel.run` would: a fresh request context each time. */
  readonly run: ExcelBatch = async (batch, options) => {
    this.runs.push({ mergeUndoGroup: options?.mergeUndoGroup === true });
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

  /** What a user does typing a formula into a cell. */
  putFormula(sheet: string, at: string, formula: string): void {
    const { top, left } = parseAddress(at);
    (this.findSheet(sheet) ?? this.addSheet(sheet)).write(top, left, { value: '', formula, error: undefined });
  }

  /** What a formula's cell shows: its calculated value, or its error code. */
  valueOf(sheet: string, at: string): Stored {
    const { top, left } = parseAddress(at);
    return this.cellValue(this.sheet(sheet), top, left);
  }

  /** What a user does typing into a table's body: the table's change handlers hear of it. */
  async editTable(name: string, row: number, column: number, value: Stored): Promise<void> {
    const table = this.table(name);
    table.sheet.write(table.rect.top + 1 + row, table.rect.left + column, { value, formula: undefined, error: undefined });
    for (const handler of this.tableHandlers.get('onChanged') ?? []) await handler({ tableId: table.name, type: 'TableChanged' });
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
    for (const table of this.tables.filter((t) => t.sheet === sheet)) this.breakReferences(table.name);
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
    const rows = this.readGrid(sheet, rect, 'values');
    return { sheet: sheet.name, headers: rows[0], rows: rows.slice(1) };
  }

  /** Formulas and values of a range as stored (a formula cell gives its formula). */
  read(sheet: string, address: string): Stored[][] {
    return this.readGrid(this.sheet(sheet), parseAddress(address), 'formulas');
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
    const protection = (): OfficeMockObject => this.track(new OfficeMockObject({ protected: this.structureProtected }));
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
        get protection() {
          return protection();
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
    const response = this.pendingResponse;
    this.pendingBytes = 0;
    this.pendingResponse = 0;
    this.payloads.push(bytes);
    this.responses.push(response);
    await new Promise((resolve) => setImmediate(resolve));
    if (this.failAt !== undefined && this.failAt.at === this.syncs) {
      const { code } = this.failAt;
      this.failAt = undefined;
      throw new FakeOfficeError(code, 'context.sync', `sync ${this.syncs} failed`);
    }
    if (this.cellEditMode) {
      throw new FakeOfficeError('InvalidOperationInCellEditMode', 'context.sync', 'Excel is in cell-editing mode');
    }
    if (bytes > REQUEST_LIMIT) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'context.sync', `request of ${bytes} bytes`);
    }
    if (response > RESPONSE_LIMIT) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'context.sync', `response of ${response} bytes`);
    }
    for (const mock of this.tracked) await mock.sync();
  }

  /** Tracks a mock for the next sync, behind a proxy that refuses unloaded reads. */
  track(mock: OfficeMockObject): OfficeMockObject {
    this.tracked.push(mock);
    return strict(mock);
  }

  /** An operation queued: refused at once in cell-edit mode (nothing of it applies). */
  op(bytes: number): void {
    if (this.cellEditMode) {
      throw new FakeOfficeError('InvalidOperationInCellEditMode', 'context.sync', 'Excel is in cell-editing mode');
    }
    this.pendingBytes += bytes;
  }

  /** Data that a sync will bring back. */
  respond(bytes: number): void {
    this.pendingResponse += bytes;
  }

  /** Writes to a protected sheet are refused. */
  guard(sheet: FakeSheet, location: string): void {
    if (sheet.protected) throw new FakeOfficeError('AccessDenied', location, `the sheet '${sheet.name}' is protected`);
  }

  /** A collection whose `items` can be read only after `load` and `sync`. */
  collection(items: object[], methods: Record<string, unknown>): OfficeMockObject {
    const respond = (bytes: number): void => this.respond(bytes);
    return this.track(
      new OfficeMockObject({
        items,
        ...methods,
        // `load('items/name,items/worksheet/name')`: office-addin-mock cannot follow
        // paths into an array, so the whole `items` is loaded.
        load(this: OfficeMockObject) {
          respond(JSON.stringify(items).length);
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
        getItemOrNullObject: (name: string) => {
          const sheet = this.findSheet(name);
          return this.track(
            new OfficeMockObject({
              name: sheet?.name ?? '',
              isNullObject: sheet === undefined,
              getRange: (address: string) => this.readRange(sheet, sheet && parseAddress(address)),
              load: loadWithNullFlag,
            }),
          );
        },
        add: (name: string) => {
          this.op(OPERATION_BYTES);
          if (this.structureProtected) {
            throw new FakeOfficeError('AccessDenied', 'WorksheetCollection.add', 'the workbook structure is protected');
          }
          return new WorksheetProxy(this, this.addSheet(name));
        },
      },
    );
  }

  private tableCollection(): OfficeMockObject {
    const event = (name: string): object => ({
      add: (handler: TableEventHandler) => {
        this.op(OPERATION_BYTES);
        const handlers = this.tableHandlers.get(name) ?? [];
        this.tableHandlers.set(name, [...handlers, handler]);
        return { remove: () => this.tableHandlers.set(name, (this.tableHandlers.get(name) ?? []).filter((h) => h !== handler)) };
      },
    });
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
          const rect = table?.rect;
          return this.track(
            new OfficeMockObject({
              name: table?.name ?? '',
              isNullObject: !table,
              worksheet: { name: table?.sheet.name ?? '' },
              getHeaderRowRange: () => this.readRange(table?.sheet, rect && { ...rect, bottom: rect.top }),
              getDataBodyRange: () => this.readRange(table?.sheet, rect && { ...rect, top: rect.top + 1 }),
              load: loadWithNullFlag,
            }),
          );
        },
        // TableCollection.onChanged (ExcelApi 1.7), onAdded / onDeleted (ExcelApi 1.9).
        onChanged: event('onChanged'),
        onAdded: event('onAdded'),
        onDeleted: event('onDeleted'),
      },
    );
  }

  /**
   * A range to be read. Its properties (`values`, `valueTypes`, `formulas`, `text`,
   * `numberFormat`, `address`, `rowCount`, `columnCount`) are worked out when loaded,
   * counted towards the response, and readable after the next sync.
   */
  readRange(sheet: FakeSheet | undefined, rect: Rect | undefined): OfficeMockObject {
    const grid = (how: Parameters<FakeExcel['readGrid']>[2]) => (): Stored[][] => (sheet && rect ? this.readGrid(sheet, rect, how) : []);
    const compute: Record<string, () => unknown> = {
      values: grid('values'),
      valueTypes: grid('valueTypes'),
      formulas: grid('formulas'),
      text: grid('text'),
      numberFormat: grid('numberFormat'),
      address: () => (sheet && rect ? `${quoteSheet(sheet.name)}!${formatRect(rect)}` : ''),
      rowCount: () => (rect ? height(rect) : 0),
      columnCount: () => (rect ? width(rect) : 0),
    };
    const within = (r: Rect): Rect => ({ ...r, bottom: Math.min(r.bottom, MAX_ROW), right: Math.min(r.right, MAX_COLUMN) });
    const part = (r: Rect | undefined): OfficeMockObject => this.readRange(sheet, r);
    const respond = (bytes: number): void => this.respond(bytes);
    const mock = new OfficeMockObject({
      isNullObject: rect === undefined,
      getRow: (index: number) => part(rect && { ...rect, top: rect.top + index, bottom: rect.top + index }),
      getCell: (row: number, column: number) =>
        part(rect && { top: rect.top + row, left: rect.left + column, bottom: rect.top + row, right: rect.left + column }),
      getResizedRange: (rows: number, columns: number) =>
        part(rect && within({ ...rect, bottom: rect.bottom + rows, right: rect.right + columns })),
      load(this: OfficeMockObject, properties: string | string[]) {
        const list = (Array.isArray(properties) ? properties : properties.split(',')).map((p) => p.trim());
        const populate = (this as unknown as { populate(data: object): void }).populate.bind(this);
        for (const property of list) {
          const get = compute[property];
          if (get === undefined) throw new Error(`fake: range property '${property}' is not modelled`);
          const value = get();
          respond(JSON.stringify(value).length);
          populate({ [property]: value });
        }
        OfficeMockObject.prototype.load.call(this, [...list, 'isNullObject']);
        return this;
      },
    });
    return this.track(mock);
  }

  // --------------------------------------------------------------------------------
  // What the API's writes do

  /** Values or formulas written to a range, as Excel takes them. */
  setCells(sheet: FakeSheet, rect: Rect, grid: unknown, how: 'values' | 'formulas'): void {
    if (!Array.isArray(grid) || grid.length !== height(rect) || grid.some((r) => !Array.isArray(r) || r.length !== width(rect))) {
      throw new FakeOfficeError('InvalidArgument', `Range.${how}`, `a ${height(rect)}×${width(rect)} array was expected`);
    }
    this.op(OPERATION_BYTES + JSON.stringify(grid).length);
    this.guard(sheet, `Range.${how}`);
    grid.forEach((row: unknown[], r) =>
      row.forEach((input, c) => {
        if (input === null || input === undefined) return; // Office.js leaves the cell as it is
        const cell = typed(input);
        this.checkHeaderCell(sheet, rect.top + r, rect.left + c, cell);
        sheet.write(rect.top + r, rect.left + c, cell);
      }),
    );
    this.autoExpand(sheet, rect, grid);
  }

  setFormats(sheet: FakeSheet, rect: Rect, formats: unknown): void {
    this.op(OPERATION_BYTES + JSON.stringify(formats).length);
    this.guard(sheet, 'Range.numberFormat');
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
    this.checkHeaders(sheet, rect);
    let n = this.tables.length + 1;
    while (this.tableNameTaken(`Table${n}`)) n++;
    const table = new FakeTable(`Table${n}`, sheet, rect);
    this.tables.push(table);
    if (name !== undefined) this.renameTable(table, name);
    return table;
  }

  /**
   * Table.resize (ExcelApi 1.13): "The new range must overlap with the original table
   * range and the headers (or the top of the table) must be in the same row."
   */
  resizeTable(table: FakeTable, rect: Rect): void {
    this.op(OPERATION_BYTES);
    this.guard(table.sheet, 'Table.resize');
    if (rect.top !== table.rect.top || !overlaps(rect, table.rect) || rect.bottom <= rect.top) {
      throw new FakeOfficeError('InvalidArgument', 'Table.resize', `cannot resize ${formatRect(table.rect)} to ${formatRect(rect)}`);
    }
    if (this.tables.some((t) => t !== table && t.sheet === table.sheet && overlaps(t.rect, rect))) {
      throw new FakeOfficeError('InvalidArgument', 'Table.resize', 'a table cannot overlap another table');
    }
    this.checkHeaders(table.sheet, rect);
    table.rect = rect;
  }

  renameTable(table: FakeTable, name: string): void {
    if (this.tableNameTaken(name, table)) {
      throw new FakeOfficeError('InvalidArgument', 'Table.name', `the name '${name}' is already taken`);
    }
    this.renameReferences(table.name, name);
    table.name = name;
  }

  /** Deleting a table: structured references to it become `#REF!`, for good. */
  deleteTable(table: FakeTable): void {
    this.op(OPERATION_BYTES);
    this.guard(table.sheet, 'Table.delete');
    this.breakReferences(table.name);
    this.tables.splice(this.tables.indexOf(table), 1);
  }

  /** Inserts (`by` > 0) or deletes (`by` < 0) whole rows at `row`, moving what is below. */
  shiftRows(sheet: FakeSheet, row: number, by: number): void {
    this.op(OPERATION_BYTES);
    this.guard(sheet, by > 0 ? 'Range.insert' : 'Range.delete');
    const gone = by < 0 ? { top: row, bottom: row - by - 1 } : undefined;
    for (const table of this.tables) {
      if (table.sheet !== sheet) continue;
      if (gone && table.rect.top <= gone.bottom && table.rect.bottom >= gone.top) {
        throw new FakeOfficeError('InvalidOperation', 'Range.delete', 'the rows cut through a table');
      }
    }
    if (gone) sheet.clear({ top: gone.top, bottom: gone.bottom, left: 1, right: MAX_COLUMN }, 'All');
    sheet.shiftRows(by > 0 ? row : row - by, by);
    for (const table of this.tables) {
      if (table.sheet === sheet && table.rect.top >= row) table.rect = { ...table.rect, top: table.rect.top + by, bottom: table.rect.bottom + by };
    }
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
    if (this.findSheet(name) || this.chartSheets.some((c) => sameName(c, name))) {
      // A chart sheet is not in `worksheets`, but its name is taken all the same.
      throw new FakeOfficeError('ItemAlreadyExists', 'WorksheetCollection.add', `a sheet named '${name}' already exists`);
    }
    if (name.length > 31 || /[:\\/?*[\]]/.test(name)) {
      throw new FakeOfficeError('InvalidArgument', 'WorksheetCollection.add', `cannot name a sheet '${name}'`);
    }
  }

  private tableNameTaken(name: string, except?: FakeTable): boolean {
    return (
      this.tables.some((t) => t !== except && sameName(t.name, name)) || this.names.some((n) => sameName(n, name))
    );
  }

  /** Header cells are text, not blank, and unique in their table (else Excel renames them). */
  private checkHeaders(sheet: FakeSheet, rect: Rect): void {
    const headers = this.readGrid(sheet, { ...rect, bottom: rect.top }, 'values')[0].map(String);
    if (headers.some((h) => h === '') || new Set(headers.map((h) => h.toUpperCase())).size !== headers.length) {
      throw new Error(`fake: header row ${headers.join('|')} would be renamed by Excel`);
    }
  }

  private checkHeaderCell(sheet: FakeSheet, row: number, column: number, cell: Partial<FakeCell>): void {
    const table = this.tables.find((t) => t.sheet === sheet && t.rect.top === row && column >= t.rect.left && column <= t.rect.right);
    if (table === undefined) return;
    if (cell.formula !== undefined || cell.value === '') {
      throw new Error(`fake: header cell ${formatRect({ top: row, left: column, bottom: row, right: column })} of ${table.name} would be renamed by Excel`);
    }
  }

  /** Every structured reference to `table` (`Table[...]`, `Table[]`) becomes `#REF!`. */
  private breakReferences(table: string): void {
    const pattern = new RegExp(`(?<![A-Za-z0-9_.])${escapeRegExp(table)}\\[(\\[[^\\]]*\\]|[^\\]])*\\]`, 'gi');
    for (const sheet of this.sheets) {
      for (const [key, cell] of sheet.cells) {
        if (cell.formula === undefined || !pattern.test(cell.formula)) continue;
        pattern.lastIndex = 0;
        sheet.cells.set(key, { ...cell, formula: cell.formula.replace(pattern, '#REF!') });
      }
    }
  }

  /** Renaming a table: Excel rewrites structured references to it. */
  private renameReferences(from: string, to: string): void {
    const pattern = new RegExp(`(?<![A-Za-z0-9_.])${escapeRegExp(from)}\\[`, 'gi');
    for (const sheet of this.sheets) {
      for (const [key, cell] of sheet.cells) {
        if (cell.formula === undefined) continue;
        sheet.cells.set(key, { ...cell, formula: cell.formula.replace(pattern, `${to}[`) });
      }
    }
  }

  /** A cell as `values` reads it: the value, a formula's result, or an error's code. */
  private cellValue(sheet: FakeSheet, row: number, column: number): Stored {
    const cell = sheet.cell(row, column);
    if (cell === undefined) return '';
    if (cell.error !== undefined) return cell.error;
    if (cell.formula === undefined) return cell.value;
    return this.evaluate(cell.formula);
  }

  /** The little the fake calculates: `DATE(y,m,d)`, `SUM(Table[Column])`; anything with `#REF!` is `#REF!`. */
  private evaluate(formula: string): Stored {
    if (formula.includes('#REF!')) return '#REF!';
    const date = /^=DATE\((\d+),(\d+),(\d+)\)$/i.exec(formula.replace(/\s/g, ''));
    if (date) {
      const serial = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) / 86_400_000 + 25_569;
      return this.date1904 ? serial - DAYS_1900_TO_1904 : serial;
    }
    const sum = /^=SUM\(([A-Za-z_][A-Za-z0-9_.]*)\[([^\]]+)\]\)$/i.exec(formula);
    if (sum) {
      const table = this.tables.find((t) => sameName(t.name, sum[1]));
      if (!table) return '#REF!';
      const { headers, rows } = this.tableValues(table.name);
      const index = headers.findIndex((h) => sameName(String(h), sum[2]));
      if (index < 0) return '#REF!';
      return rows.reduce<number>((total, row) => total + (typeof row[index] === 'number' ? (row[index] as number) : 0), 0);
    }
    return 0;
  }

  /** A range's cells, read as the API property `how` gives them. */
  readGrid(sheet: FakeSheet, rect: Rect, how: 'values' | 'formulas' | 'valueTypes' | 'text' | 'numberFormat'): Stored[][] {
    const rows: Stored[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: Stored[] = [];
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = sheet.cell(r, c);
        const value = this.cellValue(sheet, r, c);
        if (how === 'formulas') row.push(cell?.formula ?? value);
        else if (how === 'numberFormat') row.push(cell?.numberFormat ?? 'General');
        else if (how === 'valueTypes') row.push(valueType(cell, value));
        else if (how === 'text') row.push(this.textOf(value, cell?.numberFormat));
        else row.push(value);
      }
      rows.push(row);
    }
    return rows;
  }

  /** A cell's text as shown: dates in a `dd/mm/yyyy` format by the workbook's date system. */
  private textOf(value: Stored, format: string | undefined): string {
    if (typeof value !== 'number' || format === undefined || !/yyyy/i.test(format)) return String(value);
    const serial = this.date1904 ? value + DAYS_1900_TO_1904 : value;
    const date = new Date((serial - 25_569) * 86_400_000);
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
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

  get protection(): OfficeMockObject {
    return this.fake.track(new OfficeMockObject({ protected: this.sheet.protected }));
  }

  get tables(): object {
    const { fake, sheet } = this;
    return fake.collection(
      fake.tables.filter((t) => t.sheet === sheet).map((t) => ({ name: t.name })),
      {
        add: (address: string, hasHeaders: boolean) => {
          if (!hasHeaders) throw new Error('fake: tables without headers are not modelled');
          fake.op(OPERATION_BYTES);
          fake.guard(sheet, 'TableCollection.add');
          return new TableProxy(fake, fake.createTable(sheet, parseAddress(address)));
        },
      },
    );
  }

  get pageLayout(): object {
    const { fake, sheet } = this;
    const set = (patch: Partial<FakePrint>): void => {
      fake.op(OPERATION_BYTES);
      fake.guard(sheet, 'Worksheet.pageLayout');
      Object.assign(sheet.print, patch);
    };
    const footer = {
      set leftFooter(text: string) {
        set({ leftFooter: text });
      },
      set centerFooter(text: string) {
        set({ centerFooter: text });
      },
      set rightFooter(text: string) {
        set({ rightFooter: text });
      },
    };
    return {
      set paperSize(paper: string) {
        set({ paperSize: paper });
      },
      set orientation(orientation: string) {
        set({ orientation });
      },
      set zoom(zoom: FakePrint['zoom']) {
        set({ zoom: { ...zoom } });
      },
      setPrintTitleRows(address: string) {
        set({ titleRows: address });
      },
      headersFooters: { defaultForAllPages: footer },
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
          fake.guard(sheet, 'ChartCollection.add');
          // A new chart has a legend and no data labels (Excel's defaults for ColumnClustered).
          const chart: FakeChart = {
            name: `Chart ${sheet.charts.length + 1}`, type, title: '', series: [{ name: '', values: range.rect }],
            legend: { visible: true }, axes: {}, dataLabels: { showValue: false },
          };
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
            legend: {
              set visible(visible: boolean) {
                chart.legend.visible = visible;
              },
              set position(position: string) {
                chart.legend.position = position;
              },
            },
            axes: {
              categoryAxis: { title: { set text(text: string) { chart.axes.categoryTitle = text; } } },
              valueAxis: {
                title: { set text(text: string) { chart.axes.valueTitle = text; } },
                set numberFormat(format: string) { chart.axes.valueFormat = format; },
              },
            },
            dataLabels: {
              set showValue(show: boolean) { chart.dataLabels.showValue = show; },
              set numberFormat(format: string) { chart.dataLabels.numberFormat = format; },
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
            fake.guard(sheet, 'Chart.delete');
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
    return this.fake.readRange(this.sheet, this.sheet.usedRect());
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
      fake.guard(sheet, 'Range.format');
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
    this.fake.guard(this.sheet, 'Range.clear');
    this.sheet.clear(this.rect, applyTo);
  }

  /** Whole rows only: `getRange('1:2').insert('Down')`. */
  insert(shift: string): void {
    if (shift !== 'Down' || this.rect.left !== 1 || this.rect.right !== MAX_COLUMN) throw new Error('fake: only whole rows are inserted');
    this.fake.shiftRows(this.sheet, this.rect.top, height(this.rect));
  }

  /** Whole rows only: `getRange('1:2').delete('Up')`. */
  delete(shift: string): void {
    if (shift !== 'Up' || this.rect.left !== 1 || this.rect.right !== MAX_COLUMN) throw new Error('fake: only whole rows are deleted');
    this.fake.shiftRows(this.sheet, this.rect.top, -height(this.rect));
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

  resize(address: string): void {
    this.fake.resizeTable(this.table, parseAddress(address));
  }

  getRange(): OfficeMockObject {
    return this.fake.readRange(this.table.sheet, this.table.rect);
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

/** office-addin-mock's "not loaded" and "not synced" markers. */
const NOT_READY = new Set(['Error, property was not loaded', 'Error, context.sync() was not called']);

/**
 * A mock behind a proxy that throws `PropertyNotLoaded` where office-addin-mock would
 * hand back its marker string: reading before `load` and `sync` fails at once.
 */
function strict(mock: OfficeMockObject): OfficeMockObject {
  return new Proxy(mock, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      // Methods run on the mock itself, so office-addin-mock's own bookkeeping is not refused.
      if (typeof value === 'function') return value.bind(target);
      if (typeof value === 'string' && NOT_READY.has(value)) {
        throw new FakeOfficeError('PropertyNotLoaded', String(property), `'${String(property)}' was read before load() and sync()`);
      }
      return value;
    },
  });
}

/** `load` for objects that may be null objects: `isNullObject` comes with any load. */
function loadWithNullFlag(this: OfficeMockObject, properties: string | string[]): OfficeMockObject {
  const list = (Array.isArray(properties) ? properties : properties.split(',')).map((p) => p.trim());
  OfficeMockObject.prototype.load.call(this, [...list, 'isNullObject']);
  return this;
}

/** Range.valueTypes: `Empty`, `String`, `Double`, `Boolean` or `Error`. */
function valueType(cell: FakeCell | undefined, value: Stored): string {
  if (cell?.error !== undefined || (cell?.formula !== undefined && typeof value === 'string' && value.startsWith('#'))) return 'Error';
  if (value === '') return 'Empty';
  if (typeof value === 'number') return 'Double';
  if (typeof value === 'boolean') return 'Boolean';
  return 'String';
}

/** How Excel takes a value written through the API. */
function typed(input: unknown): Partial<FakeCell> {
  const plain = { formula: undefined, error: undefined };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, ...plain };
  const text = String(input);
  if (text.startsWith("'")) return { value: text.slice(1), ...plain };
  if (text.startsWith('=')) return { value: '', formula: text, error: undefined };
  if (/^[-+]?\d+(\.\d+)?$/.test(text)) return { value: Number(text), ...plain };
  if (/^[-+]?\d+(\.\d+)?%$/.test(text)) return { value: Number(text.slice(0, -1)) / 100, ...plain };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true', ...plain };
  if (/^\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?$/.test(text)) return { value: 44_000, ...plain }; // a date
  if (/^#(N\/A|REF!|VALUE!|DIV\/0!|NUM!|NAME\?|NULL!)$/.test(text)) return { value: '', formula: undefined, error: text };
  return { value: text, ...plain };
}

function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Rewrites references to `sheet` in a formula (quoted or not) to `replacement`. */
function replaceSheetReference(formula: string, sheet: string, replacement: string): string {
  const escaped = escapeRegExp(sheet.replace(/'/g, "''"));
  const bare = escapeRegExp(sheet);
  return formula.replace(new RegExp(`'${escaped}'!|(?<![A-Za-z0-9_'])${bare}!`, 'gi'), `${replacement}!`).replace(/#REF!!/g, '#REF!');
}

export function parseAddress(address: string): Rect {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '').toUpperCase();
  const columns = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(local);
  if (columns) return { top: 1, bottom: MAX_ROW, left: columnNumber(columns[1]), right: columnNumber(columns[2]) };
  const rows = /^(\d+):(\d+)$/.exec(local);
  if (rows) return { top: Number(rows[1]), bottom: Number(rows[2]), left: 1, right: MAX_COLUMN };
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
