import fc from 'fast-check';
import { parseIsoDate, toIsoDate, type CalendarDate } from '../../src/engine/dates';
import { fiscalYearOf } from '../../src/engine/fiscalYear';
import type { PaymentPlan } from '../../src/engine/model';
import { equalParts, instalments } from '../../src/engine/model/payments';
import { runYear } from './commissioning';
import { award, checksNamed, pence } from './support';

const year = fiscalYearOf(2021);
const d = (iso: string | null): CalendarDate | null => (iso === null ? null : parseIsoDate(iso));

describe('equal instalments', () => {
  it.each([
    [10000, 3, [3334, 3333, 3333]],
    [10000, 4, [2500, 2500, 2500, 2500]],
    [1, 4, [1, 0, 0, 0]],
    [1000001, 12, [83334, 83334, 83334, 83334, 83334, 83333, 83333, 83333, 83333, 83333, 83333, 83333]],
    [-10000, 3, [-3334, -3333, -3333]],
  ])('splits %i pence into %i parts, the odd pennies to the earlier ones', (total, count, parts) => {
    expect(equalParts(total, count)).toEqual(parts);
  });
});

describe('instalments', () => {
  it.each([
    ['Single', null, null, 1200000, [['2021-04-01', 1200000]]],
    ['Single', '2021-10-01', '2022-09-30', 1200000, [['2021-10-01', 1200000]]],
    ['Single', '2020-10-01', '2021-09-30', 1200000, [['2021-04-01', 1200000]]],
    ['Quarterly', null, null, 1000001, [['2021-04-01', 250001], ['2021-07-01', 250000], ['2021-10-01', 250000], ['2022-01-01', 250000]]],
    ['Quarterly', '2021-10-01', '2022-09-30', 1200000, [['2021-10-01', 600000], ['2022-01-01', 600000]]],
    ['Quarterly', '2021-04-01', '2021-09-30', 1200000, [['2021-04-01', 600000], ['2021-07-01', 600000]]],
    ['Quarterly', '2021-08-15', null, 900000, [['2021-08-15', 300000], ['2021-10-01', 300000], ['2022-01-01', 300000]]],
    ['Quarterly', null, '2021-07-01', 100, [['2021-04-01', 50], ['2021-07-01', 50]]],
    ['Monthly', '2022-01-31', null, 300000, [['2022-01-31', 100000], ['2022-02-01', 100000], ['2022-03-01', 100000]]],
    ['Monthly', null, null, 100, Array.from({ length: 12 }, (_, m) => [toIsoDate({ year: m < 9 ? 2021 : 2022, month: ((m + 3) % 12) + 1, day: 1 }), m < 4 ? 9 : 8])],
  ])('pays a %s award from %s to %s of %i pence as the reports do', (plan, start, end, amount, expected) => {
    const paid = instalments({ payment: plan as PaymentPlan, start: d(start), end: d(end) }, amount, year);
    expect(paid.map((instalment) => [toIsoDate(instalment.date), instalment.pence])).toEqual(expected);
  });

  it('pays nothing on an award of £0.00', () => {
    expect(instalments({ payment: 'Quarterly', start: null, end: null }, 0, year)).toEqual([]);
  });

  const plan = fc.constantFrom<PaymentPlan>('Single', 'Quarterly', 'Monthly');
  const dayIn = (from: number, days: number) => fc.integer({ min: 0, max: days }).map((k) => {
    const date = new Date(Date.UTC(2021, 3, 1) + (from + k) * 86400000);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  });

  it('adds the instalments up to the award to the penny, each in the award\'s days of the year, in date order (property)', () => {
    fc.assert(fc.property(
      plan, fc.option(dayIn(-200, 500)), fc.option(dayIn(0, 600)), fc.integer({ min: 1, max: 2 ** 40 }),
      (payment, start, end, amount) => {
        if (start !== null && end !== null && toIsoDate(end) < toIsoDate(start)) return;
        const paid = instalments({ payment, start, end }, amount, year);
        expect(paid.reduce((sum, instalment) => sum + instalment.pence, 0)).toBe(amount);
        const days = paid.map((instalment) => toIsoDate(instalment.date));
        expect([...days].sort()).toEqual(days);
        expect(new Set(paid.map((instalment) => instalment.month)).size).toBe(paid.length);
        const misses = (start !== null && toIsoDate(start) > '2022-03-31') || (end !== null && toIsoDate(end) < '2021-04-01');
        const from = misses || start === null || toIsoDate(start) < '2021-04-01' ? '2021-04-01' : toIsoDate(start);
        const to = misses || end === null || toIsoDate(end) > '2022-03-31' ? '2022-03-31' : toIsoDate(end);
        for (const day of days) {
          expect(day >= from && day <= to).toBe(true);
        }
        const parts = paid.map((instalment) => instalment.pence);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      },
    ), { numRuns: 1000 });
  });
});

describe('the Payments output', () => {
  const book = (payment: string) => ({
    awards: [
      award('A', { 'Prior year': 10000, Payment: payment }),
      award('B', { Rule: 'FIXED', Value: 1000.01, Payment: 'Monthly' }),
      award('C', { Rule: 'FIXED', Value: 0, Payment: 'Quarterly' }),
    ],
  });

  it('lays each award\'s instalments out by month, Apr to Mar, with its total and the fund\'s', () => {
    const { payments } = runYear(book('quarterly'));
    expect(payments.months).toEqual([
      'Apr 2021', 'May 2021', 'Jun 2021', 'Jul 2021', 'Aug 2021', 'Sep 2021', 'Oct 2021', 'Nov 2021', 'Dec 2021', 'Jan 2022', 'Feb 2022', 'Mar 2022',
    ]);
    expect(payments.rows.map((row) => [row.ref, row.months, row.total])).toEqual([
      ['A', [2500, 0, 0, 2500, 0, 0, 2500, 0, 0, 2500, 0, 0], 10000],
      ['B', [83.34, 83.34, 83.34, 83.34, 83.34, 83.33, 83.33, 83.33, 83.33, 83.33, 83.33, 83.33], 1000.01],
    ]);
    expect(payments.fundTotals).toEqual([{
      ref: 'Total', recipient: '', fund: 'Grant', total: 11000.01,
      months: [2583.34, 83.34, 83.34, 2583.34, 83.34, 83.33, 2583.33, 83.33, 83.33, 2583.33, 83.33, 83.33],
    }]);
  });

  it.each([['Single'], [''], ['SINGLE']])('pays Payment %p in one instalment on the start date', (payment) => {
    const { payments } = runYear(book(payment));
    expect(payments.rows[0].months[0]).toBe(10000);
  });

  it('warns of a Payment it does not know, and pays it in one instalment', () => {
    const result = runYear(book('Annually'));
    expect(checksNamed(result, 'Payment').map((check) => [check.severity, check.ref, check.column, check.message])).toEqual([
      ['warning', 'A', 'Payment', "A: Payment holds 'Annually'; use Single, Quarterly or Monthly. The award is paid in a single instalment."],
    ]);
    expect(result.payments.rows[0].months[0]).toBe(10000);
  });

  it('gives fund totals equal to the ledger\'s Awarded, to the penny, whatever the awards (property)', () => {
    const line = fc.record({
      rule: fc.constantFrom('FLAT', 'FIXED', 'CHANGE'),
      amount: fc.integer({ min: 0, max: 10_000_000 }).map((p) => p / 100),
      payment: fc.constantFrom('Single', 'Quarterly', 'Monthly'),
      start: fc.option(fc.constantFrom('2020-10-01', '2021-04-01', '2021-06-15', '2021-10-01', '2022-01-31')),
      fund: fc.constantFrom('Grant', 'Other'),
    });
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 200_000 }), (lines, income) => {
      const result = runYear({
        funds: [
          { Fund: 'Grant', Source: 'MoJ', 'Opening balance': 0, Income: income },
          { Fund: 'Other', Source: 'Police grant', 'Opening balance': 5000, Income: 20000 },
        ],
        scenarios: [{ Scenario: 'Base', Fit: 'scale' }],
        awards: lines.map((entry, k) => award(`R${k}`, {
          Rule: entry.rule, Fund: entry.fund, 'Prior year': entry.amount, Value: entry.rule === 'CHANGE' ? 0.051 : entry.amount,
          Payment: entry.payment, Start: entry.start,
        })),
      });
      for (const total of result.payments.fundTotals) {
        const ledger = result.ledger.find((row) => row.fund === total.fund);
        expect(pence(total.total)).toBe(pence(ledger?.awarded ?? NaN));
        expect(total.months.reduce((sum, month) => sum + pence(month), 0)).toBe(pence(total.total));
      }
      for (const row of result.payments.rows) {
        expect(row.months.reduce((sum, month) => sum + pence(month), 0)).toBe(pence(row.total));
        expect(row.total).toBe(result.allocations.find((entry) => entry.ref === row.ref)?.amount);
      }
    }), { numRuns: 300 });
  });
});
