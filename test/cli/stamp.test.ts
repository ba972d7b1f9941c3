/** The run stamp, from the CLI's clock to the result workbook: local time in words, never ISO text. */
import ExcelJS from 'exceljs';
import * as path from 'path';
import { awards, ensureBuilt, sampleTables, scratch, writeModel } from './support';

describe('the run stamp of `awards run`', () => {
  let dir = '';
  beforeAll(async () => {
    ensureBuilt();
    dir = scratch();
    await writeModel(path.join(dir, 'model.xlsx'), sampleTables());
  });

  it.each([
    ['Europe/London', 'Run 1 March 2021 09:00'],
    ['America/New_York', 'Run 1 March 2021 04:00'],
    ['Asia/Kolkata', 'Run 1 March 2021 14:30'],
  ])('is the local time of the machine (TZ %s): %s', async (zone, words) => {
    const out = `result-${zone.replace('/', '-')}.xlsx`;
    const result = awards(['run', 'model.xlsx', '--out', out], dir, { TZ: zone });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`(${words}).`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, out));
    for (const name of ['Allocations', 'Fund ledger', 'Checks', 'Comparison', 'Commitments', 'Appendix 1']) {
      const stamp = String(workbook.getWorksheet(name)?.getCell('A2').value);
      expect(stamp).toBe(`${words} · scenarios: Indicative, Confirmed · values, not formulas`);
    }
  });

  it('takes an AWARDS_NOW without a zone as the local time it says', () => {
    const result = awards(['run', 'model.xlsx', '--out', 'noon.xlsx'], dir, { AWARDS_NOW: '2021-03-01T12:00', TZ: 'Asia/Tokyo' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('(Run 1 March 2021 12:00).');
  });
});
