/**
 * `awards run --out` names a file whose kind matches what is written: a workbook with
 * macros stays `.xlsm` (its macros kept), any other stays `.xlsx` — Excel refuses a file
 * whose extension does not match its content. A mismatch exits 2 with nothing written.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { awards, ensureBuilt, sampleTables, scratch } from './support';

const MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const PLAIN_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

/** The sample model as a macro-enabled workbook: the content type says so, a VBA project part beside it. */
async function macroModel(): Promise<Uint8Array> {
  const parts = unzipSync((await XlsxWorkbook.fromTables(sampleTables())).toBytes());
  const types = new TextDecoder().decode(parts['[Content_Types].xml']);
  expect(types).toContain(PLAIN_MAIN);
  parts['[Content_Types].xml'] = strToU8(
    types.replace(PLAIN_MAIN, MACRO_MAIN).replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
  );
  const rels = new TextDecoder().decode(parts['xl/_rels/workbook.xml.rels']);
  parts['xl/_rels/workbook.xml.rels'] = strToU8(
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    ),
  );
  parts['xl/vbaProject.bin'] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 4]);
  return zipSync(parts);
}

describe('awards run: the result is the same kind of workbook as the input', () => {
  let dir: string;
  beforeAll(async () => {
    ensureBuilt();
    dir = scratch();
    writeFileSync(path.join(dir, 'model.xlsm'), await macroModel());
    writeFileSync(path.join(dir, 'model.xlsx'), (await XlsxWorkbook.fromTables(sampleTables())).toBytes());
  });

  it('writes a macro-enabled model to .xlsm with its VBA project byte for byte', () => {
    const run = awards(['run', 'model.xlsm', '--out', 'result.xlsm'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const input = unzipSync(readFileSync(path.join(dir, 'model.xlsm')));
    const output = unzipSync(readFileSync(path.join(dir, 'result.xlsm')));
    expect(Buffer.from(output['xl/vbaProject.bin']).equals(Buffer.from(input['xl/vbaProject.bin']))).toBe(true);
    expect(new TextDecoder().decode(output['[Content_Types].xml'])).toContain(MACRO_MAIN);
  });

  it.each([
    ['model.xlsm', 'lost-macros.xlsx', 'holds macros'],
    ['model.xlsx', 'pretend.xlsm', 'without macros'],
    ['model.xlsx', 'result.xls', "name a '.xlsx' or '.xlsm' file"],
  ])('refuses %s written as %s, writing nothing', (input, out, why) => {
    const run = awards(['run', input, '--out', out], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(why);
    expect(run.stderr).toContain('Nothing was written');
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(path.join(dir, out))).toBe(false);
  });
});
