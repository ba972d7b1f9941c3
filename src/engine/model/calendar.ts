/**
 * The commissioning year (SPEC section 3): for one scenario, each award's payments by
 * month, and the calendar of the model year — payments, monitoring returns and
 * meetings, term ends, extension decisions due and re-procure-by dates — in date order
 * (then award order).
 *
 * A run works out every record: every event — each instalment (its day, award, number
 * and pence), each monitoring date and contract date — in its final order, and each
 * fund's payments by month. The records are columns of numbers (day numbers, award
 * indexes, kind codes, pence), with no date object and no text, and as little memory
 * as will do: on 10,000 awards, fresh memory costs a run as much as the arithmetic. The
 * rows the sheets, files and the pane read (`PaymentRow`, `CalendarEvent`: ISO dates,
 * pounds, the detail text) are made from those columns when first read, as the other
 * sheets' cells are made from the run's rows when they are written.
 */
import { dayNumber, fromDayNumber, toIsoDate } from '../dates';
import { fiscalYearOf, type FiscalYear } from '../fiscalYear';
import { contractDates, contractDays } from './contracts';
import type { Award, Model, PaymentPlan } from './inputs';
import { messages } from './messages';
import { monitoringDays, MonitoringPlan, type FundRules } from './monitoring';
import { longDate, monthHeading, monthsBeforeDay } from './months';
import { instalmentDays, monthStartDays } from './payments';
import { toPounds } from './pence';
import type { Calendar, CalendarEvent, CalendarEventName, PaymentRow, Payments } from './types';

/** The calendar's event names for contract dates. */
export const CONTRACT_EVENTS = { termEnds: 'Term ends', decision: 'Extension decision due', reprocure: 'Re-procure by' } as const;

/** An event's kind as a code: a payment, a contract date, or `monitoring` plus the rule's index in `Model.monitoring`. */
const KIND = { payment: 0, termEnds: 1, decision: 2, reprocure: 3, monitoring: 4 } as const;

/** The payment plans as codes (for the instalment details' cache). */
const PLAN_CODE = { Single: 0, Quarterly: 1, Monthly: 2 } as const;

/** Pence that fit a 32-bit integer column (£21,474,836.47). */
const INT32_PENCE = 2 ** 31 - 1;

/**
 * The model year's events as columns, one entry an event, in final order: by day, then
 * award order, then each award's payments, monitoring (rule by rule) and contract
 * dates. The events of the year's day `d` (from 0) are entries `dayStart[d]` to
 * `dayStart[d + 1] - 1`. For each: the award (its index in `Model.awards`); a code,
 * `kind × 256 + number × 16 + variant` — the kind (see `KIND`), the number of the
 * award's events of that kind (from 1) and a variant (a payment's instalment count; 1
 * for a monitoring event on the award's end only) — four bits each, as a year holds at
 * most 12 instalments of an award and 13 dates of a rule (12 period ends and the
 * award's end); and the pence of a payment (0 for other events), in 32-bit integers
 * unless an award is too large for them.
 */
export interface EventColumns {
  count: number;
  dayStart: Int32Array;
  award: Uint16Array | Int32Array;
  code: Uint16Array | Int32Array;
  pence: Int32Array | Float64Array;
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

/** What the run keeps, for the rows to be made from when read. */
interface YearRecords {
  model: Model;
  /** The year's first day (a day number). */
  first: number;
  /** The month of the year (0 = the first) each day of it (from 0) falls in. */
  monthOfDay: Uint8Array;
  amounts: Float64Array;
  /** The awards paid (an amount other than 0), in award order. */
  paid: Int32Array;
  events: EventColumns;
  /** Each fund's pence by month, then its total: 13 a fund, in `Model.funds` order. */
  fundSums: Float64Array;
}

/**
 * Payments and the calendar of one scenario's awards.
 *
 * @param amounts each award's amount for the year in whole pence, indexed like `Model.awards`
 */
export function commissioningYear(model: Model, scenario: string, amounts: Float64Array): { payments: Payments; calendar: Calendar } {
  const year = fiscalYearOf(model.settings.startYear);
  const records = yearRecords(model, amounts, monthStartDays(year));
  const { fundSums } = records;
  const fundTotals = model.funds.map((fund, f): PaymentRow => ({
    ref: 'Total', recipient: '', fund: fund.name,
    months: Array.from(fundSums.subarray(13 * f, 13 * f + 12), toPounds), total: toPounds(fundSums[13 * f + 12]),
  }));
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
 * Every event of the year, in columns in their final order (see `EventColumns`), each
 * paid award's instalments among them (equal parts by the largest remainder, the first
 * taking the odd pennies), and each fund's payments by month. Two passes over the
 * awards: the first counts each day's events (a counting sort's histogram), the second
 * writes each event straight into its place and adds up the funds.
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
  let largest = 0;
  for (let i = 0; i < awards.length; i++) {
    const amount = amounts[i];
    if (amount !== 0) paidCount++;
    if (amount > largest || -amount > largest) largest = Math.abs(amount);
    if (awards[i].contract !== null) contracts++;
  }
  const paid = new Int32Array(paidCount);
  // Each paid award's fund, by its index in `Model.funds` (-1 for a fund it does not list).
  const fundOf = new Int32Array(paidCount);
  // The monitoring each paid award takes, kept for the second pass: how many rules, and each rule and its days.
  const takenOf = new Int32Array(paidCount);
  const fundIndex = new Map<string, number>(model.funds.map((fund, f) => [fund.name, f]));
  const fundSums = new Float64Array(13 * model.funds.length);
  // place[d + 1] counts day d's events; then, summed, where day d's next event goes.
  const place = new Int32Array(days + 1);

  const monitoring = new MonitoringDays(model, year, first, last);
  const keptRule = new Int32Array(paidCount * monitoring.rules.length);
  const keptOn = new Int32Array(paidCount * monitoring.rules.length);
  let kept = 0;
  // Each award's contract dates in the year (award, day, kind), in award order.
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
  let fundName: string | null = null;
  let fund = -1;

  for (let i = 0, p = 0; i < awards.length; i++) {
    const award = awards[i];
    const amount = amounts[i];
    if (amount !== 0) {
      if (award.fund !== fundName) {
        fundName = award.fund;
        fund = fundIndex.get(fundName) ?? -1;
      }
      fundOf[p] = fund;
      paid[p++] = i;
      const startDay = award.start === null ? first : dayNumber(award.start);
      const endDay = award.end === null ? last : dayNumber(award.end);
      const count = payDays(award.payment, startDay, endDay, first, last, starts, paidDays);
      for (let k = 0; k < count; k++) place[paidDays[k] - first + 1]++;

      const taken = monitoring.of(award, fund, amount, startDay, endDay);
      takenOf[p - 1] = taken;
      for (let r = 0; r < taken; r++) {
        keptRule[kept] = monitoring.rules[r];
        keptOn[kept++] = monitoring.on[r];
        const on = monitoring.shared[monitoring.on[r]].days;
        for (let k = 0; k < on.length; k++) place[on[k] + 1]++;
      }
    }

    if (award.contract !== null) {
      const dates = contractDays(award.contract);
      const notice = dates.left > 0 ? extensionNoticeMonths : procurementLeadMonths;
      dated(i, dates.termEnd - first, KIND.termEnds);
      dated(i, monthsBeforeDay(dates.termEnd, notice) - first, dates.left > 0 ? KIND.decision : KIND.reprocure);
    }
  }

  for (let d = 1; d <= days; d++) place[d] += place[d - 1];
  const count = place[days];
  const dayStart = place.slice();
  // The narrowest columns that hold every value: fresh memory is most of what they cost.
  const award = awards.length <= 0xffff ? new Uint16Array(count) : new Int32Array(count);
  const code = KIND.monitoring + model.monitoring.length <= 0xff ? new Uint16Array(count) : new Int32Array(count);
  const pence = largest > INT32_PENCE ? new Float64Array(count) : new Int32Array(count);
  kept = 0;
  for (let i = 0, p = 0, contract = 0; i < awards.length; i++) {
    const entry = awards[i];
    const amount = amounts[i];
    if (amount !== 0) {
      const fund = fundOf[p++];
      const startDay = entry.start === null ? first : dayNumber(entry.start);
      const endDay = entry.end === null ? last : dayNumber(entry.end);
      const count = payDays(entry.payment, startDay, endDay, first, last, starts, paidDays);
      const magnitude = Math.abs(amount);
      const base = Math.floor(magnitude / count);
      const odd = magnitude - base * count;
      const sign = amount < 0 ? -1 : 1;
      for (let k = 0; k < count; k++) {
        const day = paidDays[k] - first;
        const share = sign * (k < odd ? base + 1 : base);
        const at = place[day]++;
        award[at] = i;
        code[at] = KIND.payment * 256 + (k + 1) * 16 + count;
        pence[at] = share;
        if (fund >= 0) fundSums[13 * fund + monthOfDay[day]] += share;
      }
      if (fund >= 0) fundSums[13 * fund + 12] += amount;
      const taken = takenOf[p - 1];
      for (let r = 0; r < taken; r++, kept++) {
        const { days: on, atEnd } = monitoring.shared[keptOn[kept]];
        const kind = (KIND.monitoring + keptRule[kept]) * 256;
        for (let k = 0; k < on.length; k++) {
          const at = place[on[k]]++;
          award[at] = i;
          code[at] = kind + (k + 1) * 16 + (atEnd && k === on.length - 1 ? 1 : 0);
        }
      }
    }
    for (; contract < datedCount && datedAward[contract] === i; contract++) {
      const at = place[datedDay[contract]]++;
      award[at] = i;
      code[at] = datedKind[contract] * 256 + 16;
    }
  }
  return { model, first, monthOfDay, amounts, paid, events: { count, dayStart, award, code, pence }, fundSums };
}

/**
 * The monitoring each award takes: the rules (at most one per `What`) and, for each,
 * its days in the year. Most awards share their dates (many run the whole year), so
 * each rule's days are worked out once per start, end and period, and shared.
 */
class MonitoringDays {
  /** Every rule's days worked out so far; `on` points into it. */
  readonly shared: MonitoredDays[] = [];
  /** The last award's rules (indexes in `Model.monitoring`) and their days (indexes in `shared`). */
  readonly rules: Int32Array;
  readonly on: Int32Array;
  private readonly plan: MonitoringPlan;
  /** Each fund's rules, by its index in `Model.funds`. */
  private readonly fundRules: FundRules[];
  private readonly byStart = new Map<number, MonitoredDays[]>();
  private readonly scratch: number[] = [];
  private readonly ends = { atEnd: false };

  constructor(private readonly model: Model, private readonly year: FiscalYear, private readonly first: number, private readonly last: number) {
    this.plan = new MonitoringPlan(model.monitoring);
    this.fundRules = this.plan.isEmpty ? [] : model.funds.map((fund) => this.plan.rulesOf(fund.name));
    this.rules = new Int32Array(this.plan.mostTaken);
    this.on = new Int32Array(this.plan.mostTaken);
  }

  /**
   * Works out an award's rules and their days into `rules` and `on`, leaving out rules
   * with no day in the year; returns how many. `fund` is the award's fund's index in
   * `Model.funds` (-1 for a fund it does not list).
   */
  of(award: Award, fund: number, amount: number, startDay: number, endDay: number): number {
    if (this.plan.isEmpty) return 0;
    const taken = MonitoringPlan.takenInto(fund >= 0 ? this.fundRules[fund] : this.plan.rulesOf(award.fund), amount, this.rules, 0);
    if (taken === 0) return 0;
    let known = this.byStart.get(startDay);
    if (known === undefined) {
      known = [];
      this.byStart.set(startDay, known);
    }
    let count = 0;
    for (let r = 0; r < taken; r++) {
      const rule = this.rules[r];
      const on = this.daysOf(known, award, endDay, this.model.monitoring[rule].everyMonths);
      if (this.shared[on].days.length === 0) continue;
      this.rules[count] = rule;
      this.on[count++] = on;
    }
    return count;
  }

  /** The index in `shared` of a rule's days for awards of one start (`known`, the days found for it), end and period. */
  private daysOf(known: MonitoredDays[], award: Award, endDay: number, every: number): number {
    for (let k = 0; k < known.length; k++) if (known[k].end === endDay && known[k].every === every) return known[k].index;
    const { scratch, ends, first } = this;
    const count = monitoringDays(award.start ?? this.year.start, endDay, every, this.year, first, this.last, scratch, ends);
    const days = new Int32Array(count);
    for (let k = 0; k < count; k++) days[k] = scratch[k] - first;
    const found = { index: this.shared.length, end: endDay, every, days, atEnd: ends.atEnd };
    known.push(found);
    this.shared.push(found);
    return found.index;
  }
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

/** The Payments rows, one a paid award in award order: its instalments (the payment events) by month, in pounds. */
function paymentRows({ model, monthOfDay, amounts, paid, events }: YearRecords): PaymentRow[] {
  const { dayStart, award: awardOf, code, pence } = events;
  const rowOf = new Int32Array(model.awards.length);
  for (let p = 0; p < paid.length; p++) rowOf[paid[p]] = p;
  const months = new Float64Array(12 * paid.length);
  for (let day = 0; day + 1 < dayStart.length; day++) {
    const month = monthOfDay[day];
    for (let k = dayStart[day]; k < dayStart[day + 1]; k++) {
      if (code[k] >>> 8 === KIND.payment) months[12 * rowOf[awardOf[k]] + month] += pence[k];
    }
  }
  const rows = new Array<PaymentRow>(paid.length);
  for (let p = 0; p < paid.length; p++) {
    const award = model.awards[paid[p]];
    const pounds = new Array<number>(12);
    for (let m = 0; m < 12; m++) pounds[m] = toPounds(months[12 * p + m]);
    rows[p] = { ref: award.ref, recipient: award.recipient, fund: award.fund, months: pounds, total: toPounds(amounts[paid[p]]) };
  }
  return rows;
}

/** The calendar's rows, from the event columns: ISO dates, names and details as text. */
function calendarEvents({ model, first, events }: YearRecords): CalendarEvent[] {
  const { count, dayStart, award: awardOf, code, pence } = events;
  const awards = model.awards;
  const rules = model.monitoring;
  // Details made once each: a payment's by plan, number and count; a monitoring event's by rule.
  const paymentDetails = new Array<string | undefined>(3 * 256);
  const everyDetails = rules.map((rule) => messages.monitoringEvery(rule.everyMonths));
  const endDetail = [messages.monitoringAtEnd(false), messages.monitoringAtEnd(true)];
  const made = new Array<CalendarEvent>(count);
  for (let day = 0; day + 1 < dayStart.length; day++) {
    if (dayStart[day] === dayStart[day + 1]) continue;
    const date = toIsoDate(fromDayNumber(first + day));
    for (let k = dayStart[day]; k < dayStart[day + 1]; k++) {
      const award = awards[awardOf[k]];
      const kind = code[k] >>> 8;
      const sequence = (code[k] >>> 4) & 15;
      const variant = code[k] & 15;
      let event: CalendarEventName;
      let amount: number | null = null;
      let detail: string;
      if (kind === KIND.payment) {
        event = 'Payment';
        amount = toPounds(pence[k]);
        const key = PLAN_CODE[award.payment] * 256 + (code[k] & 255);
        detail = paymentDetails[key] ??= messages.instalmentDetail(award.payment, sequence, variant);
      } else if (kind >= KIND.monitoring) {
        event = rules[kind - KIND.monitoring].what;
        detail = variant === 1 ? endDetail[award.end === null ? 1 : 0] : everyDetails[kind - KIND.monitoring];
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
