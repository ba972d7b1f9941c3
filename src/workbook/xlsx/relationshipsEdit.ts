/**
 * A relationships part (`.rels`) edited by splicing: relationships appended before the
 * end tag with ids that clash with none there, others dropped by id. The rest of the
 * part — ids, order, the writer's spacing — is left as it was.
 */
import { appendChildren, removeElement } from './splice';
import { XML_DECLARATION } from './worksheetXml';
import { NS_PKG_REL, applySplices, attr, childrenOf, escapeXml, parseXml, prefixOf, type Splice } from './xml';

/** A relationship to add: `target` as it is to be written (relative to the source part's folder). */
export interface NewRelationship {
  id: string;
  type: string;
  target: string;
}

/** An empty relationships part. */
export function newRelationshipsXml(): string {
  return `${XML_DECLARATION}<Relationships xmlns="${NS_PKG_REL}"></Relationships>`;
}

/**
 * `count` relationship ids clashing with none of `taken`: `rId` and a number above the
 * highest such id there (ids are compared ignoring case, as some readers do).
 */
export function freshRelIds(taken: readonly string[], count: number): string[] {
  const lower = new Set(taken.map((id) => id.toLowerCase()));
  let n = taken.reduce((max, id) => Math.max(max, /^rId(\d+)$/i.test(id) ? Number(id.slice(3)) : 0), 0);
  const ids: string[] = [];
  while (ids.length < count) {
    n++;
    if (!lower.has(`rid${n}`)) ids.push(`rId${n}`);
  }
  return ids;
}

/** The ids in a relationships part (none for an absent one). */
export function relationshipIds(text: string | undefined): string[] {
  if (text === undefined) return [];
  return childrenOf(parseXml(text), 'Relationship', NS_PKG_REL).map((r) => attr(r, 'Id') ?? '');
}

/**
 * The part with `add` appended and the relationships whose id is in `remove` dropped;
 * a new part when `text` is undefined.
 */
export function editRelationships(text: string | undefined, add: readonly NewRelationship[], remove: ReadonlySet<string> = new Set()): string {
  const source = text ?? newRelationshipsXml();
  const root = parseXml(source);
  const p = prefixOf(root);
  const splices: Splice[] = [];
  for (const rel of childrenOf(root, 'Relationship', NS_PKG_REL)) {
    if (remove.has(attr(rel, 'Id') ?? '')) splices.push(removeElement(source, rel));
  }
  const xml = add
    .map((r) => `<${p}Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"/>`)
    .join('');
  splices.push(...appendChildren(source, root, xml));
  return splices.length === 0 ? source : applySplices(source, splices);
}

/**
 * `target` (a part name, no leading `/`) as a relative reference from `source`'s
 * folder: `xl/workbook.xml` → `xl/worksheets/sheet2.xml` is `worksheets/sheet2.xml`.
 */
export function relativeTarget(source: string, target: string): string {
  const from = source.replace(/^\/+/, '').split('/').slice(0, -1);
  const to = target.replace(/^\/+/, '').split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...new Array<string>(from.length - common).fill('..'), ...to.slice(common)].join('/');
}
