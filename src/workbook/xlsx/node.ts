/**
 * Opening an .xlsx file from disk (Node only: the command line and tests). The rest of
 * the package layer is browser-safe; this is the one file that touches `fs`.
 */
import { promises as fs } from 'fs';
import { WorkbookReadError } from '../errors';
import { XlsxWorkbook } from './workbook';

/**
 * Reads and opens a workbook file.
 *
 * @throws {WorkbookReadError} naming the file when it is missing, a folder, unreadable,
 *   or not a workbook package we can use
 */
export async function loadXlsxFile(file: string): Promise<XlsxWorkbook> {
  let data: Uint8Array;
  try {
    data = await fs.readFile(file);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') throw new WorkbookReadError(file, 'missing');
    if (code === 'EISDIR') throw new WorkbookReadError(file, 'unreadable', 'it is a folder');
    if (code === 'EACCES' || code === 'EPERM') throw new WorkbookReadError(file, 'unreadable', 'permission denied');
    throw new WorkbookReadError(file, 'unreadable', error instanceof Error ? error.message : String(error));
  }
  return XlsxWorkbook.fromBytes(data, file);
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code: unknown = error.code;
  return typeof code === 'string' ? code : undefined;
}
