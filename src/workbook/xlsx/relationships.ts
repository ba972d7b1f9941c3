/**
 * Relationships parts (`.rels`): which parts a part refers to, and by which id. Targets
 * are resolved to part names as OPC says: relative to the folder of the source part, or
 * absolute from the package root (openpyxl writes `/xl/worksheets/sheet1.xml`).
 */
import type { Relationship } from './book';
import { PackageError, type XlsxPackage } from './package';
import { readPart } from './readPart';
import { NS_PKG_REL, attr, childrenOf } from './xml';

/** Relationship type URIs (Transitional), by what they point at. */
export const REL_TYPES = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  chartsheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet',
  dialogsheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/dialogsheet',
  macrosheet: 'http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet',
  intlMacrosheet: 'http://schemas.microsoft.com/office/2006/relationships/xlIntlMacrosheet',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
} as const;

/** Strict OOXML's officeDocument relationship type: a Strict package, which we refuse. */
export const REL_OFFICE_DOCUMENT_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument';

/**
 * The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`;
 * the package itself (`''` or `/`) → `_rels/.rels`.
 */
export function relsPathOf(part: string): string {
  const name = part.replace(/^\/+/, '');
  const slash = name.lastIndexOf('/');
  return `${name.slice(0, slash + 1)}_rels/${name.slice(slash + 1)}.rels`;
}

/**
 * A relationship's target as a part name (no leading `/`): absolute targets from the
 * package root, relative ones from the source part's folder, `.` and `..` resolved,
 * percent-escapes decoded, any `#fragment` dropped. `source` is `''` for the package.
 *
 * @example resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml') // 'xl/worksheets/sheet1.xml'
 * @example resolveTarget('xl/worksheets/sheet1.xml', '../tables/table1.xml') // 'xl/tables/table1.xml'
 * @example resolveTarget('xl/workbook.xml', '/xl/styles.xml') // 'xl/styles.xml'
 */
export function resolveTarget(source: string, target: string): string {
  const hash = target.indexOf('#');
  const path = decodePercent(hash >= 0 ? target.slice(0, hash) : target).replace(/\\/g, '/');
  const base = source.replace(/^\/+/, '');
  const segments = path.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

function decodePercent(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The relationships of a part (`''` for the package's own), in document order; none
 * when the part has no relationships part.
 *
 * @throws {PackageError} `corrupt` when the relationships part is not well-formed XML
 *   or is not a relationships part
 */
export function readRelationships(pkg: XlsxPackage, source: string): Relationship[] {
  const relsPath = relsPathOf(source);
  if (!pkg.has(relsPath)) return [];
  const root = readPart(pkg, relsPath);
  if (root.local !== 'Relationships' || root.uri !== NS_PKG_REL) {
    throw new PackageError('corrupt', 'a relationships part does not hold relationships', relsPath);
  }
  return childrenOf(root, 'Relationship').map((element) => {
    const id = attr(element, 'Id') ?? '';
    const type = attr(element, 'Type') ?? '';
    const target = attr(element, 'Target') ?? '';
    const external = attr(element, 'TargetMode') === 'External';
    return external ? { id, type, target, external } : { id, type, target, external, part: resolveTarget(source, target) };
  });
}

/** The first relationship of one of these types (first in the list wins). */
export function relationshipOfType(rels: readonly Relationship[], ...types: string[]): Relationship | undefined {
  for (const type of types) {
    const found = rels.find((r) => r.type === type);
    if (found) return found;
  }
  return undefined;
}
