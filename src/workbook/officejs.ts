/**
 * The workbook port in Excel, through Office.js. The only file that touches the `Excel`
 * (and `Office`) globals — and only as defaults, so tests hand in a batch runner of
 * their own.
 *
 * ## Round trips
 *
 * Every `context.sync()` is a round trip to Excel (a network request in Excel on the
 * web), so each command costs a fixed number of them, whatever the number of rows:
 *
 * | command          | syncs                                                         |
 * |------------------|---------------------------------------------------------------|
 * | `readTables`     | 2: find the tables; load every header and body at once         |
 * | `sheetNames`     | the inventory: 1, +1 when the registry exists (its formulas)   |
 * | `ownedSheetNames`| the inventory                                                 |
 * | `writeSheets`    | the inventory, the writes, +1 to recalculate                  |
 * | `createTables`   | the inventory, the writes                                     |
 * | `setTableCell`   | 1                                                             |
 * | `selectTableRow` | 1                                                             |
 *
 * "The writes" are packed into as few syncs as the request size allows: usually one for
 * every sheet of a run together. Excel on the web refuses a request over 5 MB, so writes
 * are queued against a budget of 4 MB of estimated JSON (`PAYLOAD_BUDGET`, leaving room
 * for the per-operation overhead); a sheet whose body alone is larger is written in
 * several row blocks, each its own request. A 10-column sheet of 10,000 rows is about
 * 1.5 MB, so chunking only starts somewhere past 25,000 rows.
 *
 * Reads are not chunked: `readTables` loads each table in one piece. Responses have the
 * same 5 MB limit on the web, which an input table would reach at some 30,000 rows —
 * far beyond a grants model.
 *
 * ## Writing values
 *
 * Every text is written with a leading apostrophe, as a person types text that must
 * stay text: otherwise Excel reads `=…`, `+…`, `-…` as formulas and `2021/22`, `1-2`
 * or `00123` as dates and numbers. The apostrophe is not part of the value read back.
 * Blank cells are written as `''` (Office.js leaves a cell unchanged for `null`).
 */
import type { CellValue, SheetSpec, TableData } from '../engine/sheet';
import type { WorkbookPort } from './port';
import { blankToNull, withoutTrailingBlankRows } from './cells';
import { TableLookupError } from './errors';
import {
  NUMBER_FORMATS,
  TABLE_STYLE,
  TITLE_FONT_SIZE,
  bodyRowsOf,
  cellAddress,
  checkTableData,
  chunkRows,
  columnName,
  estimateJsonBytes,
  inputColumns,
  layoutSheet,
  parseRange,
  rangeAddress,
  type SheetLayout,
  widthInPoints,
} from './layout';
import {
  REGISTRY_HEADER,
  REGISTRY_SHEET,
  REGISTRY_SIGNATURE,
  type RegistryState,
  type WorkbookInventory,
  inventory,
  planCreate,
  planWrite,
  registryFormula,
  sameName,
} from './ownership';
import type { SheetColumn } from '../engine/sheet';

/** Runs one batch against the workbook: `Excel.run` in Excel, a mock in tests. */
export type ExcelBatch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Whether the host supports an ExcelApi requirement set version, e.g. `'1.9'`. */
export type ExcelApiSupport = (version: string) => boolean;

/** Estimated JSON bytes one request may carry: under Excel on the web's 5 MB limit. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;

/** What a small operation (a format, a width, a table) is counted as in a request. */
const SMALL_OPERATION_BYTES = 1024;

export interface OfficeWorkbookOptions {
  /** Checks a requirement set; by default `Office.context.requirements.isSetSupported`. */
  supports?: ExcelApiSupport;
  /** Request budget in bytes; by default `PAYLOAD_BUDGET`. */
  payloadBudget?: number;
}

const runInExcel: ExcelBatch = (batch) => Excel.run(batch);

const excelApiSupported: ExcelApiSupport = (version) =>
  typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApi', version);

/** The workbook open in Excel. */
export class OfficeWorkbook implements WorkbookPort {
  private readonly supports: ExcelApiSupport;
  private readonly budget: number;

  constructor(
    private readonly run: ExcelBatch = runInExcel,
    options: OfficeWorkbookOptions = {},
  ) {
    this.supports = options.supports ?? excelApiSupported;
    this.budget = options.payloadBudget ?? PAYLOAD_BUDGET;
  }

  async readTables(names: readonly string[]): Promise<Record<string, TableData>> {
    if (names.length === 0) return {};
    return this.run(async (context) => {
      const found = names.map((name) => ({ name, table: context.workbook.tables.getItemOrNullObject(name) }));
      for (const { table } of found) table.load('name');
      await context.sync();

      const present = found
        .filter(({ table }) => !table.isNullObject)
        .map(({ name, table }) => ({
          name,
          table,
          sheet: table.worksheet.load('name'),
          header: table.getHeaderRowRange().load('values'),
          body: table.getDataBodyRange().load('values'),
        }));
      await context.sync();

      const result: Record<string, TableData> = {};
      for (const { name, table, sheet, header, body } of present) {
        const headers = (header.values[0] ?? []).map((v: unknown) => String(toCellValue(v) ?? ''));
        const rows = body.values.map((row: unknown[]) => row.map(toCellValue));
        result[name] = { name: table.name, sheet: sheet.name, headers, rows: withoutTrailingBlankRows(rows) };
      }
      return result;
    });
  }

  async sheetNames(): Promise<string[]> {
    return this.run(async (context) => (await takeInventory(context)).sheets.slice());
  }

  async ownedSheetNames(): Promise<string[]> {
    return this.run(async (context) => (await takeInventory(context)).owned.slice());
  }

  async writeSheets(specs: readonly SheetSpec[]): Promise<void> {
    if (specs.length === 0) return;
    const layouts = specs.map(layoutSheet);
    await this.run(async (context) => {
      const application = context.workbook.application;
      const canReadMode = this.supports('1.8');
      if (canReadMode) application.load('calculationMode');
      const inv = await takeInventory(context);
      const plan = planWrite(inv, specs);

      // Charts this add-in drew on sheets about to be replaced go before new ones are drawn.
      const oldCharts = await loadOwnChartNames(context, plan.targets);

      const batches = new Batches(context, this.budget, () => this.suspend(context));
      let registry: Excel.Worksheet | undefined;
      await batches.add(SMALL_OPERATION_BYTES, () => {
        registry = openRegistry(context, inv);
      });

      let registryRow = inv.owned.length + 2;
      for (const [i, { spec, replaces }] of plan.targets.entries()) {
        const layout = layouts[i];
        let sheet: Excel.Worksheet | undefined;
        const row = replaces === undefined ? registryRow++ : 0;
        await batches.add(SMALL_OPERATION_BYTES + estimateJsonBytes([spec.title], true), () => {
          sheet = replaces === undefined ? context.workbook.worksheets.add(spec.sheet) : clearSheet(context, inv, replaces);
          if (replaces === undefined && registry) {
            registry.getRange(`A${row}:B${row}`).formulas = [registryEntry(spec.sheet)];
          }
          if (spec.title.length > 0) {
            sheet.getRange(`A1:A${spec.title.length}`).values = spec.title.map((line) => [officeValue(line)]);
            const first = sheet.getRange('A1').format.font;
            first.bold = true;
            first.size = TITLE_FONT_SIZE;
          }
        });
        const grid: CellValue[][] = [spec.columns.map((c) => c.header), ...bodyRowsOf(spec.rows, layout.columns)];
        await this.writeRows(batches, () => sheet, grid, layout.headerRow, layout.columns);
        await batches.add(SMALL_OPERATION_BYTES * 4 + estimateJsonBytes(spec.footer, true), () => {
          const ws = defined(sheet);
          // The footer goes in before the table exists: values written right below a
          // table through the API would make Excel grow the table over them.
          if (spec.footer.length > 0) {
            const footer = ws.getRange(rangeAddress(layout.footerRow, 1, layout.lastRow, layout.columns));
            footer.values = spec.footer.map((r) => r.map(officeValue));
            footer.format.font.bold = true;
          }
          addTable(ws, layout.tableRange, spec.table);
          formatColumns(ws, spec.columns, layout.firstBodyRow, layout.lastRow);
          ws.freezePanes.freezeRows(layout.headerRow);
          if (replaces !== undefined) for (const name of oldCharts.get(replaces) ?? []) ws.charts.getItem(name).delete();
          drawChart(ws, spec, layout);
        });
      }
      await batches.flush();

      // Calculation was suspended while writing; formulas of the user's that read the
      // output sheets are brought up to date, unless the user calculates by hand.
      if (!canReadMode || application.calculationMode !== 'Manual') {
        application.calculate('Recalculate');
        await context.sync();
      }
    });
  }

  async createTables(tables: readonly TableData[]): Promise<void> {
    if (tables.length === 0) return;
    tables.forEach(checkTableData);
    await this.run(async (context) => {
      const targets = planCreate(await takeInventory(context), tables);
      const batches = new Batches(context, this.budget, () => this.suspend(context));
      let first: Excel.Worksheet | undefined;
      for (const target of targets) {
        let sheet: Excel.Worksheet | undefined;
        await batches.add(SMALL_OPERATION_BYTES, () => {
          sheet = context.workbook.worksheets.add(target.sheet);
          first ??= sheet;
        });
        let top = 1;
        for (const table of target.tables) {
          const columns = inputColumns(table);
          const grid: CellValue[][] = [table.headers, ...bodyRowsOf(table.rows, table.headers.length)];
          const bottom = top + grid.length - 1;
          await this.writeRows(batches, () => sheet, grid, top, columns.length);
          const at = top;
          await batches.add(SMALL_OPERATION_BYTES * 4, () => {
            const ws = defined(sheet);
            addTable(ws, rangeAddress(at, 1, bottom, columns.length), table.name);
            formatColumns(ws, columns, at + 1, bottom);
            if (target.tables.length === 1) ws.freezePanes.freezeRows(1);
          });
          top = bottom + 2;
        }
      }
      await batches.add(SMALL_OPERATION_BYTES, () => defined(first).activate());
      await batches.flush();
    });
  }

  async setTableCell(table: string, row: number, column: string, value: CellValue): Promise<void> {
    await this.lookup(table, row, column, async (context) => {
      const target = context.workbook.tables.getItem(table);
      const cell = target.rows
        .getItemAt(row)
        .getRange()
        .getIntersection(target.columns.getItem(column).getDataBodyRange());
      cell.values = [[officeValue(value)]];
      await context.sync();
    });
  }

  async selectTableRow(table: string, row: number): Promise<void> {
    await this.lookup(table, row, undefined, async (context) => {
      const target = context.workbook.tables.getItem(table);
      target.worksheet.activate();
      target.rows.getItemAt(row).getRange().select();
      await context.sync();
    });
  }

  /** Writes `grid` from `top` down in as many row blocks as the request budget needs. */
  private async writeRows(
    batches: Batches,
    sheet: () => Excel.Worksheet | undefined,
    grid: CellValue[][],
    top: number,
    columns: number,
  ): Promise<void> {
    for (const [start, end] of chunkRows(grid, this.budget - SMALL_OPERATION_BYTES, true)) {
      const block = grid.slice(start, end);
      await batches.add(estimateJsonBytes(block, true), () => {
        const range = defined(sheet()).getRange(rangeAddress(top + start, 1, top + end - 1, columns));
        range.values = block.map((r) => r.map(officeValue));
      });
    }
  }

  /** Calculation and (where the host has it) screen updating wait for the next sync. */
  private suspend(context: Excel.RequestContext): void {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    if (this.supports('1.9')) context.workbook.application.suspendScreenUpdatingUntilNextSync();
  }

  /** Runs a one-sync lookup, turning Excel's "not found" into a `TableLookupError`. */
  private async lookup(
    table: string,
    row: number,
    column: string | undefined,
    batch: (context: Excel.RequestContext) => Promise<void>,
  ): Promise<void> {
    if (!Number.isInteger(row) || row < 0) throw new TableLookupError('row', table, column, row);
    try {
      await this.run(batch);
    } catch (error) {
      const miss = missedItem(error);
      if (miss === undefined) throw error;
      throw new TableLookupError(miss, table, column, row);
    }
  }
}

// ------------------------------------------------------------------------------------
// Batching

/**
 * Queues operations into requests within the byte budget, syncing when the next one
 * would not fit. Each request starts by suspending calculation and screen updating
 * (both last until the next sync).
 */
class Batches {
  private pending = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
    private readonly suspend: () => void,
  ) {}

  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    if (this.pending === 0) this.suspend();
    queue();
    this.pending += Math.max(1, bytes);
  }

  async flush(): Promise<void> {
    if (this.pending === 0) return;
    await this.context.sync();
    this.pending = 0;
  }
}

// ------------------------------------------------------------------------------------
// Inventory and the registry

/**
 * Sheets, tables, defined names and the registry, in one sync (two when the registry
 * exists: its formulas can only be asked for once Excel has said it is there).
 */
async function takeInventory(context: Excel.RequestContext): Promise<WorkbookInventory> {
  const { workbook } = context;
  const sheets = workbook.worksheets.load('items/name');
  const tables = workbook.tables.load('items/name,items/worksheet/name');
  const names = workbook.names.load('items/name');
  await context.sync();

  const all = sheets.items.map((s) => s.name);
  const registryName = all.find((name) => sameName(name, REGISTRY_SHEET));
  let registry: RegistryState = { kind: 'absent' };
  if (registryName !== undefined) {
    const used = workbook.worksheets.getItem(registryName).getUsedRangeOrNullObject().load('address,formulas');
    await context.sync();
    registry = used.isNullObject ? { kind: 'foreign' } : readRegistry(used.address, used.formulas);
  }
  return inventory(
    all,
    registry,
    tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    names.items.map((n) => n.name),
  );
}

/** The registry from its used range: ours only if it starts at A1 with the signature. */
function readRegistry(address: string, formulas: unknown[][]): RegistryState {
  const at = parseRange(address);
  if (!at || at.top !== 1 || at.left !== 1 || formulas[0]?.[0] !== REGISTRY_SIGNATURE) return { kind: 'foreign' };
  return { kind: 'ours', formulas: formulas.slice(1).map((row) => (typeof row[0] === 'string' ? row[0] : '')) };
}

/**
 * Creates the registry, or clears it down to its header and writes back the entries of
 * the owned sheets still there (entries whose sheet was deleted drop out).
 */
function openRegistry(context: Excel.RequestContext, inv: WorkbookInventory): Excel.Worksheet {
  const { worksheets } = context.workbook;
  let registry: Excel.Worksheet;
  if (inv.registry === 'absent') {
    registry = worksheets.add(REGISTRY_SHEET);
    registry.getRange('A1:B1').values = [REGISTRY_HEADER.map(officeValue)];
    registry.visibility = 'VeryHidden';
  } else {
    registry = worksheets.getItem(REGISTRY_SHEET);
    registry.getRange('A2:B1048576').clear('Contents');
  }
  if (inv.owned.length > 0) {
    registry.getRange(`A2:B${inv.owned.length + 1}`).formulas = inv.owned.map(registryEntry);
  }
  return registry;
}

/** A registry row: the formula pointing at the sheet, and its name as text. */
function registryEntry(sheet: string): string[] {
  return [`=${registryFormula(sheet)}`, `'${sheet}`];
}

/**
 * Empties an owned sheet for rewriting, keeping the sheet itself: references to it from
 * the user's own formulas, charts and its print settings survive a run.
 */
function clearSheet(context: Excel.RequestContext, inv: WorkbookInventory, sheet: string): Excel.Worksheet {
  for (const table of inv.tables) {
    if (table.sheet === sheet) context.workbook.tables.getItem(table.name).delete();
  }
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.freezePanes.unfreeze();
  worksheet.getRange().clear('All');
  return worksheet;
}

// ------------------------------------------------------------------------------------
// Writing

/** The name of the native chart the add-in draws beside an output table. */
export const CHART_NAME = 'AwardsModellerChart';

/**
 * Names of the add-in's charts on the owned sheets a write replaces. One extra sync,
 * only when a replaced sheet is to get a chart: the count does not grow with rows.
 */
async function loadOwnChartNames(
  context: Excel.RequestContext,
  targets: readonly { spec: SheetSpec; replaces?: string }[],
): Promise<Map<string, string[]>> {
  const loads = targets
    .filter((target) => target.replaces !== undefined && target.spec.chart !== undefined)
    .map((target) => ({ sheet: target.replaces ?? '', charts: context.workbook.worksheets.getItem(target.replaces ?? '').charts.load('items/name') }));
  if (loads.length === 0) return new Map();
  await context.sync();
  return new Map(loads.map(({ sheet, charts }) => [sheet, charts.items.map((c) => c.name).filter((n) => n === CHART_NAME)]));
}

/**
 * Draws the spec's chart (clustered columns) beside the table: categories from one
 * column, one series per named column, from the body rows or the footer (totals).
 */
function drawChart(sheet: Excel.Worksheet, spec: SheetSpec, layout: SheetLayout): void {
  const chart = spec.chart;
  if (chart === undefined) return;
  const column = (header: string): number => spec.columns.findIndex((c) => c.header === header) + 1;
  const categories = column(chart.categories);
  const series = chart.series.map(column);
  const top = chart.fromFooter ? layout.footerRow : layout.firstBodyRow;
  const bottom = chart.fromFooter ? layout.lastRow : layout.firstBodyRow + layout.bodyRows - 1;
  if (categories < 1 || series.some((c) => c < 1) || bottom < top) return;
  const drawn = sheet.charts.add(
    'ColumnClustered',
    sheet.getRange(rangeAddress(top, series[0], bottom, series[0])),
    'Columns',
  );
  drawn.name = CHART_NAME;
  drawn.title.text = chart.title;
  const first = drawn.series.getItemAt(0);
  first.name = chart.series[0];
  first.setXAxisValues(sheet.getRange(rangeAddress(top, categories, bottom, categories)));
  chart.series.slice(1).forEach((name, i) => {
    const added = drawn.series.add(name);
    added.setValues(sheet.getRange(rangeAddress(top, series[i + 1], bottom, series[i + 1])));
    added.setXAxisValues(sheet.getRange(rangeAddress(top, categories, bottom, categories)));
  });
  // Beside the table, clear of its columns.
  drawn.setPosition(cellAddress(layout.headerRow, layout.columns + 2), cellAddress(layout.headerRow + 17, layout.columns + 9));
}

function addTable(sheet: Excel.Worksheet, address: string, name: string): void {
  const table = sheet.tables.add(address, true);
  table.name = name;
  table.style = TABLE_STYLE;
}

/** Number formats (body and footer) and widths, one range per column. */
function formatColumns(sheet: Excel.Worksheet, columns: readonly SheetColumn[], top: number, bottom: number): void {
  columns.forEach((column, i) => {
    const letter = columnName(i + 1);
    const format = NUMBER_FORMATS[column.format];
    if (format !== undefined) setUniform(sheet.getRange(`${letter}${top}:${letter}${bottom}`), format);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(column.width);
  });
}

/**
 * Gives every cell of a range one number format by sending a single value, which
 * Office.js applies to all cells (documented in "Excel add-in performance: update all
 * cells in a range") instead of a rows × 1 array. The typings only know the 2-D array
 * the property reads back as, so the assignment goes through `Object.assign`, which
 * calls the same setter.
 */
function setUniform(range: Excel.Range, numberFormat: string): void {
  Object.assign(range, { numberFormat });
}

/** A cell value as Office.js should be sent it (see "Writing values" above). */
function officeValue(value: CellValue): string | number | boolean {
  if (value === null) return '';
  if (typeof value === 'string') return value === '' ? '' : `'${value}`;
  return value;
}

/** A value read through Office.js as a `CellValue`: blanks arrive as `''`. */
function toCellValue(value: unknown): CellValue {
  if (typeof value === 'string') return blankToNull(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('Awards Modeller: a batch step ran out of order.');
  return value;
}

/**
 * Which lookup an Excel "ItemNotFound" (or "InvalidArgument" for a row past the end)
 * came from, by the error's location in the batch; `undefined` for any other error.
 */
function missedItem(error: unknown): TableLookupError['miss'] | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = 'code' in error ? error.code : undefined;
  if (code !== 'ItemNotFound' && code !== 'InvalidArgument') return undefined;
  const debugInfo = 'debugInfo' in error ? error.debugInfo : undefined;
  const location =
    typeof debugInfo === 'object' && debugInfo !== null && 'errorLocation' in debugInfo
      ? String(debugInfo.errorLocation)
      : '';
  if (location.startsWith('TableCollection')) return 'table';
  if (location.startsWith('TableColumnCollection')) return 'column';
  if (location.startsWith('TableRowCollection')) return 'row';
  return undefined;
}
