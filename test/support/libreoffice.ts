/**
 * LibreOffice headless, a spreadsheet program we did not write, for opening what the
 * tests write: convert many workbooks in ONE soffice process (it is slow to start), to
 * CSV (one file per sheet, values not as shown) or to another format (.xlsx, .xls,
 * .ods). Each worker process has its own LibreOffice profile, so parallel test files do
 * not hand their work to one another's running instance.
 *
 * Without LibreOffice these tests fail, naming what to install — never skip.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

export const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

/** Fails, naming the package to install, when LibreOffice is missing. */
export function requireLibreOffice(): void {
  if (existsSync(SOFFICE)) return;
  throw new Error(
    `LibreOffice not found at ${SOFFICE}: install it (apt-get install -y libreoffice-calc-nogui) or set SOFFICE_PATH. ` +
      'The tests that open results in LibreOffice cannot run without it.',
  );
}

const PROFILE = path.join(os.tmpdir(), `awards-libreoffice-${process.pid}`);

/**
 * The CSV filter: comma, double quote, UTF-8, from line 1; token 9 false = the cells'
 * values rather than as shown (money without £ and commas); token 12 -1 = every sheet,
 * each to `<file>-<sheet>.csv`.
 */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
const FILTERS = {
  csv: CSV_FILTER,
  xlsx: 'xlsx:Calc MS Excel 2007 XML',
  xls: 'xls:MS Excel 97',
  ods: 'ods:calc8',
} as const;

export type Target = keyof typeof FILTERS;

function runSoffice(args: string[]): void {
  requireLibreOffice();
  mkdirSync(PROFILE, { recursive: true });
  const result = spawnSync(SOFFICE, [`-env:UserInstallation=${pathToFileURL(PROFILE).href}`, '--headless', '--norestore', ...args], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (result.error !== undefined) throw new Error(`LibreOffice did not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`LibreOffice exited ${result.status}: ${result.stderr}`);
}

/**
 * Converts every file in one soffice run; returns each input's converted file(s), in
 * order. Inputs are staged under unique names, so two inputs of the same name do not
 * overwrite one another's output.
 *
 * @throws when LibreOffice is missing, or could not open one of the files
 */
export function convert(files: readonly string[], target: Exclude<Target, 'csv'>): string[] {
  const { staged, outDir } = stage(files);
  runSoffice(['--convert-to', FILTERS[target], '--outdir', outDir, ...staged]);
  return staged.map((file, i) => {
    const out = path.join(outDir, `${path.basename(file, path.extname(file))}.${target}`);
    if (!existsSync(out)) throw new Error(`LibreOffice could not open ${files[i]} (no ${target} written)`);
    return out;
  });
}

function stage(files: readonly string[]): { staged: string[]; outDir: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'awards-lo-'));
  const inDir = path.join(dir, 'in');
  const outDir = path.join(dir, 'out');
  mkdirSync(inDir);
  mkdirSync(outDir);
  const staged = files.map((file, i) => {
    const copy = path.join(inDir, `f${i}${path.extname(file)}`);
    copyFileSync(file, copy);
    return copy;
  });
  return { staged, outDir };
}

/** One sheet as LibreOffice computed and exported it: rows of cell texts. */
export type Csv = string[][];

/**
 * Opens every file in LibreOffice (one process) and returns, per file, each sheet's
 * cells by sheet name.
 *
 * @throws when LibreOffice is missing, or could not open one of the files
 */
export function sheetsAsCsv(files: readonly string[]): Record<string, Csv>[] {
  const { staged, outDir } = stage(files);
  runSoffice(['--convert-to', CSV_FILTER, '--outdir', outDir, ...staged]);
  const written = readdirSync(outDir);
  return staged.map((file, i) => {
    const base = path.basename(file, path.extname(file));
    const sheets: Record<string, Csv> = {};
    for (const name of written) {
      if (!name.startsWith(`${base}-`) || !name.endsWith('.csv')) continue;
      sheets[name.slice(base.length + 1, -'.csv'.length)] = parseCsv(readFileSync(path.join(outDir, name), 'utf8'));
    }
    if (Object.keys(sheets).length === 0) throw new Error(`LibreOffice could not open ${files[i]} (no sheets exported)`);
    return sheets;
  });
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): Csv {
  const rows: Csv = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A cell's text as a number: `1080000`, `-12.5`, `5.1%` → 0.051; `NaN` when it is not one. */
export function numberOf(cell: string): number {
  const text = cell.trim();
  if (text === '') return NaN;
  if (text.endsWith('%')) return Number(text.slice(0, -1)) / 100;
  return Number(text);
}

/**
 * The table under the first row whose cells start with `headers` (an output sheet's
 * title rows are skipped), down to the first blank row: records keyed by header.
 */
export function tableIn(csv: Csv, first: readonly string[]): Record<string, string>[] {
  const start = csv.findIndex((row) => first.every((header, i) => row[i] === header));
  if (start === -1) throw new Error(`no row starting ${first.join(', ')}`);
  const headers = csv[start];
  const records: Record<string, string>[] = [];
  for (const row of csv.slice(start + 1)) {
    if (row.every((cell) => cell === '')) break;
    records.push(Object.fromEntries(headers.map((header, i) => [header, row[i] ?? ''])));
  }
  return records;
}
