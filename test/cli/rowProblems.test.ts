/**
 * Problems in single rows do not stop a run: each becomes an error-level check naming
 * the ref and column, the line is left at 0, and the exit code is 0 (1 with --strict).
 */
import { existsSync } from 'fs';
import * as path from 'path';
import type { ModelResult } from '../../src/engine/model';
import { awards, ensureBuilt, readXlsxTables, records, rowOfRef, sampleTables, scratch, setCell, tableOf, writeModel } from './support';

describe('row problems', () => {
  let dir = '';

  beforeAll(async () => {
    ensureBuilt();
    dir = scratch();
    const tables = sampleTables();
    const awardsTable = tableOf(tables, 'Awards');
    setCell(awardsTable, rowOfRef(awardsTable, 'VS-02'), 'Prior year', 'two hundred thousand');
    setCell(awardsTable, rowOfRef(awardsTable, 'CD-04'), 'Fund', 'Nonesuch Fund');
    setCell(awardsTable, rowOfRef(awardsTable, 'YC-02'), 'Ref', 'YC-01');
    await writeModel(path.join(dir, 'model.xlsx'), tables);
  });

  it.each([
    ['text in an amount', 'VS-02', 'Prior year', "'two hundred thousand'"],
    ['an unknown fund', 'CD-04', 'Fund', "'Nonesuch Fund'"],
    ['a duplicate ref', 'YC-01', 'Ref', 'already uses this Ref'],
  ])('reports %s as an error-level check naming the ref and column', (_what, ref, column, text) => {
    const result = awards(['run', 'model.xlsx', '--scenario', 'Confirmed', '--out', 'json.xlsx', '--json'], dir);
    expect(result.status).toBe(0);
    const { checks, allocations } = JSON.parse(result.stdout) as ModelResult;
    const check = checks.find((entry) => entry.severity === 'error' && entry.ref === ref && entry.column === column);
    expect(check).toBeDefined();
    expect(check?.message).toContain(ref);
    expect(check?.message).toContain(text);
    const zeroed = allocations.filter((row) => row.ref === ref).map((row) => row.amount);
    expect(zeroed).toContain(0);
  });

  it('still runs, exits 0 and writes the checks to the Checks sheet', async () => {
    const result = awards(['run', 'model.xlsx', '--out', 'result.xlsx'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Checks: [1-9]\d* errors?/);
    const { tables } = await readXlsxTables(path.join(dir, 'result.xlsx'));
    const errors = records(tables.Checks).filter((row) => row.Severity === 'error');
    expect(errors.map((row) => row.Ref)).toEqual(expect.arrayContaining(['VS-02', 'CD-04', 'YC-01']));
    expect(String(errors.find((row) => row.Ref === 'VS-02')?.Message)).toContain('Prior year');
  });

  it('exits 1 with --strict, having written the result', () => {
    const result = awards(['run', 'model.xlsx', '--out', 'strict.xlsx', '--strict'], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--strict: \d+ checks are errors; exit code 1\./);
    expect(existsSync(path.join(dir, 'strict.xlsx'))).toBe(true);
  });

  it('writes appendices all the same, noting on stderr that checks are errors', () => {
    const result = awards(['appendix', 'model.xlsx', '--scenario', 'Confirmed', '--out', 'appendix.md'], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^Note: \d+ checks are errors \(.*\)\. See them with: awards run model\.xlsx --scenario Confirmed\n$/);
  });

  it('exits 0 with --strict when no check is an error', async () => {
    const clean = scratch();
    await writeModel(path.join(clean, 'model.xlsx'), sampleTables());
    expect(awards(['run', 'model.xlsx', '--out', 'result.xlsx', '--strict'], clean).status).toBe(0);
  });
});
