import fc from 'fast-check';
import {
  type CalendarDate, compareDates, dayNumber, fiscalYear, fiscalYearOf, fromDayNumber, parseFiscalYear, toIsoDate,
} from '../../src/engine';
import { MANY, expectEngineError } from './support';

const date = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });
const anyDate = fc.integer({ min: dayNumber(date(1901, 1, 1)), max: dayNumber(date(9998, 12, 31)) }).map(fromDayNumber);

describe('fiscalYear', () => {
  it.each([
    [date(2021, 3, 31), undefined, '2020/21'],
    [date(2021, 4, 1), undefined, '2021/22'],
    [date(1999, 4, 1), undefined, '1999/00'],
    [date(2000, 3, 31), undefined, '1999/00'],
    [date(2009, 12, 25), undefined, '2009/10'],
    [date(2021, 3, 31), 1, '2021'],
    [date(2021, 12, 31), 1, '2021'],
    [date(2021, 6, 30), 7, '2020/21'],
    [date(2021, 7, 1), 7, '2021/22'],
  ])('puts %p in %s (start month %p)', (d, startMonth, label) => {
    expect(fiscalYear(d, startMonth).label).toBe(label);
  });

  it('gives the first and last days of the UK year', () => {
    const year = fiscalYear(date(2021, 3, 31));
    expect([year.startYear, year.startMonth, toIsoDate(year.start), toIsoDate(year.end)])
      .toEqual([2020, 4, '2020-04-01', '2021-03-31']);
  });

  it.each([[0], [13], [1.5], [Number.NaN]])('rejects start month %p with #NUM!', (startMonth) => {
    expectEngineError(() => fiscalYear(date(2021, 1, 1), startMonth), '#NUM!', 'startMonth must be a whole number from 1 to 12');
  });

  it('always contains the date, and runs one year from the first of its start month', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: 1, max: 12 }), (d, startMonth) => {
      const year = fiscalYear(d, startMonth);
      expect(compareDates(year.start, d)).toBeLessThanOrEqual(0);
      expect(compareDates(d, year.end)).toBeLessThanOrEqual(0);
      expect(year.start).toEqual(date(year.startYear, startMonth, 1));
      expect(fiscalYear(fromDayNumber(dayNumber(year.end) + 1), startMonth).startYear).toBe(year.startYear + 1);
      expect(dayNumber(year.end) - dayNumber(year.start) + 1).toBeGreaterThanOrEqual(365);
      expect(dayNumber(year.end) - dayNumber(year.start) + 1).toBeLessThanOrEqual(366);
    }), MANY);
  });

  it('labels years start/end, the second year as two digits', () => {
    fc.assert(fc.property(anyDate, (d) => {
      const { label, startYear } = fiscalYear(d);
      expect(label).toMatch(/^\d{4}\/\d{2}$/);
      expect(parseFiscalYear(label)).toBe(startYear);
    }), MANY);
  });
});

describe('fiscalYearOf', () => {
  it('builds the year from its start year', () => {
    const year = fiscalYearOf(2023);
    expect([year.label, toIsoDate(year.start), toIsoDate(year.end)]).toEqual(['2023/24', '2023-04-01', '2024-03-31']);
    expect(fiscalYearOf(2023, 3).end).toEqual(date(2024, 2, 29));
    expect(fiscalYearOf(2023, 1).label).toBe('2023');
  });

  it('rejects a start year that is not whole with #VALUE! and a bad start month with #NUM!', () => {
    expectEngineError(() => fiscalYearOf(2021.5), '#VALUE!', 'fy is not a financial year');
    expectEngineError(() => fiscalYearOf(2021, 0), '#NUM!', 'startMonth must be a whole number from 1 to 12: 0');
  });
});

describe('parseFiscalYear', () => {
  it.each([
    [2021, 2021], ['2021', 2021], ['2021/22', 2021], ['2021-22', 2021], ['2021/2022', 2021], ['2021-2022', 2021],
    [' 2021 / 22 ', 2021], ['1999/00', 1999], ['1999/2000', 1999], ['2099/00', 2099],
  ])('reads %p as %p', (input, startYear) => {
    expect(parseFiscalYear(input)).toBe(startYear);
  });

  it.each([
    ['2021/23', "fy '2021/23' is not a financial year: 2021 is followed by 2022 (2021/22)"],
    ['2021/2023', 'is not a financial year: 2021 is followed by 2022'],
    ['1999/99', '1999 is followed by 2000 (1999/00)'],
    ['FY2021', "fy is not a financial year such as 2021, 2021/22 or 2021-22: 'FY2021'"],
    ['21/22', 'is not a financial year such as'],
    ['2021/2', 'is not a financial year such as'],
    ['', 'is not a financial year such as 2021, 2021/22 or 2021-22: (blank)'],
    [2021.5, 'is not a financial year such as 2021, 2021/22 or 2021-22: 2021.5'],
    [21, 'is not a financial year such as'],
    [Number.NaN, 'is not a financial year such as'],
  ])('rejects %p with #VALUE!', (input, message) => {
    expectEngineError(() => parseFiscalYear(input), '#VALUE!', message);
  });
});
