/** Reading the optional `Settings` and `Envelopes` tables. */
import { parseIsoDate } from '../dates';
import { EngineError } from '../errors';
import { fiscalYear, fiscalYearOf, parseFiscalYear } from '../fiscalYear';
import type { CellValue, TableData } from '../sheet';
import type { CalendarDate } from '../dates';
import { BadCell, cellText, readDate, readMoney, readNumber, RowCells } from './cells';
import type { AppendixAmounts, Envelope, Settings } from './inputs';
import { messages } from './messages';
import { ENVELOPES, openTable, SETTINGS } from './schema';
import type { Check } from './types';

/** The tender threshold when the Settings table does not set one. */
export const DEFAULT_TENDER_THRESHOLD = 50000;

/** `Extension notice (months)` and `Procurement lead time (months)` when the Settings table does not set them. */
export const DEFAULT_NOTICE_MONTHS = 6;

/** The financial year after the one holding `today` (ISO text): the year being modelled. */
export function defaultStartYear(today: string): number {
  return fiscalYear(parseIsoDate(today)).startYear + 1;
}

/**
 * Settings with their defaults: the financial year (default the year after today's),
 * the tender threshold (default £50,000), the funder's name and identifier.
 */
export function readSettings(tables: Readonly<Record<string, TableData>>, today: string, checks: Check[]): Settings {
  const table = openTable(tables, SETTINGS);
  const values: Record<string, CellValue> = {};
  const rows: Record<string, number> = {};
  if (table !== null) {
    const name = table.column('Setting');
    const value = table.column('Value');
    const cells = new RowCells();
    for (let row = 0; row < table.rows.length; row++) {
      cells.cells = table.rows[row];
      if (cells.isBlank()) continue;
      const key = cells.text(name);
      if (key === '' || Object.prototype.hasOwnProperty.call(values, key)) continue;
      values[key] = cells.at(value);
      rows[key.toLowerCase()] = row;
    }
  }
  const lookup = (setting: string): [CellValue, number] | null => {
    for (const key of Object.keys(values)) {
      if (key.toLowerCase() === setting) return [values[key], rows[setting]];
    }
    return null;
  };
  const problem = (check: string, row: number, message: string): void => {
    checks.push({ severity: 'error', scenario: '', fund: '', ref: '', check, message, table: SETTINGS.name, row, column: 'Value' });
  };

  let startYear = defaultStartYear(today);
  const year = lookup('financial year');
  const yearCell = year === null ? null : year[0];
  if (year !== null && yearCell !== null && cellText(yearCell) !== '') {
    try {
      startYear = parseFiscalYear(typeof yearCell === 'number' ? yearCell : cellText(yearCell));
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      problem('Bad setting', year[1], messages.badFinancialYear(cellText(year[0]), fiscalYearOf(startYear).label));
    }
  }

  let tenderThreshold = DEFAULT_TENDER_THRESHOLD;
  const threshold = lookup('tender threshold');
  if (threshold !== null) {
    const read = readMoney(threshold[0]);
    if (typeof read === 'number') tenderThreshold = read;
    else if (read instanceof BadCell) problem('Bad setting', threshold[1], messages.badThreshold(read.text));
  }

  // A number of whole months, 0 to 1200 (a hundred years).
  const months = (setting: string, fallback: number): number => {
    const found = lookup(setting.toLowerCase());
    if (found === null || cellText(found[0]) === '') return fallback;
    const read = readNumber(found[0]);
    if (typeof read === 'number' && Number.isInteger(read) && read >= 0 && read <= 1200) return read;
    problem('Bad setting', found[1], messages.badMonths(setting, cellText(found[0]), fallback));
    return fallback;
  };

  const text = (setting: string): string => {
    const found = lookup(setting);
    return found === null ? '' : cellText(found[0]);
  };

  let decisionDate: CalendarDate | null = null;
  const decision = lookup('decision date');
  if (decision !== null) {
    const read = readDate(decision[0]);
    if (read instanceof BadCell) problem('Bad setting', decision[1], messages.badDecisionDate(read.text));
    else decisionDate = read;
  }

  let appendixAmounts: AppendixAmounts = 'pence';
  const amounts = lookup('appendix amounts');
  const amountsText = amounts === null ? '' : cellText(amounts[0]).toLowerCase();
  if (amounts !== null && amountsText !== '') {
    if (amountsText === 'pence' || amountsText === 'pounds') appendixAmounts = amountsText;
    else problem('Bad setting', amounts[1], messages.badAppendixAmounts(cellText(amounts[0])));
  }
  return {
    financialYear: fiscalYearOf(startYear).label,
    startYear,
    tenderThreshold,
    funderName: text('funder name'),
    funderIdentifier: text('funder identifier'),
    giving360Prefix: text('360giving prefix'),
    decisionDate,
    policeForceArea: text('police force area'),
    policeForceAreaCode: text('police force area code'),
    appendixAmounts,
    extensionNoticeMonths: months('Extension notice (months)', DEFAULT_NOTICE_MONTHS),
    procurementLeadMonths: months('Procurement lead time (months)', DEFAULT_NOTICE_MONTHS),
    grantFund: text('grant fund'),
    confirmedScenario: text('confirmed scenario'),
    values,
  };
}

/** Envelopes: one budget per priority (matched trimmed and case-blind), the first row winning. */
export function readEnvelopes(tables: Readonly<Record<string, TableData>>, checks: Check[]): Envelope[] {
  const table = openTable(tables, ENVELOPES);
  if (table === null) return [];
  const col = { priority: table.column('Priority'), budget: table.column('Budget') };
  const envelopes: Envelope[] = [];
  const seen = new Set<string>();
  const cells = new RowCells();
  for (let row = 0; row < table.rows.length; row++) {
    cells.cells = table.rows[row];
    if (cells.isBlank()) continue;
    const priority = cells.text(col.priority);
    const problem = (check: string, column: string, message: string): void => {
      checks.push({ severity: 'error', scenario: '', fund: '', ref: '', check, message, table: ENVELOPES.name, row, column });
    };
    if (priority === '') {
      problem('Missing value', 'Priority', messages.blankPriority(row));
      continue;
    }
    if (seen.has(priority.toLowerCase())) {
      problem('Duplicate priority', 'Priority', messages.duplicateEnvelope(priority));
      continue;
    }
    const budget = cells.money(col.budget);
    if (typeof budget !== 'number') {
      problem(budget === null ? 'Missing value' : 'Not a number', 'Budget', messages.badBudget(priority, budget?.text ?? ''));
      continue;
    }
    seen.add(priority.toLowerCase());
    envelopes.push({ priority, budget, row });
  }
  return envelopes;
}
