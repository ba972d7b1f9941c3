/**
 * One set of behaviours, run against every adapter of the workbook port: what the model
 * and the surfaces rely on, whichever workbook is underneath.
 */
import type { TableData } from '../../src/engine/sheet';
import { ExcelJsWorkbook } from '../support/exceljsWorkbook';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import {
  MemoryWorkbook,
  OfficeWorkbook,
  SheetExistsError,
  SheetNotOwnedError,
  TableLookupError,
  TableNameTakenError,
  type WorkbookPort,
} from '../../src/workbook';
import { allocations, checks, commitments, fundLedger, inputs, userTable } from './fixtures';
import { FakeExcel } from './officeMock';

jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', Outlook: 'outlook' } }));

interface Opened {
  port: WorkbookPort;
  /** The same workbook saved and opened again (where there is such a thing). */
  reopen(): Promise<WorkbookPort>;
}

type Subject = [name: string, open: (tables: TableData[]) => Promise<Opened>];

const subjects: Subject[] = [
  [
    'MemoryWorkbook',
    async (tables) => {
      const port = MemoryWorkbook.fromTables(tables);
      return { port, reopen: async () => port };
    },
  ],
  [
    'ExcelJsWorkbook',
    async (tables) => {
      const port = await ExcelJsWorkbook.fromTables(tables);
      return { port, reopen: async () => ExcelJsWorkbook.fromBuffer(await port.toBuffer()) };
    },
  ],
  [
    'XlsxWorkbook',
    async (tables) => {
      const port = await XlsxWorkbook.fromTables(tables);
      return { port, reopen: async () => XlsxWorkbook.fromBytes(port.toBytes()) };
    },
  ],
  [
    'OfficeWorkbook',
    async (tables) => {
      const fake = new FakeExcel();
      for (const t of tables) {
        fake.putTable(t.sheet, t.name, t.headers, t.rows.map((r) => r.map((v) => v ?? '')));
      }
      const port = new OfficeWorkbook(fake.run, { supports: () => true });
      return { port, reopen: async () => port };
    },
  ],
];

/** Everything the port can see of a workbook, to show that nothing changed. */
async function snapshot(port: WorkbookPort, tables: readonly string[]): Promise<unknown> {
  return {
    sheets: await port.sheetNames(),
    owned: await port.ownedSheetNames(),
    tables: await port.readTables(tables),
  };
}

const ALL_TABLES = ['Notes', 'Allocations', 'FundLedger', 'Checks', 'Commitments', 'Funds', 'Awards', 'Scenarios'];

describe.each(subjects)('%s', (_name, open) => {
  describe('writeSheets', () => {
    it('writes output sheets the add-in owns, and reads their tables back', async () => {
      const { port } = await open([userTable()]);
      await port.writeSheets([allocations(3), fundLedger(), commitments()]);

      expect(await port.sheetNames()).toEqual(['My notes', 'Allocations', 'Fund ledger', 'Commitments']);
      expect(await port.ownedSheetNames()).toEqual(['Allocations', 'Fund ledger', 'Commitments']);
      const read = await port.readTables(['Allocations', 'FundLedger', 'Commitments']);
      expect(read.Allocations).toEqual({
        name: 'Allocations',
        sheet: 'Allocations',
        headers: allocations(3).columns.map((c) => c.header),
        rows: allocations(3).rows,
      });
      expect(read.FundLedger.rows).toEqual(fundLedger().rows);
      expect(read.Commitments.rows).toEqual(commitments().rows);
    });

    it('refuses, writing nothing, when a sheet of the user\u2019s has an output sheet\u2019s name', async () => {
      const { port } = await open([userTable('MyChecks', 'Checks')]);
      const before = await snapshot(port, ALL_TABLES);

      await expect(port.writeSheets([allocations(2), checks()])).rejects.toThrow(SheetNotOwnedError);
      await expect(port.writeSheets([allocations(2), checks()])).rejects.toThrow(/sheet named 'Checks'/);
      expect(await snapshot(port, ALL_TABLES)).toEqual(before);
    });

    it('takes the user\u2019s sheet whatever its case: Excel sheet names ignore case', async () => {
      const { port } = await open([userTable('MyChecks', 'CHECKS')]);
      await expect(port.writeSheets([checks()])).rejects.toThrow(new SheetNotOwnedError('CHECKS'));
    });

    it('refuses when a table of the user\u2019s already has an output table\u2019s name', async () => {
      const { port } = await open([userTable('FundLedger', 'Ledger notes')]);
      const before = await snapshot(port, ALL_TABLES);

      await expect(port.writeSheets([allocations(1), fundLedger()])).rejects.toThrow(TableNameTakenError);
      expect(await snapshot(port, ALL_TABLES)).toEqual(before);
    });

    it('replaces its own sheets on the next run, leaving the user\u2019s alone', async () => {
      const { port } = await open([userTable()]);
      await port.writeSheets([allocations(5), checks()]);
      await port.writeSheets([allocations(2, 'Cut 5%'), checks([])]);

      expect(await port.sheetNames()).toEqual(['My notes', 'Allocations', 'Checks']);
      expect(await port.ownedSheetNames()).toEqual(['Allocations', 'Checks']);
      const read = await port.readTables(['Allocations', 'Checks', 'Notes']);
      expect(read.Allocations.rows).toEqual(allocations(2, 'Cut 5%').rows);
      expect(read.Checks.rows).toEqual([]);
      expect(read.Notes.rows).toEqual(userTable().rows);
    });

    it('knows its sheets again after the workbook is saved and reopened', async () => {
      const opened = await open([userTable()]);
      await opened.port.writeSheets([allocations(2), fundLedger()]);
      const port = await opened.reopen();

      expect(await port.sheetNames()).toEqual(['My notes', 'Allocations', 'Fund ledger']);
      expect(await port.ownedSheetNames()).toEqual(['Allocations', 'Fund ledger']);
      await port.writeSheets([fundLedger(1), checks()]);
      expect((await port.readTables(['FundLedger'])).FundLedger.rows).toEqual(fundLedger(1).rows);
      expect(await port.ownedSheetNames()).toEqual(['Allocations', 'Fund ledger', 'Checks']);
    });

    it('writes a table with no rows, which reads back empty', async () => {
      const { port } = await open([userTable()]);
      await port.writeSheets([checks([])]);
      expect((await port.readTables(['Checks'])).Checks).toMatchObject({ headers: checks().columns.map((c) => c.header), rows: [] });
    });

    it('keeps text that Excel would otherwise take for a number, a date or a formula', async () => {
      const { port } = await open([userTable()]);
      const odd = [['warning', '2021/22', '00123', '=SUM(A1:A2)', "'quoted", '-5', '12%', 'TRUE']];
      const spec = { ...checks(), columns: [...checks().columns, { header: 'Extra', format: 'text' as const, width: 8 }], rows: odd.map((r) => r.slice(0, 7)) };
      await port.writeSheets([spec]);
      expect((await port.readTables(['Checks'])).Checks.rows).toEqual(odd.map((r) => r.slice(0, 7)));
    });
  });

  describe('createTables', () => {
    it('creates the input tables on sheets of the user\u2019s, which read back as written', async () => {
      const { port, reopen } = await open([userTable()]);
      await port.createTables(inputs());

      const again = await reopen();
      expect(await again.sheetNames()).toEqual(['My notes', 'Funds', 'Awards', 'Scenarios']);
      expect(await again.ownedSheetNames()).toEqual([]);
      const read = await again.readTables(['Funds', 'Awards', 'Scenarios']);
      for (const table of inputs()) expect(read[table.name]).toEqual(table);
    });

    it('refuses, writing nothing, if any of the sheets exists', async () => {
      const { port } = await open([userTable('ScenarioNotes', 'Scenarios')]);
      const before = await snapshot(port, ALL_TABLES);
      await expect(port.createTables(inputs())).rejects.toThrow(new SheetExistsError('Scenarios'));
      expect(await snapshot(port, ALL_TABLES)).toEqual(before);
    });

    it('never lets a later run overwrite the sheets it created for the user', async () => {
      const { port } = await open([userTable()]);
      await port.createTables(inputs());
      const funds = { ...fundLedger(), sheet: 'Funds', table: 'FundsOut' };
      await expect(port.writeSheets([funds])).rejects.toThrow(SheetNotOwnedError);
    });
  });

  describe('readTables', () => {
    it('finds tables whatever the case of the name asked for, and leaves absent ones out', async () => {
      const { port } = await open(inputs());
      const read = await port.readTables(['funds', 'Envelopes']);
      expect(Object.keys(read)).toEqual(['funds']);
      expect(read.funds.name).toBe('Funds');
      expect(read.funds.sheet).toBe('Funds');
    });
  });

  describe('setTableCell', () => {
    it('changes one cell of an input table', async () => {
      const { port } = await open(inputs());
      await port.setTableCell('Scenarios', 1, 'Income', 240_000);
      const rows = (await port.readTables(['Scenarios'])).Scenarios.rows;
      expect(rows[1]).toEqual(['Cut 5%', 'Victim Services Grant', 240_000, 'scale']);
      expect(rows[0]).toEqual(inputs()[2].rows[0]);
    });

    it.each([
      ['table', 'Nope', 0, 'Income'],
      ['column', 'Scenarios', 0, 'Nope'],
      ['row', 'Scenarios', 2, 'Income'],
    ])('says which %s it cannot find', async (miss, table, row, column) => {
      const { port } = await open(inputs());
      const failure = port.setTableCell(table, row, column, 1);
      await expect(failure).rejects.toThrow(TableLookupError);
      await expect(port.setTableCell(table, row, column, 1)).rejects.toMatchObject({ miss });
    });
  });

  describe('selectTableRow', () => {
    it('selects a body row, and refuses one past the end', async () => {
      const { port } = await open(inputs());
      await expect(port.selectTableRow('Awards', 2)).resolves.toBeUndefined();
      await expect(port.selectTableRow('Awards', 3)).rejects.toMatchObject({ miss: 'row' });
      await expect(port.selectTableRow('Nope', 0)).rejects.toMatchObject({ miss: 'table' });
    });
  });
});
