/**
 * XlsxWorkbook end to end on a package written by hand the way Excel writes one (shared
 * strings, a theme, a calculation chain, a chart with an image, defined names, custom
 * properties): output sheets added, then replaced in place on a re-run, every part we
 * do not own carried over byte for byte, and the result opened in LibreOffice.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { SheetNotOwnedError } from '../../../src/workbook';
import { StructureProtectedError, WorkbookReadError } from '../../../src/workbook/errors';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/workbook';
import { attr, childOf, childrenOf, parseXml, type XmlElement } from '../../../src/workbook/xlsx/xml';
import { bookOf, packageProblems, sameBytes, firstDifference, textOf, type Parts } from '../../support/packageCheck';
import { convert, numberOf, sheetsAsCsv } from '../../support/libreoffice';
import { allocations, checks, fundLedger } from '../fixtures';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const T = (type: string): string => `${R}/${type}`;
const CT = 'application/vnd.openxmlformats-officedocument';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** The parts of a small model as Excel saves one. `p` is the SpreadsheetML prefix (`x:` or ''). */
function excelParts(options: { p?: string; locked?: boolean } = {}): Record<string, string> {
  const p = options.p ?? '';
  const ns = p === '' ? `xmlns="${MAIN}"` : `xmlns:${p.slice(0, -1)}="${MAIN}"`;
  return {
    '[Content_Types].xml':
      `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="png" ContentType="image/png"/>` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/theme/theme1.xml" ContentType="${CT}.theme+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/xl/calcChain.xml" ContentType="${CT}.spreadsheetml.calcChain+xml"/>` +
      `<Override PartName="/xl/tables/table1.xml" ContentType="${CT}.spreadsheetml.table+xml"/>` +
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${CT}.drawing+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
      `<Override PartName="/docProps/custom.xml" ContentType="${CT}.custom-properties+xml"/></Types>`,
    '_rels/.rels':
      `${DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId3" Type="${PKG}/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId1" Type="${T('officeDocument')}" Target="xl/workbook.xml"/><Relationship Id="rId4" Type="${T('custom-properties')}" Target="docProps/custom.xml"/></Relationships>`,
    'docProps/core.xml': `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Finance</dc:creator></cp:coreProperties>`,
    'docProps/custom.xml':
      `${DECL}<Properties xmlns="${CT.replace('application/vnd.openxmlformats-officedocument', 'http://schemas.openxmlformats.org/officeDocument/2006')}/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_1_Name"><vt:lpwstr>OFFICIAL-SENSITIVE</vt:lpwstr></property></Properties>',
    'xl/workbook.xml':
      `${DECL}<${p}workbook ${ns} xmlns:r="${R}"><${p}workbookPr defaultThemeVersion="166925"/>` +
      (options.locked ? `<${p}workbookProtection lockStructure="1"/>` : '') +
      `<${p}bookViews><${p}workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></${p}bookViews>` +
      `<${p}sheets><${p}sheet name="Inputs" sheetId="1" r:id="rId1"/></${p}sheets>` +
      `<${p}definedNames><${p}definedName name="VAT">0.2</${p}definedName><${p}definedName name="_xlnm.Print_Titles" localSheetId="0">Inputs!$1:$1</${p}definedName></${p}definedNames>` +
      `<${p}calcPr calcId="191029"/></${p}workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId3" Type="${T('styles')}" Target="styles.xml"/><Relationship Id="rId2" Type="${T('theme')}" Target="theme/theme1.xml"/>` +
      `<Relationship Id="rId1" Type="${T('worksheet')}" Target="worksheets/sheet1.xml"/><Relationship Id="rId5" Type="${T('calcChain')}" Target="calcChain.xml"/>` +
      `<Relationship Id="rId4" Type="${T('sharedStrings')}" Target="sharedStrings.xml"/></Relationships>`,
    'xl/theme/theme1.xml': `${DECL}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements/></a:theme>`,
    'xl/styles.xml':
      `${DECL}<${p}styleSheet ${ns}><${p}numFmts count="1"><${p}numFmt numFmtId="164" formatCode="&quot;£&quot;#,##0"/></${p}numFmts>` +
      `<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}color theme="1"/><${p}name val="Calibri"/><${p}family val="2"/><${p}scheme val="minor"/></${p}font></${p}fonts>` +
      `<${p}fills count="2"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill></${p}fills>` +
      `<${p}borders count="1"><${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border></${p}borders>` +
      `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
      `<${p}cellXfs count="2"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><${p}xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></${p}cellXfs>` +
      `<${p}cellStyles count="1"><${p}cellStyle name="Normal" xfId="0" builtinId="0"/></${p}cellStyles></${p}styleSheet>`,
    'xl/sharedStrings.xml':
      `${DECL}<${p}sst ${ns} count="4" uniqueCount="4"><${p}si><${p}t>Note</${p}t></${p}si><${p}si><${p}t>Amount</${p}t></${p}si>` +
      `<${p}si><${p}r><${p}rPr><${p}b/></${p}rPr><${p}t>keep</${p}t></${p}r><${p}r><${p}t xml:space="preserve"> me</${p}t></${p}r></${p}si><${p}si><${p}t>and me</${p}t></${p}si></${p}sst>`,
    'xl/calcChain.xml': `${DECL}<${p}calcChain ${ns}><${p}c r="B3" i="1"/></${p}calcChain>`,
    'xl/worksheets/sheet1.xml':
      `${DECL}<${p}worksheet ${ns} xmlns:r="${R}"><${p}dimension ref="A1:B3"/><${p}sheetViews><${p}sheetView tabSelected="1" workbookViewId="0"/></${p}sheetViews>` +
      `<${p}sheetData><${p}row r="1"><${p}c r="A1" t="s"><${p}v>0</${p}v></${p}c><${p}c r="B1" t="s"><${p}v>1</${p}v></${p}c></${p}row>` +
      `<${p}row r="2"><${p}c r="A2" t="s"><${p}v>2</${p}v></${p}c><${p}c r="B2" s="1"><${p}v>1</${p}v></${p}c></${p}row>` +
      `<${p}row r="3"><${p}c r="A3" t="s"><${p}v>3</${p}v></${p}c><${p}c r="B3" s="1"><${p}f>B2*(1+VAT)</${p}f><${p}v>1.2</${p}v></${p}c></${p}row></${p}sheetData>` +
      `<${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><${p}drawing r:id="rId2"/><${p}tableParts count="1"><${p}tablePart r:id="rId1"/></${p}tableParts></${p}worksheet>`,
    'xl/worksheets/_rels/sheet1.xml.rels':
      `${DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId2" Type="${T('drawing')}" Target="../drawings/drawing1.xml"/><Relationship Id="rId1" Type="${T('table')}" Target="../tables/table1.xml"/></Relationships>`,
    'xl/tables/table1.xml':
      `${DECL}<${p}table ${ns} id="1" name="Notes" displayName="Notes" ref="A1:B3" totalsRowShown="0"><${p}autoFilter ref="A1:B3"/>` +
      `<${p}tableColumns count="2"><${p}tableColumn id="1" name="Note"/><${p}tableColumn id="2" name="Amount"/></${p}tableColumns><${p}tableStyleInfo name="TableStyleLight9" showRowStripes="1"/></${p}table>`,
    'xl/drawings/drawing1.xml': `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/>`,
    'xl/drawings/_rels/drawing1.xml.rels': `${DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${T('image')}" Target="../media/image1.png"/></Relationships>`,
  };
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

function zip(parts: Record<string, string | Uint8Array>): Uint8Array {
  const files: Zippable = {};
  for (const [name, content] of Object.entries(parts)) files[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(files);
}

function excelBytes(options: { p?: string; locked?: boolean } = {}): Uint8Array {
  return zip({ ...excelParts(options), 'xl/media/image1.png': PNG });
}

/** The parts we edit; every other part of the input must come out byte for byte. */
const EDITED = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/calcChain.xml'];

function expectCarriedOver(before: Parts, after: Parts, except: readonly string[] = EDITED): void {
  for (const [name, bytes] of Object.entries(before)) {
    if (except.includes(name)) continue;
    const result = after[name];
    expect(result).toBeDefined();
    if (!sameBytes(bytes, result)) throw new Error(`${name} changed: ${firstDifference(bytes, result)}`);
  }
}

/**
 * `after` holds every tag and text of `before`, unchanged and in order, with only new
 * ones between them (what splicing leaves). Tags holding one of `changed` (a list's
 * `count`) may differ.
 */
function expectOnlyInsertions(before: string, after: string, changed: readonly string[] = []): void {
  const tokens = before.split(/(?<=>)/);
  let at = 0;
  for (const token of tokens) {
    if (changed.some((c) => token.includes(c))) continue;
    const found = after.indexOf(token, at);
    if (found < at) throw new Error(`not kept: ${JSON.stringify(token)} after ${JSON.stringify(after.slice(Math.max(0, at - 100), at))}`);
    at = found + token.length;
  }
}

async function writtenOnce(): Promise<{ input: Uint8Array; output: Uint8Array }> {
  const input = excelBytes();
  const workbook = XlsxWorkbook.fromBytes(input, 'model.xlsx');
  await workbook.writeSheets([allocations(3), fundLedger()]);
  return { input, output: workbook.toBytes() };
}

describe('XlsxWorkbook writing into a workbook Excel saved', () => {
  it('adds the output sheets and the very hidden registry after the user\u2019s sheets', async () => {
    const { output } = await writtenOnce();
    const book = bookOf(unzipSync(output));
    expect(book.sheets.map((s) => [s.name, s.sheetId, s.state ?? 'visible'])).toEqual([
      ['Inputs', 1, 'visible'],
      ['Allocations', 2, 'visible'],
      ['Fund ledger', 3, 'visible'],
      ['AwardsModeller', 4, 'veryHidden'],
    ]);
    expect(book.tables.map((t) => [t.name, t.id])).toEqual([['Notes', 1], ['Allocations', 2], ['FundLedger', 3]]);
  });

  it('writes a sound package', async () => {
    const { output } = await writtenOnce();
    expect(packageProblems(unzipSync(output))).toEqual([]);
  });

  it('carries every part it does not own over byte for byte', async () => {
    const { input, output } = await writtenOnce();
    expectCarriedOver(unzipSync(input), unzipSync(output));
  });

  it('edits the parts that list sheets and styles only by inserting text', async () => {
    const { input, output } = await writtenOnce();
    const before = unzipSync(input);
    const after = unzipSync(output);
    for (const part of ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']) {
      // styles.xml: the counts of the lists it appends to change too.
      const counts = part === 'xl/styles.xml' ? ['<numFmts count=', '<cellXfs count=', '<fonts count='] : [];
      expectOnlyInsertions(textOf(before, part), textOf(after, part), counts);
    }
    // The user's formula cell is in a sheet we leave alone: its chain entry stays.
    expect(textOf(after, 'xl/calcChain.xml')).toBe(textOf(before, 'xl/calcChain.xml'));
  });

  it('reads its own tables back, and the user\u2019s as they were', async () => {
    const { output } = await writtenOnce();
    const again = XlsxWorkbook.fromBytes(output, 'result.xlsx');
    expect(await again.ownedSheetNames()).toEqual(['Allocations', 'Fund ledger']);
    const read = await again.readTables(['Allocations', 'Notes']);
    expect(read.Allocations.rows).toEqual(allocations(3).rows);
    expect(read.Notes.rows).toEqual([['keep me', 1], ['and me', 1.2]]);
  });
});

describe('XlsxWorkbook on a re-run', () => {
  /** The first result, with a chart the add-in drew on Allocations (sharing the user's image). */
  async function withChartOnAllocations(): Promise<Uint8Array> {
    const { output } = await writtenOnce();
    const parts: Record<string, string | Uint8Array> = {};
    for (const [name, bytes] of Object.entries(unzipSync(output))) parts[name] = bytes;
    const decode = (name: string): string => new TextDecoder().decode(parts[name] as Uint8Array);
    parts['xl/worksheets/sheet2.xml'] = decode('xl/worksheets/sheet2.xml').replace('<tableParts', '<drawing r:id="rId9"/><tableParts');
    parts['xl/worksheets/_rels/sheet2.xml.rels'] = decode('xl/worksheets/_rels/sheet2.xml.rels').replace('</Relationships>', `<Relationship Id="rId9" Type="${T('drawing')}" Target="../drawings/drawing2.xml"/></Relationships>`);
    parts['xl/drawings/drawing2.xml'] = excelParts()['xl/drawings/drawing1.xml'];
    parts['xl/drawings/_rels/drawing2.xml.rels'] =
      `${DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${T('chart')}" Target="../charts/chart1.xml"/><Relationship Id="rId2" Type="${T('image')}" Target="../media/image1.png"/></Relationships>`;
    parts['xl/charts/chart1.xml'] = `${DECL}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>`;
    parts['[Content_Types].xml'] = decode('[Content_Types].xml').replace(
      '</Types>',
      `<Override PartName="/xl/drawings/drawing2.xml" ContentType="${CT}.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="${CT}.drawingml.chart+xml"/></Types>`,
    );
    // Excel put the owned sheet's formula-less cells nowhere, but a chain entry for it would have to go.
    parts['xl/calcChain.xml'] = decode('xl/calcChain.xml').replace('</calcChain>', '<c r="F5" i="2"/><c r="F6"/></calcChain>');
    return zip(parts);
  }

  it('replaces its sheets in place: same part, sheet id, table id and name', async () => {
    const first = await withChartOnAllocations();
    const workbook = XlsxWorkbook.fromBytes(first, 'result.xlsx');
    await workbook.writeSheets([allocations(5, 'Cut 5%'), fundLedger(1)]);
    const before = bookOf(unzipSync(first));
    const after = bookOf(unzipSync(workbook.toBytes()));
    expect(after.sheets).toEqual(before.sheets);
    expect(after.tables.map((t) => [t.name, t.id, t.part])).toEqual(before.tables.map((t) => [t.name, t.id, t.part]));
    expect(textOf(unzipSync(workbook.toBytes()), 'xl/tables/table2.xml')).toMatch(/ name="Allocations" displayName="Allocations" ref="A4:J9"/);
    const read = await XlsxWorkbook.fromBytes(workbook.toBytes()).readTables(['Allocations']);
    expect(read.Allocations.rows).toEqual(allocations(5, 'Cut 5%').rows);
  });

  it('drops the drawing and chart it no longer draws, keeping the image the user\u2019s sheet shares', async () => {
    const first = await withChartOnAllocations();
    const workbook = XlsxWorkbook.fromBytes(first);
    await workbook.writeSheets([allocations(2), fundLedger()]);
    const parts = unzipSync(workbook.toBytes());
    expect(Object.keys(parts)).not.toEqual(expect.arrayContaining(['xl/drawings/drawing2.xml']));
    for (const gone of ['xl/drawings/drawing2.xml', 'xl/drawings/_rels/drawing2.xml.rels', 'xl/charts/chart1.xml']) expect(parts[gone]).toBeUndefined();
    expect(textOf(parts, '[Content_Types].xml')).not.toMatch(/drawing2|chart1/);
    expect(sameBytes(parts['xl/media/image1.png'], PNG)).toBe(true);
    expect(packageProblems(parts)).toEqual([]);
  });

  it('drops the calculation chain entries of the sheets it replaces, and only those', async () => {
    const workbook = XlsxWorkbook.fromBytes(await withChartOnAllocations());
    await workbook.writeSheets([allocations(2)]);
    expect(textOf(unzipSync(workbook.toBytes()), 'xl/calcChain.xml')).toBe(excelParts()['xl/calcChain.xml']);
  });

  it('adds no styles the second time, and keeps every other part as the first run left it', async () => {
    const first = await withChartOnAllocations();
    const workbook = XlsxWorkbook.fromBytes(first);
    await workbook.writeSheets([allocations(2), fundLedger()]);
    const before = unzipSync(first);
    const after = unzipSync(workbook.toBytes());
    expect(textOf(after, 'xl/styles.xml')).toBe(textOf(before, 'xl/styles.xml'));
    expect(textOf(after, 'xl/workbook.xml')).toBe(textOf(before, 'xl/workbook.xml'));
    const ours = ['xl/worksheets/sheet2.xml', 'xl/worksheets/_rels/sheet2.xml.rels', 'xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml', 'xl/tables/table2.xml', 'xl/tables/table3.xml'];
    const removed = ['xl/drawings/drawing2.xml', 'xl/drawings/_rels/drawing2.xml.rels', 'xl/charts/chart1.xml'];
    expectCarriedOver(
      Object.fromEntries(Object.entries(before).filter(([name]) => !removed.includes(name))),
      after,
      [...ours, '[Content_Types].xml', 'xl/calcChain.xml'],
    );
  });

  it('keeps the VBA code name of a sheet it replaces (macros refer to sheets by it)', async () => {
    const { output } = await writtenOnce();
    const parts = unzipSync(output);
    const sheet = textOf(parts, 'xl/worksheets/sheet2.xml').replace('<sheetPr>', '<sheetPr codeName="Sheet2">');
    const workbook = XlsxWorkbook.fromBytes(zipSync({ ...parts, 'xl/worksheets/sheet2.xml': strToU8(sheet) }));
    await workbook.writeSheets([allocations(2)]);
    expect(textOf(unzipSync(workbook.toBytes()), 'xl/worksheets/sheet2.xml')).toContain('<sheetPr codeName="Sheet2"><pageSetUpPr fitToPage="1"/></sheetPr>');
  });

  it('appends a new output sheet after the registry, leaving every sheet\u2019s position', async () => {
    const { output } = await writtenOnce();
    const workbook = XlsxWorkbook.fromBytes(output);
    await workbook.writeSheets([checks()]);
    expect(bookOf(unzipSync(workbook.toBytes())).sheets.map((s) => s.name)).toEqual(['Inputs', 'Allocations', 'Fund ledger', 'AwardsModeller', 'Checks']);
    expect(await workbook.ownedSheetNames()).toEqual(['Allocations', 'Fund ledger', 'Checks']);
    const names = childrenOf(childOf(parseXml(textOf(unzipSync(workbook.toBytes()), 'xl/workbook.xml')), 'definedNames') as XmlElement, 'definedName');
    expect(names.filter((n) => attr(n, 'name') === '_xlnm.Print_Titles').map((n) => [Number(attr(n, 'localSheetId')), n.text])).toEqual([
      [0, 'Inputs!$1:$1'],
      [1, "'Allocations'!$4:$4"],
      [2, "'Fund ledger'!$3:$3"],
      [4, "'Checks'!$1:$1"],
    ]);
  });
});

describe('XlsxWorkbook refusing', () => {
  it('refuses a workbook whose structure is protected, changing nothing', async () => {
    const input = excelBytes({ locked: true });
    const workbook = XlsxWorkbook.fromBytes(input, 'locked.xlsx');
    await expect(workbook.writeSheets([allocations(1)])).rejects.toThrow(StructureProtectedError);
    await expect(workbook.writeSheets([allocations(1)])).rejects.toThrow(/'locked\.xlsx'.*structure is protected.*Nothing was written/);
    expect(workbook.package.changedPaths()).toEqual([]);
    expect(workbook.info).toEqual({ macroEnabled: false, structureLocked: true });
  });

  it('refuses to write over a sheet of the user\u2019s, changing nothing', async () => {
    const workbook = XlsxWorkbook.fromBytes(excelBytes());
    await expect(workbook.writeSheets([{ ...checks(), sheet: 'INPUTS' }])).rejects.toThrow(SheetNotOwnedError);
    expect(workbook.package.changedPaths()).toEqual([]);
  });
});

describe('XlsxWorkbook meeting a damaged part it must edit', () => {
  it('names a styles part that is not well-formed, and changes nothing', async () => {
    const input = zip({ ...excelParts(), 'xl/styles.xml': `<styleSheet xmlns="${MAIN}"><fonts>`, 'xl/media/image1.png': PNG });
    const workbook = XlsxWorkbook.fromBytes(input, 'damaged.xlsx');
    await expect(workbook.writeSheets([allocations(1)])).rejects.toThrow(WorkbookReadError);
    await expect(workbook.writeSheets([allocations(1)])).rejects.toThrow(/'damaged\.xlsx'.*xl\/styles\.xml/);
    expect(workbook.package.changedPaths()).toEqual([]);
  });

  it('names a damaged calculation chain on a re-run, and changes nothing', async () => {
    const { output } = await writtenOnce();
    const parts = unzipSync(output);
    const input = zipSync({ ...parts, 'xl/calcChain.xml': strToU8('<calcChain xmlns="x"><c r="A1" i="1"></calcChain>') });
    const workbook = XlsxWorkbook.fromBytes(input, 'damaged.xlsx');
    await expect(workbook.writeSheets([allocations(1)])).rejects.toThrow(/'damaged\.xlsx'.*xl\/calcChain\.xml/);
    expect(workbook.package.changedPaths()).toEqual([]);
  });
});

describe('XlsxWorkbook on SpreadsheetML with an x: prefix', () => {
  it('writes its elements with the prefix the parts use, and reads them back', async () => {
    const workbook = XlsxWorkbook.fromBytes(excelBytes({ p: 'x:' }));
    await workbook.writeSheets([allocations(2)]);
    const parts = unzipSync(workbook.toBytes());
    expect(textOf(parts, 'xl/workbook.xml')).toContain('<x:sheet name="Allocations" sheetId="2" r:id=');
    expect(textOf(parts, 'xl/workbook.xml')).toContain('<x:definedName name="_xlnm.Print_Titles" localSheetId="1">');
    expect(textOf(parts, 'xl/styles.xml')).not.toMatch(/<(numFmt|font|xf)[ >]/);
    expect(packageProblems(parts)).toEqual([]);
    const again = XlsxWorkbook.fromBytes(workbook.toBytes());
    expect((await again.readTables(['Allocations'])).Allocations.rows).toEqual(allocations(2).rows);
    expect(await again.ownedSheetNames()).toEqual(['Allocations']);
  });
});

describe('XlsxWorkbook changing one cell and the selection', () => {
  it('changes just the one cell, keeping its style, and drops a replaced formula\u2019s chain entry', async () => {
    const workbook = XlsxWorkbook.fromBytes(excelBytes());
    await workbook.setTableCell('Notes', 1, 'Amount', 5);
    const parts = unzipSync(workbook.toBytes());
    const sheet = textOf(parts, 'xl/worksheets/sheet1.xml');
    expect(sheet).toBe(excelParts()['xl/worksheets/sheet1.xml'].replace('<c r="B3" s="1"><f>B2*(1+VAT)</f><v>1.2</v></c>', '<c r="B3" s="1"><v>5</v></c>'));
    expect(parts['xl/calcChain.xml']).toBeUndefined();
    expect(packageProblems(parts)).toEqual([]);
  });

  it('adds a cell (and a row) that was not there', async () => {
    const workbook = XlsxWorkbook.fromBytes(excelBytes());
    await workbook.setTableCell('Notes', 1, 'Note', null);
    await workbook.setTableCell('Notes', 0, 'Note', 'changed');
    expect((await workbook.readTables(['Notes'])).Notes.rows).toEqual([['changed', 1], [null, 1.2]]);
  });

  it('selects a row on its sheet and makes that the active tab, unselecting the others', async () => {
    const { output } = await writtenOnce();
    const workbook = XlsxWorkbook.fromBytes(output);
    await workbook.selectTableRow('Allocations', 1);
    const parts = unzipSync(workbook.toBytes());
    expect(textOf(parts, 'xl/worksheets/sheet2.xml')).toMatch(/<sheetView workbookViewId="0" tabSelected="1"><pane [^>]*\/><selection pane="bottomLeft" activeCell="A6" sqref="A6"\/><\/sheetView>/);
    expect(textOf(parts, 'xl/worksheets/sheet1.xml')).toContain('<sheetView workbookViewId="0"/>');
    expect(textOf(parts, 'xl/workbook.xml')).toContain('activeTab="1"');
  });
});

describe('XlsxWorkbook results in LibreOffice', () => {
  it('open with the numbers written, the user\u2019s formula still calculated', async () => {
    const { output } = await writtenOnce();
    const workbook = XlsxWorkbook.fromBytes(output);
    await workbook.writeSheets([allocations(4), fundLedger()]);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'awards-write-'));
    const file = path.join(dir, 'result.xlsx');
    writeFileSync(file, workbook.toBytes());
    const [sheets] = sheetsAsCsv([file]);
    const spec = allocations(4);
    const body = sheets.Allocations.slice(4, 8);
    expect(body.map((row) => row.slice(0, 5))).toEqual(spec.rows.map((row) => row.slice(0, 5)));
    expect(body.map((row) => numberOf(row[6]))).toEqual(spec.rows.map((row) => row[6]));
    expect(sheets['Fund ledger'][3].slice(0, 2)).toEqual(['Base case', 'Victim Services Grant']);
    expect(sheets.Inputs[2]).toEqual(['and me', '1.2']);
    expect(sheets.AwardsModeller[1]).toEqual([spec.title[0], 'Allocations']);
  });

  it('still knows its sheets after LibreOffice saves the result, and replaces them in place', async () => {
    const { output } = await writtenOnce();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'awards-write-'));
    const file = path.join(dir, 'result.xlsx');
    writeFileSync(file, output);
    const [saved] = convert([file], 'xlsx');
    const workbook = XlsxWorkbook.fromBytes(readFileSync(saved), 'saved.xlsx');
    expect(await workbook.ownedSheetNames()).toEqual(['Allocations', 'Fund ledger']);
    const sheetsBefore = bookOf(unzipSync(readFileSync(saved))).sheets;
    await workbook.writeSheets([allocations(2, 'Cut 5%'), fundLedger()]);
    const after = unzipSync(workbook.toBytes());
    // LibreOffice keeps the registry merely hidden; the re-run makes it very hidden again.
    expect(sheetsBefore.find((s) => s.name === 'AwardsModeller')?.state).toBe('hidden');
    expect(bookOf(after).sheets).toEqual(sheetsBefore.map((s) => (s.name === 'AwardsModeller' ? { ...s, state: 'veryHidden' } : s)));
    expect(packageProblems(after)).toEqual([]);
    expect((await workbook.readTables(['Allocations'])).Allocations.rows).toEqual(allocations(2, 'Cut 5%').rows);
  });
});
