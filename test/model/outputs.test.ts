import { outputSheets, type ModelResult } from '../../src/engine/model';
import type { SheetSpec } from '../../src/engine/sheet';
import { layoutSheet, printSetup } from '../../src/workbook/layout';
import { award, run, STAMP, type Workbook } from './support';

const book: Workbook = {
  funds: [
    { Fund: 'Victim Services Grant', Income: 1000, Appendix: 1 },
    { Fund: 'Youth and Community Fund', Income: 500, Appendix: 3, 'Award cap': 100 },
  ],
  scenarios: [
    { Scenario: 'Indicative', Fund: 'Victim Services Grant', Income: 1000 },
    { Scenario: 'Confirmed', Fund: 'Victim Services Grant', Income: 1030, Fit: 'scale' },
  ],
  awards: [
    award('VS-1', { Fund: 'Victim Services Grant', 'Prior year': 600, Start: '2021-10-01' }),
    award('VS-2', { Fund: 'Victim Services Grant', 'Prior year': 400, Locked: 'Yes' }),
    award('YC-1', { Fund: 'Youth and Community Fund', Rule: 'FIXED', Value: 150 }),
  ],
};

function sheets(result: ModelResult = run(book)): Record<string, SheetSpec> {
  return Object.fromEntries(outputSheets(result).map((sheet) => [sheet.sheet, sheet]));
}

const headers = (sheet: SheetSpec): string[] => sheet.columns.map((column) => column.header);
const formats = (sheet: SheetSpec): string[] => sheet.columns.map((column) => column.format);

describe('outputSheets', () => {
  it('writes Allocations, Fund ledger, Checks, Comparison, Commitments, Payments, Calendar, then one sheet per appendix', () => {
    expect(outputSheets(run(book)).map((sheet) => [sheet.sheet, sheet.table])).toEqual([
      ['Allocations', 'Allocations'],
      ['Fund ledger', 'FundLedger'],
      ['Checks', 'Checks'],
      ['Comparison', 'Comparison'],
      ['Commitments', 'Commitments'],
      ['Payments', 'Payments'],
      ['Calendar', 'Calendar'],
      ['Appendix 1', 'Appendix1'],
      ['Appendix 3', 'Appendix3'],
    ]);
  });

  it.each([
    ['Allocations', ['Scenario', 'Ref', 'Recipient', 'Service', 'Fund', 'Prior year', 'Amount', 'Change', 'Change %', 'Notes']],
    ['Fund ledger', ['Scenario', 'Fund', 'Opening balance', 'Income', 'Awarded', 'Closing balance', 'Floor', 'Headroom']],
    ['Checks', ['Severity', 'Scenario', 'Fund', 'Ref', 'Check', 'Message']],
    ['Comparison', ['Ref', 'Recipient', 'Fund', 'Indicative', 'Confirmed', 'Variance', 'Variance %']],
    ['Commitments', ['Ref', 'Recipient', 'Fund', '2021/22', '2022/23', '2023/24']],
    ['Appendix 1', ['Recipient', 'Service', '2020/21', '2021/22 (Confirmed)', 'Change']],
  ])('gives %s exactly its headers', (name, expected) => {
    expect(headers(sheets()[name])).toEqual(expected);
  });

  it.each([
    ['Allocations', ['text', 'text', 'text', 'text', 'text', 'money', 'money', 'money', 'percent', 'text']],
    ['Fund ledger', ['text', 'text', 'money', 'money', 'money', 'money', 'money', 'money']],
    ['Comparison', ['text', 'text', 'text', 'money', 'money', 'money', 'percent']],
    ['Commitments', ['text', 'text', 'text', 'money', 'money', 'money']],
    ['Appendix 3', ['text', 'text', 'money', 'money', 'money']],
  ])('formats money and percentages in %s', (name, expected) => {
    expect(formats(sheets()[name])).toEqual(expected);
  });

  it('titles every sheet and stamps it with the run, in words, and its scenarios', () => {
    const all = sheets(run(book, { runAt: { year: 2021, month: 3, day: 1, hour: 12, minute: 0 } }));
    const stamp = 'Run 1 March 2021 12:00 · scenarios: Indicative, Confirmed · values, not formulas';
    for (const sheet of Object.values(all)) {
      expect(sheet.title[sheet.title.length - 1]).toBe(stamp);
      expect(sheet.stamp).toBe('Run 1 March 2021 12:00');
    }
    expect(all.Allocations.title[0]).toBe('Allocations 2021/22');
    expect(all['Appendix 1'].title[0]).toBe('Appendix 1: Victim Services Grant awards 2021/22 (Confirmed)');
    expect(all.Commitments.title[0]).toBe('Commitments 2021/22 to 2023/24 (scenario Confirmed)');
    expect(all.Checks.title[0]).toBe('Checks 2021/22: 2 errors, 0 warnings, 1 note');
  });

  it('gives every sheet a footer of its name and the run stamp when printed', () => {
    for (const spec of outputSheets(run(book, { runAt: { year: 2021, month: 3, day: 1, hour: 9, minute: 5 } }))) {
      expect(printSetup(spec, layoutSheet(spec))).toMatchObject({ paper: 'A4', footerLeft: spec.sheet, footerRight: 'Run 1 March 2021 09:05' });
    }
  });

  it.each([
    [STAMP, 'Run 15 January 2021 09:30 UTC'],
    ['2021-03-01 14:05', 'Run 1 March 2021 14:05'],
    ['2021-03-01T14:05:00+01:00', 'Run 1 March 2021 14:05 +01:00'],
  ])('without a local time, stamps %p as it is written: %p', (stamp, words) => {
    for (const sheet of outputSheets(run(book, { stamp }))) {
      expect(sheet.stamp).toBe(words);
      expect(sheet.title[sheet.title.length - 1].startsWith(`${words} · `)).toBe(true);
      expect(sheet.title.join(' ')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });

  it('writes values, not formulas, row by row', () => {
    const all = sheets();
    expect(all.Allocations.rows[0]).toEqual(['Indicative', 'VS-1', 'Recipient VS-1', 'Service VS-1', 'Victim Services Grant', 600, 300, -300, -0.5, 'prorated']);
    expect(all['Fund ledger'].rows[0]).toEqual(['Indicative', 'Victim Services Grant', 0, 1000, 700, 300, 0, 300]);
    expect(all.Checks.rows[0].slice(0, 5)).toEqual(['error', 'Indicative', 'Youth and Community Fund', 'YC-1', 'Award cap']);
    expect(all.Commitments.rows[0]).toEqual(['VS-1', 'Recipient VS-1', 'Victim Services Grant', 630, 0, 0]);
    expect(all['Appendix 1'].rows).toEqual([['Recipient VS-1', 'Service VS-1 ¹,²', 600, 630, 30], ['Recipient VS-2', 'Service VS-2', 400, 400, 0]]);
    expect(all['Appendix 3'].rows).toEqual([['Recipient YC-1', 'Service YC-1', 'New', 150, 150]]);
  });

  it('totals below the tables', () => {
    const all = sheets();
    expect(all.Allocations.footer).toEqual([
      ['Indicative', 'Total', '', '', '', 1000, 850, -150, -0.15, ''],
      ['Confirmed', 'Total', '', '', '', 1000, 1180, 180, 0.18, ''],
    ]);
    expect(all.Comparison.footer).toEqual([
      ['Total', '', 'Victim Services Grant', 700, 1030, 330, 330 / 700],
      ['Total', '', 'Youth and Community Fund', 150, 150, 0, 0],
    ]);
    expect(all['Appendix 1'].footer).toEqual([
      ['Total', '', 1000, 1030, 30],
      ['¹ Part year: starts 1 October 2021; the amount is the part of £600.00 a year that falls in 2021/22.', null, null, null, null],
      ["² Scaled by 2.1000, as were all the Victim Services Grant's awards that are not locked: £300.00 before the fit, £630.00 after.", null, null, null, null],
    ]);
    expect(all.Commitments.footer).toEqual([['Total', '', '', 1180, 0, 0]]);
    expect(all['Fund ledger'].footer[1]).toEqual(['Confirmed', 'All funds', 0, 1530, 1180, 350, 0, 350]);
  });

  it('charts the comparison fund totals', () => {
    expect(sheets().Comparison.chart).toEqual({
      title: 'Indicative and Confirmed by fund', categories: 'Fund', series: ['Indicative', 'Confirmed'], fromFooter: true,
    });
  });

  it('says so when there is no comparison', () => {
    const comparison = sheets(run(book, { scenarios: ['Confirmed'] })).Comparison;
    expect(comparison.rows).toEqual([]);
    expect(comparison.title[0]).toContain('needs two scenarios');
  });

  it('keeps headers unique when a scenario shares a name with a column', () => {
    const result = run({ ...book, scenarios: [{ Scenario: 'Fund' }, { Scenario: 'Variance' }] });
    expect(headers(sheets(result).Comparison)).toEqual(['Ref', 'Recipient', 'Fund', 'Fund (2)', 'Variance', 'Variance (2)', 'Variance %']);
  });

  it('gives every column a width that fits its header, and keeps sheet names within 31 characters', () => {
    for (const sheet of outputSheets(run(book))) {
      expect(sheet.sheet.length).toBeLessThanOrEqual(31);
      expect(sheet.table).not.toMatch(/\s/);
      for (const column of sheet.columns) expect(column.width).toBeGreaterThanOrEqual(column.header.length);
      for (const row of [...sheet.rows, ...sheet.footer]) expect(row).toHaveLength(sheet.columns.length);
    }
  });
});
