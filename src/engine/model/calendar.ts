/**
 * The commissioning year (SPEC section 3): for one scenario, each award's payments by
 * month, and the calendar of the model year — payments, monitoring returns and
 * meetings, term ends, extension decisions due and re-procure-by dates — in date order
 * (then award order).
 *
 * A run works out only what it must: each fund's payments by month, and for each
 * award which monitoring dates apply (shared by every award with the same start, end
 * and period) and its contract's dates. The rows — an event a row, a payment row an
 * award — are made when first read (a sheet, a file, the pane), not by every run.
 */
import { dayNumber, fromDayNumber, toIsoDate, type CalendarDate } from '../dates';
import { fiscalYearOf } from '../fiscalYear';
import { contractDates, type ContractDates } from './contracts';
import type { Award, Model, MonitoringRule } from './inputs';
import { messages } from './messages';
import { monitoringDays, MonitoringPlan } from './monitoring';
import { longDate, monthHeading, monthsBefore } from './months';
import { equalParts, instalmentDays, monthStartDays, paidPeriod } from './payments';
import { toPounds } from './pence';
import type { Calendar, CalendarEvent, CalendarEventName, PaymentRow, Payments } from './types';

/** The calendar's event names for contract dates. */
export const CONTRACT_EVENTS = { termEnds: 'Term ends', decision: 'Extension decision due', reprocure: 'Re-procure by' } as const;

/** A rule's days for awards of one start, end and period: the days, and whether the last is the award's end only. */
interface MonitoredDays {
  days: number[];
  atEnd: boolean;
}

/** The monitoring rules awards take, with their days: one entry a rule an award takes, in award order. */
interface Monitored {
  award: number[];
  rule: MonitoringRule[];
  on: MonitoredDays[];
}

/** A contract whose dates fall in the year (its events are made from them when read). */
interface ContractInYear {
  award: number;
  dates: ContractDates;
  /** Days of the year, from 0, of the term's end and of the decision or re-procurement due; -1 outside the year. */
  termEnds: number;
  due: number;
}

/** What the rows are made from, kept by the run. */
interface YearParts {
  model: Model;
  amounts: Float64Array;
  starts: Int32Array;
  monthOfDay: Uint8Array;
  /** The awards paid in the year, in award order. */
  paid: number[];
  monitored: Monitored;
  contracts: ContractInYear[];
}

/**
 * Payments and the calendar of one scenario's awards.
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

  const monitoring = new MonitoringPlan(model.monitoring);
  const fundTotals = new Map<string, Float64Array>(model.funds.map((fund) => [fund.name, new Float64Array(13)]));
  const { extensionNoticeMonths, procurementLeadMonths } = model.settings;
  const awards = model.awards;
  const parts: YearParts = { model, amounts, starts, monthOfDay, paid: [], monitored: { award: [], rule: [], on: [] }, contracts: [] };
  const { monitored } = parts;
  const paidDays = new Int32Array(12);
  const rules: MonitoringRule[] = [];
  // Most awards share their dates (many run the whole year): each rule's days are worked out once per start, end and period.
  const shared = new Map<number, MonitoredDays>();
  const monitoredOn = (start: CalendarDate, end: number, every: number): MonitoredDays => {
    const key = ((dayNumber(start) + 1e6) * 4e6 + (end + 1e6)) * 121 + every;
    let found = shared.get(key);
    if (found === undefined) {
      const on: number[] = [];
      const ends = { atEnd: false };
      on.length = monitoringDays(start, end, every, year, first, last, on, ends);
      found = { days: on, atEnd: ends.atEnd };
      shared.set(key, found);
    }
    return found;
  };

  for (let i = 0; i < awards.length; i++) {
    const award = awards[i];
    const amount = amounts[i];
    if (amount !== 0) {
      parts.paid.push(i);
      const sums = fundTotals.get(award.fund);
      if (sums !== undefined) {
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
        for (let k = 0; k < count; k++) sums[monthOfDay[paidDays[k] - first]] += sign * (k < odd ? base + 1 : base);
        sums[12] += amount;
      }
      if (!monitoring.isEmpty) {
        const start = award.start ?? year.start;
        const end = award.end === null ? last : dayNumber(award.end);
        const taken = monitoring.rulesInto(award, amount, rules);
        for (let r = 0; r < taken; r++) {
          const on = monitoredOn(start, end, rules[r].everyMonths);
          if (on.days.length === 0) continue;
          monitored.award.push(i);
          monitored.rule.push(rules[r]);
          monitored.on.push(on);
        }
      }
    }

    if (award.contract !== null) {
      const dates = contractDates(award.contract);
      const termEnds = dayNumber(dates.termEnd) - first;
      const notice = dates.left > 0 ? extensionNoticeMonths : procurementLeadMonths;
      const due = dayNumber(monthsBefore(dates.termEnd, notice)) - first;
      const inYear = (day: number): number => (day >= 0 && day < days ? day : -1);
      if (inYear(termEnds) >= 0 || inYear(due) >= 0) parts.contracts.push({ award: i, dates, termEnds: inYear(termEnds), due: inYear(due) });
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
      return (rows ??= parts.paid.map((i) => paymentRow(awards[i], amounts[i], starts, monthOfDay)));
    },
    fundTotals: totals,
  };
  const calendar: Calendar = {
    scenario,
    financialYear: year.label,
    get events(): CalendarEvent[] {
      return (events ??= eventRows(parts));
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
  const shares = equalParts(amount, count);
  const months = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let k = 0; k < count; k++) months[monthOfDay[days[k] - first]] += shares[k];
  return { ref: award.ref, recipient: award.recipient, fund: award.fund, months: months.map(toPounds), total: toPounds(amount) };
}

/**
 * The event rows in date order, then award order, then each award's payments,
 * monitoring (rule by rule) and contract dates: every event is made, with the day it
 * falls on, and a stable counting sort by day puts them in order.
 */
function eventRows(parts: YearParts): CalendarEvent[] {
  const { model, amounts, starts } = parts;
  const awards = model.awards;
  const first = starts[0];
  const last = starts[12] - 1;
  const days = last - first + 1;
  const made: CalendarEvent[] = [];
  const madeOn: number[] = [];
  const paidDays = new Int32Array(12);
  const paymentDetails = new Map<number, string>();
  const planCode = { Single: 0, Quarterly: 1, Monthly: 2 } as const;
  const monitoringDetails = new Map<number, string>();
  const endDetail = [messages.monitoringAtEnd(false), messages.monitoringAtEnd(true)];
  const isoOf = new Array<string>(days);
  const add = (day: number, award: Award, event: CalendarEventName, amount: number | null, detail: string, sequence: number): void => {
    const date = isoOf[day] ?? (isoOf[day] = toIsoDate(fromDayNumber(first + day)));
    made.push({ date, event, ref: award.ref, recipient: award.recipient, fund: award.fund, amount, detail, sequence });
    madeOn.push(day);
  };

  let monitored = 0;
  let contract = 0;
  let paid = 0;
  for (let i = 0; i < awards.length; i++) {
    const award = awards[i];
    if (paid < parts.paid.length && parts.paid[paid] === i) {
      paid++;
      const [from, to] = paidPeriod(award, first, last);
      const count = instalmentDays(award.payment, from, to, starts, paidDays);
      const shares = equalParts(amounts[i], count);
      for (let k = 0; k < count; k++) {
        const key = (planCode[award.payment] * 16 + k) * 16 + count;
        let detail = paymentDetails.get(key);
        if (detail === undefined) {
          detail = messages.instalmentDetail(award.payment, k + 1, count);
          paymentDetails.set(key, detail);
        }
        add(paidDays[k] - first, award, 'Payment', toPounds(shares[k]), detail, k + 1);
      }
    }
    for (; monitored < parts.monitored.award.length && parts.monitored.award[monitored] === i; monitored++) {
      const rule = parts.monitored.rule[monitored];
      const on = parts.monitored.on[monitored];
      let every = monitoringDetails.get(rule.everyMonths);
      if (every === undefined) {
        every = messages.monitoringEvery(rule.everyMonths);
        monitoringDetails.set(rule.everyMonths, every);
      }
      const count = on.days.length;
      for (let k = 0; k < count; k++) {
        const atEnd = k === count - 1 && on.atEnd;
        add(on.days[k] - first, award, rule.what, null, atEnd ? endDetail[award.end === null ? 1 : 0] : every, k + 1);
      }
    }
    for (; contract < parts.contracts.length && parts.contracts[contract].award === i; contract++) {
      const { dates, termEnds, due } = parts.contracts[contract];
      const terms = award.contract;
      if (terms === null) continue;
      if (termEnds >= 0) add(termEnds, award, CONTRACT_EVENTS.termEnds, null, messages.termEndsDetail(dates.used, terms.extensions, dates.left), 1);
      if (due >= 0) {
        const ends = longDate(dates.termEnd);
        const left = dates.left > 0;
        const detail = left ? messages.decisionDetail(ends, dates.left, terms.extensions, terms.extensionMonths) : messages.reprocureDetail(ends);
        add(due, award, left ? CONTRACT_EVENTS.decision : CONTRACT_EVENTS.reprocure, null, detail, 1);
      }
    }
  }

  const place = new Int32Array(days + 1);
  for (const day of madeOn) place[day + 1]++;
  for (let day = 1; day <= days; day++) place[day] += place[day - 1];
  const events = new Array<CalendarEvent>(made.length);
  for (let k = 0; k < made.length; k++) events[place[madeOn[k]]++] = made[k];
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
