/**
 * Shared test material for the engine: fast-check arbitraries that produce real money
 * values (whole pence, decimals with few places, huge amounts as text) and small
 * reference implementations written the slow, obvious way to check the fast ones against.
 */
import fc from 'fast-check';
import { D, type Decimal, EngineError, type ErrorCode } from '../../src/engine';

/** Runs for properties cheap enough to try thousands of times. */
export const MANY = { numRuns: 2000 };

/** An amount in pounds and pence as a plain number (as Excel gives it), from whole pence. */
export const pounds = (maxPence = 100_000_000_00): fc.Arbitrary<number> =>
  fc.integer({ min: 0, max: maxPence }).map((pence) => pence / 100);

/** A signed amount in pounds and pence. */
export const signedPounds = (maxPence = 100_000_000_00): fc.Arbitrary<number> =>
  fc.integer({ min: -maxPence, max: maxPence }).map((pence) => pence / 100);

/** A huge amount as text, beyond what a plain number holds exactly. */
export const hugeAmountText: fc.Arbitrary<string> = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 99 }))
  .map(([whole, pence]) => `${whole}.${String(pence).padStart(2, '0')}`);

/** A non-negative weight as Excel would hold it: small whole numbers, money, decimals, zeros. */
export const weight: fc.Arbitrary<number> = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 10 }) },
  { weight: 3, arbitrary: pounds(10_000_000) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 6 })).map(([c, k]) => c / 10 ** k) },
  { weight: 1, arbitrary: fc.constant(0) },
);

/** Weights with at least one above zero. */
export const weights = (maxLength = 30): fc.Arbitrary<number[]> =>
  fc.array(weight, { minLength: 1, maxLength }).filter((list) => list.some((w) => w > 0));

/** Weights written with many decimals, as text (they take the bigint path). */
export const preciseWeights: fc.Arbitrary<string[]> = fc
  .array(fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 25n }), fc.integer({ min: 0, max: 20 })), { minLength: 1, maxLength: 20 })
  .map((list) => list.map(([c, k]) => new D(c.toString()).div(new D(10).pow(k)).toFixed()))
  .filter((list) => list.some((w) => w !== '0'));

/** A value's exact count of units of 10^-places (the value must be a whole number of them). */
export function unitsOf(value: Decimal.Value, places = 2): bigint {
  const scaled = new D(value).times(new D(10).pow(places));
  if (!scaled.isInteger()) throw new Error(`${String(value)} is not a whole number of units`);
  return BigInt(scaled.toFixed(0));
}

/** Decimal text of a value, for comparing lists. */
export const texts = (values: readonly Decimal[]): string[] => values.map((value) => value.toFixed());

/** A value rounded half away from zero to whole units of 10^-places. */
export function roundedUnits(value: Decimal.Value, places = 2): bigint {
  return BigInt(new D(value).toDecimalPlaces(places, D.ROUND_HALF_UP).times(new D(10).pow(places)).toFixed(0));
}

/** Weights as whole numbers in the same proportions. */
export function wholeWeights(values: readonly Decimal.Value[]): bigint[] {
  const decimals = values.map((v) => new D(v));
  const places = Math.max(0, ...decimals.map((d) => d.decimalPlaces()));
  return decimals.map((d) => BigInt(d.times(new D(10).pow(places)).toFixed(0)));
}

/**
 * Hamilton's method the obvious way: exact quotas as fractions, floors, then the
 * leftover units to the largest remainders by a full sort, ties to the earlier line.
 */
export function referenceHamilton(total: bigint, weightsList: readonly bigint[]): bigint[] {
  const sumOfWeights = weightsList.reduce((a, b) => a + b, 0n);
  const floors = weightsList.map((w) => (total * w) / sumOfWeights);
  const remainders = weightsList.map((w) => (total * w) % sumOfWeights);
  let left = total - floors.reduce((a, b) => a + b, 0n);
  const order = weightsList.map((_, i) => i).sort((a, b) =>
    remainders[a] === remainders[b] ? a - b : remainders[a] > remainders[b] ? -1 : 1);
  for (const i of order) {
    if (left === 0n) break;
    floors[i] += 1n;
    left -= 1n;
  }
  return floors;
}

/**
 * Water-filling the obvious way: repeatedly share what is left among the lines not yet
 * capped, in exact fractions; cap every line whose share would reach its request; stop
 * when none does; then Hamilton among the uncapped lines.
 */
export function referenceAllocate(pot: bigint, caps: readonly bigint[], weightsList: readonly bigint[]): bigint[] {
  const n = caps.length;
  const open = caps.map((c, i) => c > 0n && weightsList[i] > 0n);
  const asked = caps.reduce((sum, c, i) => (open[i] ? sum + c : sum), 0n);
  if (pot >= asked) return caps.map((c, i) => (open[i] ? c : 0n));
  const capped = new Array<boolean>(n).fill(false);
  for (;;) {
    let rest = pot;
    let openWeight = 0n;
    for (let i = 0; i < n; i++) {
      if (capped[i]) rest -= caps[i];
      else if (open[i]) openWeight += weightsList[i];
    }
    // Cap every open line with request ≤ rest·w/openWeight, all at once.
    const newly = caps.map((c, i) => open[i] && !capped[i] && c * openWeight <= rest * weightsList[i]);
    if (!newly.some(Boolean)) {
      const shares = referenceHamilton(rest, weightsList.map((w, i) => (open[i] && !capped[i] ? w : 0n)));
      return shares.map((s, i) => (capped[i] ? caps[i] : s));
    }
    newly.forEach((isNew, i) => { if (isNew) capped[i] = true; });
  }
}

/** Runs `action` and returns the EngineError it throws (failing the test otherwise). */
export function engineError(action: () => unknown): EngineError {
  try {
    action();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw new Error(`expected an EngineError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected an EngineError, but nothing was thrown');
}

/** Asserts `action` throws an EngineError with `code` and a message containing every part. */
export function expectEngineError(action: () => unknown, code: ErrorCode, ...parts: string[]): void {
  const error = engineError(action);
  expect(error.code).toBe(code);
  for (const part of parts) expect(error.message).toContain(part);
}
