/**
 * Cells a reader could not give a value for (a formula saved without its value, an
 * error value) are row problems naming the cell and the formula — never a silent 0.
 */
import { readModel, runModel } from '../../src/engine/model';
import { allocation, award, checksNamed, ledger, STAMP, tables, TODAY } from './support';

function withIssue(
  table: 'Awards' | 'Funds' | 'Scenarios',
  row: number,
  header: string,
  kind: 'uncalculated' | 'error',
  text: string,
) {
  const book = tables({
    awards: [award('A1', { 'Prior year': 1000 }), award('A2', { 'Prior year': null })],
    scenarios: [{ Scenario: 'Base' }],
  });
  const data = book[table];
  const column = data.headers.indexOf(header);
  // As a reader gives it: the cell blank, the issue beside it.
  data.rows[row][column] = null;
  data.issues = [{ row, column, kind, text, address: 'G3' }];
  return book;
}

describe('cells without a usable value', () => {
  it('makes an uncalculated formula in an award an error naming the ref, column, cell and formula', () => {
    const model = readModel(withIssue('Awards', 1, 'Prior year', 'uncalculated', '=B3*(1+VAT)'), TODAY);
    const [check] = checksNamed(model, 'Uncalculated formula');
    expect(check).toMatchObject({ severity: 'error', ref: 'A2', fund: 'Grant', table: 'Awards', row: 1, column: 'Prior year' });
    expect(check.message).toContain('=B3*(1+VAT)');
    expect(check.message).toContain('G3');
    expect(check.message).toContain('A2, Prior year');
  });

  it('leaves that award at £0.00 and counts it as an error, not as a blank', () => {
    const model = readModel(withIssue('Awards', 1, 'Prior year', 'uncalculated', '=B3*(1+VAT)'), TODAY);
    expect(model.awards[1].zeroed).toBe(true);
    const result = runModel(model, { stamp: STAMP, today: TODAY });
    expect(allocation(result, 'A2').amount).toBe(0);
    expect(result.checks.some((c) => c.check === 'Uncalculated formula' && c.severity === 'error')).toBe(true);
  });

  it('reports an error value such as #N/A in an award', () => {
    const model = readModel(withIssue('Awards', 0, 'Prior year', 'error', '#N/A'), TODAY);
    const [check] = checksNamed(model, 'Error value');
    expect(check).toMatchObject({ severity: 'error', ref: 'A1', table: 'Awards', row: 0, column: 'Prior year' });
    expect(check.message).toContain('#N/A');
    expect(model.awards[0].zeroed).toBe(true);
  });

  it('reports a fund whose income is an uncalculated formula, naming the fund', () => {
    const result = runModel(readModel(withIssue('Funds', 0, 'Income', 'uncalculated', '=SUM(X1:X4)'), TODAY), { stamp: STAMP, today: TODAY });
    const [check] = checksNamed(result, 'Uncalculated formula');
    expect(check).toMatchObject({ severity: 'error', fund: 'Grant', table: 'Funds', row: 0, column: 'Income' });
    expect(check.message).toContain('=SUM(X1:X4)');
    expect(ledger(result).income).toBe(0);
  });

  it('names the table, row and scenario for a scenario row', () => {
    const model = readModel(withIssue('Scenarios', 0, 'Income', 'error', '#REF!'), TODAY);
    const [check] = checksNamed(model, 'Error value');
    expect(check.message).toContain('Scenarios row 1, Income');
    expect(check.scenario).toBe('Base');
  });

  it('holds back the fit of a fund whose income is an uncalculated formula', () => {
    const book = withIssue('Funds', 0, 'Income', 'uncalculated', '=SUM(X1:X4)');
    book.Scenarios.rows = [['Base', 'Grant', null, 'scale']];
    const result = runModel(readModel(book, TODAY), { stamp: STAMP, today: TODAY });
    expect(allocation(result, 'A1').amount).toBe(1000);
    expect(result.checks.some((c) => c.check === 'Fit not applied' && c.fund === 'Grant')).toBe(true);
  });

  it('adds nothing for a table without issues', () => {
    const model = readModel(tables({ awards: [award('A1', { 'Prior year': 1000 })] }), TODAY);
    expect(checksNamed(model, 'Uncalculated formula')).toEqual([]);
    expect(checksNamed(model, 'Error value')).toEqual([]);
  });
});
