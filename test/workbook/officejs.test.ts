/**
 * The Office.js adapter against a fake Excel built on office-addin-mock: round trips
 * that do not grow with the data, requests that stay under Excel on the web's limit,
 * and the ownership marker shared with files the command line writes.
 */
import { sampleModel } from '../../src/engine/model';
import type { SheetSpec } from '../../src/engine/sheet';
import { enterConfirmedGrant } from '../../src/taskpane/commands';
import { ExcelJsWorkbook } from '../support/exceljsWorkbook';
import { OfficeWorkbook, SheetNotOwnedError, TableLookupError, TableNameTakenError } from '../../src/workbook';
import { ExcelWriteError } from '../../src/workbook/officeErrors';
import { allocations, checks, commitments, fundLedger, inputs, userTable } from './fixtures';
import { fakeFromXlsx, xlsxFromFake } from './interop';
import { FakeExcel, FakeOfficeError, REQUEST_LIMIT, RESPONSE_LIMIT, countSyncs } from './officeMock';

jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', Outlook: 'outlook' } }));

/** A user's workbook in Excel, with the adapter on it. */
function excelWith(options: { payloadBudget?: number; supports?: (v: string) => boolean } = {}): {
  fake: FakeExcel;
  book: OfficeWorkbook;
} {
  const fake = new FakeExcel();
  const { name, sheet, headers, rows } = userTable();
  fake.putTable(sheet, name, headers, rows.map((r) => r.map((v) => v ?? '')));
  return { fake, book: new OfficeWorkbook(fake.run, { supports: options.supports ?? (() => true), payloadBudget: options.payloadBudget }) };
}

/** A run's output sheets with `n` allocation rows. */
const run = (n: number): SheetSpec[] => [allocations(n), fundLedger(), checks(), commitments()];

describe('OfficeWorkbook: round trips', () => {
  it.each([
    ['a first run', false],
    ['a later run, replacing its sheets', true],
  ])('writes 10 or 10,000 rows with the same number of syncs: %s', async (_when, again) => {
    const counts: number[] = [];
    for (const rows of [10, 10_000]) {
      const { fake, book } = excelWith();
      if (again) await book.writeSheets(run(5));
      counts.push(await countSyncs(fake, () => book.writeSheets(run(rows))));
      expect(Math.max(...fake.payloads)).toBeLessThanOrEqual(REQUEST_LIMIT);
    }
    expect(counts[0]).toBe(counts[1]);
    // inventory, (registry), the checks before writing, one batch of writes, recalculation
    expect(counts[0]).toBe(again ? 5 : 4);
  });

  it('reads a table of 10 rows in two syncs and one of 10,000 in three, each response within the limit', async () => {
    const counts: number[] = [];
    for (const rows of [10, 10_000]) {
      const { fake, book } = excelWith();
      await book.writeSheets([allocations(rows)]);
      counts.push(await countSyncs(fake, () => book.readTables(['Allocations', 'Notes', 'Absent'])));
      expect((await book.readTables(['Allocations'])).Allocations.rows).toEqual(allocations(rows).rows);
      expect(Math.max(...fake.responses)).toBeLessThanOrEqual(RESPONSE_LIMIT);
    }
    expect(counts).toEqual([2, 3]);
  });

  it.each([
    ['sheetNames', 2, (b: OfficeWorkbook) => b.sheetNames()],
    ['ownedSheetNames', 2, (b: OfficeWorkbook) => b.ownedSheetNames()],
    ['setTableCell', 1, (b: OfficeWorkbook) => b.setTableCell('Notes', 1, 'Amount', 3)],
    ['selectTableRow', 1, (b: OfficeWorkbook) => b.selectTableRow('Allocations', 1)],
    ['createTables', 3, (b: OfficeWorkbook) => b.createTables(inputs())],
  ])('%s takes %i syncs, whatever the data', async (_name, syncs, action) => {
    const { fake, book } = excelWith();
    await book.writeSheets([allocations(3)]);
    expect(await countSyncs(fake, () => action(book))).toBe(syncs);
  });

  it('suspends calculation for every write, then recalculates once', async () => {
    const { fake, book } = excelWith();
    await book.writeSheets(run(10));
    expect(fake.suspendedSyncs).toBe(1);
    expect(fake.recalculations).toBe(1);
  });

  it('leaves calculation alone when the user calculates by hand', async () => {
    const { fake, book } = excelWith();
    fake.calculationMode = 'Manual';
    await book.writeSheets(run(10));
    expect(fake.recalculations).toBe(0);
  });

  it('does without screen-updating suspension where the host lacks ExcelApi 1.9', async () => {
    const { fake, book } = excelWith({ supports: (v) => Number(v) < 1.9 });
    await book.writeSheets(run(10));
    expect((await book.readTables(['Allocations'])).Allocations.rows).toHaveLength(10);
    expect(fake.recalculations).toBe(1);
  });
});

describe('OfficeWorkbook: request size', () => {
  it('splits a body too big for one request into row blocks, each within the budget', async () => {
    const budget = 256 * 1024;
    const { fake, book } = excelWith({ payloadBudget: budget });
    const syncs = await countSyncs(fake, () => book.writeSheets([allocations(10_000)]));

    expect(syncs).toBeGreaterThan(6);
    expect(Math.max(...fake.payloads)).toBeLessThanOrEqual(budget + 4096);
    expect((await book.readTables(['Allocations'])).Allocations.rows).toEqual(allocations(10_000).rows);
    // every sync but the inventory, the checks before writing and the recalculation
    expect(fake.suspendedSyncs).toBe(syncs - 3);
  });

  it('keeps a 40,000-row sheet under the 5 MB limit of Excel on the web', async () => {
    const { fake, book } = excelWith();
    await book.writeSheets([allocations(40_000)]);
    expect(fake.payloads.filter((bytes) => bytes > 1024 * 1024).length).toBeGreaterThan(1);
    expect(Math.max(...fake.payloads)).toBeLessThanOrEqual(REQUEST_LIMIT);
    expect(fake.table('Allocations').rect).toEqual({ top: 4, left: 1, bottom: 40_004, right: 10 });
  });
});

describe('OfficeWorkbook: what is written', () => {
  let fake: FakeExcel;
  beforeAll(async () => {
    const excel = excelWith();
    fake = excel.fake;
    await excel.book.writeSheets([allocations(3), commitments()]);
  });

  it('writes the title, a blank row, then the table, with the footer outside it', () => {
    expect(fake.read('Allocations', 'A1:A3')).toEqual([['Allocations — Base case'], ['Run 2021-03-01 09:30, scenarios: Base case'], ['']]);
    expect(fake.sheet('Allocations').cell(1, 1)).toMatchObject({ bold: true, size: 14 });
    const table = fake.table('Allocations');
    expect(table.rect).toEqual({ top: 4, left: 1, bottom: 7, right: 10 });
    expect(table.style).toBe('TableStyleMedium2');
    expect(fake.read('Allocations', 'E8:F8')).toEqual([['Total', 1234.5]]);
    expect(fake.sheet('Allocations').cell(8, 6)).toMatchObject({ bold: true, numberFormat: '£#,##0.00;-£#,##0.00' });
  });

  it('formats each column, sets widths in points, freezes under the header', () => {
    const sheet = fake.sheet('Commitments');
    expect(sheet.cell(4, 2)?.numberFormat).toBe('dd/mm/yyyy');
    expect(sheet.cell(5, 3)?.numberFormat).toBe('0');
    expect(sheet.cell(6, 5)?.numberFormat).toBe('£#,##0.00;-£#,##0.00');
    expect(sheet.cell(4, 4)?.numberFormat).toBeUndefined();
    expect(sheet.widths.get(2)).toBe(66.75);
    expect(sheet.frozenRows).toBe(3);
  });

  it('marks its sheets in a very hidden registry of formulas', () => {
    expect(fake.sheet('AwardsModeller').visibility).toBe('VeryHidden');
    expect(fake.read('AwardsModeller', 'A2:B3')).toEqual([
      ["='Allocations'!$A$1", 'Allocations'],
      ["='Commitments'!$A$1", 'Commitments'],
    ]);
  });
});

describe('OfficeWorkbook: ownership', () => {
  it('refuses a sheet of the user\u2019s named Checks having changed nothing', async () => {
    const fake = new FakeExcel();
    fake.putTable('Checks', 'MyChecks', ['Check'], [['mine']]);
    const book = new OfficeWorkbook(fake.run, { supports: () => true });

    await expect(book.writeSheets([allocations(2), checks()])).rejects.toThrow(SheetNotOwnedError);
    expect(fake.sheets.map((s) => s.name)).toEqual(['Checks']);
    expect(fake.payloads).toEqual([0]);
  });

  it('follows its sheet when the user renames it, and does not take the new sheet of that name', async () => {
    const { fake, book } = excelWith();
    await book.writeSheets([checks()]);
    fake.renameSheet('Checks', "Checks (Ann's copy)");
    fake.putTable('Checks', 'MyChecks', ['Check'], [['mine']]);

    expect(await book.ownedSheetNames()).toEqual(["Checks (Ann's copy)"]);
    await expect(book.writeSheets([checks()])).rejects.toThrow(new SheetNotOwnedError('Checks'));
  });

  it('lets go of a sheet the user deleted', async () => {
    const { fake, book } = excelWith();
    await book.writeSheets([checks(), fundLedger()]);
    fake.deleteSheet('Checks');
    fake.putTable('Checks', 'MyChecks', ['Check'], [['mine']]);

    expect(await book.ownedSheetNames()).toEqual(['Fund ledger']);
    await expect(book.writeSheets([checks()])).rejects.toThrow(SheetNotOwnedError);
    await book.writeSheets([fundLedger(1)]);
    expect(fake.read('AwardsModeller', 'A2:A3')).toEqual([["='Fund ledger'!$A$1"], ['']]);
  });

  it('takes a sheet named like the registry but without its signature for the user\u2019s', async () => {
    const fake = new FakeExcel();
    fake.putValues('AwardsModeller', 'A1', [['my own sheet']]);
    const book = new OfficeWorkbook(fake.run, { supports: () => true });
    expect(await book.sheetNames()).toEqual(['AwardsModeller']);
    await expect(book.writeSheets([checks()])).rejects.toThrow(new SheetNotOwnedError('AwardsModeller'));
  });

  it('rewrites its sheet in place: the same sheet, so the user\u2019s references to it hold', async () => {
    const { fake, book } = excelWith();
    await book.writeSheets([allocations(5)]);
    const sheet = fake.sheet('Allocations');
    await book.writeSheets([allocations(2)]);
    expect(fake.sheet('Allocations')).toBe(sheet);
    expect(fake.table('Allocations').rect).toEqual({ top: 4, left: 1, bottom: 6, right: 10 });
    expect(fake.read('Allocations', 'A8:A10')).toEqual([[''], [''], ['']]);
  });
});

describe('OfficeWorkbook: cells and selection', () => {
  it('writes text as text: a leading apostrophe that Excel keeps out of the value', async () => {
    const { fake, book } = excelWith();
    await book.setTableCell('Notes', 0, 'Note', '00123');
    await book.setTableCell('Notes', 1, 'Amount', null);
    expect(fake.tableValues('Notes').rows).toEqual([['00123', 1], ['and me', '']]);
  });

  it('shows the sheet and selects the row', async () => {
    const { fake, book } = excelWith();
    await book.writeSheets([allocations(3)]);
    await book.selectTableRow('Allocations', 2);
    expect(fake.active?.name).toBe('Allocations');
    expect(fake.selection).toEqual({ sheet: 'Allocations', address: 'A7:J7' });
  });

  it('says which column it cannot find', async () => {
    const { book } = excelWith();
    await expect(book.setTableCell('Notes', 0, 'Nope', 1)).rejects.toThrow(new TableLookupError('column', 'Notes', 'Nope', 0));
  });
});

describe('OfficeWorkbook and ExcelJsWorkbook share the marker', () => {
  it('knows the sheets the command line wrote when the file is opened in Excel', async () => {
    const cli = await ExcelJsWorkbook.fromTables([userTable(), userTable('MyChecks', 'Checks')]);
    await cli.writeSheets([allocations(3), fundLedger()]);
    const fake = await fakeFromXlsx(await cli.toBuffer());
    const book = new OfficeWorkbook(fake.run, { supports: () => true });

    expect(await book.ownedSheetNames()).toEqual(['Allocations', 'Fund ledger']);
    await expect(book.writeSheets([checks()])).rejects.toThrow(SheetNotOwnedError);
    await book.writeSheets([allocations(1), fundLedger(1)]);
    expect(fake.sheets.map((s) => s.name)).toEqual(['My notes', 'Checks', 'Allocations', 'Fund ledger', 'AwardsModeller']);
    expect((await book.readTables(['FundLedger'])).FundLedger.rows).toEqual(fundLedger(1).rows);
  });

  it('knows the sheets the add-in wrote when the command line reads the saved file', async () => {
    const { fake, book } = excelWith();
    await book.writeSheets([allocations(3), commitments()]);
    fake.renameSheet('Commitments', 'Commitments 2021');
    const cli = await ExcelJsWorkbook.fromBuffer(await xlsxFromFake(fake));

    expect(await cli.ownedSheetNames()).toEqual(['Allocations', 'Commitments 2021']);
    expect((await cli.readTables(['Allocations'])).Allocations.rows).toEqual(allocations(3).rows);
    await cli.writeSheets([allocations(1)]);
    expect((await cli.readTables(['Allocations'])).Allocations.rows).toEqual(allocations(1).rows);
    // The renamed sheet is kept, and keeps its table's name: a new Commitments must wait.
    await expect(cli.writeSheets([commitments()])).rejects.toThrow(new TableNameTakenError('Commitments', 'Commitments 2021'));
  });
});

describe('OfficeWorkbook: the comparison chart', () => {
  /** A Comparison-like sheet with fund totals in its footer and a chart of them. */
  const comparison = (funds: number): SheetSpec => ({
    sheet: 'Comparison',
    table: 'Comparison',
    title: ['Comparison'],
    columns: ['Ref', 'Recipient', 'Fund', 'Indicative', 'Confirmed', 'Variance'].map((header, i) => ({
      header,
      format: i < 3 ? 'text' : 'money',
      width: 12,
    })),
    rows: [['R1', 'Victim Support', 'Victim Services Grant', 100, 110, 10]],
    footer: Array.from({ length: funds }, (_, i) => ['', 'Total', `Fund ${i + 1}`, 100 * (i + 1), 110 * (i + 1), 10]),
    chart: { title: 'Indicative vs Confirmed by fund', categories: 'Fund', series: ['Indicative', 'Confirmed'], fromFooter: true },
  });

  it('draws a native clustered-column chart of the fund totals, one series per scenario', async () => {
    const { fake, book } = excelWith();
    await book.writeSheets([comparison(3)]);
    const [chart] = fake.sheet('Comparison').charts;
    expect(chart).toMatchObject({ type: 'ColumnClustered', title: 'Indicative vs Confirmed by fund' });
    // Title row, blank row, header at row 3, one body row, footer from row 5.
    expect(chart.series).toEqual([
      { name: 'Indicative', values: { top: 5, left: 4, bottom: 7, right: 4 }, categories: { top: 5, left: 3, bottom: 7, right: 3 } },
      { name: 'Confirmed', values: { top: 5, left: 5, bottom: 7, right: 5 }, categories: { top: 5, left: 3, bottom: 7, right: 3 } },
    ]);
  });

  it('gives the chart axes titled with what they show, each bar its value, and a legend', async () => {
    const { fake, book } = excelWith();
    await book.writeSheets([comparison(3)]);
    const [chart] = fake.sheet('Comparison').charts;
    expect(chart.legend).toEqual({ visible: true, position: 'Bottom' });
    expect(chart.axes).toEqual({ categoryTitle: 'Fund', valueTitle: 'Amount (£)', valueFormat: '£#,##0' });
    expect(chart.dataLabels).toEqual({ showValue: true, numberFormat: '£#,##0' });
  });

  it('replaces its chart on a later run instead of piling up charts', async () => {
    const { fake, book } = excelWith();
    await book.writeSheets([comparison(2)]);
    await book.writeSheets([comparison(4)]);
    const charts = fake.sheet('Comparison').charts;
    expect(charts).toHaveLength(1);
    expect(charts[0].series[0].values.bottom).toBe(8);
  });

  it('costs no more syncs for 10,000 rows than for 10', async () => {
    const counts: number[] = [];
    for (const rows of [10, 10_000]) {
      const { fake, book } = excelWith();
      await book.writeSheets([comparison(3)]);
      const spec = comparison(3);
      spec.rows = Array.from({ length: rows }, (_, i) => [`R${i}`, 'Recipient', 'Fund 1', 1, 2, 1]);
      counts.push(await countSyncs(fake, () => book.writeSheets([spec])));
    }
    expect(counts[0]).toBe(counts[1]);
  });
});

describe('OfficeWorkbook: the user’s formulas on an output table survive a re-run', () => {
  it('the fake is strict: deleting a table turns structured references to it into #REF! for good', () => {
    const fake = new FakeExcel();
    fake.putTable('Data', 'Amounts', ['Amount'], [[1], [2]]);
    fake.putFormula('Summary', 'A1', '=SUM(Amounts[Amount])');
    expect(fake.valueOf('Summary', 'A1')).toBe(3);
    fake.deleteTable(fake.table('Amounts'));
    fake.putTable('Data', 'Amounts', ['Amount'], [[5]], 'C1');
    expect(fake.read('Summary', 'A1')).toEqual([['=SUM(#REF!)']]);
    expect(fake.valueOf('Summary', 'A1')).toBe('#REF!');
  });

  it('keeps the table, rewrites its rows and resizes it, so =SUM(Allocations[Amount]) follows the new rows', async () => {
    const { fake, book } = excelWith();
    await book.writeSheets([allocations(5)]);
    const table = fake.table('Allocations');
    fake.putFormula('My notes', 'D1', '=SUM(Allocations[Amount])');

    await book.writeSheets([allocations(3)]);
    expect(fake.table('Allocations')).toBe(table);
    expect(fake.read('My notes', 'D1')).toEqual([['=SUM(Allocations[Amount])']]);
    const amounts = allocations(3).rows.map((row) => row[6] as number);
    expect(fake.valueOf('My notes', 'D1')).toBeCloseTo(amounts.reduce((a, b) => a + b, 0), 6);
    expect(table.rect).toEqual({ top: 4, left: 1, bottom: 7, right: 10 });
    // The footer sits right below the resized table, outside it.
    expect(fake.read('Allocations', 'E8')).toEqual([['Total']]);
  });

  it('moves the kept table when the title grows or shrinks, and follows new columns', async () => {
    const { fake, book } = excelWith();
    await book.writeSheets([allocations(2)]);
    fake.putFormula('My notes', 'D1', '=SUM(Allocations[Amount])');
    const longer = { ...allocations(4), title: ['Allocations', 'Run 1 March 2021 12:00', 'Scenarios: Base case'] };
    await book.writeSheets([longer]);
    expect(fake.table('Allocations').rect).toEqual({ top: 5, left: 1, bottom: 9, right: 10 });
    const fewer = allocations(2);
    const narrower: SheetSpec = { ...fewer, title: [], columns: fewer.columns.slice(0, 7), rows: fewer.rows.map((r) => r.slice(0, 7)), footer: [] };
    await book.writeSheets([narrower]);
    expect(fake.table('Allocations').rect).toEqual({ top: 1, left: 1, bottom: 3, right: 7 });
    expect(fake.read('Allocations', 'H1:J3')).toEqual([['', '', ''], ['', '', ''], ['', '', '']]);
    expect(fake.read('My notes', 'D1')).toEqual([['=SUM(Allocations[Amount])']]);
    expect((await book.readTables(['Allocations'])).Allocations.rows).toEqual(narrower.rows);
  });
});

describe('OfficeWorkbook: checks before the first write', () => {
  it.each([
    ['a protected output sheet', (fake: FakeExcel) => (fake.sheet('Checks').protected = true), "The sheet 'Checks' is protected"],
    ['a workbook whose structure is protected', (fake: FakeExcel) => (fake.structureProtected = true), 'structure is protected'],
  ])('stops at %s, having written nothing', async (_what, protect, says) => {
    const { fake, book } = excelWith();
    await book.writeSheets([checks()]);
    protect(fake);
    const before = fake.read('Checks', 'A1:F2');
    const writes = fake.payloads.length;
    await expect(book.writeSheets([checks([['warning', 'Cut', 'Fund', 'R1', 'Cap', 'new']]), fundLedger()])).rejects.toThrow(says);
    expect(fake.read('Checks', 'A1:F2')).toEqual(before);
    expect(fake.sheets.map((s) => s.name)).not.toContain('Fund ledger');
    // The inventory and the checks, no request carrying a write.
    expect(fake.payloads.slice(writes).every((bytes) => bytes < 1024)).toBe(true);
  });
});

describe('OfficeWorkbook: failures Excel reports, in plain words', () => {
  it('says a chart sheet may hold the name, and what was written before it', async () => {
    const { fake, book } = excelWith();
    fake.chartSheets.push('Checks');
    const error = await book.writeSheets([fundLedger(), checks()]).catch((e: unknown) => e);
    expect(String(error)).toMatch(/stopped while writing .*Checks.*chart sheet/);
    expect(String(error)).toContain('may be part written');
    expect(fake.recalculations).toBe(1);
  });

  it('says Excel is busy in cell-edit mode, and that nothing was written', async () => {
    const { fake, book } = excelWith();
    fake.cellEditMode = true;
    await expect(book.writeSheets([checks()])).rejects.toThrow(/a cell is being edited.*Nothing was written\./);
  });

  it('names the sheets rewritten and the ones part written when a later request fails, and still recalculates', async () => {
    const { fake, book } = excelWith({ payloadBudget: 64 * 1024 });
    await book.writeSheets([fundLedger(), allocations(3)]);
    fake.failAt = { at: fake.syncs + 5, code: 'GeneralException' };
    const error = await book.writeSheets([fundLedger(1), allocations(4000)]).catch((e: unknown) => e);
    expect(String(error)).toContain('Fund ledger was rewritten');
    expect(String(error)).toContain('Allocations may be part written');
    expect(String(error)).toContain('GeneralException');
    expect(fake.recalculations).toBe(2);
  });

  it('the fake refuses a read before load and sync', async () => {
    const fake = new FakeExcel();
    fake.putTable('Data', 'Amounts', ['Amount'], [[1]]);
    await expect(
      fake.run(async (context) => {
        const range = context.workbook.tables.getItemOrNullObject('Amounts').getDataBodyRange();
        range.load('values');
        return range.values;
      }),
    ).rejects.toThrow(FakeOfficeError);
  });
});

describe('OfficeWorkbook: leftovers', () => {
  it('removes its chart when a later run has no comparison', async () => {
    const { fake, book } = excelWith();
    const spec: SheetSpec = {
      ...fundLedger(),
      chart: { title: 'Awarded by fund', categories: 'Fund', series: ['Awarded'], fromFooter: false },
    };
    await book.writeSheets([spec]);
    expect(fake.sheet('Fund ledger').charts).toHaveLength(1);
    await book.writeSheets([fundLedger()]);
    expect(fake.sheet('Fund ledger').charts).toEqual([]);
  });
});

describe('OfficeWorkbook: print setup', () => {
  it('prints every output sheet on A4, one page wide, header row repeated, sheet and stamp in the footer', async () => {
    const { fake, book } = excelWith();
    await book.writeSheets([{ ...allocations(3), stamp: 'Run 1 March 2021 12:00 & after' }, checks()]);
    expect(fake.sheet('Allocations').print).toEqual({
      paperSize: 'A4',
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      titleRows: '$4:$4',
      leftFooter: 'Allocations',
      rightFooter: 'Run 1 March 2021 12:00 && after',
    });
    expect(fake.sheet('Checks').print).toMatchObject({ orientation: 'Landscape', titleRows: '$1:$1', rightFooter: '' });
    await book.writeSheets([{ ...fundLedger(), columns: fundLedger().columns.map((c) => ({ ...c, width: 10 })) }]);
    expect(fake.sheet('Fund ledger').print.orientation).toBe('Portrait');
  });
});

describe('OfficeWorkbook: error cells', () => {
  it('reads an error value as an issue with its code, and text that reads like one as text', async () => {
    const fake = new FakeExcel();
    fake.putTable('Awards', 'Awards', ['Ref', 'Prior year'], [['R1', 100], ['R2', ''], ['R3', '#N/A']]);
    fake.sheet('Awards').write(3, 2, { value: '', error: '#N/A' });
    const book = new OfficeWorkbook(fake.run, { supports: () => true });
    const syncs = await countSyncs(fake, async () => {
      const { Awards } = await book.readTables(['Awards']);
      expect(Awards.rows).toEqual([['R1', 100], ['R2', null], ['R3', '#N/A']]);
      expect(Awards.issues).toEqual([{ row: 1, column: 1, kind: 'error', text: '#N/A', address: 'B3' }]);
    });
    expect(syncs).toBe(3);
  });
});

describe('OfficeWorkbook: the 1904 date system', () => {
  const APRIL_2021 = 44287;

  function workbook1904(): { fake: FakeExcel; book: OfficeWorkbook } {
    const fake = new FakeExcel();
    fake.date1904 = true;
    fake.putTable('Awards', 'Awards', ['Ref', 'Start', 'Prior year'], [['R1', APRIL_2021 - 1462, 1000]]);
    fake.sheet('Awards').write(2, 2, { numberFormat: 'dd/mm/yyyy' });
    return { fake, book: new OfficeWorkbook(fake.run, { supports: () => true }) };
  }

  it('reads dates of a 1904 workbook as the engine counts them, leaving amounts alone', async () => {
    const { book } = workbook1904();
    expect((await book.readTables(['Awards'])).Awards.rows).toEqual([['R1', APRIL_2021, 1000]]);
    expect(book.knownDateSystem).toBe(1904);
  });

  it('writes date columns back as the 1904 workbook counts them', async () => {
    const { fake, book } = workbook1904();
    await book.readTables(['Awards']);
    await book.writeSheets([commitments()]);
    expect(fake.read('Commitments', 'B4')).toEqual([[44287 - 1462]]);
    expect(fake.read('Commitments', 'E4')).toEqual([[12_000]]);
  });

  it('knows the date system from its probe once it has written, even where no cell shows a date', async () => {
    const fake = new FakeExcel();
    fake.date1904 = true;
    fake.putTable('Data', 'Dates', ['When'], [[APRIL_2021 - 1462]]);
    await new OfficeWorkbook(fake.run, { supports: () => true }).writeSheets([checks()]);
    const fresh = new OfficeWorkbook(fake.run, { supports: () => true });
    fake.sheet('Data').write(2, 1, { numberFormat: 'General' });
    expect((await fresh.readTables(['Dates'])).Dates.rows).toEqual([[APRIL_2021 - 1462]]);
    expect(fresh.knownDateSystem).toBe(1904);
  });

  it('takes a 1900 workbook as it is', async () => {
    const fake = new FakeExcel();
    fake.putTable('Awards', 'Awards', ['Ref', 'Start'], [['R1', APRIL_2021]]);
    fake.sheet('Awards').write(2, 2, { numberFormat: 'dd/mm/yyyy' });
    const book = new OfficeWorkbook(fake.run, { supports: () => true });
    expect((await book.readTables(['Awards'])).Awards.rows).toEqual([['R1', APRIL_2021]]);
    expect(book.knownDateSystem).toBe(1900);
  });
});

describe('OfficeWorkbook: an input written last, in one undo step', () => {
  const change = { table: 'Notes', row: 0, column: 'Amount', value: 99 };

  it.each([
    ['with ExcelApi 1.20', true],
    ['without it', false],
  ])('writes the sheets, then the cell, %s', async (_when, has120) => {
    const { fake, book } = excelWith({ supports: (v) => has120 || Number(v) < 1.2 || v === '1.13' });
    const report = await book.writeSheetsThenCell([checks()], change);
    expect(report.oneUndoStep).toBe(has120);
    expect(fake.runs[fake.runs.length - 1].mergeUndoGroup).toBe(has120);
    expect(fake.tableValues('Notes').rows[0]).toEqual(['keep me', 99]);
  });

  it('leaves the input alone when a sheet cannot be written', async () => {
    const { fake, book } = excelWith();
    fake.putTable('Checks', 'MyChecks', ['Check'], [['mine']]);
    await expect(book.writeSheetsThenCell([checks()], change)).rejects.toThrow(SheetNotOwnedError);
    expect(fake.tableValues('Notes').rows[0]).toEqual(['keep me', 1]);
  });
});

describe('OfficeWorkbook: knowing when the model changed', () => {
  it('hears of a change to any table, and says when the host cannot tell', async () => {
    const { fake, book } = excelWith();
    let changes = 0;
    expect(await book.watchTables(() => changes++)).toBe(true);
    await fake.editTable('Notes', 0, 1, 5);
    expect(changes).toBe(1);
    expect(await new OfficeWorkbook(fake.run, { supports: (v) => Number(v) < 1.9 }).watchTables(() => undefined)).toBe(false);
  });
});

describe('The confirmed grant in Excel', () => {
  const CLOCK = { stamp: '2021-03-01 09:00', today: '2021-03-01' };

  async function sampleInExcel(supports: (v: string) => boolean = () => true): Promise<{ fake: FakeExcel; book: OfficeWorkbook }> {
    const fake = new FakeExcel();
    const book = new OfficeWorkbook(fake.run, { supports });
    await book.createTables(sampleModel());
    return { fake, book };
  }

  it('writes the figure last, after the sheets, all in one undo step where Excel has ExcelApi 1.20', async () => {
    const { fake, book } = await sampleInExcel();
    const outcome = await enterConfirmedGrant(book, 1150000, [], CLOCK);
    expect(outcome.undo).toBe('one-step');
    expect(fake.runs[fake.runs.length - 1].mergeUndoGroup).toBe(true);
    const { Scenarios } = await book.readTables(['Scenarios']);
    expect(Scenarios.rows.map((r) => r[Scenarios.headers.indexOf('Income')])).toContain(1150000);
  });

  it('says Undo cannot take it back in one step without ExcelApi 1.20', async () => {
    const { book } = await sampleInExcel((v) => v !== '1.20');
    expect((await enterConfirmedGrant(book, 1150000, [], CLOCK)).undo).toBe('not-undoable');
  });

  it('leaves the Scenarios table as it was when a sheet of the user’s stands where an output goes', async () => {
    const { fake, book } = await sampleInExcel();
    fake.putTable('Checks', 'MyChecks', ['Check'], [['mine']]);
    const before = fake.tableValues('Scenarios');
    await expect(enterConfirmedGrant(book, 1150000, [], CLOCK)).rejects.toThrow(SheetNotOwnedError);
    expect(fake.tableValues('Scenarios')).toEqual(before);
  });
});

describe('OfficeWorkbook: responses under the 5 MB limit', () => {
  it('reads a table too big for one response in blocks, each within the limit', async () => {
    const fake = new FakeExcel();
    const headers = ['Ref', 'Recipient', 'Service', 'Purpose', 'Amount'];
    const rows = Array.from({ length: 40_000 }, (_, i) => [`R${i}`, `Recipient organisation number ${i} of the county`, `Service ${i} for victims of crime`, 'Victim services and support', i]);
    fake.putTable('Awards', 'Awards', headers, rows);
    expect(JSON.stringify(rows).length).toBeGreaterThan(RESPONSE_LIMIT);
    const book = new OfficeWorkbook(fake.run, { supports: () => true });
    const syncs = await countSyncs(fake, async () => {
      expect((await book.readTables(['Awards'])).Awards.rows).toEqual(rows);
    });
    expect(syncs).toBeGreaterThan(3);
    expect(Math.max(...fake.responses)).toBeLessThanOrEqual(RESPONSE_LIMIT);
  });

  it('says a request was too large, in plain words, when a budget above the limit lets one through', async () => {
    const { book } = excelWith({ payloadBudget: 64 * 1024 * 1024 });
    await expect(book.writeSheets([allocations(40_000)])).rejects.toThrow(/too large for one request.*5 MB.*Allocations may be part written/);
  });
});

describe('ExcelWriteError', () => {
  const progress = { written: ['Allocations'], partial: ['Checks'], step: 'writing Checks' };
  it.each([
    ['InvalidOperationInCellEditMode', 'a cell is being edited'],
    ['RequestPayloadSizeLimitExceeded', 'too large for one request'],
    ['ResponsePayloadSizeLimitExceeded', 'too large for one request'],
    ['ItemAlreadyExists', 'perhaps a chart sheet'],
    ['AccessDenied', 'protected'],
    ['InvalidArgument', 'refused a value or an address (bad)'],
    ['GeneralException', 'Excel refused it (GeneralException: bad)'],
  ])('says %s in plain words, with the step and what was written', (code, says) => {
    const message = new ExcelWriteError(code, progress, 'bad').message;
    expect(message).toContain(says);
    expect(message).toContain('stopped while writing Checks');
    expect(message).toContain('Allocations was rewritten; Checks may be part written.');
  });

  it('says nothing was written when nothing was', () => {
    expect(new ExcelWriteError('AccessDenied', { written: [], partial: [], step: 'checking the workbook' }).message).toMatch(/Nothing was written\.$/);
  });
});
