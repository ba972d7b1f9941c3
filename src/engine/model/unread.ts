/**
 * The rows a fund's fit must wait for (SPEC section 3): a fund with any error-level
 * row problem is not fitted, so that money never moves to other recipients because a
 * row could not be read. A problem counts against a fund when it is in one of the
 * fund's `Awards` rows (an unknown fund name counts against the fund it most nearly
 * names), in the fund's own `Funds` row, or in a `Scenarios` row of the scenario that
 * sets the fund (a blank-fund row counts against every fund of its scenario).
 */
import { nearestName } from '../nearest';
import type { Model } from './inputs';
import type { Check } from './types';

/** A row that could not be read, as the user finds it: the table and its 1-based row. */
export interface UnreadRow {
  table: string;
  /** 0-based body row, like `Check.row`. */
  row: number;
  ref: string;
}

/** The unread rows holding up each fund's fit, for every scenario and per scenario. */
export interface UnreadRows {
  /** By fund name: rows of `Awards` and `Funds`, in the order their problems were found. */
  everyScenario: Map<string, UnreadRow[]>;
  /** By scenario name (lower case), then by fund name (`''` for every fund): rows of `Scenarios`. */
  byScenario: Map<string, Map<string, UnreadRow[]>>;
}

const FUND_TABLES = new Set(['Awards', 'Funds']);

function add(map: Map<string, UnreadRow[]>, key: string, entry: UnreadRow): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [entry]);
  else if (!list.some((known) => known.table === entry.table && known.row === entry.row)) list.push(entry);
}

/** The rows with error-level problems among `model.rowChecks`, by the fund they hold up. */
export function unreadRows(model: Model): UnreadRows {
  const names = model.funds.map((fund) => fund.name);
  const known = new Set(names);
  const fundOf = (written: string): string | null => {
    if (written === '') return null;
    if (known.has(written)) return written;
    return nearestName(written, names)?.name ?? null;
  };
  const unread: UnreadRows = { everyScenario: new Map(), byScenario: new Map() };
  for (const check of model.rowChecks) {
    if (check.severity !== 'error' || check.table === undefined || check.row === undefined) continue;
    const entry: UnreadRow = { table: check.table, row: check.row, ref: check.ref };
    if (FUND_TABLES.has(check.table)) {
      const fund = fundOf(check.fund);
      if (fund !== null) add(unread.everyScenario, fund, entry);
    } else if (check.table === 'Scenarios' && check.scenario !== '') {
      const scenario = check.scenario.toLowerCase();
      let funds = unread.byScenario.get(scenario);
      if (funds === undefined) {
        funds = new Map();
        unread.byScenario.set(scenario, funds);
      }
      add(funds, check.fund === '' ? '' : (fundOf(check.fund) ?? ''), entry);
    }
  }
  return unread;
}

/** The unread rows holding up one fund's fit under one scenario, in table order (Funds, Awards, Scenarios). */
export function unreadRowsOf(unread: UnreadRows, scenario: string, fund: string): UnreadRow[] {
  const forScenario = unread.byScenario.get(scenario.toLowerCase());
  const rows = [
    ...(unread.everyScenario.get(fund) ?? []),
    ...(forScenario?.get(fund) ?? []),
    ...(forScenario?.get('') ?? []),
  ];
  const order = ['Funds', 'Awards', 'Scenarios'];
  return rows.sort((a, b) => order.indexOf(a.table) - order.indexOf(b.table) || a.row - b.row);
}

/** Whether a check is one of the row problems that leaves an award at 0 (`Model.rowChecks` of `Awards`). */
export function isAwardRowProblem(check: Check): boolean {
  return check.severity === 'error' && check.table === 'Awards' && check.row !== undefined && check.scenario === '';
}
