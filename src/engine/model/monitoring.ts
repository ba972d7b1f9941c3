/**
 * Monitoring (SPEC section 3, the commissioning cycle's Review): the optional
 * `Monitoring` table's rules, which awards each applies to, and when its events fall.
 *
 * A rule applies to the awards of its fund (a blank `Fund`: every fund) whose amount
 * for the year is above its `Minimum amount`. For the same `What` (matched trimmed and
 * case-blind), rules naming the award's fund replace the blank-fund rules; of the rules
 * left that apply, the one with the highest minimum wins — so a £10,000 monitoring
 * meeting rule and a £50,000 one make bands. Events fall at the end of each
 * `Every (months)` period from the award's start (blank: the year's start), and at its
 * end (blank: the year's end), on the days inside the model year.
 */
import { dayNumber, fromDayNumber, type CalendarDate } from '../dates';
import type { FiscalYear } from '../fiscalYear';
import type { TableData } from '../sheet';
import { RowCells } from './cells';
import type { Award, Fund, MonitoringRule } from './inputs';
import { messages } from './messages';
import { periodEndDay } from './months';
import { toPence } from './pence';
import { MONITORING, openTable } from './schema';
import type { Check } from './types';

/** The Monitoring table's rules in table order; rows that cannot be used become error checks and are left out. */
export function readMonitoring(tables: Readonly<Record<string, TableData>>, funds: readonly Fund[], checks: Check[]): MonitoringRule[] {
  const table = openTable(tables, MONITORING);
  if (table === null) return [];
  const col = {
    fund: table.column('Fund'), minimum: table.column('Minimum amount'), what: table.column('What'), every: table.column('Every (months)'),
  };
  const fundNames = new Map(funds.map((fund) => [fund.name.toLowerCase(), fund.name]));
  const rules: MonitoringRule[] = [];
  const cells = new RowCells();
  for (let row = 0; row < table.rows.length; row++) {
    cells.cells = table.rows[row];
    if (cells.isBlank()) continue;
    const problem = (check: string, column: string, message: string): void => {
      checks.push({ severity: 'error', scenario: '', fund: '', ref: '', check, message, table: MONITORING.name, row, column });
    };
    const what = cells.text(col.what);
    if (what === '') {
      problem('Missing value', 'What', messages.monitoringNoWhat(row));
      continue;
    }
    const fundText = cells.text(col.fund);
    const fund = fundText === '' ? null : fundNames.get(fundText.toLowerCase());
    if (fund === undefined) {
      problem('Unknown fund', 'Fund', messages.monitoringUnknownFund(what, fundText));
      continue;
    }
    const minimum = cells.money(col.minimum);
    if (minimum !== null && typeof minimum !== 'number') {
      problem('Not a number', 'Minimum amount', messages.monitoringBadMinimum(what, minimum.text));
      continue;
    }
    const every = cells.number(col.every);
    if (typeof every !== 'number' || !Number.isInteger(every) || every < 1 || every > 120) {
      const text = every === null ? '' : typeof every === 'number' ? String(every) : every.text;
      problem(every === null ? 'Missing value' : 'Bad value', 'Every (months)', messages.monitoringBadEvery(what, text));
      continue;
    }
    rules.push({ fund, minimum: minimum ?? 0, what, everyMonths: every, row });
  }
  return rules;
}

/**
 * The rules an award of one fund may take, flat: for each `What` (in order of first
 * appearance), its rules highest minimum first, the earlier row first among equals.
 * `groupEnd[g]` is where group `g`'s entries end; each entry is a rule (its index in
 * the rules) and its minimum in pence.
 */
export interface FundRules {
  groupEnd: Int32Array;
  rule: Int32Array;
  minimum: Float64Array;
}

/**
 * The monitoring rules as they apply to each fund: for every fund, one group per
 * `What` (in order of first appearance), worked out once for a run.
 */
export class MonitoringPlan {
  private readonly byFund = new Map<string, FundRules>();
  /** The most rules an award can take: one per `What`. */
  readonly mostTaken: number;

  constructor(private readonly rules: readonly MonitoringRule[]) {
    this.mostTaken = new Set(rules.map((rule) => whatKey(rule.what))).size;
  }

  get isEmpty(): boolean {
    return this.rules.length === 0;
  }

  /** The last fund asked for, and its rules (awards come fund by fund, mostly). */
  private lastFund: string | null = null;
  private lastRules: FundRules | null = null;

  /** The rules an award of a fund may take (worked out on first asking). */
  rulesOf(fund: string): FundRules {
    if (fund === this.lastFund && this.lastRules !== null) return this.lastRules;
    const known = this.byFund.get(fund) ?? this.plan(fund);
    this.lastFund = fund;
    this.lastRules = known;
    return known;
  }

  private plan(fund: string): FundRules {
    const whats: string[] = [];
    const of = new Map<string, { own: number[]; every: number[] }>();
    this.rules.forEach((rule, index) => {
      if (rule.fund !== null && rule.fund !== fund) return;
      const key = whatKey(rule.what);
      let entry = of.get(key);
      if (entry === undefined) {
        entry = { own: [], every: [] };
        of.set(key, entry);
        whats.push(key);
      }
      (rule.fund === null ? entry.every : entry.own).push(index);
    });
    const groupEnd: number[] = [];
    const ordered: { rule: number; minimum: number }[] = [];
    for (const key of whats) {
      const entry = of.get(key) ?? { own: [], every: [] };
      const chosen = (entry.own.length > 0 ? entry.own : entry.every).map((rule) => ({ rule, minimum: toPence(this.rules[rule].minimum) }));
      // Highest minimum first; the earlier row first among equals (a stable sort).
      chosen.sort((a, b) => b.minimum - a.minimum);
      ordered.push(...chosen);
      groupEnd.push(ordered.length);
    }
    const found: FundRules = {
      groupEnd: Int32Array.from(groupEnd),
      rule: Int32Array.from(ordered, (entry) => entry.rule),
      minimum: Float64Array.from(ordered, (entry) => entry.minimum),
    };
    this.byFund.set(fund, found);
    return found;
  }

  /** The rules an award of `amount` pence for the year takes: at most one per `What`. */
  rulesFor(award: Award, amount: number): MonitoringRule[] {
    const taken = new Int32Array(this.mostTaken);
    const count = this.rulesInto(award, amount, taken, 0);
    return Array.from(taken.subarray(0, count), (rule) => this.rules[rule]);
  }

  /**
   * {@link rulesFor} as the rules' indexes, written into `out` from `at` (a buffer
   * shared by every award); returns how many.
   */
  rulesInto(award: Award, amount: number, out: Int32Array, at: number): number {
    return MonitoringPlan.takenInto(this.rulesOf(award.fund), amount, out, at);
  }

  /** {@link rulesInto} from a fund's rules (see `rulesOf`), for a caller that keeps them by fund. */
  static takenInto({ groupEnd, rule, minimum }: FundRules, amount: number, out: Int32Array, at: number): number {
    let count = 0;
    for (let g = 0, entry = 0; g < groupEnd.length; entry = groupEnd[g++]) {
      for (; entry < groupEnd[g]; entry++) {
        if (amount > minimum[entry]) {
          out[at + count++] = rule[entry];
          break;
        }
      }
    }
    return count;
  }
}

/** A `What` as matched: trimmed and case-blind. */
function whatKey(what: string): string {
  return what.trim().toLowerCase();
}

/** Where `monitoringDays` says whether its last day is the award's end but not a period's end. */
export interface MonitoringEnd {
  atEnd: boolean;
}

/**
 * Writes into `out` the days (day numbers, see `dayNumber`) a rule's events fall on for
 * an award in the model year (`first` to `last` as day numbers), in date order, and returns how many:
 * the end of each `everyMonths` period from `start` (the award's start, or the year's),
 * and `end` (the award's end day, or the year's) — `ends.atEnd` true when that end is
 * not also the end of a period.
 */
export function monitoringDays(
  start: CalendarDate, end: number, everyMonths: number, year: FiscalYear, first: number, last: number, out: number[], ends: MonitoringEnd,
): number {
  ends.atEnd = false;
  if (end < dayNumber(start)) return 0;
  const stop = end < last ? end : last;
  let count = 0;
  let endIsPeriodEnd = false;
  // Periods that end before the year are skipped by counting, not one by one.
  const monthsBeforeYear = (year.start.year - start.year) * 12 + year.start.month - start.month;
  for (let k = Math.max(1, Math.floor(monthsBeforeYear / everyMonths)); ; k++) {
    const day = periodEndDay(start.year, start.month, start.day, k * everyMonths);
    if (day > stop) break;
    if (day === end) {
      endIsPeriodEnd = true;
      break;
    }
    if (day >= first) out[count++] = day;
  }
  if (end >= first && end <= last) {
    out[count++] = end;
    ends.atEnd = !endIsPeriodEnd;
  }
  return count;
}

/**
 * Calls `emit` for each day a rule's events fall on for an award in the model year, in
 * date order (see `monitoringDays`).
 */
export function eachMonitoringDate(
  period: Pick<Award, 'start' | 'end'>,
  everyMonths: number,
  year: FiscalYear,
  emit: (date: CalendarDate, atEnd: boolean) => void,
): void {
  const days: number[] = [];
  const ends = { atEnd: false };
  const count = monitoringDays(period.start ?? year.start, dayNumber(period.end ?? year.end), everyMonths,
    year, dayNumber(year.start), dayNumber(year.end), days, ends);
  for (let k = 0; k < count; k++) emit(fromDayNumber(days[k]), k === count - 1 && ends.atEnd);
}

/**
 * The days a rule's events fall on for an award in the model year, in date order.
 *
 * @example
 * monitoringDates({ start: null, end: null }, 6, fiscalYearOf(2021)) //=> [2021-09-30, 2022-03-31]
 */
export function monitoringDates(period: Pick<Award, 'start' | 'end'>, everyMonths: number, year: FiscalYear): CalendarDate[] {
  const dates: CalendarDate[] = [];
  eachMonitoringDate(period, everyMonths, year, (date) => dates.push(date));
  return dates;
}
