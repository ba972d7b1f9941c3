/**
 * The task pane's commands on the in-memory workbook: what each reads, runs and
 * writes, without a browser.
 */
import { findScenarioIncomeRow, readModel, runModel, sampleModel, SAMPLE_GRANT } from '../../src/engine/model';
import type { TableData } from '../../src/engine/sheet';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { SheetNotOwnedError } from '../../src/workbook/port';
import {
  buildAppendices,
  compareScenarios,
  createSample,
  enterConfirmedGrant,
  errorText,
  parseGrant,
  readStatus,
  runScenarios,
  withComparisonChart,
  type Clock,
} from '../../src/taskpane/commands';
import { glanceOf } from '../../src/taskpane/glance';
import { outputSheets } from '../../src/engine/model';

const CLOCK: Clock = { stamp: '2021-03-01 09:00', today: '2021-03-01' };

function sampleBook(): MemoryWorkbook {
  return MemoryWorkbook.fromTables(sampleModel());
}

const sheetsOf = (book: MemoryWorkbook): string[] => book.sheets().map((sheet) => sheet.name);

describe('finding the model', () => {
  it('says which tables are missing from an empty workbook', async () => {
    const status = await readStatus(new MemoryWorkbook(), CLOCK);
    expect(status.missing).toEqual(['Funds', 'Awards', 'Scenarios']);
    expect(status.model).toBeNull();
  });

  it('finds the sample model once created, with its scenarios and the confirmed figure', async () => {
    const book = new MemoryWorkbook();
    await createSample(book);
    const status = await readStatus(book, CLOCK);
    expect(status.found).toEqual(['Funds', 'Awards', 'Scenarios', 'Settings', 'Envelopes', 'Monitoring', 'Procurement']);
    expect(status.scenarios).toEqual(['Indicative', 'Confirmed']);
    expect(status.confirmedIncome).toBe(SAMPLE_GRANT.confirmed);
  });

  it('reports, rather than throws, a model it cannot use', async () => {
    const tables = sampleModel().map((t): TableData =>
      t.name === 'Awards' ? { ...t, headers: t.headers.map((h) => (h === 'Prior year' ? 'Last year' : h)) } : t,
    );
    const status = await readStatus(MemoryWorkbook.fromTables(tables), CLOCK);
    expect(status.model).toBeNull();
    expect(status.problem).toContain('Prior year');
  });
});

describe('Run scenarios', () => {
  it('writes every output sheet and leaves the input tables as they were', async () => {
    const book = sampleBook();
    const before = await book.readTables(['Funds', 'Awards', 'Scenarios']);
    const outcome = await runScenarios(book, ['Indicative', 'Confirmed'], CLOCK);
    expect(outcome.written).toEqual(expect.arrayContaining(['Allocations', 'Fund ledger', 'Checks', 'Comparison', 'Commitments', 'Appendix 1']));
    expect(sheetsOf(book)).toEqual(expect.arrayContaining(outcome.written));
    expect(await book.readTables(['Funds', 'Awards', 'Scenarios'])).toEqual(before);
  });

  it('asks for a scenario when none is chosen', async () => {
    await expect(runScenarios(sampleBook(), [], CLOCK)).rejects.toThrow('Choose at least one scenario');
  });

  it('stops, writing nothing, at a sheet of the user’s named like an output', async () => {
    const tables = [...sampleModel(), { name: 'MyChecks', sheet: 'Checks', headers: ['Note'], rows: [['mine']] }];
    const book = MemoryWorkbook.fromTables(tables);
    const error = await runScenarios(book, ['Indicative'], CLOCK).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SheetNotOwnedError);
    expect(errorText(error)).toContain("sheet named 'Checks'");
    expect(sheetsOf(book)).not.toContain('Allocations');
  });

  it('reports each step of a long run', async () => {
    const steps: string[] = [];
    await runScenarios(sampleBook(), ['Indicative'], CLOCK, async (status, done, total) => {
      steps.push(`${done}/${total} ${status}`);
    });
    expect(steps).toEqual(['0/3 Reading the model…', '1/3 Running 1 scenario…', expect.stringMatching(/^2\/3 Writing \d+ sheets…$/)]);
  });
});

describe('Confirmed MoJ grant', () => {
  it.each([
    ['1112400', 1112400],
    ['£1,112,400.50', 1112400.5],
    [' 0 ', 0],
  ])('takes %p as %p', (raw, amount) => {
    expect(parseGrant(raw)).toBe(amount);
  });

  it.each([
    ['', 'Enter the confirmed MoJ grant'],
    ['abc', 'is not an amount'],
    ['-1', 'cannot be negative'],
    ['1.005', 'more than two decimal places'],
  ])('refuses %p: %s', (raw, message) => {
    expect(() => parseGrant(raw)).toThrow(message);
  });

  it('changes only the Confirmed income cell, re-runs, and sums up the variance as the model does', async () => {
    const book = sampleBook();
    const before = await book.readTables(['Funds', 'Awards', 'Scenarios']);
    const outcome = await enterConfirmedGrant(book, 1150000, ['Indicative', 'Confirmed'], CLOCK);
    const after = await book.readTables(['Funds', 'Awards', 'Scenarios']);

    expect(after.Funds).toEqual(before.Funds);
    expect(after.Awards).toEqual(before.Awards);
    const row = findScenarioIncomeRow(readModel(before, CLOCK.today), 'Confirmed', 'Victim Services Grant') as number;
    const income = before.Scenarios.headers.indexOf('Income');
    const changed = before.Scenarios.rows.map((r, i) => (i === row ? r.map((c, k) => (k === income ? 1150000 : c)) : r));
    expect(after.Scenarios.rows).toEqual(changed);

    const model = readModel(after, CLOCK.today);
    const expected = runModel(model, { scenarios: ['Indicative', 'Confirmed'], compare: ['Indicative', 'Confirmed'], ...CLOCK });
    const total = expected.comparison?.fundTotals.find((r) => r.fund === 'Victim Services Grant');
    expect(outcome.glance.fund?.variance).toBe(total?.variance);
    expect(outcome.glance.fund?.variancePct).toBe(total?.variancePct);
    expect(outcome.glance.fund?.first).toBe(total?.first);
    expect(outcome.glance.fund?.second).toBe(total?.second);
    expect(outcome.glance.fund?.linesScaled).toBe(
      expected.allocations.filter((a) => a.scenario === 'Confirmed' && a.fund === 'Victim Services Grant' && a.notes.includes('scaled')).length,
    );
  });

  it('takes any scenario name: with no scenario named Confirmed, the last one gets the figure', async () => {
    const tables = sampleModel().map((t): TableData =>
      t.name === 'Scenarios' ? { ...t, rows: t.rows.map((r) => (r[0] === 'Confirmed' ? ['Final', ...r.slice(1)] : r)) } : t,
    );
    const book = MemoryWorkbook.fromTables(tables);
    const outcome = await enterConfirmedGrant(book, 1150000, [], CLOCK);
    expect(outcome).toMatchObject({ fund: 'Victim Services Grant', scenario: 'Final', replaced: SAMPLE_GRANT.confirmed });
    const after = await book.readTables(['Scenarios']);
    const row = findScenarioIncomeRow(readModel({ ...(await book.readTables(['Funds', 'Awards', 'Scenarios'])) }, CLOCK.today), 'Final', 'Victim Services Grant') as number;
    expect(after.Scenarios.rows[row][after.Scenarios.headers.indexOf('Income')]).toBe(1150000);
  });

  it('says where to add the row when the confirmed scenario has none for the grant fund', async () => {
    const tables = sampleModel().map((t): TableData =>
      t.name === 'Settings' ? { ...t, rows: [...t.rows, ['Confirmed scenario', 'Indicative'], ['Grant fund', 'Youth and Community Fund']] } : t,
    );
    const funds = tables.find((t) => t.name === 'Funds')?.rows.map((r) => r[0]) ?? [];
    expect(funds).toContain('Youth and Community Fund');
    await expect(enterConfirmedGrant(MemoryWorkbook.fromTables(tables), 1, [], CLOCK)).rejects.toThrow(
      "Add a row with Scenario 'Indicative' and Fund 'Youth and Community Fund'",
    );
  });

  it('writes the figure only after every output sheet is written: a sheet of the user’s named Checks leaves the model as it was', async () => {
    const tables = [...sampleModel(), { name: 'MyChecks', sheet: 'Checks', headers: ['Note'], rows: [['mine']] }];
    const book = MemoryWorkbook.fromTables(tables);
    const before = await book.readTables(['Scenarios']);
    await expect(enterConfirmedGrant(book, 1150000, [], CLOCK)).rejects.toThrow(SheetNotOwnedError);
    expect(await book.readTables(['Scenarios'])).toEqual(before);
    expect(sheetsOf(book)).not.toContain('Allocations');
  });

  it('asks for the fund when the model cannot tell, and enters it in the fund chosen', async () => {
    const tables = sampleModel().map((t): TableData => {
      if (t.name === 'Funds') return { ...t, rows: t.rows.map((r) => r.map((c, k) => (t.headers[k] === 'Source' ? 'Own funds' : c))) };
      if (t.name === 'Scenarios') return { ...t, rows: t.rows.map((r) => r.map((c, k) => (t.headers[k] === 'Income' ? 1000000 : c))) };
      return t;
    });
    const book = MemoryWorkbook.fromTables(tables);
    const status = await readStatus(book, CLOCK);
    expect(status.grant?.kind).toBe('ask');
    await expect(enterConfirmedGrant(book, 1150000, [], CLOCK)).rejects.toThrow('Choose the grant fund');
    const outcome = await enterConfirmedGrant(book, 1150000, [], CLOCK, undefined, 'Victim Services Grant');
    expect(outcome.fund).toBe('Victim Services Grant');
    expect(outcome.replaced).toBe(1000000);
  });

  it('says the write cannot be undone in one step where the port cannot group it', async () => {
    const outcome = await enterConfirmedGrant(sampleBook(), 1150000, [], CLOCK);
    expect(outcome.undo).toBe('not-undoable');
  });
});

describe('Compare', () => {
  it('writes only the Comparison sheet, with a chart of the fund totals', async () => {
    const book = sampleBook();
    const outcome = await compareScenarios(book, 'Confirmed', 'Indicative', CLOCK);
    expect(outcome.written).toEqual(['Comparison']);
    expect(outcome.result.comparison?.first).toBe('Confirmed');
    const sheets = withComparisonChart(outputSheets(outcome.result), outcome.result);
    expect(sheets.find((s) => s.sheet === 'Comparison')?.chart).toEqual({
      title: 'Confirmed vs Indicative by fund',
      categories: 'Fund',
      series: ['Confirmed', 'Indicative'],
      fromFooter: true,
    });
  });

  it('refuses to compare a scenario with itself', async () => {
    await expect(compareScenarios(sampleBook(), 'Indicative', 'indicative', CLOCK)).rejects.toThrow('two different scenarios');
  });

  it('sums all funds and the one fund exactly, to the penny', async () => {
    const outcome = await compareScenarios(sampleBook(), 'Indicative', 'Confirmed', CLOCK);
    const glance = glanceOf(outcome.result, 'Victim Services Grant');
    const pence = outcome.result.comparison?.fundTotals.reduce((sum, r) => sum + Math.round(r.variance * 100), 0) ?? NaN;
    expect(glance.allFunds.variance).toBe(pence / 100);
    expect(glance.fund?.label).toBe('Victim Services Grant');
  });
});

describe('Build appendices', () => {
  it('writes only the Appendix sheets, with the Payments and Calendar, for the scenario chosen', async () => {
    const book = sampleBook();
    const outcome = await buildAppendices(book, 'Confirmed', CLOCK);
    expect(outcome.written.filter((name) => !/^Appendix \d+$/.test(name))).toEqual(['Payments', 'Calendar']);
    expect(outcome.written).toContain('Appendix 1');
    const appendix = book.sheets().find((s) => s.name === 'Appendix 1');
    expect(appendix?.title[0]).toBe('Appendix 1: Victim Services Grant awards 2021/22 (Confirmed)');
  });

  it('says so when no fund has an appendix number', async () => {
    const tables = sampleModel().map((t): TableData =>
      t.name === 'Funds' ? { ...t, rows: t.rows.map((r) => r.map((c, k) => (t.headers[k] === 'Appendix' ? null : c))) } : t,
    );
    await expect(buildAppendices(MemoryWorkbook.fromTables(tables), 'Confirmed', CLOCK)).rejects.toThrow('no appendix to build');
  });
});
