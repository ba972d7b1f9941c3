/** Reading the `Awards` table: each row checked, its problems turned into checks. */
import type { Decimal } from 'decimal.js';
import { compareDates, toIsoDate, type CalendarDate } from '../dates';
import { D } from '../money';
import type { TableData } from '../sheet';
import { cellText, readAmount, readDate, readFlag } from './cells';
import type { Award, Fund } from './inputs';
import { messages } from './messages';
import { needsPriorYear, needsValue, parseRule } from './rules';
import { AWARDS, cellAt, openTable } from './schema';
import type { Check } from './types';

/**
 * Awards in table order. A row with a problem (no or a duplicate ref, unknown fund or
 * rule, a missing or non-numeric amount, a bad date) is kept, marked `zeroed`, and
 * its problem added to `checks` naming the ref, column and row.
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
  };
  const fundNames = new Map<string, string>();
  for (const fund of funds) fundNames.set(fund.name.toLowerCase(), fund.name);
  const refs = new Set<string>();
  const zero = new D(0);
  const awards: Award[] = [];

  for (const [cells, row] of table.bodyRows()) {
    const ref = cellText(cellAt(cells, col.ref));
    const fundText = cellText(cellAt(cells, col.fund));
    const fund = fundNames.get(fundText.toLowerCase());
    let zeroed = false;
    const report = (check: string, column: string, message: string, severity: 'error' | 'warning' = 'error'): void => {
      if (severity === 'error') zeroed = true;
      checks.push({ severity, scenario: '', fund: fund ?? fundText, ref, check, message, table: AWARDS.name, row, column });
    };
    const label = ref === '' ? `Row ${row + 1}` : ref;

    if (ref === '') {
      report('Missing value', 'Ref', messages.missingRef(row));
    } else {
      const key = ref.toLowerCase();
      if (refs.has(key)) report('Duplicate ref', 'Ref', messages.duplicateRef(ref));
      else refs.add(key);
    }

    if (fundText === '') report('Unknown fund', 'Fund', messages.blankFund(label));
    else if (fund === undefined) report('Unknown fund', 'Fund', messages.unknownFund(label, fundText));

    const ruleText = cellText(cellAt(cells, col.rule));
    const rule = parseRule(ruleText);
    if (ruleText === '') report('Unknown rule', 'Rule', messages.blankRule(label));
    else if (rule === null) report('Unknown rule', 'Rule', messages.unknownRule(label, ruleText));

    let priorYear: Decimal = zero;
    const prior = readAmount(cellAt(cells, col.prior));
    if (prior.kind === 'value') {
      priorYear = prior.value;
      if (rule !== null && needsPriorYear(rule) && priorYear.isNegative()) {
        report('Bad value', 'Prior year', messages.negativeAmount(label, 'Prior year', priorYear.toString(), rule));
      }
    }
    else if (prior.kind === 'bad') report('Not a number', 'Prior year', messages.notANumber(label, 'Prior year', prior.text));
    else if (rule !== null && needsPriorYear(rule)) {
      report('Missing value', 'Prior year', messages.missingAmount(label, 'Prior year', rule));
    }

    let value: Decimal | null = null;
    const valueRead = readAmount(cellAt(cells, col.value), { percent: true });
    if (valueRead.kind === 'value') {
      value = valueRead.value;
      if (rule === 'TOPSLICE' && (value.isNegative() || value.gt(1))) {
        report('Bad value', 'Value', messages.badFraction(label, value.toString()));
      } else if (rule === 'FIXED' && value.isNegative()) {
        report('Bad value', 'Value', messages.negativeAmount(label, 'Value', value.toString(), rule));
      } else if (rule === 'CHANGE' && value.lt(-1)) {
        report('Bad value', 'Value', messages.cutTooDeep(label, value.toString()));
      } else if (rule === 'SHARE' && value.isNegative()) {
        report('Bad value', 'Value', messages.negativeWeight(label, value.toString()));
      }
    } else if (valueRead.kind === 'bad') {
      report('Not a number', 'Value', messages.notANumber(label, 'Value', valueRead.text));
    } else if (rule !== null && needsValue(rule)) {
      report('Missing value', 'Value', messages.missingAmount(label, 'Value', rule));
    }

    const date = (column: 'start' | 'end', header: string): CalendarDate | null => {
      const read = readDate(cellAt(cells, col[column]));
      if (read.kind === 'value') return read.value;
      if (read.kind === 'bad') report('Bad date', header, messages.badDate(label, header, read.text));
      return null;
    };
    const start = date('start', 'Start');
    const end = date('end', 'End');
    if (start !== null && end !== null && compareDates(end, start) < 0) {
      report('Bad date', 'End', messages.endBeforeStart(label, toIsoDate(start), toIsoDate(end)));
    }

    let locked = false;
    const lockedRead = readFlag(cellAt(cells, col.locked));
    if (lockedRead.kind === 'value') locked = lockedRead.value;
    else if (lockedRead.kind === 'bad') report('Locked', 'Locked', messages.badLocked(label, lockedRead.text), 'warning');

    awards.push({
      row,
      ref,
      recipient: cellText(cellAt(cells, col.recipient)),
      recipientIdentifier: cellText(cellAt(cells, col.identifier)),
      service: cellText(cellAt(cells, col.service)),
      fund: fund ?? fundText,
      purpose: cellText(cellAt(cells, col.purpose)),
      priority: cellText(cellAt(cells, col.priority)),
      priorYear,
      rule,
      value,
      start,
      end,
      locked,
      route: cellText(cellAt(cells, col.route)),
      zeroed,
    });
  }
  return awards;
}
