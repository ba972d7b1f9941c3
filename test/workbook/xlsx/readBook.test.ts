import { readBook } from '../../../src/workbook/xlsx/readBook';
import { PackageError, type PackageProblem } from '../../../src/workbook/xlsx/package';
import { CONTENT_TYPES } from '../../../src/workbook/xlsx/contentTypes';
import { MAIN, REL, bookParts, packageOf, rels, tableXml, type Parts } from './readPackages';

function problemOf(parts: Parts): { problem: PackageProblem; part?: string; message: string } {
  try {
    readBook(packageOf(parts));
  } catch (error) {
    if (error instanceof PackageError) return { problem: error.problem, part: error.part, message: error.message };
    throw error;
  }
  throw new Error('the package was read');
}

describe('readBook', () => {
  it('reads sheets in tab order with their ids, parts, kinds and states', () => {
    const book = readBook(
      packageOf(bookParts({ sheets: [{ name: 'Awards' }, { name: 'Old', state: 'hidden' }, { name: 'AwardsModeller', state: 'veryHidden' }] })),
    );
    expect(book.workbookPart).toBe('xl/workbook.xml');
    expect(book.sheets).toEqual([
      { name: 'Awards', sheetId: 1, relId: 'rId1', part: 'xl/worksheets/sheet1.xml', kind: 'worksheet', state: 'visible', index: 0 },
      { name: 'Old', sheetId: 2, relId: 'rId2', part: 'xl/worksheets/sheet2.xml', kind: 'worksheet', state: 'hidden', index: 1 },
      { name: 'AwardsModeller', sheetId: 3, relId: 'rId3', part: 'xl/worksheets/sheet3.xml', kind: 'worksheet', state: 'veryHidden', index: 2 },
    ]);
    expect(book.workbookRels.map((r) => r.id)).toEqual(['rId1', 'rId2', 'rId3']);
    expect(book).toMatchObject({ date1904: false, structureLocked: false, macroEnabled: false, names: [], tables: [] });
    expect(book.stylesPart).toBeUndefined();
    expect(book.sharedStringsPart).toBeUndefined();
  });

  it('reads tables of every sheet with their columns, header and totals rows', () => {
    const book = readBook(
      packageOf(
        bookParts({
          sheets: [
            { name: 'Funds', tables: [tableXml(3, 'Funds', 'B3:D10', ['Fund', 'Grant', 'Floor'], ' totalsRowCount="1"')] },
            {
              name: 'Awards',
              tables: [tableXml(1, 'Awards', 'A1:B5', ['Recipient', 'Amount']), tableXml(2, 'Raw', 'D1:E4', ['A', 'B'], ' headerRowCount="0"')],
            },
          ],
        }),
      ),
    );
    expect(book.tables).toEqual([
      { name: 'Funds', id: 3, part: 'xl/tables/table1.xml', sheetPart: 'xl/worksheets/sheet1.xml', sheet: 'Funds', ref: 'B3:D10', headerRowCount: 1, totalsRowCount: 1, columns: ['Fund', 'Grant', 'Floor'] },
      { name: 'Awards', id: 1, part: 'xl/tables/table2.xml', sheetPart: 'xl/worksheets/sheet2.xml', sheet: 'Awards', ref: 'A1:B5', headerRowCount: 1, totalsRowCount: 0, columns: ['Recipient', 'Amount'] },
      { name: 'Raw', id: 2, part: 'xl/tables/table3.xml', sheetPart: 'xl/worksheets/sheet2.xml', sheet: 'Awards', ref: 'D1:E4', headerRowCount: 0, totalsRowCount: 0, columns: ['A', 'B'] },
    ]);
  });

  it('reads the date system, structure protection, defined names, styles and shared strings', () => {
    const book = readBook(
      packageOf(
        bookParts({
          sheets: [{ name: 'A' }, { name: 'B' }],
          head: '<workbookPr date1904="1"/><workbookProtection lockStructure="true"/>',
          tail: '<definedNames><definedName name="VAT">0.2</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">B!$3:$3</definedName></definedNames>',
          styles: `<styleSheet xmlns="${MAIN}"/>`,
          sharedStrings: `<sst xmlns="${MAIN}"/>`,
        }),
      ),
    );
    expect(book.date1904).toBe(true);
    expect(book.structureLocked).toBe(true);
    expect(book.names).toEqual([
      { name: 'VAT', text: '0.2' },
      { name: '_xlnm.Print_Titles', localSheetId: 1, text: 'B!$3:$3' },
    ]);
    expect(book.stylesPart).toBe('xl/styles.xml');
    expect(book.sharedStringsPart).toBe('xl/sharedStrings.xml');
  });

  it('knows a macro-enabled workbook by its content type', () => {
    expect(readBook(packageOf(bookParts({ workbookContentType: CONTENT_TYPES.workbookMacroEnabled }))).macroEnabled).toBe(true);
  });

  it('reads SpreadsheetML written with an x: prefix', () => {
    const parts = bookParts({ sheets: [{ name: 'Awards', tables: [tableXml(1, 'Awards', 'A1:B3', ['Name', 'Amount'])] }] });
    parts['xl/workbook.xml'] =
      `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:workbookPr date1904="true"/>` +
      `<x:sheets><x:sheet name="Awards" sheetId="7" rel:id="rId1"/></x:sheets></x:workbook>`;
    parts['xl/tables/table1.xml'] =
      `<x:table xmlns:x="${MAIN}" id="1" name="Awards" displayName="Awards" ref="A1:B3">` +
      `<x:tableColumns count="2"><x:tableColumn id="1" name="Name"/><x:tableColumn id="2" name="Amount"/></x:tableColumns></x:table>`;
    const book = readBook(packageOf(parts));
    expect(book.sheets.map((s) => [s.name, s.sheetId, s.part])).toEqual([['Awards', 7, 'xl/worksheets/sheet1.xml']]);
    expect(book.date1904).toBe(true);
    expect(book.tables.map((t) => [t.name, t.columns])).toEqual([['Awards', ['Name', 'Amount']]]);
  });

  it('follows absolute targets (as openpyxl writes) and a workbook part not at xl/workbook.xml', () => {
    const parts = bookParts({ sheets: [{ name: 'S', tables: [tableXml(1, 'T', 'A1:A2', ['X'])] }] });
    parts['book/main.xml'] = parts['xl/workbook.xml'];
    delete parts['xl/workbook.xml'];
    delete parts['xl/_rels/workbook.xml.rels'];
    parts['book/_rels/main.xml.rels'] = rels([['rId1', 'worksheet', '/xl/worksheets/sheet1.xml']]);
    parts['_rels/.rels'] = rels([['rId1', 'officeDocument', '/book/main.xml']]);
    parts['xl/worksheets/_rels/sheet1.xml.rels'] = rels([['rId1', 'table', '/xl/tables/table1.xml']]);
    const book = readBook(packageOf(parts));
    expect(book.workbookPart).toBe('book/main.xml');
    expect(book.sheets[0].part).toBe('xl/worksheets/sheet1.xml');
    expect(book.tables[0]).toMatchObject({ name: 'T', part: 'xl/tables/table1.xml' });
  });

  it('tells chart sheets from worksheets and reads no tables from them', () => {
    const parts = bookParts({ sheets: [{ name: 'Data' }, { name: 'Chart1' }] });
    parts['xl/_rels/workbook.xml.rels'] = rels([
      ['rId1', 'worksheet', 'worksheets/sheet1.xml'],
      ['rId2', 'chartsheet', 'worksheets/sheet2.xml'],
    ]);
    expect(readBook(packageOf(parts)).sheets.map((s) => s.kind)).toEqual(['worksheet', 'chartsheet']);
  });

  describe('refuses', () => {
    it('an OpenDocument spreadsheet', () => {
      expect(problemOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }).problem).toBe('ods');
    });

    it('a binary workbook (.xlsb)', () => {
      const parts = bookParts();
      delete parts['xl/workbook.xml'];
      parts['xl/workbook.bin'] = new Uint8Array([0x83, 0x01, 0x00]);
      parts['_rels/.rels'] = rels([['rId1', 'officeDocument', 'xl/workbook.bin']]);
      expect(problemOf(parts).problem).toBe('xlsb');
    });

    it('Strict OOXML, by its relationship type', () => {
      const parts = bookParts();
      parts['_rels/.rels'] = rels([['rId1', 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument', 'xl/workbook.xml']]);
      expect(problemOf(parts).problem).toBe('strict');
    });

    it('Strict OOXML, by its namespace', () => {
      const parts = bookParts();
      parts['xl/workbook.xml'] =
        '<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships">' +
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>';
      expect(problemOf(parts)).toMatchObject({ problem: 'strict', part: 'xl/workbook.xml' });
    });

    it.each([
      ['the package relationships', '_rels/.rels'],
      ['the workbook', 'xl/workbook.xml'],
      ['a worksheet', 'xl/worksheets/sheet1.xml'],
      ['a table', 'xl/tables/table1.xml'],
      ['the content types', '[Content_Types].xml'],
    ])('a package missing %s, naming the part', (_, part) => {
      const parts = bookParts({ sheets: [{ name: 'S', tables: [tableXml(1, 'T', 'A1:A2', ['X'])] }] });
      delete parts[part];
      expect(problemOf(parts)).toMatchObject({ problem: 'missing-part', part });
    });

    it.each([
      ['the workbook', 'xl/workbook.xml', '<workbook xmlns="' + MAIN + '"><sheets>'],
      ['the workbook relationships', 'xl/_rels/workbook.xml.rels', 'garbage'],
      ['a table', 'xl/tables/table1.xml', '<table'],
      ['a table that is not one', 'xl/tables/table1.xml', `<worksheet xmlns="${MAIN}"/>`],
      ['a workbook that is not one', 'xl/workbook.xml', `<worksheet xmlns="${MAIN}"/>`],
      ['a workbook without sheets', 'xl/workbook.xml', `<workbook xmlns="${MAIN}"><sheets/></workbook>`],
    ])('corrupt %s, naming the part', (_, part, text) => {
      const parts = bookParts({ sheets: [{ name: 'S', tables: [tableXml(1, 'T', 'A1:A2', ['X'])] }] });
      parts[part] = text;
      expect(problemOf(parts)).toMatchObject({ problem: 'corrupt', part });
    });

    it('a sheet whose relationship is missing', () => {
      const parts = bookParts({ sheets: [{ name: 'Awards' }] });
      parts['xl/_rels/workbook.xml.rels'] = rels([]);
      const found = problemOf(parts);
      expect(found.problem).toBe('corrupt');
      expect(found.message).toContain("sheet 'Awards'");
    });

    it('two tables with the same name, ignoring case, naming both sheets', () => {
      const found = problemOf(
        bookParts({
          sheets: [
            { name: 'One', tables: [tableXml(1, 'Awards', 'A1:A2', ['X'])] },
            { name: 'Two', tables: [tableXml(2, 'AWARDS', 'A1:A2', ['X'])] },
          ],
        }),
      );
      expect(found.problem).toBe('duplicate-table');
      expect(found.message).toContain("'AWARDS'");
      expect(found.message).toContain("sheets 'One' and 'Two'");
    });
  });
});

