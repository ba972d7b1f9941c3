/**
 * The workbook part and the calculation chain, edited by splicing.
 *
 * `workbook.xml`: new `<sheet>` elements go at the END of `<sheets>` — never between the
 * user's, so the `localSheetId` of every sheet-scoped name of theirs still points at the
 * same sheet; print titles (`_xlnm.Print_Titles`) of our sheets are set, replacing our
 * own old ones; the active tab is set for a selection. `calcChain.xml`: the entries of
 * sheets we replace are dropped (Excel reports a chain naming a cell without a formula
 * as corruption), and the part goes when none remain.
 */
import { appendChildren, removeElement, setAttribute } from './splice';
import { XML_DECLARATION } from './worksheetXml';
import { NS_MAIN, NS_REL, applySplices, attr, childOf, childrenOf, escapeXml, parseXml, prefixOf, saxStream, type Splice, type XmlElement } from './xml';

/** A `<sheet>` to append. */
export interface NewSheet {
  name: string;
  sheetId: number;
  /** Its relationship id in the workbook's relationships. */
  relId: string;
  state?: 'hidden' | 'veryHidden';
}

/** Rows repeated at the top of each printed page of one sheet. */
export interface PrintTitles {
  /** 0-based position of the sheet among `<sheet>` elements. */
  localSheetId: number;
  sheet: string;
  /** 1-based row. */
  row: number;
}

export interface WorkbookChanges {
  sheets?: readonly NewSheet[];
  /** Print titles to set; any old print titles for the same sheet positions are replaced. */
  printTitles?: readonly PrintTitles[];
  /** The 0-based tab to show when the workbook opens. */
  activeTab?: number;
  /** Visibility to set on existing sheets, by `sheetId`. */
  states?: ReadonlyArray<{ sheetId: number; state: 'visible' | 'hidden' | 'veryHidden' }>;
}

/** CT_Workbook's children after `<sheets>`, in schema order: `<definedNames>` goes before the first present. */
const AFTER_DEFINED_NAMES = [
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

const PRINT_TITLES = '_xlnm.Print_Titles';

/** A new, empty workbook part (sheets are spliced in as they are made). */
export function newWorkbookXml(): string {
  return (
    `${XML_DECLARATION}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets></workbook>'
  );
}

/** A sheet name as it is quoted in a reference: `'Fund ledger'`, `'O''Brien'`. */
export function quoteSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** The workbook part with `changes` spliced in. */
export function editWorkbookXml(text: string, changes: WorkbookChanges): string {
  const root = parseXml(text);
  const p = prefixOf(root);
  const relId = relIdAttribute(root);
  const splices: Splice[] = [];

  const sheets = childOf(root, 'sheets');
  if (!sheets) throw new Error('the workbook part has no <sheets>');
  if (changes.sheets && changes.sheets.length > 0) {
    const xml = changes.sheets
      .map(
        (s) =>
          `<${p}sheet name="${escapeXml(s.name)}" sheetId="${s.sheetId}"${s.state ? ` state="${s.state}"` : ''} ${relId}="${escapeXml(s.relId)}"/>`,
      )
      .join('');
    splices.push(...appendChildren(text, sheets, xml));
  }

  for (const { sheetId, state } of changes.states ?? []) {
    const sheet = childrenOf(sheets, 'sheet').find((e) => attr(e, 'sheetId') === String(sheetId));
    if (sheet) splices.push(...setAttribute(text, sheet, 'state', state === 'visible' ? undefined : state));
  }

  if (changes.printTitles && changes.printTitles.length > 0) {
    splices.push(...printTitleSplices(text, root, sheets, p, changes.printTitles));
  }

  if (changes.activeTab !== undefined) {
    const views = childOf(root, 'bookViews');
    const view = views ? childOf(views, 'workbookView') : undefined;
    if (view) {
      splices.push(...setAttribute(text, view, 'activeTab', String(changes.activeTab)));
      if (Number(attr(view, 'firstSheet') ?? 0) > changes.activeTab) splices.push(...setAttribute(text, view, 'firstSheet', String(changes.activeTab)));
    }
    else if (views) splices.push(...appendChildren(text, views, `<${p}workbookView activeTab="${changes.activeTab}"/>`));
    else splices.push({ from: sheets.start, to: sheets.start, insert: `<${p}bookViews><${p}workbookView activeTab="${changes.activeTab}"/></${p}bookViews>` });
  }
  return splices.length === 0 ? text : applySplices(text, splices);
}

/**
 * How to write `r:id` in this workbook part: with the prefix it binds to the
 * relationships namespace, or with `r:` declared on the new element when it binds none.
 */
function relIdAttribute(root: XmlElement): string {
  const bound = root.attributes.find((a) => a.name.startsWith('xmlns:') && a.value === NS_REL);
  return bound ? `${bound.name.slice('xmlns:'.length)}:id` : `xmlns:r="${NS_REL}" r:id`;
}

function printTitleSplices(
  text: string,
  root: XmlElement,
  sheets: XmlElement,
  p: string,
  titles: readonly PrintTitles[],
): Splice[] {
  const splices: Splice[] = [];
  const positions = new Set(titles.map((t) => t.localSheetId));
  const names = childOf(root, 'definedNames');
  for (const name of names ? childrenOf(names, 'definedName') : []) {
    const local = attr(name, 'localSheetId');
    if (attr(name, 'name') === PRINT_TITLES && local !== undefined && positions.has(Number(local))) {
      splices.push(removeElement(text, name));
    }
  }
  const xml = titles
    .map((t) => `<${p}definedName name="${PRINT_TITLES}" localSheetId="${t.localSheetId}">${escapeXml(`${quoteSheetName(t.sheet)}!$${t.row}:$${t.row}`)}</${p}definedName>`)
    .join('');
  if (names) {
    splices.push(...appendChildren(text, names, xml));
  } else {
    const next = root.children.find((c) => c.start > sheets.start && c.uri === root.uri && AFTER_DEFINED_NAMES.includes(c.local));
    const before = root.children.filter((c) => c.start >= sheets.start && ['sheets', 'functionGroups', 'externalReferences'].includes(c.local));
    const at = next ? next.start : before[before.length - 1].end;
    splices.push({ from: at, to: at, insert: `<${p}definedNames>${xml}</${p}definedNames>` });
  }
  return splices;
}

// ------------------------------------------------------------------------------------
// The calculation chain

/**
 * The chain without the entries of the sheets whose `sheetId` is in `sheetIds`, or
 * `undefined` when no entry remains (the part, its relationship and override then go).
 */
export function dropCalcChainSheets(text: string, sheetIds: ReadonlySet<number>): string | undefined {
  return dropCalcChainEntries(text, (sheetId) => sheetId !== undefined && sheetIds.has(sheetId));
}

/**
 * The chain without the entries `drop` picks (by sheet id and cell reference), or
 * `undefined` when none remains. An entry's `i` (sheet id) carries over to the next
 * entries that leave it out, so a kept entry that relied on a dropped one's `i` gets
 * its own.
 */
export function dropCalcChainEntries(text: string, drop: (sheetId: number | undefined, ref: string) => boolean): string | undefined {
  const splices: Splice[] = [];
  let current: number | undefined;
  let written: number | undefined;
  let kept = 0;
  saxStream(text, {
    open: (tag, start, openEnd) => {
      if (tag.local !== 'c' || tag.uri !== NS_MAIN) return;
      const own = tag.attributes.i?.value;
      if (own !== undefined) current = Number(own);
      if (drop(current, tag.attributes.r?.value ?? '')) {
        // Entries are empty elements (`<c r="A1" i="1"/>`); a non-empty one goes to its end tag.
        const end = tag.isSelfClosing ? openEnd : text.indexOf('>', text.indexOf('</', openEnd)) + 1;
        splices.push({ from: start, to: end, insert: '' });
        return;
      }
      kept++;
      if (own === undefined && current !== written && current !== undefined) {
        const at = tag.isSelfClosing ? text.lastIndexOf('/', openEnd - 1) : openEnd - 1;
        splices.push({ from: at, to: at, insert: ` i="${current}"` });
      }
      written = current;
    },
  });
  if (kept === 0) return undefined;
  return splices.length === 0 ? text : applySplices(text, splices);
}
