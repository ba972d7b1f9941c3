import { allocation, award, run } from './support';

describe('checks', () => {
  it('flags a purpose outside the ring fence, saying how much is at stake, and keeps the amount', () => {
    const result = run({
      funds: [{ Fund: 'Grant', Income: 100000, 'Allowed purposes': 'Victim services, Restorative justice' }],
      awards: [
        award('IN', { Purpose: ' victim SERVICES ', 'Prior year': 1000 }),
        award('OUT', { Purpose: 'Burglary prevention', 'Prior year': 2500 }),
        award('NONE', { Purpose: null, 'Prior year': 500 }),
        award('ZERO', { Purpose: 'Anything', Rule: 'FIXED', Value: 0 }),
      ],
    });
    expect(result.checks.filter((check) => check.check === 'Ring fence')).toEqual([
      {
        severity: 'error', scenario: 'Base', fund: 'Grant', ref: 'OUT', check: 'Ring fence', table: 'Awards', row: 1, column: 'Purpose',
        message: "OUT: purpose 'Burglary prevention' is outside the Grant ring fence (Victim services, Restorative justice); £2,500.00 of ring-fenced money is at stake.",
      },
      expect.objectContaining({ ref: 'NONE', message: expect.stringContaining('no purpose is given') }),
    ]);
    expect(allocation(result, 'OUT').amount).toBe(2500);
  });

  it('flags an award above the fund cap by how much, and keeps the amount', () => {
    const result = run({
      funds: [{ Fund: 'Youth and Community Fund', Income: 103096, 'Award cap': 3000 }],
      awards: [
        award('YC-01', { Fund: 'Youth and Community Fund', Rule: 'FIXED', Value: 3000 }),
        award('YC-02', { Fund: 'Youth and Community Fund', Rule: 'FIXED', Value: 3250.5 }),
      ],
    });
    expect(result.checks).toEqual([expect.objectContaining({
      severity: 'error', check: 'Award cap', ref: 'YC-02', fund: 'Youth and Community Fund', table: 'Awards', row: 1,
      message: 'YC-02: £3,250.50 is £250.50 above the Youth and Community Fund award cap of £3,000.00.',
    })]);
    expect(allocation(result, 'YC-02').amount).toBe(3250.5);
  });

  it('flags a closing balance below the floor, over-committed by how much', () => {
    const result = run({
      funds: [{ Fund: 'Grant', Income: 100000, Floor: 15000 }],
      scenarios: [{ Scenario: 'Base', Fit: 'none' }],
      awards: [award('A', { 'Prior year': 90000 })],
    });
    expect(result.checks).toEqual([expect.objectContaining({
      severity: 'error', check: 'Floor', fund: 'Grant', ref: '',
      message: 'Grant: closing balance £10,000.00 is below the floor of £15,000.00: over-committed by £5,000.00.',
    })]);
  });

  it('reports only the floor when the floor itself is more than the money', () => {
    const result = run({ funds: [{ Fund: 'Grant', Income: 1000, Floor: 5000 }], awards: [award('A', { 'Prior year': 100 })] });
    expect(result.checks.map((check) => check.check)).toEqual(['Floor']);
    expect(allocation(result, 'A').amount).toBe(100);
  });

  it('flags locked and top-sliced lines alone exceeding the fund', () => {
    const result = run({ awards: [award('L', { 'Prior year': 80000, Locked: true }), award('T', { Rule: 'TOPSLICE', Value: 0.3 })] });
    expect(result.checks.map((check) => check.check)).toEqual(['Locked and top-sliced', 'Floor']);
  });

  it.each([
    ['Contract', 50000, true],
    ['contract', 75000.01, true],
    ['Single tender action', 50000, true],
    ['single-tender action', 60000, true],
    ['STA', 50000, true],
    ['sta', 49999.99, false],
    ['Contract', 49999.99, false],
    ['Grant', 500000, false],
    ['Tender', 500000, false],
  ])('warns when a %s of £%p for the year reaches the tender threshold: %p', (route, amount, flagged) => {
    const result = run({ funds: [{ Fund: 'Grant', Income: 1000000 }], awards: [award('C', { Rule: 'FIXED', Value: amount, Route: route })] });
    const found = result.checks.filter((check) => check.check === 'Tender threshold');
    expect(found).toHaveLength(flagged ? 1 : 0);
    if (flagged) expect(found[0]).toMatchObject({ severity: 'warning', ref: 'C', column: 'Route' });
  });

  it('compares the amount for the year, after pro-rating, with the threshold from Settings', () => {
    const book = (threshold: number) => ({
      funds: [{ Fund: 'Grant', Income: 1000000 }],
      settings: [{ Setting: 'Financial year', Value: '2021/22' }, { Setting: 'Tender threshold', Value: threshold }],
      awards: [award('C', { Rule: 'FIXED', Value: 80000, Start: '2021-10-01', Route: 'Contract' })],
    });
    expect(run(book(50000)).checks.map((check) => check.check)).toEqual([]);
    expect(run(book(40000)).checks).toEqual([expect.objectContaining({
      check: 'Tender threshold',
      message: 'C: Contract of £40,000.00 for the year is at or above the tender threshold of £40,000.00.',
    })]);
  });

  it('warns when a priority is over its envelope, across funds', () => {
    const result = run({
      funds: [{ Fund: 'Grant', Income: 2000000 }, { Fund: 'Other', Income: 1000000 }],
      envelopes: [{ Priority: 'Victims', Budget: 800000 }, { Priority: 'Community safety', Budget: 500000 }],
      awards: [
        award('A', { Priority: 'Victims', Rule: 'FIXED', Value: 600000 }),
        award('B', { Priority: ' victims ', Fund: 'Other', Rule: 'FIXED', Value: 250000 }),
        award('C', { Priority: 'Community safety', Rule: 'FIXED', Value: 500000 }),
        award('D', { Priority: 'Unbudgeted', Rule: 'FIXED', Value: 5 }),
      ],
    });
    expect(result.checks).toEqual([{
      severity: 'warning', scenario: 'Base', fund: '', ref: '', check: 'Envelope', table: 'Envelopes', row: 0, column: 'Budget',
      message: "Priority 'Victims': awards total £850,000.00, £50,000.00 over its envelope of £800,000.00.",
    }]);
  });

  it('names the scenario of each check, and runs every check under every scenario', () => {
    const result = run({
      funds: [{ Fund: 'Grant', Income: 100000, 'Award cap': 1000 }],
      scenarios: [{ Scenario: 'Indicative' }, { Scenario: 'Confirmed', Fund: 'Grant', Income: 90000 }],
      awards: [award('A', { 'Prior year': 2000 })],
    });
    expect(result.checks.map((check) => [check.scenario, check.check])).toEqual([
      ['Indicative', 'Award cap'], ['Confirmed', 'Award cap'],
    ]);
  });

  it('lists errors first, then warnings, then information, row problems before the runs', () => {
    const result = run({
      funds: [{ Fund: 'Grant', Income: 100, 'Award cap': 50 }],
      awards: [
        award('A', { 'Prior year': 100, Route: 'Contract' }),
        award('B', { 'Prior year': 100 }),
        award('C', { Fund: 'Nope', 'Prior year': 1 }),
      ],
      settings: [{ Setting: 'Tender threshold', Value: 10 }, { Setting: 'Financial year', Value: '2021/22' }],
    });
    expect(result.checks.map((check) => [check.severity, check.check, check.ref])).toEqual([
      ['error', 'Unknown fund', 'C'],
      ['warning', 'Tender threshold', 'A'],
      ['info', 'Fit', ''],
    ]);
  });

  it('is clean for a model that breaks nothing', () => {
    expect(run({ awards: [award('A', { 'Prior year': 100 })] }).checks).toEqual([]);
  });
});
