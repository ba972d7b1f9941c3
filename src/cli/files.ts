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

/**
 * Checks, before any work, that `out` ends in one of `extensions` (case-blind), so
 * that what is written is what its name says.
 *
 * @param what what would be written, e.g. `an Excel workbook`
 * @throws {InputError} naming the file, what would be written and the extensions that fit
 */
export function checkExtension(out: string, extensions: readonly string[], what: string): void {
  const extension = path.extname(out).toLowerCase();
  if (extensions.includes(extension)) return;
  const names = extensions.map((name) => `'${name}'`).join(' or ');
  throw new InputError(
    `--out '${out}' would hold ${what}, but ${extension === '' ? 'it has no extension' : `its extension is '${path.extname(out)}'`}: ` +
      `name a ${names} file. Nothing was written.`,
  );
}

/** Why a write failed, in words; `renaming` when the temporary file was written but could not replace `out`. */
function writeProblem(error: unknown, renaming: boolean): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (renaming && (code === 'EPERM' || code === 'EBUSY' || code === 'EACCES')) {
    return 'the file is open in another program (Excel?) or cannot be replaced: close it in Excel and run again';
  }
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    case 'EBUSY':
      return 'the file is open in another program: close it in Excel and run again';
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
export async function writeOutput(out: string, data: string | Uint8Array, files: FileSystem = fs): Promise<void> {
  const temporary = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  let renaming = false;
  try {
    await files.writeFile(temporary, data);
    renaming = true;
    await files.rename(temporary, out);
  } catch (error) {
    await files.rm(temporary, { force: true });
    throw new InputError(`Cannot write '${out}': ${writeProblem(error, renaming)}. Nothing was written.`);
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

/** The file operations `writeOutput` uses (Node's `fs.promises`; a test may pass its own). */
export interface FileSystem {
  writeFile(file: string, data: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: boolean }): Promise<void>;
}
