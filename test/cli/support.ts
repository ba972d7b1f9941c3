/**
 * The command-line tests' parts: the built CLI (built here when missing or older than
 * its sources), a child process to run it, scratch folders, and reading .xlsx files
 * back with a fresh exceljs.
 */
import { execFileSync, spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CellValue, TableData } from '../../src/engine/sheet';
import { sampleModel } from '../../src/engine/model';
import { ExcelJsWorkbook } from '../support/exceljsWorkbook';

export const ROOT = path.resolve(__dirname, '../..');
export const AWARDS_JS = path.join(ROOT, 'dist/node/cli/awards.js');
const SOURCES = ['src/cli', 'src/render', 'src/engine', 'src/workbook'].map((dir) => path.join(ROOT, dir));
const LOCK = path.join(ROOT, 'dist', '.build-cli.lock');

/** The fixed clock of every test run. */
export const NOW = '2021-03-01T09:00:00Z';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  if (!existsSync(AWARDS_JS)) return false;
  const built = statSync(AWARDS_JS).mtimeMs;
  return SOURCES.every((dir) => newestSource(dir) <= built);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds dist/node (tsc -p tsconfig.cli.json) unless it is up to date. Test files run
 * in parallel workers, so one builds while the others wait on a lock folder.
 */
export function ensureBuilt(): void {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 180_000;
  while (!isFresh()) {
    try {
      mkdirSync(LOCK);
    } catch {
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (lock !== undefined && Date.now() - lock.mtimeMs > 120_000) rmdirSync(LOCK, { recursive: false });
      if (Date.now() > deadline) throw new Error('timed out waiting for another worker to build the CLI');
      sleep(250);
      continue;
    }
    let report = '';
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], {
        cwd: ROOT, stdio: 'pipe', encoding: 'utf8',
      });
    } catch (error) {
      // Type errors still emit JavaScript; they are the type-check's to report (npm test runs it).
      report = error instanceof Error && 'stdout' in error ? String(error.stdout) : String(error);
    } finally {
      rmdirSync(LOCK);
    }
    if (!isFresh()) throw new Error(`the CLI build did not bring dist/node up to date:\n${report}`);
  }
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `awards` in `cwd` with the fixed clock. */
export function awards(args: readonly string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [AWARDS_JS, ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, AWARDS_NOW: NOW, ...env }, timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh scratch folder. */
export function scratch(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'awards-cli-'));
}

/** The sample model's tables, keyed by name, for a test to change before writing. */
export function sampleTables(): TableData[] {
  return sampleModel();
}

/** Writes input tables as a real .xlsx file. */
export async function writeModel(file: string, tables: readonly TableData[]): Promise<void> {
  const workbook = await ExcelJsWorkbook.fromTables(tables);
  await workbook.save(file);
}

/** One table of the given tables, by name. */
export function tableOf(tables: readonly TableData[], name: string): TableData {
  const found = tables.find((table) => table.name === name);
  if (found === undefined) throw new Error(`no table ${name}`);
  return found;
}

/** Sets one cell of a table's body row, by the ref in column `Ref` or by row number. */
export function setCell(table: TableData, row: number, column: string, value: CellValue): void {
  const index = table.headers.indexOf(column);
  if (index === -1) throw new Error(`no column ${column}`);
  table.rows[row][index] = value;
}

/** The body row holding `ref` in column `Ref`. */
export function rowOfRef(table: TableData, ref: string): number {
  const index = table.headers.indexOf('Ref');
  const row = table.rows.findIndex((cells) => cells[index] === ref);
  if (row === -1) throw new Error(`no row ${ref}`);
  return row;
}

export interface ReadTable {
  sheet: string;
  headers: string[];
  rows: CellValue[][];
}

function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && 'result' in value) return plain(value.result as ExcelJS.CellValue);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  return String(value);
}

/** Reads an .xlsx with a fresh exceljs: every Excel table by name, with its sheet, headers and body rows. */
export async function readXlsxTables(file: string): Promise<{ sheets: string[]; tables: Record<string, ReadTable> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const tables: Record<string, ReadTable> = {};
  for (const worksheet of workbook.worksheets) {
    for (const entry of worksheet.getTables() as unknown as { table: { name: string; tableRef: string } }[]) {
      const [from, to] = entry.table.tableRef.split(':');
      const first = worksheet.getCell(from);
      const last = worksheet.getCell(to);
      const read = (row: number): CellValue[] => {
        const cells: CellValue[] = [];
        for (let col = Number(first.col); col <= Number(last.col); col++) cells.push(plain(worksheet.getCell(row, col).value));
        return cells;
      };
      const headers = read(Number(first.row)).map((cell) => String(cell));
      const rows: CellValue[][] = [];
      for (let row = Number(first.row) + 1; row <= Number(last.row); row++) rows.push(read(row));
      tables[entry.table.name] = { sheet: worksheet.name, headers, rows };
    }
  }
  return { sheets: workbook.worksheets.map((worksheet) => worksheet.name), tables };
}

/** A table's rows as records keyed by header. */
export function records(table: ReadTable): Record<string, CellValue>[] {
  return table.rows.map((row) => Object.fromEntries(table.headers.map((header, i) => [header, row[i]])));
}
