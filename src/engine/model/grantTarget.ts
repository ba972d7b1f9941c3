/**
 * Where the confirmed grant goes (SPEC §3 `Grant fund`, `Confirmed scenario`): which
 * fund's income the pane's confirmed-grant field sets, in which scenario, and which
 * scenario it is compared against. Pure; the pane says the problems in its own words.
 */
import { findScenarioIncomeRow, scenarioNames } from './read';
import type { Model } from './inputs';

/** How the fund was settled on. */
export type GrantFundSource = 'setting' | 'scenarios' | 'source' | 'chosen';

export type GrantTarget =
  | {
      kind: 'found';
      fund: string;
      fundFrom: GrantFundSource;
      /** The scenario the confirmed figure goes into. */
      scenario: string;
      /** The scenario it is compared against (the indicative one). */
      compareWith: string;
      /** The 0-based `Scenarios` row holding the figure; null when there is none to write to. */
      row: number | null;
    }
  /** The model cannot tell which fund: the pane asks, offering these. */
  | { kind: 'ask'; funds: string[]; scenario: string; compareWith: string }
  | { kind: 'problem'; problem: GrantTargetProblem };

export type GrantTargetProblem =
  | { what: 'unknown-fund'; written: string; funds: string[] }
  | { what: 'unknown-scenario'; written: string; scenarios: string[] }
  | { what: 'one-scenario'; scenario: string }
  | { what: 'no-funds' };

const MINISTRY = /\bministry\s+of\s+justice\b|\bmoj\b/i;

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The income a scenario gives a fund: its own row's, else the fund's. */
function incomeIn(model: Model, scenario: string, fund: string): number | null {
  const found = model.scenarios.find((s) => same(s.name, scenario));
  const row = found?.funds.find((f) => same(f.fund, fund));
  return row?.income ?? model.funds.find((f) => same(f.name, fund))?.income ?? null;
}

/**
 * Resolves the confirmed grant's fund and scenario.
 *
 * - Scenario: the `Confirmed scenario` setting (which must name a scenario), else the
 *   scenario named `Confirmed`, else the last one. It is compared against the scenario
 *   named `Indicative`, else the first other one.
 * - Fund: the `Grant fund` setting (which must name a fund), else the one fund whose
 *   income differs between the first two scenarios, else the first fund whose `Source`
 *   names the Ministry of Justice or MoJ, else `chosen` (the fund the user picked when
 *   asked), else the pane asks.
 *
 * @example
 * // Funds: Victim Services Grant (Source MoJ), Community Safety Fund (PCC);
 * // Scenarios: Indicative and Confirmed differ only in the Victim Services Grant's income.
 * resolveGrantTarget(model) // { kind: 'found', fund: 'Victim Services Grant', fundFrom: 'scenarios', scenario: 'Confirmed', compareWith: 'Indicative', row: 1 }
 */
export function resolveGrantTarget(model: Model, chosen?: string): GrantTarget {
  const names = scenarioNames(model);
  const funds = model.funds.map((f) => f.name);
  if (funds.length === 0) return { kind: 'problem', problem: { what: 'no-funds' } };

  const setScenario = model.settings.confirmedScenario;
  let scenario: string | undefined;
  if (setScenario !== '') {
    scenario = names.find((name) => same(name, setScenario));
    if (scenario === undefined) return { kind: 'problem', problem: { what: 'unknown-scenario', written: setScenario, scenarios: names } };
  } else {
    scenario = names.find((name) => same(name, 'Confirmed')) ?? names[names.length - 1];
  }
  if (scenario === undefined) return { kind: 'problem', problem: { what: 'unknown-scenario', written: '', scenarios: names } };
  const confirmed = scenario;
  const others = names.filter((name) => name !== confirmed);
  const compareWith = others.find((name) => same(name, 'Indicative')) ?? others[0];
  if (compareWith === undefined) return { kind: 'problem', problem: { what: 'one-scenario', scenario: confirmed } };

  const found = (fund: string, fundFrom: GrantFundSource): GrantTarget => ({
    kind: 'found',
    fund,
    fundFrom,
    scenario: confirmed,
    compareWith,
    row: findScenarioIncomeRow(model, confirmed, fund),
  });

  const setFund = model.settings.grantFund;
  if (setFund !== '') {
    const fund = funds.find((name) => same(name, setFund));
    return fund === undefined ? { kind: 'problem', problem: { what: 'unknown-fund', written: setFund, funds } } : found(fund, 'setting');
  }
  const [first, second] = names;
  if (first !== undefined && second !== undefined) {
    const differing = funds.filter((fund) => incomeIn(model, first, fund) !== incomeIn(model, second, fund));
    if (differing.length === 1) return found(differing[0], 'scenarios');
  }
  const ministry = model.funds.find((fund) => MINISTRY.test(fund.source));
  if (ministry !== undefined) return found(ministry.name, 'source');
  const picked = chosen === undefined ? undefined : funds.find((name) => same(name, chosen));
  if (picked !== undefined) return found(picked, 'chosen');
  return { kind: 'ask', funds, scenario: confirmed, compareWith };
}
