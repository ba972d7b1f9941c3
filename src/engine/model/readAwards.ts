/** Reading the `Awards` table: each row checked, its problems turned into checks. */
import { compareDates, toIsoDate, type CalendarDate } from '../dates';
import type { CellValue, TableData } from '../sheet';
import { nearestName } from '../nearest';
import { BadCell, readDate, RowCells } from './cells';
import { rowsWithIssues } from './cellIssues';
import { readContractTerms } from './contracts';
import type { Award, Fund, PaymentPlan, RuleName } from './inputs';
import { messages } from './messages';
import { needsPriorYear, needsValue, parseRule, RULES } from './rules';
import { AWARDS, findTable, openTable } from './schema';
import type { Check } from './types';

/** Collects one row's problems as checks; any error leaves the award at 0. One per table, reused row by row. */
class RowProblems {
  zeroed = false;
  private row = 0;
  private ref = '';
  private fund = '';

  constructor(private readonly checks: Check[]) {}

  /** Starts on a new row. */
  reset(row: number, ref: string, fund: string): void {
    this.zeroed = false;
    this.row = row;
    this.ref = ref;
    this.fund = fund;
  }

  error(check: string, column: string, message: string): void {
    this.zeroed = true;
    this.push('error', check, column, message);
  }

  warning(check: string, column: string, message: string): void {
    this.push('warning', check, column, message);
  }

  private push(severity: 'error' | 'warning', check: string, column: string, message: string): void {
    this.checks.push({ severity, scenario: '', fund: this.fund, ref: this.ref, check, message, table: AWARDS.name, row: this.row, column });
  }
}

/** The `Prior year` of an award: 0 when blank; a problem when the rule needs it and it is missing or wrong. */
function priorYearOf(read: number | null | BadCell, rule: RuleName | null, label: string, problems: RowProblems): number {
  if (read instanceof BadCell) {
    problems.error('Not a number', 'Prior year', messages.notANumber(label, 'Prior year', read.text));
    return 0;
  }
  const needed = rule !== null && needsPriorYear(rule);
  if (read === null) {
    if (needed) problems.error('Missing value', 'Prior year', messages.missingAmount(label, 'Prior year', rule));
    return 0;
  }
  if (needed && read < 0) {
    problems.error('Bad value', 'Prior year', messages.negativeAmount(label, 'Prior year', read, rule));
  }
  return read;
}

/** The `Value` of an award, as written (a FIXED amount to the penny); null when blank. */
function valueOf(read: number | null | BadCell, rule: RuleName | null, label: string, problems: RowProblems): number | null {
  if (read instanceof BadCell) {
    problems.error('Not a number', 'Value', messages.notANumber(label, 'Value', read.text));
    return null;
  }
  if (read === null) {
    if (rule !== null && needsValue(rule)) problems.error('Missing value', 'Value', messages.missingAmount(label, 'Value', rule));
    return null;
  }
  if (rule === 'TOPSLICE' && (read < 0 || read > 1)) problems.error('Bad value', 'Value', messages.badFraction(label, read));
  else if (rule === 'FIXED' && read < 0) problems.error('Bad value', 'Value', messages.negativeAmount(label, 'Value', read, rule));
  else if (rule === 'CHANGE' && read < -1) problems.error('Bad value', 'Value', messages.cutTooDeep(label, read));
  else if (rule === 'SHARE' && read < 0) problems.error('Bad value', 'Value', messages.negativeWeight(label, read));
  return read;
}

function dateOf(read: CalendarDate | null | BadCell, header: string, label: string, problems: RowProblems): CalendarDate | null {
  if (read instanceof BadCell) {
    problems.error('Bad date', header, messages.badDate(label, header, read.text));
    return null;
  }
  return read;
}

/**
 * Date cells read once per distinct serial: a table's awards share few start and end
 * dates, and one (read-only) date object for each keeps a large model lighter — less
 * to allocate and less for the garbage collector to copy. One per table.
 */
class SharedDates {
  private readonly bySerial = new Map<number, CalendarDate | null | BadCell>();

  read(cell: CellValue): CalendarDate | null | BadCell {
    if (typeof cell !== 'number') return readDate(cell);
    let found = this.bySerial.get(cell);
    if (found === undefined) {
      found = readDate(cell);
      this.bySerial.set(cell, found);
    }
    return found;
  }
}

/** Whether a cell is blank: nothing, or only spaces. */
function isBlankCell(cell: CellValue): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

const PAYMENTS: readonly PaymentPlan[] = ['Single', 'Quarterly', 'Monthly'];

/** The `Payment` plan named in a cell, trimmed and case-blind; blank is `Single`; null when it is none of the three. */
export function parsePayment(text: string): PaymentPlan | null {
  if (text === '') return 'Single';
  const wanted = text.trim().toLowerCase();
  return PAYMENTS.find((plan) => plan.toLowerCase() === wanted) ?? null;
}

/**
 * Awards in table order. A row with a problem (no or a duplicate ref, unknown fund or
 * rule, a missing or non-numeric amount, a bad date) is kept, marked `zeroed`, and
 * its problem added to `checks` naming the ref, column and row. Amounts (`Prior year`,
 * a FIXED `Value`) are read to the penny; other values are kept as written.
 */
export function readAwards(tables: Readonly<Record<string, TableData>>, funds: readonly Fund[], checks: Check[]): Award[] {
  const table = openTable(tables, AWARDS);
  if (table === null) return [];
  const col = {
    ref: table.column('Ref'),
    recipient: table.column('Recipient'),
    identifier: table.column('Recipient identifier'),
    service: table.column('Service'),
    fund: table.column('Fund'),
    purpose: table.column('Purpose'),
    priority: table.column('Priority'),
    prior: table.column('Prior year'),
    rule: table.column('Rule'),
    value: table.column('Value'),
    start: table.column('Start'),
    end: table.column('End'),
    locked: table.column('Locked'),
    route: table.column('Route'),
    payment: table.column('Payment'),
    contractStart: table.column('Contract start'),
    term: table.column('Term (months)'),
    extensions: table.column('Extensions'),
    extendedTo: table.column('Extended to'),
  };
  // Funds by name as written and lower-cased: most rows spell it exactly, and are found without a new string.
  const fundNames = new Map<string, string>();
  for (const fund of funds) fundNames.set(fund.name.toLowerCase(), fund.name);
  for (const fund of funds) fundNames.set(fund.name, fund.name);
  const names = funds.map((entry) => entry.name);
  const refs = new Set<string>();
  const awards: Award[] = [];
  const problems = new RowProblems(checks);
  const cells = new RowCells();
  const dates = new SharedDates();
  // Rows with an unusable cell (uncalculated formula, error value): checked in cellIssueChecks, left at 0 here.
  const unusable = rowsWithIssues(findTable(tables, AWARDS.name));

  for (let row = 0; row < table.rows.length; row++) {
    cells.cells = table.rows[row];
    if (cells.isBlank()) continue;
    const ref = cells.text(col.ref);
    const fundText = cells.text(col.fund);
    const fund = fundNames.get(fundText) ?? fundNames.get(fundText.toLowerCase());
    problems.reset(row, ref, fund ?? fundText);
    const label = ref === '' ? `Row ${row + 1}` : ref;

    if (ref === '') {
      problems.error('Missing value', 'Ref', messages.missingRef(row));
    } else {
      const key = ref.toUpperCase(); // case-blind; refs are mostly upper case already, so no new string
      if (refs.has(key)) problems.error('Duplicate ref', 'Ref', messages.duplicateRef(ref));
      else refs.add(key);
    }

    if (fundText === '') problems.error('Unknown fund', 'Fund', messages.blankFund(label));
    else if (fund === undefined) {
      problems.error('Unknown fund', 'Fund', messages.unknownFund(label, fundText, nearestName(fundText, names)));
    }

    const ruleText = cells.text(col.rule);
    const rule = parseRule(ruleText);
    if (ruleText === '') problems.error('Unknown rule', 'Rule', messages.blankRule(label));
    else if (rule === null) problems.error('Unknown rule', 'Rule', messages.unknownRule(label, ruleText, nearestName(ruleText, RULES)));

    const priorYear = priorYearOf(cells.money(col.prior), rule, label, problems);
    const value = valueOf(rule === 'FIXED' ? cells.money(col.value) : cells.number(col.value, true), rule, label, problems);

    const start = dateOf(dates.read(cells.at(col.start)), 'Start', label, problems);
    const end = dateOf(dates.read(cells.at(col.end)), 'End', label, problems);
    if (start !== null && end !== null && compareDates(end, start) < 0) {
      problems.error('Bad date', 'End', messages.endBeforeStart(label, toIsoDate(start), toIsoDate(end)));
    }

    const lockedRead = cells.flag(col.locked);
    if (lockedRead instanceof BadCell) problems.warning('Locked', 'Locked', messages.badLocked(label, lockedRead.text));
    const locked = lockedRead === true;

    const paymentText = cells.text(col.payment);
    const payment = parsePayment(paymentText);
    if (payment === null) problems.warning('Payment', 'Payment', messages.badPayment(label, paymentText));
    // Most awards have no contract terms: their four cells are blank, and nothing is made for them.
    const contract = isBlankCell(cells.at(col.contractStart)) && isBlankCell(cells.at(col.term)) && isBlankCell(cells.at(col.extensions))
      && isBlankCell(cells.at(col.extendedTo))
      ? null
      : readContractTerms(label, {
        start: dates.read(cells.at(col.contractStart)),
        term: cells.number(col.term),
        extensions: cells.text(col.extensions),
        extendedTo: dates.read(cells.at(col.extendedTo)),
      }, (column, message) => problems.warning('Contract terms', column, message));

    awards.push({
      row,
      ref,
      recipient: cells.text(col.recipient),
      recipientIdentifier: cells.text(col.identifier),
      service: cells.text(col.service),
      fund: fund ?? fundText,
      purpose: cells.text(col.purpose),
      priority: cells.text(col.priority),
      priorYear,
      rule,
      value,
      start,
      end,
      locked,
      route: cells.text(col.route),
      payment: payment ?? 'Single',
      contract,
      zeroed: problems.zeroed || unusable.has(row),
    });
  }
  return awards;
}
