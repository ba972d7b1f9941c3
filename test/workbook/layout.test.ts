import fc from 'fast-check';
import type { CellValue } from '../../src/engine/sheet';
import { dateToSerial, withoutTrailingBlankRows } from '../../src/workbook/cells';
import { SheetSpecError } from '../../src/workbook';
import {
  checkSpec,
  chunkRows,
  columnName,
  estimateJsonBytes,
  inputColumns,
  layoutSheet,
  parseRange,
  widthInPoints,
} from '../../src/workbook/layout';
import { allocations, checks, inputs } from './fixtures';

describe('layoutSheet', () => {
  it('puts the title, a blank row, the table, then the footer right below it', () => {
    expect(layoutSheet(allocations(3))).toEqual({
      titleRows: 2,
      headerRow: 4,
      firstBodyRow: 5,
      bodyRows: 3,
      footerRow: 8,
      footerRows: 1,
      lastRow: 8,
      columns: 10,
      tableRange: 'A4:J7',
    });
  });

  it('starts at A1 without a title, and keeps one body row for an empty table', () => {
    expect(layoutSheet(checks([]))).toMatchObject({ headerRow: 1, bodyRows: 1, tableRange: 'A1:F2', lastRow: 2 });
  });

  it.each([
    ['a sheet name Excel refuses', { sheet: 'Checks: 2021' }, /contains one of/],
    ['a sheet name over 31 characters', { sheet: 'C'.repeat(32) }, /31 characters/],
    ['a table name with a space', { table: 'Fund ledger' }, /not a valid Excel table name/],
    ['a table name that reads as a cell', { table: 'FY2021' }, /reads as a cell reference/],
    ['a header given twice', { columns: [...checks().columns, { header: 'check', format: 'text' as const, width: 5 }] }, /appears twice/],
    ['a row too short', { rows: [['error']] }, /body row 1 has 1 cells for 6 columns/],
    ['a number a cell cannot hold', { rows: [['error', 'a', 'b', 'c', 'd', Number.NaN]] }, /column 6 is NaN/],
  ])('refuses %s', (_what, change, message) => {
    expect(() => checkSpec({ ...checks(), ...change })).toThrow(SheetSpecError);
    expect(() => checkSpec({ ...checks(), ...change })).toThrow(message);
  });
});

describe('addresses', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16_384, 'XFD'],
  ])('column %i is %s', (n, name) => expect(columnName(n)).toBe(name));

  it.each([
    ['A4:J7', { top: 4, left: 1, bottom: 7, right: 10 }],
    ['$B$3', { top: 3, left: 2, bottom: 3, right: 2 }],
    ["'Fund ledger'!C5:A1", { top: 1, left: 1, bottom: 5, right: 3 }],
    ['Sheet1!a1:b2', { top: 1, left: 1, bottom: 2, right: 2 }],
    ['Funds[#All]', undefined],
  ])('reads %s', (reference, rect) => expect(parseRange(reference)).toEqual(rect));
});

describe('payload estimates', () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ unit: 'binary' }),
  );
  const grid = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 20 });

  it('never underestimates the UTF-8 bytes of the JSON sent', () => {
    fc.assert(
      fc.property(grid, (rows: CellValue[][]) => {
        expect(estimateJsonBytes(rows)).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(rows)));
        const quoted = rows.map((r) => r.map((v) => (typeof v === 'string' && v !== '' ? `'${v}` : v)));
        expect(estimateJsonBytes(rows, true)).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(quoted)));
      }),
    );
  });

  it('splits rows into consecutive blocks within the budget', () => {
    fc.assert(
      fc.property(grid, fc.integer({ min: 16, max: 400 }), (rows: CellValue[][], budget) => {
        const chunks = chunkRows(rows, budget);
        expect(chunks[0][0]).toBe(0);
        expect(chunks[chunks.length - 1][1]).toBe(rows.length);
        chunks.forEach(([start, end], i) => {
          if (i > 0) expect(start).toBe(chunks[i - 1][1]);
          if (end - start > 1) expect(estimateJsonBytes(rows.slice(start, end))).toBeLessThanOrEqual(budget);
        });
      }),
    );
  });
});

describe('inputColumns', () => {
  it('shows the model\u2019s money and date columns as such, and sizes columns to their text', () => {
    const awards = inputColumns(inputs()[1]);
    expect(awards.find((c) => c.header === 'Prior year')?.format).toBe('money');
    expect(awards.find((c) => c.header === 'Start')?.format).toBe('date');
    expect(awards.find((c) => c.header === 'Value')?.format).toBe('text');
    expect(awards.find((c) => c.header === 'Fund')?.width).toBe('Community Safety Fund'.length + 2);
  });
});

describe('cells', () => {
  it.each([
    [Date.UTC(1900, 2, 1), 61],
    [Date.UTC(2021, 3, 1), 44_287],
    [Date.UTC(2022, 2, 31, 12), 44_651.5],
  ])('dates at UTC become Excel serials', (time, serial) => expect(dateToSerial(new Date(time))).toBe(serial));

  it('drops wholly blank rows at the end only', () => {
    expect(withoutTrailingBlankRows([[1, null], [null, null], [2, null], [null, null]])).toEqual([[1, null], [null, null], [2, null]]);
  });

  it('turns a width in characters into points', () => expect(widthInPoints(10)).toBe(56.25));
});
