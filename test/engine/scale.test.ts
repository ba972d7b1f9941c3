import fc from 'fast-check';
import { D, scale } from '../../src/engine';
import { MANY, expectEngineError, pounds, referenceHamilton, roundedUnits, texts, unitsOf } from './support';

const lines = fc.array(fc.tuple(pounds(1_000_000_00), fc.boolean()), { minLength: 1, maxLength: 25 });

describe('scale', () => {
  describe('worked checks', () => {
    it.each([
      // amounts, target, locked, expected amounts, factor
      [[100, 200, 300], 500, [true, false, false], ['100', '160', '240'], '0.8'],
      [[100, 200, 300], 1200, undefined, ['200', '400', '600'], '2'],
      [[100, 100, 100], 100, null, ['33.34', '33.33', '33.33'], new D(1).div(3).toString()],
      [[100, 0, 300], 200, [false, false, false], ['50', '0', '150'], '0.5'],
      [[100, 200], 300, [true, true], ['100', '200'], null],
      [[0, 0], 0, undefined, ['0', '0'], null],
      [[], 0, undefined, [], null],
      [[10.005, 20], 30.01, [true, false], ['10.01', '20'], '1'],
    ])('scale(%p, %p, %p) is %p with factor %p', (amounts, target, locked, expected, factor) => {
      const result = scale(amounts, target, locked);
      expect(texts(result.amounts)).toEqual(expected);
      expect(result.factor === null ? null : result.factor.toString()).toBe(factor);
    });

    it('cuts Community Safety Partnership grants by 5.1% while contract values stay put', () => {
      const amounts = [120_000, 45_250.5, 80_000, 33_333.33];
      const locked = [true, false, false, true];
      const target = new D(120_000 + 33_333.33).plus(new D(45_250.5 + 80_000).times(0.949));
      const result = scale(amounts, target, locked);
      expect(texts(result.amounts)).toEqual(['120000', '42942.72', '75920', '33333.33']);
      // The target is rounded to the penny first, so the factor is 5.1% to within a penny's worth.
      expect(result.factor?.toDecimalPlaces(6).toString()).toBe('0.949');
    });

    it('works to the number of decimals asked for', () => {
      expect(texts(scale([1, 1, 1], 10, null, 0).amounts)).toEqual(['4', '3', '3']);
    });
  });

  describe('errors', () => {
    it('rejects a locked total above the target with #NUM!, saying by how much', () => {
      expectEngineError(() => scale([1200, 50], 1000, [true, false]), '#NUM!',
        'locked total 1,200.00 is above the target 1,000.00 by 200.00');
    });

    it('rejects a target it cannot reach with nothing unlocked with #DIV/0!', () => {
      expectEngineError(() => scale([500, 100], 600.5, [true, true]), '#DIV/0!',
        'nothing is unlocked to scale, but the target 600.50 differs from the locked total 600.00');
      expectEngineError(() => scale([500, 0], 600, [true, false]), '#DIV/0!', 'nothing is unlocked to scale');
    });

    it.each([
      [() => scale([1, -2], 10), '#NUM!', 'amounts row 2 is negative: -2'],
      [() => scale([1, 2], -10), '#NUM!', 'target is negative: -10'],
      [() => scale([1, 2], 10, [true]), '#VALUE!', 'locked has 1 row but amounts has 2'],
      [() => scale([1, 'x'], 10), '#VALUE!', "amounts row 2 is not a number: 'x'"],
      [() => scale([1], 'y'), '#VALUE!', "target is not a number: 'y'"],
      [() => scale([1], 10, null, -1), '#NUM!', 'decimals must be a whole number from 0 to 6: -1'],
    ])('rejects bad input (%#)', (action, code, message) => {
      expectEngineError(action, code as '#NUM!' | '#VALUE!', message);
    });
  });

  describe('properties', () => {
    const reachable = fc.tuple(lines, fc.integer({ min: 0, max: 100_000_000_00 })).filter(([list]) =>
      list.some(([amount, locked]) => !locked && amount > 0));

    it('adds up exactly to the target, keeping locked lines exactly and the shape', () => {
      fc.assert(fc.property(reachable, ([list, extraPence]) => {
        const amounts = list.map(([a]) => a);
        const locked = list.map(([, l]) => l);
        const lockedTotal = amounts.reduce((sum, a, i) => (locked[i] ? sum.plus(a) : sum), new D(0));
        const target = lockedTotal.plus(new D(extraPence).div(100));
        const result = scale(amounts, target, locked);
        expect(result.amounts).toHaveLength(amounts.length);
        expect(result.amounts.reduce((a, b) => a.plus(b), new D(0)).eq(target)).toBe(true);
        result.amounts.forEach((amount, i) => { if (locked[i]) expect(amount.eq(amounts[i])).toBe(true); });
      }), MANY);
    });

    it('scales every unlocked line by the one factor, to within a penny', () => {
      fc.assert(fc.property(reachable, ([list, extraPence]) => {
        const amounts = list.map(([a]) => a);
        const locked = list.map(([, l]) => l);
        const lockedTotal = amounts.reduce((sum, a, i) => (locked[i] ? sum.plus(a) : sum), new D(0));
        const target = lockedTotal.plus(new D(extraPence).div(100));
        const { amounts: scaled, factor } = scale(amounts, target, locked);
        expect(factor).not.toBeNull();
        scaled.forEach((amount, i) => {
          if (!locked[i]) expect(amount.minus(new D(amounts[i]).times(factor ?? 0)).abs().lt('0.01')).toBe(true);
        });
      }), MANY);
    });

    it('is the split of target less locked total, weighted by the unlocked amounts', () => {
      fc.assert(fc.property(reachable, ([list, extraPence]) => {
        const amounts = list.map(([a]) => a);
        const locked = list.map(([, l]) => l);
        const lockedUnits = amounts.reduce((sum, a, i) => (locked[i] ? sum + roundedUnits(a) : sum), 0n);
        const result = scale(amounts, `${lockedUnits + BigInt(extraPence)}e-2`, locked);
        const expected = referenceHamilton(BigInt(extraPence), amounts.map((a, i) => (locked[i] ? 0n : roundedUnits(a))));
        result.amounts.forEach((amount, i) => {
          if (!locked[i]) expect(unitsOf(amount)).toBe(expected[i]);
        });
      }), MANY);
    });

    it('is exact for amounts beyond plain-number precision', () => {
      const big = fc.bigInt({ min: 0n, max: 10n ** 24n });
      fc.assert(fc.property(fc.array(fc.tuple(big, fc.boolean()), { minLength: 1, maxLength: 15 }), big, (list, extra) => {
        const amounts = list.map(([a]) => `${a}e-2`);
        const locked = list.map(([, l]) => l);
        const lockedUnits = list.reduce((sum, [a, l]) => (l ? sum + a : sum), 0n);
        const unlockedUnits = list.reduce((sum, [a, l]) => (l ? sum : sum + a), 0n);
        const target = `${lockedUnits + (unlockedUnits === 0n ? 0n : extra)}e-2`;
        const result = scale(amounts, target, locked);
        const expected = unlockedUnits === 0n
          ? list.map(([a]) => a)
          : referenceHamilton(extra, list.map(([a, l]) => (l ? 0n : a))).map((share, i) => (locked[i] ? list[i][0] : share));
        expect(result.amounts.map((amount) => unitsOf(amount))).toEqual(expected);
        expect(result.factor === null).toBe(unlockedUnits === 0n);
      }), { numRuns: 500 });
    });

    it('is deterministic', () => {
      fc.assert(fc.property(reachable, ([list, extraPence]) => {
        const amounts = list.map(([a]) => a);
        const target = new D(extraPence).div(100).plus(amounts.reduce((a, b) => a + b, 0));
        expect(texts(scale(amounts, target).amounts)).toEqual(texts(scale(amounts, target).amounts));
      }), MANY);
    });
  });
});
