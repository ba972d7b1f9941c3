import fc from 'fast-check';
import { parseIsoDate, toIsoDate, type CalendarDate } from '../../src/engine/dates';
import { fiscalYearOf } from '../../src/engine/fiscalYear';
import { monitoringDates } from '../../src/engine/model/monitoring';
import { REPORT_RULES, runYear, TWO_FUNDS, yearModel } from './commissioning';
import { award, checksNamed, type Row } from './support';

const year = fiscalYearOf(2021);
const d = (iso: string | null): CalendarDate | null => (iso === null ? null : parseIsoDate(iso));

/** The monitoring events of one award under the reports' rules, as [date, what]. */
function monitoringOf(fields: Row, rules: Row[] = REPORT_RULES): [string, string][] {
  const result = runYear({ funds: TWO_FUNDS, awards: [award('A', fields)], monitoring: rules });
  return result.calendar.events.filter((event) => event.event !== 'Payment').map((event) => [event.date, event.event]);
}

describe('monitoring dates', () => {
  it.each([
    [null, null, 6, ['2021-09-30', '2022-03-31']],
    [null, null, 3, ['2021-06-30', '2021-09-30', '2021-12-31', '2022-03-31']],
    ['2021-10-01', '2022-09-30', 3, ['2021-12-31', '2022-03-31']],
    ['2021-10-01', '2022-09-30', 6, ['2022-03-31']],
    ['2020-10-01', '2021-09-30', 6, ['2021-09-30']],
    ['2021-04-01', '2021-09-30', 6, ['2021-09-30']],
    ['2021-04-01', '2021-08-15', 3, ['2021-06-30', '2021-08-15']],
    ['2021-05-31', null, 3, ['2021-08-30', '2021-11-30', '2022-02-28', '2022-03-31']],
    ['2016-04-01', '2024-03-31', 6, ['2021-09-30', '2022-03-31']],
    ['2022-04-01', null, 6, []],
  ])('falls, for an award from %s to %s monitored every %i months, on %p', (start, end, every, expected) => {
    expect(monitoringDates({ start: d(start), end: d(end) }, every, year).map(toIsoDate)).toEqual(expected);
  });

  it('puts every monitoring date inside the award\'s period and the model year, once each, in order (property)', () => {
    const anyDay = fc.integer({ min: -900, max: 900 }).map((k): CalendarDate => {
      const date = new Date(Date.UTC(2021, 3, 1) + k * 86400000);
      return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    });
    fc.assert(fc.property(fc.option(anyDay), fc.option(anyDay), fc.integer({ min: 1, max: 24 }), (start, end, every) => {
      if (start !== null && end !== null && toIsoDate(end) < toIsoDate(start)) return;
      const dates = monitoringDates({ start, end }, every, year).map(toIsoDate);
      const from = start === null ? '2021-04-01' : toIsoDate(start);
      const to = end === null ? '2022-03-31' : toIsoDate(end);
      for (const date of dates) {
        expect(date >= from && date <= to).toBe(true);
        expect(date >= '2021-04-01' && date <= '2022-03-31').toBe(true);
      }
      expect([...new Set(dates)].sort()).toEqual(dates);
      // The award's end, when it falls in the year, is always monitored.
      if (to >= '2021-04-01' && to <= '2022-03-31' && to >= from) expect(dates[dates.length - 1]).toBe(to);
    }), { numRuns: 2000 });
  });
});

describe('the reports\' monitoring rules', () => {
  it.each([
    ['a victim services award of £50,000: six-monthly returns and three-monthly meetings', { 'Prior year': 50000 }, [
      ['2021-06-30', 'Monitoring meeting'], ['2021-09-30', 'Monitoring return'], ['2021-09-30', 'Monitoring meeting'],
      ['2021-12-31', 'Monitoring meeting'], ['2022-03-31', 'Monitoring return'], ['2022-03-31', 'Monitoring meeting'],
    ]],
    ['a victim services award of exactly £10,000: returns only (meetings are above it)', { 'Prior year': 10000 }, [
      ['2021-09-30', 'Monitoring return'], ['2022-03-31', 'Monitoring return'],
    ]],
    ['a partnership grant of £12,000: returns at the mid-point and end, six-monthly meetings', { Fund: 'CSP', 'Prior year': 12000 }, [
      ['2021-09-30', 'Monitoring return'], ['2021-09-30', 'Monitoring meeting'], ['2022-03-31', 'Monitoring return'], ['2022-03-31', 'Monitoring meeting'],
    ]],
    ['a small grant of £3,000: six-monthly returns', { Fund: 'CSP', 'Prior year': 3000 }, [
      ['2021-09-30', 'Monitoring return'], ['2022-03-31', 'Monitoring return'],
    ]],
    ['an October-to-September award: meetings from its start, in the year', { Rule: 'FIXED', Value: 24000, Start: '2021-10-01', End: '2022-09-30' }, [
      ['2021-12-31', 'Monitoring meeting'], ['2022-03-31', 'Monitoring return'], ['2022-03-31', 'Monitoring meeting'],
    ]],
    ['an award of £0.00: none', { Rule: 'FIXED', Value: 0 }, []],
  ])('monitors %s', (_, fields, expected) => {
    expect(monitoringOf(fields)).toEqual(expected);
  });

  it('lets a rule naming the fund replace the blank-fund rule of the same What, matched case-blind', () => {
    const rules: Row[] = [
      { What: 'Monitoring return', 'Every (months)': 6 },
      { Fund: 'grant', What: ' monitoring RETURN ', 'Every (months)': 12 },
    ];
    expect(monitoringOf({ 'Prior year': 5000 }, rules)).toEqual([['2022-03-31', ' monitoring RETURN '.trim()]]);
    expect(monitoringOf({ Fund: 'CSP', 'Prior year': 5000 }, rules)).toEqual([['2021-09-30', 'Monitoring return'], ['2022-03-31', 'Monitoring return']]);
  });

  it('takes, of one What\'s rules, the one with the highest minimum the award is above', () => {
    const rules: Row[] = [
      { 'Minimum amount': 0, What: 'Visit', 'Every (months)': 12 },
      { 'Minimum amount': '£50,000', What: 'Visit', 'Every (months)': 3 },
    ];
    expect(monitoringOf({ 'Prior year': 60000 }, rules).length).toBe(4);
    expect(monitoringOf({ 'Prior year': 20000 }, rules)).toEqual([['2022-03-31', 'Visit']]);
  });

  it('has no monitoring events without a Monitoring table', () => {
    const result = runYear({ funds: TWO_FUNDS, awards: [award('A', { 'Prior year': 50000 })] });
    expect(result.calendar.events.map((event) => event.event)).toEqual(['Payment']);
  });

  it.each([
    [{ Fund: 'Nowhere', What: 'Return', 'Every (months)': 6 }, 'Unknown fund', 'Fund', "Return: fund 'Nowhere' is not in the Funds table; the row is ignored."],
    [{ What: '', 'Every (months)': 6, 'Minimum amount': 5 }, 'Missing value', 'What', 'Row 1 of the Monitoring table has no What; the row is ignored.'],
    [{ What: 'Return', 'Every (months)': 'six' }, 'Bad value', 'Every (months)', "Return: Every (months) holds 'six', which is not a whole number of months from 1 to 120; the row is ignored."],
    [{ What: 'Return', 'Every (months)': 1.5 }, 'Bad value', 'Every (months)', "Return: Every (months) holds '1.5', which is not a whole number of months from 1 to 120; the row is ignored."],
    [{ What: 'Return' }, 'Missing value', 'Every (months)', 'Return: Every (months) is blank, which is not a whole number of months from 1 to 120; the row is ignored.'],
    [{ What: 'Return', 'Every (months)': 6, 'Minimum amount': 'ten' }, 'Not a number', 'Minimum amount', "Return: Minimum amount holds 'ten', which is not an amount; the row is ignored."],
  ])('refuses a Monitoring row %p as an error naming the table, row and column', (row, check, column, message) => {
    const model = yearModel({ funds: TWO_FUNDS, monitoring: [row] });
    expect(model.monitoring).toEqual([]);
    expect(model.rowChecks.map((found) => [found.severity, found.check, found.table, found.row, found.column, found.message]))
      .toEqual([['error', check, 'Monitoring', 0, column, message]]);
  });

  it('says nothing about a Monitoring table it can read', () => {
    const model = yearModel({ funds: TWO_FUNDS, monitoring: REPORT_RULES });
    expect(checksNamed(model, 'Unknown fund')).toEqual([]);
    expect(model.monitoring.map((rule) => [rule.fund, rule.minimum, rule.what, rule.everyMonths])).toEqual([
      [null, 0, 'Monitoring return', 6], [null, 10000, 'Monitoring meeting', 6], ['Grant', 10000, 'Monitoring meeting', 3], ['CSP', 0, 'Monitoring return', 6],
    ]);
  });
});
