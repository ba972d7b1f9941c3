import fc from 'fast-check';
import { compareDates, dayNumber, daysInMonth, parseIsoDate, toIsoDate, type CalendarDate } from '../../src/engine/dates';
import { addMonths, longDate, monthsBefore, monthsBeforeDay, periodEnd, periodEndDay } from '../../src/engine/model/months';

const date = (iso: string): CalendarDate => parseIsoDate(iso);

/** Any real date from 1990 to 2060. */
const anyDate: fc.Arbitrary<CalendarDate> = fc
  .tuple(fc.integer({ min: 1990, max: 2060 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([year, month, day]) => ({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

describe('periods in months', () => {
  it.each([
    ['2016-04-01', 36, '2019-03-31', 'three years from 1 April 2016'],
    ['2021-04-01', 12, '2022-03-31', 'a financial year'],
    ['2021-10-01', 6, '2022-03-31', 'six months from October'],
    ['2021-01-31', 1, '2021-02-28', 'a month from the 31st, in a common year'],
    ['2024-01-31', 1, '2024-02-29', 'a month from the 31st, in a leap year'],
    ['2021-03-31', 1, '2021-04-30', 'a month from 31 March'],
    ['2021-01-31', 2, '2021-03-30', 'two months from the 31st: the day before 31 March'],
    ['2021-08-31', 6, '2022-02-28', 'six months from 31 August'],
    ['2023-08-31', 6, '2024-02-29', 'six months from 31 August into a leap February'],
    ['2020-02-29', 12, '2021-02-28', 'a year from a leap day'],
    ['2020-02-29', 48, '2024-02-28', 'four years from a leap day, to the day before the next'],
    ['2021-01-29', 1, '2021-02-28', 'a month from 29 January when February has 28 days'],
    ['2021-01-28', 1, '2021-02-27', 'a month from 28 January'],
    ['2021-12-15', 3, '2022-03-14', 'across a new year'],
  ])('ends a period from %s of %i months on %s (%s)', (start, months, end) => {
    expect(toIsoDate(periodEnd(date(start), months))).toBe(end);
  });

  it.each([
    ['2022-03-31', 6, '2021-09-30'],
    ['2022-09-30', 6, '2022-03-31'],
    ['2022-02-28', 6, '2021-08-31'],
    ['2024-02-29', 6, '2023-08-31'],
    ['2022-03-31', 0, '2022-03-31'],
    ['2022-03-31', 12, '2021-03-31'],
    ['2022-06-15', 3, '2022-03-15'],
  ])('leaves, before a term ending %s, %i months of notice from %s', (end, months, due) => {
    expect(toIsoDate(monthsBefore(date(end), months))).toBe(due);
  });

  it.each([
    ['2021-01-31', 1, '2021-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2021-10-01', -6, '2021-04-01'],
    ['2021-03-31', -1, '2021-02-28'],
    ['2021-11-30', 3, '2022-02-28'],
  ])('moves %s by %i months to %s, keeping to the month', (from, months, to) => {
    expect(toIsoDate(addMonths(date(from), months))).toBe(to);
  });

  it('writes dates as a finance officer does', () => {
    expect([longDate(date('2022-03-31')), longDate(date('2021-09-01'))]).toEqual(['31 March 2022', '1 September 2021']);
  });

  it('ends every period inside the month it should, never spilling into the next (property)', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: 1, max: 120 }), (start, months) => {
      const end = periodEnd(start, months);
      const target = addMonths(start, months);
      // On or after the start, and never later than the day before the same day N months on.
      expect(compareDates(end, start)).toBeGreaterThanOrEqual(0);
      expect(dayNumber(end)).toBeLessThanOrEqual(dayNumber(target));
      // From the 1st, a period ends on a month's last day.
      if (start.day === 1) expect(end.day).toBe(daysInMonth(end.year, end.month));
      // A longer period ends later.
      expect(compareDates(periodEnd(start, months + 1), end)).toBeGreaterThan(0);
    }), { numRuns: 2000 });
  });

  it('leaves exactly N months between a decision and the end of a term that started on a 1st (property)', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: 1, max: 60 }), (start, months) => {
      const first = { year: start.year, month: start.month, day: 1 };
      const due = monthsBefore(periodEnd(first, months), months);
      expect(dayNumber(due)).toBe(dayNumber(first) - 1);
    }), { numRuns: 1000 });
  });

  it('gives the same days on day numbers as on dates, for the calendar\'s loops (property)', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: 0, max: 120 }), (day, months) => {
      expect(monthsBeforeDay(dayNumber(day), months)).toBe(dayNumber(monthsBefore(day, months)));
      if (months > 0) expect(periodEndDay(day.year, day.month, day.day, months)).toBe(dayNumber(periodEnd(day, months)));
    }), { numRuns: 2000 });
  });
});
