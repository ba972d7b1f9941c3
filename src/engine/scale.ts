/**
 * Scaling a set of amounts to a target total, keeping locked lines (contract values)
 * as they are.
 */
import { EngineError } from './errors';
import * as messages from './messages';
import {
  type Decimal, type Integers, D, checkDecimals, fitIntegers, fromUnits, toBigInts, toUnits, unitsOf, unitsToNumbers,
} from './money';
import { apportion } from './split';

/** The scaled amounts, and the one factor applied to the unlocked lines. */
export interface ScaleResult {
  readonly amounts: Decimal[];
  /** (target − locked total) / unlocked total; null when nothing was scaled. */
  readonly factor: Decimal | null;
}

/**
 * Scales the unlocked amounts by one factor so that all the amounts add up to `target`
 * exactly; locked lines keep their amounts. Amounts and target are first rounded half
 * away from zero to `decimals` places; the unlocked lines share target − locked total
 * in proportion to their amounts by the largest remainder (ties to the earlier line).
 *
 * @param amounts - the current amounts, not negative
 * @param target - the total wanted
 * @param locked - optional, per line: true keeps the line's amount
 * @param decimals - places to round to, 0 to 6 (default 2)
 * @throws {EngineError} `#NUM!` for a negative amount or target, or a locked total above the target (saying by how much);
 *   `#DIV/0!` when nothing unlocked can be scaled but the target differs from the locked total;
 *   `#VALUE!` when `locked` and `amounts` differ in length or a value is not a number
 *
 * @example
 * const { amounts, factor } = scale([100, 200, 300], 500, [true, false, false]);
 * [amounts.map(String), factor?.toString()]
 * //=> [['100', '160', '240'], '0.8']
 */
export function scale(
  amounts: readonly Decimal.Value[],
  target: Decimal.Value,
  locked?: readonly boolean[] | null,
  decimals?: number,
): ScaleResult {
  const scaled = scaleUnits(amounts, target, locked, decimals);
  const { units, places } = scaled;
  return {
    amounts: units.big ? units.values.map((value) => fromUnits(value, places)) : units.values.map((value) => fromUnits(value, places)),
    factor: factorOf(scaled),
  };
}

/** {@link scale}'s amounts as the numbers they are (each the double nearest its exact decimal), and its factor. */
export function scaleNumbers(
  amounts: readonly Decimal.Value[],
  target: Decimal.Value,
  locked?: readonly boolean[] | null,
  decimals?: number,
): { amounts: number[]; factor: Decimal | null } {
  const scaled = scaleUnits(amounts, target, locked, decimals);
  return { amounts: unitsToNumbers(scaled.units, scaled.places), factor: factorOf(scaled) };
}

/** A scaling worked out in whole units: every line's new amount, and what the factor is made of. */
interface ScaledUnits {
  units: Integers;
  places: number;
  /** The factor's numerator and denominator (target − locked total, unlocked total); null when nothing was scaled. */
  toScale: bigint | null;
  unlockedTotal: bigint;
}

function factorOf({ toScale, unlockedTotal }: ScaledUnits): Decimal | null {
  return toScale === null ? null : new D(toScale.toString()).div(unlockedTotal.toString());
}

function scaleUnits(
  amounts: readonly Decimal.Value[],
  target: Decimal.Value,
  locked: readonly boolean[] | null | undefined,
  decimals: number | undefined,
): ScaledUnits {
  const places = checkDecimals(decimals);
  const targetUnits = unitsOf(target, places, 'target');
  if (targetUnits < 0n) throw new EngineError('#NUM!', messages.negative('target', undefined, String(target)));
  const locks = locked ?? null;
  if (locks !== null && locks.length !== amounts.length) {
    throw new EngineError('#VALUE!', messages.lengthMismatch('locked', locks.length, 'amounts', amounts.length));
  }
  const units = toUnits(amounts, places, 'amounts');
  const n = units.values.length;
  let lockedTotal = 0n;
  let unlockedTotal = 0n;
  let open: Integers;
  if (units.big) {
    const values = units.values.slice();
    for (let i = 0; i < n; i++) {
      if (locks !== null && locks[i] === true) {
        lockedTotal += values[i];
        values[i] = 0n;
      } else {
        unlockedTotal += values[i];
      }
    }
    open = fitIntegers(values);
  } else {
    // Whole numbers whose grand total is below 2^52: these sums are exact.
    const values = units.values.slice();
    let lockedSum = 0;
    let unlockedSum = 0;
    for (let i = 0; i < n; i++) {
      if (locks !== null && locks[i] === true) {
        lockedSum += values[i];
        values[i] = 0;
      } else {
        unlockedSum += values[i];
      }
    }
    lockedTotal = BigInt(lockedSum);
    unlockedTotal = BigInt(unlockedSum);
    open = { big: false, values };
  }
  if (lockedTotal > targetUnits) {
    throw new EngineError('#NUM!', messages.lockedAboveTarget(fromUnits(lockedTotal, places), fromUnits(targetUnits, places), places));
  }
  const toScale = targetUnits - lockedTotal;
  if (unlockedTotal === 0n) {
    if (toScale !== 0n) {
      throw new EngineError('#DIV/0!', messages.nothingToScale(fromUnits(targetUnits, places), fromUnits(lockedTotal, places), places));
    }
    return { units, places, toScale: null, unlockedTotal };
  }
  const shares = apportion(toScale, open, 'amounts');
  const isLocked = (i: number): boolean => locks !== null && locks[i] === true;
  let result: Integers;
  if (shares.big || units.big) {
    const all = toBigInts(units);
    const given = toBigInts(shares);
    result = fitIntegers(all.map((value, i) => (isLocked(i) ? value : given[i])));
  } else {
    const given = shares.values;
    const all = units.values;
    const values = new Array<number>(n);
    for (let i = 0; i < n; i++) values[i] = locks !== null && locks[i] === true ? all[i] : given[i];
    result = { big: false, values };
  }
  return { units: result, places, toScale, unlockedTotal };
}
