/**
 * Reads what a package says about its workbook — sheets, tables, defined names, the date
 * system, protection — into a `Book`, without reading a cell. The workbook part is found
 * as OPC says, through the package's `officeDocument` relationship; every part is matched
 * by namespace URI and local name, so any prefix (`x:sheet`) reads the same.
 *
 * What is not a Transitional SpreadsheetML package is refused, saying what it is:
 * OpenDocument (.ods), the binary workbook (.xlsb), Strict OOXML; and so is a package
 * whose workbook, sheet or table parts are missing or not well-formed, or whose tables
 * share a name.
 */
import type { Book, BookName, BookSheet, BookTable, Relationship, SheetState } from './book';
import { CONTENT_TYPES, contentTypeOf, readContentTypes, type ContentTypes } from './contentTypes';
import { packageReadError } from '../errors';
import { PackageError, XlsxPackage } from './package';
import { readPart, xmlTrue } from './readPart';
import { REL_OFFICE_DOCUMENT_STRICT, REL_TYPES, readRelationships, relationshipOfType, relsPathOf } from './relationships';
import { NS_MAIN, NS_MAIN_STRICT, NS_REL, attr, childOf, childrenOf, type XmlElement } from './xml';

/** Strict OOXML's office document relationships namespace (its `r:id`). */
const NS_REL_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

/**
 * The package's workbook.
 *
 * @throws {PackageError} `ods`, `xlsb`, `strict` for those formats; `missing-part` or
 *   `corrupt` naming the part; `duplicate-table` naming the table and its sheets
 */
export function readBook(pkg: XlsxPackage): Book {
  refuseOpenDocument(pkg);
  const types = readContentTypes(pkg);
  const workbookPart = findWorkbookPart(pkg, types);
  const root = readPart(pkg, workbookPart);
  if (root.uri === NS_MAIN_STRICT) throw strictError(workbookPart);
  if (root.local !== 'workbook' || root.uri !== NS_MAIN) {
    throw new PackageError('corrupt', 'the workbook part does not hold a SpreadsheetML workbook', workbookPart);
  }
  const workbookRels = readRelationships(pkg, workbookPart);
  const sheets = readSheets(pkg, root, workbookPart, workbookRels);
  const tables = sheets.flatMap((sheet) => readSheetTables(pkg, sheet));
  refuseDuplicateTables(tables);
  const workbookType = contentTypeOf(types, workbookPart);
  return {
    workbookPart,
    workbookRels,
    sheets,
    tables,
    names: readNames(root),
    date1904: xmlTrue(attrOf(childOf(root, 'workbookPr'), 'date1904')),
    structureLocked: xmlTrue(attrOf(childOf(root, 'workbookProtection'), 'lockStructure')),
    macroEnabled:
      workbookType === CONTENT_TYPES.workbookMacroEnabled || workbookType === CONTENT_TYPES.workbookTemplateMacroEnabled,
    stylesPart: existingPart(pkg, relationshipOfType(workbookRels, REL_TYPES.styles)),
    sharedStringsPart: existingPart(pkg, relationshipOfType(workbookRels, REL_TYPES.sharedStrings)),
  };
}

/**
 * Opens a file's bytes as a package and reads its workbook; `file` names it in errors.
 *
 * @throws {WorkbookReadError} one message naming the file (and part, sheet or table)
 *   for whatever `XlsxPackage.read` or `readBook` refuse
 */
export function openBook(data: Uint8Array, file: string): { pkg: XlsxPackage; book: Book } {
  try {
    const pkg = XlsxPackage.read(data);
    return { pkg, book: readBook(pkg) };
  } catch (error) {
    if (error instanceof PackageError) throw packageReadError(file, error);
    throw error;
  }
}

// ------------------------------------------------------------------------------------
// What the package is

/** An OpenDocument spreadsheet is a zip too: its first part, `mimetype`, says so. */
function refuseOpenDocument(pkg: XlsxPackage): void {
  if (pkg.has('[Content_Types].xml')) return;
  const mimetype = pkg.bytes('mimetype');
  const text = mimetype === undefined ? '' : new TextDecoder().decode(mimetype.subarray(0, 100));
  if (text.startsWith('application/vnd.oasis.opendocument') || pkg.has('META-INF/manifest.xml')) {
    throw new PackageError('ods', 'it is an OpenDocument spreadsheet (.ods)');
  }
}

function strictError(part?: string): PackageError {
  return new PackageError('strict', 'it is saved as a Strict Open XML Spreadsheet', part);
}

/** The workbook part, through `_rels/.rels`; a binary (.xlsb) or Strict workbook refused. */
function findWorkbookPart(pkg: XlsxPackage, types: ContentTypes): string {
  const rels = readRelationships(pkg, '');
  if (rels.length === 0 && !pkg.has(relsPathOf(''))) {
    if (pkg.has('xl/workbook.bin')) throw binaryError();
    throw new PackageError('missing-part', 'the package has no relationships part', relsPathOf(''));
  }
  const strict = relationshipOfType(rels, REL_OFFICE_DOCUMENT_STRICT);
  const main = relationshipOfType(rels, REL_TYPES.officeDocument);
  if (!main && strict) throw strictError();
  if (!main || main.part === undefined) {
    if (pkg.has('xl/workbook.bin')) throw binaryError();
    throw new PackageError('corrupt', 'the package does not say which part is its workbook', relsPathOf(''));
  }
  const part = main.part;
  if (contentTypeOf(types, part) === CONTENT_TYPES.workbookBinary || /\.bin$/i.test(part)) throw binaryError();
  if (!pkg.has(part)) throw new PackageError('missing-part', 'the workbook part is missing', part);
  return pkg.nameOf(part) ?? part;
}

function binaryError(): PackageError {
  return new PackageError('xlsb', 'it is an Excel Binary Workbook (.xlsb)');
}

// ------------------------------------------------------------------------------------
// Sheets

const SHEET_KINDS: ReadonlyArray<[string, BookSheet['kind']]> = [
  [REL_TYPES.worksheet, 'worksheet'],
  [REL_TYPES.chartsheet, 'chartsheet'],
  [REL_TYPES.dialogsheet, 'dialogsheet'],
  [REL_TYPES.macrosheet, 'macrosheet'],
  [REL_TYPES.intlMacrosheet, 'macrosheet'],
];

function readSheets(pkg: XlsxPackage, root: XmlElement, workbookPart: string, rels: readonly Relationship[]): BookSheet[] {
  const list = childOf(root, 'sheets');
  const elements = list ? childrenOf(list, 'sheet') : [];
  if (elements.length === 0) throw new PackageError('corrupt', 'the workbook lists no sheets', workbookPart);
  return elements.map((element, index) => {
    const name = attr(element, 'name') ?? '';
    const relId = attr(element, 'id', NS_REL) ?? attr(element, 'id', NS_REL_STRICT) ?? '';
    const rel = rels.find((r) => r.id === relId);
    if (!rel || rel.part === undefined) {
      throw new PackageError('corrupt', `sheet '${name}' points at no part (relationship '${relId}')`, relsPathOf(workbookPart));
    }
    if (!pkg.has(rel.part)) throw new PackageError('missing-part', `the part of sheet '${name}' is missing`, rel.part);
    const kind = SHEET_KINDS.find(([type]) => type === rel.type)?.[1] ?? 'other';
    return {
      name,
      sheetId: Number(attr(element, 'sheetId') ?? NaN),
      relId,
      part: pkg.nameOf(rel.part) ?? rel.part,
      kind,
      state: sheetState(attr(element, 'state')),
      index,
    };
  });
}

function sheetState(value: string | undefined): SheetState {
  return value === 'hidden' || value === 'veryHidden' ? value : 'visible';
}

// ------------------------------------------------------------------------------------
// Tables

function readSheetTables(pkg: XlsxPackage, sheet: BookSheet): BookTable[] {
  if (sheet.kind !== 'worksheet' || sheet.part === undefined) return [];
  const sheetPart = sheet.part;
  return readRelationships(pkg, sheetPart)
    .filter((rel) => rel.type === REL_TYPES.table && rel.part !== undefined)
    .map((rel) => readTable(pkg, pkg.nameOf(rel.part ?? '') ?? rel.part ?? '', sheetPart, sheet.name));
}

function readTable(pkg: XlsxPackage, part: string, sheetPart: string, sheet: string): BookTable {
  if (!pkg.has(part)) throw new PackageError('missing-part', `a table part of sheet '${sheet}' is missing`, part);
  const root = readPart(pkg, part);
  if (root.local !== 'table' || root.uri !== NS_MAIN) {
    throw new PackageError('corrupt', `a table part of sheet '${sheet}' does not hold a table`, part);
  }
  const name = attr(root, 'displayName') ?? attr(root, 'name');
  const ref = attr(root, 'ref');
  if (name === undefined || ref === undefined) {
    throw new PackageError('corrupt', `a table on sheet '${sheet}' has no name or no range`, part);
  }
  const list = childOf(root, 'tableColumns');
  return {
    name,
    id: Number(attr(root, 'id') ?? NaN),
    part,
    sheetPart,
    sheet,
    ref,
    headerRowCount: count(attr(root, 'headerRowCount'), 1),
    totalsRowCount: count(attr(root, 'totalsRowCount'), 0),
    columns: list ? childrenOf(list, 'tableColumn').map((c) => attr(c, 'name') ?? '') : [],
  };
}

function count(value: string | undefined, fallback: number): number {
  const n = value === undefined ? NaN : Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

function refuseDuplicateTables(tables: readonly BookTable[]): void {
  const seen = new Map<string, BookTable>();
  for (const table of tables) {
    const key = table.name.toLowerCase();
    const first = seen.get(key);
    if (first) {
      const where = first.sheet === table.sheet ? `sheet '${table.sheet}'` : `sheets '${first.sheet}' and '${table.sheet}'`;
      throw new PackageError('duplicate-table', `two tables are named '${table.name}' (on ${where})`, table.part);
    }
    seen.set(key, table);
  }
}

// ------------------------------------------------------------------------------------
// Defined names

function readNames(root: XmlElement): BookName[] {
  const list = childOf(root, 'definedNames');
  if (!list) return [];
  return childrenOf(list, 'definedName').map((element) => {
    const local = attr(element, 'localSheetId');
    const name: BookName = { name: attr(element, 'name') ?? '', text: element.text };
    if (local !== undefined && /^\d+$/.test(local)) name.localSheetId = Number(local);
    return name;
  });
}

// ------------------------------------------------------------------------------------

function attrOf(element: XmlElement | undefined, local: string): string | undefined {
  return element ? attr(element, local) : undefined;
}

function existingPart(pkg: XlsxPackage, rel: Relationship | undefined): string | undefined {
  if (rel?.part === undefined || !pkg.has(rel.part)) return undefined;
  return pkg.nameOf(rel.part) ?? rel.part;
}
