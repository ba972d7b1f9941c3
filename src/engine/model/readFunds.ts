/** Reading the `Funds` table. */
import { parseAllowed } from '../ringfence';
import type { CellValue, TableData } from '../sheet';
import { BadCell, cellText, readMoney, RowCells } from './cells';
import type { Fund } from './inputs';
import { messages } from './messages';
import { FUNDS, openTable } from './schema';
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
  const cells = new RowCells();
  for (let row = 0; row < table.rows.length; row++) {
    cells.cells = table.rows[row];
    if (cells.isBlank()) continue;
    const name = cells.text(col.fund);
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
    const openingBalance = money(cells.at(col.opening), 'Opening balance', 'it counts as £0.00') ?? 0;
    const income = money(cells.at(col.income), 'Income', 'it counts as £0.00') ?? 0;
    const floor = money(cells.at(col.floor), 'Floor', 'it counts as £0.00') ?? 0;
    const awardCap = money(cells.at(col.cap), 'Award cap', 'the fund has no award cap');

    let appendix: number | null = null;
    const appendixCell = cells.at(col.appendix);
    const appendixRead = readMoney(appendixCell);
    if (typeof appendixRead === 'number' && Number.isInteger(appendixRead) && appendixRead > 0) {
      appendix = appendixRead;
    } else if (appendixRead !== null) {
      problem('Not a number', 'Appendix', messages.badAppendix(name, cellText(appendixCell)));
    }

    funds.push({
      name,
      source: cells.text(col.source),
      openingBalance,
      income,
      allowedPurposes: parseAllowed(cells.text(col.allowed)),
      floor,
      awardCap,
      appendix,
      row,
    });
  }
  return funds;
}
