/**
 * The ownership registry read both ways between the package layer (the command line)
 * and the Office.js adapter (the add-in in Excel): a file the command line wrote, opened
 * in Excel, and a file Excel saved after the add-in ran, read by the command line. The
 * file travels through exceljs, a reader we did not write.
 */
import { OfficeWorkbook, SheetNotOwnedError, TableNameTakenError } from '../../../src/workbook';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/workbook';
import { allocations, checks, commitments, fundLedger, userTable } from '../fixtures';
import { fakeFromXlsx, xlsxFromFake } from '../interop';
import { FakeExcel } from '../officeMock';

describe('OfficeWorkbook and XlsxWorkbook share the marker', () => {
  it('knows the sheets the command line wrote when the file is opened in Excel', async () => {
    const cli = await XlsxWorkbook.fromTables([userTable(), userTable('MyChecks', 'Checks')]);
    await cli.writeSheets([allocations(3), fundLedger()]);
    const fake = await fakeFromXlsx(Buffer.from(cli.toBytes()));
    const book = new OfficeWorkbook(fake.run, { supports: () => true });

    expect(await book.ownedSheetNames()).toEqual(['Allocations', 'Fund ledger']);
    await expect(book.writeSheets([checks()])).rejects.toThrow(SheetNotOwnedError);
    await book.writeSheets([allocations(1), fundLedger(1)]);
    expect(fake.sheets.map((s) => s.name)).toEqual(['My notes', 'Checks', 'Allocations', 'Fund ledger', 'AwardsModeller']);
    expect((await book.readTables(['FundLedger'])).FundLedger.rows).toEqual(fundLedger(1).rows);
  });

  it('knows the sheets the add-in wrote when the command line reads the saved file', async () => {
    const fake = new FakeExcel();
    const { name, sheet, headers, rows } = userTable();
    fake.putTable(sheet, name, headers, rows.map((r) => r.map((v) => v ?? '')));
    const book = new OfficeWorkbook(fake.run, { supports: () => true });
    await book.writeSheets([allocations(3), commitments()]);
    fake.renameSheet('Commitments', 'Commitments 2021');
    const cli = XlsxWorkbook.fromBytes(await xlsxFromFake(fake));

    expect(await cli.ownedSheetNames()).toEqual(['Allocations', 'Commitments 2021']);
    expect((await cli.readTables(['Allocations'])).Allocations.rows).toEqual(allocations(3).rows);
    await cli.writeSheets([allocations(1)]);
    const again = XlsxWorkbook.fromBytes(cli.toBytes());
    expect((await again.readTables(['Allocations'])).Allocations.rows).toEqual(allocations(1).rows);
    // The renamed sheet is kept, and keeps its table's name: a new Commitments must wait.
    await expect(again.writeSheets([commitments()])).rejects.toThrow(new TableNameTakenError('Commitments', 'Commitments 2021'));
  });
});
