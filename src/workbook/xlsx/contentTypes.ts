/**
 * `[Content_Types].xml`: each part's content type, by an `<Override>` for the part or a
 * `<Default>` for its extension. Part names and extensions are compared ignoring ASCII
 * case, as OPC says.
 */
import { PackageError, type XlsxPackage } from './package';
import { readPart } from './readPart';
import { NS_CONTENT_TYPES, attr, childrenOf } from './xml';

export const CONTENT_TYPES_PART = '[Content_Types].xml';

/** Content types of the parts we read or write. */
export const CONTENT_TYPES = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  workbookMacroEnabled: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  workbookTemplate: 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  workbookTemplateMacroEnabled: 'application/vnd.ms-excel.template.macroEnabled.main+xml',
  workbookBinary: 'application/vnd.ms-excel.sheet.binary.macroEnabled.main',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  calcChain: 'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml',
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
} as const;

/** The package's content types as read. */
export interface ContentTypes {
  /** By extension, lower case, without the dot. */
  defaults: ReadonlyMap<string, string>;
  /** By part name, lower case, without a leading `/`. */
  overrides: ReadonlyMap<string, string>;
}

/**
 * Reads `[Content_Types].xml`.
 *
 * @throws {PackageError} `missing-part` when the package has none, `corrupt` when it is
 *   not well-formed or not a content types part
 */
export function readContentTypes(pkg: XlsxPackage): ContentTypes {
  const root = readPart(pkg, CONTENT_TYPES_PART);
  if (root.local !== 'Types' || root.uri !== NS_CONTENT_TYPES) {
    throw new PackageError('corrupt', 'the content types part does not list content types', CONTENT_TYPES_PART);
  }
  const defaults = new Map<string, string>();
  for (const element of childrenOf(root, 'Default')) {
    const extension = attr(element, 'Extension');
    const type = attr(element, 'ContentType');
    if (extension !== undefined && type !== undefined) defaults.set(extension.replace(/^\./, '').toLowerCase(), type);
  }
  const overrides = new Map<string, string>();
  for (const element of childrenOf(root, 'Override')) {
    const part = attr(element, 'PartName');
    const type = attr(element, 'ContentType');
    if (part !== undefined && type !== undefined) overrides.set(partKey(part), type);
  }
  return { defaults, overrides };
}

/** A part's content type: its override, else its extension's default; undefined for neither. */
export function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  const override = types.overrides.get(partKey(part));
  if (override !== undefined) return override;
  const name = part.slice(part.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : types.defaults.get(name.slice(dot + 1).toLowerCase());
}

function partKey(part: string): string {
  return part.replace(/^\/+/, '').toLowerCase();
}
