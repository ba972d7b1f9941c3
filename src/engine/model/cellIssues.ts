/**
 * Cells a workbook reader could not give a value for — a formula saved without its
 * calculated value, or an error value such as `#N/A` (`TableData.issues`) — as row
 * problems (SPEC §3). The cell reads as blank, so without this check a fund's income
 * or an award's amount would silently count as 0.
 */
import type { CellIssue, TableData } from '../sheet';
import { messages } from './messages';
import { AWARDS, findTable, FUNDS, INPUT_TABLES, SCENARIOS } from './schema';
import type { Check } from './types';

/** The row's label in messages: the Awards Ref, the Funds fund, else `Scenarios row 3`. */
function rowLabel(table: TableData, row: number): { label: string; ref: string; fund: string; scenario: string } {
  const at = (header: string): string => {
    const column = table.headers.findIndex((h) => h.trim() === header);
    const cell = column < 0 ? null : table.rows[row]?.[column];
    return cell === null || cell === undefined ? '' : String(cell).trim();
  };
  const name = table.name.toLowerCase();
  if (name === AWARDS.name.toLowerCase()) {
    const ref = at('Ref');
    return { label: ref === '' ? `Awards row ${row + 1}` : ref, ref, fund: at('Fund'), scenario: '' };
  }
  if (name === FUNDS.name.toLowerCase()) {
    const fund = at('Fund');
    return { label: fund === '' ? `Funds row ${row + 1}` : fund, ref: '', fund, scenario: '' };
  }
  // A Scenarios row holds up only its own scenario's fit (see unread.ts).
  const scenario = name === SCENARIOS.name.toLowerCase() ? at('Scenario') : '';
  return { label: `${table.name} row ${row + 1}`, ref: '', fund: at('Fund'), scenario };
}

/** The message for one unusable cell. */
export function cellIssueMessage(table: TableData, issue: CellIssue): string {
  const { label } = rowLabel(table, issue.row);
  const header = table.headers[issue.column] ?? `column ${issue.column + 1}`;
  return issue.kind === 'uncalculated'
    ? messages.uncalculatedFormula(label, header, issue.text, issue.address, table.sheet)
    : messages.errorValue(label, header, issue.text, issue.address, table.sheet);
}

/**
 * One error-level check per unusable cell of every input table, naming the table, row
 * and column (and for Awards the ref and fund, so the fund is not fitted over it).
 */
export function cellIssueChecks(tables: Readonly<Record<string, TableData>>): Check[] {
  const checks: Check[] = [];
  for (const name of INPUT_TABLES) {
    const table = findTable(tables, name);
    if (table === undefined || table.issues === undefined) continue;
    for (const issue of table.issues) {
      const { ref, fund, scenario } = rowLabel(table, issue.row);
      checks.push({
        severity: 'error',
        scenario,
        fund,
        ref,
        check: issue.kind === 'uncalculated' ? 'Uncalculated formula' : 'Error value',
        message: cellIssueMessage(table, issue),
        table: table.name,
        row: issue.row,
        column: table.headers[issue.column] ?? '',
      });
    }
  }
  return checks;
}

/** The 0-based body rows of a table that hold an unusable cell. */
export function rowsWithIssues(table: TableData | undefined): ReadonlySet<number> {
  return new Set((table?.issues ?? []).map((issue) => issue.row));
}
