/**
 * Cell values of a worksheet part, for just the rectangles asked for (the tables'
 * bodies), read by streaming its `<sheetData>` once and stopping below the last row
 * needed. Elements are matched by namespace and local name, so `<x:c>` reads as `<c>`;
 * rows and cells without an `r` attribute follow the one before, as some writers leave
 * them out.
 *
 * Cell types (ECMA-376 Part 1, §18.18.11 ST_CellType): `s` shared string, `str` a
 * formula's text, `inlineStr` text in `<is>`, `b` boolean, `e` error, `n` number (the
 * default), `d` an ISO 8601 date (made a serial). A formula cell reads as its cached
 * value; a formula without one (written by a program that does not calculate) reads as
 * `null` with an `uncalculated` issue showing the formula, and an error value as `null`
 * with an `error` issue — never as 0. Numbers shown as dates in a workbook counting from
 * 1904 are moved to the 1900 system (1462 days on).
 */
import type { SaxesTagNS } from 'saxes';
import type { CellIssue, CellValue } from '../../engine/sheet';
import { cellAddress, type CellRect } from '../layout';
import { PackageError } from './package';
import { NS_MAIN, StopParsing, XmlSyntaxError, saxStream, unescapeExcelText } from './xml';

/** Days from 1 January 1900 to 1 January 1904 in Excel's counting. */
export const DAYS_1904 = 1462;

/** What cell reading needs from the rest of the package. */
export interface CellContext {
  /** The worksheet part and its sheet's name, for messages. */
  part: string;
  sheet: string;
  /** The shared string at an index; undefined when there is none. */
  sharedString(index: number): string | undefined;
  /** Whether the workbook counts dates from 1904. */
  date1904: boolean;
  /** Whether cell style `s` shows dates (asked only when `date1904`). */
  isDateStyle(style: number): boolean;
}

/** The cells of one rectangle: `rows[i]` is sheet row `rect.top + i`, `rows[i][j]` column `rect.left + j`. */
export interface CellBlock {
  rect: CellRect;
  /** Up to the last row with a value or an issue in the rectangle (rows after it left out). */
  rows: CellValue[][];
  /** Cells read as `null` because their value cannot be used; `row`/`column` count within the rectangle. */
  issues: CellIssue[];
}

/**
 * Reads the rectangles' cells from a worksheet part's text, in one pass.
 *
 * @throws {PackageError} `corrupt` naming the part (and cell) when the XML is not
 *   well-formed or a cell's value cannot be what its type says
 */
export function readCells(text: string, rects: readonly CellRect[], context: CellContext): CellBlock[] {
  const blocks: CellBlock[] = rects.map((rect) => ({ rect, rows: [], issues: [] }));
  if (blocks.length === 0) return blocks;
  const last = Math.max(...rects.map((r) => r.bottom));
  const first = Math.min(...rects.map((r) => r.top));
  const left = Math.min(...rects.map((r) => r.left));
  const right = Math.max(...rects.map((r) => r.right));

  /** Shared formulas' text by `si`, from their master cells. */
  const sharedFormulas = new Map<string, string>();
  let inSheetData = false;
  let rowNumber = 0;
  let rowActive = false;
  let column = 0;
  // The cell being read.
  let cellActive = false;
  let type = 'n';
  let style = 0;
  let value = '';
  let hasValue = false;
  let formula = '';
  let hasFormula = false;
  let sharedIndex: string | undefined;
  let inline = '';
  let hasInline = false;
  let phonetic = 0;
  /** What text goes to: 0 nothing, 1 `<v>`, 2 `<f>`, 3 `<is>`'s `<t>`. */
  let into = 0;

  const store = (result: CellValue, issue?: CellIssue['kind'], issueText?: string): void => {
    for (const block of blocks) {
      const { rect } = block;
      if (rowNumber < rect.top || rowNumber > rect.bottom || column < rect.left || column > rect.right) continue;
      const i = rowNumber - rect.top;
      let row = block.rows[i];
      if (row === undefined) {
        row = new Array<CellValue>(rect.right - rect.left + 1).fill(null);
        block.rows[i] = row;
      }
      row[column - rect.left] = result;
      if (issue !== undefined) {
        block.issues.push({ row: i, column: column - rect.left, kind: issue, text: issueText ?? '', address: cellAddress(rowNumber, column) });
      }
    }
  };

  const corrupt = (detail: string): PackageError =>
    new PackageError('corrupt', `cell ${cellAddress(rowNumber, column)} of sheet '${context.sheet}' ${detail}`, context.part);

  const finishCell = (): void => {
    if (hasFormula && (!hasValue || (value === '' && type !== 'str')) && !hasInline) {
      const text = formula !== '' ? formula : sharedIndex !== undefined ? sharedFormulas.get(sharedIndex) ?? '' : '';
      store(null, 'uncalculated', `=${shownFormula(text)}`);
      return;
    }
    switch (type) {
      case 's': {
        if (!hasValue || value === '') return;
        const index = Number(value);
        const text = Number.isInteger(index) ? context.sharedString(index) : undefined;
        if (text === undefined) throw corrupt(`refers to shared string ${value}, which the workbook does not have`);
        store(text === '' ? null : text);
        return;
      }
      case 'str':
        store(value === '' ? null : unescapeExcelText(value));
        return;
      case 'inlineStr': {
        const text = hasInline ? inline : value;
        store(text === '' ? null : unescapeExcelText(text));
        return;
      }
      case 'b':
        if (hasValue && value !== '') store(value === '1' || value.toLowerCase() === 'true');
        return;
      case 'e':
        store(null, 'error', value.trim() || '#VALUE!');
        return;
      case 'd': {
        if (!hasValue || value === '') return;
        const serial = isoToSerial(value.trim());
        store(serial ?? value);
        return;
      }
      default: {
        if (!hasValue || value === '') return;
        const number = Number(value);
        if (!Number.isFinite(number) || value.trim() === '') throw corrupt(`holds '${value}' where a number belongs`);
        store(context.date1904 && context.isDateStyle(style) ? number + DAYS_1904 : number);
      }
    }
  };

  // saxStream would report a handler's own error as bad XML: keep it, stop, throw it after.
  let failure: unknown;
  const guard =
    (handler: (tag: SaxesTagNS) => void) =>
    (tag: SaxesTagNS): void => {
      try {
        handler(tag);
      } catch (error) {
        if (!(error instanceof StopParsing)) failure = error;
        throw new StopParsing();
      }
    };

  try {
    saxStream(text, {
      open: guard((tag) => {
        if (tag.uri !== NS_MAIN) return;
        if (!inSheetData) {
          if (tag.local === 'sheetData') inSheetData = true;
          return;
        }
        switch (tag.local) {
          case 'c': {
            const r = tag.attributes.r;
            column = r === undefined ? column + 1 : columnOf(r.value, column + 1);
            cellActive = rowActive && column >= left && column <= right;
            const t = tag.attributes.t;
            type = t === undefined ? 'n' : t.value;
            const s = tag.attributes.s;
            style = s === undefined ? 0 : Number(s.value);
            value = '';
            hasValue = false;
            formula = '';
            hasFormula = false;
            sharedIndex = undefined;
            inline = '';
            hasInline = false;
            break;
          }
          case 'v':
            hasValue = true;
            into = cellActive ? 1 : 0;
            break;
          case 'f': {
            hasFormula = true;
            const t = tag.attributes.t;
            const si = tag.attributes.si;
            sharedIndex = t !== undefined && t.value === 'shared' && si !== undefined ? si.value : undefined;
            // A shared formula's master (it has the text) is kept even outside the rectangles.
            into = cellActive || sharedIndex !== undefined ? 2 : 0;
            break;
          }
          case 'is':
            hasInline = true;
            break;
          case 'rPh':
            phonetic++;
            break;
          case 't':
            into = cellActive && hasInline && phonetic === 0 ? 3 : 0;
            break;
          case 'row': {
            const r = tag.attributes.r;
            rowNumber = r === undefined ? rowNumber + 1 : Number(r.value);
            if (!Number.isInteger(rowNumber) || rowNumber < 1) throw corrupt(`has a row number '${r?.value ?? ''}'`);
            if (rowNumber > last) throw new StopParsing();
            rowActive = rowNumber >= first && blocks.some((b) => rowNumber >= b.rect.top && rowNumber <= b.rect.bottom);
            column = 0;
            break;
          }
        }
      }),
      text(chunk) {
        if (into === 1) value += chunk;
        else if (into === 2) formula += chunk;
        else if (into === 3) inline += chunk;
      },
      close: guard((tag) => {
        if (tag.uri !== NS_MAIN || !inSheetData) return;
        switch (tag.local) {
          case 'v':
          case 't':
            into = 0;
            break;
          case 'f':
            into = 0;
            if (sharedIndex !== undefined && formula !== '') sharedFormulas.set(sharedIndex, formula);
            break;
          case 'rPh':
            phonetic--;
            break;
          case 'c':
            if (cellActive) finishCell();
            cellActive = false;
            break;
          case 'sheetData':
            throw new StopParsing();
        }
      }),
    });
  } catch (error) {
    if (error instanceof XmlSyntaxError) {
      throw new PackageError('corrupt', `sheet '${context.sheet}' is not well-formed XML (${error.message})`, context.part);
    }
    throw error;
  }
  if (failure !== undefined) throw failure;
  for (const block of blocks) {
    for (let i = 0; i < block.rows.length; i++) {
      if (block.rows[i] === undefined) block.rows[i] = new Array<CellValue>(block.rect.right - block.rect.left + 1).fill(null);
    }
  }
  return blocks;
}

/**
 * A formula as Excel shows it: without the prefixes the file format gives newer
 * functions (`_xlfn.XLOOKUP` is shown as `XLOOKUP`).
 */
function shownFormula(text: string): string {
  return text.includes('_xl') ? text.replace(/_xl(?:fn|ws|udf)\./g, '') : text;
}

/**
 * The column number of a cell reference (`AB12` → 28); `fallback` when it has no letters
 * (a reference Excel would not write).
 */
export function columnOf(reference: string, fallback: number): number {
  let n = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code >= 65 && code <= 90) n = n * 26 + (code - 64);
    else if (code >= 97 && code <= 122) n = n * 26 + (code - 96);
    else if (code !== 36) break;
  }
  return n === 0 ? fallback : n;
}

const ISO_DATE = /^(?:(\d{4})-(\d{2})-(\d{2}))?(?:T?(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * An ISO 8601 date, date-time or time (as `t="d"` cells hold) as an Excel serial in the
 * 1900 system; the time is taken as written (a zone offset is ignored, as Excel has no
 * zones). Undefined for text that is not one.
 *
 * @example isoToSerial('2021-04-01') // 44287
 * @example isoToSerial('2021-04-01T12:00:00Z') // 44287.5
 */
export function isoToSerial(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match || text === '' || text === 'T') return undefined;
  const [, y, mo, d, h, mi, s] = match;
  if (y === undefined && h === undefined) return undefined;
  const seconds = s === undefined ? 0 : Number(s);
  const time = ((Number(h ?? 0) * 60 + Number(mi ?? 0)) * 60 + seconds) * 1000;
  if (y === undefined) return time / MS_PER_DAY;
  // Excel holds no dates before 1900: such text stays text.
  if (Number(y) < 1900) return undefined;
  const month = Number(mo);
  const day = Number(d);
  const date = Date.UTC(Number(y), month - 1, day);
  const check = new Date(date);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  const serial = (date + time) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  // Excel counts a 29 February 1900 that never was: dates before March 1900 are one lower.
  return serial < 61 ? serial - 1 : serial;
}
