import { nextEvents, outputSheets, readModel, runModel, sampleModel, type CalendarEvent, type ModelResult } from '../../src/engine/model';
import { runYear } from './commissioning';
import { allocation, award, STAMP, TODAY } from './support';

const runSample = (): ModelResult =>
  runModel(readModel(Object.fromEntries(sampleModel().map((table) => [table.name, table])), TODAY), { stamp: STAMP, today: TODAY });

const result = runSample();
const events = result.calendar.events;
const of = (ref: string): [string, string, number | null][] =>
  events.filter((event) => event.ref === ref).map((event) => [event.date, event.event, event.amount]);

const MONTH_STARTS = ['2021-04-01', '2021-05-01', '2021-06-01', '2021-07-01', '2021-08-01', '2021-09-01', '2021-10-01', '2021-11-01',
  '2021-12-01', '2022-01-01', '2022-02-01', '2022-03-01'];

describe('the sample\'s calendar (Confirmed, 2021/22)', () => {
  it('is for the scenario the appendices show, and its year', () => {
    expect([result.calendar.scenario, result.calendar.financialYear, result.payments.scenario]).toEqual(['Confirmed', '2021/22', 'Confirmed']);
  });

  it.each([
    ['2021-04-01', 30], ['2021-05-01', 1], ['2021-06-01', 1], ['2021-06-30', 7], ['2021-07-01', 16], ['2021-08-01', 1],
    ['2021-09-01', 1], ['2021-09-30', 54], ['2021-10-01', 16], ['2021-11-01', 1], ['2021-12-01', 1], ['2021-12-31', 8],
    ['2022-01-01', 16], ['2022-02-01', 1], ['2022-03-01', 1], ['2022-03-31', 54],
  ])('has, on %s, %i events', (date, count) => {
    expect(events.filter((event) => event.date === date).length).toBe(count);
  });

  it('has no event on any other day, and lists them in date order', () => {
    const dates = events.map((event) => event.date);
    expect([...new Set(dates)]).toEqual([
      '2021-04-01', '2021-05-01', '2021-06-01', '2021-06-30', '2021-07-01', '2021-08-01', '2021-09-01', '2021-09-30', '2021-10-01',
      '2021-11-01', '2021-12-01', '2021-12-31', '2022-01-01', '2022-02-01', '2022-03-01', '2022-03-31',
    ]);
    expect([...dates].sort()).toEqual(dates);
  });

  it('counts each kind of event as the reports\' rules give them', () => {
    const counts: Record<string, number> = {};
    for (const event of events) counts[event.event] = (counts[event.event] ?? 0) + 1;
    expect(counts).toEqual({
      Payment: 86, 'Monitoring return': 60, 'Monitoring meeting': 59, 'Extension decision due': 1, 'Re-procure by': 1, 'Term ends': 2,
    });
  });

  it('pays and monitors the victim assessment contract monthly and three-monthly, and says its extension is due', () => {
    const payments = MONTH_STARTS.map((date): [string, string, number | null] => [date, 'Payment', 40000]);
    const expected: [string, string, number | null][] = [
      ...payments.slice(0, 3), ['2021-06-30', 'Monitoring meeting', null], ...payments.slice(3, 6),
      ['2021-09-30', 'Monitoring return', null], ['2021-09-30', 'Monitoring meeting', null], ['2021-09-30', 'Extension decision due', null],
      ...payments.slice(6, 9), ['2021-12-31', 'Monitoring meeting', null], ...payments.slice(9, 12),
      ['2022-03-31', 'Monitoring return', null], ['2022-03-31', 'Monitoring meeting', null], ['2022-03-31', 'Term ends', null],
    ];
    expect(of('VS-01')).toEqual(expected);
  });

  it('pays the October-to-September pilot in two quarters and monitors it from October', () => {
    const half = allocation(result, 'VS-08', 'Confirmed').amount / 2;
    expect(of('VS-08')).toEqual([
      ['2021-10-01', 'Payment', half], ['2021-12-31', 'Monitoring meeting', null], ['2022-01-01', 'Payment', half],
      ['2022-03-31', 'Monitoring return', null], ['2022-03-31', 'Monitoring meeting', null],
    ]);
  });

  it('pays the six-month election award in two quarters and monitors it at its end', () => {
    expect(of('CD-11')).toEqual([
      ['2021-04-01', 'Payment', 6000], ['2021-07-01', 'Payment', 6000],
      ['2021-09-30', 'Monitoring return', null], ['2021-09-30', 'Monitoring meeting', null],
    ]);
  });

  it('says the mentoring contract, in its last extension year, must be re-procured by 30 September 2021', () => {
    expect(of('CD-12')).toEqual([
      ['2021-04-01', 'Payment', 11250], ['2021-07-01', 'Payment', 11250],
      ['2021-09-30', 'Monitoring return', null], ['2021-09-30', 'Monitoring meeting', null], ['2021-09-30', 'Re-procure by', null],
      ['2021-10-01', 'Payment', 11250], ['2022-01-01', 'Payment', 11250],
      ['2022-03-31', 'Monitoring return', null], ['2022-03-31', 'Monitoring meeting', null], ['2022-03-31', 'Term ends', null],
    ]);
    const reprocure = events.find((event) => event.ref === 'CD-12' && event.event === 'Re-procure by');
    expect(reprocure?.detail).toBe('Term ends 31 March 2022; no extension left');
  });

  it('pays a small grant once and has it send two returns, with no meeting', () => {
    expect(of('YC-01')).toEqual([
      ['2021-04-01', 'Payment', 3000], ['2021-09-30', 'Monitoring return', null], ['2022-03-31', 'Monitoring return', null],
    ]);
  });

  it('numbers each award\'s events of a kind from 1, so that they keep their names from run to run', () => {
    const seen = new Set<string>();
    for (const event of events) {
      const key = `${event.ref}|${event.event}|${event.sequence}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    expect(events.filter((event) => event.ref === 'VS-01' && event.event === 'Payment').map((event) => event.sequence))
      .toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('pays every fund\'s awards by month, the fund totals equal to the ledger\'s Awarded', () => {
    const confirmed = result.ledger.filter((row) => row.scenario === 'Confirmed');
    expect(result.payments.fundTotals.map((row) => [row.fund, row.total])).toEqual(confirmed.map((row) => [row.fund, row.awarded]));
    const vsg = result.payments.fundTotals[0];
    expect(vsg.months.slice(1, 3)).toEqual([40000, 40000]);
  });
});

describe('the rows, made when first read', () => {
  it('are the same rows each time they are read, and JSON carries them', () => {
    const fresh = runSample();
    expect(fresh.calendar.events).toBe(fresh.calendar.events);
    expect(fresh.payments.rows).toBe(fresh.payments.rows);
    const json = JSON.parse(JSON.stringify(fresh)) as ModelResult;
    expect(json.calendar.events).toEqual(events);
    expect(json.payments.rows).toEqual(result.payments.rows);
  });
});

describe('the next events', () => {
  it.each([
    ['2021-01-15', 2, [['2021-04-01', 'VS-01'], ['2021-04-01', 'VS-02']]],
    ['2021-09-01', 3, [['2021-09-01', 'VS-01'], ['2021-09-30', 'VS-01'], ['2021-09-30', 'VS-01']]],
    ['2021-09-02T10:00:00Z', 1, [['2021-09-30', 'VS-01']]],
    ['2022-03-31', 1, [['2022-03-31', 'VS-01']]],
    ['2022-04-01', 5, []],
    ['2021-06-01', 0, []],
  ])('from %s, the next %i are %p', (today, count, expected) => {
    expect(nextEvents(result.calendar, today, count).map((event: CalendarEvent) => [event.date, event.ref])).toEqual(expected);
  });
});

describe('the Payments and Calendar sheets', () => {
  const sheets = Object.fromEntries(outputSheets(result).map((sheet) => [sheet.sheet, sheet]));

  it('gives Payments its columns, Apr to Mar, money throughout, and the fund totals below', () => {
    const payments = sheets.Payments;
    expect(payments.columns.map((column) => column.header)).toEqual([
      'Ref', 'Recipient', 'Fund', 'Apr 2021', 'May 2021', 'Jun 2021', 'Jul 2021', 'Aug 2021', 'Sep 2021', 'Oct 2021', 'Nov 2021',
      'Dec 2021', 'Jan 2022', 'Feb 2022', 'Mar 2022', 'Total',
    ]);
    expect(payments.columns.slice(3).every((column) => column.format === 'money')).toBe(true);
    expect(payments.table).toBe('Payments');
    expect(payments.title[0]).toBe('Payments 2021/22 by month (scenario Confirmed)');
    expect(payments.rows.length).toBe(31);
    const ledger = result.ledger.filter((row) => row.scenario === 'Confirmed');
    expect(payments.footer.map((row) => [row[0], row[2], row[row.length - 1]])).toEqual(ledger.map((row) => ['Total', row.fund, row.awarded]));
  });

  it('gives Calendar its columns, dates as Excel dates, amounts for payments only', () => {
    const calendar = sheets.Calendar;
    expect(calendar.columns.map((column) => [column.header, column.format])).toEqual([
      ['Date', 'date'], ['Event', 'text'], ['Ref', 'text'], ['Recipient', 'text'], ['Fund', 'text'], ['Amount', 'money'], ['Detail', 'text'],
    ]);
    expect(calendar.rows.length).toBe(events.length);
    // 1 April 2021 is Excel serial 44287.
    expect(calendar.rows[0].slice(0, 3)).toEqual([44287, 'Payment', 'VS-01']);
    expect(calendar.rows.find((row) => row[1] === 'Term ends')?.[5]).toBeNull();
  });

  it('writes an empty calendar for a model without awards', () => {
    const empty = runYear({ awards: [award('A', { Rule: 'FIXED', Value: 0 })] });
    expect(empty.calendar.events).toEqual([]);
    expect(empty.payments.rows).toEqual([]);
    expect(empty.payments.fundTotals.map((row) => row.total)).toEqual([0]);
  });
});
