/**
 * One fund under one scenario: the order of work is fixed-type lines and top-slices,
 * then the fit, then SHARE lines take what is left after every other line and the floor.
 */
import type { Decimal } from 'decimal.js';
import { D } from '../money';
import { split } from '../split';
import { fitLines } from './fit';
import type { FitMode, Fund } from './inputs';
import type { FundLines } from './lines';
import { messages } from './messages';
import { topSlice } from './rules';
import type { Check } from './types';

/** What shaped an amount, as bits of `ScenarioAmounts.notes`. */
export const NOTE = { prorated: 1, scaled: 2, topslice: 4, share: 8 } as const;

const NOTE_TEXT: readonly [number, string][] = [
  [NOTE.prorated, 'prorated'],
  [NOTE.scaled, 'scaled'],
  [NOTE.topslice, 'top-slice'],
  [NOTE.share, 'share'],
];

/** The Notes text for a set of note bits, e.g. `prorated; scaled`. */
export function noteText(bits: number): string {
  if (bits === 0) return '';
  const parts: string[] = [];
  for (const [bit, text] of NOTE_TEXT) if ((bits & bit) !== 0) parts.push(text);
  return parts.join('; ');
}

/** The amounts of a scenario run so far, indexed like `Model.awards`. */
export interface ScenarioAmounts {
  scenario: string;
  amounts: Decimal[];
  notes: Uint8Array;
  checks: Check[];
}

/** One fund's money under one scenario. */
export interface FundOutcome {
  fund: Fund;
  fit: FitMode;
  income: Decimal;
  available: Decimal;
  awarded: Decimal;
  closingBalance: Decimal;
  headroom: Decimal;
  /** The factor the fit scaled the unlocked lines by; null when it did not scale. */
  factor: Decimal | null;
}

const ZERO = new D(0);

/**
 * Allocates one fund under one scenario, writing the fund's lines into `out` and its
 * checks (locked and top-sliced lines over the fund, nothing to share, the fit, the
 * floor) into `out.checks`.
 */
export function allocateFund(group: FundLines, income: Decimal, fit: FitMode, out: ScenarioAmounts): FundOutcome {
  const { fund } = group;
  const { amounts, notes } = out;
  const check = (severity: Check['severity'], name: string, message: string): void => {
    out.checks.push({ severity, scenario: out.scenario, fund: fund.name, ref: '', check: name, message });
  };
  const available = fund.openingBalance.plus(income);
  const room = available.minus(fund.floor);

  let fixed = group.lockedTotal;
  for (const line of group.lockedAnnual) {
    amounts[line.index] = line.base;
    if (line.prorated) notes[line.index] |= NOTE.prorated;
  }
  for (const line of group.topslice) {
    const amount = topSlice(line.award.value ?? ZERO, available);
    amounts[line.index] = amount;
    notes[line.index] |= NOTE.topslice;
    fixed = fixed.plus(amount);
  }
  if (fixed.gt(room)) check('error', 'Locked and top-sliced', messages.lockedExceed(fund.name, fixed, room, !fund.floor.isZero()));

  const unlocked = group.unlockedAnnual;
  // Money left for the unlocked lines, to the whole penny below (fractions of a penny
  // only arise from balances typed with them).
  const target = room.minus(fixed).toDecimalPlaces(2, D.ROUND_FLOOR);
  const fitted = fitLines(fit, unlocked.map((line) => line.base), group.unlockedTotal, target, group.share.length === 0);
  let scaledCount = 0;
  for (let i = 0; i < unlocked.length; i++) {
    const line = unlocked[i];
    amounts[line.index] = fitted.amounts === null ? line.base : fitted.amounts[i];
    let bits = line.prorated ? NOTE.prorated : 0;
    if (fitted.amounts !== null && !line.base.isZero()) {
      bits |= NOTE.scaled;
      scaledCount++;
    }
    notes[line.index] |= bits;
  }
  let awarded = fixed.plus(fitted.amounts === null ? group.unlockedTotal : target);
  if (fitted.factor !== null) {
    check('info', 'Fit', messages.fit(fund.name, scaledCount, fitted.factor.toFixed(4), target, fit));
  }

  if (group.share.length > 0) {
    const left = room.minus(awarded).toDecimalPlaces(2, D.ROUND_FLOOR);
    for (const line of group.share) {
      amounts[line.index] = ZERO;
      notes[line.index] |= NOTE.share;
    }
    if (!left.isPositive() || left.isZero()) {
      check('warning', 'Nothing to share', messages.nothingToShare(fund.name, left));
    } else if (group.shareWeight.isZero()) {
      check('error', 'Share', messages.zeroWeights(fund.name));
    } else {
      const shares = split(left, group.share.map((line) => line.award.value ?? ZERO), 2);
      group.share.forEach((line, i) => {
        amounts[line.index] = shares[i];
        awarded = awarded.plus(shares[i]);
      });
    }
  }

  const closingBalance = available.minus(awarded);
  const headroom = closingBalance.minus(fund.floor);
  if (headroom.isNegative()) check('error', 'Floor', messages.floor(fund.name, closingBalance, fund.floor));
  return { fund, fit, income, available, awarded, closingBalance, headroom, factor: fitted.factor };
}
