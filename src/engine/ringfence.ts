/**
 * Ring fences: money that may only be spent on certain purposes, and a floor the balance
 * must not fall below.
 */
import { EngineError } from './errors';
import * as messages from './messages';
import { type Decimal, exactSum, toDecimal } from './money';

/** One line of spending: an amount and what it is for. */
export interface FencedLine {
  readonly amount: Decimal.Value;
  readonly purpose: string;
}

/**
 * A comma-separated list of purposes, each trimmed, blanks dropped.
 *
 * @example
 * parseAllowed(' Road safety, Victim support ,, ')
 * //=> ['Road safety', 'Victim support']
 */
export function parseAllowed(text: string): string[] {
  return text.split(',').map((part) => part.trim()).filter((part) => part !== '');
}

/** Purposes are matched trimmed and case-blind. */
function purposeKey(purpose: string): string {
  return purpose.trim().toLowerCase();
}

/**
 * The balance left, `available` minus the lines' amounts, once every line with a
 * non-zero amount is checked to have a purpose in `allowed` (matched trimmed and
 * case-blind; `allowed` null or empty means the money is not ring-fenced) and the
 * balance is checked to stay at or above `floor`.
 *
 * @param available - the money in the fund
 * @param lines - the spending, line by line
 * @param allowed - the purposes the money may be spent on; null or empty: any
 * @param floor - the least the balance may be (default 0)
 * @throws {EngineError} `#VALUE!` for a line whose purpose is outside the fence (naming row and purpose) or a value
 *   that is not a number; `#NUM!` when the balance is below the floor (naming the shortfall)
 *
 * @example
 * ringfence(10000, [{ amount: 2500, purpose: 'Victim support' }, { amount: 1500, purpose: ' road SAFETY ' }],
 *   ['Road safety', 'Victim support']).toString()
 * //=> '6000'
 */
export function ringfence(
  available: Decimal.Value,
  lines: readonly FencedLine[],
  allowed: readonly string[] | null,
  floor: Decimal.Value = 0,
): Decimal {
  const fence = (allowed ?? []).map((purpose) => purpose.trim()).filter((purpose) => purpose !== '');
  const keys = new Set(fence.map(purposeKey));
  const funds = toDecimal(available, 'available');
  const values: Decimal[] = [];
  for (let i = 0; i < lines.length; i++) {
    const { amount, purpose } = lines[i];
    const value = toDecimal(amount, 'amounts', i + 1);
    if (keys.size > 0 && !value.isZero() && !keys.has(purposeKey(purpose ?? ''))) {
      throw new EngineError('#VALUE!', messages.outsideFence(i + 1, (purpose ?? '').trim(), fence));
    }
    values.push(value.negated());
  }
  // Every sum exact, however far apart the sizes (1e15 and 1e-50): see `exactSum`.
  const balance = exactSum([funds, ...values], 'amounts');
  const minimum = toDecimal(floor, 'floor');
  if (balance.lessThan(minimum)) {
    throw new EngineError('#NUM!', messages.belowFloor(balance, minimum, exactSum([minimum, balance.negated()], 'amounts')));
  }
  return balance;
}
