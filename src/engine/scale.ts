/**
 * Scaling a set of amounts to a target total, keeping locked lines (contract values)
 * as they are.
 */
import { EngineError } from './errors';
import * as messages from './messages';
import { type Decimal, D, checkDecimals, fitIntegers, fromUnits, toBigInts, toUnits, unitsOf } from './money';
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
  const places = checkDecimals(decimals);
  const targetUnits = unitsOf(target, places, 'target');
  if (targetUnits < 0n) throw new EngineError('#NUM!', messages.negative('target', undefined, String(target)));
  if (locked !== undefined && locked !== null && locked.length !== amounts.length) {
    throw new EngineError('#VALUE!', messages.lengthMismatch('locked', locked.length, 'amounts', amounts.length));
  }
  const units = toUnits(amounts, places, 'amounts');
  const isLocked = (i: number): boolean => locked !== undefined && locked !== null && locked[i] === true;
  let lockedTotal = 0n;
  let unlockedTotal = 0n;
  if (units.big) {
    for (let i = 0; i < units.values.length; i++) {
      if (isLocked(i)) lockedTotal += units.values[i];
      else unlockedTotal += units.values[i];
    }
  } else {
    // Whole numbers whose grand total is below 2^52: these sums are exact.
    let lockedSum = 0;
    let unlockedSum = 0;
    for (let i = 0; i < units.values.length; i++) {
      if (isLocked(i)) lockedSum += units.values[i];
      else unlockedSum += units.values[i];
    }
    lockedTotal = BigInt(lockedSum);
    unlockedTotal = BigInt(unlockedSum);
  }
  if (lockedTotal > targetUnits) {
    throw new EngineError('#NUM!', messages.lockedAboveTarget(fromUnits(lockedTotal, places), fromUnits(targetUnits, places), places));
  }
  const toScale = targetUnits - lockedTotal;
  if (unlockedTotal === 0n) {
    if (toScale !== 0n) {
      throw new EngineError('#DIV/0!', messages.nothingToScale(fromUnits(targetUnits, places), fromUnits(lockedTotal, places), places));
    }
    const unchanged = units.big
      ? units.values.map((value) => fromUnits(value, places))
      : units.values.map((value) => fromUnits(value, places));
    return { amounts: unchanged, factor: null };
  }
  let result: Decimal[];
  if (units.big) {
    const shares = toBigInts(apportion(toScale, fitIntegers(units.values.map((value, i) => (isLocked(i) ? 0n : value))), 'amounts'));
    result = units.values.map((value, i) => fromUnits(isLocked(i) ? value : shares[i], places));
  } else {
    const open = units.values.map((value, i) => (isLocked(i) ? 0 : value));
    const shares = apportion(toScale, { big: false, values: open }, 'amounts');
    result = units.values.map((value, i) => fromUnits(isLocked(i) ? value : shares.values[i], places));
  }
  return {
    amounts: result,
    factor: new D(toScale.toString()).div(unlockedTotal.toString()),
  };
}
