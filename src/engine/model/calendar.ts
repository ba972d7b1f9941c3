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
import type { Award, Model, MonitoringRule, PaymentPlan } from './inputs';
import { messages } from './messages';
import { monitoringDays, MonitoringPlan } from './monitoring';
import { longDate, monthHeading, monthsBefore } from './months';
import { equalParts, instalmentDays, monthStartDays, paidPeriod } from './payments';
import { toPounds } from './pence';
import type { Calendar, CalendarEvent, PaymentRow, Payments } from './types';

/** The calendar's event names for contract dates. */
export const CONTRACT_EVENTS = { termEnds: 'Term ends', decision: 'Extension decision due', reprocure: 'Re-procure by' } as const;

const PLAN_CODE: Readonly<Record<PaymentPlan, number>> = { Single: 0, Quarterly: 1, Monthly: 2 };

/**
 * The events as the run makes them, column by column in typed arrays: the day (from the
 * year's start), the award, the event's name and detail (as positions in text tables),
 * the amount in pence (NaN: none) and the sequence. The event rows themselves are made
 * only when someone reads them (a sheet, a file, the pane), not by every run.
 */
class EventColumns {
  length = 0;
  day: Int32Array;
  award: Int32Array;
  name: Int32Array;
  detail: Int32Array;
  sequence: Int32Array;
  amount: Float64Array;

  /** Room for `capacity` events to start with; more is made as needed. */
  constructor(capacity: number) {
    this.day = new Int32Array(capacity);
    this.award = new Int32Array(capacity);
    this.name = new Int32Array(capacity);
    this.detail = new Int32Array(capacity);
    this.sequence = new Int32Array(capacity);
    this.amount = new Float64Array(capacity);
  }

  push(day: number, award: number, name: number, detail: number, sequence: number, amount: number): void {
    if (this.length === this.day.length) this.grow();
    const k = this.length++;
    this.day[k] = day;
    this.award[k] = award;
    this.name[k] = name;
    this.detail[k] = detail;
    this.sequence[k] = sequence;
    this.amount[k] = amount;
  }

  private grow(): void {
    const size = this.day.length * 2;
    const widen = <A extends Int32Array | Float64Array>(from: A, to: A): A => {
      to.set(from);
      return to;
    };
    this.day = widen(this.day, new Int32Array(size));
    this.award = widen(this.award, new Int32Array(size));
    this.name = widen(this.name, new Int32Array(size));
    this.detail = widen(this.detail, new Int32Array(size));
    this.sequence = widen(this.sequence, new Int32Array(size));
    this.amount = widen(this.amount, new Float64Array(size));
  }
}

/** Texts numbered as they are first met, so that each event holds a number, not a string. */
class TextTable {
  readonly texts: string[] = [];
  private readonly index = new Map<string, number>();

  of(text: string): number {
    let found = this.index.get(text);
    if (found === undefined) {
      found = this.texts.length;
      this.texts.push(text);
      this.index.set(text, found);
    }
    return found;
  }
}

/**
 * Payments and the calendar of one scenario's awards. Worked in day numbers and whole
 * pence, each text made once, so that it costs little beside the run itself; the rows
 * of `payments.rows` and `calendar.events` are made when first read.
 *
 * @param amounts each award's amount for the year in whole pence, indexed like `Model.awards`
 */
export function commissioningYear(model: Model, scenario: string, amounts: Float64Array): { payments: Payments; calendar: Calendar } {
  const year = fiscalYearOf(model.settings.startYear);
  const starts = monthStartDays(year);
  const first = starts[0];
  const last = starts[12] - 1;
  const days = last - first + 1;
  // The month of the year each day falls in.
  const monthOfDay = new Uint8Array(days);
  for (let m = 0; m < 12; m++) monthOfDay.fill(m, starts[m] - first, starts[m + 1] - first);

  // About ten events an award (payments, two monitoring rules) is room enough for most models.
  const columns = new EventColumns(Math.max(1024, model.awards.length * 10));
  const names = new TextTable();
  const details = new TextTable();
  const PAYMENT = names.of('Payment');
  const monitoring = new MonitoringPlan(model.monitoring);
  const paymentDetails = new Map<number, number>();
  const everyDetails = new Map<number, number>();
  const ruleNames = new Map<MonitoringRule, number>();
  const endDetails = [details.of(messages.monitoringAtEnd(false)), details.of(messages.monitoringAtEnd(true))];
  const awards = model.awards;
  // The awards paid in the year, in award order: the Payments rows.
  const paid: number[] = [];
  const fundTotals = new Map<string, Float64Array>(model.funds.map((fund) => [fund.name, new Float64Array(13)]));
  const { extensionNoticeMonths, procurementLeadMonths } = model.settings;
  const paidDays = new Int32Array(12);
  const rules: MonitoringRule[] = [];
  // Many awards share their dates (most run the whole year): each rule's days worked out once per start, end and period.
  const monitored = new Map<number, { days: number[]; atEnd: boolean }>();
  const monitoredOn = (start: CalendarDate, end: number, every: number): { days: number[]; atEnd: boolean } => {
    const key = ((dayNumber(start) + 1e6) * 4e6 + (end + 1e6)) * 121 + every;
    let found = monitored.get(key);
    if (found === undefined) {
      const days: number[] = [];
      const ends = { atEnd: false };
      days.length = monitoringDays(start, end, every, year, first, last, days, ends);
      found = { days, atEnd: ends.atEnd };
      monitored.set(key, found);
    }
    return found;
  };

  for (let i = 0; i < awards.length; i++) {
    const award = awards[i];
    const amount = amounts[i];
    if (amount !== 0) {
      let from = award.start === null ? first : Math.max(dayNumber(award.start), first);
      let to = award.end === null ? last : Math.min(dayNumber(award.end), last);
      if (from > to) {
        from = first;
        to = last;
      }
      const count = instalmentDays(award.payment, from, to, starts, paidDays);
      // Equal parts by the largest remainder: the first instalments take the odd pennies.
      const magnitude = Math.abs(amount);
      const base = Math.floor(magnitude / count);
      const odd = magnitude - base * count;
      const sign = amount < 0 ? -1 : 1;
      const plan = PLAN_CODE[award.payment];
      paid.push(i);
      const sums = fundTotals.get(award.fund);
      for (let k = 0; k < count; k++) {
        const pence = sign * (k < odd ? base + 1 : base);
        const offset = paidDays[k] - first;
        const month = monthOfDay[offset];
        if (sums !== undefined) sums[month] += pence;
        const key = (plan * 16 + k) * 16 + count;
        let detail = paymentDetails.get(key);
        if (detail === undefined) {
          detail = details.of(messages.instalmentDetail(award.payment, k + 1, count));
          paymentDetails.set(key, detail);
        }
        columns.push(offset, i, PAYMENT, detail, k + 1, pence);
      }
      if (sums !== undefined) sums[12] += amount;

      if (!monitoring.isEmpty) {
        const start = award.start ?? year.start;
        const end = award.end === null ? last : dayNumber(award.end);
        const taken = monitoring.rulesInto(award, amount, rules);
        for (let r = 0; r < taken; r++) {
          const rule = rules[r];
          const { days: on, atEnd } = monitoredOn(start, end, rule.everyMonths);
          let name = ruleNames.get(rule);
          if (name === undefined) {
            name = names.of(rule.what);
            ruleNames.set(rule, name);
          }
          let every = everyDetails.get(rule.everyMonths);
          if (every === undefined) {
            every = details.of(messages.monitoringEvery(rule.everyMonths));
            everyDetails.set(rule.everyMonths, every);
          }
          for (let k = 0; k < on.length; k++) {
            const detail = k === on.length - 1 && atEnd ? endDetails[award.end === null ? 1 : 0] : every;
            columns.push(on[k] - first, i, name, detail, k + 1, NaN);
          }
        }
      }
    }

    if (award.contract !== null) {
      const dates = contractDates(award.contract);
      const at = dayNumber(dates.termEnd) - first;
      if (at >= 0 && at < days) {
        const detail = details.of(messages.termEndsDetail(dates.used, award.contract.extensions, dates.left));
        columns.push(at, i, names.of(CONTRACT_EVENTS.termEnds), detail, 1, NaN);
      }
      const left = dates.left > 0;
      const due = dayNumber(monthsBefore(dates.termEnd, left ? extensionNoticeMonths : procurementLeadMonths)) - first;
      if (due >= 0 && due < days) {
        const termEnds = longDate(dates.termEnd);
        const detail = left
          ? messages.decisionDetail(termEnds, dates.left, award.contract.extensions, award.contract.extensionMonths)
          : messages.reprocureDetail(termEnds);
        columns.push(due, i, names.of(left ? CONTRACT_EVENTS.decision : CONTRACT_EVENTS.reprocure), details.of(detail), 1, NaN);
      }
    }
  }

  const totals: PaymentRow[] = [];
  for (const [fund, sums] of fundTotals) {
    totals.push({ ref: 'Total', recipient: '', fund, months: Array.from(sums.subarray(0, 12), toPounds), total: toPounds(sums[12]) });
  }
  const headings = Array.from({ length: 12 }, (_, m) => {
    const index = year.start.month - 1 + m;
    return monthHeading(year.start.year + Math.floor(index / 12), (index % 12) + 1);
  });
  // Rows made on first reading, then kept; getters of the object itself, so JSON.stringify sees them.
  let rows: PaymentRow[] | undefined;
  let events: CalendarEvent[] | undefined;
  const payments: Payments = {
    scenario,
    months: headings,
    get rows(): PaymentRow[] {
      return (rows ??= paid.map((i) => paymentRow(awards[i], amounts[i], starts, monthOfDay)));
    },
    fundTotals: totals,
  };
  const calendar: Calendar = {
    scenario,
    financialYear: year.label,
    get events(): CalendarEvent[] {
      return (events ??= eventRows(columns, days, first, awards, names.texts, details.texts));
    },
  };
  return { payments, calendar };
}

/** One award's Payments row: its instalments (made again, as the run made them) by month. */
function paymentRow(award: Award, amount: number, starts: Int32Array, monthOfDay: Uint8Array): PaymentRow {
  const first = starts[0];
  const [from, to] = paidPeriod(award, first, starts[12] - 1);
  const days = new Int32Array(12);
  const count = instalmentDays(award.payment, from, to, starts, days);
  const parts = equalParts(amount, count);
  const months = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let k = 0; k < count; k++) months[monthOfDay[days[k] - first]] += parts[k];
  return { ref: award.ref, recipient: award.recipient, fund: award.fund, months: months.map(toPounds), total: toPounds(amount) };
}

/** The event rows in date order (a stable counting sort by day, so each day keeps award order). */
function eventRows(
  columns: EventColumns, days: number, first: number, awards: readonly Award[], names: readonly string[], details: readonly string[],
): CalendarEvent[] {
  const count = columns.length;
  const place = new Int32Array(days + 1);
  for (let k = 0; k < count; k++) place[columns.day[k] + 1]++;
  for (let day = 1; day <= days; day++) place[day] += place[day - 1];
  const iso = new Array<string>(days);
  for (let day = 0; day < days; day++) if (place[day + 1] > place[day]) iso[day] = toIsoDate(fromDayNumber(first + day));
  const events = new Array<CalendarEvent>(count);
  for (let k = 0; k < count; k++) {
    const day = columns.day[k];
    const award = awards[columns.award[k]];
    const pence = columns.amount[k];
    events[place[day]++] = {
      date: iso[day], event: names[columns.name[k]], ref: award.ref, recipient: award.recipient, fund: award.fund,
      amount: Number.isNaN(pence) ? null : toPounds(pence), detail: details[columns.detail[k]], sequence: columns.sequence[k],
    };
  }
  return events;
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
