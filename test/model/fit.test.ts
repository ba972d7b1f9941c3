import { allocation, amounts, award, ledger, run, sumPence, pence, type Workbook } from './support';

/**
 * A fund with a £10,000 floor; a locked contract of £30,000, a 10% top-slice and three
 * unlocked lines totalling £80,000.
 */
function book(income: number, fit: string): Workbook {
  return {
    funds: [{ Fund: 'Grant', Income: income, Floor: 10000 }],
    scenarios: [{ Scenario: 'Base', Fund: 'Grant', Fit: fit }],
    awards: [
      award('L', { Rule: 'FIXED', Value: 30000, Locked: 'Yes', Route: 'Grant' }),
      award('T', { Rule: 'TOPSLICE', Value: 0.1 }),
      award('U1', { 'Prior year': 40000 }),
      award('U2', { 'Prior year': 20000 }),
      award('U3', { Rule: 'FIXED', Value: 20000 }),
    ],
  };
}

describe('fitting the awards to the fund', () => {
  describe('when the awards are over the money', () => {
    it.each([
      // fit, U1, U2, U3, awarded, what the fit says
      ['scale-down', 25000, 12500, 12500, 90000, '3 lines scaled by 0.6250'],
      ['scale', 25000, 12500, 12500, 90000, '3 lines scaled by 0.6250'],
      ['none', 40000, 20000, 20000, 120000, null],
    ])('fit %s gives %p, %p, %p', (fit, u1, u2, u3, awarded, info) => {
      const result = run(book(100000, fit));
      expect(amounts(result)).toEqual({ L: 30000, T: 10000, U1: u1, U2: u2, U3: u3 });
      expect(ledger(result).awarded).toBe(awarded);
      const fits = result.checks.filter((check) => check.check === 'Fit');
      expect(fits.map((check) => check.severity)).toEqual(info === null ? [] : ['info']);
      if (info !== null) expect(fits[0].message).toContain(info);
    });

    it('reports the floor breached when the fit is none', () => {
      const result = run(book(100000, 'none'));
      expect(result.checks).toContainEqual(expect.objectContaining({
        severity: 'error', check: 'Floor', fund: 'Grant', scenario: 'Base',
        message: 'Grant: closing balance -£20,000.00 is below the floor of £10,000.00: over-committed by £30,000.00.',
      }));
    });
  });

  describe('when the awards are under the money', () => {
    it.each([
      ['scale-down', 40000, 20000, 20000, 60000],
      ['scale', 70000, 35000, 35000, 0],
      ['none', 40000, 20000, 20000, 60000],
    ])('fit %s gives %p, %p, %p and leaves %p headroom', (fit, u1, u2, u3, headroom) => {
      const result = run(book(200000, fit));
      expect(amounts(result)).toEqual({ L: 30000, T: 20000, U1: u1, U2: u2, U3: u3 });
      expect(ledger(result)).toMatchObject({ floor: 10000, headroom, closingBalance: 10000 + headroom });
    });
  });

  it('says how many lines it scaled and by what factor', () => {
    const result = run({
      funds: [{ Fund: 'Grant', Income: 97100 }],
      awards: [award('A', { 'Prior year': 50000 }), award('B', { 'Prior year': 30000 }), award('C', { 'Prior year': 20000 })],
    });
    expect(result.checks).toEqual([expect.objectContaining({
      severity: 'info', check: 'Fit', scenario: 'Base', fund: 'Grant', ref: '',
      message: 'Grant: 3 lines scaled by 0.9710 (fit scale-down) so that they total £97,100.00; locked and top-sliced lines kept.',
    })]);
    expect(amounts(result)).toEqual({ A: 48550, B: 29130, C: 19420 });
  });

  it('hands out the pennies a scaling leaves by the largest remainder, to the exact total', () => {
    const result = run({
      funds: [{ Fund: 'Grant', Income: 100 }],
      awards: ['A', 'B', 'C'].map((ref) => award(ref, { 'Prior year': 50 })),
    });
    expect(amounts(result)).toEqual({ A: 33.34, B: 33.33, C: 33.33 });
  });

  it('never moves locked or top-sliced lines, nor lines of 0', () => {
    const result = run({ ...book(100000, 'scale-down'), awards: [...(book(0, '').awards ?? []), award('Z', { Rule: 'FIXED', Value: 0 })] });
    expect(allocation(result, 'L')).toMatchObject({ amount: 30000, notes: '' });
    expect(allocation(result, 'T')).toMatchObject({ amount: 10000, notes: 'top-slice' });
    expect(allocation(result, 'Z')).toMatchObject({ amount: 0, notes: '' });
  });

  it('does not scale up into money that SHARE lines take', () => {
    const result = run({
      funds: [{ Fund: 'Grant', Income: 1000 }],
      scenarios: [{ Scenario: 'Base', Fit: 'scale' }],
      awards: [award('F', { 'Prior year': 400 }), award('S', { Rule: 'SHARE', Value: 1 })],
    });
    expect(amounts(result)).toEqual({ F: 400, S: 600 });
  });

  it('scales down before SHARE lines take what is left (nothing, then)', () => {
    const result = run({
      funds: [{ Fund: 'Grant', Income: 1000 }],
      awards: [award('F', { 'Prior year': 1200 }), award('S', { Rule: 'SHARE', Value: 1 })],
    });
    expect(amounts(result)).toEqual({ F: 1000, S: 0 });
  });

  it('leaves the awards as modelled when locked and top-sliced lines alone are over, and says so', () => {
    const result = run({
      funds: [{ Fund: 'Grant', Income: 100000, Floor: 5000 }],
      awards: [
        award('L', { Rule: 'FIXED', Value: 90000, Locked: 'Y' }),
        award('T', { Rule: 'TOPSLICE', Value: 0.1 }),
        award('U', { 'Prior year': 1000 }),
      ],
    });
    expect(amounts(result)).toEqual({ L: 90000, T: 10000, U: 1000 });
    expect(result.checks.map((check) => [check.severity, check.check])).toEqual([
      ['error', 'Locked and top-sliced'], ['error', 'Floor'],
    ]);
    expect(result.checks[0].message).toBe(
      'Grant: locked and top-sliced lines alone come to £100,000.00, £5,000.00 more than the £95,000.00 available ' +
      'above the floor; no fit can make the awards fit.',
    );
  });

  it('takes the fit per fund, else from the scenario row without a fund, else scale-down', () => {
    const funds = ['A', 'B', 'C'].map((Fund) => ({ Fund, Income: 50 }));
    const awards = ['A', 'B', 'C'].map((Fund) => award(`${Fund}1`, { Fund, 'Prior year': 40 }));
    const result = run({
      funds,
      awards,
      scenarios: [
        { Scenario: 'Up', Fit: 'scale' }, { Scenario: 'Up', Fund: 'B', Fit: 'none' }, { Scenario: 'Up', Fund: 'C', Income: 60 },
        { Scenario: 'Default', Fund: 'C', Income: 30 },
      ],
    });
    expect(amounts(result, 'Up')).toEqual({ A1: 50, B1: 40, C1: 60 });
    expect(amounts(result, 'Default')).toEqual({ A1: 40, B1: 40, C1: 30 });
  });

  it('uses the scenario income for the fund, else the fund income, on top of the opening balance', () => {
    const result = run({
      funds: [{ Fund: 'Grant', 'Opening balance': 1000, Income: 9000 }],
      scenarios: [{ Scenario: 'Indicative' }, { Scenario: 'Confirmed', Fund: 'Grant', Income: 8000, Fit: 'scale' }],
      awards: [award('A', { 'Prior year': 6000 }), award('L', { 'Prior year': 2000, Locked: 'Yes' })],
    });
    expect(ledger(result, 'Grant', 'Indicative')).toMatchObject({ openingBalance: 1000, income: 9000, awarded: 8000, closingBalance: 2000 });
    expect(ledger(result, 'Grant', 'Confirmed')).toMatchObject({ openingBalance: 1000, income: 8000, awarded: 9000, closingBalance: 0 });
    expect(amounts(result, 'Confirmed')).toEqual({ A: 7000, L: 2000 });
    expect(sumPence(Object.values(amounts(result, 'Confirmed')))).toBe(pence(9000));
  });
});
