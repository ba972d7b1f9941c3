/**
 * What the pane needs before its first paint: the clock, and what the workbook's model
 * is (`readStatus`). The commands that run the model (commands.ts) come in a chunk of
 * their own, loaded once the pane is drawn, so the first load carries only the reading
 * of the model, not the running of it. No DOM here and no Excel here.
 */
import { INPUT_TABLES } from '../engine/model/schema';
import { findScenarioIncomeRow, readModel, scenarioNames } from '../engine/model/read';
import { sampleModel } from '../engine/model/sample';
import { resolveGrantTarget, type GrantTarget } from '../engine/model/grantTarget';
import type { Model } from '../engine/model/inputs';
import type { CellValue, TableData } from '../engine/sheet';
import type { WorkbookPort } from '../workbook/port';
import { text } from './messages';

export const REQUIRED_TABLES = ['Funds', 'Awards', 'Scenarios'] as const;

/** The caller's clock: the engine has none. */
export interface Clock {
  /** The run's stamp, e.g. `2021-03-01 14:05`. */
  stamp: string;
  /** Today as ISO text, e.g. `2021-03-01`. */
  today: string;
}

/** The clock of this machine, in local time. */
export function localClock(now = new Date()): Clock {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return { today, stamp: `${today} ${pad(now.getHours())}:${pad(now.getMinutes())}` };
}

/** What the pane knows about the workbook's model. */
export interface ModelStatus {
  /** Input tables present, in `INPUT_TABLES` order. */
  found: string[];
  /** Required tables absent. Empty when the workbook holds a model. */
  missing: string[];
  /** The model, when it could be read. */
  model: Model | null;
  scenarios: string[];
  /** Where the confirmed grant goes (`Grant fund`, `Confirmed scenario`), when the model could be read. */
  grant: GrantTarget | null;
  /** The figure the confirmed grant would replace: that row's current income, when there is one. */
  confirmedIncome: number | null;
  /** The indicative figure the confirmed one is compared with: that scenario's income for the grant fund. */
  indicativeIncome: number | null;
  /** What the input tables held when read: a run made then is out of date once this changes. */
  signature: string;
  /** Why the model cannot be used, in plain words (a missing column, say). */
  problem: string | null;
}

export async function readInputs(port: WorkbookPort): Promise<Record<string, TableData>> {
  return port.readTables(INPUT_TABLES);
}

export function incomeCell(tables: Record<string, TableData>, row: number): number | null {
  const scenarios = tables.Scenarios;
  const column = scenarios?.headers.findIndex((header) => header.trim() === 'Income') ?? -1;
  const cell: CellValue | undefined = column < 0 ? undefined : scenarios?.rows[row]?.[column];
  return typeof cell === 'number' ? cell : null;
}

/** Finds the model: which input tables the workbook holds, and whether they can be read. */
export async function readStatus(port: WorkbookPort, clock: Clock, chosenFund?: string): Promise<ModelStatus> {
  const tables = await readInputs(port);
  const found = INPUT_TABLES.filter((name) => tables[name] !== undefined);
  const missing = REQUIRED_TABLES.filter((name) => tables[name] === undefined);
  const signature = JSON.stringify(INPUT_TABLES.map((name) => tables[name] ?? null));
  const status: ModelStatus = {
    found, missing, model: null, scenarios: [], grant: null, confirmedIncome: null, indicativeIncome: null, signature, problem: null,
  };
  if (missing.length > 0) return status;
  try {
    const model = readModel(tables, clock.today);
    const grant = resolveGrantTarget(model, chosenFund);
    const row = grant.kind === 'found' ? grant.row : null;
    const indicativeRow = grant.kind === 'found' ? findScenarioIncomeRow(model, grant.compareWith, grant.fund) : null;
    const fundIncome = grant.kind === 'found' ? model.funds.find((f) => f.name.toLowerCase() === grant.fund.toLowerCase())?.income ?? null : null;
    return {
      ...status,
      model,
      grant,
      scenarios: scenarioNames(model),
      confirmedIncome: row === null ? null : incomeCell(tables, row),
      indicativeIncome: indicativeRow === null ? fundIncome : incomeCell(tables, indicativeRow),
    };
  } catch (error) {
    return { ...status, problem: errorText(error) };
  }
}

/** Creates the built-in sample model's tables, each on a new sheet. */
export async function createSample(port: WorkbookPort): Promise<void> {
  await port.createTables(sampleModel());
}


/** An error as a finance user should read it. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || text.unexpected(error.name);
  return text.unexpected(String(error));
}
