/** What the browser preview reads from the in-memory workbook to render it. */
import { MemoryWorkbook } from '../../src/workbook';
import { allocations, inputs, userTable } from './fixtures';

describe('MemoryWorkbook, as the preview sees it', () => {
  it('gives each sheet with its title, table, column formats and footer', async () => {
    const book = MemoryWorkbook.fromTables(inputs());
    await book.writeSheets([allocations(2)]);

    const sheets = book.sheets();
    expect(sheets.map((s) => [s.name, s.owned])).toEqual([
      ['Funds', false],
      ['Awards', false],
      ['Scenarios', false],
      ['Allocations', true],
    ]);
    const output = sheets[3];
    expect(output.title).toEqual(allocations(2).title);
    expect(output.table).toEqual({ name: 'Allocations', sheet: 'Allocations', headers: allocations(2).columns.map((c) => c.header), rows: allocations(2).rows });
    expect(output.columns).toEqual(allocations(2).columns);
    expect(output.footer).toEqual(allocations(2).footer);
    expect(sheets[1].columns.find((c) => c.header === 'Start')?.format).toBe('date');
  });

  it('hands out copies: changing them changes nothing', async () => {
    const book = MemoryWorkbook.fromTables([userTable()]);
    book.sheets()[0].table!.rows[0][0] = 'changed';
    (await book.readTables(['Notes'])).Notes.rows[0][0] = 'changed';
    expect(book.sheets()[0].table!.rows[0][0]).toBe('keep me');
  });

  it('remembers the row last selected, and tells listeners of every change', async () => {
    const book = MemoryWorkbook.fromTables(inputs());
    const heard = jest.fn();
    const stop = book.subscribe(heard);
    expect(book.selection).toBeUndefined();

    await book.selectTableRow('awards', 1);
    expect(book.selection).toEqual({ sheet: 'Awards', table: 'Awards', row: 1 });
    await book.setTableCell('Scenarios', 0, 'Income', 1);
    stop();
    await book.writeSheets([allocations(1)]);
    expect(heard).toHaveBeenCalledTimes(2);
  });
});
