/**
 * The commissioning year against a plain reference: on random models, the calendar's
 * events and the Payments rows are the ones a simple implementation makes — every
 * award's instalments, monitoring dates and contract dates as objects, sorted by date
 * with a stable sort — and the instalments add up to each award to the penny.
 */
import fc from 'fast-check';
import { compareDates, toIsoDate, type CalendarDate } from '../../src/engine/dates';
import { fiscalYearOf, type FiscalYear } from '../../src/engine/fiscalYear';
import {
  readModel, runModel, type Award, type CalendarEvent, type Model, type ModelResult, type PaymentRow,
} from '../../src/engine/model';
import { commissioningYear, CONTRACT_EVENTS } from '../../src/engine/model/calendar';
import { contractDates } from '../../src/engine/model/contracts';
import { messages } from '../../src/engine/model/messages';
import { eachMonitoringDate, MonitoringPlan } from '../../src/engine/model/monitoring';
import { addDays, addMonths, longDate, monthsBefore } from '../../src/engine/model/months';
import { toPence } from '../../src/engine/model/pence';
import { yearTables } from './commissioning';
import { award, STAMP, TODAY, type Row } from './support';

/** An award's instalments as the reports describe them: [date, month of the year, pence]. */
function referenceInstalments(entry: Award, amount: number, year: FiscalYear): [CalendarDate, number, number][] {
  let from = entry.start !== null && compareDates(entry.start, year.start) > 0 ? entry.start : year.start;
  let to = entry.end !== null && compareDates(entry.end, year.end) < 0 ? entry.end : year.end;
  if (compareDates(from, to) > 0) [from, to] = [year.start, year.end];
  const spacing = entry.payment === 'Single' ? 12 : entry.payment === 'Quarterly' ? 3 : 1;
  const days: [CalendarDate, number][] = [];
  for (let m = 0; m < 12; m += spacing) {
    const periodStart = addMonths(year.start, m);
    const periodEnd = addDays(addMonths(year.start, m + spacing), -1);
    if (compareDates(periodEnd, from) < 0 || compareDates(periodStart, to) > 0) continue;
    const day = compareDates(periodStart, from) > 0 ? periodStart : from;
    let month = 0;
    while (month < 11 && compareDates(addMonths(year.start, month + 1), day) <= 0) month++;
    days.push([day, month]);
  }
  const base = Math.trunc(amount / days.length);
  const odd = amount - base * days.length;
  return days.map(([day, month], k) => [day, month, base + (k < Math.abs(odd) ? Math.sign(odd) : 0) + 0]);
}

/** The calendar, the Payments rows and the fund totals a plain implementation makes. */
function referenceYear(model: Model, amounts: Float64Array): { events: CalendarEvent[]; rows: PaymentRow[]; totals: [string, number[], number][] } {
  const year = fiscalYearOf(model.settings.startYear);
  const plan = new MonitoringPlan(model.monitoring);
  const inYear = (date: CalendarDate): boolean => compareDates(date, year.start) >= 0 && compareDates(date, year.end) <= 0;
  const events: CalendarEvent[] = [];
  const rows: PaymentRow[] = [];
  const totals = new Map(model.funds.map((fund) => [fund.name, { months: new Array<number>(12).fill(0), total: 0 }]));
  model.awards.forEach((entry, i) => {
    const amount = amounts[i];
    const of = { ref: entry.ref, recipient: entry.recipient, fund: entry.fund };
    if (amount !== 0) {
      const paid = referenceInstalments(entry, amount, year);
      const months = new Array<number>(12).fill(0);
      paid.forEach(([date, month, pence], k) => {
        months[month] += pence;
        events.push({
          date: toIsoDate(date), event: 'Payment', ...of, amount: pence / 100 + 0,
          detail: messages.instalmentDetail(entry.payment, k + 1, paid.length), sequence: k + 1,
        });
      });
      rows.push({ ...of, months: months.map((pence) => pence / 100 + 0), total: amount / 100 });
      const fund = totals.get(entry.fund);
      if (fund !== undefined) {
        months.forEach((pence, m) => { fund.months[m] += pence; });
        fund.total += amount;
      }
      for (const rule of plan.rulesFor(entry, amount)) {
        const dates: [CalendarDate, boolean][] = [];
        eachMonitoringDate(entry, rule.everyMonths, year, (date, atEnd) => dates.push([date, atEnd]));
        dates.forEach(([date, atEnd], k) => events.push({
          date: toIsoDate(date), event: rule.what, ...of, amount: null,
          detail: atEnd ? messages.monitoringAtEnd(entry.end === null) : messages.monitoringEvery(rule.everyMonths), sequence: k + 1,
        }));
      }
    }
    const terms = entry.contract;
    if (terms !== null) {
      const dates = contractDates(terms);
      if (inYear(dates.termEnd)) {
        events.push({
          date: toIsoDate(dates.termEnd), event: CONTRACT_EVENTS.termEnds, ...of, amount: null,
          detail: messages.termEndsDetail(dates.used, terms.extensions, dates.left), sequence: 1,
        });
      }
      const left = dates.left > 0;
      const due = monthsBefore(dates.termEnd, left ? model.settings.extensionNoticeMonths : model.settings.procurementLeadMonths);
      if (inYear(due)) {
        events.push({
          date: toIsoDate(due), event: left ? CONTRACT_EVENTS.decision : CONTRACT_EVENTS.reprocure, ...of, amount: null,
          detail: left
            ? messages.decisionDetail(longDate(dates.termEnd), dates.left, terms.extensions, terms.extensionMonths)
            : messages.reprocureDetail(longDate(dates.termEnd)),
          sequence: 1,
        });
      }
    }
  });
  // A stable sort: within a day, award order, and each award's payments, monitoring and contract dates in turn.
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    events, rows,
    totals: [...totals].map(([fund, sums]) => [fund, sums.months.map((pence) => pence / 100 + 0), sums.total / 100 + 0]),
  };
}

/** A day from 2015 to 2025, often a month's last day (the 31st, 28 or 29 February). */
const anyDay = fc.oneof(
  fc.integer({ min: 0, max: 4017 }).map((k) => toIsoDate(addDays({ year: 2015, month: 1, day: 1 }, k))),
  fc.record({ year: fc.integer({ min: 2015, max: 2025 }), month: fc.integer({ min: 1, max: 12 }) })
    .map(({ year, month }) => toIsoDate(addDays(addMonths({ year, month, day: 1 }, 1), -1))),
);

const awardRow = (k: number): fc.Arbitrary<Row> => fc.record({
  fund: fc.constantFrom('Grant', 'CSP'),
  pounds: fc.oneof(fc.integer({ min: 0, max: 5_000_000 }).map((p) => p / 100), fc.integer({ min: 0, max: 3 }), fc.constant(40_000_000.07)),
  start: fc.option(anyDay), end: fc.option(anyDay),
  payment: fc.constantFrom('Single', 'Quarterly', 'Monthly', null),
  contract: fc.option(fc.record({
    start: anyDay, term: fc.integer({ min: 1, max: 48 }), extensions: fc.constantFrom('', '0', '1x12', '2x6', '3x12'), extendedTo: fc.option(anyDay),
  }), { freq: 2 }),
}).map(({ fund, pounds, start, end, payment, contract }) => award(`A${k}`, {
  Fund: fund, Rule: 'FIXED', Value: pounds, Start: start, End: end, Payment: payment,
  'Contract start': contract?.start ?? null, 'Term (months)': contract?.term ?? null,
  Extensions: contract?.extensions ?? null, 'Extended to': contract?.extendedTo ?? null,
}));

const rule = fc.record({
  Fund: fc.constantFrom(null, 'Grant', 'CSP'), 'Minimum amount': fc.constantFrom(0, 3, 10000, 50000),
  What: fc.constantFrom('Monitoring return', 'Monitoring meeting', 'Visit'), 'Every (months)': fc.integer({ min: 1, max: 12 }),
});

const workbook = fc.record({
  awards: fc.integer({ min: 0, max: 12 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, k) => awardRow(k)))),
  monitoring: fc.array(rule, { maxLength: 5 }),
  financialYear: fc.constantFrom('2021/22', '2023/24'),
  notice: fc.integer({ min: 0, max: 12 }), lead: fc.integer({ min: 0, max: 12 }),
});

interface Book {
  awards: Row[];
  monitoring: Row[];
  financialYear: string;
  notice: number;
  lead: number;
}

/** The tables of a random workbook: two funds with room for every award, so that no fit scales them. */
function tablesOf({ awards, monitoring, financialYear, notice, lead }: Book): ReturnType<typeof yearTables> {
  return yearTables({
    funds: [
      { Fund: 'Grant', Source: 'MoJ', 'Opening balance': 0, Income: 1e12 },
      { Fund: 'CSP', Source: 'Police grant', 'Opening balance': 0, Income: 1e12 },
    ],
    awards, monitoring,
    settings: [
      { Setting: 'Financial year', Value: financialYear },
      { Setting: 'Extension notice (months)', Value: notice }, { Setting: 'Procurement lead time (months)', Value: lead },
    ],
  });
}

function runOf(tables: ReturnType<typeof yearTables>): { model: Model; result: ModelResult; amounts: Float64Array } {
  const model = readModel(tables, TODAY);
  const result = runModel(model, { stamp: STAMP, today: TODAY });
  return { model, result, amounts: Float64Array.from(result.allocations, (row) => toPence(row.amount)) };
}

describe('the commissioning year against a plain reference', () => {
  it('makes the same events, in date order then award order, and the same Payments rows and fund totals (property)', () => {
    fc.assert(fc.property(workbook, (book) => {
      const { model, result, amounts } = runOf(tablesOf(book));
      const reference = referenceYear(model, amounts);
      expect(result.calendar.events).toEqual(reference.events);
      expect(result.payments.rows).toEqual(reference.rows);
      expect(result.payments.fundTotals.map((row) => [row.fund, row.months, row.total])).toEqual(reference.totals);
    }), { numRuns: 150 });
  });

  it('adds each award\'s instalments up to its amount to the penny, payment events and Payments row alike (property)', () => {
    fc.assert(fc.property(workbook, (book) => {
      const { result, amounts } = runOf(tablesOf(book));
      const paid = new Map<string, number>();
      for (const event of result.calendar.events) {
        if (event.event === 'Payment') paid.set(event.ref, (paid.get(event.ref) ?? 0) + toPence(event.amount ?? 0));
      }
      result.allocations.forEach((row, i) => {
        expect(paid.get(row.ref) ?? 0).toBe(amounts[i]);
      });
      for (const row of result.payments.rows) expect(row.months.reduce((sum, pounds) => sum + toPence(pounds), 0)).toBe(toPence(row.total));
      const dates = result.calendar.events.map((event) => event.date);
      expect([...dates].sort()).toEqual(dates);
    }), { numRuns: 100 });
  });

  it('keeps its columns right for more awards than 16 bits count', () => {
    const { model, amounts } = runOf(tablesOf({
      awards: [award('A0', { Fund: 'Grant', Rule: 'FIXED', Value: 1200.01, Payment: 'Quarterly' })], monitoring: [], financialYear: '2021/22', notice: 6, lead: 6,
    }));
    const many = 70_000;
    const wide: Model = { ...model, awards: Array.from({ length: many }, (_, i) => ({ ...model.awards[0], ref: `A${i}`, row: i })) };
    const { calendar, payments } = commissioningYear(wide, 'Base', new Float64Array(many).fill(amounts[0]));
    expect(calendar.events).toHaveLength(4 * many);
    expect(calendar.events.filter((event) => event.ref === `A${many - 1}`).map((event) => [event.date, event.amount]))
      .toEqual([['2021-04-01', 300.01], ['2021-07-01', 300], ['2021-10-01', 300], ['2022-01-01', 300]]);
    expect(payments.rows[many - 1]).toEqual({ ref: `A${many - 1}`, recipient: 'Recipient A0', fund: 'Grant', months: [300.01, 0, 0, 300, 0, 0, 300, 0, 0, 300, 0, 0], total: 1200.01 });
  });

  it('keeps its columns right for more monitoring rules than 8 bits code', () => {
    const book: Book = {
      awards: [award('A0', { Fund: 'Grant', Rule: 'FIXED', Value: 1200, End: '2021-12-31' }), award('A1', { Fund: 'CSP', Rule: 'FIXED', Value: 50 })],
      monitoring: Array.from({ length: 300 }, (_, k) => ({ Fund: null, 'Minimum amount': 0, What: `Visit ${k}`, 'Every (months)': 1 + (k % 12) })),
      financialYear: '2021/22', notice: 6, lead: 6,
    };
    const { model, result, amounts } = runOf(tablesOf(book));
    expect(result.calendar.events).toEqual(referenceYear(model, amounts).events);
    expect(result.calendar.events.filter((event) => event.event === 'Visit 299').map((event) => [event.ref, event.date]))
      .toEqual([['A0', '2021-12-31'], ['A1', '2022-03-31']]);
  });
});
