/** Reading the `Scenarios` table: scenarios in first-seen order, per-fund income and fit. */
import type { TableData } from '../sheet';
import { nearestName } from '../nearest';
import { BadCell, RowCells } from './cells';
import { ModelInputError } from './errors';
import type { FitMode, Fund, Scenario } from './inputs';
import { messages } from './messages';
import { openTable, SCENARIOS } from './schema';
import type { Check } from './types';

export const FIT_MODES: readonly FitMode[] = ['scale-down', 'scale', 'none'];

const FIT_NAMED = new Map<string, FitMode>([...FIT_MODES.map((fit): [string, FitMode] => [fit, fit]), ['scaledown', 'scale-down']]);

/** The fit named in a cell, trimmed and case-blind (`Scale down` and `scaledown` too). */
export function parseFit(text: string): FitMode | null {
  return FIT_NAMED.get(text.trim().toLowerCase().replace(/[\s_]+/g, '-')) ?? null;
}

/**
 * Scenarios, in the order their names first appear. A row naming a fund sets that
 * fund's income (blank: the fund's own) and fit (blank: the scenario's); a row with a
 * blank `Fund` sets the scenario's fit for every other fund (default `scale-down`).
 * A table without a single scenario is a `ModelInputError`.
 */
export function readScenarios(tables: Readonly<Record<string, TableData>>, funds: readonly Fund[], checks: Check[]): Scenario[] {
  const table = openTable(tables, SCENARIOS);
  if (table === null) return [];
  const col = {
    scenario: table.column('Scenario'),
    fund: table.column('Fund'),
    income: table.column('Income'),
    fit: table.column('Fit'),
  };
  const fundNames = new Map(funds.map((fund) => [fund.name.toLowerCase(), fund.name]));
  const byName = new Map<string, Scenario>();
  const scenarioFit = new Map<Scenario, FitMode>();

  const cells = new RowCells();
  for (let row = 0; row < table.rows.length; row++) {
    cells.cells = table.rows[row];
    if (cells.isBlank()) continue;
    const name = cells.text(col.scenario);
    const fundText = cells.text(col.fund);
    const fund = fundNames.get(fundText.toLowerCase());
    const problem = (check: string, column: string, message: string): void => {
      checks.push({ severity: 'error', scenario: name, fund: fund ?? fundText, ref: '', check, message, table: SCENARIOS.name, row, column });
    };
    if (name === '') {
      problem('Missing value', 'Scenario', messages.blankScenario(row));
      continue;
    }
    let scenario = byName.get(name.toLowerCase());
    if (scenario === undefined) {
      scenario = { name, fit: 'scale-down', funds: [], rows: [] };
      byName.set(name.toLowerCase(), scenario);
    }
    scenario.rows.push(row);

    const fitText = cells.text(col.fit);
    let fit: FitMode | null = null;
    if (fitText !== '') {
      fit = parseFit(fitText);
      if (fit === null) problem('Unknown fit', 'Fit', messages.unknownFit(scenario.name, fitText, nearestName(fitText, FIT_MODES)));
    }

    if (fundText === '') {
      if (fit !== null && !scenarioFit.has(scenario)) scenarioFit.set(scenario, fit);
      continue;
    }
    if (fund === undefined) {
      problem('Unknown fund', 'Fund', messages.scenarioUnknownFund(scenario.name, fundText, nearestName(fundText, funds.map((entry) => entry.name))));
      continue;
    }
    if (scenario.funds.some((entry) => entry.fund === fund)) {
      problem('Duplicate fund', 'Fund', messages.scenarioDuplicateFund(scenario.name, fund));
      continue;
    }
    const incomeRead = cells.money(col.income);
    if (incomeRead instanceof BadCell) {
      problem('Not a number', 'Income', messages.scenarioIncomeNotANumber(scenario.name, fund, incomeRead.text));
    }
    scenario.funds.push({ fund, income: typeof incomeRead === 'number' ? incomeRead : null, fit, row });
  }

  const scenarios = [...byName.values()];
  for (const scenario of scenarios) scenario.fit = scenarioFit.get(scenario) ?? 'scale-down';
  if (scenarios.length === 0) {
    throw new ModelInputError(messages.noScenarios(table.sheet), { table: SCENARIOS.name, sheet: table.sheet, column: 'Scenario' });
  }
  return scenarios;
}
