/**
 * The model on 10,000 and 100,000 awards × 2 scenarios, against a naive float
 * implementation of the same rules on the same tables (goal <= 5×), and its cost per
 * award at 100,000 against 10,000 (goal: linear, ratio about 1). The command line's
 * figures are in cli.ts.
 */
import { dayNumber, fromExcelSerial, parseIsoDate, type CalendarDate } from '../src/engine/dates';
import { generateModel, readModel, runModel } from '../src/engine/model';
import type { CellValue, TableData } from '../src/engine/sheet';
import { type BenchResult, round, time } from './harness';

const TODAY = '2021-01-15';
const STAMP = '2021-01-15T09:00:00Z';

function byName(tables: readonly TableData[]): Record<string, TableData> {
  return Object.fromEntries(tables.map((table) => [table.name, table]));
}

function exactRun(tables: Record<string, TableData>): number {
  const result = runModel(readModel(tables, TODAY), { stamp: STAMP, today: TODAY });
  return result.allocations.length;
}

/** Reads a column of a table by header, as numbers (blank and junk as 0). */
function column(table: TableData, header: string): CellValue[] {
  const index = table.headers.indexOf(header);
  return table.rows.map((row) => row[index] ?? null);
}

const num = (value: CellValue): number => (typeof value === 'number' ? value : Number(value ?? 0) || 0);
const date = (value: CellValue): CalendarDate | null =>
  typeof value === 'number' ? fromExcelSerial(value) : typeof value === 'string' && value !== '' ? parseIsoDate(value) : null;

/** The fraction of financial year 2021/22 an award covers, months basis, in floats. */
function monthsFraction(start: CalendarDate | null, end: CalendarDate | null): number {
  const from = start ? dayNumber(start) : -Infinity;
  const to = end ? dayNumber(end) : Infinity;
  let months = 0;
  for (let m = 0; m < 12; m++) {
    const year = m < 9 ? 2021 : 2022;
    const month = ((m + 3) % 12) + 1;
    const first = dayNumber({ year, month, day: 1 });
    const length = dayNumber(month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 }) - first;
    const covered = Math.min(first + length - 1, to) - Math.max(first, from) + 1;
    if (covered > 0) months += covered / length;
  }
  return months / 12;
}

/** The same rules in plain floats: no decimal, no largest remainder, no checks. */
function naiveRun(tables: Record<string, TableData>): number {
  const funds = tables.Funds;
  const awards = tables.Awards;
  const scenarios = tables.Scenarios;
  const fundNames = column(funds, 'Fund').map(String);
  const fundIndex = new Map(fundNames.map((name, i) => [name, i]));
  const opening = column(funds, 'Opening balance').map(num);
  const income = column(funds, 'Income').map(num);
  const floor = column(funds, 'Floor').map(num);
  const fund = column(awards, 'Fund').map((name) => fundIndex.get(String(name)) ?? -1);
  const rule = column(awards, 'Rule').map((r) => String(r).toUpperCase());
  const prior = column(awards, 'Prior year').map(num);
  const value = column(awards, 'Value').map(num);
  const locked = column(awards, 'Locked').map((l) => l === 'Yes');
  const ends = column(awards, 'End');
  const fraction = column(awards, 'Start').map((start, i) => monthsFraction(date(start), date(ends[i])));

  const names = [...new Set(column(scenarios, 'Scenario').map(String))];
  let rows = 0;
  for (const scenario of names) {
    const scenarioIncome = [...income];
    scenarios.rows.forEach((row) => {
      const [name, fundName, amount] = [row[scenarios.headers.indexOf('Scenario')], row[scenarios.headers.indexOf('Fund')], row[scenarios.headers.indexOf('Income')]];
      if (String(name) === scenario && fundName !== null) scenarioIncome[fundIndex.get(String(fundName)) ?? 0] = num(amount);
    });
    const available = opening.map((o, f) => o + scenarioIncome[f]);
    const amount = new Float64Array(rule.length);
    const fixed = new Float64Array(fundNames.length);
    const scalable = new Float64Array(fundNames.length);
    const weights = new Float64Array(fundNames.length);
    rule.forEach((r, i) => {
      const f = fund[i];
      if (r === 'FLAT') amount[i] = prior[i] * fraction[i];
      else if (r === 'CHANGE') amount[i] = prior[i] * (1 + value[i]) * fraction[i];
      else if (r === 'FIXED') amount[i] = value[i] * fraction[i];
      else if (r === 'TOPSLICE') amount[i] = value[i] * available[f];
      else if (r === 'SHARE') weights[f] += value[i];
      if (r === 'TOPSLICE' || (locked[i] && r !== 'SHARE')) fixed[f] += amount[i];
      else if (r !== 'SHARE') scalable[f] += amount[i];
    });
    const factor = available.map((a, f) => Math.min(1, Math.max(0, a - floor[f] - fixed[f]) / (scalable[f] || 1)));
    const left = new Float64Array(fundNames.length);
    rule.forEach((r, i) => {
      const f = fund[i];
      if (r !== 'SHARE' && r !== 'TOPSLICE' && !locked[i]) amount[i] = round(amount[i] * factor[f]);
      if (r !== 'SHARE') left[f] += amount[i];
    });
    rule.forEach((r, i) => {
      const f = fund[i];
      if (r === 'SHARE') amount[i] = round((Math.max(0, available[f] - floor[f] - left[f]) * value[i]) / (weights[f] || 1));
    });
    rows += amount.length;
  }
  return rows;
}

export function runModelBench(): BenchResult[] {
  const results: BenchResult[] = [];
  const perAward: Record<number, number> = {};
  for (const awards of [10_000, 100_000]) {
    const tables = byName(generateModel(awards, 7));
    const runs = awards > 10_000 ? 3 : 5;
    const exactMs = time(() => exactRun(tables), runs);
    const naiveMs = time(() => naiveRun(tables), runs);
    perAward[awards] = exactMs / awards;
    const ratio = exactMs / naiveMs;
    results.push({
      name: `model on ${awards.toLocaleString('en-GB')} awards x 2 scenarios: exact / naive float`,
      ratio,
      goal: '<= 5',
      met: ratio <= 5,
      exact_ms: round(exactMs, 1),
      naive_ms: round(naiveMs, 1),
    });
  }
  const linear = perAward[100_000] / perAward[10_000];
  results.push({
    name: 'model cost per award: 100,000 / 10,000 awards',
    ratio: linear,
    goal: '~1 (linear; <= 1.5)',
    met: linear <= 1.5,
    us_per_award_10k: round(perAward[10_000] * 1000, 2),
    us_per_award_100k: round(perAward[100_000] * 1000, 2),
  });
  return results;
}
