/**
 * Writing output files safely: never over the input, never half-written. An output is
 * written to a temporary file beside it and renamed into place, so a failure leaves
 * either the old file or none — and a check that fails before writing leaves nothing.
 */
import { existsSync, promises as fs, realpathSync, statSync } from 'fs';
import * as path from 'path';
import { StructureProtectedError } from '../workbook/errors';
import { InputError } from './errors';

/** The canonical form of a path that may not exist yet: its folder resolved, its name kept. */
function canonical(file: string): string {
  const absolute = path.resolve(file);
  try {
    return realpathSync(absolute);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(absolute)), path.basename(absolute));
    } catch {
      return absolute;
    }
  }
}

/** Whether two paths name the same file (same real path, or the same inode: a hard link). */
export function sameFile(a: string, b: string): boolean {
  if (canonical(a) === canonical(b)) return true;
  try {
    const first = statSync(a);
    const second = statSync(b);
    return first.dev === second.dev && first.ino === second.ino;
  } catch {
    return false;
  }
}

/**
 * Checks, before any work, that `out` can be written: it is not the input, its folder
 * exists, it is not a folder, and (unless `overwrite`) it does not exist yet.
 *
 * @throws {InputError} naming the file and what to do
 */
export function checkOutput(out: string, input: string | null, overwrite: boolean): void {
  if (input !== null && sameFile(out, input)) {
    throw new InputError(
      `--out names the input file '${input}'; choose another file — the input is never overwritten. Nothing was written.`,
    );
  }
  const folder = path.dirname(path.resolve(out));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new InputError(`Cannot write '${out}': the folder '${path.dirname(out)}' does not exist. Nothing was written.`);
  }
  if (existsSync(out)) {
    if (statSync(out).isDirectory()) {
      throw new InputError(`Cannot write '${out}': it is a folder. Name a file with --out. Nothing was written.`);
    }
    if (!overwrite) {
      throw new InputError(
        `'${out}' already exists. Choose another file, or add --force to replace it. Nothing was written.`,
      );
    }
  }
}

function writeProblem(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    case 'EBUSY':
      return 'the file is open in another program (close it in Excel and try again)';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Writes a whole file atomically: to a temporary file in the same folder, then renamed
 * over `out`. On failure the temporary file is removed and `out` is as it was.
 *
 * @throws {InputError} when the file cannot be written, saying why
 */
export async function writeOutput(out: string, data: string | Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temporary, data);
    await fs.rename(temporary, out);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw new InputError(`Cannot write '${out}': ${writeProblem(error)}. Nothing was written.`);
  }
}

/**
 * Checks that the result workbook's name fits what it holds, before any work: a
 * macro-enabled workbook keeps its macros and must be written as `.xlsm`; any other as
 * `.xlsx` (Excel refuses a file whose extension does not match its content); a workbook
 * whose structure is protected cannot take new sheets.
 *
 * @throws {InputError} naming the files and what to do
 */
export function checkWorkbookOutput(out: string, input: string, book: { macroEnabled: boolean; structureLocked: boolean }): void {
  if (book.structureLocked) throw new InputError(new StructureProtectedError(input).message);
  const extension = path.extname(out).toLowerCase();
  const wanted = book.macroEnabled ? '.xlsm' : '.xlsx';
  if (extension !== wanted) {
    const why = book.macroEnabled
      ? `'${input}' holds macros, which are kept: name a .xlsm file`
      : `the result is an Excel workbook without macros: name a .xlsx file`;
    throw new InputError(`Cannot write '${out}': ${why} (Excel refuses a file whose extension does not match its content). Nothing was written.`);
  }
}
