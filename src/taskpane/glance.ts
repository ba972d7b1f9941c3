/**
 * Indicative against confirmed at a glance: what the pane shows after the confirmed
 * grant is entered, read straight off the run's comparison and allocations.
 */
import { sumPounds, type ComparisonRow, type ModelResult } from '../engine/model';

/** A fund's (or all funds') change from the first scenario compared to the second. */
export interface Change {
  label: string;
  first: number;
  second: number;
  /** Second minus first. */
  variance: number;
  /** Variance as a fraction of the first; null when the first is 0. */
  variancePct: number | null;
}

/** One column of the glance: a fund, or all funds together. */
export interface GlanceTotals extends Change {
  /** Lines of the second scenario the fit scaled. */
  linesScaled: number;
  /** Lines of the second scenario in all (what the scaled ones are out of). */
  lines: number;
}

export interface Glance {
  first: string;
  second: string;
  fund: GlanceTotals | null;
  allFunds: GlanceTotals;
}

/** The change over comparison rows (a fund's total, or several), added exactly as whole pence. */
export function changeOf(label: string, rows: readonly ComparisonRow[]): Change {
  const first = sumPounds(rows.map((row) => row.first));
  const second = sumPounds(rows.map((row) => row.second));
  const variance = sumPounds([second, -first]);
  return { label, first, second, variance, variancePct: first === 0 ? null : variance / first };
}

function totals(label: string, rows: readonly ComparisonRow[], linesScaled: number, lines: number): GlanceTotals {
  return { ...changeOf(label, rows), linesScaled, lines };
}

/**
 * The glance of a run that compared two scenarios: the named fund's totals (null if the
 * model has no such fund) and all funds', with how many lines the fit scaled out of
 * how many the second scenario has (so a fund's column and all funds' say different things).
 *
 * @throws {RangeError} when the run compared nothing
 */
export function glanceOf(result: ModelResult, fund: string): Glance {
  const comparison = result.comparison;
  if (comparison === null) throw new RangeError('glanceOf: the run has no comparison');
  const second = result.allocations.filter((row) => row.scenario === comparison.second);
  const scaled = second.filter((row) => row.notes.split('; ').includes('scaled'));
  const wanted = fund.trim().toLowerCase();
  const inFund = (row: { fund: string }): boolean => row.fund.toLowerCase() === wanted;
  const fundRow = comparison.fundTotals.find(inFund);
  return {
    first: comparison.first,
    second: comparison.second,
    fund: fundRow === undefined
      ? null
      : totals(fundRow.fund, [fundRow], scaled.filter(inFund).length, second.filter(inFund).length),
    allFunds: totals('All funds', comparison.fundTotals, scaled.length, second.length),
  };
}
