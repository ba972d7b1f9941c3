import fc from 'fast-check';
import {
  type CalendarDate, compareDates, dayNumber, daysInMonth, fromDayNumber, fromExcelSerial, isLeapYear, isRealDate,
  parseIsoDate, readDate, toExcelSerial, toIsoDate,
} from '../../src/engine';
import { MANY, expectEngineError } from './support';

const date = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });

/** The oracle: JavaScript's own UTC calendar (fine in a test, kept out of the engine). */
function utcDate(n: number): CalendarDate {
  const d = new Date(n * 86_400_000);
  return date(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const realDate = fc.integer({ min: dayNumber(date(1, 1, 1)), max: dayNumber(date(9999, 12, 31)) }).map(fromDayNumber);

describe('fromExcelSerial', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [60, '1900-02-29'],
    [61, '1900-03-01'],
    [367, '1901-01-01'],
    [25569, '1970-01-01'],
    [44287, '2021-04-01'],
    [44651, '2022-03-31'],
    [45000, '2023-03-15'],
    [45000.75, '2023-03-15'],
    [2958465, '9999-12-31'],
    [2958465.99, '9999-12-31'],
  ])('reads serial %p as %s (1900 date system, time ignored)', (serial, iso) => {
    expect(toIsoDate(fromExcelSerial(serial))).toBe(iso);
  });

  it.each([[0], [0.5], [-1], [2958466], [Number.NaN], [Number.POSITIVE_INFINITY]])('rejects serial %p with #VALUE!', (serial) => {
    expectEngineError(() => fromExcelSerial(serial), '#VALUE!', 'date is not an Excel date', String(serial));
  });

  it('names the argument in its error', () => {
    expectEngineError(() => fromExcelSerial(-5, 'start'), '#VALUE!', 'start is not an Excel date');
  });

  it('round-trips every serial through toExcelSerial', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2958465 }), (serial) => {
      expect(toExcelSerial(fromExcelSerial(serial))).toBe(serial);
    }), MANY);
  });

  it('counts one day per serial after Excel\'s 1900-02-29', () => {
    fc.assert(fc.property(fc.integer({ min: 61, max: 2958464 }), (serial) => {
      expect(dayNumber(fromExcelSerial(serial + 1)) - dayNumber(fromExcelSerial(serial))).toBe(1);
    }), MANY);
  });
});

describe('toExcelSerial', () => {
  it.each([
    [date(1900, 1, 1), 1],
    [date(1900, 2, 28), 59],
    [date(1900, 2, 29), 60],
    [date(1900, 3, 1), 61],
    [date(2023, 3, 15), 45000],
    [date(9999, 12, 31), 2958465],
  ])('gives %p serial %p', (d, serial) => {
    expect(toExcelSerial(d)).toBe(serial);
  });

  it.each([[date(1899, 12, 31)], [date(10000, 1, 1)], [date(2021, 2, 30)]])('rejects %p with #VALUE!', (d) => {
    expectEngineError(() => toExcelSerial(d), '#VALUE!', "outside Excel's dates");
  });
});

describe('dayNumber and fromDayNumber', () => {
  it.each([
    [date(1970, 1, 1), 0],
    [date(1969, 12, 31), -1],
    [date(2000, 3, 1), 11017],
    [date(2021, 4, 1), 18718],
  ])('counts %p as day %p since 1970-01-01', (d, n) => {
    expect(dayNumber(d)).toBe(n);
    expect(fromDayNumber(n)).toEqual(d);
  });

  it('agrees with the UTC calendar and round-trips, from year 1 to 9999', () => {
    fc.assert(fc.property(fc.integer({ min: -719162, max: 2932896 }), (n) => {
      const d = fromDayNumber(n);
      expect(d).toEqual(utcDate(n));
      expect(dayNumber(d)).toBe(n);
      expect(isRealDate(d)).toBe(true);
    }), MANY);
  });
});

describe('compareDates', () => {
  it('orders dates as their day numbers do', () => {
    fc.assert(fc.property(realDate, realDate, (a, b) => {
      expect(Math.sign(compareDates(a, b))).toBe(Math.sign(dayNumber(a) - dayNumber(b)));
    }), MANY);
  });
});

describe('daysInMonth and isLeapYear', () => {
  it.each([
    [2021, 1, 31], [2021, 2, 28], [2020, 2, 29], [1900, 2, 28], [2000, 2, 29], [2021, 4, 30], [2021, 12, 31],
  ])('%p-%p has %p days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it.each([[2020, true], [2021, false], [1900, false], [2000, true], [2100, false]])('leap year %p: %p', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it.each([
    [date(2021, 2, 29), false], [date(2024, 2, 29), true], [date(2021, 13, 1), false], [date(2021, 4, 0), false],
    [date(2021, 4, 1.5), false],
  ])('%p is a real date: %p', (d, real) => {
    expect(isRealDate(d)).toBe(real);
  });
});

describe('parseIsoDate', () => {
  it.each([
    ['2021-04-01', date(2021, 4, 1)],
    [' 2021-04-01 ', date(2021, 4, 1)],
    ['2024-02-29', date(2024, 2, 29)],
    ['2021-04-01T00:00', date(2021, 4, 1)],
    ['2021-04-01T00:00:00', date(2021, 4, 1)],
    ['2021-04-01T23:59:59.999', date(2021, 4, 1)],
    ['2021-04-01T09:30:15.5', date(2021, 4, 1)],
  ])('reads %p', (text, expected) => {
    expect(parseIsoDate(text)).toEqual(expected);
  });

  it.each([
    ['2021-02-30', "date '2021-02-30' is not a real date: that month has 28 days"],
    ['2021-13-01', "date '2021-13-01' is not a real date: months run from 01 to 12"],
    ['2021-00-10', 'months run from 01 to 12'],
    ['2021-04-00', 'that month has 30 days'],
    ['31/12/2021', "date is not a date written YYYY-MM-DD: '31/12/2021'"],
    ['21-01-01', 'is not a date written YYYY-MM-DD'],
    ['2021-4-1', 'is not a date written YYYY-MM-DD'],
    ['0000-01-01', 'is not a date written YYYY-MM-DD'],
    ['', 'is not a date written YYYY-MM-DD: (blank)'],
    ['2021-04-01Tgarbage', "date '2021-04-01Tgarbage' is not a date: after YYYY-MM-DD only a time of day THH:MM[:SS[.fff]] may follow"],
    ['2021-04-01T', 'only a time of day'],
    ['2021-04-01T24:00', 'only a time of day'],
    ['2021-04-01T12:60', 'only a time of day'],
    ['2021-04-01T12:00:60', 'only a time of day'],
    ['2021-04-01T12', 'only a time of day'],
    ['2021-04-01T12:00:00.1234', 'only a time of day'],
    ['2021-04-01T00:00:00Z', 'only a time of day'],
    ['2021-04-01T23:59:59+01:00', 'only a time of day'],
    ['2021-04-01garbage', 'is not a date written YYYY-MM-DD'],
  ])('rejects %p with #VALUE!', (text, message) => {
    expectEngineError(() => parseIsoDate(text), '#VALUE!', message);
  });

  it('round-trips every date through toIsoDate', () => {
    fc.assert(fc.property(realDate, (d) => {
      expect(parseIsoDate(toIsoDate(d))).toEqual(d);
    }), MANY);
  });
});

describe('readDate', () => {
  it('takes a serial number, ISO text or a date', () => {
    expect(readDate(45000)).toEqual(date(2023, 3, 15));
    expect(readDate('2023-03-15')).toEqual(date(2023, 3, 15));
    expect(readDate(date(2023, 3, 15))).toEqual(date(2023, 3, 15));
  });

  it('rejects anything else with #VALUE!, naming the argument', () => {
    expectEngineError(() => readDate('soon', 'end'), '#VALUE!', "end is not a date written YYYY-MM-DD: 'soon'");
    expectEngineError(() => readDate(date(2021, 2, 30), 'end'), '#VALUE!', 'end is not a date');
  });
});
