import fc from 'fast-check';
import { columnOf, isoToSerial, readCells, type CellContext } from '../../../src/workbook/xlsx/readCells';
import { parseSharedStrings } from '../../../src/workbook/xlsx/sharedStrings';
import { isBuiltInDateFormat, isDateFormatCode } from '../../../src/workbook/xlsx/numberFormats';
import { PackageError } from '../../../src/workbook/xlsx/package';
import { escapeXml } from '../../../src/workbook/xlsx/xml';
import type { CellRect } from '../../../src/workbook/layout';
import { MAIN, sheetXml } from './readPackages';

const STRINGS = ['Victim Services', 'Youth Diversion', ''];

function context(overrides: Partial<CellContext> = {}): CellContext {
  return {
    part: 'xl/worksheets/sheet1.xml',
    sheet: 'Awards',
    sharedString: (i) => STRINGS[i],
    date1904: false,
    isDateStyle: (s) => s === 1,
    ...overrides,
  };
}

const rect = (top: number, left: number, bottom: number, right: number): CellRect => ({ top, left, bottom, right });

/** The cells of `A1:<right><bottom>` from `<sheetData>` content. */
function cells(rows: string, area: CellRect = rect(1, 1, 1, 1), overrides: Partial<CellContext> = {}) {
  return readCells(sheetXml(rows), [area], context(overrides))[0];
}

describe('readCells', () => {
  it.each<[string, string, unknown]>([
    ['a shared string', '<c r="A1" t="s"><v>1</v></c>', 'Youth Diversion'],
    ['an empty shared string as blank', '<c r="A1" t="s"><v>2</v></c>', null],
    ['a formula\'s text', '<c r="A1" t="str"><f>A2&amp;"x"</f><v>Grant x</v></c>', 'Grant x'],
    ['a formula\'s empty text as blank', '<c r="A1" t="str"><f>""</f><v></v></c>', null],
    ['an inline string', '<c r="A1" t="inlineStr"><is><t>Office of the PCC</t></is></c>', 'Office of the PCC'],
    ['rich inline text as its runs joined', '<c r="A1" t="inlineStr"><is><r><t>Bold</t></r><r><rPr><b/></rPr><t xml:space="preserve"> and plain</t></r></is></c>', 'Bold and plain'],
    ['inline text with phonetic runs left out', '<c r="A1" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c>', '東京'],
    ['escaped characters in inline text', '<c r="A1" t="inlineStr"><is><t>a_x000D_b_x005F_x0041_</t></is></c>', 'a\rb_x0041_'],
    ['true', '<c r="A1" t="b"><v>1</v></c>', true],
    ['false', '<c r="A1" t="b"><v>0</v></c>', false],
    ['a boolean spelt as a word', '<c r="A1" t="b"><v>TRUE</v></c>', true],
    ['a number', '<c r="A1"><v>1234.56</v></c>', 1234.56],
    ['a number in exponent form', '<c r="A1" t="n"><v>1.5E-3</v></c>', 0.0015],
    ['a formula by its cached value', '<c r="A1"><f>SUM(B1:B9)</f><v>720000</v></c>', 720000],
    ['an ISO date as a serial', '<c r="A1" t="d"><v>2021-04-01T00:00:00Z</v></c>', 44287],
    ['an empty cell as blank', '<c r="A1" s="3"/>', null],
    ['a cell with an empty value as blank', '<c r="A1"><v></v></c>', null],
  ])('reads %s', (_, xml, expected) => {
    const block = cells(`<row r="1">${xml}<c r="B1"><v>0</v></c></row>`, rect(1, 1, 1, 2));
    expect(block.rows).toEqual([[expected, 0]]);
    expect(block.issues).toEqual([]);
  });

  it.each([
    ['a formula with no value', '<c r="B2"><f>SUM(B3:B9)</f></c>', 'uncalculated', '=SUM(B3:B9)'],
    ['a formula with an empty value (as openpyxl writes)', '<c r="B2"><f>C2*(1+VAT)</f><v></v></c>', 'uncalculated', '=C2*(1+VAT)'],
    ['a formula of newer functions, as Excel shows it', '<c r="B2"><f>_xlfn.XLOOKUP(A2,_xlfn._xlws.FILTER(C:C,D:D),E:E)</f></c>', 'uncalculated', '=XLOOKUP(A2,FILTER(C:C,D:D),E:E)'],
    ['an error value', '<c r="B2" t="e"><v>#N/A</v></c>', 'error', '#N/A'],
    ['a formula giving an error', '<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>', 'error', '#DIV/0!'],
  ])('reads %s as blank with an issue', (_, xml, kind, text) => {
    const block = cells(`<row r="2">${xml}</row>`, rect(2, 2, 2, 2));
    expect(block.rows).toEqual([[null]]);
    expect(block.issues).toEqual([{ row: 0, column: 0, kind, text, address: 'B2' }]);
  });

  it("shows a shared formula's master text for a child with no value", () => {
    const rows =
      '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f></c></row>' +
      '<row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c></row>' +
      '<row r="3"><c r="A3"><f t="shared" si="0"/></c></row>';
    const block = cells(rows, rect(2, 1, 3, 1));
    expect(block.rows).toEqual([[4], [null]]);
    expect(block.issues).toEqual([{ row: 1, column: 0, kind: 'uncalculated', text: '=B1*2', address: 'A3' }]);
  });

  it('moves dates of a 1904 workbook to the 1900 system, by the cell style', () => {
    const rows = '<row r="1"><c r="A1" s="1"><v>42825</v></c><c r="B1" s="2"><v>42825</v></c><c r="C1"><v>42825</v></c></row>';
    expect(cells(rows, rect(1, 1, 1, 3), { date1904: true }).rows).toEqual([[44287, 42825, 42825]]);
    expect(cells(rows, rect(1, 1, 1, 3), { date1904: false }).rows).toEqual([[42825, 42825, 42825]]);
  });

  it('does not move ISO dates of a 1904 workbook, which are absolute', () => {
    const rows = '<row r="1"><c r="A1" s="1" t="d"><v>2021-04-01</v></c></row>';
    expect(cells(rows, rect(1, 1, 1, 1), { date1904: true }).rows).toEqual([[44287]]);
  });

  it('reads only the rectangle, placing cells by their references', () => {
    const rows =
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>' +
      '<row r="3" spans="2:4"><c r="C3"><v>33</v></c><c r="D3"><v>34</v></c><c r="E3"><v>35</v></c></row>' +
      '<row r="5"><c r="B5"><v>52</v></c></row>';
    expect(cells(rows, rect(3, 2, 5, 4)).rows).toEqual([
      [null, 33, 34],
      [null, null, null],
      [52, null, null],
    ]);
  });

  it('reads rows and cells without references by position', () => {
    const rows = '<row><c><v>1</v></c><c><v>2</v></c></row><row><c t="inlineStr"><is><t>x</t></is></c><c r="C2"><v>3</v></c><c><v>4</v></c></row>';
    expect(cells(rows, rect(1, 1, 2, 4)).rows).toEqual([
      [1, 2, null, null],
      ['x', null, 3, 4],
    ]);
  });

  it('reads SpreadsheetML written with a prefix', () => {
    const text =
      `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Fund</x:t></x:is></x:c>` +
      `<x:c r="B1"><x:v>5</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(readCells(text, [rect(1, 1, 1, 2)], context())[0].rows).toEqual([['Fund', 5]]);
  });

  it('reads several rectangles in one pass', () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c><c r="D1"><v>4</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="E2"><v>5</v></c></row>';
    const [first, second] = readCells(sheetXml(rows), [rect(1, 1, 2, 1), rect(1, 4, 2, 5)], context());
    expect(first.rows).toEqual([[1], [2]]);
    expect(second.rows).toEqual([[4, null], [null, 5]]);
  });

  it('stops reading below the last row it needs', () => {
    const text = sheetXml('<row r="1"><c r="A1"><v>7</v></c></row><row r="2"><c r="A2"><v>8</v></c></row>').replace('</sheetData>', '<row r="3"><c r="A3"><v>9</v></c><oops></row>');
    expect(readCells(text, [rect(1, 1, 2, 1)], context())[0].rows).toEqual([[7], [8]]);
    expect(() => readCells(text, [rect(1, 1, 3, 1)], context())).toThrow(PackageError);
  });

  it('ignores cell-like elements of other namespaces and outside sheetData', () => {
    const text =
      `<worksheet xmlns="${MAIN}" xmlns:o="urn:other"><sheetPr/><sheetData><row r="1"><c r="A1"><v>1</v></c>` +
      `<o:c r="B1"><o:v>9</o:v></o:c></row></sheetData><extLst><ext><c r="A1"><v>5</v></c></ext></extLst></worksheet>`;
    expect(readCells(text, [rect(1, 1, 1, 2)], context())[0].rows).toEqual([[1, null]]);
  });

  it.each([
    ['a shared string the workbook does not have', '<c r="A1" t="s"><v>9</v></c>', 'shared string 9'],
    ['text where a number belongs', '<c r="A1"><v>abc</v></c>', "'abc'"],
  ])('refuses %s, naming the cell', (_, xml, words) => {
    const read = () => cells(`<row r="1">${xml}</row>`);
    expect(read).toThrow(expect.objectContaining({ problem: 'corrupt', part: 'xl/worksheets/sheet1.xml' }));
    expect(read).not.toThrow(/well-formed/);
    expect(read).toThrow(/cell A1 of sheet 'Awards'/);
    expect(read).toThrow(words);
  });

  it('refuses a sheet that is not well-formed, naming its part', () => {
    expect(() => readCells(sheetXml('<row r="1"><c r="A1"><v>1</v></row>'), [rect(1, 1, 1, 1)], context())).toThrow(
      expect.objectContaining({ problem: 'corrupt', part: 'xl/worksheets/sheet1.xml' }),
    );
  });
});

describe('columnOf', () => {
  it.each([
    ['A1', 1],
    ['Z9', 26],
    ['AA10', 27],
    ['XFD1048576', 16384],
    ['$C$3', 3],
    ['b2', 2],
  ])('finds the column of %s: %d', (reference, expected) => {
    expect(columnOf(reference, 0)).toBe(expected);
  });
});

describe('isoToSerial', () => {
  it.each<[string, number | undefined]>([
    ['2021-04-01', 44287],
    ['2021-04-01T12:00:00', 44287.5],
    ['2021-04-01T18:00:00.000Z', 44287.75],
    ['2021-04-01T06:00:00+01:00', 44287.25],
    ['1900-03-01', 61],
    ['1900-01-01', 1],
    ['1904-01-01', 1462],
    ['12:00:00', 0.5],
    ['2021-02-30', undefined],
    ['1899-12-31', undefined],
    ['1 April 2021', undefined],
    ['', undefined],
  ])('reads %p as %p', (text, expected) => {
    expect(isoToSerial(text)).toBe(expected);
  });
});

describe('number formats', () => {
  it.each([
    ['dd/mm/yyyy', true],
    ['d-mmm-yy', true],
    ['[$-809]dd mmmm yyyy;@', true],
    ['hh:mm:ss AM/PM', true],
    ['[h]:mm', true],
    ['yyyy-mm-dd"T"hh:mm', true],
    ['General', false],
    ['0.00', false],
    ['£#,##0.00;-£#,##0.00', false],
    ['[Red]#,##0', false],
    ['"days "0', false],
    ['0\\d', false],
    ['#,##0_);(#,##0)', false],
    ['0.0%', false],
    ['0.00E+00', false],
    ['@', false],
    ['0;"dd/mm"', false],
  ])('the code %p is a date format: %p', (code, expected) => {
    expect(isDateFormatCode(code)).toBe(expected);
  });

  it.each([
    [14, true], [22, true], [27, true], [36, true], [45, true], [47, true], [50, true], [58, true],
    [0, false], [2, false], [13, false], [23, false], [37, false], [44, false], [49, false], [59, false],
  ])('the built-in format %d is a date format: %p', (id, expected) => {
    expect(isBuiltInDateFormat(id)).toBe(expected);
  });
});

describe('parseSharedStrings', () => {
  it('reads plain and rich items, leaving phonetic runs out and keeping spaces', () => {
    const text =
      `<sst xmlns="${MAIN}" count="4" uniqueCount="4"><si><t>Fund</t></si>` +
      `<si><r><rPr><b/></rPr><t>Victim</t></r><r><t xml:space="preserve"> Services </t></r></si>` +
      `<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>` +
      `<si><t/></si><si><t>line_x000D__x000A_break</t></si></sst>`;
    expect(parseSharedStrings(text)).toEqual(['Fund', 'Victim Services ', '東京', '', 'line\r\nbreak']);
  });

  it('reads items written with a prefix', () => {
    expect(parseSharedStrings(`<x:sst xmlns:x="${MAIN}"><x:si><x:t>A</x:t></x:si></x:sst>`)).toEqual(['A']);
  });

  it('refuses a part that is not well-formed, naming it', () => {
    expect(() => parseSharedStrings(`<sst xmlns="${MAIN}"><si><t>A</si></sst>`, 'xl/strings.xml')).toThrow(
      expect.objectContaining({ problem: 'corrupt', part: 'xl/strings.xml' }),
    );
  });

  it('reads back any text escaped as the writers escape it (carriage returns aside)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }).filter((s) => !s.includes('\r')),
        (value) => {
          const text = `<sst xmlns="${MAIN}"><si><t xml:space="preserve">${escapeXml(value)}</t></si></sst>`;
          expect(parseSharedStrings(text)).toEqual([value]);
        },
      ),
    );
  });
});

describe('readCells on any grid', () => {
  type Cell = null | number | boolean | string;
  const value: fc.Arbitrary<Cell> = fc.oneof(
    fc.constant(null),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
    fc.boolean(),
    fc.string({ unit: 'binary', minLength: 1 }).filter((s) => !s.includes('\r')),
  );

  /** One cell as a writer might put it: a shared or inline string, with or without its reference. */
  function cellXml(v: Cell, ref: string | undefined, p: string, shared: string[], useShared: boolean): string {
    const r = ref === undefined ? '' : ` r="${ref}"`;
    if (v === null) return ref === undefined ? `<${p}c/>` : '';
    if (typeof v === 'number') return `<${p}c${r}><${p}v>${v}</${p}v></${p}c>`;
    if (typeof v === 'boolean') return `<${p}c${r} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
    if (useShared) {
      shared.push(v);
      return `<${p}c${r} t="s"><${p}v>${shared.length - 1}</${p}v></${p}c>`;
    }
    return `<${p}c${r} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeXml(v)}</${p}t></${p}is></${p}c>`;
  }

  it('reads back every value, however the cells are written', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((width) => fc.array(fc.array(value, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 })),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (grid, withRefs, prefixed, useShared) => {
          const p = prefixed ? 'x:' : '';
          const shared: string[] = [];
          const rows = grid
            .map((row, i) => {
              const cellsXml = row.map((v, j) => cellXml(v, withRefs ? `${String.fromCharCode(65 + j)}${i + 1}` : undefined, p, shared, useShared)).join('');
              return `<${p}row${withRefs ? ` r="${i + 1}"` : ''}>${cellsXml}</${p}row>`;
            })
            .join('');
          const text = `<${p}worksheet xmlns${prefixed ? ':x' : ''}="${MAIN}"><${p}sheetData>${rows}</${p}sheetData></${p}worksheet>`;
          const [block] = readCells(text, [rect(1, 1, grid.length, grid[0].length)], context({ sharedString: (i) => shared[i] }));
          const expected = grid.map((row) => row.map((v) => (v === '' ? null : v)));
          while (expected.length > block.rows.length && expected[expected.length - 1].every((v) => v === null)) expected.pop();
          expect(block.rows).toEqual(expected);
          expect(block.issues).toEqual([]);
        },
      ),
    );
  });
});
