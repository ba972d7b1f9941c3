/**
 * The model on 10,000 and 100,000 awards × 2 scenarios, against a naive float
 * implementation of the same rules on the same tables (goal <= 5×), and its cost per
 * award at 100,000 against 10,000 (goal: linear, ratio about 1); and what the
 * commissioning year (payments and the calendar, with monitoring rules, payment plans
 * and contract terms on every award) adds to the model's run of 10,000 awards (goal
 * <= 20%). The command line's figures are in cli.ts.
 */
import { dayNumber, fromExcelSerial, parseIsoDate, toExcelSerial, type CalendarDate } from '../src/engine/dates';
import { generateModel, outputSheets, readModel, runModel, type ModelResult } from '../src/engine/model';
import { commissioningYear } from '../src/engine/model/calendar';
import { contractChecks } from '../src/engine/model/contracts';
import { toPence } from '../src/engine/model/pence';
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
  results.push(commissioningFigure());
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

/**
 * The generated model with the commissioning year's inputs on every award: payment
 * plans in turn (single, quarterly, monthly), contract terms on one award in five, the
 * reports' monitoring rules and procurement bands.
 */
function withCommissioningYear(tables: Record<string, TableData>): Record<string, TableData> {
  const awards = tables.Awards;
  const fyStart = toExcelSerial({ year: 2021, month: 4, day: 1 });
  const plans = ['Single', 'Quarterly', 'Monthly'];
  const rows = awards.rows.map((row, i): CellValue[] => {
    const contract = i % 5 === 0;
    return [
      ...row, plans[i % 3], contract ? fyStart - 365 * (i % 4) : null, contract ? 36 : null, contract ? `${i % 4}x12` : null, null,
    ];
  });
  return {
    ...tables,
    Awards: { ...awards, headers: [...awards.headers, 'Payment', 'Contract start', 'Term (months)', 'Extensions', 'Extended to'], rows },
    Monitoring: {
      name: 'Monitoring', sheet: 'Monitoring', headers: ['Fund', 'Minimum amount', 'What', 'Every (months)'],
      rows: [[null, 0, 'Monitoring return', 6], [null, 10000, 'Monitoring meeting', 6], ['Fund 1', 10000, 'Monitoring meeting', 3], ['Fund 2', 0, 'Monitoring return', 6]],
    },
    Procurement: {
      name: 'Procurement', sheet: 'Procurement', headers: ['From', 'Requirement', 'Routes'],
      rows: [[0, 'One written quote', 'Quote, Tender, Contract'], [5000, 'Three written quotes', 'Three quotes, Tender, Contract'], [50000, 'Competitive tender', 'Tender, Contract']],
    },
  };
}

/** CPU time of `fn` in milliseconds (this process's, so less moved by other work on the machine). */
function cpuOnce(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The median of some numbers. */
function middle(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Medians of `runs` samples (each several figures), after a warm-up of five. */
function medians<T extends string>(sample: () => Record<T, number>, runs: number): Record<T, number> {
  for (let i = 0; i < 5; i++) sample();
  const samples = Array.from({ length: runs }, sample);
  const keys = Object.keys(samples[0]) as T[];
  return Object.fromEntries(keys.map((key) => [key, middle(samples.map((one) => one[key]))])) as Record<T, number>;
}

/**
 * The commissioning year's cost on 10,000 awards against the rest of the model's read
 * and run, timed in the same run: the median, over 21 samples, of each sample's ratio;
 * a sample times the whole read and run, then the year alone (so that both see the
 * same machine). The timed block makes every record the Payments and Calendar sheets,
 * the .ics/.csv files and the pane read: every event — each instalment (day, award,
 * number, pence), monitoring date and contract date — in its final date order, and
 * each fund's payments by month (and the contract checks). What stays outside is what
 * stays outside for every other output sheet: turning records into sheet rows (the
 * `CalendarEvent` and `PaymentRow` objects with their ISO dates, pounds and detail
 * text, then the cells), reported beside it (`rows_ms`) with, for comparison, the same
 * for the Allocations sheet's cells from the run's allocation rows (`allocations_rows_ms`).
 */
export function commissioningFigure(): BenchResult {
  const tables = withCommissioningYear(byName(generateModel(10_000, 7)));
  const options = { stamp: STAMP, today: TODAY };
  const model = readModel(tables, TODAY);
  const result = runModel(model, options);
  const scenario = result.scenariosRun[result.scenariosRun.length - 1];
  const amounts = Float64Array.from(result.allocations.filter((row) => row.scenario === scenario), (row) => toPence(row.amount));
  const timed = medians(() => {
    const run = cpuOnce(() => runModel(readModel(tables, TODAY), options));
    const year = cpuOnce(() => {
      commissioningYear(model, scenario, amounts);
      contractChecks(model);
    });
    return { run, year, ratio: year / (run - year) };
  }, 21);

  // The sheets of a result with nothing but one output, less those of an empty result: that output's rows and cells.
  const empty: ModelResult = {
    ...result, allocations: [], ledger: [], checks: [], comparison: null, commitments: [], appendices: [],
    payments: { ...result.payments, rows: [], fundTotals: [] }, calendar: { ...result.calendar, events: [] },
  };
  let events = 0;
  const sheets = medians(() => {
    const year = commissioningYear(model, scenario, amounts);
    const rows = cpuOnce(() => outputSheets({ ...empty, payments: year.payments, calendar: year.calendar }));
    events = year.calendar.events.length + year.payments.rows.length;
    const allocations = cpuOnce(() => outputSheets({ ...empty, allocations: result.allocations }));
    const none = cpuOnce(() => outputSheets(empty));
    return { rows: rows - none, allocations: allocations - none };
  }, 9);
  return {
    name: 'commissioning year (payments + calendar) on 10,000 awards: added / the rest of the model\'s read+run (CPU)',
    ratio: timed.ratio,
    goal: '<= 0.2',
    met: timed.ratio <= 0.2,
    year_ms: round(timed.year, 1),
    rest_ms: round(timed.run - timed.year, 1),
    events_and_rows: events,
    rows_ms: round(sheets.rows, 1),
    allocation_rows: result.allocations.length,
    allocations_rows_ms: round(sheets.allocations, 1),
  };
}
