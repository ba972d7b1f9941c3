/**
 * The model's public shapes (SPEC section 3). Results hold plain numbers, already
 * rounded to the penny: all arithmetic happens in decimal inside the engine, and
 * these are what leave it.
 */
import type { AppendixAmounts } from './inputs';
import type { LocalTime } from './stamp';

export type { LocalTime } from './stamp';

export type Severity = 'error' | 'warning' | 'info';

/** One finding of a run, naming where it is. Blank parts are `''`. */
export interface Check {
  severity: Severity;
  scenario: string;
  fund: string;
  ref: string;
  /** Short name of the check, e.g. `Ring fence`, `Award cap`, `Floor`, `Unknown fund`. */
  check: string;
  message: string;
  /** Where to take the user: the input table and 0-based body row, when there is one. */
  table?: string;
  row?: number;
  column?: string;
}

export interface AllocationRow {
  scenario: string;
  ref: string;
  recipient: string;
  service: string;
  fund: string;
  priorYear: number;
  amount: number;
  change: number;
  /** Fraction (0.051 for 5.1%); null when the prior year is 0. */
  changePct: number | null;
  /** What shaped it: `prorated`, `scaled`, `top-slice`, `share`, joined by `; `. */
  notes: string;
}

export interface LedgerRow {
  scenario: string;
  fund: string;
  openingBalance: number;
  income: number;
  awarded: number;
  closingBalance: number;
  floor: number;
  headroom: number;
}

export interface ComparisonRow {
  ref: string;
  recipient: string;
  fund: string;
  /** Amount under the first and the second compared scenario. */
  first: number;
  second: number;
  variance: number;
  variancePct: number | null;
}

export interface Comparison {
  first: string;
  second: string;
  rows: ComparisonRow[];
  /** One total per fund, in fund order. */
  fundTotals: ComparisonRow[];
}

export interface CommitmentRow {
  ref: string;
  recipient: string;
  fund: string;
  /** One amount per year in `ModelResult.commitmentYears`. */
  years: number[];
}

export interface AppendixRow {
  recipient: string;
  service: string;
  priorYear: number;
  proposed: number;
  change: number;
  /** True for an award that had no prior-year amount: the prior-year column prints `New`. */
  isNew?: boolean;
  /** The footnotes this line calls, by number (1 is `Appendix.footnotes[0]`). */
  footnotes?: number[];
}

/** A board-paper appendix: one per `Appendix` number, for one scenario. */
export interface Appendix {
  number: number;
  /** e.g. `Appendix 1: Victim Services Grant awards 2021/22 (Confirmed)`. */
  title: string;
  scenario: string;
  /** Column headings for the prior-year and proposed columns, e.g. `2020/21` and `2021/22 (Confirmed)`. */
  priorHeader: string;
  proposedHeader: string;
  rows: AppendixRow[];
  total: AppendixRow;
  /** Footnotes below the table (part-year, top-sliced and scaled lines), numbered from 1. */
  footnotes?: string[];
  /** `pounds`: every amount is whole pounds (lines rounded by the largest remainder); absent: pence. */
  amounts?: AppendixAmounts;
}

export interface RunOptions {
  /** Scenarios to run, in order; all of the `Scenarios` table's when empty or omitted. */
  scenarios?: readonly string[];
  /** The two scenarios to compare; default the first two of the `Scenarios` table. */
  compare?: readonly [string, string];
  /** The scenario the appendices show; default the last one run. */
  appendixScenario?: string;
  /** The run's time stamp, ISO text (the caller's clock: the engine has none). */
  stamp: string;
  /**
   * The run's local wall-clock time, as numbers from the caller's clock, for the stamp
   * printed on the output sheets (`Run 1 March 2021 12:00`). Absent: the words are read
   * from `stamp` as written (its zone named when it has one).
   */
  runAt?: LocalTime;
  /** Today's date as ISO text, for the default financial year. */
  today: string;
}

export interface ModelResult {
  financialYear: string;
  scenariosRun: string[];
  stamp: string;
  /** The local time of the run, when the caller gave it (`RunOptions.runAt`). */
  runAt?: LocalTime;
  allocations: AllocationRow[];
  ledger: LedgerRow[];
  checks: Check[];
  comparison: Comparison | null;
  /** e.g. `['2021/22', '2022/23', '2023/24']`. */
  commitmentYears: string[];
  commitments: CommitmentRow[];
  appendices: Appendix[];
  /** Each award's instalments by month, for the scenario the appendices show. */
  payments: Payments;
  /** The model year's events, in date order, for the scenario the appendices show. */
  calendar: Calendar;
}

/** One award's instalments by month of the financial year (pounds), or a fund's total. */
export interface PaymentRow {
  ref: string;
  recipient: string;
  fund: string;
  /** One amount per month in `Payments.months`; they add up to `total` to the penny. */
  months: number[];
  total: number;
}

/** The `Payments` sheet: every award with an amount, then one total per fund (equal to the ledger's Awarded). */
export interface Payments {
  scenario: string;
  /** The financial year's months as headings, `Apr 2021` … `Mar 2022`. */
  months: string[];
  rows: PaymentRow[];
  fundTotals: PaymentRow[];
}

/** What a calendar event is: a payment, a monitoring `What`, or a contract's date. */
export type CalendarEventName = 'Payment' | 'Term ends' | 'Extension decision due' | 'Re-procure by' | (string & {});

/** One dated event of the commissioning year. */
export interface CalendarEvent {
  /** ISO date, `2021-09-30`. */
  date: string;
  event: CalendarEventName;
  ref: string;
  recipient: string;
  fund: string;
  /** The instalment's amount for a payment; null otherwise. */
  amount: number | null;
  detail: string;
  /**
   * Which of the award's events of this name it is, from 1 in date order: with the
   * ref, the event and the year, what names it from one run to the next (e.g. the
   * calendar file's UIDs).
   */
  sequence: number;
}

/** The `Calendar` sheet: the model year's events in date order (then award order). */
export interface Calendar {
  scenario: string;
  financialYear: string;
  events: CalendarEvent[];
}
