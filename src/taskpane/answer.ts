/**
 * The answer at the top of the pane (SPEC §4): what a chief executive reads first after
 * a run — per fund what is available, awarded and left; the indicative scenario against
 * the confirmed one, in pounds and per cent; the recipients' largest increases and cuts;
 * and how many errors and warnings the run found. Read straight off one run's result,
 * in whole pence, so the glance, Compare and the chart cannot disagree.
 */
import { nextEvents, summariseChecks, type CalendarEvent, type ComparisonRow, type ModelResult } from '../engine/model';

/** One fund's money in one scenario. */
export interface FundMoney {
  fund: string;
  /** What the fund can award: opening balance and income above its floor (awarded + left). */
  available: number;
  awarded: number;
  /** Headroom: what is left above the floor after the awards. */
  left: number;
}

/** A fund's (or all funds') indicative-to-confirmed change. */
export interface Change {
  label: string;
  first: number;
  second: number;
  variance: number;
  /** Variance as a fraction of the first; null when the first is 0. */
  variancePct: number | null;
}

export interface Answer {
  /** The scenario the fund money is for: the second compared, else the last run. */
  scenario: string;
  funds: FundMoney[];
  /** Null when the run compared nothing. */
  comparison: { first: string; second: string; funds: Change[]; total: Change } | null;
  /** Recipients' lines with the largest rises (largest first), at most `top`. */
  increases: ComparisonRow[];
  /** Recipients' lines with the largest cuts (largest first), at most `top`. */
  cuts: ComparisonRow[];
  counts: { error: number; warning: number; info: number };
  /** The fund shown ('' for all funds). */
  fund: string;
  /** The next events of the commissioning calendar from today (payments, monitoring, term dates). */
  upcoming: CalendarEvent[];
}

/** How many of the calendar's next events the answer lists. */
export const UPCOMING = 5;

const pence = (pounds: number): number => Math.round(pounds * 100);
const pounds = (p: number): number => p / 100;
const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

function change(label: string, rows: readonly ComparisonRow[]): Change {
  let first = 0;
  let second = 0;
  for (const row of rows) {
    first += pence(row.first);
    second += pence(row.second);
  }
  const variance = second - first;
  return { label, first: pounds(first), second: pounds(second), variance: pounds(variance), variancePct: first === 0 ? null : variance / first };
}

/**
 * The answer of a run, for one fund (`fund`) or all (`''`).
 *
 * @param top how many increases and cuts to list
 * @param today ISO date: list the calendar's next events from it (none when absent)
 */
export function answerOf(result: ModelResult, fund = '', top = 3, today?: string): Answer {
  const comparison = result.comparison;
  const scenario = comparison?.second ?? result.scenariosRun[result.scenariosRun.length - 1] ?? '';
  const inFund = (name: string): boolean => fund === '' || same(name, fund);
  const funds = result.ledger
    .filter((row) => row.scenario === scenario && inFund(row.fund))
    .map((row) => ({
      fund: row.fund,
      available: pounds(pence(row.awarded) + pence(row.headroom)),
      awarded: row.awarded,
      left: row.headroom,
    }));
  const lines = comparison === null ? [] : comparison.rows.filter((row) => inFund(row.fund));
  const byVariance = [...lines].sort((a, b) => b.variance - a.variance || a.ref.localeCompare(b.ref));
  const increases = byVariance.filter((row) => row.variance > 0).slice(0, top);
  const cuts = byVariance.filter((row) => row.variance < 0).reverse().slice(0, top);
  const fundTotals = comparison === null ? [] : comparison.fundTotals.filter((row) => inFund(row.fund));
  const summary = summariseChecks(
    result.checks.filter((check) => fund === '' || check.fund === '' || same(check.fund, fund)),
    result.scenariosRun,
  );
  return {
    scenario,
    funds,
    comparison: comparison === null
      ? null
      : {
          first: comparison.first,
          second: comparison.second,
          funds: fundTotals.map((row) => change(row.fund, [row])),
          total: change('All funds', fundTotals),
        },
    increases,
    cuts,
    counts: summary.counts,
    fund,
    upcoming: today === undefined ? [] : nextEvents({ ...result.calendar, events: result.calendar.events.filter((event) => inFund(event.fund)) }, today, UPCOMING),
  };
}
