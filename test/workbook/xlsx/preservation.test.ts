/**
 * Nothing of the user's is lost (issue 7, SPEC §3): `awards run` on a model workbook
 * that holds 39 things real finance workbooks hold — made by XlsxWriter and by
 * hand-written OOXML (test/fixtures/xlsx/features.py), not by us — writes the input
 * package with only the owned sheets, the registry and the least edits to workbook.xml,
 * its relationships, the content types and styles.xml. Every other part is byte for
 * byte the input's; what lives inside workbook.xml or styles.xml is the same element.
 *
 * Runs the BUILT command line as a child process, once per fixture.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { generate } from '../../fixtures/xlsx/generate';
import { awards, ensureBuilt, scratch, type CliRun } from '../../cli/support';
import {
  firstDifference, packageProblems, partsOf, reachable, relsPathOf, sameBytes, sheetPart, tablePart, textOf, type Parts,
} from '../../support/packageCheck';

interface Runs {
  input: Parts;
  output: Parts;
  run: CliRun;
  xlsmInput: Parts;
  xlsmOutput: Parts;
  xlsmRun: CliRun;
  lockedRun: CliRun;
  lockedOut: boolean;
}

let runs: Runs;
let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = scratch();
  generate('features', dir);
  const run = awards(['run', 'features.xlsx', '--out', 'result.xlsx', '--json'], dir);
  const xlsmRun = awards(['run', 'features.xlsm', '--out', 'result.xlsm', '--json'], dir);
  const lockedRun = awards(['run', 'features-locked.xlsx', '--out', 'locked-result.xlsx'], dir);
  const read = (file: string): Parts => (existsSync(path.join(dir, file)) ? partsOf(readFileSync(path.join(dir, file))) : {});
  runs = {
    input: read('features.xlsx'),
    output: read('result.xlsx'),
    run,
    xlsmInput: read('features.xlsm'),
    xlsmOutput: read('result.xlsm'),
    xlsmRun,
    lockedRun,
    lockedOut: existsSync(path.join(dir, 'locked-result.xlsx')),
  };
}, 240_000);

/** The parts the writer may edit (by splicing); every other input part must be the input's bytes. */
const EDITED = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/calcChain.xml']);

/** Problems with parts that should be byte-identical: missing from the result, or different. */
function changedParts(input: Parts, output: Parts, names: readonly string[]): string[] {
  const problems: string[] = [];
  for (const name of names) {
    if (input[name] === undefined) problems.push(`${name}: not in the input (the fixture lacks it)`);
    else if (output[name] === undefined) problems.push(`${name}: missing from the result`);
    else if (!sameBytes(input[name], output[name])) problems.push(`${name}: ${firstDifference(input[name], output[name])}`);
  }
  return problems;
}

/**
 * Elements of an edited part (workbook.xml, its rels, styles.xml, content types) that
 * must come through unchanged: every match of `pattern` in the input appears, as
 * written, in the result.
 */
function changedElements(input: Parts, output: Parts, part: string, pattern: RegExp): string[] {
  const found = textOf(input, part).match(new RegExp(pattern.source, 'g')) ?? [];
  if (found.length === 0) return [`${part}: the input has no ${pattern} (the fixture lacks it)`];
  if (output[part] === undefined) return [`${part}: missing from the result`];
  const result = textOf(output, part);
  return found.filter((element) => !result.includes(element)).map((element) => `${part}: ${element} is gone or changed`);
}

/** The children of one element of styles.xml, as written. */
function childrenOf(text: string, element: string): string[] {
  const body = new RegExp(`<${element}\\b[^>]*>([\\s\\S]*?)</${element}>`).exec(text)?.[1] ?? '';
  return body.match(/<(\w+)\b[^>]*\/>|<(\w+)\b[^>]*>[\s\S]*?<\/\2>/g) ?? [];
}

/** Existing styles keep their indexes: each list's original entries come first, unchanged. */
function stylesKept(input: Parts, output: Parts, lists: readonly string[]): string[] {
  if (output['xl/styles.xml'] === undefined) return ['xl/styles.xml: missing from the result'];
  const before = textOf(input, 'xl/styles.xml');
  const after = textOf(output, 'xl/styles.xml');
  const problems: string[] = [];
  for (const list of lists) {
    const was = childrenOf(before, list);
    const now = childrenOf(after, list);
    if (was.length === 0) problems.push(`xl/styles.xml: the input has no <${list}> entries (the fixture lacks them)`);
    was.forEach((entry, i) => {
      if (now[i] !== entry) problems.push(`xl/styles.xml <${list}> entry ${i} was ${entry}, now ${now[i] ?? 'missing'}`);
    });
  }
  return problems;
}

/** A feature's evidence in the input: the fixture really holds it (so the test can fail). */
function holds(parts: Parts, part: string, evidence: RegExp): string[] {
  return parts[part] !== undefined && evidence.test(textOf(parts, part)) ? [] : [`the fixture's ${part} lacks ${evidence}`];
}

const sheet = (name: string) => (parts: Parts) => sheetPart(parts, name);
const table = (name: string) => (parts: Parts) => tablePart(parts, name);
const withRels = (parts: Parts, part: string): string[] => [part, ...(parts[relsPathOf(part)] ? [relsPathOf(part)] : [])];

interface Feature {
  feature: string;
  /** As the issue found it with exceljs: lost, altered, or intact. */
  was: 'lost' | 'altered' | 'intact';
  /** Problems with it in the result (and with the fixture, when it lacks the feature). */
  problems: (runs: Runs) => string[];
}

/** The evidence in the input, then the named parts byte-identical and the named elements unchanged. */
function kept(
  evidence: [(parts: Parts) => string, RegExp][],
  parts: ((parts: Parts) => string[])[],
  elements: [string, RegExp][] = [],
): (runs: Runs) => string[] {
  return ({ input, output }) => [
    ...evidence.flatMap(([part, pattern]) => holds(input, part(input), pattern)),
    ...changedParts(input, output, [...new Set(parts.flatMap((names) => names(input)))]),
    ...elements.flatMap(([part, pattern]) => changedElements(input, output, part, pattern)),
  ];
}

const sheetAndRels = (name: string) => (parts: Parts) => withRels(parts, sheetPart(parts, name));
const from = (name: string, filter: RegExp = /./) => (parts: Parts) => reachable(parts, sheetPart(parts, name)).filter((p) => filter.test(p));
const tableAndRels = (name: string) => (parts: Parts) => withRels(parts, tablePart(parts, name));
const fixed = (...names: string[]) => () => names;
const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const TYPES = '[Content_Types].xml';
const relOfType = (type: string): [string, RegExp] => [WORKBOOK_RELS, new RegExp(`<Relationship [^>]*Type="[^"]*/${type}"[^>]*/>`)];
const definedName = (name: string): [string, RegExp] => [WORKBOOK, new RegExp(`<definedName name="${name.replace(/\./g, '\\.')}"[^>]*>[^<]*</definedName>`)];
const sheetElement = (name: string): [string, RegExp] => [WORKBOOK, new RegExp(`<sheet name="${name}"[^>]*/>`)];
const override = (part: string): [string, RegExp] => [TYPES, new RegExp(`<Override PartName="/${part.replace(/\./g, '\\.')}"[^>]*/>`)];

const INPUT_TABLES = ['Settings', 'Funds', 'Awards', 'Scenarios', 'Envelopes'];

const FEATURES: Feature[] = [
  // What exceljs lost.
  { feature: 'an embedded chart', was: 'lost', problems: kept([[sheet('Dashboard'), /<drawing r:id=/]], [sheetAndRels('Dashboard'), from('Dashboard', /drawings|charts/)], [override('xl/charts/chart1.xml')]) },
  { feature: 'a chart sheet', was: 'lost', problems: kept([[sheet('Income chart'), /<chartsheet/]], [from('Income chart')], [sheetElement('Income chart'), relOfType('chartsheet')]) },
  { feature: 'sparklines', was: 'lost', problems: kept([[sheet('Dashboard'), /<x14:sparklineGroups/]], [sheetAndRels('Dashboard')]) },
  { feature: 'a pivot table and its cache', was: 'lost', problems: kept([[sheet('Pivot'), /./]], [from('Pivot'), fixed('xl/pivotCache/pivotCacheDefinition1.xml', 'xl/pivotCache/pivotCacheRecords1.xml', 'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels')], [[WORKBOOK, /<pivotCaches>[\s\S]*?<\/pivotCaches>/], relOfType('pivotCacheDefinition'), override('xl/pivotTables/pivotTable1.xml')]) },
  { feature: 'a link to another workbook', was: 'lost', problems: kept([[sheet('Dashboard'), /\[1\]Budget!\$B\$2/]], [fixed('xl/externalLinks/externalLink1.xml', 'xl/externalLinks/_rels/externalLink1.xml.rels'), sheetAndRels('Dashboard')], [[WORKBOOK, /<externalReferences>[\s\S]*?<\/externalReferences>/], relOfType('externalLink')]) },
  { feature: 'a Power Query connection and query table', was: 'lost', problems: kept([[table('GrantsRegister'), /tableType="queryTable"/]], [fixed('xl/connections.xml', 'xl/queryTables/queryTable1.xml'), tableAndRels('GrantsRegister'), sheetAndRels('Query')], [relOfType('connections'), override('xl/connections.xml'), override('xl/queryTables/queryTable1.xml')]) },
  { feature: 'threaded comments and their people', was: 'lost', problems: kept([[() => 'xl/threadedComments/threadedComment1.xml', /parentId=/]], [fixed('xl/threadedComments/threadedComment1.xml', 'xl/persons/person.xml'), sheetAndRels('Dashboard')], [relOfType('person'), override('xl/persons/person.xml')]) },
  { feature: 'a constant defined name (VAT = 0.2) and the formula using it', was: 'lost', problems: kept([[sheet('Dashboard'), /B9\*\(1\+VAT\)/]], [sheetAndRels('Dashboard')], [definedName('VAT')]) },
  { feature: 'formula and sheet-scoped defined names', was: 'lost', problems: kept([[() => WORKBOOK, /localSheetId="\d+">50000</]], [sheetAndRels('Dashboard')], [definedName('TotalIncome'), definedName('Threshold')]) },
  {
    feature: 'workbook structure protection (refused, exit 2, nothing written)',
    was: 'lost',
    problems: ({ lockedRun, lockedOut }) => [
      ...(lockedRun.status === 2 ? [] : [`exit ${lockedRun.status}, not 2: ${lockedRun.stderr}`]),
      ...(/protect/i.test(lockedRun.stderr) && lockedRun.stderr.includes('features-locked.xlsx') ? [] : [`the message does not name the file and the protection: ${lockedRun.stderr}`]),
      ...(/\n\s+at /.test(lockedRun.stderr) ? ['a stack trace was printed'] : []),
      ...(lockedOut ? ['locked-result.xlsx was written'] : []),
    ],
  },
  { feature: 'custom document properties with an MSIP sensitivity label', was: 'lost', problems: kept([[() => 'docProps/custom.xml', /OFFICIAL-SENSITIVE/]], [fixed('docProps/custom.xml', '_rels/.rels')], [override('docProps/custom.xml')]) },
  { feature: 'internal hyperlinks', was: 'lost', problems: kept([[sheet('Dashboard'), /<hyperlink [^>]*location="'Awards'!A1"/]], [sheetAndRels('Dashboard')]) },
  { feature: 'page breaks', was: 'lost', problems: kept([[sheet('Dashboard'), /<rowBreaks[\s\S]*<colBreaks/]], [sheetAndRels('Dashboard')]) },
  { feature: 'a named cell style', was: 'lost', problems: (r) => [...holds(r.input, 'xl/styles.xml', /<cellStyle name="Finance input"/), ...stylesKept(r.input, r.output, ['cellStyleXfs', 'cellStyles', 'cellXfs']), ...changedParts(r.input, r.output, [sheetPart(r.input, 'Dashboard')])] },
  { feature: 'hidden rows', was: 'lost', problems: kept([[sheet('Dashboard'), /<row [^>]*hidden="1"/], [sheet('Register'), /<row [^>]*hidden="1"/]], [sheetAndRels('Dashboard'), sheetAndRels('Register')]) },
  // What exceljs altered.
  { feature: 'the filter buttons of every input table', was: 'altered', problems: kept(INPUT_TABLES.map((name) => [table(name), /<autoFilter ref=/] as [(parts: Parts) => string, RegExp]), INPUT_TABLES.map(tableAndRels)) },
  { feature: 'an active table filter and sort, rows still hidden', was: 'altered', problems: kept([[table('Register'), /<filterColumn[\s\S]*<sortState/]], [tableAndRels('Register'), sheetAndRels('Register')], [definedName('_xlnm._FilterDatabase')]) },
  { feature: 'a calculated column', was: 'altered', problems: kept([[table('Funds'), /<calculatedColumnFormula>/]], [tableAndRels('Funds'), sheetAndRels('Funds')]) },
  { feature: 'a table without a header row', was: 'altered', problems: kept([[table('Purposes'), /headerRowCount="0"/]], [tableAndRels('Purposes'), sheetAndRels('Lookup')]) },
  { feature: 'a sheet password', was: 'altered', problems: kept([[sheet('Register'), /<sheetProtection [^>]*password=/]], [sheetAndRels('Register')]) },
  { feature: 'conditional formats (with a 2010 data bar) and their formats', was: 'altered', problems: (r) => [...kept([[sheet('Awards'), /<conditionalFormatting[\s\S]*x14:dataBar/]], [sheetAndRels('Awards')])(r), ...stylesKept(r.input, r.output, ['dxfs'])] },
  { feature: 'data validations', was: 'altered', problems: kept([[sheet('Awards'), /<dataValidations count="2"/]], [sheetAndRels('Awards')]) },
  { feature: 'a dynamic-array formula', was: 'altered', problems: kept([[sheet('Dashboard'), /cm="1"/]], [sheetAndRels('Dashboard'), fixed('xl/metadata.xml')], [relOfType('sheetMetadata'), override('xl/metadata.xml')]) },
  { feature: 'notes with their author', was: 'altered', problems: kept([[() => 'xl/comments1.xml', /<author>Priya Shah \(Finance\)<\/author>/]], [from('Dashboard', /comments|vml/), sheetAndRels('Dashboard')]) },
  // What exceljs kept.
  { feature: 'an image', was: 'intact', problems: kept([[() => 'xl/media/image1.png', /PNG/]], [from('Dashboard', /media|drawing/)], [[TYPES, /<Default Extension="png"[^>]*\/>/]]) },
  { feature: 'merged cells', was: 'intact', problems: kept([[sheet('Dashboard'), /<mergeCell ref="A1:F1"/]], [sheetAndRels('Dashboard')]) },
  { feature: 'freeze panes', was: 'intact', problems: kept([[sheet('Awards'), /state="frozen"/], [sheet('Dashboard'), /state="frozen"/]], [sheetAndRels('Awards'), sheetAndRels('Dashboard')]) },
  { feature: 'column widths', was: 'intact', problems: kept([[sheet('Dashboard'), /<col [^>]*width=/]], [sheetAndRels('Dashboard')]) },
  { feature: 'rich text in shared strings', was: 'intact', problems: kept([[() => 'xl/sharedStrings.xml', /<r><rPr>/]], [fixed('xl/sharedStrings.xml')]) },
  { feature: 'number formats', was: 'intact', problems: (r) => [...holds(r.input, 'xl/styles.xml', /formatCode="£/), ...stylesKept(r.input, r.output, ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs'])] },
  { feature: 'the theme', was: 'intact', problems: kept([[() => 'xl/theme/theme1.xml', /<a:theme/]], [fixed('xl/theme/theme1.xml')], [relOfType('theme')]) },
  { feature: 'a hidden sheet', was: 'intact', problems: kept([[() => WORKBOOK, /<sheet name="Lookup"[^>]*state="hidden"/]], [sheetAndRels('Lookup')], [sheetElement('Lookup')]) },
  { feature: 'grouped (outline) rows', was: 'intact', problems: kept([[sheet('Dashboard'), /outlineLevel="1"/]], [sheetAndRels('Dashboard')]) },
  { feature: 'a tab colour', was: 'intact', problems: kept([[sheet('Dashboard'), /<tabColor /]], [sheetAndRels('Dashboard')]) },
  { feature: 'a print area and print titles', was: 'intact', problems: kept([[() => WORKBOOK, /_xlnm\.Print_Area/]], [], [definedName('_xlnm.Print_Area'), definedName('_xlnm.Print_Titles')]) },
  {
    feature: 'macros in an .xlsm, written to .xlsm',
    was: 'intact',
    problems: ({ xlsmInput, xlsmOutput, xlsmRun }) => [
      ...(xlsmRun.status === 0 ? [] : [`awards run features.xlsm exited ${xlsmRun.status}: ${xlsmRun.stderr}`]),
      ...changedParts(xlsmInput, xlsmOutput, ['xl/vbaProject.bin']),
      ...(xlsmOutput[TYPES] !== undefined && /sheet\.macroEnabled\.main\+xml/.test(textOf(xlsmOutput, TYPES)) ? [] : ['the result is not a macro-enabled workbook (content type of xl/workbook.xml)']),
      ...(xlsmInput[TYPES] === undefined ? [] : changedElements(xlsmInput, xlsmOutput, TYPES, /<Default Extension="bin"[^>]*\/>/)),
      ...(xlsmInput[WORKBOOK_RELS] === undefined ? [] : changedElements(xlsmInput, xlsmOutput, WORKBOOK_RELS, /<Relationship [^>]*Type="[^"]*\/vbaProject"[^>]*\/>/)),
    ],
  },
  { feature: 'page setup, header and footer of the user\'s sheets', was: 'intact', problems: kept([[sheet('Dashboard'), /<pageSetup [^>]*orientation="landscape"[\s\S]*<headerFooter>/]], [sheetAndRels('Dashboard')]) },
  { feature: 'core and application document properties', was: 'intact', problems: kept([[() => 'docProps/core.xml', /Grant awards model 2021\/22/]], [fixed('docProps/core.xml', 'docProps/app.xml', '_rels/.rels')]) },
  { feature: 'a custom XML part (the query\'s DataMashup)', was: 'intact', problems: kept([[() => 'customXml/item1.xml', /<DataMashup/]], [fixed('customXml/item1.xml', 'customXml/itemProps1.xml', 'customXml/_rels/item1.xml.rels')], [relOfType('customXml'), override('customXml/itemProps1.xml')]) },
];

describe('awards run on a workbook holding 39 features made by other programs', () => {
  it('lists 39 features: 15 exceljs lost, 9 it altered, 15 it kept', () => {
    expect(FEATURES).toHaveLength(39);
    expect(FEATURES.filter((f) => f.was === 'lost')).toHaveLength(15);
    expect(FEATURES.filter((f) => f.was === 'altered')).toHaveLength(9);
  });

  it('runs and writes the result', () => {
    expect(runs.run.stderr).toBe('');
    expect(runs.run.status).toBe(0);
    expect(Object.keys(runs.output).length).toBeGreaterThan(0);
  });

  it('carries every part it does not own over byte for byte', () => {
    const names = Object.keys(runs.input).filter((name) => !EDITED.has(name));
    expect(changedParts(runs.input, runs.output, names)).toEqual([]);
  });

  it('writes a sound package', () => {
    expect(packageProblems(runs.output)).toEqual([]);
  });

  it.each(FEATURES)('keeps $feature (exceljs: $was)', ({ problems }) => {
    expect(problems(runs)).toEqual([]);
  });
});
