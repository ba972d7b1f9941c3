/**
 * Reading what other programs write (issue 7): the sample model saved by LibreOffice,
 * openpyxl (absolute relationship targets; formulas with no calculated value; ISO date
 * cells), XlsxWriter (the 1904 date system; error cells) and with the `x:` prefix runs
 * through the BUILT `awards run --json` to the same allocations and fund ledger as the
 * engine computes from the sample's own tables — or, for a cell with no usable value, to
 * an error-level row problem naming the cell, never a silent 0.
 */
import { copyFileSync, readFileSync } from 'fs';
import * as path from 'path';
import { readModel, runModel, sampleModel, type ModelResult } from '../../../src/engine/model';
import type { TableData } from '../../../src/engine/sheet';
import { generate } from '../../fixtures/xlsx/generate';
import { awards, ensureBuilt, NOW, scratch } from '../../cli/support';
import { convert } from '../../support/libreoffice';
import { partsOf, textOf } from '../../support/packageCheck';

let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = scratch();
  generate('readers', dir);
  const sample = awards(['sample', '--out', 'sample.xlsx'], dir);
  if (sample.status !== 0) throw new Error(`awards sample failed: ${sample.stderr}`);
  const [fromSample, fromXlsxWriter] = convert([path.join(dir, 'sample.xlsx'), path.join(dir, 'xlsxwriter.xlsx')], 'xlsx');
  copyFileSync(fromSample, path.join(dir, 'libreoffice-sample.xlsx'));
  copyFileSync(fromXlsxWriter, path.join(dir, 'libreoffice.xlsx'));
}, 240_000);

/** What the engine makes of the sample's own tables, with the CLI's fixed clock. */
function expected(): Pick<ModelResult, 'allocations' | 'ledger'> {
  const tables: Record<string, TableData> = Object.fromEntries(sampleModel().map((table) => [table.name, table]));
  const today = NOW.slice(0, 10);
  const result = runModel(readModel(tables, today), { stamp: NOW, today });
  return { allocations: result.allocations, ledger: result.ledger };
}

function runJson(file: string): ModelResult {
  const run = awards(['run', file, '--json', '--out', `result-${file}`], dir);
  if (run.status !== 0) throw new Error(`awards run ${file} exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as ModelResult;
}

/** A part of a fixture, as text, to show it holds what the case is about. */
function part(file: string, name: string): string {
  return textOf(partsOf(readFileSync(path.join(dir, file))), name);
}

const READERS: { file: string; writer: string; evidence: [string, RegExp] }[] = [
  { file: 'xlsxwriter.xlsx', writer: 'XlsxWriter', evidence: ['docProps/app.xml', /Microsoft Excel/] },
  { file: 'openpyxl.xlsx', writer: 'openpyxl (absolute relationship targets)', evidence: ['xl/_rels/workbook.xml.rels', /Target="\/xl\/worksheets\//] },
  { file: 'libreoffice.xlsx', writer: 'LibreOffice (from XlsxWriter\'s model)', evidence: ['docProps/app.xml', /LibreOffice/] },
  { file: 'libreoffice-sample.xlsx', writer: 'LibreOffice (from `awards sample`)', evidence: ['docProps/app.xml', /LibreOffice/] },
  { file: 'prefixed.xlsx', writer: 'the x: prefix on every SpreadsheetML element', evidence: ['xl/worksheets/sheet3.xml', /<x:worksheet [^>]*xmlns:x=/] },
  { file: 'xlsxwriter-1904.xlsx', writer: 'XlsxWriter in the 1904 date system, dates as dd/mm/yyyy', evidence: ['xl/workbook.xml', /date1904="1"/] },
  { file: 'openpyxl-iso-dates.xlsx', writer: 'openpyxl with ISO date cells', evidence: ['xl/worksheets/sheet3.xml', /t="d"><v>2021-10-01/] },
];

describe('awards run reads the model as other programs write it', () => {
  it.each(READERS)('reads $file, written by $writer, to the sample\'s results', ({ file, evidence: [name, pattern] }) => {
    expect(part(file, name)).toMatch(pattern);
    const result = runJson(file);
    expect({ allocations: result.allocations, ledger: result.ledger }).toEqual(expected());
  });
});

describe('awards run on a cell with no usable value', () => {
  it('reports a formula saved with no calculated value (openpyxl) as a row problem showing the formula, not as 0', () => {
    expect(part('openpyxl-uncalculated.xlsx', 'xl/worksheets/sheet3.xml')).toMatch(/<c r="J2"><f>240000\*2<\/f><v><\/v><\/c>/);
    const result = runJson('openpyxl-uncalculated.xlsx');
    const problems = result.checks.filter((check) => check.ref === 'VS-01' && check.severity === 'error');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((check) => check.check)).toContain('Uncalculated formula');
    const message = problems.find((check) => check.check === 'Uncalculated formula')?.message ?? '';
    expect(message).toContain('=240000*2');
    expect(message).toContain('J2');
    expect(message).toContain("'Awards'");
  });

  it('reports an error value (#N/A from XlsxWriter) as a row problem naming the cell', () => {
    expect(part('xlsxwriter-error.xlsx', 'xl/worksheets/sheet3.xml')).toMatch(/<c r="H3" t="e"><f>NA\(\)<\/f><v>#N\/A<\/v>/);
    const result = runJson('xlsxwriter-error.xlsx');
    const problem = result.checks.find((check) => check.ref === 'VS-02' && check.check === 'Error value');
    expect(problem?.severity).toBe('error');
    expect(problem?.message).toContain('#N/A');
    expect(problem?.message).toContain('H3');
  });

  it('reads every other line of those workbooks as the sample', () => {
    const sample = expected().allocations.filter((row) => row.fund !== 'Victim Services Grant');
    for (const file of ['openpyxl-uncalculated.xlsx', 'xlsxwriter-error.xlsx']) {
      const others = runJson(file).allocations.filter((row) => row.fund !== 'Victim Services Grant');
      expect(others).toEqual(sample);
    }
  });
});
