/**
 * The awards made ready for a run, once for all scenarios: each award's kind, its
 * annual and model-year amounts (whole pence) where they do not depend on the
 * scenario, and the awards grouped by fund so that a scenario works fund by fund
 * without scanning. Per-award facts are held in typed arrays indexed like
 * `Model.awards`, which keeps large models light.
 */
import { fiscalYearOf } from '../fiscalYear';
import { ModelInputError } from './errors';
import type { Fund, Model } from './inputs';
import { messages } from './messages';
import { MAX_PENCE, toPence } from './pence';
import { annualPence, hasPeriod, isAnnualRule, penceInYear } from './rules';

/**
 * What a line is: `annual` FLAT, CHANGE, FIXED (the fit may scale them unless locked);
 * `topslice` and `share` computed per scenario; `void` left at 0 (a row problem).
 */
export const KIND = { void: 0, annual: 1, topslice: 2, share: 3 } as const;

/** One fund's lines, by kind, as positions in `Model.awards`, in award order. */
export interface FundLines {
  fund: Fund;
  locked: number[];
  unlocked: number[];
  topslice: number[];
  share: number[];
  /** The unlocked lines' model-year amounts (pence), in order: what a fit scales. */
  unlockedBase: number[];
  /** The TOPSLICE lines' fractions and the SHARE lines' weights, in order. */
  topsliceFractions: number[];
  shareWeights: number[];
  /** Totals of the locked and the unlocked lines' model-year amounts, in pence. */
  lockedTotal: number;
  unlockedTotal: number;
}

export interface PreparedModel {
  /** `KIND` of each award. */
  kind: Uint8Array;
  /** FLAT, CHANGE, FIXED: the annual amount before pro-rating, in pence; otherwise 0. */
  annual: Float64Array;
  /** FLAT, CHANGE, FIXED: the amount for the model's year before any fit, in pence; otherwise 0. */
  base: Float64Array;
  /** 1 when pro-rating changed the amount. */
  prorated: Uint8Array;
  /** Each award's `Prior year`, in pence. */
  prior: Float64Array;
  /** One entry per fund, in `Funds` order. */
  funds: FundLines[];
}

/**
 * Prepares the model's awards for running its scenarios.
 *
 * @throws {ModelInputError} when the amounts add up beyond what whole-pence arithmetic
 *   holds exactly (about £45 trillion)
 */
export function prepareLines(model: Model): PreparedModel {
  const count = model.awards.length;
  const prepared: PreparedModel = {
    kind: new Uint8Array(count),
    annual: new Float64Array(count),
    base: new Float64Array(count),
    prorated: new Uint8Array(count),
    prior: new Float64Array(count),
    funds: model.funds.map((fund) => ({
      fund,
      locked: [],
      unlocked: [],
      topslice: [],
      share: [],
      unlockedBase: [],
      topsliceFractions: [],
      shareWeights: [],
      lockedTotal: 0,
      unlockedTotal: 0,
    })),
  };
  const { kind, annual, base, prorated, prior } = prepared;
  const byName = new Map<string, FundLines>();
  let magnitude = 0;
  for (const group of prepared.funds) {
    byName.set(group.fund.name, group);
    const { fund } = group;
    magnitude += Math.abs(toPence(fund.openingBalance)) + Math.abs(toPence(fund.income)) + Math.abs(toPence(fund.floor));
  }
  for (const scenario of model.scenarios) {
    for (const entry of scenario.funds) magnitude += Math.abs(toPence(entry.income ?? 0));
  }
  const year = fiscalYearOf(model.settings.startYear);

  for (let i = 0; i < count; i++) {
    const award = model.awards[i];
    prior[i] = toPence(award.priorYear);
    magnitude += Math.abs(prior[i]);
    const group = byName.get(award.fund);
    if (award.zeroed || group === undefined || award.rule === null) continue;
    if (isAnnualRule(award.rule)) {
      kind[i] = KIND.annual;
      const yearly = annualPence(award);
      const amount = hasPeriod(award) ? penceInYear(yearly, award, year) : yearly;
      annual[i] = yearly;
      base[i] = amount;
      prorated[i] = amount !== yearly ? 1 : 0;
      magnitude += yearly;
      if (award.locked) {
        group.locked.push(i);
        group.lockedTotal += amount;
      } else {
        group.unlocked.push(i);
        group.unlockedBase.push(amount);
        group.unlockedTotal += amount;
      }
    } else if (award.rule === 'TOPSLICE') {
      kind[i] = KIND.topslice;
      group.topslice.push(i);
      group.topsliceFractions.push(award.value ?? 0);
    } else {
      kind[i] = KIND.share;
      group.share.push(i);
      group.shareWeights.push(award.value ?? 0);
    }
  }
  if (!(magnitude < MAX_PENCE)) throw new ModelInputError(messages.tooLarge(), { table: 'Awards' });
  return prepared;
}
