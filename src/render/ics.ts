/**
 * The model year's calendar as iCalendar (RFC 5545): one all-day event (`DTSTART` and
 * `DTEND` as `VALUE=DATE`, the end the day after) per calendar row, shown free
 * (`TRANSP:TRANSPARENT`), with the event name as its category.
 *
 * Each event's `UID` is made from the financial year, the award's ref, the event's
 * name and which of the award's events of that name it is (the engine's `sequence`),
 * and the funder — never the scenario or the amount — so that importing the file again
 * after a re-run (the confirmed grant, say) updates the events instead of adding
 * copies. `SEQUENCE` rises with the run's time stamp (minutes since 2020), so
 * calendar programs take the newer file as the newer revision.
 *
 * Text is escaped (backslash, semicolon, comma, line breaks) and lines longer than 75
 * octets are folded, never inside a UTF-8 character; lines end with CRLF.
 */
import type { Calendar, CalendarEvent } from '../engine/model/types';
import { formatPounds } from './money';

export interface IcsOptions {
  /** The run's time stamp, ISO text: `DTSTAMP`, and what `SEQUENCE` counts from. */
  stamp: string;
  /** Who the events belong to, in their UIDs (e.g. the funder identifier); blank: `awards-modeller`. */
  owner?: string;
  /** The calendar's name; default `Awards Modeller 2021/22 (Confirmed)`. */
  name?: string;
}

/** An RFC 5545 TEXT value: backslash, semicolon and comma escaped, line breaks as `\n`. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** One content line folded to at most 75 octets a line (continuations start with a space), ending CRLF. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return `${line}\r\n`;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation counts
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return `${parts.join('\r\n ')}\r\n`;
}

/** A date-time as `20210301T090000Z` (UTC). */
function utcStamp(stamp: string): string {
  const time = new Date(stamp);
  if (Number.isNaN(time.getTime())) throw new RangeError(`renderIcs: the stamp '${stamp}' is not a time`);
  return time.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Whole minutes from 2020-01-01T00:00Z to the stamp (0 before it). */
function sequenceOf(stamp: string): number {
  const minutes = Math.floor((new Date(stamp).getTime() - Date.UTC(2020, 0, 1)) / 60000);
  return Math.max(0, Math.min(minutes, 2147483647));
}

const basicDate = (iso: string): string => iso.replace(/-/g, '');

/** The ISO day after an ISO date. */
function nextDay(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return next.toISOString().slice(0, 10);
}

/** A part of a UID: percent-encoded, so that different texts never give the same UID. */
function uidPart(text: string): string {
  return encodeURIComponent(text.trim());
}

/**
 * An event's UID: the same for the same award's same event in the same year, run after run.
 *
 * @example
 * eventUid({ ref: 'VS-01', event: 'Payment', sequence: 3 }, '2021/22', 'GB-GOR-PC000000')
 * //=> '2021-22.VS-01.payment.3@GB-GOR-PC000000.awards-modeller'
 */
export function eventUid(event: Pick<CalendarEvent, 'ref' | 'event' | 'sequence'>, financialYear: string, owner = ''): string {
  const who = owner.trim() === '' ? 'awards-modeller' : `${uidPart(owner)}.awards-modeller`;
  const name = uidPart(event.event.toLowerCase().replace(/\s+/g, '-'));
  return `${uidPart(financialYear.replace('/', '-'))}.${uidPart(event.ref)}.${name}.${event.sequence}@${who}`;
}

/** What the event says at a glance. */
export function eventSummary(event: CalendarEvent): string {
  const amount = event.amount === null ? '' : ` ${formatPounds(event.amount)}`;
  const who = event.recipient === '' ? event.ref : `${event.recipient} (${event.ref})`;
  return `${event.event}${amount}: ${who}`;
}

/** The calendar as iCalendar text. */
export function renderIcs(calendar: Calendar, options: IcsOptions): string {
  const stamp = utcStamp(options.stamp);
  const sequence = sequenceOf(options.stamp);
  const name = options.name ?? `Awards Modeller ${calendar.financialYear} (${calendar.scenario})`;
  const out: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Awards Modeller//Commissioning calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
  ].map(foldLine);
  for (const event of calendar.events) {
    const description = [
      event.detail,
      event.fund === '' ? '' : `Fund: ${event.fund}`,
      `Scenario: ${calendar.scenario} (${calendar.financialYear})`,
    ].filter((line) => line !== '').join('\n');
    const lines = [
      'BEGIN:VEVENT',
      `UID:${escapeText(eventUid(event, calendar.financialYear, options.owner))}`,
      `DTSTAMP:${stamp}`,
      `SEQUENCE:${sequence}`,
      `DTSTART;VALUE=DATE:${basicDate(event.date)}`,
      `DTEND;VALUE=DATE:${basicDate(nextDay(event.date))}`,
      `SUMMARY:${escapeText(eventSummary(event))}`,
      `DESCRIPTION:${escapeText(description)}`,
      `CATEGORIES:${escapeText(event.event)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ];
    for (const line of lines) out.push(foldLine(line));
  }
  out.push(foldLine('END:VCALENDAR'));
  return out.join('');
}
