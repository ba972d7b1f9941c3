/**
 * Splitting an amount in proportion to weights, exactly to the penny, by the largest
 * remainder (Hamilton) method: every line first gets its exact share rounded down to
 * the unit, then the units left over go one each to the lines with the largest
 * remainders, ties to the earlier line.
 */
import { EngineError } from './errors';
import * as messages from './messages';
import {
  type Decimal, type Integers, SAFE_LIMIT, checkDecimals, fromUnits, toBigInts, toWeights, unitsOf, unitsToNumbers,
} from './money';

/**
 * Shares `total` units (a non-negative whole number) in proportion to whole-number
 * weights by the largest remainder, ties to the earlier line. Lines of weight 0 get 0.
 * The building block of `split`, `allocate` and `scale`.
 *
 * @throws {EngineError} `#DIV/0!` when the weights are all zero (or there are none)
 *
 * @example
 * apportion(10000n, { big: false, values: [1, 1, 1] }, 'weights').values
 * //=> [3334, 3333, 3333]
 */
export function apportion(total: bigint, weights: Integers, argument = 'weights'): Integers {
  if (!weights.big && total < BigInt(SAFE_LIMIT)) {
    const shares = apportionNumbers(Number(total), weights.values, argument);
    if (shares !== null) return { big: false, values: shares };
  }
  return { big: true, values: apportionBigInts(total, toBigInts(weights), argument) };
}

/**
 * The plain-number path: exact while the weights' total stays below 2^52; null when it
 * does not (the caller then uses bigints). With total = a·W + b (0 ≤ b < W), line i's
 * exact share is a·wᵢ + b·wᵢ/W, so only b·wᵢ needs to be exact, not total·wᵢ: in
 * doubles while it is below 2^52, in bigints for the lines where it is not (its
 * quotient and remainder are below W, so they come back as exact doubles).
 */
function apportionNumbers(total: number, weights: readonly number[], argument: string): number[] | null {
  const n = weights.length;
  let sumOfWeights = 0;
  for (let i = 0; i < n; i++) sumOfWeights += weights[i];
  if (sumOfWeights === 0) throw new EngineError('#DIV/0!', messages.noWeight(argument, n));
  if (!(sumOfWeights < SAFE_LIMIT)) return null;
  let whole = Math.floor(total / sumOfWeights);
  let rest = total - whole * sumOfWeights;
  if (rest < 0) { whole--; rest += sumOfWeights; } else if (rest >= sumOfWeights) { whole++; rest -= sumOfWeights; }

  const shares = new Array<number>(n);
  const remainders = new Float64Array(n);
  let handedOut = 0;
  for (let i = 0; i < n; i++) {
    const weight = weights[i];
    if (weight === 0) { shares[i] = 0; continue; }
    const product = rest * weight;
    let quotient: number;
    let remainder: number;
    if (product < SAFE_LIMIT) {
      quotient = Math.floor(product / sumOfWeights);
      remainder = product - quotient * sumOfWeights;
      if (remainder < 0) { quotient--; remainder += sumOfWeights; } else if (remainder >= sumOfWeights) { quotient++; remainder -= sumOfWeights; }
    } else {
      const big = BigInt(rest) * BigInt(weight);
      const divisor = BigInt(sumOfWeights);
      quotient = Number(big / divisor);
      remainder = Number(big % divisor);
    }
    shares[i] = whole * weight + quotient;
    remainders[i] = remainder;
    handedOut += quotient;
  }
  const leftover = rest - handedOut;
  if (leftover > 0) {
    // The leftover-th largest remainder is the cut: lines above it get a unit, and as
    // many lines at it as units remain, earliest first. It is above zero, so lines of
    // weight 0 never get one (the remainders sum to leftover·W, each below W).
    const cut = kthLargest(remainders.slice(), leftover - 1);
    let given = 0;
    for (let i = 0; i < n; i++) {
      if (remainders[i] > cut) { shares[i]++; given++; }
    }
    for (let i = 0; i < n && given < leftover; i++) {
      if (remainders[i] === cut) { shares[i]++; given++; }
    }
  }
  return shares;
}

/** The same in bigints, for amounts or weights too large for plain numbers. */
function apportionBigInts(total: bigint, weights: readonly bigint[], argument: string): bigint[] {
  const n = weights.length;
  let sumOfWeights = 0n;
  for (const weight of weights) sumOfWeights += weight;
  if (sumOfWeights === 0n) throw new EngineError('#DIV/0!', messages.noWeight(argument, n));
  const whole = total / sumOfWeights;
  const rest = total % sumOfWeights;
  const shares = new Array<bigint>(n);
  const remainders = new Array<bigint>(n);
  let handedOut = 0n;
  for (let i = 0; i < n; i++) {
    const product = rest * weights[i];
    const quotient = product / sumOfWeights;
    shares[i] = whole * weights[i] + quotient;
    remainders[i] = product % sumOfWeights;
    handedOut += quotient;
  }
  const leftover = Number(rest - handedOut);
  if (leftover > 0) {
    // As in plain numbers: the leftover-th largest remainder is the cut (found in linear time).
    const cut = kthLargestBig(remainders.slice(), leftover - 1);
    let given = 0;
    for (let i = 0; i < n; i++) {
      if (remainders[i] > cut) { shares[i]++; given++; }
    }
    for (let i = 0; i < n && given < leftover; i++) {
      if (remainders[i] === cut) { shares[i]++; given++; }
    }
  }
  return shares;
}

/**
 * The k-th largest value (k from 0), reordering `values`: quickselect with a three-way
 * partition (many remainders are equal), expected linear time; after too many rounds it
 * sorts what is left, so the worst case stays n·log n.
 */
function kthLargest(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  let rounds = 2 * Math.ceil(Math.log2(values.length + 1)) + 8;
  for (;;) {
    if (low >= high) return values[low];
    if (--rounds < 0) {
      const rest = values.subarray(low, high + 1).sort();
      return rest[rest.length - 1 - (k - low)];
    }
    const a = values[low];
    const b = values[(low + high) >>> 1];
    const c = values[high];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
    // [low, above) > pivot, [above, i) = pivot, (below, high] < pivot
    let above = low;
    let below = high;
    let i = low;
    while (i <= below) {
      const value = values[i];
      if (value > pivot) {
        values[i] = values[above];
        values[above] = value;
        above++;
        i++;
      } else if (value < pivot) {
        values[i] = values[below];
        values[below] = value;
        below--;
      } else {
        i++;
      }
    }
    if (k < above) high = above - 1;
    else if (k > below) low = below + 1;
    else return pivot;
  }
}

/** A split worked out in whole units: the shares of the amount's absolute value, and its sign. */
interface UnitShares {
  shares: Integers;
  negative: boolean;
  places: number;
}

function splitUnits(amount: Decimal.Value, weights: readonly Decimal.Value[], decimals?: number): UnitShares {
  const places = checkDecimals(decimals);
  const units = unitsOf(amount, places, 'amount');
  const integers = toWeights(weights, 'weights');
  const negative = units < 0n;
  return { shares: apportion(negative ? -units : units, integers, 'weights'), negative, places };
}

/** {@link kthLargest} for bigints. */
function kthLargestBig(values: bigint[], k: number): bigint {
  let low = 0;
  let high = values.length - 1;
  let rounds = 2 * Math.ceil(Math.log2(values.length + 1)) + 8;
  for (;;) {
    if (low >= high) return values[low];
    if (--rounds < 0) {
      const rest = values.slice(low, high + 1).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return rest[rest.length - 1 - (k - low)];
    }
    const a = values[low];
    const b = values[(low + high) >>> 1];
    const c = values[high];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
    let above = low;
    let below = high;
    let i = low;
    while (i <= below) {
      const value = values[i];
      if (value > pivot) {
        values[i] = values[above];
        values[above] = value;
        above++;
        i++;
      } else if (value < pivot) {
        values[i] = values[below];
        values[below] = value;
        below--;
      } else {
        i++;
      }
    }
    if (k < above) high = above - 1;
    else if (k > below) low = below + 1;
    else return pivot;
  }
}

/**
 * Splits an amount in proportion to weights so that the shares add up exactly. The
 * amount is first rounded half away from zero to `decimals` places; each share is its
 * exact proportional share rounded down to the unit (0.01 for 2 decimals), and the units
 * left over go one each to the lines with the largest remainders, ties to the earlier
 * line. A negative amount is split as its absolute value, then negated. Lines of weight
 * 0 get 0.
 *
 * @param amount - the amount to split
 * @param weights - one non-negative weight per line
 * @param decimals - places to round to, 0 to 6 (default 2)
 * @throws {EngineError} `#NUM!` for a negative weight (naming its row) or `decimals` not a whole number 0 to 6;
 *   `#DIV/0!` when the weights are all zero or there are none; `#VALUE!` for a value that is not a number
 *
 * @example
 * split(100, [1, 1, 1]).map(String)
 * //=> ['33.34', '33.33', '33.33']
 *
 * @example
 * split(-100, [1, 1, 1]).map(String)
 * //=> ['-33.34', '-33.33', '-33.33']
 */
export function split(amount: Decimal.Value, weights: readonly Decimal.Value[], decimals?: number): Decimal[] {
  const { shares, negative, places } = splitUnits(amount, weights, decimals);
  return shares.big
    ? shares.values.map((share) => fromUnits(negative ? -share : share, places))
    : shares.values.map((share) => fromUnits(negative && share !== 0 ? -share : share, places));
}

/**
 * {@link split}, with the shares as the numbers they are (each the double nearest its
 * exact decimal, as `Decimal.toNumber` gives): what a spreadsheet cell holds, without
 * building a `Decimal` per line.
 *
 * @example
 * splitNumbers(100, [1, 1, 1])
 * //=> [33.34, 33.33, 33.33]
 */
export function splitNumbers(amount: Decimal.Value, weights: readonly Decimal.Value[], decimals?: number): number[] {
  const { shares, negative, places } = splitUnits(amount, weights, decimals);
  return unitsToNumbers(shares, places, negative);
}
