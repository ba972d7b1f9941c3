import fc from 'fast-check';
import { D, allocate, allocateUnits } from '../../src/engine';
import {
  MANY, expectEngineError, pounds, referenceAllocate, roundedUnits, texts, unitsOf, weight, wholeWeights,
} from './support';

/** Requests with optional weights of the same length. */
const lines = fc.integer({ min: 1, max: 25 }).chain((n) => fc.tuple(
  fc.array(pounds(50_000_00), { minLength: n, maxLength: n }),
  fc.option(fc.array(weight, { minLength: n, maxLength: n }), { nil: undefined }),
));

describe('allocate', () => {
  describe('worked checks', () => {
    it.each([
      // pot, requests, weights, expected
      [100, [30, 80, 50], [1, 1, 1], ['30', '35', '35']],
      [120, [30, 80, 50], undefined, ['22.5', '60', '37.5']],
      [1000, [30, 80, 50], undefined, ['30', '80', '50']],
      [1000, [30, 80, 50], [1, 0, 1], ['30', '0', '50']],
      [10, [3, 3, 3, 100], [1, 1, 1, 1], ['2.5', '2.5', '2.5', '2.5']],
      [15, [3, 3, 3, 100], [1, 1, 1, 1], ['3', '3', '3', '6']],
      [100, [10, 20, 1000], [1, 1, 1], ['10', '20', '70']],
      [0, [10, 20], undefined, ['0', '0']],
      [100, [0, 0], undefined, ['0', '0']],
      [100, [], undefined, []],
      [100, [50, 50, 50], [1, 1, 1], ['33.34', '33.33', '33.33']],
      [0.01, [5, 5, 5], [1, 1, 1], ['0.01', '0', '0']],
      [100.004, [100, 100], [1, 1], ['50', '50']],
    ])('allocate(%p, %p, %p) is %p', (pot, requests, weightList, expected) => {
      expect(texts(allocate(pot, requests, weightList))).toEqual(expected);
    });

    it('caps Youth and Community Fund awards at what was asked, sharing the rest', () => {
      // £103,096 available against the requests; each capped at £3,000 by the requests themselves.
      const requests = [3000, 3000, 2500, 1200, 3000, 800];
      const shares = allocate(10_000, requests, [1, 1, 1, 1, 1, 1]);
      expect(texts(shares)).toEqual(['2000', '2000', '2000', '1200', '2000', '800']);
    });

    it('takes requests rounded half away from zero to the penny first', () => {
      expect(texts(allocate(1000, [10.005, 20.004]))).toEqual(['10.01', '20']);
    });

    it('works to the number of decimals asked for', () => {
      expect(texts(allocate(10, [5, 5, 5], null, 0))).toEqual(['4', '3', '3']);
    });

    it('caps a line whose share exactly equals its request, comparing huge products exactly', () => {
      // 1,000,000 × 2·2^40 against 2,000,000 × 2^40: equal, beyond plain-number precision.
      expect(texts(allocate(2_000_000, [1_000_000, 5_000_000], [2 ** 40, 2 ** 40], 0))).toEqual(['1000000', '1000000']);
      expect(texts(allocate(2_000_000, [1_000_001, 5_000_000], [2 ** 40, 2 ** 40 + 1], 0))).toEqual(['1000000', '1000000']);
    });

    it('never pushes a line above its request when rounding', () => {
      // Without the cap, largest remainder would give the first line 0.34.
      expect(texts(allocate(1, [0.33, 1, 1], [1, 1, 1]))).toEqual(['0.33', '0.34', '0.33']);
    });
  });

  describe('errors', () => {
    it.each([
      [() => allocate(-1, [1]), '#NUM!', 'pot is negative: -1'],
      [() => allocate(10, [1, -2]), '#NUM!', 'requests row 2 is negative: -2'],
      [() => allocate(10, [1, 2], [1, -0.5]), '#NUM!', 'weights row 2 is negative: -0.5'],
      [() => allocate(10, [1, 2], [1]), '#VALUE!', 'weights has 1 row but requests has 2'],
      [() => allocate(10, [1, 'x']), '#VALUE!', "requests row 2 is not a number: 'x'"],
      [() => allocate('lots', [1]), '#VALUE!', "pot is not a number: 'lots'"],
      [() => allocate(10, [1], null, 9), '#NUM!', 'decimals must be a whole number from 0 to 6: 9'],
    ])('rejects bad input (%#)', (action, code, message) => {
      expectEngineError(action, code as '#NUM!' | '#VALUE!', message);
    });
  });

  describe('properties', () => {
    it('never pays a line more than its request', () => {
      fc.assert(fc.property(pounds(), lines, (pot, [requests, weightList]) => {
        allocate(pot, requests, weightList).forEach((share, i) => {
          expect(share.gte(0)).toBe(true);
          expect(share.lte(requests[i])).toBe(true);
        });
      }), MANY);
    });

    it('hands out exactly the pot, or all the requests with weight when the pot is larger', () => {
      fc.assert(fc.property(pounds(200_000_00), lines, (pot, [requests, weightList]) => {
        const shares = allocate(pot, requests, weightList);
        const asked = requests.reduce((sum, r, i) => (weightList === undefined || weightList[i] > 0 ? sum.plus(r) : sum), new D(0));
        const total = shares.reduce((a, b) => a.plus(b), new D(0));
        expect(total.eq(D.min(pot, asked))).toBe(true);
      }), MANY);
    });

    it('gives lines of weight 0 nothing and keeps the shape', () => {
      fc.assert(fc.property(pounds(), lines, (pot, [requests, weightList]) => {
        const shares = allocate(pot, requests, weightList);
        expect(shares).toHaveLength(requests.length);
        weightList?.forEach((w, i) => { if (w === 0) expect(shares[i].isZero()).toBe(true); });
      }), MANY);
    });

    it('agrees with water-filling computed the slow way', () => {
      fc.assert(fc.property(pounds(200_000_00), lines, (pot, [requests, weightList]) => {
        const caps = requests.map((r) => roundedUnits(r));
        const expected = referenceAllocate(roundedUnits(pot), caps, weightList === undefined ? caps : wholeWeights(weightList));
        expect(allocate(pot, requests, weightList).map((share) => unitsOf(share))).toEqual(expected);
      }), MANY);
    });

    it('is exact for pots and requests beyond plain-number precision', () => {
      const big = fc.bigInt({ min: 0n, max: 10n ** 24n });
      fc.assert(fc.property(big, fc.array(fc.tuple(big, fc.bigInt({ min: 0n, max: 10n ** 20n })), { minLength: 1, maxLength: 15 }),
        (pot, pairs) => {
          const caps = pairs.map(([c]) => c);
          const weightList = pairs.map(([, w]) => w);
          const shares = allocate(`${pot}e-2`, caps.map((c) => `${c}e-2`), weightList.map(String));
          expect(shares.map((share) => unitsOf(share))).toEqual(referenceAllocate(pot, caps, weightList));
        }), { numRuns: 500 });
    });

    it.each([
      ['plain numbers', false, false],
      ['plain numbers, largest request first', false, true],
      ['bigints', true, false],
      ['bigints, largest request first', true, true],
    ])('settles cascades of caps, each freeing money for the next (%s)', (_, big, reversed) => {
      // Requests 1, 2, 4, 8... with equal weights: every round of sharing caps more lines;
      // in reverse order one pass over the lines caps only the smallest.
      fc.assert(fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 10 ** 9 }), (n, potPence) => {
        const caps = Array.from({ length: n }, (_, i) => BigInt(2 ** Math.min(i, 45)));
        if (reversed) caps.reverse();
        const equal = caps.map(() => 1n);
        const result = big
          ? allocateUnits(BigInt(potPence), { big: true, values: caps }, { big: true, values: equal })
          : allocateUnits(BigInt(potPence), { big: false, values: caps.map(Number) }, { big: false, values: equal.map(Number) });
        if (!big) expect(result.big).toBe(false);
        expect(result.values.map(String)).toEqual(referenceAllocate(BigInt(potPence), caps, equal).map(String));
      }), { numRuns: 300 });
    });

    it.each([[false], [true]])('settles a cascade that caps one line per round over the lines (bigints: %p)', (big) => {
      // Built so that capping line k only makes line k−1 (already passed over) cappable:
      // ten rounds of the simple method, which switches to visiting lines by cap/weight.
      const caps = [1000000000, 105929883, 105929881, 105929866, 105929750, 105928613, 105915179, 105729167, 102777778, 50000000];
      const ones = caps.map(() => 1);
      const result = big
        ? allocateUnits(10n ** 9n, { big: true, values: caps.map(BigInt) }, { big: true, values: ones.map(BigInt) })
        : allocateUnits(10n ** 9n, { big: false, values: caps }, { big: false, values: ones });
      const expected = referenceAllocate(10n ** 9n, caps.map(BigInt), ones.map(BigInt));
      expect(result.values.map(String)).toEqual(expected.map(String));
      expect(expected.slice(1).map(String)).toEqual(caps.slice(1).map(String));
      expect(texts(allocate(1e9, caps, ones, 0))).toEqual(expected.map(String));
    });

    it('is deterministic', () => {
      fc.assert(fc.property(pounds(), lines, (pot, [requests, weightList]) => {
        expect(texts(allocate(pot, requests, weightList))).toEqual(texts(allocate(pot, requests, weightList)));
      }), MANY);
    });
  });
});
