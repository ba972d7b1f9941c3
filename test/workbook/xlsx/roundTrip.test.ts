/**
 * Every result `awards run` writes is a sound package (test/support/packageCheck.ts)
 * and opens in LibreOffice headless with the numbers equal to what `--json` printed:
 * the sample (from `awards sample`), a re-run on that result (owned sheets replaced in
 * place: same sheet ids, parts, table ids and names), the feature model and its .xlsm,
 * and openpyxl's model. LibreOffice converts all of them in one process.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import type { ModelResult } from '../../../src/engine/model';
import { generate } from '../../fixtures/xlsx/generate';
import { awards, ensureBuilt, scratch, type CliRun } from '../../cli/support';
import { numberOf, sheetsAsCsv, tableIn, type Csv } from '../../support/libreoffice';
import { bookOf, packageProblems, partsOf, type Parts } from '../../support/packageCheck';

interface Result {
  input: string;
  out: string;
  args: string[];
  run?: CliRun;
  json?: ModelResult;
  parts?: Parts;
  sheets?: Record<string, Csv>;
}

const RESULTS: Result[] = [
  { input: 'sample.xlsx', out: 'r-sample.xlsx', args: [] },
  { input: 'r-sample.xlsx', out: 'r-rerun.xlsx', args: ['--scenario', 'Confirmed'] },
  { input: 'features.xlsx', out: 'r-features.xlsx', args: [] },
  { input: 'features.xlsm', out: 'r-features.xlsm', args: [] },
  { input: 'openpyxl.xlsx', out: 'r-openpyxl.xlsx', args: [] },
];

let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = scratch();
  generate('features', dir);
  generate('readers', dir);
  const sample = awards(['sample', '--out', 'sample.xlsx'], dir);
  if (sample.status !== 0) throw new Error(`awards sample failed: ${sample.stderr}`);
  for (const result of RESULTS) {
    result.run = awards(['run', result.input, '--out', result.out, '--json', ...result.args], dir);
    if (result.run.status === 0) result.json = JSON.parse(result.run.stdout) as ModelResult;
    const file = path.join(dir, result.out);
    if (existsSync(file)) result.parts = partsOf(readFileSync(file));
  }
  const written = RESULTS.filter((result) => result.parts !== undefined);
  const sheets = sheetsAsCsv(written.map((result) => path.join(dir, result.out)));
  written.forEach((result, i) => {
    result.sheets = sheets[i];
  });
}, 300_000);

/** A sum of pounds, exact to the penny (each amount is whole pence). */
function sum(amounts: readonly number[]): number {
  return amounts.reduce((total, amount) => total + Math.round(amount * 100), 0) / 100;
}

function written(result: Result): Required<Result> {
  if (result.run?.status !== 0) throw new Error(`awards run ${result.input} exited ${result.run?.status}: ${result.run?.stderr}`);
  if (result.parts === undefined || result.sheets === undefined || result.json === undefined) {
    throw new Error(`awards run ${result.input} wrote no ${result.out}`);
  }
  return result as Required<Result>;
}

describe.each(RESULTS)('the result of awards run $input $args', (result) => {
  // Each output sheet's table is followed directly by its totals rows (SPEC §3), checked here too.
  it('passes the package check', () => {
    expect(packageProblems(written(result).parts)).toEqual([]);
  });

  it('opens in LibreOffice with each allocation equal to --json', () => {
    const { sheets, json } = written(result);
    const rows = tableIn(sheets.Allocations, ['Scenario', 'Ref']);
    const totals = json.scenariosRun.map((scenario) => {
      const lines = json.allocations.filter((row) => row.scenario === scenario);
      return [scenario, 'Total', sum(lines.map((row) => row.priorYear)), sum(lines.map((row) => row.amount)), sum(lines.map((row) => row.change))];
    });
    expect(rows.map((row) => [row.Scenario, row.Ref, numberOf(row['Prior year']), numberOf(row.Amount), numberOf(row.Change)]))
      .toEqual([...json.allocations.map((row) => [row.scenario, row.ref, row.priorYear, row.amount, row.change]), ...totals]);
  });

  it('opens in LibreOffice with the fund ledger equal to --json', () => {
    const { sheets, json } = written(result);
    const rows = tableIn(sheets['Fund ledger'], ['Scenario', 'Fund']);
    const totals = json.scenariosRun.map((scenario) => {
      const funds = json.ledger.filter((row) => row.scenario === scenario);
      return [scenario, 'All funds', sum(funds.map((row) => row.awarded)), sum(funds.map((row) => row.closingBalance))];
    });
    expect(rows.map((row) => [row.Scenario, row.Fund, numberOf(row.Awarded), numberOf(row['Closing balance'])]))
      .toEqual([...json.ledger.map((row) => [row.scenario, row.fund, row.awarded, row.closingBalance]), ...totals]);
  });

  it("keeps the input's sheets first, in their order, and adds the owned ones after them", () => {
    const { parts } = written(result);
    const input = bookOf(partsOf(readFileSync(path.join(dir, result.input)))).sheets.map((sheet) => sheet.name);
    const sheets = bookOf(parts).sheets.map((sheet) => sheet.name);
    const owned = ['Allocations', 'Fund ledger', 'Checks', 'Comparison', 'Commitments', 'Payments', 'Calendar', 'AwardsModeller'];
    const users = input.filter((name) => !owned.includes(name) && !/^Appendix \d+$/.test(name));
    expect(sheets.slice(0, users.length)).toEqual(users);
    expect(bookOf(parts).sheets.find((sheet) => sheet.name === 'AwardsModeller')?.state).toBe('veryHidden');
  });
});

describe('a re-run on its own result', () => {
  it('replaces the owned sheets in place: same sheet ids, parts, table ids and names', () => {
    const first = bookOf(written(RESULTS[0]).parts);
    const again = bookOf(written(RESULTS[1]).parts);
    const owned = (book: ReturnType<typeof bookOf>) => ({
      sheets: book.sheets.filter((sheet) => ['Allocations', 'Fund ledger', 'Checks', 'Comparison', 'Commitments'].includes(sheet.name)),
      tables: book.tables.filter((table) => ['Allocations', 'FundLedger', 'Checks', 'Comparison', 'Commitments'].includes(table.name)),
    });
    expect(owned(first).sheets).toHaveLength(5);
    expect(owned(first).tables).toHaveLength(5);
    expect(owned(again)).toEqual(owned(first));
  });

  it('holds only the scenario run the second time', () => {
    const { sheets } = written(RESULTS[1]);
    const scenarios = new Set(tableIn(sheets.Allocations, ['Scenario', 'Ref']).map((row) => row.Scenario));
    expect([...scenarios]).toEqual(['Confirmed']);
  });
});
