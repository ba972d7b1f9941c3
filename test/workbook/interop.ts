/**
 * Carries a workbook between exceljs and the fake Excel, cell by cell, the way a file
 * travels between the command line and Excel: values, formulas (Excel's keep their
 * `=`, exceljs's do not), number formats, sheet visibility and tables.
 */
import ExcelJS from 'exceljs';
import { dateToSerial } from '../../src/workbook';
import { FakeExcel, FakeTable, parseAddress, type Stored } from './officeMock';

const VISIBILITY = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;
const STATE = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' } as const;

/** Opens .xlsx bytes "in Excel": the fake, holding what the file holds. */
export async function fakeFromXlsx(bytes: Buffer): Promise<FakeExcel> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const fake = new FakeExcel();
  for (const ws of workbook.worksheets) {
    const sheet = fake.addSheet(ws.name, VISIBILITY[ws.state]);
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const formula = cell.formula;
        sheet.write(r, c, {
          value: formula ? '' : stored(cell.value),
          formula: formula ? `=${formula}` : undefined,
          numberFormat: cell.numFmt,
        });
      }),
    );
    for (const table of ws.getTables()) {
      const model: unknown = table;
      const { name, tableRef } = (model as { table: { name: string; tableRef: string } }).table;
      fake.tables.push(new FakeTable(name, sheet, parseAddress(tableRef)));
    }
  }
  return fake;
}

/** Saves the fake "from Excel" as .xlsx bytes. */
export async function xlsxFromFake(fake: FakeExcel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of fake.sheets) {
    const ws = workbook.addWorksheet(sheet.name, { state: STATE[sheet.visibility] });
    const inTables = fake.tables.filter((t) => t.sheet === sheet);
    for (const [key, cell] of sheet.cells) {
      const [r, c] = key.split(',').map(Number);
      if (inTables.some(({ rect }) => r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right)) continue;
      ws.getCell(r, c).value = cell.formula ? { formula: cell.formula.slice(1) } : cell.value === '' ? null : cell.value;
    }
    for (const table of inTables) {
      const values = fake.tableValues(table.name);
      ws.addTable({
        name: table.name,
        ref: `${parseColumn(table.rect.left)}${table.rect.top}`,
        columns: values.headers.map((h) => ({ name: String(h) })),
        rows: values.rows.map((row) => row.map((v) => (v === '' ? null : v))),
      });
    }
    for (const [key, cell] of sheet.cells) {
      const [r, c] = key.split(',').map(Number);
      if (cell.numberFormat) ws.getCell(r, c).numFmt = cell.numberFormat;
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function stored(value: ExcelJS.CellValue): Stored {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === 'object') return 'richText' in value ? value.richText.map((r) => r.text).join('') : '';
  return value;
}

function parseColumn(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
