/**
 * Input that cannot be used: exit code 2, one message naming file, sheet, table and
 * column as they apply, no stack trace, --out not created, the input unchanged.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { ExcelJsWorkbook } from '../support/exceljsWorkbook';
import { awards, ensureBuilt, sampleTables, scratch, tableOf, writeModel } from './support';

interface BadCase {
  /** What is wrong. */
  name: string;
  /** Writes the input into the folder; returns the input file's name. */
  make: (dir: string) => Promise<string>;
  /** The command line, with MODEL for the input. */
  args: string[];
  /** Texts the message must hold. */
  message: string[];
  /** The output the command must not create. */
  out: string;
}

const sample = async (dir: string): Promise<string> => {
  await writeModel(path.join(dir, 'model.xlsx'), sampleTables());
  return 'model.xlsx';
};

const CASES: BadCase[] = [
  {
    name: 'a missing file',
    make: async () => 'missing.xlsx',
    args: ['run', 'MODEL', '--out', 'result.xlsx'],
    message: ["Cannot open 'missing.xlsx': there is no such file."],
    out: 'result.xlsx',
  },
  {
    name: 'junk bytes named .xlsx',
    make: async (dir) => {
      writeFileSync(path.join(dir, 'junk.xlsx'), 'this is not a workbook\n');
      return 'junk.xlsx';
    },
    args: ['run', 'MODEL', '--out', 'result.xlsx'],
    message: ["'junk.xlsx'", 'not an Excel workbook', '.xlsx'],
    out: 'result.xlsx',
  },
  {
    name: 'an empty file',
    make: async (dir) => {
      writeFileSync(path.join(dir, 'empty.xlsx'), '');
      return 'empty.xlsx';
    },
    args: ['appendix', 'MODEL', '--scenario', 'Confirmed', '--format', 'html', '--out', 'appendix.html'],
    message: ["'empty.xlsx'", 'not an Excel workbook'],
    out: 'appendix.html',
  },
  {
    name: 'a missing table',
    make: async (dir) => {
      await writeModel(path.join(dir, 'model.xlsx'), sampleTables().filter((table) => table.name !== 'Scenarios'));
      return 'model.xlsx';
    },
    args: ['run', 'MODEL', '--out', 'result.xlsx'],
    message: ["'model.xlsx'", "no table 'Scenarios'"],
    out: 'result.xlsx',
  },
  {
    name: 'a missing column',
    make: async (dir) => {
      const tables = sampleTables();
      const awardsTable = tableOf(tables, 'Awards');
      const column = awardsTable.headers.indexOf('Prior year');
      awardsTable.headers.splice(column, 1);
      for (const row of awardsTable.rows) row.splice(column, 1);
      await writeModel(path.join(dir, 'model.xlsx'), tables);
      return 'model.xlsx';
    },
    args: ['publish', 'MODEL', '--scenario', 'Confirmed', '--out', 'grants.csv'],
    message: ["'model.xlsx'", "Table 'Awards' (sheet 'Awards') has no column 'Prior year'."],
    out: 'grants.csv',
  },
  {
    name: 'an unknown scenario',
    make: sample,
    args: ['run', 'MODEL', '--scenario', 'Confirmd', '--out', 'result.xlsx'],
    message: ["'model.xlsx'", "Unknown scenario 'Confirmd'. The workbook's scenarios are: Indicative, Confirmed."],
    out: 'result.xlsx',
  },
  {
    name: 'an unknown scenario to compare',
    make: sample,
    args: ['run', 'MODEL', '--compare', 'Indicative', 'Final', '--out', 'result.xlsx'],
    message: ["Unknown scenario 'Final'. The workbook's scenarios are: Indicative, Confirmed."],
    out: 'result.xlsx',
  },
  {
    name: 'an unknown scenario to publish',
    make: sample,
    args: ['publish', 'MODEL', '--scenario', 'Draft', '--out', 'grants.csv'],
    message: ["Unknown scenario 'Draft'. The workbook's scenarios are: Indicative, Confirmed."],
    out: 'grants.csv',
  },
  {
    name: 'a user sheet named Checks',
    make: async (dir) => {
      const book = await ExcelJsWorkbook.fromTables(sampleTables());
      book.workbook.addWorksheet('Checks').getCell('A1').value = 'My own notes';
      await book.save(path.join(dir, 'model.xlsx'));
      return 'model.xlsx';
    },
    args: ['run', 'MODEL', '--out', 'result.xlsx'],
    message: ["'model.xlsx'", "sheet named 'Checks'", 'Nothing was written.'],
    out: 'result.xlsx',
  },
  {
    name: 'no 360Giving prefix to publish under',
    make: async (dir) => {
      const tables = sampleTables();
      const settings = tableOf(tables, 'Settings');
      settings.rows = settings.rows.filter((row) => row[0] !== '360Giving prefix');
      await writeModel(path.join(dir, 'model.xlsx'), tables);
      return 'model.xlsx';
    },
    args: ['publish', 'MODEL', '--scenario', 'Confirmed', '--out', 'grants.csv'],
    message: ["'model.xlsx'", "table 'Settings' (sheet 'Settings', column 'Value')", "'360Giving prefix'"],
    out: 'grants.csv',
  },
];

const OUT_IS_INPUT: { name: string; args: (dir: string) => string[] }[] = [
  { name: 'run, spelled the same', args: () => ['run', 'model.xlsx', '--out', 'model.xlsx'] },
  { name: 'run, spelled ./', args: () => ['run', 'model.xlsx', '--out', './model.xlsx'] },
  { name: 'run, as an absolute path', args: (dir) => ['run', 'model.xlsx', '--out', path.join(dir, 'model.xlsx')] },
  { name: 'appendix', args: () => ['appendix', 'model.xlsx', '--scenario', 'Confirmed', '--format', 'docx', '--out', 'model.xlsx'] },
  { name: 'publish', args: () => ['publish', 'model.xlsx', '--scenario', 'Confirmed', '--out', 'sub/../model.xlsx'] },
];

function expectNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toMatch(/Error:/);
  expect(stderr.trim().split('\n')).toHaveLength(1);
}

describe('input that cannot be used', () => {
  beforeAll(() => ensureBuilt());

  it.each(CASES.map((entry) => [entry.name, entry] as const))('stops on %s with exit code 2 and one message', async (_name, entry) => {
    const dir = scratch();
    const input = await entry.make(dir);
    const before = existsSync(path.join(dir, input)) ? readFileSync(path.join(dir, input)) : null;
    const result = awards(entry.args.map((arg) => (arg === 'MODEL' ? input : arg)), dir);

    expect(result.status).toBe(2);
    for (const text of entry.message) expect(result.stderr).toContain(text);
    expectNoStackTrace(result.stderr);
    expect(result.stdout).toBe('');
    expect(existsSync(path.join(dir, entry.out))).toBe(false);
    if (before !== null) expect(readFileSync(path.join(dir, input)).equals(before)).toBe(true);
  });

  it.each(OUT_IS_INPUT.map((entry) => [entry.name, entry] as const))('refuses --out naming the input (%s)', async (_name, entry) => {
    const dir = scratch();
    await sample(dir);
    const before = readFileSync(path.join(dir, 'model.xlsx'));
    const result = awards(entry.args(dir), dir);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--out names the input file 'model.xlsx'; choose another file — the input is never overwritten.");
    expectNoStackTrace(result.stderr);
    expect(readFileSync(path.join(dir, 'model.xlsx')).equals(before)).toBe(true);
  });

  it('refuses an --out in a folder that does not exist, before reading anything', async () => {
    const dir = scratch();
    await sample(dir);
    const result = awards(['run', 'model.xlsx', '--out', 'nowhere/result.xlsx'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Cannot write 'nowhere/result.xlsx': the folder 'nowhere' does not exist.");
    expectNoStackTrace(result.stderr);
  });

  it('leaves no temporary file behind', async () => {
    const dir = scratch();
    await sample(dir);
    awards(['run', 'model.xlsx', '--scenario', 'Nope', '--out', 'result.xlsx'], dir);
    const { readdirSync } = await import('fs');
    expect(readdirSync(dir)).toEqual(['model.xlsx']);
  });
});
