/**
 * The styles part, edited for the cell styles output sheets need — £, percent and date
 * formats, bold totals, a bold 14 pt title — by appending to it: every existing
 * `numFmt`, `font` and `xf` keeps its index, so every cell of the user's keeps its look.
 *
 * A style already there is used again rather than added twice: on a re-run the styles
 * appended last time are found, and a workbook that already has a bold font or a £
 * format lends it. `count` attributes are kept true. A workbook without a styles part
 * gets one (`newStylesXml`).
 */
import type { ColumnFormat } from '../../engine/sheet';
import { NUMBER_FORMATS } from '../layout';
import type { SheetStyles } from './worksheetXml';
import { XML_DECLARATION } from './worksheetXml';
import { closeStartOf } from './splice';
import { NS_MAIN, applySplices, attr, childOf, childrenOf, escapeXml, parseXml, prefixOf, type Splice, type XmlElement } from './xml';

export const TITLE_SIZE = 14;

/** Number formats Excel has built in, by code: these take no `<numFmt>`. */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
};

/** Custom number formats take ids from 164 up. */
const FIRST_CUSTOM_FORMAT = 164;

/** The containers of a style sheet, in the order CT_Stylesheet gives them. */
const SCHEMA_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** What a container holds when a styles part lacks it (index 0 of each is the default). */
const DEFAULT_CONTENT: Readonly<Record<string, string[]>> = {
  numFmts: [],
  fonts: ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ['<border><left/><right/><top/><bottom/><diagonal/></border>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
};

/** A styles part for a workbook that has none: one font, the two fills Excel requires, one border. */
export function newStylesXml(): string {
  return (
    `${XML_DECLARATION}<styleSheet xmlns="${NS_MAIN}">` +
    `<fonts count="1">${DEFAULT_CONTENT.fonts.join('')}</fonts>` +
    `<fills count="2">${DEFAULT_CONTENT.fills.join('')}</fills>` +
    `<borders count="1">${DEFAULT_CONTENT.borders.join('')}</borders>` +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="1">${DEFAULT_CONTENT.cellXfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    '</styleSheet>'
  );
}

/** The styles part after adding what output sheets need, and the cell style of each. */
export interface StylesEdit {
  text: string;
  styles: SheetStyles;
  /** False when every style was already there (the text is the same). */
  changed: boolean;
}

const FORMATS: readonly ColumnFormat[] = ['text', 'money', 'percent', 'date', 'number', 'integer'];

/** A font's children as a comparable list: local name and attributes, ignoring prefix and order. */
interface FontChild {
  local: string;
  attributes: ReadonlyArray<readonly [string, string]>;
  /** The child as written (for copying the default font's children). */
  xml?: string;
}

/**
 * Adds the output sheets' styles to a styles part (or to a new one when `text` is
 * undefined), splicing only: number formats, fonts and cell formats are appended, and
 * the `count` of each list that grew is updated.
 */
export function addOutputStyles(text: string | undefined): StylesEdit {
  const source = withRequiredLists(text ?? newStylesXml());
  const root = parseXml(source);
  const p = prefixOf(root);
  const containers = new Map<string, Container>();
  for (const local of ['numFmts', 'fonts', 'cellXfs']) containers.set(local, container(root, local, source, p));
  const need = (local: string): Container => {
    const found = containers.get(local);
    if (!found) throw new Error(`styles container ${local} not prepared`);
    return found;
  };

  // Number formats: built in, already listed, or appended with a fresh id.
  const numFmts = need('numFmts');
  const listedFormats = numFmts.items.map((e) => ({ id: Number(attr(e, 'numFmtId')), code: attr(e, 'formatCode') ?? '' }));
  let nextFormat = Math.max(FIRST_CUSTOM_FORMAT - 1, ...listedFormats.map((f) => (Number.isFinite(f.id) ? f.id : 0))) + 1;
  const formatId = (code: string | undefined): number => {
    if (code === undefined) return 0;
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const listed = listedFormats.find((f) => f.code === code);
    if (listed) return listed.id;
    const id = nextFormat++;
    listedFormats.push({ id, code });
    numFmts.added.push(`<${p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  };

  // Fonts: the default font made bold, and bold at title size.
  const fonts = need('fonts');
  const base: FontChild[] = fonts.items[0] ? fontChildren(fonts.items[0], source) : [];
  const known: FontChild[][] = fonts.items.map((e) => fontChildren(e, source));
  const fontId = (bold: boolean, size: number | undefined): number => {
    if (!bold && size === undefined) return 0;
    // Bold first, the size where the default font has it: the order Excel writes.
    const sz: FontChild | undefined = size === undefined ? undefined : { local: 'sz', attributes: [['val', String(size)]], xml: `<${p}sz val="${size}"/>` };
    const kept = base.filter((c) => c.local !== 'b').map((c) => (sz && c.local === 'sz' ? sz : c));
    const children: FontChild[] = [{ local: 'b', attributes: [], xml: `<${p}b/>` }, ...kept];
    if (sz && !kept.includes(sz)) children.splice(1, 0, sz);
    const wanted = fontKey(children);
    const index = known.findIndex((k) => fontKey(k) === wanted);
    if (index >= 0) return index;
    known.push(children);
    fonts.added.push(`<${p}font>${children.map((c) => c.xml ?? '').join('')}</${p}font>`);
    return known.length - 1;
  };

  // Cell formats.
  const cellXfs = need('cellXfs');
  const xfs = cellXfs.items.map(xfKey);
  const xfId = (numFmtId: number, font: number): number => {
    const wanted = `${numFmtId}/${font}`;
    const index = xfs.indexOf(wanted);
    if (index >= 0) return index;
    xfs.push(wanted);
    const apply = `${numFmtId === 0 ? '' : ' applyNumberFormat="1"'}${font === 0 ? '' : ' applyFont="1"'}`;
    cellXfs.added.push(`<${p}xf numFmtId="${numFmtId}" fontId="${font}" fillId="0" borderId="0" xfId="0"${apply}/>`);
    return xfs.length - 1;
  };

  const boldFont = fontId(true, undefined);
  const body = {} as Record<ColumnFormat, number>;
  const footer = {} as Record<ColumnFormat, number>;
  for (const format of FORMATS) {
    const numFmtId = formatId(NUMBER_FORMATS[format]);
    body[format] = xfId(numFmtId, 0);
    footer[format] = xfId(numFmtId, boldFont);
  }
  const title = xfId(0, fontId(true, TITLE_SIZE));

  const splices = [...containers.values()].flatMap((c) => c.splices());
  const edited = splices.length > 0 ? applySplices(source, splices) : source;
  return { text: edited, styles: { body, footer, title }, changed: edited !== text };
}

/**
 * The style sheet with the lists a cell format refers to (fonts, fills, borders, cell
 * formats), each with its default first item, added where a (strange) styles part lacks
 * them.
 */
function withRequiredLists(source: string): string {
  const root = parseXml(source);
  const p = prefixOf(root);
  const splices: Splice[] = [];
  for (const local of ['fonts', 'fills', 'borders', 'cellXfs']) {
    if (childOf(root, local)) continue;
    const items = DEFAULT_CONTENT[local] ?? [];
    const at = insertionPoint(source, root, local);
    splices.push({ from: at, to: at, insert: withPrefix(`<${local} count="${items.length}">${items.join('')}</${local}>`, p) });
  }
  return splices.length > 0 ? applySplices(source, splices) : source;
}

// ------------------------------------------------------------------------------------
// Containers: a list element of the style sheet, present or to be made

interface Container {
  items: XmlElement[];
  /** Children to append. */
  added: string[];
  splices(): Splice[];
}

function container(root: XmlElement, local: string, source: string, p: string): Container {
  const element = childOf(root, local);
  const itemLocal = { numFmts: 'numFmt', fonts: 'font', cellXfs: 'xf' }[local] ?? '';
  const items = element ? childrenOf(element, itemLocal) : [];
  const added: string[] = [];
  return {
    items,
    added,
    splices(): Splice[] {
      if (added.length === 0) return [];
      const count = items.length + added.length;
      if (!element) {
        const at = insertionPoint(source, root, local);
        return [{ from: at, to: at, insert: `<${p}${local} count="${count}">${added.join('')}</${p}${local}>` }];
      }
      if (element.selfClosing) {
        const open = source.slice(element.start, element.end - 2).replace(/\s+$/, '');
        return [{ from: element.start, to: element.end, insert: `${setCount(open, count)}>${added.join('')}</${element.name}>` }];
      }
      const open = source.slice(element.start, element.openEnd - 1);
      return [
        { from: element.start, to: element.openEnd, insert: `${setCount(open, count)}>` },
        { from: closeStartOf(source, element), to: closeStartOf(source, element), insert: added.join('') },
      ];
    },
  };
}

/** Where a missing container goes: before the first later sibling in schema order. */
function insertionPoint(source: string, root: XmlElement, local: string): number {
  const later = SCHEMA_ORDER.slice(SCHEMA_ORDER.indexOf(local) + 1);
  const next = root.children.find((c) => later.includes(c.local));
  return next ? next.start : closeStartOf(source, root);
}

/** A start tag's text (without its closing `>`) with `count` set. */
function setCount(open: string, count: number): string {
  const existing = /(\scount\s*=\s*)(["'])[^"']*\2/.exec(open);
  if (existing) return open.slice(0, existing.index) + `${existing[1]}"${count}"` + open.slice(existing.index + existing[0].length);
  return `${open} count="${count}"`;
}

/** Default XML with the style sheet's prefix on every element. */
function withPrefix(xml: string, p: string): string {
  return p === '' ? xml : xml.replace(/<(\/?)(\w)/g, `<$1${p}$2`);
}

// ------------------------------------------------------------------------------------
// Comparing fonts and cell formats

function fontChildren(font: XmlElement, source: string): FontChild[] {
  return font.children.map((c) => ({
    local: c.local,
    attributes: c.attributes.filter((a) => !a.name.startsWith('xmlns')).map((a) => [a.local, a.value] as const),
    xml: source.slice(c.start, c.end),
  }));
}

/**
 * A font as comparable text. `<b/>` and `<b val="1"/>` are the same; `<b val="0"/>` is
 * no bold at all.
 */
function fontKey(children: readonly FontChild[]): string {
  return children
    .filter((c) => !(['b', 'i', 'strike', 'outline', 'shadow', 'condense', 'extend'].includes(c.local) && c.attributes.some(([n, v]) => n === 'val' && (v === '0' || v === 'false'))))
    .map((c) => {
      const attrs = c.attributes
        .filter(([n, v]) => !(n === 'val' && (v === '1' || v === 'true') && ['b', 'i', 'strike', 'outline', 'shadow', 'condense', 'extend'].includes(c.local)))
        .map(([n, v]) => `${n}=${v}`)
        .sort()
        .join(',');
      return `${c.local}(${attrs})`;
    })
    .sort()
    .join(';');
}

/**
 * An `xf` as `numFmtId/fontId` when it is a plain one (default fill, border and parent
 * style, no alignment or protection, nothing switched off), else a key nothing matches.
 */
function xfKey(xf: XmlElement, index: number): string {
  const value = (name: string): string => attr(xf, name) ?? '0';
  const plain =
    xf.children.length === 0 &&
    value('fillId') === '0' &&
    value('borderId') === '0' &&
    value('xfId') === '0' &&
    value('quotePrefix') === '0' &&
    value('pivotButton') === '0' &&
    (value('numFmtId') === '0' || attr(xf, 'applyNumberFormat') !== '0') &&
    (value('fontId') === '0' || attr(xf, 'applyFont') !== '0');
  return plain ? `${value('numFmtId')}/${value('fontId')}` : `#${index}`;
}
