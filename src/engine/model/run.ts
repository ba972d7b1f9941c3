/** Running a model's scenarios: allocations, ledger, checks, comparison, commitments, appendices. */
import { nearestName } from '../nearest';
import { allocateFund, noteText, type ScenarioAmounts } from './allocation';
import { buildAppendices } from './appendix';
import { awardChecks, envelopeChecks, envelopeOfAwards, watchedAwards, type WatchedAward } from './checks';
import { commissioningYear } from './calendar';
import { commitments, commitmentYears } from './commitments';
import { contractChecks } from './contracts';
import { compareScenarios } from './comparison';
import { ModelInputError } from './errors';
import type { Model, Scenario } from './inputs';
import { ledgerRow } from './ledger';
import { prepareLines, type PreparedModel } from './lines';
import { messages } from './messages';
import type { ScenarioOutcome } from './outcome';
import { procuredAwards, procurementChecks, type ProcuredAward } from './procurement';
import { toPounds } from './pence';
import type { AllocationRow, Check, LedgerRow, ModelResult, RunOptions, Severity } from './types';
import { isAwardRowProblem, unreadRows, unreadRowsOf, type UnreadRows } from './unread';

/** The scenario of that name (trimmed, case-blind); an unknown name is a `ModelInputError`. */
export function findScenario(model: Model, name: string): Scenario {
  const wanted = name.trim().toLowerCase();
  const found = model.scenarios.find((scenario) => scenario.name.toLowerCase() === wanted);
  if (found === undefined) {
    const names = model.scenarios.map((scenario) => scenario.name);
    throw new ModelInputError(
      messages.unknownScenario(name, names, nearestName(name, names)),
      { table: 'Scenarios', sheet: model.sheets.Scenarios, column: 'Scenario' },
    );
  }
  return found;
}

interface Plan {
  run: Scenario[];
  compare: [Scenario, Scenario] | null;
  appendix: Scenario;
}

/**
 * Which scenarios to run: those asked for (all when none are), plus any asked to be
 * compared or shown in the appendices that were not, run first so that the scenarios
 * asked for still come last. The default comparison is the first two scenarios run,
 * in `Scenarios` table order (the table's first two when all are run).
 */
function plan(model: Model, options: RunOptions): Plan {
  const asked = options.scenarios === undefined || options.scenarios.length === 0
    ? model.scenarios
    : options.scenarios.map((name) => findScenario(model, name));
  const compare: [Scenario, Scenario] | null = options.compare === undefined
    ? null
    : [findScenario(model, options.compare[0]), findScenario(model, options.compare[1])];
  const appendixAsked = options.appendixScenario === undefined ? null : findScenario(model, options.appendixScenario);

  const extra: Scenario[] = [];
  for (const scenario of [...(compare ?? []), ...(appendixAsked === null ? [] : [appendixAsked])]) {
    if (!asked.includes(scenario) && !extra.includes(scenario)) extra.push(scenario);
  }
  const run: Scenario[] = [];
  for (const scenario of [...extra, ...asked]) if (!run.includes(scenario)) run.push(scenario);

  let pair = compare;
  if (pair === null) {
    const inOrder = model.scenarios.filter((scenario) => run.includes(scenario));
    pair = inOrder.length >= 2 ? [inOrder[0], inOrder[1]] : null;
  }
  return { run, compare: pair, appendix: appendixAsked ?? run[run.length - 1] };
}

/** What every scenario's run shares, worked out once. */
interface RunContext {
  model: Model;
  prepared: PreparedModel;
  watched: readonly WatchedAward[];
  envelopes: readonly (number | undefined)[];
  unread: UnreadRows;
  /** The Notes of each award a row problem left at 0, by position in `Model.awards`. */
  zeroedNotes: Map<number, string>;
  procured: readonly ProcuredAward[];
}

function runScenario({ model, prepared, watched, envelopes, unread, procured }: RunContext, scenario: Scenario): ScenarioOutcome {
  const count = model.awards.length;
  const out: ScenarioAmounts = {
    scenario: scenario.name,
    amounts: new Float64Array(count),
    notes: new Uint8Array(count),
    checks: [],
  };
  const settings = new Map(scenario.funds.map((entry) => [entry.fund, entry]));
  const funds = prepared.funds.map((group) => {
    const entry = settings.get(group.fund.name);
    const held = unreadRowsOf(unread, scenario.name, group.fund.name);
    return allocateFund(prepared, group, entry?.income ?? group.fund.income, entry?.fit ?? scenario.fit, out, held);
  });
  const threshold = model.procurement.length > 0 ? null : model.settings.tenderThreshold;
  awardChecks(watched, out.amounts, scenario.name, threshold, out.checks);
  procurementChecks(model, prepared, procured, { amounts: out.amounts, notes: out.notes, funds }, scenario.name, out.checks);
  envelopeChecks(model, envelopes, out.amounts, scenario.name, out.checks);
  return { scenario, amounts: out.amounts, notes: out.notes, funds, checks: out.checks };
}

/** Writes one scenario's allocation rows into `rows` from position `at`. */
function allocationRows(
  { model, prepared, zeroedNotes }: RunContext,
  outcome: ScenarioOutcome,
  rows: AllocationRow[],
  at: number,
): void {
  const scenario = outcome.scenario.name;
  const { amounts, notes } = outcome;
  const { awards } = model;
  for (let i = 0; i < awards.length; i++) {
    const award = awards[i];
    const amount = amounts[i];
    const prior = prepared.prior[i];
    const change = amount - prior;
    rows[at + i] = {
      scenario,
      ref: award.ref,
      recipient: award.recipient,
      service: award.service,
      fund: award.fund,
      priorYear: award.priorYear,
      amount: toPounds(amount),
      change: toPounds(change),
      changePct: prior === 0 ? null : change / prior,
      notes: award.zeroed ? (zeroedNotes.get(i) ?? noteText(notes[i])) : noteText(notes[i]),
    };
  }
}

/** The Notes of each award left at 0 by a row problem: what the problems were, and in which columns. */
function zeroedNotesOf(model: Model): Map<number, string> {
  const positionOfRow = new Map<number, number>();
  model.awards.forEach((award, i) => {
    if (award.zeroed) positionOfRow.set(award.row, i);
  });
  const problems = new Map<number, { check: string; column?: string }[]>();
  for (const check of model.rowChecks) {
    if (!isAwardRowProblem(check) || check.row === undefined) continue;
    const i = positionOfRow.get(check.row);
    if (i === undefined) continue;
    const list = problems.get(i) ?? [];
    list.push({ check: check.check, column: check.column });
    problems.set(i, list);
  }
  return new Map([...problems].map(([i, list]) => [i, messages.leftAtZeroNote(list)]));
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Runs the scenarios asked for (all when none are) and builds every output: the
 * allocations of every award under every scenario, the fund ledger, the checks (errors
 * first, then warnings, then information; row problems before a run's own), the
 * comparison, the commitments (for the last scenario run), the appendices, and the
 * payments and calendar (for the scenario the appendices show).
 *
 * @throws {ModelInputError} for a scenario (to run, compare or show) the model lacks
 */
export function runModel(model: Model, options: RunOptions): ModelResult {
  const { run, compare, appendix } = plan(model, options);
  const prepared = prepareLines(model);
  const context: RunContext = {
    model, prepared, watched: watchedAwards(model), envelopes: envelopeOfAwards(model), procured: procuredAwards(model),
    unread: unreadRows(model), zeroedNotes: zeroedNotesOf(model),
  };
  const outcomes = new Map<Scenario, ScenarioOutcome>();
  for (const scenario of run) outcomes.set(scenario, runScenario(context, scenario));
  const outcomeOf = (scenario: Scenario): ScenarioOutcome => {
    const outcome = outcomes.get(scenario);
    if (outcome === undefined) throw new RangeError(`runModel: scenario ${scenario.name} was not run`);
    return outcome;
  };

  const allocations = new Array<AllocationRow>(run.length * model.awards.length);
  const ledger: LedgerRow[] = [];
  const checks: Check[] = [...model.rowChecks, ...contractChecks(model)];
  for (const [position, scenario] of run.entries()) {
    const outcome = outcomeOf(scenario);
    allocationRows(context, outcome, allocations, position * model.awards.length);
    for (const fund of outcome.funds) ledger.push(ledgerRow(scenario.name, fund));
    for (const check of outcome.checks) checks.push(check);
  }
  // A stable sort: within a severity, checks keep the order they were found in.
  checks.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);

  const last = outcomeOf(run[run.length - 1]);
  const shown = outcomeOf(appendix);
  const year = commissioningYear(model, appendix.name, shown.amounts);
  return {
    financialYear: model.settings.financialYear,
    scenariosRun: run.map((scenario) => scenario.name),
    stamp: options.stamp,
    ...(options.runAt === undefined ? {} : { runAt: { ...options.runAt } }),
    allocations,
    ledger,
    checks,
    comparison: compare === null ? null : compareScenarios(model, outcomeOf(compare[0]), outcomeOf(compare[1])),
    commitmentYears: commitmentYears(model.settings.startYear),
    commitments: commitments(model, prepared, last),
    appendices: buildAppendices(model, shown, prepared),
    payments: year.payments,
    calendar: year.calendar,
  };
}
