/**
 * The package layer's XML: elements found by namespace whatever their prefix, offsets
 * that let a part be edited by splicing, and escaping that reads back as written.
 */
import fc from 'fast-check';
import { applySplices, attr, childOf, escapeXml, NS_MAIN, parseXml, saxStream, StopParsing, unescapeExcelText, XmlSyntaxError } from '../../../src/workbook/xlsx/xml';

const WORKBOOK = (prefix: string) => {
  const p = prefix === '' ? '' : `${prefix}:`;
  const ns = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  return `<?xml version="1.0"?>\n<${p}workbook ${ns}="${NS_MAIN}" xmlns:r="http://r"><${p}sheets><${p}sheet name="A&amp;B" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`;
};

describe('parseXml', () => {
  it.each(['', 'x', 'main'])('finds SpreadsheetML elements written with prefix "%s"', (prefix) => {
    const root = parseXml(WORKBOOK(prefix));
    expect(root.local).toBe('workbook');
    const sheet = childOf(childOf(root, 'sheets', NS_MAIN)!, 'sheet', NS_MAIN)!;
    expect(attr(sheet, 'name')).toBe('A&B');
    expect(attr(sheet, 'id', 'http://r')).toBe('rId1');
  });

  it('gives offsets that slice out each element exactly', () => {
    const text = WORKBOOK('x');
    const root = parseXml(text);
    const sheets = childOf(root, 'sheets', NS_MAIN)!;
    const sheet = sheets.children[0];
    expect(text.slice(sheet.start, sheet.end)).toBe('<x:sheet name="A&amp;B" sheetId="1" r:id="rId1"/>');
    expect(text.slice(sheets.closeStart, sheets.end)).toBe('</x:sheets>');
    expect(text.slice(root.start, root.openEnd)).toMatch(/^<x:workbook [^>]*>$/);
  });

  it('counts offsets in UTF-16 units past astral characters', () => {
    const text = '<a>😀é<b x="1"/></a>';
    const b = parseXml(text).children[0];
    expect(text.slice(b.start, b.end)).toBe('<b x="1"/>');
  });

  it('refuses text that is not well-formed', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(XmlSyntaxError);
  });
});

describe('applySplices', () => {
  it('inserts and replaces at offsets, keeping the order of inserts at one place', () => {
    expect(applySplices('abcdef', [{ from: 3, to: 3, insert: 'X' }, { from: 1, to: 2, insert: '' }, { from: 3, to: 3, insert: 'Y' }])).toBe('acXYdef');
  });

  it('refuses overlapping edits', () => {
    expect(() => applySplices('abcdef', [{ from: 1, to: 4, insert: '' }, { from: 2, to: 3, insert: '' }])).toThrow(/overlapping/);
  });
});

describe('saxStream', () => {
  it("rethrows a handler's own error as it is, not as bad XML", () => {
    const mine = new RangeError('mine');
    expect(() => saxStream('<a><b/></a>', { open: (tag) => { if (tag.local === 'b') throw mine; } })).toThrow(mine);
  });

  it('stops quietly on StopParsing', () => {
    const seen: string[] = [];
    saxStream('<a><b/><c/></a>', { open: (tag) => { seen.push(tag.local); if (tag.local === 'b') throw new StopParsing(); } });
    expect(seen).toEqual(['a', 'b']);
  });
});

describe('escapeXml', () => {
  it('reads back any text as written, in element content and in attributes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const root = parseXml(`<a v="${escapeXml(text)}">${escapeXml(text)}</a>`);
        expect(unescapeExcelText(root.text)).toBe(text);
        expect(unescapeExcelText(attr(root, 'v') ?? '')).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['a carriage return', 'a\r\nb'],
    ['a control character', 'a\u0001b'],
    ['a literal escape', '_x0041_'],
    ['markup', '<b>"Tom & Jerry\'s"</b>'],
  ])('keeps %s', (_, text) => {
    expect(unescapeExcelText(parseXml(`<a>${escapeXml(text)}</a>`).text)).toBe(text);
  });
});
