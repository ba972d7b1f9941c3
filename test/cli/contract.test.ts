/**
 * The command line as a script drives it and a person reads it: the `--json` document
 * against its schema, dry runs, refusals as JSON, the comparison fitted to the
 * terminal, checks counted once, and output files whose names say what they hold.
 */
import Ajv from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { writeOutput, type FileSystem } from '../../src/cli/files';
import { awards, ensureBuilt, rowOfRef, sampleTables, scratch, setCell, tableOf, writeModel } from './support';

const schema = JSON.parse(readFileSync(path.join(__dirname, '../../schemas/run-result.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function valid(document: unknown): boolean {
  const ok = validate(document);
  if (!ok) throw new Error(`not valid against the schema: ${JSON.stringify(validate.errors, null, 2)}`);
  return ok;
}

interface RunDocument {
  schemaVersion: number;
  ok: boolean;
  dryRun: boolean;
  filesWritten: string[];
  counts: Record<string, number>;
  checks: { ref: string; table: string | null; row: number | null; column: string | null; severity: string; scenario: string }[];
  error?: { exitCode: number; message: string };
}

describe('the command line as a contract', () => {
  let dir = '';
  let vs02Row = 0;

  beforeAll(async () => {
    ensureBuilt();
    dir = scratch();
    expect(awards(['sample', '--out', 'model.xlsx'], dir).status).toBe(0);
    const tables = sampleTables();
    const awardsTable = tableOf(tables, 'Awards');
    vs02Row = rowOfRef(awardsTable, 'VS-02');
    setCell(awardsTable, vs02Row, 'Prior year', 'tbc');
    await writeModel(path.join(dir, 'problems.xlsx'), tables);
  });

  const files = (): string[] => readdirSync(dir).sort();

  describe('run --json', () => {
    it('without --out is a dry run: one document valid against the schema, nothing written', () => {
      const before = files();
      const run = awards(['run', 'model.xlsx', '--json'], dir);
      expect(run.status).toBe(0);
      const document = JSON.parse(run.stdout) as RunDocument;
      expect(valid(document)).toBe(true);
      expect(document).toMatchObject({ schemaVersion: 1, ok: true, dryRun: true, filesWritten: [] });
      expect(files()).toEqual(before);
    });

    it('with --out names the file it wrote', () => {
      const run = awards(['run', 'model.xlsx', '--json', '--out', 'result.xlsx'], dir);
      const document = JSON.parse(run.stdout) as RunDocument;
      expect(valid(document)).toBe(true);
      expect(document).toMatchObject({ dryRun: false, filesWritten: ['result.xlsx'] });
      expect(existsSync(path.join(dir, 'result.xlsx'))).toBe(true);
    });

    it('gives 1-based table rows and every check its table, row and column', () => {
      const document = JSON.parse(awards(['run', 'problems.xlsx', '--json'], dir).stdout) as RunDocument;
      expect(valid(document)).toBe(true);
      const problem = document.checks.find((check) => check.ref === 'VS-02' && check.column === 'Prior year');
      expect(problem).toMatchObject({ table: 'Awards', row: vs02Row + 1 });
      expect(document.checks.every((check) => 'table' in check && 'row' in check && 'column' in check)).toBe(true);
    });

    it('counts checks by severity, one the same in every scenario once', () => {
      const document = JSON.parse(awards(['run', 'problems.xlsx', '--json'], dir).stdout) as RunDocument;
      const scenarios = new Set(document.checks.map((check) => check.scenario).filter((name) => name !== ''));
      expect(scenarios.size).toBe(2);
      const raw = document.checks.filter((check) => check.severity === 'warning').length;
      expect(document.counts.warning).toBeLessThan(raw);
    });

    it.each([
      [['run', 'model.xlsx', '--scenario', 'Confirmd', '--json'], "Did you mean 'Confirmed'?"],
      [['run', 'missing.xlsx', '--json'], 'missing.xlsx'],
      [['run', 'model.xlsx', '--json', '--scenaro', 'Confirmed'], "Did you mean '--scenario'?"],
    ])('refuses %j with a JSON error object on stdout and exit 2', (args, text) => {
      const run = awards(args, dir);
      expect(run.status).toBe(2);
      const document = JSON.parse(run.stdout) as RunDocument;
      expect(valid(document)).toBe(true);
      expect(document.ok).toBe(false);
      expect(document.error?.exitCode).toBe(2);
      expect(document.error?.message).toContain(text);
      expect(run.stderr).toContain(text);
    });
  });

  describe('run, as a person reads it', () => {
    it('prints the comparison: fund totals, then the largest changes for recipients', () => {
      const run = awards(['run', 'model.xlsx'], dir);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/Comparison: Indicative to Confirmed\nFund +Indicative +Confirmed +Variance +Variance %/);
      expect(run.stdout).toMatch(/The \d+ largest changes for recipients\nRef +Recipient/);
      expect(run.stdout).toContain('Nothing was written (no --out).');
    });

    it.each(['60', '80', '120'])('fits every line of its tables to COLUMNS=%s', (columns) => {
      const run = awards(['run', 'problems.xlsx'], dir, { COLUMNS: columns });
      const lines = run.stdout.split('\n');
      expect(lines.filter((line) => line.length > Number(columns) && !line.startsWith('Ran '))).toEqual([]);
      expect(run.stdout).toContain('VS-02');
    });

    it('lists a check the same in every scenario once, "in all scenarios"', () => {
      const run = awards(['run', 'problems.xlsx'], dir, { COLUMNS: '200' });
      expect(run.stdout).toContain('in all scenarios');
    });

    it('refuses --compare of a scenario with itself', () => {
      const run = awards(['run', 'model.xlsx', '--compare', 'Confirmed', 'confirmed'], dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("--compare needs two different scenarios; it was given 'Confirmed' twice.");
    });
  });

  describe('output files', () => {
    it.each([
      [['run', 'model.xlsx', '--out', 'result.csv'], 'result.csv', "would hold an Excel workbook (a copy of MODEL with the output sheets), but its extension is '.csv': name a '.xlsx' or '.xlsm' file."],
      [['sample', '--out', 'm.xls'], 'm.xls', "would hold an Excel workbook, but its extension is '.xls'"],
      [['appendix', 'model.xlsx', '--scenario', 'Confirmed', '--format', 'html', '--out', 'a.docx'], 'a.docx', "would hold a web page (html), but its extension is '.docx': name a '.html' or '.htm' file."],
      [['publish', 'model.xlsx', '--scenario', 'Confirmed', '--out', 'grants.xlsx'], 'grants.xlsx', "would hold 360Giving data (csv or json), but its extension is '.xlsx': name a '.csv' or '.json' file."],
    ])('refuses %j, saying what would be written, and writes nothing', (args, out, text) => {
      const run = awards(args, dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`--out '${out}' ${text}`);
      expect(existsSync(path.join(dir, out))).toBe(false);
    });

    it('writes the appendix in the format its extension names when --format is absent', () => {
      const run = awards(['appendix', 'model.xlsx', '--scenario', 'Confirmed', '--out', 'appendix.docx'], dir);
      expect(run.status).toBe(0);
      expect(readFileSync(path.join(dir, 'appendix.docx')).subarray(0, 2).toString()).toBe('PK');
    });

    it.each(['EPERM', 'EBUSY'])('says "close it in Excel and run again" when replacing the file fails with %s', async (code) => {
      const removed: string[] = [];
      const files: FileSystem = {
        writeFile: async () => undefined,
        rename: async () => {
          throw Object.assign(new Error(`${code}: operation not permitted, rename`), { code });
        },
        rm: async (file) => {
          removed.push(file);
        },
      };
      await expect(writeOutput(path.join(dir, 'open.xlsx'), 'x', files)).rejects.toThrow(/close it in Excel and run again\. Nothing was written\./);
      expect(removed).toHaveLength(1);
    });
  });
});
