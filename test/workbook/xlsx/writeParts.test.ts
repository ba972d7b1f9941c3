/**
 * The parts the writer makes or edits, one at a time: an output sheet and a table as
 * we write them, and the least edits to styles, relationships, content types, the
 * workbook part and the calculation chain — each shown to leave the rest of the text
 * exactly as it was.
 */
import fc from 'fast-check';
import type { SheetSpec } from '../../../src/engine/sheet';
import { layoutSheet, printSetup } from '../../../src/workbook/layout';
import { editContentTypes } from '../../../src/workbook/xlsx/contentTypesEdit';
import { editRelationships, freshRelIds, relativeTarget } from '../../../src/workbook/xlsx/relationshipsEdit';
import { addOutputStyles, newStylesXml } from '../../../src/workbook/xlsx/stylesEdit';
import { tableXml } from '../../../src/workbook/xlsx/tableXml';
import { dropCalcChainSheets, editWorkbookXml } from '../../../src/workbook/xlsx/workbookEdit';
import { cellXml, footerText, outputSheetXml, registrySheetXml, type SheetStyles } from '../../../src/workbook/xlsx/worksheetXml';
import { XmlWriter } from '../../../src/workbook/xlsx/xmlWriter';
import { NS_MAIN, attr, childOf, childrenOf, parseXml, unescapeExcelText, type XmlElement } from '../../../src/workbook/xlsx/xml';
import { allocations, checks } from '../fixtures';

const STYLES: SheetStyles = {
  body: { text: 0, money: 2, percent: 4, date: 6, number: 0, integer: 8 },
  footer: { text: 1, money: 3, percent: 5, date: 7, number: 1, integer: 9 },
  title: 10,
};

function sheetOf(spec: SheetSpec): XmlElement {
  const layout = layoutSheet(spec);
  return parseXml(outputSheetXml(spec, layout, STYLES, printSetup(spec, layout), 'rId1'));
}

function cellsOf(sheet: XmlElement): Map<string, XmlElement> {
  const cells = new Map<string, XmlElement>();
  for (const row of childrenOf(childOf(sheet, 'sheetData') as XmlElement, 'row')) {
    for (const c of childrenOf(row, 'c')) cells.set(attr(c, 'r') ?? '', c);
  }
  return cells;
}

/** A cell's text as a reader sees it: its inline string or its value. */
function cellText(cell: XmlElement | undefined): string | undefined {
  if (!cell) return undefined;
  const inline = childOf(cell, 'is');
  return inline ? unescapeExcelText(childOf(inline, 't')?.text ?? '') : childOf(cell, 'v')?.text;
}

/** CT_Worksheet's order of the children we write. */
const WORKSHEET_ORDER = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'pageMargins', 'pageSetup', 'headerFooter', 'tableParts'];

describe('an output sheet part', () => {
  const spec = allocations(3);
  const sheet = sheetOf(spec);
  const cells = cellsOf(sheet);

  it('holds its elements in the order of the CT_Worksheet schema', () => {
    const order = sheet.children.map((c) => c.local);
    expect(order).toEqual(WORKSHEET_ORDER.filter((local) => order.includes(local)));
    expect(order).toEqual(WORKSHEET_ORDER);
  });

  it('writes the title bold and large, the header, the body and the bold footer where the layout puts them', () => {
    const layout = layoutSheet(spec);
    expect(cellText(cells.get('A1'))).toBe(spec.title[0]);
    expect(attr(cells.get('A1') as XmlElement, 's')).toBe(String(STYLES.title));
    expect(cellText(cells.get('A2'))).toBe(spec.title[1]);
    expect(attr(cells.get('A2') as XmlElement, 's')).toBeUndefined();
    expect(spec.columns.map((_, i) => cellText(cells.get(`${String.fromCharCode(65 + i)}${layout.headerRow}`)))).toEqual(spec.columns.map((c) => c.header));
    expect(cellText(cells.get(`F${layout.firstBodyRow}`))).toBe(String(spec.rows[0][5]));
    expect(attr(cells.get(`F${layout.firstBodyRow}`) as XmlElement, 's')).toBe(String(STYLES.body.money));
    expect(attr(cells.get(`I${layout.firstBodyRow}`) as XmlElement, 's')).toBe(String(STYLES.body.percent));
    expect(cellText(cells.get(`E${layout.footerRow}`))).toBe('Total');
    expect(attr(cells.get(`F${layout.footerRow}`) as XmlElement, 's')).toBe(String(STYLES.footer.money));
    expect(attr(cells.get(`E${layout.footerRow}`) as XmlElement, 's')).toBe(String(STYLES.footer.text));
  });

  it('writes text as inline strings and leaves blank cells out', () => {
    const layout = layoutSheet(spec);
    expect(attr(cells.get(`A${layout.firstBodyRow}`) as XmlElement, 't')).toBe('inlineStr');
    expect(cells.has(`J${layout.firstBodyRow + 1}`)).toBe(false); // Notes is null on row 2
    expect(cells.has('A3')).toBe(false); // the blank row under the title
  });

  it('freezes the rows down to the header, sets widths, and prints as the layout says', () => {
    const layout = layoutSheet(spec);
    const print = printSetup(spec, layout);
    const pane = childOf(childOf(childOf(sheet, 'sheetViews') as XmlElement, 'sheetView') as XmlElement, 'pane') as XmlElement;
    expect([attr(pane, 'ySplit'), attr(pane, 'topLeftCell'), attr(pane, 'state')]).toEqual([String(layout.headerRow), `A${layout.firstBodyRow}`, 'frozen']);
    expect(childrenOf(childOf(sheet, 'cols') as XmlElement, 'col').map((c) => Number(attr(c, 'width')))).toEqual(spec.columns.map((c) => c.width));
    const setup = childOf(sheet, 'pageSetup') as XmlElement;
    expect([attr(setup, 'paperSize'), attr(setup, 'orientation'), attr(setup, 'fitToWidth'), attr(setup, 'fitToHeight')]).toEqual(['9', print.orientation, '1', '0']);
    expect(attr(childOf(childOf(sheet, 'sheetPr') as XmlElement, 'pageSetUpPr') as XmlElement, 'fitToPage')).toBe('1');
    expect(childOf(childOf(sheet, 'headerFooter') as XmlElement, 'oddFooter')?.text).toBe('&LAllocations');
  });

  it('puts the run stamp on the right of the page footer, with a literal & doubled', () => {
    const stamped = sheetOf({ ...checks(), sheet: 'R&D', stamp: 'Run 1 March 2021 12:00' });
    expect(childOf(childOf(stamped, 'headerFooter') as XmlElement, 'oddFooter')?.text).toBe('&LR&&D&RRun 1 March 2021 12:00');
    expect(footerText('a&b&&c')).toBe('a&&b&&&&c');
  });

  it('refers to its table part by the relationship id given', () => {
    const parts = childOf(sheet, 'tableParts') as XmlElement;
    expect(attr(parts, 'count')).toBe('1');
    expect(childrenOf(parts, 'tablePart').map((t) => attr(t, 'id', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'))).toEqual(['rId1']);
  });

  it('writes a table with no rows as one blank body row', () => {
    const empty = sheetOf(checks([]));
    expect(attr(childOf(empty, 'dimension') as XmlElement, 'ref')).toBe('A1:F2');
    expect(childrenOf(childOf(empty, 'sheetData') as XmlElement, 'row')).toHaveLength(1);
  });
});

describe('a cell', () => {
  it.each([
    ['a number', 1234.5, '<c r="B2" s="3"><v>1234.5</v></c>'],
    ['a negative fraction', -0.051, '<c r="B2" s="3"><v>-0.051</v></c>'],
    ['true', true, '<c r="B2" s="3" t="b"><v>1</v></c>'],
    ['false', false, '<c r="B2" s="3" t="b"><v>0</v></c>'],
    ['text', 'Safe Haven', '<c r="B2" s="3" t="inlineStr"><is><t>Safe Haven</t></is></c>'],
    ['text with markup', 'A & B <c>', '<c r="B2" s="3" t="inlineStr"><is><t>A &amp; B &lt;c&gt;</t></is></c>'],
    ['text with edge spaces', ' padded ', '<c r="B2" s="3" t="inlineStr"><is><t xml:space="preserve"> padded </t></is></c>'],
    ['text that looks like a formula', '=SUM(A1:A2)', '<c r="B2" s="3" t="inlineStr"><is><t>=SUM(A1:A2)</t></is></c>'],
    ['blank', null, ''],
  ])('writes %s', (_what, value, xml) => {
    expect(cellXml('B2', value, 3)).toBe(xml);
  });

  it('reads back any text exactly, control characters and _xHHHH_ look-alikes included', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (text) => {
        const cell = parseXml(cellXml('A1', text, 0).replace('<c ', `<c xmlns="${NS_MAIN}" `));
        expect(cellText(cell)).toBe(text);
      }),
    );
  });
});

describe('the XML writer', () => {
  const written = (write: (w: XmlWriter) => void): string => {
    const w = new XmlWriter(4);
    write(w);
    return new TextDecoder().decode(w.bytes());
  };

  it('writes any number as text that reads back as the same number', () => {
    const amounts = fc.integer({ min: -1e12, max: 1e12 }).map((pence) => pence / 100);
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), amounts, fc.integer()), (value) => {
        // `===`, not `toBe`: a cell holds no negative zero, so -0 is written as 0.
        expect(Number(written((w) => w.number(value))) === value).toBe(true);
      }),
    );
  });

  it.each([
    [1234.5, '1234.5'],
    [-0.05, '-0.05'],
    [17005.14, '17005.14'],
    [240000.5, '240000.5'],
    [0.1 + 0.2, String(0.1 + 0.2)],
    [1e21, '1e+21'],
    [-0, '0'],
  ])('writes %p as %s', (value, text) => {
    expect(written((w) => w.number(value))).toBe(text);
  });

  it('writes text of any script as UTF-8, growing as it needs', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 20 }), (texts) => {
        expect(written((w) => texts.forEach((t) => w.raw(t)))).toBe(texts.join(''));
      }),
    );
  });
});

describe('the registry sheet part', () => {
  it('holds the signature, then a formula and the name of each owned sheet', () => {
    const sheet = parseXml(registrySheetXml(['Allocations', "O'Brien fund"]));
    const cells = cellsOf(sheet);
    expect(cellText(cells.get('A1'))).toMatch(/^Awards Modeller/);
    expect(childOf(cells.get('A2') as XmlElement, 'f')?.text).toBe("'Allocations'!$A$1");
    expect(childOf(cells.get('A3') as XmlElement, 'f')?.text).toBe("'O''Brien fund'!$A$1");
    expect(cellText(cells.get('B3'))).toBe("O'Brien fund");
  });
});

describe('a table part', () => {
  const table = parseXml(tableXml({ id: 7, name: 'FundLedger', ref: 'A3:H5', columns: ['Fund', 'R&D', 'Income'] }));

  it('names the table, its range and filter, and each column with a unique id', () => {
    expect([attr(table, 'id'), attr(table, 'name'), attr(table, 'displayName'), attr(table, 'ref')]).toEqual(['7', 'FundLedger', 'FundLedger', 'A3:H5']);
    expect(attr(childOf(table, 'autoFilter') as XmlElement, 'ref')).toBe('A3:H5');
    const columns = childrenOf(childOf(table, 'tableColumns') as XmlElement, 'tableColumn');
    expect(columns.map((c) => attr(c, 'name'))).toEqual(['Fund', 'R&D', 'Income']);
    expect(columns.map((c) => attr(c, 'id'))).toEqual(['1', '2', '3']);
  });

  it('uses the house style with row stripes', () => {
    const style = childOf(table, 'tableStyleInfo') as XmlElement;
    expect([attr(style, 'name'), attr(style, 'showRowStripes')]).toEqual(['TableStyleMedium2', '1']);
  });
});

// ------------------------------------------------------------------------------------

/** A styles part as Excel writes one: a custom format, two fonts, fills, borders, four xfs. */
const EXCEL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  `<styleSheet xmlns="${NS_MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;£&quot;#,##0"/></numFmts>' +
  '<fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
  '<font><i/><sz val="11"/><color rgb="FFFF0000"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>' +
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>';

function listOf(text: string, list: string, item: string): XmlElement[] {
  return childrenOf(childOf(parseXml(text), list) as XmlElement, item);
}

describe('the styles edit', () => {
  const edit = addOutputStyles(EXCEL_STYLES);
  const numFmts = listOf(edit.text, 'numFmts', 'numFmt');
  const fonts = listOf(edit.text, 'fonts', 'font');
  const xfs = listOf(edit.text, 'cellXfs', 'xf');

  it('only appends: every existing format, font and cell format keeps its place and text', () => {
    const before = parseXml(EXCEL_STYLES);
    for (const [list, item] of [['numFmts', 'numFmt'], ['fonts', 'font'], ['cellXfs', 'xf']]) {
      const old = childrenOf(childOf(before, list) as XmlElement, item).map((e) => EXCEL_STYLES.slice(e.start, e.end));
      const now = listOf(edit.text, list, item).map((e) => edit.text.slice(e.start, e.end));
      expect(now.slice(0, old.length)).toEqual(old);
    }
    // Outside the three lists nothing changed.
    const outside = (text: string): string => text.replace(/<(numFmts|fonts|cellXfs)[\s\S]*?<\/\1>/g, '');
    expect(outside(edit.text)).toBe(outside(EXCEL_STYLES));
  });

  it('gives each output style a cell format with the right number format and font', () => {
    const found = (id: string | undefined): XmlElement | undefined => numFmts.find((f) => attr(f, 'numFmtId') === id);
    const code = (id: string | undefined): string | undefined => {
      const numFmt = found(id);
      return numFmt ? attr(numFmt, 'formatCode') : undefined;
    };
    const xf = (index: number): XmlElement => xfs[index];
    expect(code(attr(xf(edit.styles.body.money), 'numFmtId'))).toBe('£#,##0.00;-£#,##0.00');
    expect(code(attr(xf(edit.styles.body.percent), 'numFmtId'))).toBe('0.0%');
    expect(code(attr(xf(edit.styles.body.date), 'numFmtId'))).toBe('dd/mm/yyyy');
    expect(attr(xf(edit.styles.body.integer), 'numFmtId')).toBe('1');
    expect(edit.styles.body.text).toBe(0);
    const font = (index: number): XmlElement => fonts[Number(attr(xf(index), 'fontId'))];
    expect(childOf(font(edit.styles.footer.money), 'b')).toBeDefined();
    expect(attr(childOf(font(edit.styles.title), 'sz') as XmlElement, 'val')).toBe('14');
    expect(childOf(font(edit.styles.title), 'b')).toBeDefined();
    // The bold font is the workbook's own default font made bold (theme colour and all).
    expect(attr(childOf(font(edit.styles.footer.text), 'color') as XmlElement, 'theme')).toBe('1');
  });

  it('keeps each list\u2019s count true', () => {
    for (const [list, item] of [['numFmts', 'numFmt'], ['fonts', 'font'], ['cellXfs', 'xf']]) {
      expect(attr(childOf(parseXml(edit.text), list) as XmlElement, 'count')).toBe(String(listOf(edit.text, list, item).length));
    }
  });

  it('adds nothing on a re-run: the styles added last time are used again', () => {
    const again = addOutputStyles(edit.text);
    expect(again.changed).toBe(false);
    expect(again.text).toBe(edit.text);
    expect(again.styles).toEqual(edit.styles);
  });

  it('writes new items with the part\u2019s own prefix, opening a self-closing list', () => {
    const prefixed = EXCEL_STYLES.replace(/<(\/?)(?=[a-zA-Z])(?!mc:|x14ac:)/g, '<$1x:')
      .replace(`xmlns="${NS_MAIN}"`, `xmlns:x="${NS_MAIN}"`)
      .replace(/<x:numFmts count="1">.*?<\/x:numFmts>/, '<x:numFmts count="0"/>');
    const result = addOutputStyles(prefixed);
    expect(result.text).toMatch(/<x:numFmts count="3"><x:numFmt numFmtId="164" formatCode="£#,##0.00;-£#,##0.00"\/>/);
    expect(listOf(result.text, 'cellXfs', 'xf').length).toBeGreaterThan(4);
    expect(result.text).not.toMatch(/<(numFmt|font|xf|b|sz) /);
  });

  it('adds a numFmts list in its place when there is none', () => {
    const none = EXCEL_STYLES.replace(/<numFmts count="1">.*?<\/numFmts>/, '');
    const root = parseXml(addOutputStyles(none).text);
    expect(root.children.map((c) => c.local).slice(0, 2)).toEqual(['numFmts', 'fonts']);
  });

  it('makes a styles part from nothing that it can then reuse', () => {
    const fresh = addOutputStyles(undefined);
    expect(fresh.changed).toBe(true);
    expect(addOutputStyles(fresh.text).changed).toBe(false);
    expect(parseXml(newStylesXml()).local).toBe('styleSheet');
  });
});

// ------------------------------------------------------------------------------------

const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\n' +
  '  <Relationship Id="rId3" Type="t/styles" Target="styles.xml"/>\n  <Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet1.xml"/>\n  <Relationship Id="RID7" Type="t/calcChain" Target="calcChain.xml"/>\n</Relationships>';

describe('the relationships edit', () => {
  it('finds ids that clash with none there, whatever their case', () => {
    expect(freshRelIds(['rId3', 'rId1', 'RID7', 'custom'], 3)).toEqual(['rId8', 'rId9', 'rId10']);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(30).map((n) => `rId${n}`), fc.string()), { maxLength: 20 }), fc.integer({ min: 1, max: 5 }), (taken, n) => {
        const fresh = freshRelIds(taken, n);
        expect(new Set(fresh).size).toBe(n);
        for (const id of fresh) expect(taken.map((t) => t.toLowerCase())).not.toContain(id.toLowerCase());
      }),
    );
  });

  it('appends before the end tag and drops by id, leaving every other byte', () => {
    const edited = editRelationships(RELS, [{ id: 'rId8', type: 't/worksheet', target: 'worksheets/sheet2.xml' }], new Set(['RID7']));
    expect(edited).toBe(RELS.replace('\n  <Relationship Id="RID7" Type="t/calcChain" Target="calcChain.xml"/>', '').replace('\n</Relationships>', '\n<Relationship Id="rId8" Type="t/worksheet" Target="worksheets/sheet2.xml"/></Relationships>'));
  });

  it.each([
    ['xl/workbook.xml', 'xl/worksheets/sheet2.xml', 'worksheets/sheet2.xml'],
    ['xl/worksheets/sheet2.xml', 'xl/tables/table1.xml', '../tables/table1.xml'],
    ['', 'xl/workbook.xml', 'xl/workbook.xml'],
  ])('writes a target from %s to %s as %s', (source, target, relative) => {
    expect(relativeTarget(source, target)).toBe(relative);
  });
});

const TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="wb"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="dr"/></Types>';

describe('the content types edit', () => {
  it('adds overrides for new parts and drops those of removed parts, nothing else', () => {
    const edited = editContentTypes(TYPES, [{ part: 'xl/worksheets/sheet2.xml', type: 'ws' }], ['XL/drawings/drawing1.xml']);
    expect(edited).toBe(TYPES.replace('<Override PartName="/xl/drawings/drawing1.xml" ContentType="dr"/>', '').replace('</Types>', '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="ws"/></Types>'));
  });

  it('leaves an override that is already right alone', () => {
    expect(editContentTypes(TYPES, [{ part: 'xl/workbook.xml', type: 'wb' }])).toBe(TYPES);
  });
});

// ------------------------------------------------------------------------------------

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  `<workbook xmlns="${NS_MAIN}" xmlns:r="${R}"><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" firstSheet="1" activeTab="1"/></bookViews>` +
  '<sheets><sheet name="Inputs" sheetId="1" r:id="rId1"/><sheet name="Allocations" sheetId="4" r:id="rId2"/></sheets>' +
  '<definedNames><definedName name="VAT">0.2</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">Inputs!$1:$1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">Allocations!$4:$4</definedName></definedNames>' +
  '<calcPr calcId="191029"/></workbook>';

describe('the workbook part edit', () => {
  it('appends new sheets after the user\u2019s, so no localSheetId shifts', () => {
    const edited = editWorkbookXml(WORKBOOK, { sheets: [{ name: 'Checks', sheetId: 5, relId: 'rId9' }, { name: 'AwardsModeller', sheetId: 6, relId: 'rId10', state: 'veryHidden' }] });
    expect(edited).toBe(
      WORKBOOK.replace('</sheets>', '<sheet name="Checks" sheetId="5" r:id="rId9"/><sheet name="AwardsModeller" sheetId="6" state="veryHidden" r:id="rId10"/></sheets>'),
    );
  });

  it('replaces our own print titles and keeps the user\u2019s names', () => {
    const edited = editWorkbookXml(WORKBOOK, { printTitles: [{ localSheetId: 1, sheet: 'Allocations', row: 3 }] });
    const names = childrenOf(childOf(parseXml(edited), 'definedNames') as XmlElement, 'definedName').map((n) => [attr(n, 'name'), attr(n, 'localSheetId'), n.text]);
    expect(names).toEqual([
      ['VAT', undefined, '0.2'],
      ['_xlnm.Print_Titles', '0', 'Inputs!$1:$1'],
      ['_xlnm.Print_Titles', '1', "'Allocations'!$3:$3"],
    ]);
  });

  it('makes <definedNames> in the schema\u2019s place when there is none', () => {
    const bare = WORKBOOK.replace(/<definedNames>.*<\/definedNames>/, '');
    const root = parseXml(editWorkbookXml(bare, { printTitles: [{ localSheetId: 1, sheet: 'Allocations', row: 4 }] }));
    expect(root.children.map((c) => c.local)).toEqual(['workbookPr', 'bookViews', 'sheets', 'definedNames', 'calcPr']);
  });

  it('sets the active tab, and the first tab shown when it would hide it', () => {
    const view = childOf(childOf(parseXml(editWorkbookXml(WORKBOOK, { activeTab: 0 })), 'bookViews') as XmlElement, 'workbookView') as XmlElement;
    expect([attr(view, 'activeTab'), attr(view, 'firstSheet'), attr(view, 'windowWidth')]).toEqual(['0', '0', '28800']);
  });

  it('writes r:id with whatever prefix the part binds to the relationships namespace', () => {
    const other = WORKBOOK.replace(`xmlns:r="${R}"`, `xmlns:rel="${R}"`).replace(/r:id/g, 'rel:id');
    expect(editWorkbookXml(other, { sheets: [{ name: 'Checks', sheetId: 5, relId: 'rId9' }] })).toContain('<sheet name="Checks" sheetId="5" rel:id="rId9"/></sheets>');
  });
});

describe('the calculation chain edit', () => {
  const CHAIN = `<calcChain xmlns="${NS_MAIN}"><c r="B2" i="1"/><c r="B3"/><c r="C1" i="4"/><c r="C2"/><c r="D9" i="1"/><c r="D10"/></calcChain>`;

  it('drops the entries of replaced sheets, giving the next kept entry its sheet id', () => {
    expect(dropCalcChainSheets(CHAIN, new Set([4]))).toBe(`<calcChain xmlns="${NS_MAIN}"><c r="B2" i="1"/><c r="B3"/><c r="D9" i="1"/><c r="D10"/></calcChain>`);
    expect(dropCalcChainSheets(CHAIN, new Set([1]))).toBe(`<calcChain xmlns="${NS_MAIN}"><c r="C1" i="4"/><c r="C2"/></calcChain>`);
  });

  it('says when no entry is left, so the part can go', () => {
    expect(dropCalcChainSheets(CHAIN, new Set([1, 4]))).toBeUndefined();
    expect(dropCalcChainSheets(CHAIN, new Set([9]))).toBe(CHAIN);
  });
});
