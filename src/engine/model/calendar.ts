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
import type { Award, Model, PaymentPlan } from './inputs';
import { messages } from './messages';
import { monitoringDays, MonitoringPlan } from './monitoring';
import { longDate, monthHeading, monthsBefore } from './months';
import { instalmentDays, monthStartDays } from './payments';
import { toPounds } from './pence';
import type { Calendar, CalendarEvent, CalendarEventName, PaymentRow, Payments } from './types';

/** The calendar's event names for contract dates. */
export const CONTRACT_EVENTS = { termEnds: 'Term ends', decision: 'Extension decision due', reprocure: 'Re-procure by' } as const;

/** An event's kind as a code: a payment, a contract date, or `monitoring` plus the rule's index in `Model.monitoring`. */
const KIND = { payment: 0, termEnds: 1, decision: 2, reprocure: 3, monitoring: 4 } as const;

/** The payment plans as codes (for the instalment details' cache). */
const PLAN_CODE = { Single: 0, Quarterly: 1, Monthly: 2 } as const;

/**
 * The model year's events as columns, one entry an event, in final order: by day, then
 * award order, then each award's payments, monitoring (rule by rule) and contract
 * dates. The events of the year's day `d` (from 0) are entries `dayStart[d]` to
 * `dayStart[d + 1] - 1`. For each: the award (its index in `Model.awards`); a code,
 * `kind × 65536 + number × 256 + variant` — the kind (see `KIND`), the number of the
 * award's events of that kind (from 1) and a variant (a payment's instalment count; 1
 * for a monitoring event on the award's end only); and the amount in pence (payments;
 * 0 otherwise).
 */
export interface EventColumns {
  count: number;
  dayStart: Int32Array;
  award: Int32Array;
  code: Int32Array;
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

/**
 * A rule's days (from 0, the year's first) for awards of one start, end and period,
 * and whether the last is the award's end only.
 */
interface MonitoredDays {
  /** Its place in the list of every rule's days. */
  index: number;
  end: number;
  every: number;
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
 * and the events in their final order (see `EventColumns`). Two passes over the
 * awards: the first counts each day's events (a counting sort's histogram), the second
 * writes each event straight into its place.
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
  let contracts = 0;
  for (let i = 0; i < awards.length; i++) {
    if (amounts[i] !== 0) paidCount++;
    if (awards[i].contract !== null) contracts++;
  }
  const paid = new Int32Array(paidCount);
  const months = new Float64Array(12 * paidCount);
  // place[d + 1] counts day d's events; then, summed, where day d's next event goes.
  const place = new Int32Array(days + 1);

  const monitoring = new MonitoringPlan(model.monitoring);
  // Most awards share their dates (many run the whole year): each rule's days are worked out once per start, end and period.
  const byStart = new Map<number, MonitoredDays[]>();
  const shared: MonitoredDays[] = [];
  const scratch: number[] = [];
  const ends = { atEnd: false };
  const sharedDays = (startDay: number, start: Award['start'], endDay: number, every: number): number => {
    let known = byStart.get(startDay);
    if (known === undefined) {
      known = [];
      byStart.set(startDay, known);
    }
    for (const on of known) if (on.end === endDay && on.every === every) return on.index;
    const count = monitoringDays(start ?? year.start, endDay, every, year, first, last, scratch, ends);
    const on = { index: shared.length, end: endDay, every, days: Int32Array.from(scratch.slice(0, count), (day) => day - first), atEnd: ends.atEnd };
    known.push(on);
    shared.push(on);
    return on.index;
  };
  // The monitoring each award takes (award, rule, shared days) and its contract dates in the year (award, day, kind), in award order.
  const monitoredAward = new Int32Array(paidCount * monitoring.mostTaken);
  const monitoredRule = new Int32Array(paidCount * monitoring.mostTaken);
  const monitoredOn = new Int32Array(paidCount * monitoring.mostTaken);
  let monitoredCount = 0;
  const datedAward = new Int32Array(2 * contracts);
  const datedDay = new Int32Array(2 * contracts);
  const datedKind = new Int32Array(2 * contracts);
  let datedCount = 0;
  const dated = (i: number, day: number, kind: number): void => {
    if (day < 0 || day >= days) return;
    datedAward[datedCount] = i;
    datedDay[datedCount] = day;
    datedKind[datedCount++] = kind;
    place[day + 1]++;
  };
  const { extensionNoticeMonths, procurementLeadMonths } = model.settings;
  const paidDays = new Int32Array(12);

  for (let i = 0, p = 0; i < awards.length; i++) {
    const award = awards[i];
    const amount = amounts[i];
    if (amount !== 0) {
      paid[p] = i;
      const startDay = award.start === null ? first : dayNumber(award.start);
      const endDay = award.end === null ? last : dayNumber(award.end);
      const count = payDays(award.payment, startDay, endDay, first, last, starts, paidDays);
      const magnitude = Math.abs(amount);
      const base = Math.floor(magnitude / count);
      const odd = magnitude - base * count;
      const sign = amount < 0 ? -1 : 1;
      const row = 12 * p;
      for (let k = 0; k < count; k++) {
        const day = paidDays[k] - first;
        months[row + monthOfDay[day]] += sign * (k < odd ? base + 1 : base);
        place[day + 1]++;
      }
      p++;

      if (!monitoring.isEmpty) {
        // The rules taken are written from monitoredCount on, then kept (in place) where their days are not none.
        const taken = monitoredCount + monitoring.rulesInto(award, amount, monitoredRule, monitoredCount);
        for (let r = monitoredCount; r < taken; r++) {
          const on = sharedDays(startDay, award.start, endDay, model.monitoring[monitoredRule[r]].everyMonths);
          const onDays = shared[on].days;
          if (onDays.length === 0) continue;
          monitoredAward[monitoredCount] = i;
          monitoredRule[monitoredCount] = monitoredRule[r];
          monitoredOn[monitoredCount++] = on;
          for (let k = 0; k < onDays.length; k++) place[onDays[k] + 1]++;
        }
      }
    }

    if (award.contract !== null) {
      const dates = contractDates(award.contract);
      const notice = dates.left > 0 ? extensionNoticeMonths : procurementLeadMonths;
      dated(i, dayNumber(dates.termEnd) - first, KIND.termEnds);
      dated(i, dayNumber(monthsBefore(dates.termEnd, notice)) - first, dates.left > 0 ? KIND.decision : KIND.reprocure);
    }
  }

  for (let d = 1; d <= days; d++) place[d] += place[d - 1];
  const count = place[days];
  const dayStart = place.slice();
  const award = new Int32Array(count);
  const code = new Int32Array(count);
  const pence = new Float64Array(count);
  let monitored = 0;
  let contract = 0;
  for (let p = 0; p < paidCount || monitored < monitoredCount || contract < datedCount;) {
    // The next award with an event: paid awards, monitoring and contract dates each come in award order.
    let i = p < paidCount ? paid[p] : awards.length;
    if (monitored < monitoredCount && monitoredAward[monitored] < i) i = monitoredAward[monitored];
    if (contract < datedCount && datedAward[contract] < i) i = datedAward[contract];
    if (p < paidCount && paid[p] === i) {
      const entry = awards[i];
      const amount = amounts[i];
      const count = payDays(entry.payment, entry.start === null ? first : dayNumber(entry.start), entry.end === null ? last : dayNumber(entry.end),
        first, last, starts, paidDays);
      const magnitude = Math.abs(amount);
      const base = Math.floor(magnitude / count);
      const odd = magnitude - base * count;
      const sign = amount < 0 ? -1 : 1;
      for (let k = 0; k < count; k++) {
        const at = place[paidDays[k] - first]++;
        award[at] = i;
        code[at] = KIND.payment * 65536 + (k + 1) * 256 + count;
        pence[at] = sign * (k < odd ? base + 1 : base) + 0;
      }
      p++;
    }
    for (; monitored < monitoredCount && monitoredAward[monitored] === i; monitored++) {
      const { days: on, atEnd } = shared[monitoredOn[monitored]];
      const kind = (KIND.monitoring + monitoredRule[monitored]) * 65536;
      for (let k = 0; k < on.length; k++) {
        const at = place[on[k]]++;
        award[at] = i;
        code[at] = kind + (k + 1) * 256 + (atEnd && k === on.length - 1 ? 1 : 0);
      }
    }
    for (; contract < datedCount && datedAward[contract] === i; contract++) {
      const at = place[datedDay[contract]]++;
      award[at] = i;
      code[at] = datedKind[contract] * 65536 + 256;
    }
  }
  return { model, first, events: { count, dayStart, award, code, pence }, payments: { paid, months }, amounts };
}

/**
 * Writes into `out` a plan's payment days (day numbers) for an award from `startDay` to
 * `endDay`: its days cut to the year, or the whole year when they miss it (an award
 * that still has an amount, as a SHARE line may). Returns how many.
 */
function payDays(plan: PaymentPlan, startDay: number, endDay: number, first: number, last: number, starts: Int32Array, out: Int32Array): number {
  let from = startDay > first ? startDay : first;
  let to = endDay < last ? endDay : last;
  if (from > to) {
    from = first;
    to = last;
  }
  return instalmentDays(plan, from, to, starts, out);
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
  const { count, dayStart, award: awardOf, code, pence } = events;
  const awards = model.awards;
  const rules = model.monitoring;
  const paymentDetails = new Map<number, string>();
  const everyDetails = new Map<number, string>();
  const endDetail = [messages.monitoringAtEnd(false), messages.monitoringAtEnd(true)];
  const made = new Array<CalendarEvent>(count);
  for (let day = 0; day + 1 < dayStart.length; day++) {
    if (dayStart[day] === dayStart[day + 1]) continue;
    const date = toIsoDate(fromDayNumber(first + day));
    for (let k = dayStart[day]; k < dayStart[day + 1]; k++) {
      const award = awards[awardOf[k]];
      const kind = code[k] >>> 16;
      const sequence = (code[k] >>> 8) & 255;
      const variant = code[k] & 255;
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
