/**
 * A worksheet of the user's edited by splicing, for the two things the port may change
 * in one: a single cell (the confirmed grant entered at the user's request) and the
 * sheet's selection. Everything else in the part — other cells, their styles, the
 * writer's spacing — stays as it was.
 */
import type { SaxesTagNS } from 'saxes';
import type { CellValue } from '../../engine/sheet';
import { cellAddress } from '../layout';
import { columnOf } from './readCells';
import { cellXml } from './worksheetXml';
import { NS_MAIN, StopParsing, XmlSyntaxError, applySplices, saxStream, type Splice } from './xml';

/** An element found while streaming: its name as written and its offsets. */
interface Found {
  name: string;
  start: number;
  openEnd: number;
  end: number;
  selfClosing: boolean;
  attributes: Record<string, string>;
}

/** An element as a streamed start tag gives it (its end is set when it closes). */
function foundOf(tag: SaxesTagNS, start: number, openEnd: number): Found {
  const attributes: Record<string, string> = {};
  for (const a of Object.values(tag.attributes)) attributes[a.name] = a.value;
  return { name: tag.name, start, openEnd, end: openEnd, selfClosing: tag.isSelfClosing, attributes };
}

/** What `setCell` did: the new text, and whether a formula was replaced (its calc chain entry must go). */
export interface CellEdit {
  text: string;
  replacedFormula: boolean;
}

/**
 * The sheet with cell (`row`, `column`, 1-based) holding `value`: the cell replaced (its
 * style kept), or added in its row in column order, the row added in row order when
 * there is none.
 */
export function setCell(text: string, row: number, column: number, value: CellValue): CellEdit {
  let sheetData: Found | undefined;
  let rowEl: Found | undefined;
  let cellEl: Found | undefined;
  let nextRow: Found | undefined;
  let nextCell: Found | undefined;
  let hasFormula = false;
  let r = 0;
  let c = 0;
  const stack: Found[] = [];
  try {
    saxStream(text, {
      open: (tag, start, openEnd) => {
        const found = foundOf(tag, start, openEnd);
        const { attributes } = found;
        stack.push(found);
        if (tag.uri !== NS_MAIN) return;
        if (tag.local === 'sheetData') sheetData = found;
        else if (tag.local === 'row' && sheetData && stack.length === 3) {
          r = attributes.r === undefined ? r + 1 : Number(attributes.r);
          c = 0;
          if (r === row) rowEl = found;
          else if (r > row && !nextRow && !rowEl) nextRow = found;
        } else if (tag.local === 'c' && rowEl && stack.length === 4 && r === row) {
          c = attributes.r === undefined ? c + 1 : columnOf(attributes.r, c + 1);
          if (c === column) cellEl = found;
          else if (c > column && !cellEl && !nextCell) nextCell = found;
        } else if (tag.local === 'c') {
          c = attributes.r === undefined ? c + 1 : columnOf(attributes.r, c + 1);
        } else if (tag.local === 'f' && cellEl && stack[stack.length - 2] === cellEl) {
          hasFormula = true;
        }
      },
      close: (tag, end) => {
        const found = stack.pop();
        if (found) found.end = end;
        if (tag.uri === NS_MAIN && tag.local === 'row' && rowEl && found === rowEl) throw new StopParsing();
        if (tag.uri === NS_MAIN && tag.local === 'row' && nextRow && found === nextRow) throw new StopParsing();
      },
    });
  } catch (error) {
    if (!(error instanceof StopParsing)) throw error;
  }
  if (!sheetData) throw new XmlSyntaxError('the worksheet has no <sheetData>');
  const p = sheetData.name.includes(':') ? sheetData.name.slice(0, sheetData.name.indexOf(':') + 1) : '';
  const ref = cellAddress(row, column);
  const style = Number(cellEl?.attributes.s ?? 0);
  const cell = withPrefix(cellXml(ref, value, 0), p) || `<${p}c r="${ref}"/>`;
  const styled = style === 0 ? cell : cell.replace(/^(<[\w:]*c r="[A-Z]+\d+")/, `$1 s="${style}"`);
  const splices: Splice[] = [];
  if (cellEl) splices.push({ from: cellEl.start, to: cellEl.end, insert: styled });
  else if (rowEl && nextCell) splices.push({ from: nextCell.start, to: nextCell.start, insert: styled });
  else if (rowEl) splices.push(...appendInto(text, rowEl, styled));
  else {
    const newRow = `<${p}row r="${row}">${styled}</${p}row>`;
    if (nextRow) splices.push({ from: nextRow.start, to: nextRow.start, insert: newRow });
    else splices.push(...appendInto(text, sheetData, newRow));
  }
  return { text: applySplices(text, splices), replacedFormula: hasFormula };
}

function appendInto(text: string, element: Found, xml: string): Splice[] {
  if (element.selfClosing) {
    const tag = text.slice(element.start, text.lastIndexOf('/', element.openEnd - 1)).replace(/\s+$/, '');
    return [{ from: element.start, to: element.end, insert: `${tag}>${xml}</${element.name}>` }];
  }
  const closeStart = text.lastIndexOf('</', element.end - 1);
  return [{ from: closeStart, to: closeStart, insert: xml }];
}

/** Our cell XML, written unprefixed, with the sheet's prefix. */
function withPrefix(xml: string, p: string): string {
  return p === '' ? xml : xml.replace(/<(\/?)(\w)/g, `<$1${p}$2`);
}

// ------------------------------------------------------------------------------------
// Selection

/** CT_Worksheet's children that follow `<sheetViews>`: a missing one goes before the first of them. */
const AFTER_SHEET_VIEWS = new Set(['sheetFormatPr', 'cols', 'sheetData']);

/**
 * The sheet with its (first) sheet view selected as the workbook's tab (`tabSelected`)
 * and `ref` the active cell, in the pane that has focus when panes are frozen or split.
 * `selected: false` only clears `tabSelected` (for the other sheets).
 */
export function setSelection(text: string, ref: string | undefined, selected: boolean): string {
  let views: Found | undefined;
  let view: Found | undefined;
  let activePane: string | undefined;
  let pane: Found | undefined;
  const selections: Found[] = [];
  let insertAt: number | undefined;
  let prefix = '';
  const stack: Found[] = [];
  try {
    saxStream(text, {
      open: (tag, start, openEnd) => {
        const found = foundOf(tag, start, openEnd);
        const { attributes } = found;
        stack.push(found);
        if (stack.length === 1) prefix = tag.prefix === '' ? '' : `${tag.prefix}:`;
        if (tag.uri !== NS_MAIN) return;
        if (stack.length === 2 && tag.local === 'sheetViews') views = found;
        else if (stack.length === 3 && views && !view && tag.local === 'sheetView') view = found;
        else if (stack.length === 4 && view && stack[2] === view && tag.local === 'pane') {
          pane = found;
          activePane = attributes.activePane ?? 'bottomRight';
        }
        else if (stack.length === 4 && view && stack[2] === view && tag.local === 'selection') selections.push(found);
        else if (stack.length === 2 && AFTER_SHEET_VIEWS.has(tag.local)) {
          insertAt = start;
          throw new StopParsing();
        }
      },
      close: (_tag, end) => {
        const found = stack.pop();
        if (found) found.end = end;
      },
    });
  } catch (error) {
    if (!(error instanceof StopParsing)) throw error;
  }
  const p = prefix;
  const selection = ref === undefined ? '' : `<${p}selection${activePane ? ` pane="${activePane}"` : ''} activeCell="${ref}" sqref="${ref}"/>`;
  if (!view) {
    if (!selected) return text;
    const xml = `<${p}sheetView tabSelected="1" workbookViewId="0">${selection}</${p}sheetView>`;
    if (views) return applySplices(text, appendInto(text, views, xml));
    if (insertAt === undefined) throw new XmlSyntaxError('the worksheet has no <sheetData>');
    return applySplices(text, [{ from: insertAt, to: insertAt, insert: `<${p}sheetViews>${xml}</${p}sheetViews>` }]);
  }
  const tagEnd = view.selfClosing ? text.lastIndexOf('/', view.openEnd - 1) : view.openEnd - 1;
  const tag = text.slice(view.start, tagEnd);
  const attribute = /\stabSelected\s*=\s*(["'])[^"']*\1/.exec(tag);
  const cleaned = (attribute ? tag.slice(0, attribute.index) + tag.slice(attribute.index + attribute[0].length) : tag).replace(/\s+$/, '');
  if (!selected) return attribute ? applySplices(text, [{ from: view.start, to: tagEnd, insert: cleaned }]) : text;
  const opened = `${cleaned} tabSelected="1"`;
  if (view.selfClosing) {
    return applySplices(text, [{ from: view.start, to: view.end, insert: `${opened}>${selection}</${view.name}>` }]);
  }
  const splices: Splice[] = [{ from: view.start, to: view.openEnd, insert: `${opened}>` }];
  for (const old of selections) splices.push({ from: old.start, to: old.end, insert: '' });
  const at = selections[0]?.start ?? pane?.end ?? view.openEnd;
  splices.push({ from: at, to: at, insert: selection });
  return applySplices(text, splices);
}
