/**
 * The awards made ready for a run, once for all scenarios: each award's kind, its
 * annual and model-year amounts where they do not depend on the scenario, and the
 * awards grouped by fund so that a scenario works fund by fund without scanning.
 */
import type { Decimal } from 'decimal.js';
import { D } from '../money';
import type { Award, Fund, Model } from './inputs';
import { amountInYear, annualAmount, hasPeriod, isAnnualRule } from './rules';

/**
 * `annual`: FLAT, CHANGE, FIXED (the fit may scale them unless locked);
 * `topslice`, `share`: computed per scenario; `void`: left at 0 (a row problem).
 */
export type LineKind = 'annual' | 'topslice' | 'share' | 'void';

export interface Line {
  /** Position in `Model.awards`. */
  index: number;
  award: Award;
  kind: LineKind;
  /** FLAT, CHANGE, FIXED: the annual amount before pro-rating; otherwise 0. */
  annual: Decimal;
  /** FLAT, CHANGE, FIXED: the amount for the model's year, before any fit; otherwise 0. */
  base: Decimal;
  /** True when pro-rating changed the amount. */
  prorated: boolean;
}

/** One fund's lines, by kind, in award order. */
export interface FundLines {
  fund: Fund;
  lockedAnnual: Line[];
  unlockedAnnual: Line[];
  topslice: Line[];
  share: Line[];
  /** Totals of `base` over the locked and the unlocked annual lines. */
  lockedTotal: Decimal;
  unlockedTotal: Decimal;
  /** Total of the SHARE lines' weights. */
  shareWeight: Decimal;
}

export interface PreparedModel {
  lines: Line[];
  /** One entry per fund, in `Funds` order. */
  funds: FundLines[];
}

const ZERO = new D(0);

/** Prepares the model's awards for running its scenarios. */
export function prepareLines(model: Model): PreparedModel {
  const funds: FundLines[] = model.funds.map((fund) => ({
    fund,
    lockedAnnual: [],
    unlockedAnnual: [],
    topslice: [],
    share: [],
    lockedTotal: ZERO,
    unlockedTotal: ZERO,
    shareWeight: ZERO,
  }));
  const byName = new Map<string, FundLines>();
  for (const entry of funds) byName.set(entry.fund.name, entry);
  const startYear = model.settings.startYear;

  const lines: Line[] = model.awards.map((award, index): Line => {
    const group = byName.get(award.fund);
    if (award.zeroed || group === undefined || award.rule === null) {
      return { index, award, kind: 'void', annual: ZERO, base: ZERO, prorated: false };
    }
    if (isAnnualRule(award.rule)) {
      const annual = annualAmount(award);
      const base = hasPeriod(award) ? amountInYear(annual, award, startYear) : annual;
      const line: Line = { index, award, kind: 'annual', annual, base, prorated: !base.eq(annual) };
      if (award.locked) {
        group.lockedAnnual.push(line);
        group.lockedTotal = group.lockedTotal.plus(base);
      } else {
        group.unlockedAnnual.push(line);
        group.unlockedTotal = group.unlockedTotal.plus(base);
      }
      return line;
    }
    const line: Line = { index, award, kind: award.rule === 'TOPSLICE' ? 'topslice' : 'share', annual: ZERO, base: ZERO, prorated: false };
    if (line.kind === 'topslice') group.topslice.push(line);
    else {
      group.share.push(line);
      group.shareWeight = group.shareWeight.plus(award.value ?? ZERO);
    }
    return line;
  });
  return { lines, funds };
}
