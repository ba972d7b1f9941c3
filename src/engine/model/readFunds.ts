/** Reading the `Funds` table. */
import { parseAllowed } from '../ringfence';
import type { CellValue, TableData } from '../sheet';
import { BadCell, cellText, readMoney } from './cells';
import type { Fund } from './inputs';
import { messages } from './messages';
import { cellAt, FUNDS, openTable } from './schema';
import type { Check } from './types';

/** Funds in table order (names unique, matched case-blind, the first row winning), with their row problems. */
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

    const money = (cell: CellValue, header: string, fallback: string): number | null => {
      const read = readMoney(cell);
      if (read instanceof BadCell) {
        problem('Not a number', header, messages.fundNotANumber(name, header, read.text, fallback));
        return null;
      }
      return read;
    };
    const openingBalance = money(cellAt(cells, col.opening), 'Opening balance', 'it counts as £0.00') ?? 0;
    const income = money(cellAt(cells, col.income), 'Income', 'it counts as £0.00') ?? 0;
    const floor = money(cellAt(cells, col.floor), 'Floor', 'it counts as £0.00') ?? 0;
    const awardCap = money(cellAt(cells, col.cap), 'Award cap', 'the fund has no award cap');

    let appendix: number | null = null;
    const appendixCell = cellAt(cells, col.appendix);
    const appendixRead = readMoney(appendixCell);
    if (typeof appendixRead === 'number' && Number.isInteger(appendixRead) && appendixRead > 0) {
      appendix = appendixRead;
    } else if (appendixRead !== null) {
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
