/**
 * The model year's calendar as one CSV file (RFC 4180, CRLF, a UTF-8 byte-order mark
 * for Excel): the `Calendar` sheet's columns, dates as ISO text (2021-09-30), amounts
 * as plain numbers with two decimals, blank where an event has none.
 */
import type { Calendar } from '../engine/model/types';
import { UTF8_BOM } from './csv';
import { csvText } from './csvText';
import { formatDecimal } from './money';

/** The calendar's columns, as on the `Calendar` sheet. */
export const CALENDAR_COLUMNS = ['Date', 'Event', 'Ref', 'Recipient', 'Fund', 'Amount', 'Detail'] as const;

/** The calendar as CSV records: the header, then one per event. */
export function calendarRecords(calendar: Calendar): string[][] {
  return [
    [...CALENDAR_COLUMNS],
    ...calendar.events.map((event) => [
      event.date, event.event, event.ref, event.recipient, event.fund,
      event.amount === null ? '' : formatDecimal(event.amount), event.detail,
    ]),
  ];
}

/** The calendar as CSV text with a UTF-8 byte-order mark. */
export function renderCalendarCsv(calendar: Calendar): string {
  return `${UTF8_BOM}${csvText(calendarRecords(calendar))}`;
}
