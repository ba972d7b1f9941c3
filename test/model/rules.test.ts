import { allocation, award, ledger, run, type Row } from './support';

/** A fund of £100,000 with plenty of room, so no fit moves anything. */
const roomy = { funds: [{ Fund: 'Grant', 'Opening balance': 20000, Income: 80000 }] };

describe('the rules', () => {
  it.each([
    ['FLAT holds last year', { Rule: 'FLAT', 'Prior year': 35000 }, 35000],
    ['flat is case-blind', { Rule: 'flat', 'Prior year': 35000 }, 35000],
    ['CHANGE -0.051 cuts by 5.1%', { Rule: 'CHANGE', 'Prior year': 35000, Value: -0.051 }, 33215],
    ['CHANGE 0.02 adds 2%', { Rule: 'Change', 'Prior year': 50000, Value: 0.02 }, 51000],
    ['CHANGE rounds half away from zero', { Rule: 'CHANGE', 'Prior year': 100.01, Value: 0.5 }, 150.02],
    ['CHANGE -1 stops the award', { Rule: 'CHANGE', 'Prior year': 900, Value: -1 }, 0],
    ['FIXED is the value', { Rule: 'FIXED', 'Prior year': 30000, Value: 35000 }, 35000],
    ['FIXED needs no prior year', { Rule: 'FIXED', Value: 2950 }, 2950],
    ['TOPSLICE takes a fraction of what is available', { Rule: 'TOPSLICE', Value: 0.2 }, 20000],
    ['TOPSLICE of a third', { Rule: 'TOPSLICE', Value: 0.3333 }, 33330],
    ['SHARE takes what is left', { Rule: 'SHARE', Value: 118.4 }, 100000],
  ])('%s', (_, fields: Row, expected) => {
    const result = run({ ...roomy, awards: [award('A1', fields)] });
    expect(allocation(result, 'A1').amount).toBe(expected);
  });

  describe('pro-rating FLAT, CHANGE and FIXED to the financial year (months basis)', () => {
    it.each([
      ['a six-month award over the elections', { Start: '2021-04-01', End: '2021-09-30' }, 12000, 'prorated'],
      ['an award running 1 October to 30 September', { Start: '2021-10-01', End: '2022-09-30' }, 12000, 'prorated'],
      ['an award that started last year', { Start: '2020-10-01', End: '2021-09-30' }, 12000, 'prorated'],
      ['an award with no end, starting in January', { Start: '2022-01-01' }, 6000, 'prorated'],
      ['an award with no start, ending in June', { End: '2021-06-30' }, 6000, 'prorated'],
      ['an award covering the whole year', { Start: '2021-04-01', End: '2024-03-31' }, 24000, ''],
      ['an award ending before the year', { Start: '2020-04-01', End: '2021-03-31' }, 0, 'prorated'],
      ['an award starting after the year', { Start: '2022-04-01' }, 0, 'prorated'],
      ['an award for part of a month', { Start: '2021-04-16', End: '2021-04-30' }, 1000, 'prorated'],
      ['dates given as Excel serials', { Start: 44470, End: 44834 }, 12000, 'prorated'],
    ])('%s', (_, dates: Row, expected, notes) => {
      const result = run({ ...roomy, awards: [award('A1', { Rule: 'FIXED', Value: 24000, ...dates })] });
      expect(allocation(result, 'A1')).toMatchObject({ amount: expected, notes });
    });

    it.each(['FLAT', 'CHANGE'])('pro-rates %s from the prior year', (rule) => {
      const result = run({ ...roomy, awards: [award('A1', { Rule: rule, 'Prior year': 24000, Value: 0, Start: '2021-04-01', End: '2021-09-30' })] });
      expect(allocation(result, 'A1').amount).toBe(12000);
    });

    it('does not pro-rate TOPSLICE or SHARE lines', () => {
      const result = run({
        ...roomy,
        awards: [
          award('T', { Rule: 'TOPSLICE', Value: 0.1, Start: '2021-10-01' }),
          award('S', { Rule: 'SHARE', Value: 1, End: '2021-06-30' }),
        ],
      });
      expect([allocation(result, 'T'), allocation(result, 'S')].map((row) => [row.amount, row.notes])).toEqual([
        [10000, 'top-slice'], [90000, 'share'],
      ]);
    });
  });

  describe('SHARE', () => {
    const casualty = {
      funds: [{ Fund: 'Grant', 'Opening balance': 450000, Floor: 10000 }],
      awards: [
        award('BED', { Rule: 'SHARE', Value: 118.4 }),
        award('CAM', { Rule: 'SHARE', Value: 154.2 }),
        award('HER', { Rule: 'SHARE', Value: 213.9 }),
        award('SAFE', { Rule: 'FIXED', Value: 20000 }),
      ],
    };

    it('splits what is left after every other line and the floor by the weights, to the penny', () => {
      const result = run(casualty);
      const shares = ['BED', 'CAM', 'HER'].map((ref) => allocation(result, ref).amount);
      // £420,000 left, by NRE 118.4 : 154.2 : 213.9 (largest remainder).
      expect(shares).toEqual([102215.83, 133122.3, 184661.87]);
      expect(Math.round(shares.reduce((a, b) => a + b) * 100)).toBe(42000000);
      expect(ledger(result)).toMatchObject({ awarded: 440000, closingBalance: 10000, headroom: 0 });
    });

    it('breaks ties towards the earlier line', () => {
      const result = run({ funds: [{ Fund: 'Grant', Income: 100 }], awards: ['A', 'B', 'C'].map((ref) => award(ref, { Rule: 'SHARE', Value: 1 })) });
      expect(['A', 'B', 'C'].map((ref) => allocation(result, ref).amount)).toEqual([33.34, 33.33, 33.33]);
    });

    it('gives 0 and a warning when nothing is left', () => {
      const result = run({ ...casualty, funds: [{ Fund: 'Grant', Income: 30000, Floor: 10000 }] });
      expect(allocation(result, 'BED').amount).toBe(0);
      expect(result.checks).toContainEqual(expect.objectContaining({ severity: 'warning', check: 'Nothing to share', fund: 'Grant' }));
    });

    it('reports an error when every weight is 0', () => {
      const result = run({ awards: [award('A', { Rule: 'SHARE', Value: 0 })] });
      expect(allocation(result, 'A').amount).toBe(0);
      expect(result.checks).toContainEqual(expect.objectContaining({ severity: 'error', check: 'Share' }));
    });
  });

  it('says what shaped each amount in Notes', () => {
    const result = run({
      funds: [{ Fund: 'Grant', Income: 100000 }],
      scenarios: [{ Scenario: 'Base', Fit: 'scale' }],
      awards: [
        award('P', { Rule: 'FIXED', Value: 24000, Start: '2021-10-01' }),
        award('F', { 'Prior year': 10000 }),
        award('L', { 'Prior year': 10000, Locked: 'Yes', Start: '2021-10-01' }),
        award('T', { Rule: 'TOPSLICE', Value: 0.1 }),
      ],
    });
    expect(['P', 'F', 'L', 'T'].map((ref) => allocation(result, ref).notes)).toEqual([
      'prorated; scaled', 'scaled', 'prorated', 'top-slice',
    ]);
  });

  it('gives the change from last year and as a fraction of it', () => {
    const result = run({ awards: [award('A', { Rule: 'CHANGE', 'Prior year': 35000, Value: -0.051 }), award('N', { Rule: 'FIXED', Value: 500 })] });
    expect(allocation(result, 'A')).toMatchObject({ priorYear: 35000, amount: 33215, change: -1785 });
    expect(allocation(result, 'A').changePct).toBeCloseTo(-0.051, 12);
    expect(allocation(result, 'N')).toMatchObject({ priorYear: 0, change: 500, changePct: null });
  });
});
