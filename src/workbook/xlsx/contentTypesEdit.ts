/**
 * `[Content_Types].xml` edited by splicing: an `<Override>` added for each part we add
 * (or its type corrected), the overrides of parts we remove dropped, a `rels` default
 * added when the package has none. Everything else stays as written.
 */
import { appendChildren, removeElement, setAttribute } from './splice';
import { XML_DECLARATION } from './worksheetXml';
import { NS_CONTENT_TYPES, applySplices, attr, childrenOf, escapeXml, parseXml, prefixOf, type Splice } from './xml';

export const RELS_TYPE = 'application/vnd.openxmlformats-package.relationships+xml';

/** A content types part with the defaults every package needs. */
export function newContentTypesXml(): string {
  return (
    `${XML_DECLARATION}<Types xmlns="${NS_CONTENT_TYPES}">` +
    `<Default Extension="rels" ContentType="${RELS_TYPE}"/><Default Extension="xml" ContentType="application/xml"/>` +
    '</Types>'
  );
}

/** A part and its content type. */
export interface PartType {
  /** Part name without a leading `/`, e.g. `xl/worksheets/sheet3.xml`. */
  part: string;
  type: string;
}

const key = (part: string): string => part.replace(/^\/+/, '').toLowerCase();

/**
 * The part with overrides for `add` and without those for `remove`. A relationships
 * part in `add` is covered by the `rels` default, added only if the package lacks one.
 */
export function editContentTypes(text: string, add: readonly PartType[], remove: readonly string[] = []): string {
  const root = parseXml(text);
  const p = prefixOf(root);
  const splices: Splice[] = [];
  const removed = new Set(remove.map(key));
  const isRels = (a: PartType): boolean => a.type === RELS_TYPE && key(a.part).endsWith('.rels');
  const wanted = new Map(add.filter((a) => !isRels(a)).map((a) => [key(a.part), a]));
  for (const override of childrenOf(root, 'Override', NS_CONTENT_TYPES)) {
    const part = key(attr(override, 'PartName') ?? '');
    const want = wanted.get(part);
    if (want) {
      splices.push(...setAttribute(text, override, 'ContentType', escapeXml(want.type)));
      wanted.delete(part);
    } else if (removed.has(part)) {
      splices.push(removeElement(text, override));
    }
  }
  const hasRels = childrenOf(root, 'Default', NS_CONTENT_TYPES).some((d) => (attr(d, 'Extension') ?? '').toLowerCase() === 'rels');
  const xml = [
    hasRels || !add.some(isRels) ? '' : `<${p}Default Extension="rels" ContentType="${RELS_TYPE}"/>`,
    ...[...wanted.values()].map((a) => `<${p}Override PartName="/${escapeXml(a.part.replace(/^\/+/, ''))}" ContentType="${escapeXml(a.type)}"/>`),
  ].join('');
  splices.push(...appendChildren(text, root, xml));
  return splices.length === 0 ? text : applySplices(text, splices);
}
