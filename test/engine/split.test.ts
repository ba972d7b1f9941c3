import fc from 'fast-check';
import { D, apportion, split } from '../../src/engine';
import {
  MANY, expectEngineError, hugeAmountText, preciseWeights, referenceHamilton, roundedUnits, signedPounds, texts,
  unitsOf, weights, wholeWeights,
} from './support';

describe('split', () => {
  describe('worked checks', () => {
    it.each([
      [100, [1, 1, 1], undefined, ['33.34', '33.33', '33.33']],
      [-100, [1, 1, 1], undefined, ['-33.34', '-33.33', '-33.33']],
      [100, [1, 2], undefined, ['33.33', '66.67']],
      [0.05, [1, 1, 1, 1, 1, 1, 1], undefined, ['0.01', '0.01', '0.01', '0.01', '0.01', '0', '0']],
      [10, [1, 1, 1], 0, ['4', '3', '3']],
      [1, [1, 1, 1], 6, ['0.333334', '0.333333', '0.333333']],
      [100.005, [1], undefined, ['100.01']],
      [-100.005, [1], undefined, ['-100.01']],
      [0, [1, 2, 3], undefined, ['0', '0', '0']],
      [1000, [0, 1, 0, 1], undefined, ['0', '500', '0', '500']],
      [1000, [5, 0.5, '0.05'], undefined, ['900.9', '90.09', '9.01']],
    ])('split(%p, %p, %p) is %p', (amount, weightList, decimals, expected) => {
      expect(texts(split(amount, weightList, decimals))).toEqual(expected);
    });

    it('shares the Casualty Reduction reserve across three forces by Net Revenue Expenditure', () => {
      // NRE in £m for Bedfordshire, Cambridgeshire, Hertfordshire.
      const shares = split(1_234_567.89, [105.3, 146.9, 205.5]);
      expect(texts(shares)).toEqual(['284028.84', '396237.76', '554301.29']);
      expect(shares.reduce((a, b) => a.plus(b)).toFixed(2)).toBe('1234567.89');
    });
  });

  it('breaks ties towards the earlier line', () => {
    expect(texts(split(0.02, [1, 1, 1]))).toEqual(['0.01', '0.01', '0']);
    expect(texts(split(0.04, [1, 1, 1, 1, 1, 1]))).toEqual(['0.01', '0.01', '0.01', '0.01', '0', '0']);
  });

  it('gives leftover pennies by largest remainder, not to the largest line (Hamilton)', () => {
    // Quotas 0.6, 0.3 and 0.1 units of 1.0: the first line has the largest remainder.
    expect(texts(split(0.01, [6, 3, 1]))).toEqual(['0.01', '0', '0']);
    // Quotas 4.45, 4.45 and 1.1 pence: two leftover pence go to the two .45 remainders.
    expect(texts(split(0.1, [44.5, 44.5, 11]))).toEqual(['0.05', '0.04', '0.01']);
  });

  it('reads weights given as numbers, text and decimals alike', () => {
    const expected = texts(split(1000, [1.5, 2.25, 3]));
    expect(texts(split('1000', ['1.5', '2.25', '3']))).toEqual(expected);
    expect(texts(split(new D(1000), [new D('1.5'), new D('2.25'), 3n]))).toEqual(expected);
  });

  it('handles amounts and weights far beyond plain-number precision', () => {
    const shares = split('123456789012345678901234.56', ['0.1234567890123456789', '1e-20', '98765432109876543210']);
    expect(shares.reduce((a, b) => a.plus(b)).toFixed(2)).toBe('123456789012345678901234.56');
    expect(texts(shares)).toEqual(['154.32', '0', '123456789012345678901080.24']);
  });

  describe('errors', () => {
    it.each([
      [[1, -1, 2], 'weights row 2 is negative: -1'],
      [[1, 2, '-0.5'], 'weights row 3 is negative: -0.5'],
      [[new D(-3)], 'weights row 1 is negative: -3'],
    ])('rejects the negative weight in %p with #NUM!', (weightList, message) => {
      expectEngineError(() => split(10, weightList), '#NUM!', message);
    });

    it.each([[-1], [7], [1.5], [Number.NaN]])('rejects decimals %p with #NUM!', (decimals) => {
      expectEngineError(() => split(10, [1], decimals), '#NUM!', 'decimals must be a whole number from 0 to 6');
    });

    it('rejects all-zero weights with #DIV/0!', () => {
      expectEngineError(() => split(10, [0, 0, 0]), '#DIV/0!', 'weights are all zero');
      expectEngineError(() => split(0, [0]), '#DIV/0!', 'weights are all zero');
    });

    it('rejects no weights at all with #DIV/0!', () => {
      expectEngineError(() => split(10, []), '#DIV/0!', 'weights is empty');
    });

    it.each([
      [() => split('abc', [1]), "amount is not a number: 'abc'"],
      [() => split(Number.NaN, [1]), 'amount is not a number: NaN'],
      [() => split(10, [1, 'x']), "weights row 2 is not a number: 'x'"],
      [() => split(10, [1, Number.POSITIVE_INFINITY]), 'weights row 2 is not a number: Infinity'],
      [() => split(10, ['0x10']), "weights row 1 is not a number: '0x10'"],
    ])('rejects values that are not numbers with #VALUE! (%#)', (action, message) => {
      expectEngineError(action, '#VALUE!', message);
    });
  });

  describe('properties', () => {
    it('adds up exactly to the amount rounded to the penny', () => {
      fc.assert(fc.property(signedPounds(), weights(), (amount, list) => {
        const total = split(amount, list).reduce((a, b) => a.plus(b), new D(0));
        expect(total.eq(roundedUnits(amount).toString() + 'e-2')).toBe(true);
      }), MANY);
    });

    it('adds up exactly at every number of decimals, amounts with more places than asked for', () => {
      fc.assert(fc.property(
        fc.integer({ min: -1e12, max: 1e12 }).map((n) => n / 10000),
        weights(10),
        fc.integer({ min: 0, max: 6 }),
        (amount, list, places) => {
          const shares = split(amount, list, places);
          expect(shares.reduce((a, b) => a.plus(b), new D(0)).eq(new D(amount).toDecimalPlaces(places, D.ROUND_HALF_UP))).toBe(true);
          for (const share of shares) expect(share.decimalPlaces()).toBeLessThanOrEqual(places);
        },
      ), MANY);
    });

    it('keeps the shape: one share per weight, 0 for weight 0', () => {
      fc.assert(fc.property(signedPounds(), weights(), (amount, list) => {
        const shares = split(amount, list);
        expect(shares).toHaveLength(list.length);
        list.forEach((w, i) => { if (w === 0) expect(shares[i].isZero()).toBe(true); });
      }), MANY);
    });

    it('splits a negative amount as the negation of the split of its absolute value', () => {
      fc.assert(fc.property(pence(), weights(), (amountPence, list) => {
        const amount = amountPence / 100;
        expect(texts(split(-amount, list))).toEqual(texts(split(amount, list).map((share) => share.neg())));
      }), MANY);
    });

    it('gives each line within one penny of its exact proportional share', () => {
      fc.assert(fc.property(signedPounds(), weights(), (amount, list) => {
        const shares = split(amount, list);
        const total = list.reduce((a, b) => a.plus(b), new D(0));
        const rounded = new D(amount).toDecimalPlaces(2, D.ROUND_HALF_UP);
        shares.forEach((share, i) => {
          const exact = rounded.times(list[i]).div(total);
          expect(share.minus(exact).abs().lt('0.01')).toBe(true);
        });
      }), MANY);
    });

    it('agrees with Hamilton computed the slow way', () => {
      fc.assert(fc.property(pence(), weights(), (amountPence, list) => {
        const shares = split(amountPence / 100, list).map((share) => unitsOf(share));
        expect(shares).toEqual(referenceHamilton(BigInt(amountPence), wholeWeights(list)));
      }), MANY);
    });

    it('gives the same answer whether weights arrive as numbers, text or scaled up by 10^20', () => {
      fc.assert(fc.property(signedPounds(), weights(), (amount, list) => {
        const expected = texts(split(amount, list));
        expect(texts(split(String(amount), list.map(String)))).toEqual(expected);
        expect(texts(split(new D(amount), list.map((w) => new D(w).times('1e20'))))).toEqual(expected);
      }), MANY);
    });

    it('is exact for huge amounts and many-decimal weights too', () => {
      fc.assert(fc.property(hugeAmountText, preciseWeights, (amount, list) => {
        const shares = split(amount, list);
        expect(shares.reduce((a, b) => a.plus(b), new D(0)).eq(amount)).toBe(true);
        expect(shares.map((share) => unitsOf(share))).toEqual(referenceHamilton(unitsOf(amount), wholeWeights(list)));
      }), { numRuns: 500 });
    });

    it('is deterministic', () => {
      fc.assert(fc.property(signedPounds(), weights(), (amount, list) => {
        expect(texts(split(amount, list))).toEqual(texts(split(amount, list)));
      }), MANY);
    });

    it('hands out leftover pennies in the right order on long lists with many equal remainders', () => {
      fc.assert(fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 400 }).filter((l) => l.some((w) => w > 0)),
        (amountPence, list) => {
          expect(split(amountPence / 100, list).map((share) => unitsOf(share)))
            .toEqual(referenceHamilton(BigInt(amountPence), list.map(BigInt)));
        },
      ), { numRuns: 1000 });
    });
  });
});

describe('apportion', () => {
  it('shares whole units in plain numbers and in bigints alike', () => {
    expect(apportion(10000n, { big: false, values: [1, 1, 1] }).values).toEqual([3334, 3333, 3333]);
    expect(apportion(10000n, { big: true, values: [1n, 1n, 1n] }).values).toEqual([3334n, 3333n, 3333n]);
  });

  it('moves to bigints when a plain number could lose a unit', () => {
    const result = apportion(2n ** 60n, { big: false, values: [1, 2] });
    expect(result.big).toBe(true);
    expect(result.values.map(String)).toEqual(
      referenceHamilton(2n ** 60n, [1n, 2n]).map(String),
    );
  });
});

function pence(): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: 100_000_000_00 });
}
