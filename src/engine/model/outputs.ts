/**
 * A run's results as output sheets: Allocations, Fund ledger, Checks, Comparison,
 * Commitments, Payments, Calendar, then one `Appendix N` sheet per appendix. Values, not formulas; each
 * titled and stamped with the run's time and scenarios.
 */
import { parseIsoDate, toExcelSerial } from '../dates';
import type { CellValue, ColumnFormat, SheetColumn, SheetSpec } from '../sheet';
import { sumPounds } from './pence';
import { runStamp } from './stamp';
import type { Appendix, ComparisonRow, ModelResult } from './types';

/** Excel's limit on a sheet name's length. */
const MAX_SHEET_NAME = 31;

const WIDTH = { scenario: 16, ref: 12, name: 36, fund: 34, money: 15, percent: 10, notes: 24, severity: 10, check: 24, message: 100 };

function column(header: string, format: ColumnFormat, width: number): SheetColumn {
  return { header, format, width: Math.max(width, header.length + 2) };
}

const text = (header: string, width: number): SheetColumn => column(header, 'text', width);
const money = (header: string): SheetColumn => column(header, 'money', WIDTH.money);
const percent = (header: string): SheetColumn => column(header, 'percent', WIDTH.percent);

/** The table named after its sheet: spaces removed, each word capitalised (`Fund ledger` → `FundLedger`). */
export function tableNameFor(sheetName: string): string {
  return sheetName
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** A sheet, its name cut to Excel's 31 characters, holding one table named after it. */
function sheet(name: string, title: string[], columns: SheetColumn[], rows: CellValue[][], footer: CellValue[][] = []): SheetSpec {
  const sheetName = name.slice(0, MAX_SHEET_NAME);
  return { sheet: sheetName, table: tableNameFor(sheetName), title, columns, rows, footer };
}

/** The stamp line under every title: `Run 1 March 2021 12:00 · scenarios: … · values, not formulas`. */
export function stampLine(result: ModelResult): string {
  return `${runStamp(result)} · scenarios: ${result.scenariosRun.join(', ')} · values, not formulas`;
}

function ratio(change: number, base: number): number | null {
  return base === 0 ? null : change / base;
}

/** Headers must be unique in an Excel table: a clashing name gets ` (2)`, ` (3)`... */
function uniqueHeaders(headers: string[]): string[] {
  const seen = new Set<string>();
  return headers.map((header) => {
    let candidate = header;
    for (let n = 2; seen.has(candidate.toLowerCase()); n++) candidate = `${header} (${n})`;
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}

function allocationsSheet(result: ModelResult, stamp: string): SheetSpec {
  const rows = result.allocations.map((row): CellValue[] => [
    row.scenario, row.ref, row.recipient, row.service, row.fund, row.priorYear, row.amount, row.change, row.changePct, row.notes,
  ]);
  // Totals per scenario, added in whole pence.
  const totals = new Map(result.scenariosRun.map((scenario) => [scenario, [0, 0]]));
  for (const row of result.allocations) {
    const sums = totals.get(row.scenario);
    if (sums === undefined) continue;
    sums[0] += Math.round(row.priorYear * 100);
    sums[1] += Math.round(row.amount * 100);
  }
  const footer = result.scenariosRun.map((scenario): CellValue[] => {
    const [prior, amount] = totals.get(scenario) ?? [0, 0];
    return [scenario, 'Total', '', '', '', prior / 100, amount / 100, (amount - prior) / 100, ratio(amount - prior, prior), ''];
  });
  return sheet(`Allocations`, [`Allocations ${result.financialYear}`, stamp], [
    text('Scenario', WIDTH.scenario), text('Ref', WIDTH.ref), text('Recipient', WIDTH.name), text('Service', WIDTH.name),
    text('Fund', WIDTH.fund), money('Prior year'), money('Amount'), money('Change'), percent('Change %'),
    text('Notes', WIDTH.notes),
  ], rows, footer);
}

function ledgerSheet(result: ModelResult, stamp: string): SheetSpec {
  const rows = result.ledger.map((row): CellValue[] => [
    row.scenario, row.fund, row.openingBalance, row.income, row.awarded, row.closingBalance, row.floor, row.headroom,
  ]);
  const footer = result.scenariosRun.map((scenario): CellValue[] => {
    const funds = result.ledger.filter((row) => row.scenario === scenario);
    const sumOf = (pick: (row: (typeof funds)[number]) => number): number => sumPounds(funds.map(pick));
    return [
      scenario, 'All funds', sumOf((row) => row.openingBalance), sumOf((row) => row.income), sumOf((row) => row.awarded),
      sumOf((row) => row.closingBalance), sumOf((row) => row.floor), sumOf((row) => row.headroom),
    ];
  });
  return sheet('Fund ledger', [`Fund ledger ${result.financialYear}`, stamp], [
    text('Scenario', WIDTH.scenario), text('Fund', WIDTH.fund), money('Opening balance'), money('Income'), money('Awarded'),
    money('Closing balance'), money('Floor'), money('Headroom'),
  ], rows, footer);
}

function countOf(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function checksSheet(result: ModelResult, stamp: string): SheetSpec {
  const count = { error: 0, warning: 0, info: 0 };
  for (const check of result.checks) count[check.severity]++;
  const summary = `${countOf(count.error, 'error', 'errors')}, ${countOf(count.warning, 'warning', 'warnings')}, ` +
    `${countOf(count.info, 'note', 'notes')}`;
  const rows = result.checks.map((check): CellValue[] => [
    check.severity, check.scenario, check.fund, check.ref, check.check, check.message,
  ]);
  return sheet('Checks', [`Checks ${result.financialYear}: ${summary}`, stamp], [
    text('Severity', WIDTH.severity), text('Scenario', WIDTH.scenario), text('Fund', WIDTH.fund), text('Ref', WIDTH.ref),
    text('Check', WIDTH.check), text('Message', WIDTH.message),
  ], rows);
}

function comparisonCells(row: ComparisonRow): CellValue[] {
  return [row.first, row.second, row.variance, row.variancePct];
}

function comparisonSheet(result: ModelResult, stamp: string): SheetSpec {
  const comparison = result.comparison;
  if (comparison === null) {
    return sheet('Comparison', ['Comparison: none — a comparison needs two scenarios run', stamp], [
      text('Ref', WIDTH.ref), text('Recipient', WIDTH.name), text('Fund', WIDTH.fund), money('Variance'), percent('Variance %'),
    ], []);
  }
  const headers = uniqueHeaders(['Ref', 'Recipient', 'Fund', comparison.first, comparison.second, 'Variance', 'Variance %']);
  const rows = comparison.rows.map((row): CellValue[] => [row.ref, row.recipient, row.fund, ...comparisonCells(row)]);
  const footer = comparison.fundTotals.map((row): CellValue[] => ['Total', '', row.fund, ...comparisonCells(row)]);
  const spec = sheet('Comparison', [`Comparison ${result.financialYear}: ${comparison.second} against ${comparison.first}`, stamp], [
    text(headers[0], WIDTH.ref), text(headers[1], WIDTH.name), text(headers[2], WIDTH.fund), money(headers[3]),
    money(headers[4]), money(headers[5]), percent(headers[6]),
  ], rows, footer);
  // The fund totals at a glance: one bar per scenario for each fund.
  spec.chart = { title: `${headers[3]} and ${headers[4]} by fund`, categories: headers[2], series: [headers[3], headers[4]], fromFooter: true };
  return spec;
}

function commitmentsSheet(result: ModelResult, stamp: string): SheetSpec {
  const years = result.commitmentYears;
  const scenario = result.scenariosRun[result.scenariosRun.length - 1] ?? '';
  const rows = result.commitments.map((row): CellValue[] => [row.ref, row.recipient, row.fund, ...row.years]);
  const sums = years.map(() => 0);
  for (const row of result.commitments) row.years.forEach((amount, k) => { sums[k] += Math.round(amount * 100); });
  const footer: CellValue[][] = [['Total', '', '', ...sums.map((pence) => pence / 100)]];
  const span = years.length > 1 ? `${years[0]} to ${years[years.length - 1]}` : (years[0] ?? '');
  return sheet('Commitments', [`Commitments ${span} (scenario ${scenario})`, stamp], [
    text('Ref', WIDTH.ref), text('Recipient', WIDTH.name), text('Fund', WIDTH.fund), ...years.map((year) => money(year)),
  ], rows, footer);
}

function paymentsSheet(result: ModelResult, stamp: string): SheetSpec {
  const { payments } = result;
  const cells = (row: (typeof payments.rows)[number]): CellValue[] => [row.ref, row.recipient, row.fund, ...row.months, row.total];
  return sheet('Payments', [`Payments ${result.financialYear} by month (scenario ${payments.scenario})`, stamp], [
    text('Ref', WIDTH.ref), text('Recipient', WIDTH.name), text('Fund', WIDTH.fund),
    ...payments.months.map((month) => column(month, 'money', 13)), money('Total'),
  ], payments.rows.map(cells), payments.fundTotals.map(cells));
}

function calendarSheet(result: ModelResult, stamp: string): SheetSpec {
  const { calendar } = result;
  // One serial per distinct date: a calendar holds many events a day.
  const serials = new Map<string, number>();
  const serialOf = (date: string): number => {
    let serial = serials.get(date);
    if (serial === undefined) {
      serial = toExcelSerial(parseIsoDate(date));
      serials.set(date, serial);
    }
    return serial;
  };
  const rows = calendar.events.map((event): CellValue[] => [
    serialOf(event.date), event.event, event.ref, event.recipient, event.fund, event.amount, event.detail,
  ]);
  return sheet('Calendar', [`Calendar ${calendar.financialYear} (scenario ${calendar.scenario})`, stamp], [
    column('Date', 'date', 12), text('Event', WIDTH.check), text('Ref', WIDTH.ref), text('Recipient', WIDTH.name),
    text('Fund', WIDTH.fund), money('Amount'), text('Detail', 48),
  ], rows);
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function superscript(number: number): string {
  return String(number).replace(/\d/g, (digit) => SUPERSCRIPT_DIGITS[Number(digit)]);
}

/**
 * An appendix as a board paper prints it: `New` in the prior-year column of a new
 * award, footnote marks after the service, the total row, then one row per footnote.
 */
function appendixSheet(appendix: Appendix, stamp: string): SheetSpec {
  const cells = (row: Appendix['total'], total: boolean): CellValue[] => {
    const marks = (row.footnotes ?? []).map(superscript).join(',');
    const service = marks === '' ? row.service : `${row.service} ${marks}`;
    return [row.recipient, service, !total && row.isNew === true ? 'New' : row.priorYear, row.proposed, row.change];
  };
  const headers = uniqueHeaders(['Recipient', 'Service', appendix.priorHeader, appendix.proposedHeader, 'Change']);
  const notes = (appendix.footnotes ?? []).map((text, i): CellValue[] => [`${superscript(i + 1)} ${text}`, null, null, null, null]);
  return sheet(`Appendix ${appendix.number}`, [appendix.title, stamp], [
    text(headers[0], WIDTH.name), text(headers[1], WIDTH.name), money(headers[2]), money(headers[3]), money(headers[4]),
  ], appendix.rows.map((row) => cells(row, false)), [cells(appendix.total, true), ...notes]);
}

/** The run's output sheets, in the order the add-in writes them. */
export function outputSheets(result: ModelResult): SheetSpec[] {
  const stamp = stampLine(result);
  const footerStamp = runStamp(result);
  const sheets = [
    allocationsSheet(result, stamp),
    ledgerSheet(result, stamp),
    checksSheet(result, stamp),
    comparisonSheet(result, stamp),
    commitmentsSheet(result, stamp),
    paymentsSheet(result, stamp),
    calendarSheet(result, stamp),
    ...result.appendices.map((appendix) => appendixSheet(appendix, stamp)),
  ];
  for (const spec of sheets) spec.stamp = footerStamp;
  return sheets;
}
