/**
 * Packages the command line cannot use (issue 7, "Bad input"): each exits 2 with one
 * message naming the file (and the part where it helps), no stack trace, nothing
 * written — never exit 3. The files are made by other programs: XlsxWriter's model
 * altered by test/fixtures/xlsx/bad_inputs.py, and LibreOffice's .xls and .ods.
 */
import { copyFileSync, existsSync } from 'fs';
import * as path from 'path';
import { generate } from '../fixtures/xlsx/generate';
import { convert } from '../support/libreoffice';
import { awards, ensureBuilt, scratch } from './support';

let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = scratch();
  generate('bad_inputs', dir);
  generate('readers', dir);
  const [xls] = convert([path.join(dir, 'xlsxwriter.xlsx')], 'xls');
  const [ods] = convert([path.join(dir, 'xlsxwriter.xlsx')], 'ods');
  copyFileSync(xls, path.join(dir, 'legacy.xls'));
  copyFileSync(ods, path.join(dir, 'calc.ods'));
  copyFileSync(xls, path.join(dir, 'legacy-renamed.xlsx'));
}, 240_000);

const CASES: { name: string; file: string; message: (string | RegExp)[] }[] = [
  { name: 'not a zip (a PDF named .xlsx)', file: 'not-a-zip.xlsx', message: ['not an Excel workbook'] },
  { name: 'a zip cut off halfway', file: 'truncated.xlsx', message: [/damaged|not an Excel workbook/] },
  { name: 'a zip bomb (a part inflating to 300 MiB)', file: 'bomb.xlsx', message: ['too large', /\d+ MiB/, 'xl/worksheets/sheet3.xml'] },
  { name: 'an encrypted (password-protected) workbook', file: 'encrypted.xlsx', message: ['password'] },
  { name: 'an Excel 97–2003 workbook (.xls, saved by LibreOffice)', file: 'legacy.xls', message: ['.xls', 'Excel Workbook (*.xlsx)'] },
  { name: 'an .xls renamed .xlsx', file: 'legacy-renamed.xlsx', message: ['.xls', 'Excel Workbook (*.xlsx)'] },
  { name: 'an Excel Binary Workbook (.xlsb)', file: 'binary.xlsb', message: ['.xlsb', 'Excel Workbook (*.xlsx)'] },
  { name: 'an OpenDocument spreadsheet (.ods, saved by LibreOffice)', file: 'calc.ods', message: ['.ods', 'Excel Workbook (*.xlsx)'] },
  { name: 'a Strict Open XML workbook', file: 'strict.xlsx', message: ['Strict', 'Excel Workbook (*.xlsx)'] },
  { name: 'a missing part (the Awards sheet)', file: 'missing-part.xlsx', message: ['damaged', 'xl/worksheets/sheet3.xml'] },
  { name: 'a corrupt part (the Awards sheet cut off)', file: 'corrupt-part.xlsx', message: ['damaged', 'xl/worksheets/sheet3.xml'] },
  { name: 'two tables of one name', file: 'duplicate-table.xlsx', message: ["'Funds'", 'unique'] },
];

describe('awards run refuses a package it cannot use', () => {
  it.each(CASES)('refuses $name: exit 2, one message naming the file, nothing written', ({ file, message }) => {
    const out = `result-${path.basename(file, path.extname(file))}.xlsx`;
    const run = awards(['run', file, '--out', out], dir);
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 2, stdout: '' });
    expect(run.stderr).toContain(`'${file}'`);
    for (const text of message) expect(run.stderr).toMatch(typeof text === 'string' ? new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : text);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at |Error:|unexpected/);
    expect(existsSync(path.join(dir, out))).toBe(false);
  });

  it.each(CASES.filter((c) => ['bomb.xlsx', 'encrypted.xlsx', 'duplicate-table.xlsx'].includes(c.file)))(
    'refuses $name for every command that reads a model',
    ({ file }) => {
      const run = awards(['appendix', file, '--scenario', 'Confirmed', '--format', 'html', '--out', 'appendix.html'], dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`'${file}'`);
      expect(existsSync(path.join(dir, 'appendix.html'))).toBe(false);
    },
  );
});
