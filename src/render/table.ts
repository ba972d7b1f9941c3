/**
 * An appendix as the rows and columns every renderer prints: the same headings, cells
 * and total row whatever the format, so the formats cannot drift apart.
 */
import type { Appendix, AppendixRow } from '../engine/model/types';
import { formatPounds } from './money';

export type Align = 'left' | 'right';

export interface AppendixColumn {
  header: string;
  align: Align;
  /** True for the money columns. */
  money: boolean;
}

/** One printed line: text cells keep their text, money cells their number. */
export type AppendixCell = { kind: 'text'; text: string } | { kind: 'money'; amount: number };

/** What the prior-year column prints for an award that had no prior-year amount. */
export const NEW_AWARD = 'New';

/** `Recipient`, `Service`, the prior-year column, the proposed column, `Change`. */
export function appendixColumns(appendix: Appendix): AppendixColumn[] {
  return [
    { header: 'Recipient', align: 'left', money: false },
    { header: 'Service', align: 'left', money: false },
    { header: appendix.priorHeader, align: 'right', money: true },
    { header: appendix.proposedHeader, align: 'right', money: true },
    { header: 'Change', align: 'right', money: true },
  ];
}

export interface CellOptions {
  /** Print `New` in the prior-year column of a new award (board papers do; a spreadsheet's CSV does not). */
  markNew?: boolean;
}

/** A row's cells in column order. */
export function appendixCells(row: AppendixRow, options: CellOptions = {}): AppendixCell[] {
  return [
    { kind: 'text', text: row.recipient },
    { kind: 'text', text: row.service },
    options.markNew === true && row.isNew === true ? { kind: 'text', text: NEW_AWARD } : { kind: 'money', amount: row.priorYear },
    { kind: 'money', amount: row.proposed },
    { kind: 'money', amount: row.change },
  ];
}

/** The total row's cells: `Total` in the first column unless the engine named it. */
export function totalCells(appendix: Appendix): AppendixCell[] {
  const cells = appendixCells(appendix.total);
  cells[0] = { kind: 'text', text: appendix.total.recipient.trim() === '' ? 'Total' : appendix.total.recipient };
  return cells;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * A footnote number in superscript digits, for formats without real superscript.
 *
 * @example
 * superscript(12) //=> '¹²'
 */
export function superscript(number: number): string {
  return String(number).replace(/\d/g, (digit) => SUPERSCRIPT_DIGITS[Number(digit)]);
}

/** The footnote marks a row calls, as superscript text (`¹,²`); `''` when none. */
export function footnoteMarks(row: AppendixRow): string {
  return (row.footnotes ?? []).map(superscript).join(',');
}

/** The appendix's footnotes, numbered: `[1, 'Part year: …']`. */
export function footnoteList(appendix: Appendix): [number, string][] {
  return (appendix.footnotes ?? []).map((text, i) => [i + 1, text]);
}

/**
 * An amount as the appendix prints it: pounds and pence, or whole pounds when the
 * appendix is printed in whole pounds.
 *
 * @example
 * moneyText(1234.5, appendix)            //=> '£1,234.50'
 * moneyText(1235, { amounts: 'pounds' }) //=> '£1,235'
 */
export function moneyText(amount: number, appendix: Pick<Appendix, 'amounts'>): string {
  const text = formatPounds(amount);
  return appendix.amounts === 'pounds' ? text.replace(/\.00$/, '') : text;
}

/** The document's title: the scenario's appendices, e.g. `Appendices (Confirmed)`. */
export function documentTitle(appendices: readonly Appendix[]): string {
  if (appendices.length === 1) return appendices[0].title;
  const scenarios = [...new Set(appendices.map((appendix) => appendix.scenario))];
  return scenarios.length === 0 ? 'Appendices' : `Appendices (${scenarios.join(', ')})`;
}
