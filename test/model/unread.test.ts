import { allocation, amounts, award, checksNamed, ledger, run, type Workbook } from './support';

const VSG = 'Victim Services Grant';

/**
 * The case: seven Victim Services lines fitted with `scale`, four of which
 * cannot be read (a fund-name typo, rule FLATT, `tbc` in Prior year, a duplicate ref).
 */
function victimServices(fit = 'scale'): Workbook {
  return {
    funds: [{ Fund: VSG, Source: 'MoJ', Income: 1500000 }, { Fund: 'Youth Fund', Income: 1000 }],
    scenarios: [{ Scenario: 'Confirmed', Fund: VSG, Income: 1500000, Fit: fit }],
    awards: [
      award('VS-01', { Fund: VSG, 'Prior year': 210000 }),
      award('VS-02', { Fund: VSG, 'Prior year': 250000 }),
      award('VS-03', { Fund: VSG, 'Prior year': 142450 }),
      award('VS-04', { Fund: 'Victim Servces Grant', 'Prior year': 300000 }),
      award('VS-05', { Fund: VSG, Rule: 'FLATT', 'Prior year': 200000 }),
      award('VS-06', { Fund: VSG, 'Prior year': 'tbc' }),
      award('VS-01', { Fund: VSG, 'Prior year': 100000 }),
      award('Y-1', { Fund: 'Youth Fund', 'Prior year': 2000 }),
    ],
  };
}

describe('a fund with rows that cannot be read', () => {
  it('is not fitted: its readable lines keep their modelled amounts', () => {
    const result = run(victimServices());
    expect(allocation(result, 'VS-01').amount).toBe(210000);
    expect(amounts(result)).toMatchObject({ 'VS-02': 250000, 'VS-03': 142450, 'VS-04': 0, 'VS-05': 0, 'VS-06': 0 });
    expect(allocation(result, 'VS-02').notes).toBe('');
    expect(ledger(result, VSG)).toMatchObject({ awarded: 210000 + 250000 + 142450, headroom: 1500000 - 602450 });
    expect(checksNamed(result, 'Fit').filter((check) => check.fund === VSG)).toEqual([]);
  });

  it('says in an error check that the fit was not applied, naming the rows to mend', () => {
    const [check] = checksNamed(run(victimServices()), 'Fit not applied');
    expect(check).toEqual({
      severity: 'error', scenario: 'Confirmed', fund: VSG, ref: '', check: 'Fit not applied', table: 'Awards', row: 3,
      message: `${VSG}: the fit (scale) was not applied, so no line was scaled and the other lines keep their modelled ` +
        'amounts, because Awards rows 4, 5, 6 and 7 (VS-04, VS-05, VS-06, VS-01) could not be read. Mend them and run again.',
    });
  });

  it('is not scaled down either, and its floor check says by how much it is over', () => {
    const book = victimServices('scale-down');
    book.scenarios = [{ Scenario: 'Confirmed', Fund: VSG, Income: 500000 }];
    const result = run(book);
    expect(['VS-01', 'VS-02', 'VS-03'].map((ref) => allocation(result, ref).amount)).toEqual([210000, 250000, 142450]);
    expect(checksNamed(result, 'Fit not applied')).toHaveLength(1);
    expect(checksNamed(result, 'Floor')[0].message).toContain('over-committed by £102,450.00');
  });

  it('leaves the other funds fitted as before', () => {
    const result = run(victimServices());
    expect(allocation(result, 'Y-1')).toMatchObject({ amount: 1000, notes: 'scaled' });
  });

  it('holds up the fit of the fund whose own row cannot be read', () => {
    const result = run({
      funds: [{ Fund: 'Grant', Income: 'tbc' }],
      awards: [award('A', { 'Prior year': 500 })],
    });
    expect(allocation(result, 'A').amount).toBe(500);
    expect(checksNamed(result, 'Fit not applied')[0].message).toContain('because Funds row 1 could not be read. Mend it');
  });

  it('holds up the fit under a scenario whose row for the fund cannot be read', () => {
    const result = run({
      scenarios: [{ Scenario: 'Base', Fund: 'Grant', Income: 'about 90k' }, { Scenario: 'Other' }],
      awards: [award('A', { 'Prior year': 150000 })],
    });
    expect(amounts(result, 'Base')).toEqual({ A: 150000 });
    expect(amounts(result, 'Other')).toEqual({ A: 100000 });
    expect(checksNamed(result, 'Fit not applied').map((check) => check.scenario)).toEqual(['Base']);
  });

  it('says nothing more when the fit would have moved nothing', () => {
    const result = run({ awards: [award('A', { 'Prior year': 500 }), award('B', { Rule: 'NOPE' })] });
    expect(checksNamed(result, 'Fit not applied')).toEqual([]);
  });

  it.each([
    ['VS-04', 'left at £0.00: unknown fund (Fund)'],
    ['VS-05', 'left at £0.00: unknown rule (Rule)'],
    ['VS-06', 'left at £0.00: not a number (Prior year)'],
  ])('gives %s, left at 0, Notes that say why: %p', (ref, notes) => {
    expect(allocation(run(victimServices()), ref).notes).toBe(notes);
  });

  it('gives a duplicate ref left at 0 Notes that say why', () => {
    const rows = run(victimServices()).allocations.filter((row) => row.ref === 'VS-01');
    expect(rows.map((row) => row.notes)).toEqual(['', 'left at £0.00: duplicate ref (Ref)']);
  });
});

describe('suggestions for names that match nothing', () => {
  it.each([
    [{ Fund: 'Victim Servces Grant' }, 'Unknown fund', " Did you mean 'Victim Services Grant'?"],
    [{ Fund: 'Victim\u00a0Services Grant' }, 'Unknown fund', " It differs from 'Victim Services Grant' only by a non-breaking space."],
    [{ Fund: 'Victim  Services Grant' }, 'Unknown fund', " It differs from 'Victim Services Grant' only by spacing."],
    [{ Rule: 'FLATT' }, 'Unknown rule', " Did you mean 'FLAT'?"],
  ])('an award row %p says the nearest name', (fields, check, sentence) => {
    const result = run({ ...victimServices(), awards: [award('A', { Fund: VSG, 'Prior year': 1, ...fields })] });
    expect(checksNamed(result, check)[0].message.endsWith(sentence)).toBe(true);
  });

  it('a scenario row names the nearest fund and fit', () => {
    const result = run({ scenarios: [{ Scenario: 'Base', Fund: 'Grnt', Income: 1 }, { Scenario: 'Other', Fit: 'scale_dwn' }] });
    expect(checksNamed(result, 'Unknown fund')[0].message).toContain("Did you mean 'Grant'?");
    expect(checksNamed(result, 'Unknown fit')[0].message).toContain("Did you mean 'scale-down'?");
  });

  it('an unknown scenario asked for names the nearest', () => {
    expect(() => run({ scenarios: [{ Scenario: 'Indicative' }, { Scenario: 'Confirmed' }] }, { scenarios: ['Confirmd'] }))
      .toThrow("Unknown scenario 'Confirmd'. The workbook's scenarios are: Indicative, Confirmed. Did you mean 'Confirmed'?");
  });
});
