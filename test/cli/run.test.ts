/** `awards sample` and `awards run`, end to end through the built CLI on real .xlsx files. */
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { SAMPLE_GRANT } from '../../src/engine/model';
import type { ModelResult } from '../../src/engine/model';
import { awards, ensureBuilt, readXlsxTables, records, scratch, type ReadTable } from './support';

const OUTPUT_HEADERS: Record<string, string[]> = {
  Allocations: ['Scenario', 'Ref', 'Recipient', 'Service', 'Fund', 'Prior year', 'Amount', 'Change', 'Change %', 'Notes'],
  FundLedger: ['Scenario', 'Fund', 'Opening balance', 'Income', 'Awarded', 'Closing balance', 'Floor', 'Headroom'],
  Checks: ['Severity', 'Scenario', 'Fund', 'Ref', 'Check', 'Message'],
  Comparison: ['Ref', 'Recipient', 'Fund', 'Indicative', 'Confirmed', 'Variance', 'Variance %'],
  Commitments: ['Ref', 'Recipient', 'Fund', '2021/22', '2022/23', '2023/24'],
  Payments: ['Ref', 'Recipient', 'Fund', 'Apr 2021', 'May 2021', 'Jun 2021', 'Jul 2021', 'Aug 2021', 'Sep 2021', 'Oct 2021', 'Nov 2021',
    'Dec 2021', 'Jan 2022', 'Feb 2022', 'Mar 2022', 'Total'],
  Calendar: ['Date', 'Event', 'Ref', 'Recipient', 'Fund', 'Amount', 'Detail'],
  Appendix1: ['Recipient', 'Service', '2020/21', '2021/22 (Confirmed)', 'Change'],
};

const pence = (amount: unknown): number => Math.round(Number(amount) * 100);

describe('awards sample and awards run', () => {
  let dir = '';
  let model = '';
  let tables: Record<string, ReadTable> = {};
  let sheets: string[] = [];
  let runOutput = { status: null as number | null, stdout: '', stderr: '' };
  let modelBytes: Buffer;

  beforeAll(async () => {
    ensureBuilt();
    dir = scratch();
    model = path.join(dir, 'model.xlsx');
    const made = awards(['sample', '--out', 'model.xlsx'], dir);
    expect(made).toMatchObject({ status: 0, stderr: '' });
    modelBytes = readFileSync(model);
    runOutput = awards(['run', 'model.xlsx', '--out', 'result.xlsx'], dir);
    ({ tables, sheets } = await readXlsxTables(path.join(dir, 'result.xlsx')));
  });

  it('writes the sample model with its input tables', async () => {
    const sample = await readXlsxTables(model);
    expect(Object.keys(sample.tables).sort()).toEqual(['Awards', 'Envelopes', 'Funds', 'Monitoring', 'Procurement', 'Scenarios', 'Settings']);
  });

  it('refuses to overwrite an existing file without --force', () => {
    const again = awards(['sample', '--out', 'model.xlsx'], dir);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("'model.xlsx' already exists. Choose another file, or add --force to replace it.");
    expect(readFileSync(model).equals(modelBytes)).toBe(true);
  });

  it('replaces an existing file with --force', () => {
    writeFileSync(path.join(dir, 'old.xlsx'), 'old');
    expect(awards(['sample', '--out', 'old.xlsx', '--force'], dir).status).toBe(0);
    expect(readFileSync(path.join(dir, 'old.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('exits 0 and leaves the input byte-identical', () => {
    expect(runOutput.status).toBe(0);
    expect(readFileSync(model).equals(modelBytes)).toBe(true);
  });

  it('keeps the input tables in the copy and adds every output sheet', () => {
    expect(sheets).toEqual(expect.arrayContaining([
      'Awards', 'Funds', 'Scenarios', 'Allocations', 'Fund ledger', 'Checks', 'Comparison', 'Commitments', 'Payments', 'Calendar',
      'Appendix 1', 'Appendix 2', 'Appendix 3',
    ]));
  });

  it.each(Object.entries(OUTPUT_HEADERS))('writes table %s with its exact headers', (name, headers) => {
    expect(tables[name].headers).toEqual(headers);
  });

  it('writes the Calendar with real dates and the Payments adding up to each award', () => {
    const calendar = records(tables.Calendar);
    expect([calendar[0].Date, calendar[0].Event, calendar[0].Ref]).toEqual(['2021-04-01T00:00:00.000Z', 'Payment', 'VS-01']);
    for (const row of records(tables.Payments)) {
      const months = Object.entries(row).filter(([header]) => /^[A-Z][a-z]{2} \d{4}$/.test(header));
      expect(months.length).toBe(12);
      expect(months.reduce((sum, [, amount]) => sum + pence(amount), 0)).toBe(pence(row.Total));
    }
  });

  it("shares the confirmed grant across the Victim Services awards to the penny, locked lines untouched", () => {
    const confirmed = records(tables.Allocations).filter(
      (row) => row.Scenario === 'Confirmed' && row.Fund === SAMPLE_GRANT.fund,
    );
    const total = confirmed.reduce((sum, row) => sum + pence(row.Amount), 0);
    const ledger = records(tables.FundLedger).find((row) => row.Scenario === 'Confirmed' && row.Fund === SAMPLE_GRANT.fund);
    expect(total).toBe(pence(SAMPLE_GRANT.confirmed) - pence(ledger?.Floor ?? 0));
    const locked = confirmed.find((row) => row.Ref === 'VS-01');
    expect(locked?.Amount).toBe(480000);
    expect(locked?.Amount).toBe(locked?.['Prior year']);
  });

  it('prints the fund ledger and the checks', () => {
    expect(runOutput.stdout).toContain('Fund ledger');
    expect(runOutput.stdout).toMatch(/Confirmed\s+Victim Services Grant\s+£0\.00\s+£1,112,400\.00\s+£1,112,400\.00/);
    expect(runOutput.stdout).toContain('Checks: 0 errors, 3 warnings, 1 note');
    expect(runOutput.stdout).toMatch(/warning +in all scenarios/);
    expect(runOutput.stdout).toContain("Wrote 'result.xlsx'.");
    expect(runOutput.stderr).toBe('');
  });

  it('prints the whole result as JSON with --json', () => {
    const json = awards(['run', 'model.xlsx', '--scenario', 'Confirmed', '--out', 'json.xlsx', '--json'], dir);
    expect(json.status).toBe(0);
    const result = JSON.parse(json.stdout) as ModelResult;
    expect(result.scenariosRun).toEqual(['Confirmed']);
    expect(result.stamp).toBe('2021-03-01T09:00:00.000Z');
    expect(result.financialYear).toBe('2021/22');
    expect(result.ledger.length).toBeGreaterThan(0);
  });

  it('runs only the scenarios named, and compares the two asked for', async () => {
    const named = awards(['run', 'model.xlsx', '--scenario', 'confirmed', '--scenario', 'Indicative',
      '--compare', 'Confirmed', 'Indicative', '--appendix-scenario', 'Indicative', '--out', 'named.xlsx'], dir);
    expect(named.status).toBe(0);
    const read = await readXlsxTables(path.join(dir, 'named.xlsx'));
    expect(read.tables.Comparison.headers).toEqual(['Ref', 'Recipient', 'Fund', 'Confirmed', 'Indicative', 'Variance', 'Variance %']);
    expect(read.tables.Appendix1.headers).toContain('2021/22 (Indicative)');
  });

  it('can run its own output again, replacing the output sheets it owns', async () => {
    const again = awards(['run', 'result.xlsx', '--scenario', 'Indicative', '--out', 'again.xlsx'], dir);
    expect(again.status).toBe(0);
    const read = await readXlsxTables(path.join(dir, 'again.xlsx'));
    expect(new Set(records(read.tables.Allocations).map((row) => row.Scenario))).toEqual(new Set(['Indicative']));
  });
});
