/**
 * What each task-pane command does, through the workbook port: read the input tables,
 * call the model, write the output sheets, and hand back what to show. No DOM here and
 * no Excel here — the same commands run on Office.js in Excel and on the in-memory
 * workbook of the browser preview.
 */
import { outputSheets, readModel, runModel, scenarioNames, type Model, type ModelResult, type RunOptions } from '../engine/model';
import { resolveGrantTarget } from '../engine/model/grantTarget';
import type { CellValue, SheetSpec, TableData } from '../engine/sheet';
import type { WorkbookPort } from '../workbook/port';
import { glanceOf, type Glance } from './glance';
import { readGrantInput } from './grantInput';
import { PaneError, grantTargetProblem, text } from './messages';
import { REQUIRED_TABLES, errorText, incomeCell, readInputs, type Clock } from './status';

export { createSample, errorText, localClock, readStatus, type Clock, type ModelStatus } from './status';

/** Reports a step of a long command: what is happening, and how far along it is. */
export type Progress = (status: string, done: number, total: number) => Promise<void>;

const noProgress: Progress = async () => undefined;

/** The input tables, refused in plain words when a required one is missing. */
async function readModelTables(port: WorkbookPort): Promise<Record<string, TableData>> {
  const tables = await readInputs(port);
  const missing = REQUIRED_TABLES.filter((name) => tables[name] === undefined);
  if (missing.length > 0) throw new PaneError(text.noModel(missing));
  return tables;
}

async function loadModel(port: WorkbookPort, clock: Clock): Promise<Model> {
  return readModel(await readModelTables(port), clock.today);
}

/** The Comparison sheet carries a native chart of its fund totals, first scenario against second. */
export function withComparisonChart(sheets: SheetSpec[], result: ModelResult): SheetSpec[] {
  const comparison = result.comparison;
  if (comparison === null) return sheets;
  return sheets.map((sheet) => {
    if (sheet.sheet !== 'Comparison') return sheet;
    // Headers 3 and 4 hold the two scenarios (renamed by the model if they clash).
    const [fund, first, second] = [sheet.columns[2], sheet.columns[3], sheet.columns[4]];
    if (!fund || !first || !second) return sheet;
    return {
      ...sheet,
      chart: {
        title: `${comparison.first} vs ${comparison.second} by fund`,
        categories: fund.header,
        series: [first.header, second.header],
        fromFooter: true,
      },
    };
  });
}

export interface RunOutcome {
  result: ModelResult;
  /** The sheets written, in order. */
  written: string[];
}

async function run(
  port: WorkbookPort,
  clock: Clock,
  progress: Progress,
  options: Omit<RunOptions, 'stamp' | 'today'>,
  pick: (sheet: SheetSpec) => boolean,
  nothingToWrite = '',
  /** Sheets without one of these are nothing worth writing (`nothingToWrite`). */
  needed: (sheet: SheetSpec) => boolean = pick,
): Promise<RunOutcome> {
  await progress(text.progress.reading, 0, 3);
  const model = await loadModel(port, clock);
  const count = options.scenarios?.length || model.scenarios.length;
  await progress(text.progress.running(count), 1, 3);
  const result = runModel(model, { ...options, stamp: clock.stamp, today: clock.today });
  const sheets = withComparisonChart(outputSheets(result), result).filter(pick);
  if (!sheets.some(needed)) throw new PaneError(nothingToWrite);
  await progress(text.progress.writing(sheets.length), 2, 3);
  await port.writeSheets(sheets);
  return { result, written: sheets.map((sheet) => sheet.sheet) };
}

const everySheet = (): boolean => true;

/**
 * Runs the scenarios chosen (all when none are) and writes every output sheet; with a
 * pair to compare (two different scenarios), the run compares that pair, so the
 * glance, Compare and the chart show the same run.
 */
export async function runScenarios(
  port: WorkbookPort,
  scenarios: readonly string[],
  clock: Clock,
  progress: Progress = noProgress,
  compare?: readonly [string, string],
): Promise<RunOutcome> {
  if (scenarios.length === 0) throw new PaneError(text.chooseScenario);
  const pair = compare !== undefined && compare[0] !== '' && compare[1] !== '' &&
    compare[0].trim().toLowerCase() !== compare[1].trim().toLowerCase() ? { compare: [compare[0], compare[1]] as [string, string] } : {};
  return run(port, clock, progress, { scenarios, ...pair }, everySheet);
}

/** Compares two scenarios and writes the Comparison sheet (with its chart). */
export async function compareScenarios(
  port: WorkbookPort,
  first: string,
  second: string,
  clock: Clock,
  progress: Progress = noProgress,
): Promise<RunOutcome> {
  if (first.trim().toLowerCase() === second.trim().toLowerCase()) throw new PaneError(text.sameScenario);
  return run(port, clock, progress, { scenarios: [first, second], compare: [first, second] }, (sheet) => sheet.sheet === 'Comparison');
}

const APPENDIX_SHEET = /^Appendix \d+$/;
/** Written with the appendices: the scenario's payment schedule and calendar (SPEC §3). */
const WITH_APPENDICES = new Set(['payments', 'calendar']);

/** Runs one scenario and writes its board-paper appendix sheets, with its Payments and Calendar. */
export async function buildAppendices(
  port: WorkbookPort,
  scenario: string,
  clock: Clock,
  progress: Progress = noProgress,
): Promise<RunOutcome> {
  return run(
    port, clock, progress, { scenarios: [scenario], appendixScenario: scenario },
    (sheet) => APPENDIX_SHEET.test(sheet.sheet) || WITH_APPENDICES.has(sheet.sheet.toLowerCase()), text.noAppendix,
    (sheet) => APPENDIX_SHEET.test(sheet.sheet),
  );
}

/**
 * Checks a typed confirmed grant (grantInput.ts): returns the amount, or throws a
 * `PaneError` saying what is wrong with it.
 */
export function parseGrant(raw: string): number {
  const read = readGrantInput(raw);
  if (!read.ok) throw new PaneError(read.message);
  return read.amount;
}

/** Whether Excel's Undo takes the whole confirmed-grant write back in one step. */
export type UndoState = 'one-step' | 'not-undoable';

export interface ConfirmedOutcome extends RunOutcome {
  glance: Glance;
  /** Where the figure went. */
  fund: string;
  scenario: string;
  /** The figure it replaced (null: the cell held none). */
  replaced: number | null;
  undo: UndoState;
}

/**
 * A port that can write a run's sheets and then one input cell in one go, as a single
 * undo step where the host can (the Office.js adapter). Other ports write the sheets,
 * then the cell.
 */
interface WritesSheetsThenCell {
  writeSheetsThenCell(
    sheets: readonly SheetSpec[],
    change: { table: string; row: number; column: string; value: CellValue },
  ): Promise<{ oneUndoStep: boolean }>;
}

function writesSheetsThenCell(port: WorkbookPort): port is WorkbookPort & WritesSheetsThenCell {
  return typeof (port as Partial<WritesSheetsThenCell>).writeSheetsThenCell === 'function';
}

/** The tables with one cell changed, as they will read once the change is written. */
function withCell(tables: Record<string, TableData>, table: string, row: number, column: string, value: CellValue): Record<string, TableData> {
  const target = tables[table];
  const index = target.headers.findIndex((header) => header.trim() === column);
  const rows = target.rows.map((cells, r) => (r === row ? cells.map((cell, c) => (c === index ? value : cell)) : cells));
  return { ...tables, [table]: { ...target, rows } };
}

/**
 * Enters the confirmed grant — the one input the pane writes: the `Income` of the
 * confirmed scenario's row for the grant fund in `Scenarios` (SPEC §3 `Grant fund`,
 * `Confirmed scenario`) — and re-runs the scenarios chosen with the indicative scenario
 * against the confirmed one compared.
 *
 * The whole write is planned first: the model is run with the new figure in memory and
 * its output sheets made; then the output sheets are written, every check of the write
 * (a sheet of the user's named like an output, protection) passing first; the input is
 * written last. A failure before it leaves the input as it was; one after the sheets
 * says exactly what was written.
 */
export async function enterConfirmedGrant(
  port: WorkbookPort,
  amount: number,
  scenarios: readonly string[],
  clock: Clock,
  progress: Progress = noProgress,
  chosenFund?: string,
): Promise<ConfirmedOutcome> {
  await progress(text.progress.reading, 0, 3);
  const tables = await readModelTables(port);
  const before = readModel(tables, clock.today);
  const target = resolveGrantTarget(before, chosenFund);
  if (target.kind === 'problem') throw new PaneError(grantTargetProblem(target.problem));
  if (target.kind === 'ask') throw new PaneError(text.chooseGrantFund);
  const { fund, scenario, compareWith, row } = target;
  if (row === null) throw new PaneError(text.noConfirmedRow(scenario, fund));
  const replaced = incomeCell(tables, row);

  const model = readModel(withCell(tables, 'Scenarios', row, 'Income', amount), clock.today);
  const names = scenarioNames(model);
  const asked = scenarios.length === 0 ? names : scenarios;
  await progress(text.progress.running(new Set([...asked, compareWith, scenario]).size), 1, 3);
  const result = runModel(model, { scenarios: asked, compare: [compareWith, scenario], stamp: clock.stamp, today: clock.today });
  const sheets = withComparisonChart(outputSheets(result), result);

  await progress(text.progress.writingThenEntering(sheets.length), 2, 3);
  const change = { table: 'Scenarios', row, column: 'Income', value: amount };
  let undo: UndoState = 'not-undoable';
  if (writesSheetsThenCell(port)) {
    undo = (await port.writeSheetsThenCell(sheets, change)).oneUndoStep ? 'one-step' : 'not-undoable';
  } else {
    await port.writeSheets(sheets);
    try {
      await port.setTableCell(change.table, change.row, change.column, change.value);
    } catch (error) {
      throw new PaneError(text.grant.notEntered(sheets.map((sheet) => sheet.sheet), errorText(error)));
    }
  }
  return {
    result,
    written: sheets.map((sheet) => sheet.sheet),
    glance: glanceOf(result, fund),
    fund,
    scenario,
    replaced,
    undo,
  };
}
