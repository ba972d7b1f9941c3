import fc from 'fast-check';
import { apportion, scale, split, toNumber } from '../../src/engine';
import { scaleNumbers } from '../../src/engine/scale';
import { splitNumbers } from '../../src/engine/split';
import { MANY, referenceHamilton } from './support';

const amount = fc.oneof(
  fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }).map((pence) => pence / 100),
  fc.double({ min: -1e20, max: 1e20, noNaN: true }),
);
const weight = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 10_000_000_00 }).map((w) => w / 100), fc.double({ min: 0, max: 1e18, noNaN: true }));
const weights = fc.array(weight, { minLength: 1, maxLength: 60 }).filter((list) => list.some((w) => w > 0));
const decimals = fc.integer({ min: 0, max: 6 });

describe('splitNumbers and scaleNumbers, the number paths the custom functions take', () => {
  it('give exactly the numbers of split', () => {
    fc.assert(fc.property(amount, weights, decimals, (total, list, places) => {
      expect(splitNumbers(total, list, places)).toEqual(split(total, list, places).map(toNumber));
    }), MANY);
  });

  it('give exactly the numbers of scale, and its factor', () => {
    const lines = fc.array(fc.tuple(fc.double({ min: 0, max: 1e15, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 60 });
    fc.assert(fc.property(lines, fc.double({ min: 0, max: 1e16, noNaN: true }), decimals, (rows, target, places) => {
      const amounts = rows.map(([value]) => value);
      const locked = rows.map(([, lock]) => lock);
      let expected: ReturnType<typeof scale> | Error;
      try {
        expected = scale(amounts, target, locked, places);
      } catch (error) {
        expected = error as Error;
      }
      if (expected instanceof Error) {
        expect(() => scaleNumbers(amounts, target, locked, places)).toThrow(expected.message);
        return;
      }
      const got = scaleNumbers(amounts, target, locked, places);
      expect(got.amounts).toEqual(expected.amounts.map(toNumber));
      expect(got.factor?.toString()).toBe(expected.factor?.toString());
    }), MANY);
  });

  it('never give -0 for a negative amount\'s zero shares', () => {
    expect(Object.is(splitNumbers(-1, [1, 0])[1], 0)).toBe(true);
  });
});

describe('apportion where a share\'s product passes 2^52 but the weights\' total does not', () => {
  it('stays in plain numbers and matches the largest remainder worked in bigints', () => {
    const list = [2 ** 40, 3, 2 ** 41 + 7, 1];
    const total = 2n ** 51n + 12345n;
    const result = apportion(total, { big: false, values: list });
    expect(result.big).toBe(false);
    expect(result.values.map(BigInt)).toEqual(referenceHamilton(total, list.map(BigInt)));
  });

  it('matches the reference on random large weights, in plain numbers and in bigints', () => {
    fc.assert(fc.property(
      fc.bigInt({ min: 0n, max: 2n ** 70n }),
      fc.array(fc.bigInt({ min: 0n, max: 2n ** 48n }), { minLength: 1, maxLength: 40 }).filter((list) => list.some((w) => w > 0n)),
      (total, list) => {
        const small = list.reduce((a, b) => a + b, 0n) < 2n ** 52n;
        const got = apportion(total, small ? { big: false, values: list.map(Number) } : { big: true, values: list });
        expect(got.values.map((value) => BigInt(value))).toEqual(referenceHamilton(total, list));
      },
    ), MANY);
  });
});
