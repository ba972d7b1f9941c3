/**
 * The workbook port in Excel, through Office.js. The only file that touches the `Excel`
 * (and `Office`) globals — and only as defaults, so tests hand in a batch runner of
 * their own (`test/workbook/officeMock.ts`, a fake as strict as Microsoft documents
 * Excel).
 *
 * ## Round trips
 *
 * Every `context.sync()` is a round trip to Excel (a network request in Excel on the
 * web), so each command costs a fixed number of them, growing only past the 5 MB a
 * request or response may carry on the web:
 *
 * | command            | syncs                                                          |
 * |--------------------|----------------------------------------------------------------|
 * | `readTables`       | 2: find the tables; headers, sizes and the first rows of each  |
 * |                    | +1 per further ~4 MB of rows, +1 when a cell reads like an error |
 * | `sheetNames`       | the inventory: 1, +1 when the registry exists (its formulas)    |
 * | `ownedSheetNames`  | the inventory                                                  |
 * | `writeSheets`      | the inventory, 1 to check the sheets, the writes, +1 to recalculate |
 * | `createTables`     | the inventory, the writes                                      |
 * | `setTableCell`     | 1                                                              |
 * | `selectTableRow`   | 1                                                              |
 *
 * "The writes" are packed into as few syncs as the request size allows: usually one for
 * every sheet of a run together. Writes are queued against a budget of 4 MB of estimated
 * JSON (`PAYLOAD_BUDGET`); a sheet whose body alone is larger is written in several row
 * blocks, each its own request. Reads load the first `FIRST_ROWS` rows of every table
 * with the headers, then the rest in blocks sized from the bytes a row of that table
 * actually took, each response under the same budget.
 *
 * ## Keeping what the user built on our tables
 *
 * An output table is never deleted on a re-run: deleting a table turns every structured
 * reference to it (`=SUM(Allocations[Amount])` on the user's own sheet) into `#REF!`
 * for good, and pivot tables lose their source. Its rows are rewritten and the table is
 * resized (`Table.resize`, ExcelApi 1.13), keeping its name (SPEC §3 "Nothing is lost").
 *
 * ## Failures part way
 *
 * Everything that can be checked is checked before the first write: ownership, names,
 * protected sheets and workbook structure. A sync that fails after that has applied what
 * came before it, so the error (`ExcelWriteError`) names the step and which sheets were
 * rewritten and which may be part written. Calculation, suspended while writing, is
 * always restored (`finally`).
 *
 * ## Writing values
 *
 * Every text is written with a leading apostrophe, as a person types text that must
 * stay text: otherwise Excel reads `=…`, `+…`, `-…` as formulas and `2021/22`, `1-2`
 * or `00123` as dates and numbers. The apostrophe is not part of the value read back.
 * Blank cells are written as `''` (Office.js leaves a cell unchanged for `null`).
 *
 * ## Dates
 *
 * The engine counts dates in the 1900 system. Office.js has no released API for the
 * workbook's date system, so the adapter finds it: from a probe formula
 * (`=DATE(1904,1,1)`, 0 in a 1904 workbook) it keeps on its registry sheet, else from
 * how Excel shows a date cell it reads (its text's year against its serial), else 1900.
 * In a 1904 workbook, date-formatted cells are moved by 1,462 days on the way in and
 * date columns on the way out.
 */
import type { CellIssue, CellValue, SheetColumn, SheetSpec, TableData } from '../engine/sheet';
import type { WorkbookPort } from './port';
import { blankToNull, withoutTrailingBlankRows } from './cells';
import { TableLookupError } from './errors';
import {
  DATE_PROBE_FORMULA,
  fromSerial1900,
  isDateFormat,
  systemFromDateText,
  systemFromProbe,
  toSerial1900,
  type DateSystem,
} from './dateSystem';
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
  printSetup,
  rangeAddress,
  type CellRect,
  type SheetLayout,
  widthInPoints,
} from './layout';
import { ExcelWriteError, ProtectedError, officeErrorCode, officeErrorDetail } from './officeErrors';
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

/** Runs one batch against the workbook: `Excel.run` in Excel, a fake in tests. */
export type ExcelBatch = <T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  options?: Excel.RunOptions,
) => Promise<T>;

/** Whether the host supports an ExcelApi requirement set version, e.g. `'1.9'`. */
export type ExcelApiSupport = (version: string) => boolean;

/** Estimated JSON bytes one request (or response) may carry: under Excel on the web's 5 MB limit. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;

/** Rows of each table loaded with its headers, before the table's size is known. */
export const FIRST_ROWS = 500;

/** What a small operation (a format, a width, a table) is counted as in a request. */
const SMALL_OPERATION_BYTES = 1024;

/** Where the registry keeps its date-system probe (beside its two columns of entries). */
const PROBE_CELL = 'D1';

/** Error values as `values` shows them; text reading like one is checked with `valueTypes`. */
const ERROR_TEXT = /^#(N\/A|REF!|VALUE!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!|GETTING_DATA)$/;

export interface OfficeWorkbookOptions {
  /** Checks a requirement set; by default `Office.context.requirements.isSetSupported`. */
  supports?: ExcelApiSupport;
  /** Request budget in bytes; by default `PAYLOAD_BUDGET`. */
  payloadBudget?: number;
}

/** One input cell the user asked to change, written after a run's sheets. */
export interface CellChange {
  table: string;
  /** 0-based body row. */
  row: number;
  column: string;
  value: CellValue;
}

/** What a grouped write tells the user about Undo. */
export interface UndoReport {
  /** True when the whole write is one undo step (ExcelApi 1.20's `mergeUndoGroup`). */
  oneUndoStep: boolean;
}

const runInExcel: ExcelBatch = (batch, options) => (options === undefined ? Excel.run(batch) : Excel.run(options, batch));

const excelApiSupported: ExcelApiSupport = (version) =>
  typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApi', version);

/** The workbook open in Excel. */
export class OfficeWorkbook implements WorkbookPort {
  private readonly supports: ExcelApiSupport;
  private readonly budget: number;
  /** The workbook's date system, once known (from the registry's probe or a date cell). */
  private dateSystem: DateSystem | undefined;

  constructor(
    private readonly run: ExcelBatch = runInExcel,
    options: OfficeWorkbookOptions = {},
  ) {
    this.supports = options.supports ?? excelApiSupported;
    this.budget = options.payloadBudget ?? PAYLOAD_BUDGET;
  }

  /** The date system found so far (`undefined`: nothing has shown it yet, 1900 is assumed). */
  get knownDateSystem(): DateSystem | undefined {
    return this.dateSystem;
  }

  async readTables(names: readonly string[]): Promise<Record<string, TableData>> {
    if (names.length === 0) return {};
    return this.run(async (context) => {
      const found = names.map((name) => ({ name, table: context.workbook.tables.getItemOrNullObject(name) }));
      for (const { table } of found) table.load('name');
      const registry = context.workbook.worksheets.getItemOrNullObject(REGISTRY_SHEET);
      registry.load('name');
      await context.sync();

      const present = found
        .filter(({ table }) => !table.isNullObject)
        .map(({ name, table }) => {
          const body = table.getDataBodyRange();
          return {
            name,
            table,
            body,
            sheet: table.worksheet.load('name'),
            header: table.getHeaderRowRange().load('values'),
            size: body.load('rowCount,columnCount,address'),
            // The first rows come in the same request, with how Excel shows them (for dates).
            first: body.getRow(0).getResizedRange(FIRST_ROWS - 1, 0).load('values,numberFormat,text'),
          };
        });
      const probe = registry.isNullObject ? undefined : registry.getRange(PROBE_CELL).load('values');
      await context.sync();

      const reads = present.map((entry) => ({
        ...entry,
        rowCount: entry.size.rowCount,
        rows: entry.first.values.slice(0, entry.size.rowCount) as unknown[][],
        formats: entry.first.numberFormat.slice(0, entry.size.rowCount) as unknown[][],
        text: entry.first.text.slice(0, entry.size.rowCount) as unknown[][],
      }));
      await this.readRemainingRows(context, reads);

      const system = this.findDateSystem(probe?.values[0]?.[0], reads);
      const errors = await this.findErrorCells(context, reads);
      const result: Record<string, TableData> = {};
      for (const read of reads) {
        const headers = (read.header.values[0] ?? []).map((v: unknown) => String(toCellValue(v) ?? ''));
        const origin = parseRange(read.size.address);
        const issues: CellIssue[] = [];
        const rows = read.rows.map((row, r) =>
          row.map((value, c) => {
            if (errors.has(`${read.name}!${r},${c}`)) {
              issues.push({ row: r, column: c, kind: 'error', text: String(value), address: origin && cellAddress(origin.top + r, origin.left + c) });
              return null;
            }
            const cell = toCellValue(value);
            const format = r < read.formats.length ? read.formats[r][c] : read.formats[0]?.[c];
            return typeof cell === 'number' && system === 1904 && isDateFormat(format) ? toSerial1900(cell, system) : cell;
          }),
        );
        const table: TableData = { name: read.table.name, sheet: read.sheet.name, headers, rows: withoutTrailingBlankRows(rows) };
        if (issues.length > 0) table.issues = issues;
        result[read.name] = table;
      }
      return result;
    });
  }

  /** Loads the rows past `FIRST_ROWS`, in blocks whose responses stay within the budget. */
  private async readRemainingRows(
    context: Excel.RequestContext,
    reads: { body: Excel.Range; rowCount: number; rows: unknown[][] }[],
  ): Promise<void> {
    const pending: { read: (typeof reads)[number]; range: Excel.Range; bytes: number }[] = [];
    let bytes = 0;
    const flush = async (): Promise<void> => {
      if (pending.length === 0) return;
      await context.sync();
      for (const { read, range } of pending.splice(0)) read.rows.push(...(range.values as unknown[][]));
      bytes = 0;
    };
    for (const read of reads) {
      if (read.rowCount <= FIRST_ROWS) continue;
      const rowBytes = Math.max(16, JSON.stringify(read.rows).length / Math.max(1, read.rows.length));
      const perBlock = Math.max(1, Math.floor(this.budget / rowBytes));
      for (let start = FIRST_ROWS; start < read.rowCount; start += perBlock) {
        const count = Math.min(perBlock, read.rowCount - start);
        const blockBytes = count * rowBytes;
        if (bytes > 0 && bytes + blockBytes > this.budget) await flush();
        const range = read.body.getRow(start).getResizedRange(count - 1, 0).load('values');
        pending.push({ read, range, bytes: blockBytes });
        bytes += blockBytes;
      }
    }
    await flush();
  }

  /** The date system: the registry's probe, else a date cell's text, else what was known, else 1900. */
  private findDateSystem(probe: unknown, reads: { rows: unknown[][]; formats: unknown[][]; text: unknown[][] }[]): DateSystem {
    const fromProbe = systemFromProbe(probe);
    if (fromProbe !== undefined) return (this.dateSystem = fromProbe);
    for (const { rows, formats, text } of reads) {
      for (let r = 0; r < formats.length; r++) {
        for (let c = 0; c < (formats[r]?.length ?? 0); c++) {
          const value = rows[r]?.[c];
          if (typeof value !== 'number' || !isDateFormat(formats[r][c])) continue;
          const shown = systemFromDateText(value, String(text[r]?.[c] ?? ''));
          if (shown !== undefined) return (this.dateSystem = shown);
        }
      }
    }
    return this.dateSystem ?? 1900;
  }

  /**
   * Cells whose value reads like an error code (`#N/A`): one more request asks Excel
   * which of them are errors (`valueTypes`) and which are text that happens to read so.
   * Keys are `table!row,column`.
   */
  private async findErrorCells(
    context: Excel.RequestContext,
    reads: { name: string; body: Excel.Range; rows: unknown[][] }[],
  ): Promise<Set<string>> {
    const suspects: { key: string; cell: Excel.Range }[] = [];
    for (const { name, body, rows } of reads) {
      rows.forEach((row, r) =>
        row.forEach((value, c) => {
          if (typeof value === 'string' && ERROR_TEXT.test(value)) {
            suspects.push({ key: `${name}!${r},${c}`, cell: body.getCell(r, c).load('valueTypes') });
          }
        }),
      );
    }
    if (suspects.length === 0) return new Set();
    await context.sync();
    return new Set(suspects.filter(({ cell }) => cell.valueTypes[0]?.[0] === 'Error').map(({ key }) => key));
  }

  async sheetNames(): Promise<string[]> {
    return this.run(async (context) => (await takeInventory(context)).inventory.sheets.slice());
  }

  async ownedSheetNames(): Promise<string[]> {
    return this.run(async (context) => (await takeInventory(context)).inventory.owned.slice());
  }

  async writeSheets(specs: readonly SheetSpec[]): Promise<void> {
    if (specs.length === 0) return;
    await this.run((context) => this.writeRun(context, specs, undefined));
  }

  /**
   * Writes a run's output sheets and then, only once every one of them is written, one
   * input cell the user asked to change (the confirmed grant): the input is the last
   * thing written, after every check. Where the host has ExcelApi 1.20 the whole write
   * is one undo step (`mergeUndoGroup`); the report says whether it is.
   */
  async writeSheetsThenCell(specs: readonly SheetSpec[], change: CellChange): Promise<UndoReport> {
    const oneUndoStep = this.supports('1.20');
    await this.run((context) => this.writeRun(context, specs, change), oneUndoStep ? { mergeUndoGroup: true } : undefined);
    return { oneUndoStep };
  }

  private async writeRun(context: Excel.RequestContext, specs: readonly SheetSpec[], change: CellChange | undefined): Promise<void> {
    const layouts = specs.map(layoutSheet);
    const application = context.workbook.application;
    const canReadMode = this.supports('1.8');
    if (canReadMode) application.load('calculationMode');
    const progress = { written: [] as string[], step: 'checking the workbook' };
    let batches: Batches | undefined;
    let entering = false;
    let failure: unknown;
    try {
      const { inventory: inv, probe } = await takeInventory(context);
      const system = systemFromProbe(probe) ?? this.dateSystem ?? 1900;
      const plan = planWrite(inv, specs);
      const targets = await checkTargets(context, plan.targets, inv);

      batches = new Batches(context, this.budget, () => this.suspend(context));
      let registry: Excel.Worksheet | undefined;
      await batches.add(SMALL_OPERATION_BYTES, REGISTRY_SHEET, () => {
        registry = openRegistry(context, inv);
      });

      let registryRow = inv.owned.length + 2;
      for (const [i, target] of targets.entries()) {
        const { spec, replaces } = target;
        const layout = layouts[i];
        let sheet: Excel.Worksheet | undefined;
        const row = replaces === undefined ? registryRow++ : 0;
        await batches.add(SMALL_OPERATION_BYTES * 4 + estimateJsonBytes([spec.title], true), spec.sheet, () => {
          if (replaces === undefined) {
            sheet = context.workbook.worksheets.add(spec.sheet);
            if (registry) registry.getRange(`A${row}:B${row}`).formulas = [registryEntry(spec.sheet)];
          } else {
            sheet = prepareSheet(context, target, layout);
          }
          if (spec.title.length > 0) {
            sheet.getRange(`A1:A${spec.title.length}`).values = spec.title.map((line) => [officeValue(line)]);
            const first = sheet.getRange('A1').format.font;
            first.bold = true;
            first.size = TITLE_FONT_SIZE;
          }
        });
        const body = bodyRowsOf(spec.rows, layout.columns).map((r) => datesForWorkbook(r, spec.columns, system));
        const grid: CellValue[][] = [spec.columns.map((c) => c.header), ...body];
        await this.writeRows(batches, spec.sheet, () => sheet, grid, layout.headerRow, layout.columns);
        await batches.add(SMALL_OPERATION_BYTES * 8 + estimateJsonBytes(spec.footer, true), spec.sheet, () => {
          const ws = defined(sheet);
          if (spec.footer.length > 0) {
            const footer = ws.getRange(rangeAddress(layout.footerRow, 1, layout.lastRow, layout.columns));
            footer.values = spec.footer.map((r) => datesForWorkbook(r, spec.columns, system).map(officeValue));
            footer.format.font.bold = true;
          }
          // Last, the table takes its final size: values written right below a table
          // make Excel grow it over them (AutoExpansion), so the footer is outside only now.
          if (target.kept !== undefined) context.workbook.tables.getItem(target.kept.name).resize(layout.tableRange);
          else addTable(ws, layout.tableRange, spec.table);
          formatColumns(ws, spec.columns, layout.firstBodyRow, layout.lastRow);
          ws.freezePanes.freezeRows(layout.headerRow);
          if (this.supports('1.9')) setPrint(ws, spec, layout);
          drawChart(ws, spec, layout);
        });
        batches.afterNextSync(() => progress.written.push(spec.sheet));
      }
      await batches.flush();

      if (change !== undefined) {
        entering = true;
        progress.step = `entering ${String(change.value)} in the ${change.table} table, after writing ${progress.written.join(', ')}`;
        setCell(context, change);
        await context.sync();
      }
    } catch (error) {
      failure = describeFailure(error, entering ? [] : (batches?.current ?? []), progress);
    }
    // Finally, whatever happened: calculation was suspended while writing; formulas of
    // the user's that read the output sheets are brought up to date, unless the user
    // calculates by hand. After a failure this is best effort: the first failure is the
    // one reported.
    if (batches?.started === true && (!canReadMode || application.calculationMode !== 'Manual')) {
      try {
        application.calculate('Recalculate');
        await context.sync();
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure !== undefined) throw failure;
  }

  async createTables(tables: readonly TableData[]): Promise<void> {
    if (tables.length === 0) return;
    tables.forEach(checkTableData);
    await this.run(async (context) => {
      const targets = planCreate((await takeInventory(context)).inventory, tables);
      const batches = new Batches(context, this.budget, () => this.suspend(context));
      let first: Excel.Worksheet | undefined;
      for (const target of targets) {
        let sheet: Excel.Worksheet | undefined;
        await batches.add(SMALL_OPERATION_BYTES, target.sheet, () => {
          sheet = context.workbook.worksheets.add(target.sheet);
          first ??= sheet;
        });
        let top = 1;
        for (const table of target.tables) {
          const columns = inputColumns(table);
          const grid: CellValue[][] = [table.headers, ...bodyRowsOf(table.rows, table.headers.length)];
          const bottom = top + grid.length - 1;
          await this.writeRows(batches, target.sheet, () => sheet, grid, top, columns.length);
          const at = top;
          await batches.add(SMALL_OPERATION_BYTES * 4, target.sheet, () => {
            const ws = defined(sheet);
            addTable(ws, rangeAddress(at, 1, bottom, columns.length), table.name);
            formatColumns(ws, columns, at + 1, bottom);
            if (target.tables.length === 1) ws.freezePanes.freezeRows(1);
          });
          top = bottom + 2;
        }
      }
      await batches.add(SMALL_OPERATION_BYTES, '', () => defined(first).activate());
      await batches.flush();
    });
  }

  async setTableCell(table: string, row: number, column: string, value: CellValue): Promise<void> {
    await this.lookup(table, row, column, async (context) => {
      setCell(context, { table, row, column, value });
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

  /**
   * Calls `onChange` whenever a table's data changes, or a table is added or deleted
   * (`TableCollection.onChanged`, ExcelApi 1.7; `onAdded`/`onDeleted`, 1.9), so the
   * pane re-reads the model only when something changed. False when the host cannot
   * tell (then the pane re-reads on every return to it).
   */
  async watchTables(onChange: () => void): Promise<boolean> {
    if (!this.supports('1.9')) return false;
    const handler = async (): Promise<void> => onChange();
    await this.run(async (context) => {
      const tables = context.workbook.tables;
      tables.onChanged.add(handler);
      tables.onAdded.add(handler);
      tables.onDeleted.add(handler);
      await context.sync();
    });
    return true;
  }

  /** Writes `grid` from `top` down in as many row blocks as the request budget needs. */
  private async writeRows(
    batches: Batches,
    label: string,
    sheet: () => Excel.Worksheet | undefined,
    grid: CellValue[][],
    top: number,
    columns: number,
  ): Promise<void> {
    for (const [start, end] of chunkRows(grid, this.budget - SMALL_OPERATION_BYTES, true)) {
      const block = grid.slice(start, end);
      await batches.add(estimateJsonBytes(block, true), label, () => {
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

/**
 * A failure as the user should read it: Excel's own errors become an `ExcelWriteError`
 * naming the step and what was written; the request that failed may be part applied
 * (Excel applies a batch up to the operation that fails). Our own errors pass as they are.
 */
function describeFailure(error: unknown, partial: readonly string[], progress: { written: string[]; step: string }): unknown {
  const code = officeErrorCode(error);
  if (code === undefined) return error;
  const written = progress.written.filter((sheet) => !partial.includes(sheet));
  const step = partial.length > 0 ? `writing ${partial.join(', ')}` : progress.step;
  return new ExcelWriteError(code, { written, partial, step }, officeErrorDetail(error));
}

// ------------------------------------------------------------------------------------
// Batching

/**
 * Queues operations into requests within the byte budget, syncing when the next one
 * would not fit. Each request starts by suspending calculation and screen updating
 * (both last until the next sync). It knows which sheets each request carries, so a
 * failure can say which sheets were written and which may be part written.
 */
class Batches {
  /** True once anything was queued: from then on the workbook may have changed. */
  started = false;
  private pending = 0;
  private sheets: string[] = [];
  private done: (() => void)[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
    private readonly suspend: () => void,
  ) {}

  /** The sheets the request being built (or sent) carries. */
  get current(): string[] {
    return this.sheets.filter((sheet) => sheet !== REGISTRY_SHEET && sheet !== '');
  }

  async add(bytes: number, sheet: string, queue: () => void): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    if (this.pending === 0) this.suspend();
    if (!this.sheets.includes(sheet)) this.sheets.push(sheet);
    this.started = true;
    queue();
    this.pending += Math.max(1, bytes);
  }

  /** Runs `done` once the request holding what was queued so far has gone through. */
  afterNextSync(done: () => void): void {
    this.done.push(done);
  }

  async flush(): Promise<void> {
    if (this.pending === 0) return;
    await this.context.sync();
    for (const done of this.done.splice(0)) done();
    this.pending = 0;
    this.sheets = [];
  }
}

// ------------------------------------------------------------------------------------
// Inventory, the registry and the checks before writing

/**
 * Sheets, tables, defined names and the registry, in one sync (two when the registry
 * exists: its formulas can only be asked for once Excel has said it is there). Also the
 * registry's date probe, when it has one.
 */
async function takeInventory(context: Excel.RequestContext): Promise<{ inventory: WorkbookInventory; probe: unknown }> {
  const { workbook } = context;
  const sheets = workbook.worksheets.load('items/name');
  const tables = workbook.tables.load('items/name,items/worksheet/name');
  const names = workbook.names.load('items/name');
  await context.sync();

  const all = sheets.items.map((s) => s.name);
  const registryName = all.find((name) => sameName(name, REGISTRY_SHEET));
  let registry: RegistryState = { kind: 'absent' };
  let probe: unknown;
  if (registryName !== undefined) {
    const used = workbook.worksheets.getItem(registryName).getUsedRangeOrNullObject().load('address,formulas,values');
    await context.sync();
    registry = used.isNullObject ? { kind: 'foreign' } : readRegistry(used.address, used.formulas);
    if (registry.kind === 'ours') probe = probeValue(used.address, used.values);
  }
  return {
    inventory: inventory(
      all,
      registry,
      tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
      names.items.map((n) => n.name),
    ),
    probe,
  };
}

/** The registry from its used range: ours only if it starts at A1 with the signature. */
function readRegistry(address: string, formulas: unknown[][]): RegistryState {
  const at = parseRange(address);
  if (!at || at.top !== 1 || at.left !== 1 || formulas[0]?.[0] !== REGISTRY_SIGNATURE) return { kind: 'foreign' };
  return { kind: 'ours', formulas: formulas.slice(1).map((row) => (typeof row[0] === 'string' ? row[0] : '')) };
}

function probeValue(address: string, values: unknown[][]): unknown {
  const at = parseRange(address);
  const cell = parseRange(PROBE_CELL);
  if (!at || !cell) return undefined;
  return values[cell.top - at.top]?.[cell.left - at.left];
}

/** A sheet to be written, with what stands on it now when it is one of ours. */
interface CheckedTarget {
  spec: SheetSpec;
  replaces?: string;
  /** The output table kept across runs: its name and where it is now. */
  kept?: { name: string; rect: CellRect };
  /** Other tables on the sheet (left by an older version): removed. */
  otherTables: string[];
  /** The charts this add-in drew on the sheet: removed on every rewrite. */
  ownCharts: string[];
}

/**
 * Everything about the targets that can be known before writing, in one sync: whether a
 * sheet to rewrite (or the workbook's structure, when sheets are to be added) is
 * protected, where each kept table stands, and which charts are ours. A protected sheet
 * stops the run here, with nothing written.
 */
async function checkTargets(
  context: Excel.RequestContext,
  targets: readonly { spec: SheetSpec; replaces?: string }[],
  inv: WorkbookInventory,
): Promise<CheckedTarget[]> {
  const adding = targets.some((target) => target.replaces === undefined) || inv.registry === 'absent';
  const structure = adding ? context.workbook.protection.load('protected') : undefined;
  const loads = targets.map((target) => {
    if (target.replaces === undefined) return { target };
    const sheet = context.workbook.worksheets.getItem(target.replaces);
    const onSheet = inv.tables.filter((table) => sameName(table.sheet, target.replaces ?? ''));
    const keep = onSheet.find((table) => sameName(table.name, target.spec.table));
    return {
      target,
      protection: sheet.protection.load('protected'),
      charts: sheet.charts.load('items/name'),
      keep: keep && { name: keep.name, range: context.workbook.tables.getItem(keep.name).getRange().load('address') },
      others: onSheet.filter((table) => table !== keep).map((table) => table.name),
    };
  });
  await context.sync();
  if (structure?.protected === true) throw new ProtectedError(undefined);
  return loads.map((load) => {
    if (!('protection' in load) || load.protection === undefined) return { ...load.target, otherTables: [], ownCharts: [] };
    if (load.protection.protected) throw new ProtectedError(load.target.replaces);
    const rect = load.keep ? parseRange(load.keep.range.address) : undefined;
    return {
      ...load.target,
      kept: load.keep && rect ? { name: load.keep.name, rect } : undefined,
      otherTables: load.others,
      ownCharts: load.charts.items.map((chart) => chart.name).filter((name) => name === CHART_NAME),
    };
  });
}

/**
 * Creates the registry, or clears it down to its header and writes back the entries of
 * the owned sheets still there (entries whose sheet was deleted drop out), with the
 * date-system probe beside them.
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
  registry.getRange(PROBE_CELL).formulas = [[DATE_PROBE_FORMULA]];
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
 * Readies an owned sheet for rewriting, keeping the sheet and its output table: the
 * user's references to either survive the run. Our charts and any other table go; the
 * kept table is moved (whole rows inserted or deleted above it) so its header lands on
 * the new layout's header row, shrunk to one body row under the new headers, and every
 * other cell is cleared.
 */
function prepareSheet(context: Excel.RequestContext, target: CheckedTarget, layout: SheetLayout): Excel.Worksheet {
  const worksheet = context.workbook.worksheets.getItem(target.replaces ?? target.spec.sheet);
  for (const name of target.ownCharts) worksheet.charts.getItem(name).delete();
  for (const name of target.otherTables) context.workbook.tables.getItem(name).delete();
  worksheet.freezePanes.unfreeze();
  const kept = target.kept;
  if (kept === undefined) {
    worksheet.getRange().clear('All');
    return worksheet;
  }
  const header = layout.headerRow;
  if (kept.rect.top < header) worksheet.getRange(`1:${header - kept.rect.top}`).insert('Down');
  if (kept.rect.top > header) worksheet.getRange(`1:${kept.rect.top - header}`).delete('Up');
  const last = columnName(layout.columns);
  worksheet.getRange(`A${header}:${last}${header}`).values = [target.spec.columns.map((c) => officeValue(c.header))];
  context.workbook.tables.getItem(kept.name).resize(`A${header}:${last}${header + 1}`);
  if (header > 1) worksheet.getRange(`1:${header - 1}`).clear('All');
  worksheet.getRange(`${columnName(layout.columns + 1)}${header}:XFD${header}`).clear('All');
  worksheet.getRange(`${header + 1}:1048576`).clear('All');
  return worksheet;
}

function setCell(context: Excel.RequestContext, change: CellChange): void {
  const target = context.workbook.tables.getItem(change.table);
  const cell = target.rows
    .getItemAt(change.row)
    .getRange()
    .getIntersection(target.columns.getItem(change.column).getDataBodyRange());
  cell.values = [[officeValue(change.value)]];
}

// ------------------------------------------------------------------------------------
// Writing

/** The name of the native chart the add-in draws beside an output table. */
export const CHART_NAME = 'AwardsModellerChart';

/**
 * Draws the spec's chart (clustered columns) beside the table: categories from one
 * column, one series per named column, from the body rows or the footer (totals).
 */
/** Whole pounds on the chart's axis and bar labels: pence would crowd them. */
const CHART_MONEY_FORMAT = '£#,##0';

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
  // Axes, values and a legend (SPEC §4; issue 11): Chart.legend, Chart.axes and
  // Chart.dataLabels are ExcelApi 1.1; number formats on the axis and labels are 1.8,
  // which every Excel that runs a shared runtime has.
  drawn.legend.visible = true;
  drawn.legend.position = 'Bottom';
  drawn.axes.categoryAxis.title.text = chart.categories;
  drawn.axes.valueAxis.title.text = 'Amount (£)';
  drawn.axes.valueAxis.numberFormat = CHART_MONEY_FORMAT;
  drawn.dataLabels.showValue = true;
  drawn.dataLabels.numberFormat = CHART_MONEY_FORMAT;
  // Beside the table, clear of its columns.
  drawn.setPosition(cellAddress(layout.headerRow, layout.columns + 2), cellAddress(layout.headerRow + 17, layout.columns + 9));
}

/**
 * How the sheet prints (`printSetup`, SPEC §3): A4, one page wide, the header row on
 * every page, landscape where wide, the sheet's name and the run stamp in the footer.
 * `Worksheet.pageLayout` is ExcelApi 1.9.
 */
function setPrint(sheet: Excel.Worksheet, spec: SheetSpec, layout: SheetLayout): void {
  const print = printSetup(spec, layout);
  const page = sheet.pageLayout;
  page.paperSize = 'A4';
  page.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  page.zoom = { horizontalFitToPages: print.fitToWidth, verticalFitToPages: print.fitToHeight };
  page.setPrintTitleRows(`$${print.repeatRow}:$${print.repeatRow}`);
  page.headersFooters.defaultForAllPages.leftFooter = footerText(print.footerLeft);
  page.headersFooters.defaultForAllPages.rightFooter = footerText(print.footerRight);
}

/** Header and footer text is code: `&` starts a field (`&A`, `&P`), so a literal one is `&&`. */
function footerText(text: string): string {
  return text.replace(/&/g, '&&');
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

/** A row's date columns as the workbook's date system stores them. */
function datesForWorkbook(row: readonly CellValue[], columns: readonly SheetColumn[], system: DateSystem): CellValue[] {
  if (system === 1900) return [...row];
  return row.map((value, c) => (typeof value === 'number' && columns[c]?.format === 'date' ? fromSerial1900(value, system) : value));
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
