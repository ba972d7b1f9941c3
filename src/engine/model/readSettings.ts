/** Reading the optional `Settings` and `Envelopes` tables. */
import { parseIsoDate } from '../dates';
import { EngineError } from '../errors';
import { fiscalYear, fiscalYearOf, parseFiscalYear } from '../fiscalYear';
import type { CellValue, TableData } from '../sheet';
import { BadCell, cellText, readMoney, RowCells } from './cells';
import type { Envelope, Settings } from './inputs';
import { messages } from './messages';
import { ENVELOPES, openTable, SETTINGS } from './schema';
import type { Check } from './types';

/** The tender threshold when the Settings table does not set one. */
export const DEFAULT_TENDER_THRESHOLD = 50000;

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

  const text = (setting: string): string => {
    const found = lookup(setting);
    return found === null ? '' : cellText(found[0]);
  };
  return {
    financialYear: fiscalYearOf(startYear).label,
    startYear,
    tenderThreshold,
    funderName: text('funder name'),
    funderIdentifier: text('funder identifier'),
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
