/**
 * The exceljs adapter against real .xlsx files: written, saved, and read back by a fresh
 * exceljs workbook that knows nothing of the adapter.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ExcelJsWorkbook, WorkbookReadError } from '../support/exceljsWorkbook';
import { SheetNotOwnedError } from '../../src/workbook';
import { allocations, checks, commitments, fundLedger, inputs, userTable } from './fixtures';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'awards-workbook-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Opens a file with an exceljs of its own, as any other program would. */
async function reopen(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The model exceljs keeps for a table (its typings describe only `addTable`'s options). */
interface TableModel {
  name: string;
  tableRef: string;
  headerRow: boolean;
  style: { theme: string; showRowStripes: boolean };
  columns: Array<{ name: string }>;
}

/** The worksheet's tables (exceljs types `getTables()` as pairs; it returns tables). */
function tablesIn(worksheet: ExcelJS.Worksheet): TableModel[] {
  const tables: unknown[] = worksheet.getTables();
  return tables.map((t) => (t as { table: TableModel }).table);
}

function tableModel(worksheet: ExcelJS.Worksheet, name: string): TableModel {
  const table = tablesIn(worksheet).find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name} on ${worksheet.name}`);
  return table;
}

/** Every sheet, its state, cells (value and format) and tables: to compare workbooks. */
function dump(workbook: ExcelJS.Workbook): unknown {
  return workbook.worksheets.map((ws) => {
    const cells: Array<[string, unknown, string | undefined]> = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => cells.push([cell.address, cell.value, cell.numFmt])),
    );
    return { name: ws.name, state: ws.state, cells, tables: tablesIn(ws).map((t) => t.name), views: ws.views };
  });
}

async function saved(book: ExcelJsWorkbook, name: string): Promise<string> {
  const file = join(dir, name);
  await book.save(file);
  return file;
}

describe('ExcelJsWorkbook: writing output sheets', () => {
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    const book = await ExcelJsWorkbook.fromTables([userTable()]);
    await book.writeSheets([allocations(3), commitments(), checks([])]);
    workbook = await reopen(await saved(book, 'outputs.xlsx'));
  });

  it('puts the title on top, the first line bold and larger, then a blank row', () => {
    const ws = workbook.getWorksheet('Allocations')!;
    expect(ws.getCell('A1').value).toBe('Allocations — Base case');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell('A2').value).toBe('Run 2021-03-01 09:30, scenarios: Base case');
    expect(ws.getCell('A3').value).toBeNull();
  });

  it('writes a real Excel table: its name, header row, range and style', () => {
    const table = tableModel(workbook.getWorksheet('Allocations')!, 'Allocations');
    expect(table).toMatchObject({ name: 'Allocations', tableRef: 'A4:J7', headerRow: true });
    expect(table.style).toMatchObject({ theme: 'TableStyleMedium2', showRowStripes: true });
    expect(table.columns.map((c) => c.name)).toEqual(allocations(0).columns.map((c) => c.header));
    expect(workbook.getWorksheet('Allocations')!.getCell('B5').value).toBe('VS-00001');
  });

  it('formats money with the pound sign, percentages, dates, whole numbers', () => {
    const allocationsSheet = workbook.getWorksheet('Allocations')!;
    expect(allocationsSheet.getCell('F5').numFmt).toBe('£#,##0.00;-£#,##0.00');
    expect(allocationsSheet.getCell('I7').numFmt).toBe('0.0%');
    const commitmentsSheet = workbook.getWorksheet('Commitments')!;
    expect(commitmentsSheet.getCell('B4').numFmt).toBe('dd/mm/yyyy');
    expect(commitmentsSheet.getCell('B4').value).toEqual(new Date(Date.UTC(2021, 3, 1)));
    expect(commitmentsSheet.getCell('C4').numFmt).toBe('0');
  });

  it('puts the footer right below the table, bold, in the column formats', () => {
    const ws = workbook.getWorksheet('Allocations')!;
    expect(ws.getCell('E8').value).toBe('Total');
    expect(ws.getCell('E8').font).toMatchObject({ bold: true });
    expect(ws.getCell('F8').numFmt).toBe('£#,##0.00;-£#,##0.00');
  });

  it('sets the column widths and freezes the panes under the header row', () => {
    const ws = workbook.getWorksheet('Allocations')!;
    expect(ws.getColumn(3).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4, xSplit: 0 });
    expect(workbook.getWorksheet('Checks')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('gives an empty table one blank body row, as Excel requires', () => {
    expect(tableModel(workbook.getWorksheet('Checks')!, 'Checks').tableRef).toBe('A1:F2');
  });

  it('lists its sheets in a very hidden registry, by formulas pointing at them', () => {
    const registry = workbook.getWorksheet('AwardsModeller')!;
    expect(registry.state).toBe('veryHidden');
    expect(registry.getCell('A2').formula).toBe("'Allocations'!$A$1");
    expect(registry.getCell('A3').formula).toBe("'Commitments'!$A$1");
    expect(registry.getCell('B4').value).toBe('Checks');
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['My notes', 'Allocations', 'Commitments', 'Checks', 'AwardsModeller']);
  });
});

describe('ExcelJsWorkbook: ownership in files', () => {
  it('leaves a workbook with a sheet of the user\u2019s named Checks exactly as it was', async () => {
    const file = await saved(await ExcelJsWorkbook.fromTables([userTable('MyChecks', 'Checks')]), 'user-checks.xlsx');
    const bytes = readFileSync(file);
    const book = await ExcelJsWorkbook.load(file);
    const before = dump(book.workbook);

    await expect(book.writeSheets([allocations(2), checks()])).rejects.toThrow(SheetNotOwnedError);

    expect(dump(book.workbook)).toEqual(before);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('re-writes its own sheets on a second run, in their place among the tabs', async () => {
    const first = await ExcelJsWorkbook.fromTables([userTable()]);
    await first.writeSheets([allocations(5), fundLedger(), checks()]);
    const book = await ExcelJsWorkbook.load(await saved(first, 'first-run.xlsx'));

    await book.writeSheets([fundLedger(1), allocations(2, 'Cut 5%')]);
    const workbook = await reopen(await saved(book, 'second-run.xlsx'));

    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['My notes', 'Allocations', 'Fund ledger', 'Checks', 'AwardsModeller']);
    expect(tableModel(workbook.getWorksheet('Allocations')!, 'Allocations').tableRef).toBe('A4:J6');
    expect(workbook.getWorksheet('Allocations')!.getCell('A5').value).toBe('Cut 5%');
    expect(workbook.getWorksheet('Allocations')!.getCell('A8').value).toBeNull();
  });

  it('does not take a sheet that only has a listed name: the registry points at sheets, not names', async () => {
    const book = await ExcelJsWorkbook.fromTables([userTable()]);
    await book.writeSheets([checks()]);
    // As Excel leaves it when the user deletes our Checks and makes a Checks of their own.
    const registry = book.workbook.getWorksheet('AwardsModeller')!;
    registry.getCell('A2').value = { formula: '#REF!$A$1' };
    expect(await book.ownedSheetNames()).toEqual([]);
    await expect(book.writeSheets([checks()])).rejects.toThrow(SheetNotOwnedError);
  });

  it('never writes the file it read', async () => {
    const file = await saved(await ExcelJsWorkbook.fromTables(inputs()), 'model.xlsx');
    const bytes = readFileSync(file);
    const book = await ExcelJsWorkbook.load(file);
    await book.writeSheets([allocations(3)]);
    await book.setTableCell('Scenarios', 0, 'Income', 1);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe('ExcelJsWorkbook: tables in a workbook saved by Excel', () => {
  /**
   * A workbook as Excel saves it: its table part has no `headerRowCount` (Excel leaves
   * out the default), carries `xr:uid`s and differential formats, and here a totals row.
   */
  async function savedByExcel(): Promise<Buffer> {
    const book = await ExcelJsWorkbook.fromTables([
      { name: 'Funds', sheet: 'Funds', headers: ['Fund', 'Income', 'Floor'], rows: [['VSG', 250_000, 5_000], ['CSF', 80_000, null]] },
    ]);
    book.workbook.getWorksheet('Funds')!.getCell('A4').value = 'Total';
    book.workbook.getWorksheet('Funds')!.getCell('B4').value = { formula: 'SUBTOTAL(109,Funds[Income])', result: 330_000 };
    const zip = await JSZip.loadAsync(await book.toBuffer());
    const tablePart = Object.keys(zip.files).find((f) => /^xl\/tables\/.*\.xml$/.test(f))!;
    zip.file(
      tablePart,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr xr3" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" id="1" xr:uid="{6B2C7B1D-0000-4000-8000-000000000001}" name="Funds" displayName="Funds" ref="A1:C4" totalsRowCount="1" headerRowDxfId="3" dataDxfId="2"><autoFilter ref="A1:C3" xr:uid="{6B2C7B1D-0000-4000-8000-000000000002}"/><tableColumns count="3"><tableColumn id="1" xr3:uid="{6B2C7B1D-0000-4000-8000-000000000003}" name="Fund" totalsRowLabel="Total"/><tableColumn id="2" xr3:uid="{6B2C7B1D-0000-4000-8000-000000000004}" name="Income" totalsRowFunction="sum" dataDxfId="1"/><tableColumn id="3" xr3:uid="{6B2C7B1D-0000-4000-8000-000000000005}" name="Floor" dataDxfId="0"/></tableColumns><tableStyleInfo name="TableStyleMedium9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    );
    return zip.generateAsync({ type: 'nodebuffer' });
  }

  it('reads their headers and body, without the totals row', async () => {
    const book = await ExcelJsWorkbook.fromBuffer(await savedByExcel(), 'excel.xlsx');
    expect((await book.readTables(['Funds'])).Funds).toEqual({
      name: 'Funds',
      sheet: 'Funds',
      headers: ['Fund', 'Income', 'Floor'],
      rows: [['VSG', 250_000, 5_000], ['CSF', 80_000, null]],
    });
  });

  it('writes them back with their header row when the workbook is saved', async () => {
    const book = await ExcelJsWorkbook.fromBuffer(await savedByExcel(), 'excel.xlsx');
    await book.writeSheets([fundLedger()]);
    const zip = await JSZip.loadAsync(await book.toBuffer());
    const parts = await Promise.all(
      Object.keys(zip.files).filter((f) => /^xl\/tables\/.*\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')),
    );
    const funds = parts.find((xml) => xml.includes('name="Funds"'))!;
    expect(funds).toContain('headerRowCount="1"');
    expect(funds).toContain('ref="A1:C4"');
    expect(funds).not.toContain('dxfId');

    const again = await ExcelJsWorkbook.fromBuffer(await book.toBuffer());
    expect((await again.readTables(['Funds'])).Funds.rows).toEqual([['VSG', 250_000, 5_000], ['CSF', 80_000, null]]);
    expect(await again.ownedSheetNames()).toEqual(['Fund ledger']);
  });
});

describe('ExcelJsWorkbook.load', () => {
  it('names a missing file', async () => {
    const file = join(dir, 'nowhere.xlsx');
    await expect(ExcelJsWorkbook.load(file)).rejects.toThrow(new WorkbookReadError(file, 'missing'));
    await expect(ExcelJsWorkbook.load(file)).rejects.toThrow(`Cannot open '${file}': there is no such file.`);
  });

  it.each([
    ['junk bytes', Buffer.from('this is not a spreadsheet at all'), /not an Excel workbook in .xlsx format/],
    ['an empty file', Buffer.alloc(0), /the file is empty/],
    ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /old \.xls workbook/],
    ['a broken zip', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64, 7)]), /could not be read as one/],
  ])('refuses %s named .xlsx, naming the file', async (_what, bytes, message) => {
    const file = join(dir, `bad-${bytes.length}.xlsx`);
    writeFileSync(file, bytes);
    const failure = ExcelJsWorkbook.load(file);
    await expect(failure).rejects.toThrow(WorkbookReadError);
    await expect(ExcelJsWorkbook.load(file)).rejects.toThrow(message);
    await expect(ExcelJsWorkbook.load(file)).rejects.toMatchObject({ file, problem: 'not-a-workbook' });
  });

  it('refuses a zip that holds no workbook', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'not a workbook');
    const file = join(dir, 'hello.xlsx');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    await expect(ExcelJsWorkbook.load(file)).rejects.toMatchObject({ problem: 'not-a-workbook' });
  });

  it('says when the path is a folder', async () => {
    const folder = join(dir, 'folder.xlsx');
    mkdirSync(folder);
    await expect(ExcelJsWorkbook.load(folder)).rejects.toMatchObject({ problem: 'unreadable', file: folder });
  });
});
