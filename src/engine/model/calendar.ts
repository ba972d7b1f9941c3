/**
 * The commissioning year (SPEC section 3): for one scenario, each award's payments by
 * month, and the calendar of the model year — payments, monitoring returns and
 * meetings, term ends, extension decisions due and re-procure-by dates — in date order
 * (then award order).
 *
 * A run works out every record: each award's instalments by month in pence, and every
 * event (its day, award, kind, number and amount) in its final order, held in columns
 * of numbers — day numbers, award indexes, kind codes — with no date object and no
 * text. The rows the sheets, files and the pane read (`PaymentRow`, `CalendarEvent`:
 * ISO dates, pounds, the detail text) are made from those columns when first read,
 * as the other sheets' cells are made from the run's rows when they are written.
 */
import { dayNumber, fromDayNumber, toIsoDate } from '../dates';
import { fiscalYearOf } from '../fiscalYear';
import { contractDates } from './contracts';
import type { Award, Model, MonitoringRule } from './inputs';
import { messages } from './messages';
import { monitoringDays, MonitoringPlan } from './monitoring';
import { longDate, monthHeading, monthsBefore } from './months';
import { instalmentDays, monthStartDays } from './payments';
import { toPounds } from './pence';
import type { Calendar, CalendarEvent, CalendarEventName, PaymentRow, Payments } from './types';

/** The calendar's event names for contract dates. */
export const CONTRACT_EVENTS = { termEnds: 'Term ends', decision: 'Extension decision due', reprocure: 'Re-procure by' } as const;

/** An event's kind as a code: a payment, a contract date, or `MONITORING` plus the rule's index in `Model.monitoring`. */
const KIND = { payment: 0, termEnds: 1, decision: 2, reprocure: 3, monitoring: 4 } as const;

/** The payment plans as codes (for the instalment details' cache). */
const PLAN_CODE = { Single: 0, Quarterly: 1, Monthly: 2 } as const;

/**
 * The model year's events as columns, one entry an event: the day (from 0, the year's
 * first), the award (its index in `Model.awards`), the kind (see `KIND`), the number
 * of the award's events of that kind (from 1) with a variant (a payment's instalment
 * count; 1 for a monitoring event on the award's end only) as `number × 256 + variant`,
 * and the amount in pence (payments; 0 otherwise).
 */
export interface EventColumns {
  count: number;
  day: Uint16Array;
  award: Int32Array;
  kind: Int32Array;
  part: Uint16Array;
  pence: Float64Array;
}

/**
 * The year's payments as columns: the awards paid (award order) and, for the `p`-th,
 * its pence in months `12p` … `12p + 11` of `months`.
 */
export interface PaymentColumns {
  paid: Int32Array;
  months: Float64Array;
}

/** Events as they are found (award order), in columns that grow. */
class EventBuffer {
  count = 0;
  day = new Uint16Array(0);
  award = new Int32Array(0);
  kind = new Int32Array(0);
  part = new Uint16Array(0);
  pence = new Float64Array(0);

  constructor(capacity: number) {
    this.resize(Math.max(16, capacity));
  }

  private resize(capacity: number): void {
    const grow = <T extends Uint16Array | Int32Array | Float64Array>(old: T, made: T): T => {
      made.set(old);
      return made;
    };
    this.day = grow(this.day, new Uint16Array(capacity));
    this.award = grow(this.award, new Int32Array(capacity));
    this.kind = grow(this.kind, new Int32Array(capacity));
    this.part = grow(this.part, new Uint16Array(capacity));
    this.pence = grow(this.pence, new Float64Array(capacity));
  }

  add(day: number, award: number, kind: number, part: number, pence: number): void {
    const at = this.count;
    if (at === this.day.length) this.resize(at * 2);
    this.day[at] = day;
    this.award[at] = award;
    this.kind[at] = kind;
    this.part[at] = part;
    this.pence[at] = pence;
    this.count = at + 1;
  }

  /** The events in date order, stable (so award order within a day): a counting sort by day. */
  sorted(days: number): EventColumns {
    const count = this.count;
    const place = new Int32Array(days + 1);
    const { day, award, kind, part, pence } = this;
    for (let k = 0; k < count; k++) place[day[k] + 1]++;
    for (let d = 1; d <= days; d++) place[d] += place[d - 1];
    const out: EventColumns = {
      count, day: new Uint16Array(count), award: new Int32Array(count), kind: new Int32Array(count),
      part: new Uint16Array(count), pence: new Float64Array(count),
    };
    for (let k = 0; k < count; k++) {
      const at = place[day[k]]++;
      out.day[at] = day[k];
      out.award[at] = award[k];
      out.kind[at] = kind[k];
      out.part[at] = part[k];
      out.pence[at] = pence[k];
    }
    return out;
  }
}

/** A rule's days (day numbers) for awards of one start, end and period, and whether the last is the award's end only. */
interface MonitoredDays {
  days: Int32Array;
  atEnd: boolean;
}

/** What the run keeps for the rows to be made from when read. */
interface YearRecords {
  model: Model;
  first: number;
  events: EventColumns;
  payments: PaymentColumns;
  amounts: Float64Array;
}

/**
 * Payments and the calendar of one scenario's awards.
 *
 * @param amounts each award's amount for the year in whole pence, indexed like `Model.awards`
 */
export function commissioningYear(model: Model, scenario: string, amounts: Float64Array): { payments: Payments; calendar: Calendar } {
  const year = fiscalYearOf(model.settings.startYear);
  const starts = monthStartDays(year);
  const records = yearRecords(model, amounts, starts);
  const fundTotals = fundTotalRows(model, records.payments, amounts);
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
      return (rows ??= paymentRows(records));
    },
    fundTotals,
  };
  const calendar: Calendar = {
    scenario,
    financialYear: year.label,
    get events(): CalendarEvent[] {
      return (events ??= calendarEvents(records));
    },
  };
  return { payments, calendar };
}

/**
 * Every payment and every event of the year, in columns: each paid award's instalments
 * (equal parts by the largest remainder, the first taking the odd pennies) by month,
 * and the events in date order, then award order, then each award's payments,
 * monitoring (rule by rule) and contract dates.
 */
function yearRecords(model: Model, amounts: Float64Array, starts: Int32Array): YearRecords {
  const year = fiscalYearOf(model.settings.startYear);
  const first = starts[0];
  const last = starts[12] - 1;
  const days = last - first + 1;
  const awards = model.awards;
  // The month of the year each day falls in.
  const monthOfDay = new Uint8Array(days);
  for (let m = 0; m < 12; m++) monthOfDay.fill(m, starts[m] - first, starts[m + 1] - first);

  let paidCount = 0;
  for (let i = 0; i < awards.length; i++) if (amounts[i] !== 0) paidCount++;
  const paid = new Int32Array(paidCount);
  const months = new Float64Array(12 * paidCount);
  const events = new EventBuffer(paidCount * 8);

  const monitoring = new MonitoringPlan(model.monitoring);
  const ruleIndex = new Map<MonitoringRule, number>(model.monitoring.map((rule, r) => [rule, r]));
  const rules: MonitoringRule[] = [];
  const scratch: number[] = [];
  const ends = { atEnd: false };
  // Most awards share their dates (many run the whole year): each rule's days are worked out once per start, end and period.
  const shared = new Map<number, MonitoredDays>();
  const { extensionNoticeMonths, procurementLeadMonths } = model.settings;
  const paidDays = new Int32Array(12);
  let p = 0;

  for (let i = 0; i < awards.length; i++) {
    const award = awards[i];
    const amount = amounts[i];
    if (amount !== 0) {
      paid[p] = i;
      const startDay = award.start === null ? first : dayNumber(award.start);
      const endDay = award.end === null ? last : dayNumber(award.end);
      let from = startDay > first ? startDay : first;
      let to = endDay < last ? endDay : last;
      if (from > to) {
        from = first;
        to = last;
      }
      const count = instalmentDays(award.payment, from, to, starts, paidDays);
      const magnitude = Math.abs(amount);
      const base = Math.floor(magnitude / count);
      const odd = magnitude - base * count;
      const sign = amount < 0 ? -1 : 1;
      const row = 12 * p;
      for (let k = 0; k < count; k++) {
        const share = sign * (k < odd ? base + 1 : base) + 0;
        const day = paidDays[k] - first;
        months[row + monthOfDay[day]] += share;
        events.add(day, i, KIND.payment, (k + 1) * 256 + count, share);
      }
      p++;

      if (!monitoring.isEmpty) {
        const taken = monitoring.rulesInto(award, amount, rules);
        for (let r = 0; r < taken; r++) {
          const rule = rules[r];
          const every = rule.everyMonths;
          const key = ((startDay + 1e6) * 4e6 + (endDay + 1e6)) * 121 + every;
          let on = shared.get(key);
          if (on === undefined) {
            const count = monitoringDays(award.start ?? year.start, endDay, every, year, first, last, scratch, ends);
            on = { days: Int32Array.from(scratch.slice(0, count)), atEnd: ends.atEnd };
            shared.set(key, on);
          }
          const kind = KIND.monitoring + (ruleIndex.get(rule) ?? 0);
          const count = on.days.length;
          for (let k = 0; k < count; k++) {
            const atEnd = k === count - 1 && on.atEnd ? 1 : 0;
            events.add(on.days[k] - first, i, kind, (k + 1) * 256 + atEnd, 0);
          }
        }
      }
    }

    if (award.contract !== null) {
      const dates = contractDates(award.contract);
      const termEnds = dayNumber(dates.termEnd) - first;
      const notice = dates.left > 0 ? extensionNoticeMonths : procurementLeadMonths;
      const due = dayNumber(monthsBefore(dates.termEnd, notice)) - first;
      if (termEnds >= 0 && termEnds < days) events.add(termEnds, i, KIND.termEnds, 256, 0);
      if (due >= 0 && due < days) events.add(due, i, dates.left > 0 ? KIND.decision : KIND.reprocure, 256, 0);
    }
  }
  return { model, first, events: events.sorted(days), payments: { paid, months }, amounts };
}

/** One total row per fund (its paid awards' months added in pence): equal to the ledger's Awarded. */
function fundTotalRows(model: Model, payments: PaymentColumns, amounts: Float64Array): PaymentRow[] {
  const fundIndex = new Map<string, number>(model.funds.map((fund, f) => [fund.name, f]));
  const sums = new Float64Array(13 * model.funds.length);
  const { paid, months } = payments;
  for (let p = 0; p < paid.length; p++) {
    const f = fundIndex.get(model.awards[paid[p]].fund);
    if (f === undefined) continue;
    for (let m = 0; m < 12; m++) sums[13 * f + m] += months[12 * p + m];
    sums[13 * f + 12] += amounts[paid[p]];
  }
  return model.funds.map((fund, f) => ({
    ref: 'Total', recipient: '', fund: fund.name,
    months: Array.from(sums.subarray(13 * f, 13 * f + 12), toPounds), total: toPounds(sums[13 * f + 12]),
  }));
}

/** The Payments rows, one a paid award, in pounds. */
function paymentRows({ model, payments, amounts }: YearRecords): PaymentRow[] {
  const { paid, months } = payments;
  const rows = new Array<PaymentRow>(paid.length);
  for (let p = 0; p < paid.length; p++) {
    const award = model.awards[paid[p]];
    rows[p] = {
      ref: award.ref, recipient: award.recipient, fund: award.fund,
      months: Array.from(months.subarray(12 * p, 12 * p + 12), toPounds), total: toPounds(amounts[paid[p]]),
    };
  }
  return rows;
}

/** The calendar's rows, from the event columns: ISO dates, names and details as text. */
function calendarEvents({ model, first, events }: YearRecords): CalendarEvent[] {
  const { count, day, award: awardOf, kind: kindOf, part, pence } = events;
  const awards = model.awards;
  const rules = model.monitoring;
  const isoOf = new Map<number, string>();
  const paymentDetails = new Map<number, string>();
  const everyDetails = new Map<number, string>();
  const endDetail = [messages.monitoringAtEnd(false), messages.monitoringAtEnd(true)];
  const made = new Array<CalendarEvent>(count);
  for (let k = 0; k < count; k++) {
    const award = awards[awardOf[k]];
    const kind = kindOf[k];
    const sequence = part[k] >> 8;
    const variant = part[k] & 255;
    let date = isoOf.get(day[k]);
    if (date === undefined) {
      date = toIsoDate(fromDayNumber(first + day[k]));
      isoOf.set(day[k], date);
    }
    let event: CalendarEventName;
    let amount: number | null = null;
    let detail: string;
    if (kind === KIND.payment) {
      event = 'Payment';
      amount = toPounds(pence[k]);
      const key = (PLAN_CODE[award.payment] * 16 + sequence) * 16 + variant;
      detail = paymentDetails.get(key) ?? messages.instalmentDetail(award.payment, sequence, variant);
      paymentDetails.set(key, detail);
    } else if (kind >= KIND.monitoring) {
      const rule = rules[kind - KIND.monitoring];
      event = rule.what;
      if (variant === 1) {
        detail = endDetail[award.end === null ? 1 : 0];
      } else {
        detail = everyDetails.get(rule.everyMonths) ?? messages.monitoringEvery(rule.everyMonths);
        everyDetails.set(rule.everyMonths, detail);
      }
    } else {
      [event, detail] = contractEvent(award, kind);
    }
    made[k] = { date, event, ref: award.ref, recipient: award.recipient, fund: award.fund, amount, detail, sequence };
  }
  return made;
}

/** A contract date's event name and detail. */
function contractEvent(award: Award, kind: number): [CalendarEventName, string] {
  const terms = award.contract;
  if (terms === null) throw new RangeError(`calendar: award ${award.ref} has a contract event but no contract`);
  const dates = contractDates(terms);
  if (kind === KIND.termEnds) return [CONTRACT_EVENTS.termEnds, messages.termEndsDetail(dates.used, terms.extensions, dates.left)];
  const ends = longDate(dates.termEnd);
  return kind === KIND.decision
    ? [CONTRACT_EVENTS.decision, messages.decisionDetail(ends, dates.left, terms.extensions, terms.extensionMonths)]
    : [CONTRACT_EVENTS.reprocure, messages.reprocureDetail(ends)];
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
