/**
 * Building model workbooks for tests: tables from plain objects keyed by header, a
 * small valid model to vary, and helpers to read results by ref and fund.
 */
import {
  readModel, runModel, type AllocationRow, type Check, type LedgerRow, type Model, type ModelResult, type RunOptions,
} from '../../src/engine/model';
import type { CellValue, TableData } from '../../src/engine/sheet';

export const TODAY = '2021-01-15';
export const STAMP = '2021-01-15T09:30:00Z';

export type Row = Record<string, CellValue>;

export const FUND_HEADERS = ['Fund', 'Source', 'Opening balance', 'Income', 'Allowed purposes', 'Floor', 'Award cap', 'Appendix'];
export const AWARD_HEADERS = [
  'Ref', 'Recipient', 'Service', 'Fund', 'Purpose', 'Priority', 'Prior year', 'Rule', 'Value', 'Start', 'End', 'Locked', 'Route',
];
export const SCENARIO_HEADERS = ['Scenario', 'Fund', 'Income', 'Fit'];

/** A table from rows keyed by header; missing cells are blank. */
export function table(name: string, headers: readonly string[], rows: readonly Row[], sheet = name): TableData {
  return { name, sheet, headers: [...headers], rows: rows.map((row) => headers.map((header) => row[header] ?? null)) };
}

export interface Workbook {
  funds?: Row[];
  awards?: Row[];
  scenarios?: Row[];
  settings?: Row[] | null;
  envelopes?: Row[] | null;
}

/** One fund of £100,000 and nothing else, in 2021/22, with one scenario `Base`. */
export const BASE_FUND: Row = { Fund: 'Grant', Source: 'MoJ', 'Opening balance': 0, Income: 100000 };

/** Input tables keyed by name, with sensible defaults for what the test does not set. */
export function tables(book: Workbook = {}): Record<string, TableData> {
  const result: Record<string, TableData> = {
    Funds: table('Funds', FUND_HEADERS, book.funds ?? [BASE_FUND]),
    Awards: table('Awards', AWARD_HEADERS, book.awards ?? []),
    Scenarios: table('Scenarios', SCENARIO_HEADERS, book.scenarios ?? [{ Scenario: 'Base' }]),
  };
  if (book.settings !== null) {
    result.Settings = table('Settings', ['Setting', 'Value'], book.settings ?? [{ Setting: 'Financial year', Value: '2021/22' }]);
  }
  if (book.envelopes !== undefined && book.envelopes !== null) {
    result.Envelopes = table('Envelopes', ['Priority', 'Budget'], book.envelopes);
  }
  return result;
}

export function model(book: Workbook = {}): Model {
  return readModel(tables(book), TODAY);
}

export function run(book: Workbook = {}, options: Partial<RunOptions> = {}): ModelResult {
  return runModel(model(book), { stamp: STAMP, today: TODAY, ...options });
}

/** An award row with the usual defaults: fund `Grant`, rule FLAT. */
export function award(ref: string, fields: Row = {}): Row {
  return { Ref: ref, Recipient: `Recipient ${ref}`, Service: `Service ${ref}`, Fund: 'Grant', Purpose: 'Victim services', Priority: 'Victims', Rule: 'FLAT', Route: 'Grant', ...fields };
}

/** The allocation of a ref under a scenario (the only or first scenario by default). */
export function allocation(result: ModelResult, ref: string, scenario = result.scenariosRun[0]): AllocationRow {
  const found = result.allocations.find((row) => row.ref === ref && row.scenario === scenario);
  if (found === undefined) throw new Error(`no allocation for ${ref} under ${scenario}`);
  return found;
}

export function amounts(result: ModelResult, scenario = result.scenariosRun[0]): Record<string, number> {
  return Object.fromEntries(result.allocations.filter((row) => row.scenario === scenario).map((row) => [row.ref, row.amount]));
}

export function ledger(result: ModelResult, fund = 'Grant', scenario = result.scenariosRun[0]): LedgerRow {
  const found = result.ledger.find((row) => row.fund === fund && row.scenario === scenario);
  if (found === undefined) throw new Error(`no ledger row for ${fund} under ${scenario}`);
  return found;
}

export function checksNamed(result: { checks: Check[] } | { rowChecks: Check[] }, name: string): Check[] {
  const all = 'checks' in result ? result.checks : result.rowChecks;
  return all.filter((check) => check.check === name);
}

/** Whole pence of pounds, for exact sums in assertions. */
export function pence(pounds: number): number {
  return Math.round(pounds * 100);
}

export function sumPence(values: readonly number[]): number {
  return values.reduce((total, value) => total + pence(value), 0);
}
