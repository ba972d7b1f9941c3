/**
 * The answer at the top of the pane (SPEC §4): what a chief executive reads first after
 * a run — per fund what is available, awarded and left; the indicative scenario against
 * the confirmed one, in pounds and per cent; the recipients' largest increases and cuts;
 * and how many errors and warnings the run found. Read straight off one run's result,
 * in whole pence, so the glance, Compare and the chart cannot disagree.
 */
import { nextEvents, sumPounds, summariseChecks, type CalendarEvent, type ComparisonRow, type ModelResult } from '../engine/model';
import { changeOf, type Change } from './glance';

export type { Change } from './glance';

/** One fund's money in one scenario. */
export interface FundMoney {
  fund: string;
  /** What the fund can award: opening balance and income above its floor (awarded + left). */
  available: number;
  awarded: number;
  /** Headroom: what is left above the floor after the awards. */
  left: number;
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

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The checks of one fund (`fund`) with the checks of no fund, or all of them (`''`). */
export function checksOf<T extends { fund: string }>(checks: readonly T[], fund: string): T[] {
  return checks.filter((check) => fund === '' || check.fund === '' || same(check.fund, fund));
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
      available: sumPounds([row.awarded, row.headroom]),
      awarded: row.awarded,
      left: row.headroom,
    }));
  const lines = comparison === null ? [] : comparison.rows.filter((row) => inFund(row.fund));
  const byVariance = [...lines].sort((a, b) => b.variance - a.variance || a.ref.localeCompare(b.ref));
  const increases = byVariance.filter((row) => row.variance > 0).slice(0, top);
  const cuts = byVariance.filter((row) => row.variance < 0).reverse().slice(0, top);
  const fundTotals = comparison === null ? [] : comparison.fundTotals.filter((row) => inFund(row.fund));
  const summary = summariseChecks(checksOf(result.checks, fund), result.scenariosRun);
  return {
    scenario,
    funds,
    comparison: comparison === null
      ? null
      : {
          first: comparison.first,
          second: comparison.second,
          funds: fundTotals.map((row) => changeOf(row.fund, [row])),
          total: changeOf('All funds', fundTotals),
        },
    increases,
    cuts,
    counts: summary.counts,
    fund,
    upcoming: today === undefined ? [] : nextEvents({ ...result.calendar, events: result.calendar.events.filter((event) => inFund(event.fund)) }, today, UPCOMING),
  };
}
