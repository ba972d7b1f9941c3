/**
 * The commissioning year (SPEC section 3): for one scenario, each award's payments by
 * month, and the calendar of the model year — payments, monitoring returns and
 * meetings, term ends, extension decisions due and re-procure-by dates — in date order
 * (then award order). Built in one pass over the awards, events bucketed by day, so a
 * large model pays little for it.
 */
import { dayNumber, fromDayNumber, toIsoDate, type CalendarDate } from '../dates';
import { fiscalYearOf } from '../fiscalYear';
import { contractDates } from './contracts';
import type { Award, Model, PaymentPlan } from './inputs';
import { messages } from './messages';
import { eachMonitoringDate, MonitoringPlan } from './monitoring';
import { longDate, monthHeading, monthsBefore } from './months';
import { instalments } from './payments';
import { toPounds } from './pence';
import type { Calendar, CalendarEvent, CalendarEventName, PaymentRow, Payments } from './types';

/** The calendar's event names for contract dates. */
export const CONTRACT_EVENTS = { termEnds: 'Term ends', decision: 'Extension decision due', reprocure: 'Re-procure by' } as const;

/** A text worked out once per key. */
class Texts {
  private readonly known = new Map<string | number, string>();

  get(key: string | number, make: () => string): string {
    let text = this.known.get(key);
    if (text === undefined) {
      text = make();
      this.known.set(key, text);
    }
    return text;
  }
}

const PLAN_CODE: Readonly<Record<PaymentPlan, number>> = { Single: 0, Quarterly: 1, Monthly: 2 };

/**
 * Payments and the calendar of one scenario's awards.
 *
 * @param amounts each award's amount for the year in whole pence, indexed like `Model.awards`
 */
export function commissioningYear(model: Model, scenario: string, amounts: Float64Array): { payments: Payments; calendar: Calendar } {
  const year = fiscalYearOf(model.settings.startYear);
  const first = dayNumber(year.start);
  const days = dayNumber(year.end) - first + 1;
  const buckets: CalendarEvent[][] = Array.from({ length: days }, () => []);
  const isoOf: string[] = new Array<string>(days);
  const iso = (offset: number): string => isoOf[offset] ?? (isoOf[offset] = toIsoDate(fromDayNumber(first + offset)));
  const inYear = (date: CalendarDate): number => {
    const offset = dayNumber(date) - first;
    return offset >= 0 && offset < days ? offset : -1;
  };
  const add = (offset: number, award: Award, event: CalendarEventName, amount: number | null, detail: string, sequence: number): void => {
    buckets[offset].push({ date: iso(offset), event, ref: award.ref, recipient: award.recipient, fund: award.fund, amount, detail, sequence });
  };

  const monitoring = new MonitoringPlan(model.monitoring);
  const texts = new Texts();
  const rows: PaymentRow[] = [];
  const fundTotals = new Map<string, number[]>(model.funds.map((fund) => [fund.name, new Array<number>(13).fill(0)]));
  const { extensionNoticeMonths, procurementLeadMonths } = model.settings;

  model.awards.forEach((award, i) => {
    const amount = amounts[i];
    if (amount !== 0) {
      const paid = instalments(award, amount, year);
      const months = new Array<number>(12).fill(0);
      const sums = fundTotals.get(award.fund);
      paid.forEach((instalment, k) => {
        months[instalment.month] += instalment.pence;
        const count = paid.length;
        const detail = texts.get(PLAN_CODE[award.payment] * 1_000_000 + (k + 1) * 1000 + count,
          () => messages.instalmentDetail(award.payment, k + 1, count));
        add(inYear(instalment.date), award, 'Payment', toPounds(instalment.pence), detail, k + 1);
      });
      if (sums !== undefined) {
        for (let m = 0; m < 12; m++) sums[m] += months[m];
        sums[12] += amount;
      }
      rows.push({ ref: award.ref, recipient: award.recipient, fund: award.fund, months: months.map(toPounds), total: toPounds(amount) });

      if (!monitoring.isEmpty) {
        for (const rule of monitoring.rulesFor(award, amount)) {
          let sequence = 0;
          eachMonitoringDate(award, rule.everyMonths, year, (date, atEnd) => {
            sequence++;
            const detail = atEnd
              ? texts.get(award.end === null ? 'end:year' : 'end:award', () => messages.monitoringAtEnd(award.end === null))
              : texts.get(rule.everyMonths, () => messages.monitoringEvery(rule.everyMonths));
            add(inYear(date), award, rule.what, null, detail, sequence);
          });
        }
      }
    }

    if (award.contract !== null) {
      const dates = contractDates(award.contract);
      const termEnds = longDate(dates.termEnd);
      const at = inYear(dates.termEnd);
      if (at >= 0) add(at, award, CONTRACT_EVENTS.termEnds, null, messages.termEndsDetail(dates.used, award.contract.extensions, dates.left), 1);
      const left = dates.left > 0;
      const due = monthsBefore(dates.termEnd, left ? extensionNoticeMonths : procurementLeadMonths);
      const dueAt = inYear(due);
      if (dueAt >= 0) {
        const detail = left
          ? messages.decisionDetail(termEnds, dates.left, award.contract.extensions, award.contract.extensionMonths)
          : messages.reprocureDetail(termEnds);
        add(dueAt, award, left ? CONTRACT_EVENTS.decision : CONTRACT_EVENTS.reprocure, null, detail, 1);
      }
    }
  });

  const events: CalendarEvent[] = [];
  for (const bucket of buckets) for (const event of bucket) events.push(event);
  const totals: PaymentRow[] = [];
  for (const [fund, sums] of fundTotals) {
    totals.push({ ref: 'Total', recipient: '', fund, months: sums.slice(0, 12).map(toPounds), total: toPounds(sums[12]) });
  }
  const months = Array.from({ length: 12 }, (_, m) => {
    const index = year.start.month - 1 + m;
    return monthHeading(year.start.year + Math.floor(index / 12), (index % 12) + 1);
  });
  return {
    payments: { scenario, months, rows, fundTotals: totals },
    calendar: { scenario, financialYear: year.label, events },
  };
}

/**
 * The next `count` events of a calendar on or after `today` (ISO date), in date order:
 * what the task pane shows.
 *
 * @example
 * nextEvents(result.calendar, '2021-09-01', 3).map((event) => event.date) //=> ['2021-09-30', '2021-09-30', '2021-09-30']
 */
export function nextEvents(calendar: Calendar, today: string, count: number): CalendarEvent[] {
  const from = today.slice(0, 10);
  let low = 0;
  let high = calendar.events.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (calendar.events[middle].date < from) low = middle + 1;
    else high = middle;
  }
  return calendar.events.slice(low, low + Math.max(0, count));
}
