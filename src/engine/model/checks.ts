/**
 * The checks on each award and on the priority envelopes, for one scenario (the fund
 * checks are made while allocating, in `allocation.ts`). Fences, caps and envelopes
 * are reported, never enforced: every award keeps its modelled amount.
 */
import type { Award, Fund, Model } from './inputs';
import { messages } from './messages';
import { toPence } from './pence';
import type { Check } from './types';

/** Routes that must be tendered at or above the threshold (trimmed, case-blind). */
const TENDERED_ROUTES = new Set(['contract', 'single tender action', 'sta']);

/** Whether a procurement route is a contract or a single tender action. */
export function isTenderedRoute(route: string): boolean {
  return TENDERED_ROUTES.has(route.trim().toLowerCase().replace(/[\s-]+/g, ' '));
}

/**
 * An award some check may flag (its fund is ring-fenced or capped, or its route is
 * tendered), with what the checks need to know, worked out once for every scenario.
 */
export interface WatchedAward {
  /** Position in `Model.awards`. */
  index: number;
  award: Award;
  fund: Fund;
  /** The fund's award cap in pence; null when none. */
  cap: number | null;
  /** The fund is ring-fenced and the award's purpose is not inside the fence. */
  outsideFence: boolean;
  tendered: boolean;
}

/** A function of a text, worked out once per distinct text (purposes, routes and priorities repeat). */
function memo<T>(of: (text: string) => T): (text: string) => T {
  const known = new Map<string, { value: T }>();
  return (text) => {
    let entry = known.get(text);
    if (entry === undefined) {
      entry = { value: of(text) };
      known.set(text, entry);
    }
    return entry.value;
  };
}

const key = (text: string): string => text.trim().toLowerCase();

/** The awards `awardChecks` looks at, in award order. */
export function watchedAwards(model: Model): WatchedAward[] {
  const funds = new Map<string, { fund: Fund; allowed: Set<string> }>();
  for (const fund of model.funds) {
    funds.set(fund.name, { fund, allowed: new Set(fund.allowedPurposes.map((purpose) => purpose.trim().toLowerCase())) });
  }
  const watched: WatchedAward[] = [];
  const purposeKey = memo(key);
  const tenderedRoute = memo(isTenderedRoute);
  model.awards.forEach((award, index) => {
    const entry = funds.get(award.fund);
    if (entry === undefined) return;
    const outsideFence = entry.allowed.size > 0 && !entry.allowed.has(purposeKey(award.purpose));
    const tendered = tenderedRoute(award.route);
    const cap = entry.fund.awardCap;
    if (!outsideFence && !tendered && cap === null) return;
    watched.push({ index, award, fund: entry.fund, cap: cap === null ? null : toPence(cap), outsideFence, tendered });
  });
  return watched;
}

/**
 * Checks each award's amount under a scenario: a purpose outside the fund's ring fence
 * (when the amount is not 0), an amount above the fund's award cap, a contract or
 * single tender action at or above the tender threshold.
 */
export function awardChecks(
  watched: readonly WatchedAward[],
  amounts: Float64Array,
  scenario: string,
  tenderThreshold: number | null,
  checks: Check[],
): void {
  // With a Procurement table the bands take the threshold's place (see procurement.ts).
  const threshold = tenderThreshold === null ? Infinity : toPence(tenderThreshold);
  for (const { index, award, fund, cap, outsideFence, tendered } of watched) {
    const amount = amounts[index];
    const at = { scenario, fund: fund.name, ref: award.ref, table: 'Awards', row: award.row } as const;
    if (outsideFence && amount !== 0) {
      checks.push({
        severity: 'error', ...at, check: 'Ring fence', column: 'Purpose',
        message: messages.ringFence(award.ref, award.purpose, fund.name, fund.allowedPurposes, amount),
      });
    }
    if (cap !== null && amount > cap) {
      checks.push({
        severity: 'error', ...at, check: 'Award cap',
        message: messages.awardCap(award.ref, fund.name, amount, cap),
      });
    }
    if (tendered && amount >= threshold) {
      checks.push({
        severity: 'warning', ...at, check: 'Tender threshold', column: 'Route',
        message: messages.tender(award.ref, award.route, amount, threshold),
      });
    }
  }
}

/** Checks each priority's total, across all funds, against its envelope. */
export function envelopeChecks(
  model: Model,
  priorities: readonly (number | undefined)[],
  amounts: Float64Array,
  scenario: string,
  checks: Check[],
): void {
  if (model.envelopes.length === 0) return;
  const totals = new Float64Array(model.envelopes.length);
  for (let i = 0; i < priorities.length; i++) {
    const envelope = priorities[i];
    if (envelope !== undefined) totals[envelope] += amounts[i];
  }
  model.envelopes.forEach((envelope, e) => {
    const budget = toPence(envelope.budget);
    if (!(totals[e] > budget)) return;
    checks.push({
      severity: 'warning', scenario, fund: '', ref: '', check: 'Envelope',
      message: messages.envelope(envelope.priority, totals[e], budget),
      table: 'Envelopes', row: envelope.row, column: 'Budget',
    });
  });
}

/** Each award's envelope (its position in `Model.envelopes`), by priority, trimmed and case-blind. */
export function envelopeOfAwards(model: Model): (number | undefined)[] {
  const byPriority = new Map<string, number>();
  model.envelopes.forEach((envelope, e) => byPriority.set(key(envelope.priority), e));
  const envelopeOf = memo((priority) => byPriority.get(key(priority)));
  return model.awards.map((award) => envelopeOf(award.priority));
}
