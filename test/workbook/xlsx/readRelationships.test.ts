import { readRelationships, relsPathOf, resolveTarget } from '../../../src/workbook/xlsx/relationships';
import { PackageError } from '../../../src/workbook/xlsx/package';
import { CONTENT_TYPES, contentTypeOf, readContentTypes } from '../../../src/workbook/xlsx/contentTypes';
import { bookParts, packageOf, rels } from './readPackages';

describe('relsPathOf', () => {
  it.each([
    ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels'],
    ['/xl/worksheets/sheet3.xml', 'xl/worksheets/_rels/sheet3.xml.rels'],
    ['', '_rels/.rels'],
    ['/', '_rels/.rels'],
  ])('finds the relationships of %p at %p', (part, expected) => {
    expect(relsPathOf(part)).toBe(expected);
  });
});

describe('resolveTarget', () => {
  it.each([
    ['xl/workbook.xml', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl/worksheets/sheet1.xml', '../tables/table1.xml', 'xl/tables/table1.xml'],
    ['xl/workbook.xml', './styles.xml', 'xl/styles.xml'],
    ['xl/workbook.xml', '/xl/worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['', 'xl/workbook.xml', 'xl/workbook.xml'],
    ['', '/xl/workbook.xml', 'xl/workbook.xml'],
    ['xl/workbook.xml', 'worksheets/my%20sheet.xml', 'xl/worksheets/my sheet.xml'],
    ['xl/worksheets/sheet1.xml', '../../../escape.xml', 'escape.xml'],
    ['xl/workbook.xml', 'worksheets\\sheet2.xml', 'xl/worksheets/sheet2.xml'],
  ])('from %p, %p is the part %p', (source, target, expected) => {
    expect(resolveTarget(source, target)).toBe(expected);
  });
});

describe('readRelationships', () => {
  it('reads relative, absolute and external targets, in order', () => {
    const parts = bookParts();
    parts['xl/_rels/workbook.xml.rels'] = rels([
      ['rId1', 'worksheet', 'worksheets/sheet1.xml'],
      ['rId2', 'styles', '/xl/styles.xml'],
      ['rId3', 'externalLinkPath', 'file:///C:/Budgets/2021.xlsx', true],
    ]);
    const found = readRelationships(packageOf(parts), 'xl/workbook.xml');
    expect(found.map((r) => [r.id, r.part, r.external])).toEqual([
      ['rId1', 'xl/worksheets/sheet1.xml', false],
      ['rId2', 'xl/styles.xml', false],
      ['rId3', undefined, true],
    ]);
    expect(found[2].target).toBe('file:///C:/Budgets/2021.xlsx');
  });

  it('reads relationships written with a namespace prefix', () => {
    const parts = bookParts();
    parts['_rels/.rels'] =
      '<p:Relationships xmlns:p="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<p:Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/>' +
      '</p:Relationships>';
    expect(readRelationships(packageOf(parts), '').map((r) => r.part)).toEqual(['xl/workbook.xml']);
  });

  it('finds none for a part without a relationships part', () => {
    expect(readRelationships(packageOf(bookParts()), 'xl/worksheets/sheet1.xml')).toEqual([]);
  });

  it.each([
    ['not well-formed', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship'],
    ['not relationships', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
  ])('refuses a relationships part that is %s, naming it', (_, text) => {
    const parts = bookParts();
    parts['xl/_rels/workbook.xml.rels'] = text;
    const read = () => readRelationships(packageOf(parts), 'xl/workbook.xml');
    expect(read).toThrow(PackageError);
    expect(read).toThrow(expect.objectContaining({ problem: 'corrupt', part: 'xl/_rels/workbook.xml.rels' }));
  });
});

describe('readContentTypes', () => {
  it('gives an override before the extension default, ignoring case', () => {
    const types = readContentTypes(packageOf(bookParts({ sheets: [{ name: 'S' }] })));
    expect(contentTypeOf(types, 'xl/workbook.xml')).toBe(CONTENT_TYPES.workbook);
    expect(contentTypeOf(types, '/XL/Worksheets/Sheet1.xml')).toBe(CONTENT_TYPES.worksheet);
    expect(contentTypeOf(types, 'xl/theme/theme1.xml')).toBe(CONTENT_TYPES.xml);
    expect(contentTypeOf(types, 'xl/_rels/workbook.xml.RELS')).toBe(CONTENT_TYPES.relationships);
    expect(contentTypeOf(types, 'xl/media/image1.png')).toBeUndefined();
    expect(contentTypeOf(types, 'README')).toBeUndefined();
  });

  it('refuses a package without one as missing that part', () => {
    const parts = bookParts();
    delete parts['[Content_Types].xml'];
    expect(() => readContentTypes(packageOf(parts))).toThrow(
      expect.objectContaining({ problem: 'missing-part', part: '[Content_Types].xml' }),
    );
  });
});
