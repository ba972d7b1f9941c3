import fc from 'fast-check';
import { D, roundTo } from '../../src/engine/money';
import { scale } from '../../src/engine/scale';
import { fitLines } from '../../src/engine/model/fit';
import { timesFactor, timesOnePlus, wholeNumber } from '../../src/engine/model/pence';
import { generateModel, readModel, runModel } from '../../src/engine/model';
import { pence, run, STAMP, TODAY, type Row } from './support';

const RUNS = 500;

const money = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((p) => p / 100);
const fundNames = ['Alpha', 'Beta', 'Gamma'];
const fits = ['scale-down', 'scale', 'none', null];

const fundRow = fc.record({
  'Opening balance': money(50000),
  Income: money(500000),
  Floor: fc.oneof(fc.constant(null), money(20000)),
});

const awardRow = fc.record({
  Fund: fc.constantFrom(...fundNames),
  Rule: fc.constantFrom('FLAT', 'CHANGE', 'FIXED', 'TOPSLICE', 'SHARE', 'flat'),
  'Prior year': money(100000),
  change: fc.integer({ min: -1000, max: 1000 }).map((n) => n / 10000),
  fixed: money(100000),
  fraction: fc.integer({ min: 0, max: 300 }).map((n) => n / 1000),
  weight: fc.integer({ min: 0, max: 5000 }).map((n) => n / 10),
  Locked: fc.constantFrom('Yes', null, null, null),
  dates: fc.constantFrom<[string | null, string | null]>(
    [null, null], [null, null], ['2021-10-01', '2022-09-30'], ['2021-04-01', '2021-09-30'], [null, '2023-03-31'], ['2022-01-15', null],
  ),
});

const workbook = fc.record({
  funds: fc.tuple(fundRow, fundRow, fundRow),
  awards: fc.array(awardRow, { maxLength: 25 }),
  scenarios: fc.array(fc.record({ Fund: fc.constantFrom(...fundNames, null), Income: money(500000), Fit: fc.constantFrom(...fits) }), { maxLength: 4 }),
}).map(({ funds, awards, scenarios }) => ({
  funds: funds.map((fund, f) => ({ Fund: fundNames[f], ...fund })),
  awards: awards.map((a, i): Row => ({
    Ref: `R${i}`, Recipient: `R${i}`, Fund: a.Fund, Rule: a.Rule, 'Prior year': a['Prior year'], Locked: a.Locked,
    Value: { FLAT: null, flat: null, CHANGE: a.change, FIXED: a.fixed, TOPSLICE: a.fraction, SHARE: a.weight }[a.Rule],
    Start: a.dates[0], End: a.dates[1],
  })),
  scenarios: [{ Scenario: 'First' }, ...scenarios.map((row) => ({ Scenario: 'Second', ...row }))],
}));

const whole = (value: number): boolean => Math.round(value * 100) / 100 === value;

describe('properties of a run', () => {
  it('adds up to the penny: every fund ledger matches its awards and balances', () => {
    fc.assert(fc.property(workbook, (book) => {
      const result = run(book);
      for (const row of result.ledger) {
        const lines = result.allocations.filter((a) => a.scenario === row.scenario && a.fund === row.fund);
        expect(lines.reduce((total, a) => total + pence(a.amount), 0)).toBe(pence(row.awarded));
        expect(pence(row.closingBalance)).toBe(pence(row.openingBalance) + pence(row.income) - pence(row.awarded));
        expect(pence(row.headroom)).toBe(pence(row.closingBalance) - pence(row.floor));
      }
      for (const a of result.allocations) {
        expect(whole(a.amount)).toBe(true);
        expect(pence(a.change)).toBe(pence(a.amount) - pence(a.priorYear));
      }
    }), { numRuns: RUNS });
  });

  it('never moves a locked line, whatever the scenario or fit', () => {
    fc.assert(fc.property(workbook, (book) => {
      // A scenario that fits nothing gives each line as its rule makes it.
      const result = run({ ...book, scenarios: [...book.scenarios, { Scenario: 'As modelled', Fit: 'none' }] });
      const lockedRefs = book.awards.filter((a) => a.Locked === 'Yes' && ['FLAT', 'CHANGE', 'FIXED', 'flat'].includes(String(a.Rule))).map((a) => a.Ref);
      for (const ref of lockedRefs) {
        const amounts = result.allocations.filter((a) => a.ref === ref).map((a) => a.amount);
        expect(new Set(amounts).size).toBe(1);
        expect(result.allocations.find((a) => a.ref === ref)?.notes).not.toContain('scaled');
      }
    }), { numRuns: RUNS });
  });

  it('fits to the exact penny whenever it scales, and leaves nothing unshared', () => {
    fc.assert(fc.property(workbook, (book) => {
      const result = run(book);
      for (const row of result.ledger) {
        const lines = result.allocations.filter((a) => a.scenario === row.scenario && a.fund === row.fund);
        const scaled = lines.some((a) => a.notes.includes('scaled'));
        const shared = lines.some((a) => a.notes.includes('share') && a.amount > 0);
        if (scaled || shared) expect(pence(row.headroom)).toBe(0);
        const fit = result.checks.find((c) => c.check === 'Fit' && c.scenario === row.scenario && c.fund === row.fund);
        expect(fit !== undefined).toBe(scaled);
      }
    }), { numRuns: RUNS });
  });
});

describe('whole-pence arithmetic', () => {
  const amounts = fc.array(fc.integer({ min: 0, max: 10_000_000_00 }), { minLength: 1, maxLength: 30 });

  it('fits exactly as PCC.SCALE does', () => {
    fc.assert(fc.property(amounts, fc.integer({ min: 0, max: 10_000_000_00 }), (lines, room) => {
      const total = lines.reduce((a, b) => a + b, 0);
      const fitted = fitLines('scale', lines, total, room, true);
      if (total === 0 || total === room) {
        expect(fitted.amounts).toBeNull();
        return;
      }
      const reference = scale(lines.map((p) => p / 100), room / 100);
      expect(fitted.amounts).toEqual(reference.amounts.map((amount) => pence(amount.toNumber())));
      expect(fitted.factor?.eq(reference.factor ?? 0)).toBe(true);
    }), { numRuns: RUNS });
  });

  it('multiplies by a fraction and by one plus a change as decimal arithmetic does', () => {
    const factor = fc.integer({ min: -2_000_000, max: 2_000_000 }).chain((n) => fc.integer({ min: 0, max: 7 }).map((k) => n / 10 ** k));
    fc.assert(fc.property(fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }), factor, (p, x) => {
      expect(timesFactor(p, x)).toBe(roundTo(new D(p).times(x), 0).toNumber() + 0);
      expect(timesOnePlus(p, x)).toBe(roundTo(new D(p).times(new D(x).plus(1)), 0).toNumber() + 0);
    }), { numRuns: RUNS });
  });
});

describe('reading a whole-number Decimal', () => {
  it('gives the number it holds, however decimal.js stores it', () => {
    const whole = fc.oneof(
      fc.integer({ min: -(2 ** 52) + 1, max: 2 ** 52 - 1 }),
      fc.integer({ min: -99, max: 99 }).chain((n) => fc.integer({ min: 0, max: 13 }).map((k) => n * 10 ** k)),
    );
    fc.assert(fc.property(whole, (n) => {
      expect(wholeNumber(new D(n))).toBe(n + 0);
      expect(wholeNumber(new D(String(n)).times(10).div(10))).toBe(n + 0);
    }), { numRuns: RUNS });
  });

  it.each(['0.5', '-12.25', '1e20', '4503599627370496', '-7'])('falls back to toNumber for %s when it must', (text) => {
    expect(wholeNumber(new D(text))).toBe(Number(text));
  });
});

describe('generateModel', () => {
  it.each([0, 1, 50, 2000])('makes a valid model of %p awards that runs', (count) => {
    const tables = Object.fromEntries(generateModel(count, 3).map((table) => [table.name, table]));
    const model = readModel(tables, TODAY);
    expect(model.rowChecks).toEqual([]);
    expect(model.awards).toHaveLength(count);
    const result = runModel(model, { stamp: STAMP, today: TODAY });
    expect(result.scenariosRun).toEqual(['Base', 'Revised']);
    expect(result.allocations).toHaveLength(2 * count);
  });

  it('makes the same model from the same seed', () => {
    expect(generateModel(100, 9)).toEqual(generateModel(100, 9));
    expect(generateModel(100, 9)).not.toEqual(generateModel(100, 10));
  });
});
