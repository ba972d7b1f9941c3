/**
 * Models for the commissioning-year tests: the usual test tables, with the Awards
 * table's payment and contract columns and the Monitoring and Procurement tables.
 */
import { readModel, runModel, type ModelResult } from '../../src/engine/model';
import type { Model } from '../../src/engine/model';
import type { TableData } from '../../src/engine/sheet';
import { AWARD_HEADERS, STAMP, table, tables, TODAY, type Row, type Workbook } from './support';

export const TERM_HEADERS = ['Payment', 'Contract start', 'Term (months)', 'Extensions', 'Extended to'];
export const MONITORING_HEADERS = ['Fund', 'Minimum amount', 'What', 'Every (months)'];
export const PROCUREMENT_HEADERS = ['From', 'Requirement', 'Routes'];

export interface YearBook extends Workbook {
  monitoring?: Row[];
  procurement?: Row[];
}

/** The test tables with the commissioning columns and tables. */
export function yearTables(book: YearBook = {}): Record<string, TableData> {
  const result = tables(book);
  result.Awards = table('Awards', [...AWARD_HEADERS, ...TERM_HEADERS], book.awards ?? []);
  if (book.monitoring !== undefined) result.Monitoring = table('Monitoring', MONITORING_HEADERS, book.monitoring);
  if (book.procurement !== undefined) result.Procurement = table('Procurement', PROCUREMENT_HEADERS, book.procurement);
  return result;
}

export function yearModel(book: YearBook = {}): Model {
  return readModel(yearTables(book), TODAY);
}

export function runYear(book: YearBook = {}, scenario?: string): ModelResult {
  return runModel(yearModel(book), { stamp: STAMP, today: TODAY, ...(scenario === undefined ? {} : { appendixScenario: scenario }) });
}

/** The reports' monitoring rules (SPEC section 1), for a Victim Services fund `Grant` and a partnership fund `CSP`. */
export const REPORT_RULES: Row[] = [
  { Fund: null, 'Minimum amount': 0, What: 'Monitoring return', 'Every (months)': 6 },
  { Fund: null, 'Minimum amount': 10000, What: 'Monitoring meeting', 'Every (months)': 6 },
  { Fund: 'Grant', 'Minimum amount': 10000, What: 'Monitoring meeting', 'Every (months)': 3 },
  { Fund: 'CSP', 'Minimum amount': 0, What: 'Monitoring return', 'Every (months)': 6 },
];

/** Contract Standing Orders' three bands. */
export const REPORT_BANDS: Row[] = [
  { From: 0, Requirement: 'One written quote', Routes: 'Quote, Three quotes, Tender, Contract, Single tender action' },
  { From: 5000, Requirement: 'Three written quotes', Routes: 'Three quotes, Tender, Contract' },
  { From: 50000, Requirement: 'Competitive tender', Routes: 'Tender, Contract' },
];

/** Two funds: `Grant` (victim services) and `CSP` (partnership grants), £1m each. */
export const TWO_FUNDS: Row[] = [
  { Fund: 'Grant', Source: 'MoJ', 'Opening balance': 0, Income: 1000000 },
  { Fund: 'CSP', Source: 'Police grant', 'Opening balance': 0, Income: 1000000 },
];
