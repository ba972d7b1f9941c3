import fc from 'fast-check';
import Decimal from 'decimal.js';
import {
  D, bigPow10, checkDecimals, divideRounded, divideRoundedNumber, fitIntegers, fromUnits, numberParts, roundTo, sum,
  toBigInts, toDecimal, toNumber, totalOf,
  toUnits, toWeights, unitsOf,
} from '../../src/engine';
import { MANY, expectEngineError } from './support';

describe('D', () => {
  it('is configured for money: 60 digits, half away from zero, plain notation', () => {
    expect(D.precision).toBe(60);
    expect(D.rounding).toBe(Decimal.ROUND_HALF_UP);
    expect(new D('0.00000001').toString()).toBe('0.00000001');
    expect(new D('123456789012345678901234567890').toString()).toBe('123456789012345678901234567890');
    expect(new D(1).div(3).toString()).toBe(`0.${'3'.repeat(60)}`);
  });
});

describe('toDecimal', () => {
  it.each([
    [0.1, '0.1'], ['0.1', '0.1'], [' 12.50 ', '12.5'], ['-3', '-3'], ['1e3', '1000'], ['.5', '0.5'], [7n, '7'],
    [new Decimal('2.5'), '2.5'], [1e-7, '1e-7'.replace('1e-7', '0.0000001')],
  ])('reads %p as %s', (value, expected) => {
    expect(toDecimal(value).toString()).toBe(expected);
  });

  it('takes numbers as written, so 0.1 + 0.2 is 0.3', () => {
    expect(toDecimal(0.1).plus(toDecimal(0.2)).eq('0.3')).toBe(true);
  });

  it.each([['abc'], [''], ['0x10'], ['1,000'], ['Infinity'], [Number.NaN], [Number.POSITIVE_INFINITY]])(
    'rejects %p with #VALUE!', (value) => {
      expectEngineError(() => toDecimal(value), '#VALUE!', 'value is not a number');
    },
  );

  it('names the argument and row in its error', () => {
    expectEngineError(() => toDecimal('x', 'amounts', 4), '#VALUE!', "amounts row 4 is not a number: 'x'");
  });
});

describe('roundTo', () => {
  it.each([
    [2.5, 0, '3'], [-2.5, 0, '-3'], [2.345, 2, '2.35'], [-2.345, 2, '-2.35'], [1.005, 2, '1.01'],
    [0.125, 2, '0.13'], [1250, -2, '1300'], [-1250, -2, '-1300'], [1249.99, -2, '1200'], [33.333, 4, '33.333'],
  ])('rounds %p to %p places half away from zero: %s', (value, decimals, expected) => {
    expect(roundTo(value, decimals).toString()).toBe(expected);
  });

  it('rejects decimals that are not whole with #NUM!', () => {
    expectEngineError(() => roundTo(1, 1.5), '#NUM!', 'decimals must be a whole number: 1.5');
  });

  it('is symmetric about zero', () => {
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), (n, places) => {
      const value = new D(n).div(1000);
      expect(roundTo(value.neg(), places).eq(roundTo(value, places).neg())).toBe(true);
    }), MANY);
  });
});

describe('sum', () => {
  it('adds exactly', () => {
    expect(sum([0.1, '0.2', new D('0.3')]).toString()).toBe('0.6');
    expect(sum([]).toString()).toBe('0');
  });

  it('names the row of a value that is not a number', () => {
    expectEngineError(() => sum([1, 'x']), '#VALUE!', "values row 2 is not a number: 'x'");
  });
});

describe('toNumber', () => {
  it('gives plain numbers, never -0', () => {
    expect(toNumber(new D('33.34'))).toBe(33.34);
    expect(Object.is(toNumber(new D('-0')), 0)).toBe(true);
  });
});

describe('checkDecimals', () => {
  it('defaults to 2 and accepts 0 to 6', () => {
    expect([checkDecimals(undefined), checkDecimals(null), checkDecimals(0), checkDecimals(6)]).toEqual([2, 2, 0, 6]);
  });

  it.each([[-1], [7], [2.5], [Number.NaN]])('rejects %p with #NUM!', (decimals) => {
    expectEngineError(() => checkDecimals(decimals), '#NUM!', 'decimals must be a whole number from 0 to 6');
  });
});

describe('whole units', () => {
  it('reads a number back as the decimal it is written as', () => {
    expect(numberParts(-12.5)).toEqual({ coefficient: -125, exponent: 1 });
    expect(numberParts(0.1)).toEqual({ coefficient: 1, exponent: 1 });
    expect(numberParts(1 / 3)).toBeNull();
    expect(numberParts(Number.NaN)).toBeNull();
  });

  it('agrees with Decimal on random doubles', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      const parts = numberParts(x);
      if (parts !== null) {
        expect(new D(parts.coefficient).div(new D(10).pow(parts.exponent)).eq(new D(x))).toBe(true);
        expect(new D(x).decimalPlaces()).toBe(parts.exponent);
      }
    }), { numRuns: 10000 });
  });

  it('agrees with Decimal on money-like doubles, and finds them all', () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.integer({ min: 0, max: 8 }), (n, k) => {
      const x = n / 10 ** k;
      const parts = numberParts(x);
      expect(parts).not.toBeNull();
      expect(new D(parts?.coefficient ?? 0).div(new D(10).pow(parts?.exponent ?? 0)).eq(new D(x))).toBe(true);
    }), { numRuns: 10000 });
  });

  it('rounds values to units half away from zero, through plain numbers or bigints alike', () => {
    expect(toUnits([12.345, 0.1, '3', 0.125], 2, 'requests').values).toEqual([1235, 10, 300, 13]);
    expect(toUnits(['1e30'], 2, 'requests')).toEqual({ big: true, values: [10n ** 32n] });
    expect(unitsOf(-100.005, 2, 'amount')).toBe(-10001n);
    expect(unitsOf('-100.005', 2, 'amount')).toBe(-10001n);
  });

  it('agrees with Decimal rounding for any value', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 45 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 6 }), (n, k, places) => {
      const x = n / 10 ** k;
      const expected = BigInt(new D(x).toDecimalPlaces(places, D.ROUND_HALF_UP).times(new D(10).pow(places)).toFixed(0));
      expect(BigInt(toUnits([x], places, 'v').values[0])).toBe(expected);
      expect(unitsOf(x, places, 'v')).toBe(expected);
    }), MANY);
  });

  it('turns weights into whole numbers in the same proportions', () => {
    expect(toWeights([1, 0.5, '2.25'], 'weights').values).toEqual([100, 50, 225]);
    expect(toWeights([1, '1e-30'], 'weights')).toEqual({ big: true, values: [10n ** 30n, 1n] });
    expect(toWeights([1e15, 0.5, 3], 'weights')).toEqual({ big: true, values: [10n ** 16n, 5n, 30n] });
    expect(toWeights([2.5, 0.25], 'weights')).toEqual({ big: false, values: [250, 25] });
    expectEngineError(() => toWeights([1, -0.01], 'weights'), '#NUM!', 'weights row 2 is negative: -0.01');
    expectEngineError(() => toWeights([1, '-1e-30'], 'weights'), '#NUM!', 'weights row 2 is negative: -1e-30');
  });

  it('divides whole numbers rounding half away from zero', () => {
    expect([divideRounded(5n, 2n), divideRounded(-5n, 2n), divideRounded(4n, 3n), divideRounded(-4n, 3n)]).toEqual([3n, -3n, 1n, -1n]);
    expect([divideRoundedNumber(5, 2), divideRoundedNumber(4, 3), divideRoundedNumber(2 ** 53, 3)]).toEqual([3, 1, -1]);
  });
});

describe('fromUnits', () => {
  it.each([
    [-3334, 2, '-33.34'], [0, 2, '0'], [5, 0, '5'], [1, 6, '0.000001'], [123456789012345, 2, '1234567890123.45'],
    [10n ** 30n, 2, '10000000000000000000000000000'], [-7n, 3, '-0.007'],
  ])('turns %p units of %p decimals into %s', (units, decimals, expected) => {
    expect(fromUnits(units, decimals).toString()).toBe(expected);
  });

  it('builds exactly the Decimal the constructor would', () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 52) + 1, max: 2 ** 52 - 1 }), fc.integer({ min: 0, max: 7 }), (units, decimals) => {
      const built = fromUnits(units, decimals);
      const parsed = new D(`${units}e-${decimals}`);
      expect(built.toString()).toBe(parsed.toString());
      expect([built.s, built.e, built.d]).toEqual([parsed.s, parsed.e, parsed.d]);
      expect(built.plus('0.0000001').eq(parsed.plus('0.0000001'))).toBe(true);
      expect(built.constructor).toBe(D);
    }), { numRuns: 10000 });
  });
});

describe('integer helpers', () => {
  it('fit bigints into plain numbers only when their total is safe', () => {
    expect(fitIntegers([1n, 2n])).toEqual({ big: false, values: [1, 2] });
    expect(fitIntegers([2n ** 51n, 2n ** 51n]).big).toBe(true);
    expect(toBigInts({ big: false, values: [1, 2] })).toEqual([1n, 2n]);
    expect(totalOf({ big: false, values: [3334, 3333, 3333] })).toBe(10000n);
    expect(totalOf({ big: true, values: [2n ** 60n, 1n] })).toBe(2n ** 60n + 1n);
    expect(bigPow10(3)).toBe(1000n);
    expect(bigPow10(3)).toBe(1000n);
  });
});
