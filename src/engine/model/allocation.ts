/**
 * One fund under one scenario: the order of work is fixed-type lines and top-slices,
 * then the fit, then SHARE lines take what is left after every other line and the
 * floor. All amounts are whole pence.
 */
import type { Decimal } from 'decimal.js';
import { toWeights } from '../money';
import { apportion } from '../split';
import { fitLines, UNCHANGED } from './fit';
import type { FitMode, Fund } from './inputs';
import type { FundLines, PreparedModel } from './lines';
import { messages } from './messages';
import { toPence } from './pence';
import { topSlicePence } from './rules';
import type { Check } from './types';
import type { UnreadRow } from './unread';

/** What shaped an amount, as bits of `ScenarioAmounts.notes`. */
export const NOTE = { prorated: 1, scaled: 2, topslice: 4, share: 8 } as const;

const NOTE_TEXT: readonly [number, string][] = [
  [NOTE.prorated, 'prorated'],
  [NOTE.scaled, 'scaled'],
  [NOTE.topslice, 'top-slice'],
  [NOTE.share, 'share'],
];

/** Every Notes text, by its bits. */
const NOTE_TEXTS: readonly string[] = Array.from({ length: 16 }, (_, bits) =>
  NOTE_TEXT.filter(([bit]) => (bits & bit) !== 0).map(([, text]) => text).join('; '));

/** The Notes text for a set of note bits, e.g. `prorated; scaled`. */
export function noteText(bits: number): string {
  return NOTE_TEXTS[bits];
}

/** A scenario's amounts as they are worked out, indexed like `Model.awards`. */
export interface ScenarioAmounts {
  scenario: string;
  /** Whole pence. */
  amounts: Float64Array;
  notes: Uint8Array;
  checks: Check[];
}

/** One fund's money under one scenario, in whole pence. */
export interface FundOutcome {
  fund: Fund;
  fit: FitMode;
  opening: number;
  income: number;
  available: number;
  awarded: number;
  floor: number;
  closingBalance: number;
  headroom: number;
  /**
   * What the fit scaled the unlocked lines by, exactly (`room` ÷ `total`, both pence)
   * and as a decimal; null when it did not scale them.
   */
  scaled: { room: number; total: number; factor: Decimal } | null;
}

/**
 * Allocates one fund under one scenario (`income` in pounds), writing the fund's lines
 * into `out` and its checks (locked and top-sliced lines over the fund, nothing to
 * share, what the fit did, the floor) into `out.checks`. With `unread` rows (row
 * problems that count against the fund) the fit is not applied: an error check says
 * so, naming the rows, whenever the fit would have moved an amount.
 */
export function allocateFund(
  prepared: PreparedModel,
  group: FundLines,
  income: number,
  fit: FitMode,
  out: ScenarioAmounts,
  unread: readonly UnreadRow[] = [],
): FundOutcome {
  const { fund } = group;
  const { base, prorated } = prepared;
  const { amounts, notes } = out;
  const check = (severity: Check['severity'], name: string, message: string, at: Partial<Check> = {}): void => {
    out.checks.push({ severity, scenario: out.scenario, fund: fund.name, ref: '', check: name, message, ...at });
  };
  const opening = toPence(fund.openingBalance);
  const incomePence = toPence(income);
  const floor = toPence(fund.floor);
  const available = opening + incomePence;
  const room = available - floor;

  let fixed = group.lockedTotal;
  for (const i of group.locked) {
    amounts[i] = base[i];
    if (prorated[i] === 1) notes[i] |= NOTE.prorated;
  }
  group.topslice.forEach((i, k) => {
    const amount = topSlicePence(group.topsliceFractions[k], available);
    amounts[i] = amount;
    notes[i] |= NOTE.topslice;
    fixed += amount;
  });
  if (fixed > 0 && fixed > room) check('error', 'Locked and top-sliced', messages.lockedExceed(fund.name, fixed, room, floor !== 0));

  const { unlocked } = group;
  const target = room - fixed;
  let fitted = fitLines(fit, group.unlockedBase, group.unlockedTotal, target, group.share.length === 0);
  if (fitted.amounts !== null && unread.length > 0) {
    check('error', 'Fit not applied', messages.fitNotApplied(fund.name, fit, unread), { table: unread[0].table, row: unread[0].row });
    fitted = UNCHANGED;
  }
  let scaledCount = 0;
  for (let k = 0; k < unlocked.length; k++) {
    const i = unlocked[k];
    let bits = prorated[i] === 1 ? NOTE.prorated : 0;
    if (fitted.amounts === null) {
      amounts[i] = base[i];
    } else {
      amounts[i] = fitted.amounts[k];
      if (base[i] !== 0) {
        bits |= NOTE.scaled;
        scaledCount++;
      }
    }
    notes[i] |= bits;
  }
  let awarded = fixed + (fitted.amounts === null ? group.unlockedTotal : target);
  if (fitted.factor !== null) {
    check('info', 'Fit', messages.fit(fund.name, scaledCount, fitted.factor.toFixed(4), target, fit));
  }

  if (group.share.length > 0) {
    const left = room - awarded;
    for (const i of group.share) {
      amounts[i] = 0;
      notes[i] |= NOTE.share;
    }
    const weights = toWeights(group.shareWeights, 'weights');
    const weightless = weights.big ? weights.values.every((w) => w === 0n) : weights.values.every((w) => w === 0);
    if (left <= 0) {
      check('warning', 'Nothing to share', messages.nothingToShare(fund.name));
    } else if (weightless) {
      check('error', 'Share', messages.zeroWeights(fund.name));
    } else {
      const shares = apportion(BigInt(left), weights, 'weights');
      group.share.forEach((i, k) => {
        amounts[i] = Number(shares.values[k]);
      });
      awarded += left;
    }
  }

  const closingBalance = available - awarded;
  const headroom = closingBalance - floor;
  if (headroom < 0) check('error', 'Floor', messages.floor(fund.name, closingBalance, floor));
  const scaled = fitted.factor === null ? null : { room: target, total: group.unlockedTotal, factor: fitted.factor };
  return { fund, fit, opening, income: incomePence, available, awarded, floor, closingBalance, headroom, scaled };
}
