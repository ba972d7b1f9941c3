import ICAL from 'ical.js';
import { readModel, runModel, sampleModel, type Calendar, type ModelResult } from '../../src/engine/model';
import { escapeText, eventUid, foldLine, renderIcs } from '../../src/render/ics';
import { calendarRecords, renderCalendarCsv } from '../../src/render/calendarCsv';

const TODAY = '2021-01-15';

function runSample(scenario: string, stamp: string): ModelResult {
  const model = readModel(Object.fromEntries(sampleModel().map((table) => [table.name, table])), TODAY);
  return runModel(model, { scenarios: [scenario], appendixScenario: scenario, stamp, today: TODAY });
}

/** The file read back by an independent parser (ical.js), as its events. */
function parse(text: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

const confirmed = runSample('Confirmed', '2021-03-01T09:00:00Z');
const text = renderIcs(confirmed.calendar, { stamp: confirmed.stamp, owner: 'GB-GOR-PC000000' });

describe('the calendar as iCalendar', () => {
  const events = parse(text);

  it('reads back, through ical.js, as one all-day event per calendar row, in order', () => {
    expect(events.length).toBe(confirmed.calendar.events.length);
    events.forEach((event, k) => {
      const row = confirmed.calendar.events[k];
      expect(event.startDate.isDate).toBe(true);
      expect(event.startDate.toString()).toBe(row.date);
      expect(event.endDate.isDate).toBe(true);
      expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(86400000);
    });
  });

  it('says what each event is, to whom, how much, from which fund and scenario', () => {
    const first = events[0];
    expect(first.summary).toBe('Payment £40,000.00: Horizon Victim Care Ltd (VS-01)');
    expect(first.description).toBe('Monthly instalment 1 of 12\nFund: Victim Services Grant\nScenario: Confirmed (2021/22)');
    const reprocure = events.find((event) => event.summary.startsWith('Re-procure by'));
    expect(reprocure?.summary).toBe('Re-procure by: Second Chance Mentoring CIC (CD-12)');
    expect(reprocure?.startDate.toString()).toBe('2021-09-30');
    expect(reprocure?.component.getFirstPropertyValue('categories')).toBe('Re-procure by');
  });

  it('gives every event a UID of its own', () => {
    const uids = events.map((event) => event.uid);
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids[0]).toBe('2021-22.VS-01.payment.1@GB-GOR-PC000000.awards-modeller');
  });

  it('keeps the UIDs from one run to the next, whatever the scenario or the time, so a re-import updates', () => {
    const later = runSample('Indicative', '2021-05-20T16:45:00Z');
    const again = parse(renderIcs(later.calendar, { stamp: later.stamp, owner: 'GB-GOR-PC000000' }));
    expect(again.map((event) => event.uid)).toEqual(events.map((event) => event.uid));
    // ... and the later file is the later revision.
    expect(again[0].sequence).toBeGreaterThan(events[0].sequence);
    expect(again[0].component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2021-05-20T16:45:00Z');
  });

  it('writes the same file for the same run', () => {
    expect(renderIcs(confirmed.calendar, { stamp: confirmed.stamp, owner: 'GB-GOR-PC000000' })).toBe(text);
  });

  it('is the standard\'s text: CRLF lines of at most 75 octets, a calendar with a version and product', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('iCalendar text', () => {
  const calendar: Calendar = {
    scenario: 'Base; "final", really', financialYear: '2021/22',
    events: [{
      date: '2024-02-29', event: 'Visit, with notes; and a \\ backslash', ref: 'R/1 ä', recipient: 'Café “Ünïcode” — ' + 'é'.repeat(60),
      fund: 'Grant', amount: null, detail: 'Line one\nLine two', sequence: 1,
    }],
  };
  const [event] = parse(renderIcs(calendar, { stamp: '2021-03-01T09:00:00Z' }));

  it('escapes commas, semicolons, backslashes and line breaks, and folds long lines inside no character', () => {
    expect(event.summary).toBe(`Visit, with notes; and a \\ backslash: ${calendar.events[0].recipient} (R/1 ä)`);
    expect(event.description).toBe('Line one\nLine two\nFund: Grant\nScenario: Base; "final", really (2021/22)');
    expect(event.startDate.toString()).toBe('2024-02-29');
    expect(event.endDate.toString()).toBe('2024-03-01');
  });

  it('makes UIDs that differ whenever the ref, event, number or year differ', () => {
    const base = { ref: 'A B', event: 'Payment', sequence: 1 };
    const uids = [
      eventUid(base, '2021/22'), eventUid({ ...base, ref: 'A-B' }, '2021/22'), eventUid({ ...base, ref: 'A  B' }, '2021/22'),
      eventUid({ ...base, sequence: 2 }, '2021/22'), eventUid({ ...base, event: 'Term ends' }, '2021/22'),
      eventUid(base, '2022/23'), eventUid(base, '2021/22', 'GB-CHC-1'),
    ];
    expect(new Set(uids).size).toBe(uids.length);
    expect(eventUid(base, '2021/22')).toBe('2021-22.A%20B.payment.1@awards-modeller');
  });

  it.each([
    ['a,b;c\\d', 'a\\,b\\;c\\\\d'],
    ['one\r\ntwo\nthree', 'one\\ntwo\\nthree'],
  ])('escapes %p as %p', (raw, escaped) => {
    expect(escapeText(raw)).toBe(escaped);
  });

  it('folds at 75 octets, continuing with a space', () => {
    const folded = foldLine(`SUMMARY:${'x'.repeat(100)}`);
    expect(folded.split('\r\n').map((line) => line.length)).toEqual([75, 34, 0]);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'x'.repeat(100)}\r\n`);
  });
});

describe('the calendar as CSV', () => {
  it('has the Calendar sheet\'s columns, ISO dates, plain amounts and a byte-order mark', () => {
    const records = calendarRecords(confirmed.calendar);
    expect(records[0]).toEqual(['Date', 'Event', 'Ref', 'Recipient', 'Fund', 'Amount', 'Detail']);
    expect(records[1]).toEqual(['2021-04-01', 'Payment', 'VS-01', 'Horizon Victim Care Ltd', 'Victim Services Grant', '40000.00', 'Monthly instalment 1 of 12']);
    expect(records.find((record) => record[1] === 'Term ends')?.[5]).toBe('');
    const csv = renderCalendarCsv(confirmed.calendar);
    expect(csv.startsWith('\uFEFFDate,Event,Ref,')).toBe(true);
    expect(csv.split('\r\n').length).toBe(confirmed.calendar.events.length + 2);
  });
});
