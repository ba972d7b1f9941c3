import { WorkbookReadError, packageReadError, type WorkbookReadProblem } from '../../../src/workbook/errors';
import { PackageError, type PackageProblem } from '../../../src/workbook/xlsx/package';
import { openBook } from '../../../src/workbook/xlsx/readBook';
import { bookParts, rels, tableXml, zipParts, type Parts } from './readPackages';

const FILE = 'Force budget 2021.xlsx';

describe('packageReadError', () => {
  it.each<[PackageProblem, string, string | undefined, WorkbookReadProblem, RegExp]>([
    ['empty', 'the file is empty', undefined, 'not-a-workbook', /the file is empty.*save it as "Excel Workbook \(\*\.xlsx\)"/],
    ['not-a-zip', 'its content is not a workbook package', undefined, 'not-a-workbook', /not a workbook package/],
    ['encrypted', 'it is protected with a password (an encrypted workbook)', undefined, 'encrypted', /protected with a password.*Remove the password in Excel/],
    ['xls', 'it is an Excel 97–2003 workbook (.xls)', undefined, 'other-format', /Excel 97–2003 workbook \(\.xls\).*save it as "Excel Workbook \(\*\.xlsx\)"/],
    ['xlsb', 'it is an Excel Binary Workbook (.xlsb)', undefined, 'other-format', /\.xlsb.*save it as "Excel Workbook/],
    ['ods', 'it is an OpenDocument spreadsheet (.ods)', undefined, 'other-format', /\.ods.*save it as "Excel Workbook/],
    ['strict', 'it is saved as a Strict Open XML Spreadsheet', 'xl/workbook.xml', 'other-format', /Strict Open XML.*save it as "Excel Workbook/],
    ['too-large', 'a part inflates to more than 256 MiB', 'xl/worksheets/sheet1.xml', 'too-large', /more than 256 MiB \(part 'xl\/worksheets\/sheet1\.xml'\)/],
    ['corrupt', 'a part is not well-formed XML (1:9: unclosed tag)', 'xl/tables/table1.xml', 'damaged', /damaged: .*well-formed.*\(part 'xl\/tables\/table1\.xml'\)/],
    ['missing-part', "the part of sheet 'Awards' is missing", 'xl/worksheets/sheet2.xml', 'damaged', /damaged: the part of sheet 'Awards' is missing \(part 'xl\/worksheets\/sheet2\.xml'\)/],
    ['duplicate-table', "two tables are named 'Awards' (on sheets 'One' and 'Two')", 'xl/tables/table2.xml', 'duplicate-table', /two tables are named 'Awards' \(on sheets 'One' and 'Two'\).*must be unique.*Rename/],
  ])('tells a %s package as one line naming the file', (problem, detail, part, expected, words) => {
    const error = packageReadError(FILE, new PackageError(problem, detail, part));
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect(error.problem).toBe(expected);
    expect(error.file).toBe(FILE);
    expect(error.message.startsWith(`Cannot open '${FILE}': `)).toBe(true);
    expect(error.message).toMatch(words);
    expect(error.message).not.toContain('\n');
    expect(error.message).not.toContain('PackageError');
  });
});

/** The problem and message `openBook` gives for these bytes. */
function refusal(data: Uint8Array): { problem: WorkbookReadProblem; message: string } {
  try {
    openBook(data, FILE);
  } catch (error) {
    if (error instanceof WorkbookReadError) return { problem: error.problem, message: error.message };
    throw error;
  }
  throw new Error('the bytes were opened');
}

/** A compound file (what .xls and encrypted workbooks are), holding a stream of this name. */
function compoundFile(stream: string): Uint8Array {
  const bytes = new Uint8Array(1024);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  [...stream].forEach((ch, i) => (bytes[512 + i * 2] = ch.charCodeAt(0)));
  return bytes;
}

/** A zip whose one part declares it inflates to `size` bytes (its sizes patched in). */
function declaringSize(parts: Parts, size: number): Uint8Array {
  const zip = zipParts(parts);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50) view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return zip;
}

describe('openBook', () => {
  it('opens a workbook', () => {
    const { book, pkg } = openBook(zipParts(bookParts({ sheets: [{ name: 'Awards' }] })), FILE);
    expect(book.sheets.map((s) => s.name)).toEqual(['Awards']);
    expect(pkg.has('xl/workbook.xml')).toBe(true);
  });

  const strictParts = bookParts();
  strictParts['_rels/.rels'] = rels([['rId1', 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument', 'xl/workbook.xml']]);
  const binaryParts = bookParts();
  binaryParts['_rels/.rels'] = rels([['rId1', 'officeDocument', 'xl/workbook.bin']]);
  binaryParts['xl/workbook.bin'] = new Uint8Array([1, 2, 3]);
  const missingSheet = bookParts({ sheets: [{ name: 'Awards' }] });
  delete missingSheet['xl/worksheets/sheet1.xml'];
  const corruptTable = bookParts({ sheets: [{ name: 'Awards', tables: ['<table'] }] });
  const twoAwards = bookParts({
    sheets: [
      { name: 'One', tables: [tableXml(1, 'Awards', 'A1:A2', ['X'])] },
      { name: 'Two', tables: [tableXml(2, 'awards', 'A1:A2', ['X'])] },
    ],
  });

  it.each<[string, Uint8Array, WorkbookReadProblem, string]>([
    ['an empty file', new Uint8Array(0), 'not-a-workbook', 'the file is empty'],
    ['a text file', new TextEncoder().encode('Fund,Amount\n'), 'not-a-workbook', 'not a workbook package'],
    ['an encrypted workbook', compoundFile('EncryptedPackage'), 'encrypted', 'protected with a password'],
    ['an .xls workbook', compoundFile('Workbook'), 'other-format', '(.xls)'],
    ['an .ods spreadsheet', zipParts({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }), 'other-format', '(.ods)'],
    ['an .xlsb workbook', zipParts(binaryParts), 'other-format', '(.xlsb)'],
    ['a Strict OOXML workbook', zipParts(strictParts), 'other-format', 'Strict Open XML'],
    ['a zip bomb', declaringSize({ 'xl/worksheets/sheet1.xml': '<worksheet/>' }, 300 * 1024 * 1024), 'too-large', "more than 256 MiB (part 'xl/worksheets/sheet1.xml')"],
    ['a workbook missing a sheet', zipParts(missingSheet), 'damaged', "the part of sheet 'Awards' is missing (part 'xl/worksheets/sheet1.xml')"],
    ['a workbook with a corrupt table', zipParts(corruptTable), 'damaged', "(part 'xl/tables/table1.xml')"],
    ['a workbook with two tables of one name', zipParts(twoAwards), 'duplicate-table', "sheets 'One' and 'Two'"],
  ])('refuses %s with one message naming the file', (_, data, problem, words) => {
    const found = refusal(data);
    expect(found.problem).toBe(problem);
    expect(found.message).toContain(`'${FILE}'`);
    expect(found.message).toContain(words);
  });
});
