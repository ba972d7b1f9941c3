/** Reading the `Funds` table. */
import type { Decimal } from 'decimal.js';
import { D } from '../money';
import { parseAllowed } from '../ringfence';
import type { TableData } from '../sheet';
import { cellText, readAmount } from './cells';
import type { Fund } from './inputs';
import { messages } from './messages';
import { cellAt, FUNDS, openTable } from './schema';
import type { Check } from './types';

/** Funds in table order (names unique, the first row winning), with their row problems. */
export function readFunds(tables: Readonly<Record<string, TableData>>, checks: Check[]): Fund[] {
  const table = openTable(tables, FUNDS);
  if (table === null) return [];
  const col = {
    fund: table.column('Fund'),
    source: table.column('Source'),
    opening: table.column('Opening balance'),
    income: table.column('Income'),
    allowed: table.column('Allowed purposes'),
    floor: table.column('Floor'),
    cap: table.column('Award cap'),
    appendix: table.column('Appendix'),
  };
  const funds: Fund[] = [];
  const seen = new Set<string>();
  for (const [cells, row] of table.bodyRows()) {
    const name = cellText(cellAt(cells, col.fund));
    const problem = (check: string, column: string, message: string): void => {
      checks.push({ severity: 'error', scenario: '', fund: name, ref: '', check, message, table: FUNDS.name, row, column });
    };
    if (name === '') {
      problem('Missing value', 'Fund', messages.blankFundName(row));
      continue;
    }
    const key = name.toLowerCase();
    if (seen.has(key)) {
      problem('Duplicate fund', 'Fund', messages.duplicateFund(name));
      continue;
    }
    seen.add(key);

    const money = (column: keyof typeof col, header: string, fallback: string): Decimal | null => {
      const read = readAmount(cellAt(cells, col[column]));
      if (read.kind === 'value') return read.value;
      if (read.kind === 'bad') problem('Not a number', header, messages.fundNotANumber(name, header, read.text, fallback));
      return null;
    };
    const zero = new D(0);
    const openingBalance = money('opening', 'Opening balance', 'it counts as £0.00') ?? zero;
    const income = money('income', 'Income', 'it counts as £0.00') ?? zero;
    const floor = money('floor', 'Floor', 'it counts as £0.00') ?? zero;
    const awardCap = money('cap', 'Award cap', 'the fund has no award cap');

    let appendix: number | null = null;
    const appendixCell = cellAt(cells, col.appendix);
    const appendixRead = readAmount(appendixCell);
    if (appendixRead.kind === 'value' && appendixRead.value.isInteger() && appendixRead.value.gt(0)) {
      appendix = appendixRead.value.toNumber();
    } else if (appendixRead.kind !== 'blank') {
      problem('Not a number', 'Appendix', messages.badAppendix(name, cellText(appendixCell)));
    }

    funds.push({
      name,
      source: cellText(cellAt(cells, col.source)),
      openingBalance,
      income,
      allowedPurposes: parseAllowed(cellText(cellAt(cells, col.allowed))),
      floor,
      awardCap,
      appendix,
      row,
    });
  }
  return funds;
}
