/**
 * XML for the package layer: a namespace-aware reader (saxes, a conformant XML 1.0
 * parser) that keeps each element's place in the source text, so a part can be edited
 * by splicing text at element boundaries instead of being re-serialised; and the one
 * escaping function every writer uses.
 *
 * Elements are matched by namespace URI and local name, never by prefix: Excel writes
 * `<sheet>` in the default namespace, other programs write `<x:sheet>`, both are the same.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

/** SpreadsheetML's main namespace (Transitional). */
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** Strict OOXML's SpreadsheetML namespace: we refuse such files with a message. */
export const NS_MAIN_STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
/** Office document relationships (the `r:` prefix on `r:id`). */
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** Package relationships parts (`.rels`). */
export const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
/** `[Content_Types].xml`. */
export const NS_CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';

/** One element of a parsed part, with its place in the source text. */
export interface XmlElement {
  /** Qualified name as written, e.g. `x:sheet`. */
  name: string;
  /** Local name, e.g. `sheet`. */
  local: string;
  /** Namespace URI ('' for none). */
  uri: string;
  /** Attributes by qualified name as written, e.g. `r:id`, with their URI and value. */
  attributes: ReadonlyArray<XmlAttribute>;
  children: XmlElement[];
  /** Text directly inside (concatenated, entities resolved). */
  text: string;
  /** Offset of `<` of the start tag. */
  start: number;
  /** Offset just after the start tag's `>` (for a self-closing element, equals `end`). */
  openEnd: number;
  /** Offset of `<` of the end tag (equals `end` for a self-closing element). */
  closeStart: number;
  /** Offset just after the element's last `>`. */
  end: number;
  selfClosing: boolean;
}

export interface XmlAttribute {
  name: string;
  local: string;
  uri: string;
  value: string;
}

/** A part that is not well-formed XML. */
export class XmlSyntaxError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'XmlSyntaxError';
  }
}

/**
 * Parses a whole part into a tree of elements. For the small parts (workbook, styles,
 * relationships, content types, tables); worksheets are read by streaming with `saxStream`.
 *
 * @throws {XmlSyntaxError} when the text is not well-formed XML
 */
export function parseXml(text: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let tagStart = 0;
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on('opentagstart', (tag) => {
    tagStart = parser.position - tag.name.length - 2;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const element: XmlElement = {
      name: tag.name,
      local: tag.local,
      uri: tag.uri,
      attributes: Object.values(tag.attributes).map((a) => ({ name: a.name, local: a.local, uri: a.uri, value: a.value })),
      children: [],
      text: '',
      start: tagStart,
      openEnd: parser.position,
      closeStart: parser.position,
      end: parser.position,
      selfClosing: tag.isSelfClosing,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('text', (chunk) => {
    const current = stack[stack.length - 1];
    if (current) current.text += chunk;
  });
  parser.on('cdata', (chunk) => {
    const current = stack[stack.length - 1];
    if (current) current.text += chunk;
  });
  parser.on('closetag', () => {
    const element = stack.pop();
    if (!element) return;
    element.end = parser.position;
    // From the end tag's own last characters: a sibling's or the parent's end tag may start right at `end`.
    element.closeStart = element.selfClosing ? element.end : text.lastIndexOf('</', element.end - 3);
  });
  try {
    parser.write(text).close();
  } catch (error) {
    throw new XmlSyntaxError(error instanceof Error ? error.message : String(error));
  }
  if (!root) throw new XmlSyntaxError('the part has no root element');
  return root;
}

/** Handlers for streaming a large part (a worksheet's cells). */
export interface SaxHandlers {
  open?: (tag: SaxesTagNS, start: number, openEnd: number) => void;
  text?: (text: string) => void;
  close?: (tag: SaxesTagNS, end: number) => void;
}

/**
 * Streams a part through `handlers`, with offsets. Stops early when a handler throws
 * `StopParsing`.
 *
 * @throws {XmlSyntaxError} when the text is not well-formed XML
 */
export function saxStream(text: string, handlers: SaxHandlers): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let tagStart = 0;
  /** A handler's own error, rethrown as it is rather than reported as bad XML. */
  let failure: { error: unknown } | undefined;
  const guard = <A extends unknown[]>(handler: (...args: A) => void) => (...args: A): void => {
    try {
      handler(...args);
    } catch (error) {
      failure = { error };
      throw error;
    }
  };
  parser.on('opentagstart', (tag) => {
    tagStart = parser.position - tag.name.length - 2;
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', guard((tag: SaxesTagNS) => open(tag, tagStart, parser.position)));
  }
  if (handlers.text) {
    const onText = guard(handlers.text);
    parser.on('text', onText);
    parser.on('cdata', onText);
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', guard((tag: SaxesTagNS) => close(tag, parser.position)));
  }
  try {
    parser.write(text).close();
  } catch (error) {
    const thrown = failure === undefined ? error : failure.error;
    if (thrown instanceof StopParsing) return;
    if (failure !== undefined) throw thrown;
    throw new XmlSyntaxError(error instanceof Error ? error.message : String(error));
  }
}

/** Thrown by a `saxStream` handler to stop reading (what it needs has been read). */
export class StopParsing extends Error {
  constructor() {
    super('stop');
    this.name = 'StopParsing';
  }
}

// ------------------------------------------------------------------------------------
// Finding things in a tree

/** The element's children with this local name in this namespace. */
export function childrenOf(element: XmlElement, local: string, uri: string = element.uri): XmlElement[] {
  return element.children.filter((c) => c.local === local && c.uri === uri);
}

/** The element's first child with this local name in this namespace. */
export function childOf(element: XmlElement, local: string, uri: string = element.uri): XmlElement | undefined {
  return element.children.find((c) => c.local === local && c.uri === uri);
}

/** An attribute's value by local name and namespace ('' for an unprefixed attribute). */
export function attr(element: XmlElement, local: string, uri = ''): string | undefined {
  return element.attributes.find((a) => a.local === local && a.uri === uri)?.value;
}

/** The prefix (with its colon, or '') an element was written with: `x:` for `x:sheet`. */
export function prefixOf(element: XmlElement): string {
  const colon = element.name.indexOf(':');
  return colon < 0 ? '' : element.name.slice(0, colon + 1);
}

// ------------------------------------------------------------------------------------
// Editing by splicing

/** One change to a part's text: replace `[from, to)` with `insert`. */
export interface Splice {
  from: number;
  to: number;
  insert: string;
}

/**
 * Applies splices to a text. Splices must not overlap; inserts at the same offset keep
 * the order they were given in.
 */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const ordered = splices.map((s, i) => ({ ...s, i })).sort((a, b) => a.from - b.from || a.to - b.to || a.i - b.i);
  let out = '';
  let at = 0;
  for (const splice of ordered) {
    if (splice.from < at) throw new Error(`overlapping edits at offset ${splice.from}`);
    out += text.slice(at, splice.from) + splice.insert;
    at = splice.to;
  }
  return out + text.slice(at);
}

// ------------------------------------------------------------------------------------
// Writing

// Tab, newline and carriage return are written as character references: XML reads a literal
// carriage return back as a newline, and all three in an attribute as spaces.
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;',
};

/**
 * Text made safe for XML element content or a double-quoted attribute. Characters XML
 * 1.0 cannot hold at all (control characters other than tab, newline and carriage
 * return; lone surrogates) are written as Excel's `_xHHHH_` escape, and a literal
 * `_xHHHH_` in the text has its underscore escaped so it reads back as written.
 */
export function escapeXml(value: string): string {
  return value
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[&<>"'\t\n\r]/g, (ch) => ESCAPES[ch])
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    );
}

/** Reads back Excel's `_xHHHH_` escapes in cell text (and `_x005F_` for a literal `_`). */
export function unescapeExcelText(value: string): string {
  if (!value.includes('_x')) return value;
  return value.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** An element's attributes as text: ` name="value"` for each defined value, in order. */
export function attributes(values: Readonly<Record<string, string | number | boolean | undefined>>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
    out += ` ${name}="${escapeXml(text)}"`;
  }
  return out;
}
