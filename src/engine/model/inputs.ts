/**
 * The model as read from its input tables (SPEC section 3): clean, typed values.
 * Produced by `readModel`; every surface treats it as read-only.
 *
 * Money is pounds, held as numbers exact to the penny: each cell is rounded half away
 * from zero to the penny as it is read, and a run does all its arithmetic in whole
 * pence (see `pence.ts`), so no amount ever goes through float arithmetic.
 */
import type { CalendarDate } from '../dates';
import type { CellValue } from '../sheet';
import type { Check } from './types';

/** The five allocation rules of the `Rule` column. */
export type RuleName = 'FLAT' | 'CHANGE' | 'FIXED' | 'TOPSLICE' | 'SHARE';

/** What a scenario does when a fund's awards do not fit its money. */
export type FitMode = 'scale-down' | 'scale' | 'none';

/** One row of the `Funds` table. */
export interface Fund {
  name: string;
  source: string;
  openingBalance: number;
  /** The fund's income for the year, unless a scenario says otherwise. */
  income: number;
  /** The ring fence, trimmed, as written; empty when the fund is not ring-fenced. */
  allowedPurposes: string[];
  /** Minimum closing balance (money held back, e.g. for a newly elected Commissioner). */
  floor: number;
  /** Largest single award; null when there is none. */
  awardCap: number | null;
  /** The board-paper appendix the fund's awards go in; null when none. */
  appendix: number | null;
  /** 0-based body row of the `Funds` table. */
  row: number;
}

/** One row of the `Awards` table. */
export interface Award {
  /** 0-based body row of the `Awards` table, for taking the user to it. */
  row: number;
  ref: string;
  recipient: string;
  /** e.g. a charity number `GB-CHC-1234567`; `''` when not given. */
  recipientIdentifier: string;
  service: string;
  /** The fund's name as the `Funds` table spells it, or as written when it is unknown. */
  fund: string;
  purpose: string;
  priority: string;
  /** Last year's amount; 0 when blank. */
  priorYear: number;
  /** Null when the rule is not one of the five. */
  rule: RuleName | null;
  /**
   * The rule's parameter, as written (not rounded): a change (-0.051), an amount, a
   * fraction (0.3333) or a weight (an NRE); null when blank.
   */
  value: number | null;
  start: CalendarDate | null;
  end: CalendarDate | null;
  locked: boolean;
  route: string;
  /** How the award is paid (`Payment`): `Single` (default), `Quarterly` or `Monthly`. */
  payment: PaymentPlan;
  /** The contract's term (`Contract start`, `Term (months)`, `Extensions`, `Extended to`); null when none. */
  contract: ContractTerms | null;
  /**
   * True when a problem in the row (unknown fund or rule, a missing or non-numeric
   * amount, a bad date, a duplicate ref) leaves the award at 0. The problem is one of
   * `Model.rowChecks`.
   */
  zeroed: boolean;
}

/** One row of the `Scenarios` table that names a fund. */
export interface ScenarioFund {
  /** The fund's name as the `Funds` table spells it. */
  fund: string;
  /** The scenario's income for the fund; null when the row leaves the fund's own. */
  income: number | null;
  /** The fit for this fund; null when the row leaves the scenario's. */
  fit: FitMode | null;
  /** 0-based body row of the `Scenarios` table. */
  row: number;
}

/** A scenario: the `Scenarios` rows that share a name, in table order. */
export interface Scenario {
  name: string;
  /** The fit for funds the scenario does not set one for (a row with a blank `Fund`). */
  fit: FitMode;
  funds: ScenarioFund[];
  /** Every 0-based `Scenarios` body row of the scenario. */
  rows: number[];
}

/**
 * How the appendices print amounts: `pence` (default) or `pounds` — whole pounds, each
 * line rounded by the largest remainder so that the printed lines add up to the
 * printed total.
 */
export type AppendixAmounts = 'pence' | 'pounds';

/** The `Settings` table, with its defaults filled in. */
export interface Settings {
  /** e.g. `2021/22`. */
  financialYear: string;
  /** e.g. 2021 for 2021/22. */
  startYear: number;
  /** A contract or single tender action at or above it is flagged (default £50,000). */
  tenderThreshold: number;
  funderName: string;
  /** An org-id such as `GB-CHC-1234567`; `''` when blank (the 360Giving prefix then stands for the funder). */
  funderIdentifier: string;
  /** The publisher's registered 360Giving prefix, e.g. `360G-cambspcc`; `''` when not set. */
  giving360Prefix: string;
  /** When the awards were decided (the 360Giving Award Date); null when not set. */
  decisionDate: CalendarDate | null;
  /** e.g. `Cambridgeshire`; `''` when not set. */
  policeForceArea: string;
  /** The area's ONS code, e.g. `E23000023`; `''` when not set. */
  policeForceAreaCode: string;
  /** How appendices print amounts: to the penny (default) or in whole pounds. */
  appendixAmounts: AppendixAmounts;
  /** How long before a term ends its extension must be decided (default 6). */
  extensionNoticeMonths: number;
  /** How long before a last term ends the service must be re-procured (default 6). */
  procurementLeadMonths: number;
  /** `Grant fund`: the fund the pane's confirmed-grant field sets, as written; '' = not set. */
  grantFund: string;
  /** `Confirmed scenario`: the scenario the confirmed grant goes into, as written; '' = not set. */
  confirmedScenario: string;
  /** Every setting as written, keyed by its trimmed name (other settings are kept here). */
  values: Record<string, CellValue>;
}

/** One row of the `Envelopes` table: a priority's budget across all funds. */
export interface Envelope {
  priority: string;
  budget: number;
  row: number;
}

/** The model read from a workbook's input tables. */
export interface Model {
  funds: Fund[];
  awards: Award[];
  /** In the order they first appear in the `Scenarios` table; names unique. */
  scenarios: Scenario[];
  settings: Settings;
  envelopes: Envelope[];
  /** The `Monitoring` table's rules, in table order; empty when there is none. */
  monitoring: MonitoringRule[];
  /** The `Procurement` table's bands, lowest `From` first; empty when there is none. */
  procurement: ProcurementBand[];
  /** Problems found in single rows while reading (errors and warnings, no scenario). */
  rowChecks: Check[];
  /** The sheet each input table was read from, by table name (for messages). */
  sheets: Record<string, string>;
}

/** How an award is paid: on its start date, at the start of each quarter, or of each month, it covers. */
export type PaymentPlan = 'Single' | 'Quarterly' | 'Monthly';

/** A contract's term, from the Awards columns `Contract start`, `Term (months)`, `Extensions`, `Extended to`. */
export interface ContractTerms {
  start: CalendarDate;
  /** The initial term, in months. */
  termMonths: number;
  /** How many extensions the contract allows (`3x12`: 3), and how long each is (12 months). */
  extensions: number;
  extensionMonths: number;
  /** The end of the term as extended so far; null when it has not been extended. */
  extendedTo: CalendarDate | null;
}

/** One row of the `Monitoring` table. */
export interface MonitoringRule {
  /** The fund's name as the `Funds` table spells it; null for every fund (a blank `Fund`). */
  fund: string | null;
  /** The rule applies to awards above this amount for the year (blank: 0). */
  minimum: number;
  /** e.g. `Monitoring return`, `Monitoring meeting`. */
  what: string;
  everyMonths: number;
  row: number;
}

/** One row of the `Procurement` table: a band of whole contract values. */
export interface ProcurementBand {
  from: number;
  /** e.g. `Three written quotes`. */
  requirement: string;
  /** The routes that meet it, as written, trimmed. */
  routes: string[];
  row: number;
}
