/**
 * Small edits to a part's text at element boundaries, so everything else in the part
 * stays as its writer left it: set or drop one attribute, add children, drop an element.
 */
import type { Splice, XmlElement } from './xml';

/** A start tag's attribute `name` (as written, e.g. `activeTab`) in `tag`: its span and value. */
function findAttribute(tag: string, name: string): { from: number; to: number; value: string } | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`\\s${escaped}\\s*=\\s*(["'])([^"']*)\\1`).exec(tag);
  return match ? { from: match.index, to: match.index + match[0].length, value: match[2] } : undefined;
}

/** The start tag's text, `<` to just before its `>` or `/>`. */
function startTag(source: string, element: XmlElement): { text: string; end: number } {
  const end = element.selfClosing ? source.lastIndexOf('/', element.openEnd - 1) : element.openEnd - 1;
  return { text: source.slice(element.start, end), end };
}

/**
 * Sets (or, with `undefined`, removes) one attribute of an element's start tag; `value`
 * is written as given, so escape it first. No splice when nothing changes.
 */
export function setAttribute(source: string, element: XmlElement, name: string, value: string | undefined): Splice[] {
  const tag = startTag(source, element);
  const found = findAttribute(tag.text, name);
  if (found) {
    if (value === found.value) return [];
    const from = element.start + found.from;
    const to = element.start + found.to;
    return [{ from, to, insert: value === undefined ? '' : ` ${name}="${value}"` }];
  }
  if (value === undefined) return [];
  const at = element.start + tag.text.replace(/\s+$/, '').length;
  return [{ from: at, to: at, insert: ` ${name}="${value}"` }];
}

/**
 * Offset of the `<` of an element's end tag (its `end` for a self-closing one). Found
 * from `end` rather than taken from `closeStart`, which can land on a following end tag
 * (`</sheets></workbook>`: `lastIndexOf('</', end)` finds `</workbook>` at `end`).
 */
export function closeStartOf(source: string, element: XmlElement): number {
  return element.selfClosing ? element.end : source.lastIndexOf('</', element.end - 1);
}

/** Appends children to an element (opening a self-closing one). */
export function appendChildren(source: string, element: XmlElement, xml: string): Splice[] {
  if (xml === '') return [];
  if (element.selfClosing) {
    const tag = startTag(source, element).text.replace(/\s+$/, '');
    return [{ from: element.start, to: element.end, insert: `${tag}>${xml}</${element.name}>` }];
  }
  const at = closeStartOf(source, element);
  return [{ from: at, to: at, insert: xml }];
}

/** Removes an element, and the whitespace before it back to the previous line's end. */
export function removeElement(source: string, element: XmlElement): Splice {
  let from = element.start;
  while (from > 0 && (source[from - 1] === ' ' || source[from - 1] === '\t')) from--;
  if (from > 0 && source[from - 1] === '\n') from--;
  if (from > 0 && source[from - 1] === '\r') from--;
  if (source[from] !== '\r' && source[from] !== '\n') from = element.start;
  return { from, to: element.end, insert: '' };
}
