import { readBook } from '../../../src/workbook/xlsx/readBook';
import { readTableData } from '../../../src/workbook/xlsx/readTables';
import { MAIN, bookParts, packageOf, sheetXml, tableXml, type Parts } from './readPackages';

const TABLE_PARTS = '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>';

function read(parts: Parts, names: string[]) {
  const pkg = packageOf(parts);
  return readTableData(pkg, readBook(pkg), names);
}

/** A row of inline strings and numbers from `column` on. */
function row(r: number, values: ReadonlyArray<string | number | null>, column = 1): string {
  const cells = values
    .map((v, i) => {
      const ref = `${String.fromCharCode(64 + column + i)}${r}`;
      if (v === null) return '';
      return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    })
    .join('');
  return `<row r="${r}">${cells}</row>`;
}

describe('readTableData', () => {
  it('reads headers from the table columns and body rows, leaving out totals and trailing blank rows', () => {
    const sheet = sheetXml(
      row(1, ['Awards 2021']) +
        row(3, ['Recipient', 'Amount'], 2) +
        row(4, ['Safe Haven', 1000], 2) +
        row(5, ['Youth Club', 2500.5], 2) +
        row(6, [null, null], 2) +
        '<row r="7"><c r="B7" s="1"/></row>' +
        row(8, ['Total', 3500.5], 2),
      TABLE_PARTS,
    );
    const parts = bookParts({ sheets: [{ name: 'Awards', xml: sheet, tables: [tableXml(1, 'Awards', 'B3:C8', ['Recipient', 'Amount'], ' totalsRowCount="1"')] }] });
    expect(read(parts, ['Awards'])).toEqual({
      Awards: { name: 'Awards', sheet: 'Awards', headers: ['Recipient', 'Amount'], rows: [['Safe Haven', 1000], ['Youth Club', 2500.5]] },
    });
  });

  it('reads a table without a header row from its first row, with the names of its columns', () => {
    const sheet = sheetXml(row(2, ['Safe Haven', 1000]) + row(3, ['Youth Club', 2500]), TABLE_PARTS);
    const parts = bookParts({ sheets: [{ name: 'S', xml: sheet, tables: [tableXml(1, 'Raw', 'A2:B3', ['Column1', 'Column2'], ' headerRowCount="0"')] }] });
    expect(read(parts, ['Raw']).Raw).toMatchObject({ headers: ['Column1', 'Column2'], rows: [['Safe Haven', 1000], ['Youth Club', 2500]] });
  });

  it('reads column names with escaped line breaks as Excel writes them', () => {
    const sheet = sheetXml(row(1, ['x']), TABLE_PARTS);
    const parts = bookParts({ sheets: [{ name: 'S', xml: sheet, tables: [tableXml(1, 'T', 'A1:A2', ['Grant_x000a_2021'])] }] });
    expect(read(parts, ['T']).T.headers).toEqual(['Grant\n2021']);
  });

  it('finds tables ignoring case, keyed by the name asked for, leaving out absent ones', () => {
    const sheet = sheetXml(row(1, ['Fund']) + row(2, ['General']), TABLE_PARTS);
    const parts = bookParts({ sheets: [{ name: 'Funds', xml: sheet, tables: [tableXml(1, 'Funds', 'A1:A2', ['Fund'])] }] });
    const tables = read(parts, ['FUNDS', 'Scenarios']);
    expect(Object.keys(tables)).toEqual(['FUNDS']);
    expect(tables.FUNDS).toMatchObject({ name: 'Funds', rows: [['General']] });
  });

  it('reads two tables of one sheet, and tables of two sheets', () => {
    const first = sheetXml(row(1, ['A', null, 'B']) + row(2, [1, null, 2]) + row(3, [3]), '<tableParts count="2"><tablePart r:id="rId1"/><tablePart r:id="rId2"/></tableParts>');
    const second = sheetXml(row(1, ['C']) + row(2, ['c']), TABLE_PARTS);
    const parts = bookParts({
      sheets: [
        { name: 'One', xml: first, tables: [tableXml(1, 'Left', 'A1:A3', ['A']), tableXml(2, 'Right', 'C1:C3', ['B'])] },
        { name: 'Two', xml: second, tables: [tableXml(3, 'Other', 'A1:A2', ['C'])] },
      ],
    });
    const tables = read(parts, ['Right', 'Other', 'Left']);
    expect(tables.Left.rows).toEqual([[1], [3]]);
    expect(tables.Right.rows).toEqual([[2]]);
    expect(tables.Other).toMatchObject({ sheet: 'Two', rows: [['c']] });
  });

  it('reads a table with only its header row as no rows', () => {
    const sheet = sheetXml(row(1, ['A', 'B']), TABLE_PARTS);
    const parts = bookParts({ sheets: [{ name: 'S', xml: sheet, tables: [tableXml(1, 'T', 'A1:B1', ['A', 'B'])] }] });
    expect(read(parts, ['T']).T).toEqual({ name: 'T', sheet: 'S', headers: ['A', 'B'], rows: [] });
  });

  it('gives the issues of body cells, keeping the blank rows that hold them', () => {
    const sheet = sheetXml(
      row(1, ['Fund', 'Grant']) +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>General</t></is></c><c r="B2" t="e"><v>#N/A</v></c></row>' +
        '<row r="3"><c r="B3"><f>B2*2</f></c></row>',
      TABLE_PARTS,
    );
    const parts = bookParts({ sheets: [{ name: 'Funds', xml: sheet, tables: [tableXml(1, 'Funds', 'A1:B4', ['Fund', 'Grant'])] }] });
    expect(read(parts, ['Funds']).Funds).toEqual({
      name: 'Funds',
      sheet: 'Funds',
      headers: ['Fund', 'Grant'],
      rows: [['General', null], [null, null]],
      issues: [
        { row: 0, column: 1, kind: 'error', text: '#N/A', address: 'B2' },
        { row: 1, column: 1, kind: 'uncalculated', text: '=B2*2', address: 'B3' },
      ],
    });
  });

  it('reads shared strings, and dates of a 1904 workbook by their styles', () => {
    const styles =
      `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
      `<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const sst = `<sst xmlns="${MAIN}"><si><t>Start</t></si><si><t>Amount</t></si></sst>`;
    const sheet = sheetXml(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>0</v></c></row>' +
        '<row r="2"><c r="A2" s="1"><v>42825</v></c><c r="B2"><v>42825</v></c><c r="C2" s="2"><v>0</v></c></row>',
      TABLE_PARTS,
    );
    const parts = bookParts({
      head: '<workbookPr date1904="1"/>',
      styles,
      sharedStrings: sst,
      sheets: [{ name: 'S', xml: sheet, tables: [tableXml(1, 'T', 'A1:C2', ['Start', 'Amount', 'Since'])] }],
    });
    expect(read(parts, ['T']).T.rows).toEqual([[44287, 42825, 1462]]);
  });

  it('reads only the sheets holding the tables asked for, and shared strings only when a cell needs them', () => {
    const sheet = sheetXml(row(1, ['A']) + row(2, [5]), TABLE_PARTS);
    const parts = bookParts({
      sharedStrings: '<sst><si>',
      sheets: [
        { name: 'Good', xml: sheet, tables: [tableXml(1, 'T', 'A1:A2', ['A'])] },
        { name: 'Broken', xml: '<worksheet><sheetData><row>' },
      ],
    });
    expect(read(parts, ['T']).T.rows).toEqual([[5]]);
  });

  it('refuses a table whose range is not a range, naming the table and its part', () => {
    const parts = bookParts({ sheets: [{ name: 'S', tables: [tableXml(1, 'T', 'nowhere', ['A'])] }] });
    expect(() => read(parts, ['T'])).toThrow(expect.objectContaining({ problem: 'corrupt', part: 'xl/tables/table1.xml' }));
    expect(() => read(parts, ['T'])).toThrow(/table 'T' on sheet 'S'/);
  });

  it('refuses a corrupt shared strings part when a cell needs it, naming the part', () => {
    const sheet = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c></row>', TABLE_PARTS);
    const parts = bookParts({ sharedStrings: '<sst><si>', sheets: [{ name: 'S', xml: sheet, tables: [tableXml(1, 'T', 'A1:A2', ['A'])] }] });
    expect(() => read(parts, ['T'])).toThrow(expect.objectContaining({ problem: 'corrupt', part: 'xl/sharedStrings.xml' }));
  });
});
