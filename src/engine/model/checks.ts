/**
 * The checks on each award and on the priority envelopes, for one scenario (the fund
 * checks are made while allocating, in `allocation.ts`). Fences, caps and envelopes
 * are reported, never enforced: every award keeps its modelled amount.
 */
import type { Decimal } from 'decimal.js';
import type { Award, Fund, Model } from './inputs';
import { messages } from './messages';
import type { Check } from './types';

/** Routes that must be tendered at or above the threshold (trimmed, case-blind). */
const TENDERED_ROUTES = new Set(['contract', 'single tender action', 'sta']);

/** Whether a procurement route is a contract or a single tender action. */
export function isTenderedRoute(route: string): boolean {
  return TENDERED_ROUTES.has(route.trim().toLowerCase().replace(/[\s-]+/g, ' '));
}

/** What the award checks need to know of each award, worked out once for every scenario. */
export interface AwardFacts {
  award: Award;
  fund: Fund | null;
  /** The fund is ring-fenced and the award's purpose is not inside the fence. */
  outsideFence: boolean;
  tendered: boolean;
}

/** Works out each award's facts for `awardChecks`. */
export function awardFacts(model: Model): AwardFacts[] {
  const funds = new Map<string, { fund: Fund; allowed: Set<string> }>();
  for (const fund of model.funds) {
    funds.set(fund.name, { fund, allowed: new Set(fund.allowedPurposes.map((purpose) => purpose.trim().toLowerCase())) });
  }
  return model.awards.map((award) => {
    const entry = funds.get(award.fund);
    const outsideFence =
      entry !== undefined && entry.allowed.size > 0 && !entry.allowed.has(award.purpose.trim().toLowerCase());
    return { award, fund: entry?.fund ?? null, outsideFence, tendered: isTenderedRoute(award.route) };
  });
}

/**
 * Checks each award's amount under a scenario: a purpose outside the fund's ring fence
 * (when the amount is not 0), an amount above the fund's award cap, a contract or
 * single tender action at or above the tender threshold.
 */
export function awardChecks(
  facts: readonly AwardFacts[],
  amounts: readonly Decimal[],
  scenario: string,
  tenderThreshold: Decimal,
  checks: Check[],
): void {
  for (let i = 0; i < facts.length; i++) {
    const { award, fund, outsideFence, tendered } = facts[i];
    if (fund === null) continue;
    const amount = amounts[i];
    const at = { scenario, fund: fund.name, ref: award.ref, table: 'Awards', row: award.row } as const;
    if (outsideFence && !amount.isZero()) {
      checks.push({
        severity: 'error', ...at, check: 'Ring fence', column: 'Purpose',
        message: messages.ringFence(award.ref, award.purpose, fund.name, fund.allowedPurposes, amount),
      });
    }
    if (fund.awardCap !== null && amount.gt(fund.awardCap)) {
      checks.push({
        severity: 'error', ...at, check: 'Award cap',
        message: messages.awardCap(award.ref, fund.name, amount, fund.awardCap),
      });
    }
    if (tendered && amount.gte(tenderThreshold)) {
      checks.push({
        severity: 'warning', ...at, check: 'Tender threshold', column: 'Route',
        message: messages.tender(award.ref, award.route, amount, tenderThreshold),
      });
    }
  }
}

/** Checks each priority's total, across all funds, against its envelope. */
export function envelopeChecks(model: Model, amounts: readonly Decimal[], scenario: string, checks: Check[]): void {
  if (model.envelopes.length === 0) return;
  const totals = new Map<string, Decimal>();
  for (const envelope of model.envelopes) totals.set(envelope.priority.trim().toLowerCase(), envelope.budget.times(0));
  model.awards.forEach((award, i) => {
    const key = award.priority.trim().toLowerCase();
    const total = totals.get(key);
    if (total !== undefined && !amounts[i].isZero()) totals.set(key, total.plus(amounts[i]));
  });
  for (const envelope of model.envelopes) {
    const total = totals.get(envelope.priority.trim().toLowerCase());
    if (total === undefined || !total.gt(envelope.budget)) continue;
    checks.push({
      severity: 'warning', scenario, fund: '', ref: '', check: 'Envelope',
      message: messages.envelope(envelope.priority, total, envelope.budget),
      table: 'Envelopes', row: envelope.row, column: 'Budget',
    });
  }
}
