/**
 * An independent check of an .xlsx package, for every result the tests write: each XML
 * part well-formed, each relationship target present, content types covering every
 * part, sheet names and ids unique, table ids and names unique. Written apart from the
 * package layer under test (fflate to unzip, saxes to parse — not our reader), so a
 * fault of the reader does not hide a fault of the writer.
 *
 * Also the small helpers the preservation tests use to name parts: a sheet's part by its
 * name, the parts reachable from a part through relationships, a table's part.
 */
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

/** A package's parts by name (no leading `/`), as bytes. */
export type Parts = Record<string, Uint8Array>;

const utf8 = new TextDecoder('utf-8');

/** Unzips a package. */
export function partsOf(data: Uint8Array): Parts {
  return unzipSync(data);
}

/** A part's text (UTF-8; a BOM dropped). */
export function textOf(parts: Parts, name: string): string {
  const bytes = parts[name];
  if (bytes === undefined) throw new Error(`no part ${name}`);
  return utf8.decode(bytes).replace(/^\uFEFF/, '');
}

interface Element {
  uri: string;
  local: string;
  attributes: Record<string, string>;
}

/** Parses XML with namespaces; returns every element in document order, or the syntax error. */
function elements(text: string): { elements: Element[]; error?: string } {
  const found: Element[] = [];
  const parser = new SaxesParser({ xmlns: true });
  let error: string | undefined;
  parser.on('error', (problem) => {
    error ??= problem.message;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) {
      const key = attribute.uri === '' ? attribute.local : `{${attribute.uri}}${attribute.local}`;
      attributes[key] = attribute.value;
    }
    found.push({ uri: tag.uri, local: tag.local, attributes });
  });
  try {
    parser.write(text).close();
  } catch (problem) {
    error ??= problem instanceof Error ? problem.message : String(problem);
  }
  return { elements: found, error };
}

const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const NS_CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const OFFICE_DOCUMENT = `${NS_REL}/officeDocument`;

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The part the target names, resolved (relative or absolute), when internal. */
  part?: string;
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; '' → `_rels/.rels`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The part a relationships part belongs to: `xl/_rels/workbook.xml.rels` → `xl/workbook.xml`. */
function sourceOfRels(rels: string): string {
  const match = /^(.*?)_rels\/([^/]*)\.rels$/.exec(rels);
  return match === null ? '' : `${match[1]}${match[2]}`;
}

function resolve(source: string, target: string): string {
  const decoded = decodeURI(target.split('#')[0]);
  const base = decoded.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return base.join('/');
}

/** The relationships of a part ('' for the package's own), targets resolved. */
export function relsOf(parts: Parts, part: string): Rel[] {
  const path = part === '' ? '_rels/.rels' : relsPathOf(part);
  if (parts[path] === undefined) return [];
  return elements(textOf(parts, path))
    .elements.filter((element) => element.uri === NS_PKG_REL && element.local === 'Relationship')
    .map((element) => {
      const external = element.attributes.TargetMode === 'External';
      const target = element.attributes.Target ?? '';
      return {
        id: element.attributes.Id ?? '',
        type: element.attributes.Type ?? '',
        target,
        external,
        ...(external ? {} : { part: resolve(part, target) }),
      };
    });
}

/** Finds a part by name as OPC compares them: ignoring ASCII case. */
function findPart(parts: Parts, name: string): string | undefined {
  if (parts[name] !== undefined) return name;
  const lower = name.toLowerCase();
  return Object.keys(parts).find((candidate) => candidate.toLowerCase() === lower);
}

export interface BookSheet {
  name: string;
  sheetId: number;
  state: string;
  part?: string;
}

export interface BookTable {
  name: string;
  id: number;
  part: string;
  sheetPart: string;
}

export interface BookSummary {
  workbookPart: string;
  sheets: BookSheet[];
  tables: BookTable[];
  names: { name: string; localSheetId?: number }[];
}

/** The workbook part, its sheets (with their parts), its tables and its defined names. */
export function bookOf(parts: Parts): BookSummary {
  const root = relsOf(parts, '').find((rel) => rel.type === OFFICE_DOCUMENT || rel.type.endsWith('/officeDocument'));
  const workbookPart = root?.part ?? 'xl/workbook.xml';
  const workbookRels = new Map(relsOf(parts, workbookPart).map((rel) => [rel.id, rel]));
  const workbook = elements(textOf(parts, workbookPart)).elements;
  const sheets = workbook
    .filter((element) => element.uri === NS_MAIN && element.local === 'sheet')
    .map((element) => {
      const rel = workbookRels.get(element.attributes[`{${NS_REL}}id`] ?? '');
      return {
        name: element.attributes.name ?? '',
        sheetId: Number(element.attributes.sheetId),
        state: element.attributes.state ?? 'visible',
        ...(rel?.part === undefined ? {} : { part: findPart(parts, rel.part) ?? rel.part }),
      };
    });
  const names = workbook
    .filter((element) => element.uri === NS_MAIN && element.local === 'definedName')
    .map((element) => ({
      name: element.attributes.name ?? '',
      ...(element.attributes.localSheetId === undefined ? {} : { localSheetId: Number(element.attributes.localSheetId) }),
    }));
  const tables: BookTable[] = [];
  for (const sheet of sheets) {
    if (sheet.part === undefined || parts[sheet.part] === undefined) continue;
    for (const rel of relsOf(parts, sheet.part)) {
      if (!rel.type.endsWith('/table') || rel.part === undefined) continue;
      const part = findPart(parts, rel.part);
      if (part === undefined) continue;
      const table = elements(textOf(parts, part)).elements.find((element) => element.local === 'table');
      tables.push({
        name: table?.attributes.displayName ?? table?.attributes.name ?? '',
        id: Number(table?.attributes.id),
        part,
        sheetPart: sheet.part,
      });
    }
  }
  return { workbookPart, sheets, tables, names };
}

/** A sheet's part, by the sheet's name. */
export function sheetPart(parts: Parts, sheet: string): string {
  const found = bookOf(parts).sheets.find((candidate) => candidate.name === sheet);
  if (found?.part === undefined) throw new Error(`no sheet '${sheet}' in the package`);
  return found.part;
}

/** A table's part, by the table's name. */
export function tablePart(parts: Parts, table: string): string {
  const found = bookOf(parts).tables.find((candidate) => candidate.name === table);
  if (found === undefined) throw new Error(`no table '${table}' in the package`);
  return found.part;
}

/**
 * A part and every part reachable from it through relationships (drawings, charts,
 * images, comments, pivot tables and caches…), with the relationships parts on the
 * way. Stops at the workbook part and at worksheets other than the start.
 */
export function reachable(parts: Parts, start: string): string[] {
  const seen = new Set<string>();
  const queue = [start];
  const workbookPart = bookOf(parts).workbookPart;
  while (queue.length > 0) {
    const part = queue.shift() as string;
    if (seen.has(part)) continue;
    seen.add(part);
    const rels = relsPathOf(part);
    if (parts[rels] !== undefined) seen.add(rels);
    for (const rel of relsOf(parts, part)) {
      if (rel.part === undefined) continue;
      const target = findPart(parts, rel.part);
      if (target === undefined || target === workbookPart) continue;
      if (/\/worksheets\/|\/chartsheets\//.test(target) && target !== start) continue;
      queue.push(target);
    }
  }
  return [...seen].sort();
}

function isXml(name: string): boolean {
  return /\.(xml|rels|vml)$/i.test(name);
}

/**
 * Every problem the package has, as sentences naming the part; none for a sound one.
 * Checks: each XML part well-formed; `[Content_Types].xml` gives every part a type and
 * names no missing part; each relationships part belongs to a part that exists, with
 * unique ids and every internal target present; the workbook's sheet names (ignoring
 * case) and sheet ids unique, each sheet's part present; table ids and names unique;
 * each sheet-scoped defined name's `localSheetId` within the sheets.
 */
export function packageProblems(parts: Parts): string[] {
  const problems: string[] = [];
  for (const name of Object.keys(parts)) {
    if (!isXml(name)) continue;
    const { error } = elements(textOf(parts, name));
    if (error !== undefined) problems.push(`${name} is not well-formed XML: ${error}`);
  }

  if (parts['[Content_Types].xml'] === undefined) {
    problems.push('[Content_Types].xml is missing');
  } else {
    const types = elements(textOf(parts, '[Content_Types].xml')).elements.filter((element) => element.uri === NS_CONTENT_TYPES);
    const defaults = new Set(types.filter((t) => t.local === 'Default').map((t) => (t.attributes.Extension ?? '').toLowerCase()));
    const overrides = types.filter((t) => t.local === 'Override').map((t) => (t.attributes.PartName ?? '').replace(/^\//, ''));
    const overridden = new Set(overrides.map((name) => name.toLowerCase()));
    for (const name of Object.keys(parts)) {
      if (name === '[Content_Types].xml' || name.endsWith('/')) continue;
      const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
      if (!overridden.has(name.toLowerCase()) && !defaults.has(extension)) problems.push(`${name} has no content type`);
    }
    for (const name of overrides) {
      if (findPart(parts, name) === undefined) problems.push(`[Content_Types].xml names ${name}, which is not in the package`);
    }
  }

  for (const name of Object.keys(parts)) {
    if (!name.endsWith('.rels')) continue;
    const source = sourceOfRels(name);
    if (source !== '' && findPart(parts, source) === undefined) problems.push(`${name} belongs to ${source}, which is not in the package`);
    const rels = relsOf(parts, source);
    const ids = new Set<string>();
    for (const rel of rels) {
      if (ids.has(rel.id)) problems.push(`${name} has relationship id ${rel.id} twice`);
      ids.add(rel.id);
      if (rel.part !== undefined && findPart(parts, rel.part) === undefined) {
        problems.push(`${name}: ${rel.id} points at ${rel.part}, which is not in the package`);
      }
    }
  }

  let book: BookSummary;
  try {
    book = bookOf(parts);
  } catch (error) {
    problems.push(`the workbook cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    return problems;
  }
  const duplicates = <T>(values: T[]): T[] => values.filter((value, i) => values.indexOf(value) !== i);
  for (const name of duplicates(book.sheets.map((sheet) => sheet.name.toUpperCase()))) problems.push(`two sheets are named ${name}`);
  for (const id of duplicates(book.sheets.map((sheet) => sheet.sheetId))) problems.push(`two sheets have sheetId ${id}`);
  for (const sheet of book.sheets) {
    if (sheet.part === undefined || parts[sheet.part] === undefined) problems.push(`sheet '${sheet.name}' has no part`);
  }
  for (const id of duplicates(book.tables.map((table) => table.id))) problems.push(`two tables have id ${id}`);
  for (const name of duplicates(book.tables.map((table) => table.name.toUpperCase()))) problems.push(`two tables are named ${name}`);
  for (const name of book.names) {
    if (name.localSheetId !== undefined && (name.localSheetId < 0 || name.localSheetId >= book.sheets.length)) {
      problems.push(`defined name ${name.name} has localSheetId ${name.localSheetId}, past the ${book.sheets.length} sheets`);
    }
  }
  return problems;
}

/** Where two byte strings first differ, shown as text around it, for a failure message. */
export function firstDifference(before: Uint8Array, after: Uint8Array): string {
  let at = 0;
  while (at < before.length && at < after.length && before[at] === after[at]) at++;
  const show = (bytes: Uint8Array): string => JSON.stringify(utf8.decode(bytes.subarray(Math.max(0, at - 40), at + 60)));
  return `first difference at byte ${at} of ${before.length} → ${after.length}: input ${show(before)}, result ${show(after)}`;
}

/** Whether two byte strings are equal. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
