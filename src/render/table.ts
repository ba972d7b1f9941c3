/**
 * An appendix as the rows and columns every renderer prints: the same headings, cells
 * and total row whatever the format, so the formats cannot drift apart.
 */
import type { Appendix, AppendixRow } from '../engine/model/types';

export type Align = 'left' | 'right';

export interface AppendixColumn {
  header: string;
  align: Align;
  /** True for the money columns. */
  money: boolean;
}

/** One printed line: text cells keep their text, money cells their number. */
export type AppendixCell = { kind: 'text'; text: string } | { kind: 'money'; amount: number };

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

/** A row's cells in column order. */
export function appendixCells(row: AppendixRow): AppendixCell[] {
  return [
    { kind: 'text', text: row.recipient },
    { kind: 'text', text: row.service },
    { kind: 'money', amount: row.priorYear },
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

/** The document's title: the scenario's appendices, e.g. `Appendices (Confirmed)`. */
export function documentTitle(appendices: readonly Appendix[]): string {
  if (appendices.length === 1) return appendices[0].title;
  const scenarios = [...new Set(appendices.map((appendix) => appendix.scenario))];
  return scenarios.length === 0 ? 'Appendices' : `Appendices (${scenarios.join(', ')})`;
}
