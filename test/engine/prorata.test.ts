import fc from 'fast-check';
import {
  type CalendarDate, type ProrataBasis, D, dayNumber, daysInMonth, fractionOfYear, fromDayNumber, prorata,
} from '../../src/engine';
import { MANY, expectEngineError, pounds, signedPounds } from './support';

const date = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });
const aroundNow = fc.integer({ min: dayNumber(date(2018, 1, 1)), max: dayNumber(date(2025, 12, 31)) });
const period = fc.tuple(aroundNow, aroundNow).map(([a, b]) => [fromDayNumber(Math.min(a, b)), fromDayNumber(Math.max(a, b))] as const);
const basis = fc.constantFrom<ProrataBasis>('months', 'days');
const fy = fc.integer({ min: 2018, max: 2025 });

/**
 * The fraction the slow way: walk the financial year a day at a time, each covered day
 * worth 1/(12 × its month's length) on the months basis, or 1/(days in the year) on the
 * days basis; exact as a fraction of bigints.
 */
function referenceFraction(start: CalendarDate, end: CalendarDate, fyStartYear: number, by: ProrataBasis): [bigint, bigint] {
  const first = dayNumber(date(fyStartYear, 4, 1));
  const last = dayNumber(date(fyStartYear + 1, 3, 31));
  let numerator = 0n;
  let denominator = 1n;
  for (let n = first; n <= last; n++) {
    if (n < dayNumber(start) || n > dayNumber(end)) continue;
    const d = fromDayNumber(n);
    const weight = by === 'days' ? BigInt(last - first + 1) : BigInt(12 * daysInMonth(d.year, d.month));
    numerator = numerator * weight + denominator;
    denominator *= weight;
  }
  return [numerator, denominator];
}

function roundHalfAway(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = magnitude / denominator + ((magnitude % denominator) * 2n >= denominator ? 1n : 0n);
  return negative ? -quotient : quotient;
}

describe('prorata', () => {
  describe('worked checks', () => {
    it('takes half of an October-to-September award into 2021/22 by months, 12032.88 by days', () => {
      const start = date(2020, 10, 1);
      const end = date(2021, 9, 30);
      expect(prorata(24000, start, end, 2021).toFixed(2)).toBe('12000.00');
      expect(prorata(24000, start, end, 2021, 'months').toFixed(2)).toBe('12000.00');
      expect(prorata(24000, start, end, 2021, 'days').toFixed(2)).toBe('12032.88');
      expect(prorata(24000, start, end, 2020, 'months').toFixed(2)).toBe('12000.00');
    });

    it.each([
      // annual, start, end, fy, basis, decimals, expected
      [12000, date(2021, 4, 16), date(2021, 4, 30), 2021, 'months', 2, '500'],
      [12000, date(2021, 4, 1), date(2021, 9, 30), 2021, 'months', 2, '6000'],
      [35000, date(2020, 1, 1), date(2030, 1, 1), 2021, 'months', 2, '35000'],
      [35000, date(2020, 1, 1), date(2030, 1, 1), 2021, 'days', 2, '35000'],
      [36600, date(2024, 2, 29), date(2024, 2, 29), 2023, 'days', 2, '100'],
      [36500, date(2021, 5, 5), date(2021, 5, 5), 2021, 'days', 2, '100'],
      [1000, date(2021, 4, 1), date(2021, 4, 1), 2021, 'months', 2, '2.78'],
      [1000, date(2021, 4, 1), date(2021, 4, 1), 2021, 'months', 0, '3'],
      [-24000, date(2020, 10, 1), date(2021, 9, 30), 2021, 'days', 2, '-12032.88'],
      [24000, date(2019, 1, 1), date(2021, 3, 31), 2021, 'months', 2, '0'],
      [24000, date(2022, 4, 1), date(2023, 1, 1), 2021, 'days', 2, '0'],
      ['24000.005', date(2021, 4, 1), date(2022, 3, 31), 2021, 'months', 2, '24000.01'],
      [1e25, date(2021, 4, 1), date(2021, 4, 1), 2021, 'days', 2, '27397260273972602739726.03'],
    ])('prorata(%p, %p, %p, %p, %p, %p) is %p', (annual, start, end, year, by, decimals, expected) => {
      expect(prorata(annual, start, end, year, by as ProrataBasis, decimals).toFixed()).toBe(expected);
    });

    it('rounds half away from zero only at the end', () => {
      // 6 months of 100.01 is exactly 50.005.
      expect(prorata(100.01, date(2021, 4, 1), date(2021, 9, 30), 2021).toFixed()).toBe('50.01');
      expect(prorata(-100.01, date(2021, 4, 1), date(2021, 9, 30), 2021).toFixed()).toBe('-50.01');
    });
  });

  describe('errors', () => {
    it('rejects an end before the start with #NUM!', () => {
      expectEngineError(() => prorata(100, date(2021, 4, 1), date(2021, 3, 1), 2021), '#NUM!',
        'end 2021-03-01 is before start 2021-04-01');
    });

    it('rejects an unknown basis with #NUM!', () => {
      expectEngineError(() => prorata(100, date(2021, 4, 1), date(2021, 5, 1), 2021, 'weeks' as ProrataBasis), '#NUM!',
        "basis must be 'months' or 'days': 'weeks'");
    });

    it('rejects a date that is not real with #VALUE!, naming it', () => {
      expectEngineError(() => prorata(100, date(2021, 2, 30), date(2021, 5, 1), 2021), '#VALUE!',
        "start '2021-2-30' is not a real date: that month has 28 days");
      expectEngineError(() => fractionOfYear(date(2021, 4, 1), date(2021, 13, 1), 2021), '#VALUE!', "end '2021-13-1' is not a real date");
    });

    it('rejects a financial year that is not a whole number with #VALUE!', () => {
      expectEngineError(() => prorata(100, date(2021, 4, 1), date(2021, 5, 1), 2021.5), '#VALUE!', 'fy is not a financial year');
    });

    it('rejects bad decimals with #NUM! and an annual amount that is not a number with #VALUE!', () => {
      expectEngineError(() => prorata(100, date(2021, 4, 1), date(2021, 5, 1), 2021, 'days', 8), '#NUM!', 'decimals must be');
      expectEngineError(() => prorata('much', date(2021, 4, 1), date(2021, 5, 1), 2021), '#VALUE!', "annual is not a number: 'much'");
    });
  });

  describe('properties', () => {
    it('stays between 0 and the annual amount', () => {
      fc.assert(fc.property(pounds(), period, fy, basis, (annual, [start, end], year, by) => {
        const part = prorata(annual, start, end, year, by);
        expect(part.gte(0) && part.lte(annual)).toBe(true);
      }), MANY);
    });

    it('gives exactly the annual amount for a period covering the whole year', () => {
      fc.assert(fc.property(signedPounds(), fy, fc.nat(400), fc.nat(400), basis, (annual, year, before, after, by) => {
        const start = fromDayNumber(dayNumber(date(year, 4, 1)) - before);
        const end = fromDayNumber(dayNumber(date(year + 1, 3, 31)) + after);
        expect(prorata(annual, start, end, year, by).eq(annual)).toBe(true);
      }), MANY);
    });

    it('agrees with counting day by day, rounded half away from zero', () => {
      fc.assert(fc.property(signedPounds(), period, fy, basis, fc.integer({ min: 0, max: 6 }), (annual, [start, end], year, by, places) => {
        const [numerator, denominator] = referenceFraction(start, end, year, by);
        const pence = BigInt(new D(annual).times(100).toFixed(0));
        const expected = roundHalfAway(pence * numerator * 10n ** BigInt(places), denominator * 100n);
        const actual = prorata(annual, start, end, year, by, places);
        expect(actual.times(new D(10).pow(places)).toFixed(0)).toBe(expected.toString());
      }), { numRuns: 1000 });
    });

    it('adds up over adjacent periods (the fractions, unrounded)', () => {
      fc.assert(fc.property(period, fc.nat(500), fy, basis, ([start, middle], extra, year, by) => {
        const end = fromDayNumber(dayNumber(middle) + 1 + extra);
        const whole = fractionOfYear(start, end, year, by);
        const parts = fractionOfYear(start, middle, year, by).plus(fractionOfYear(fromDayNumber(dayNumber(middle) + 1), end, year, by));
        expect(whole.minus(parts).abs().lt('1e-55')).toBe(true);
      }), MANY);
    });
  });
});

describe('fractionOfYear', () => {
  it.each([
    [date(2020, 10, 1), date(2021, 9, 30), 2021, 'months', '0.5'],
    [date(2021, 4, 1), date(2022, 3, 31), 2021, 'days', '1'],
    [date(2021, 4, 1), date(2021, 4, 15), 2021, 'months', new D(1).div(24).toString()],
    [date(2021, 4, 1), date(2021, 4, 15), 2020, 'months', '0'],
  ])('covers %p to %p of %p by %p: %s', (start, end, year, by, expected) => {
    expect(fractionOfYear(start, end, year, by as ProrataBasis).toString()).toBe(expected);
  });
});
