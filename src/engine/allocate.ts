/**
 * Capped proportional allocation ("water-filling"): a pot shared in proportion to
 * weights, no line getting more than it asked for, what a capped line cannot take
 * shared among the rest.
 */
import { EngineError } from './errors';
import * as messages from './messages';
import {
  type Decimal, type Integers, SAFE_LIMIT, checkDecimals, fitIntegers, fromUnits, toBigInts, toUnits, toWeights,
  unitsOf,
} from './money';
import { apportion } from './split';

/**
 * Allocates a pot to requests, in proportion to weights (by default the requests
 * themselves), so that no line gets more than its request: what capped lines cannot
 * take is shared among the others, again and again, until it all fits. The pot and the
 * requests are first rounded half away from zero to `decimals` places. The total handed
 * out is the pot or, when the pot is larger, the sum of the requests of the lines with
 * a weight above 0 — exactly. Shares are rounded by the largest remainder among the
 * lines below their cap (ties to the earlier line), which never pushes a line above its
 * request. Lines of weight 0 get 0.
 *
 * @param pot - the money available
 * @param requests - what each line asks for (its cap)
 * @param weights - optional weight per line (default: the requests)
 * @param decimals - places to round to, 0 to 6 (default 2)
 * @throws {EngineError} `#NUM!` for a negative pot, request or weight (naming argument and row) or bad `decimals`;
 *   `#VALUE!` when weights and requests differ in length or a value is not a number
 *
 * @example
 * allocate(100, [30, 80, 50], [1, 1, 1]).map(String)
 * //=> ['30', '35', '35']
 *
 * @example
 * allocate(120, [30, 80, 50]).map(String)
 * //=> ['22.5', '60', '37.5']
 */
export function allocate(
  pot: Decimal.Value,
  requests: readonly Decimal.Value[],
  weights?: readonly Decimal.Value[] | null,
  decimals?: number,
): Decimal[] {
  const places = checkDecimals(decimals);
  const potUnits = unitsOf(pot, places, 'pot');
  if (potUnits < 0n) throw new EngineError('#NUM!', messages.negative('pot', undefined, String(pot)));
  if (weights !== undefined && weights !== null && weights.length !== requests.length) {
    throw new EngineError('#VALUE!', messages.lengthMismatch('weights', weights.length, 'requests', requests.length));
  }
  const caps = toUnits(requests, places, 'requests');
  const shares = weights === undefined || weights === null
    ? allocateUnits(potUnits, caps, caps)
    : allocateUnits(potUnits, caps, toWeights(weights, 'weights'));
  return shares.big
    ? shares.values.map((share) => fromUnits(share, places))
    : shares.values.map((share) => fromUnits(share, places));
}

/**
 * The allocation in whole units: `pot` shared by `weights`, no line above its `caps`.
 *
 * @example
 * allocateUnits(10000n, { big: false, values: [3000, 8000, 5000] }, { big: false, values: [1, 1, 1] }).values
 * //=> [3000, 3500, 3500]
 */
export function allocateUnits(pot: bigint, caps: Integers, weights: Integers): Integers {
  if (!caps.big && !weights.big && pot < BigInt(SAFE_LIMIT)) {
    return { big: false, values: allocateNumbers(Number(pot), caps.values, weights.values) };
  }
  return fitIntegers(allocateBigInts(pot, toBigInts(caps), toBigInts(weights)));
}

/**
 * Whether a·b ≤ c·d, exactly, for non-negative whole numbers below 2^52: the products in
 * floating point decide unless they are within rounding of each other, when bigints do.
 */
function productAtMost(a: number, b: number, c: number, d: number): boolean {
  const left = a * b;
  const right = c * d;
  if (left < 2 ** 53 && right < 2 ** 53) return left <= right;
  if (left < right * (1 - 2 ** -50)) return true;
  if (left > right * (1 + 2 ** -50)) return false;
  return BigInt(a) * BigInt(b) <= BigInt(c) * BigInt(d);
}

/*
 * Finding the capped lines. With capped set C, the rest is shared at rate
 * λ = (pot − caps of C) / (weights outside C); a line is capped when its cap ≤ λ·weight.
 * Starting from no line capped, every line capped along the way belongs to the final set
 * (λ only rises as lines are capped), so capping lines as soon as they qualify and
 * repeating until none does reaches the one answer. Should that take many rounds, the
 * open lines are visited once in order of cap/weight, which caps them in nearly one go.
 * Then what is left is shared among the open lines by their weights; each one's exact
 * share is below its cap, so rounding up by a unit never passes the cap.
 */

/** Water-filling in plain numbers (every value and total below 2^52). */
function allocateNumbers(pot: number, cap: readonly number[], weight: readonly number[]): number[] {
  const n = cap.length;
  const open = new Uint8Array(n);
  let asked = 0;
  let openWeight = 0;
  for (let i = 0; i < n; i++) {
    if (weight[i] > 0 && cap[i] > 0) {
      open[i] = 1;
      asked += cap[i];
      openWeight += weight[i];
    }
  }
  const shares = new Array<number>(n);
  if (pot >= asked) {
    for (let i = 0; i < n; i++) shares[i] = open[i] === 1 ? cap[i] : 0;
    return shares;
  }
  let rest = pot;
  const tryCap = (i: number): boolean => {
    if (!productAtMost(cap[i], openWeight, rest, weight[i])) return false;
    open[i] = 2;
    rest -= cap[i];
    openWeight -= weight[i];
    return true;
  };
  for (let round = 0; ; round++) {
    if (round === 4) {
      const order: number[] = [];
      for (let i = 0; i < n; i++) if (open[i] === 1) order.push(i);
      order.sort((a, b) => cap[a] / weight[a] - cap[b] / weight[b]);
      for (const i of order) if (!tryCap(i)) break;
    }
    let changed = false;
    for (let i = 0; i < n; i++) if (open[i] === 1 && tryCap(i)) changed = true;
    if (!changed) break;
  }
  const openWeights = new Array<number>(n);
  for (let i = 0; i < n; i++) openWeights[i] = open[i] === 1 ? weight[i] : 0;
  const openShares = apportion(BigInt(rest), { big: false, values: openWeights });
  for (let i = 0; i < n; i++) {
    shares[i] = open[i] === 2 ? cap[i] : Number(openShares.values[i]);
  }
  return shares;
}

/** The same in bigints, for amounts or weights too large for plain numbers. */
function allocateBigInts(pot: bigint, cap: readonly bigint[], weight: readonly bigint[]): bigint[] {
  const n = cap.length;
  const open = new Uint8Array(n);
  let asked = 0n;
  let openWeight = 0n;
  for (let i = 0; i < n; i++) {
    if (weight[i] > 0n && cap[i] > 0n) {
      open[i] = 1;
      asked += cap[i];
      openWeight += weight[i];
    }
  }
  if (pot >= asked) return cap.map((request, i) => (open[i] === 1 ? request : 0n));
  let rest = pot;
  const tryCap = (i: number): boolean => {
    if (cap[i] * openWeight > rest * weight[i]) return false;
    open[i] = 2;
    rest -= cap[i];
    openWeight -= weight[i];
    return true;
  };
  for (let round = 0; ; round++) {
    if (round === 4) {
      const order: number[] = [];
      for (let i = 0; i < n; i++) if (open[i] === 1) order.push(i);
      const ratio = new Float64Array(n);
      for (const i of order) ratio[i] = Number(cap[i]) / Number(weight[i]);
      order.sort((a, b) => ratio[a] - ratio[b]);
      for (const i of order) if (!tryCap(i)) break;
    }
    let changed = false;
    for (let i = 0; i < n; i++) if (open[i] === 1 && tryCap(i)) changed = true;
    if (!changed) break;
  }
  const openShares = toBigInts(apportion(rest, fitIntegers(weight.map((w, i) => (open[i] === 1 ? w : 0n)))));
  return cap.map((request, i) => (open[i] === 2 ? request : openShares[i]));
}
