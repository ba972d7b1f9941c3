/** Reading a whole model from its input tables. */
import type { TableData } from '../sheet';
import { cellIssueChecks } from './cellIssues';
import type { Model } from './inputs';
import { readMonitoring } from './monitoring';
import { readProcurement } from './procurement';
import { readAwards } from './readAwards';
import { readFunds } from './readFunds';
import { readScenarios } from './readScenarios';
import { readEnvelopes, readSettings } from './readSettings';
import { findTable, INPUT_TABLES } from './schema';
import type { Check } from './types';

/**
 * Reads the model from a workbook's input tables (keyed by table name; see
 * `INPUT_TABLES`). A missing required table or column, or a `Scenarios` table without
 * a scenario, throws `ModelInputError`; problems in single rows become `rowChecks`.
 *
 * @param today ISO date; the financial year defaults to the one after today's.
 */
export function readModel(tables: Readonly<Record<string, TableData>>, today: string): Model {
  const rowChecks: Check[] = cellIssueChecks(tables);
  const funds = readFunds(tables, rowChecks);
  const awards = readAwards(tables, funds, rowChecks);
  const scenarios = readScenarios(tables, funds, rowChecks);
  const settings = readSettings(tables, today, rowChecks);
  const envelopes = readEnvelopes(tables, rowChecks);
  const monitoring = readMonitoring(tables, funds, rowChecks);
  const procurement = readProcurement(tables, rowChecks);
  const sheets: Record<string, string> = {};
  for (const name of INPUT_TABLES) {
    const table = findTable(tables, name);
    if (table !== undefined) sheets[name] = table.sheet;
  }
  return { funds, awards, scenarios, settings, envelopes, monitoring, procurement, rowChecks, sheets };
}

/** The model's scenario names, in `Scenarios` table order. */
export function scenarioNames(model: Model): string[] {
  return model.scenarios.map((scenario) => scenario.name);
}

/**
 * The 0-based `Scenarios` body row holding a scenario's income for a fund (names
 * matched trimmed and case-blind), or null when the scenario has no row for the fund.
 * The task pane writes the confirmed MoJ grant there.
 */
export function findScenarioIncomeRow(model: Model, scenario: string, fund: string): number | null {
  const name = scenario.trim().toLowerCase();
  const fundName = fund.trim().toLowerCase();
  const found = model.scenarios.find((entry) => entry.name.toLowerCase() === name);
  const row = found?.funds.find((entry) => entry.fund.toLowerCase() === fundName);
  return row === undefined ? null : row.row;
}
