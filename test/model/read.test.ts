import {
  findScenarioIncomeRow, INPUT_TABLES, ModelInputError, readModel, runModel, scenarioNames,
} from '../../src/engine/model';
import {
  AWARD_HEADERS, FUND_HEADERS, SCENARIO_HEADERS, TODAY, STAMP, allocation, award, checksNamed, model, run, table, tables,
  type Row,
} from './support';

function structuralError(action: () => unknown): ModelInputError {
  try {
    action();
  } catch (error) {
    if (error instanceof ModelInputError) return error;
    throw error;
  }
  throw new Error('expected a ModelInputError');
}

describe('readModel', () => {
  describe('tables and columns', () => {
    it('asks workbooks for the five input tables', () => {
      expect(INPUT_TABLES).toEqual(['Funds', 'Awards', 'Scenarios', 'Settings', 'Envelopes', 'Monitoring', 'Procurement']);
    });

    it.each(['Funds', 'Awards', 'Scenarios'])('stops when the required table %s is missing, naming it', (name) => {
      const input = tables();
      delete input[name];
      const error = structuralError(() => readModel(input, TODAY));
      expect(error.table).toBe(name);
      expect(error.message).toContain(`'${name}'`);
    });

    it.each([
      ['Funds', 'Award cap'],
      ['Awards', 'Prior year'],
      ['Awards', 'Locked'],
      ['Scenarios', 'Fit'],
    ])('stops when table %s lacks column %s, naming sheet, table and column', (name, column) => {
      const input = tables();
      const source = input[name];
      input[name] = { ...source, sheet: `${name} sheet`, headers: source.headers.filter((header) => header !== column) };
      const error = structuralError(() => readModel(input, TODAY));
      expect(error.message).toBe(`Table '${name}' (sheet '${name} sheet') has no column '${column}'.`);
      expect([error.table, error.sheet, error.column]).toEqual([name, `${name} sheet`, column]);
    });

    it('says when a header differs only in case', () => {
      const input = tables();
      input.Awards = { ...input.Awards, headers: input.Awards.headers.map((header) => (header === 'Prior year' ? 'Prior Year' : header)) };
      expect(() => readModel(input, TODAY)).toThrow(
        "Table 'Awards' (sheet 'Awards') has no column 'Prior year'. It has 'Prior Year', which differs from 'Prior year' only by case: header text must match exactly.",
      );
    });

    it.each(['Settings', 'Envelopes'])('stops when the optional table %s is there without its columns', (name) => {
      const input = tables({ envelopes: [] });
      input[name] = { ...input[name], headers: ['Something else'] };
      expect(structuralError(() => readModel(input, TODAY)).table).toBe(name);
    });

    it('reads the optional tables as absent when they are', () => {
      const read = model({ settings: null, envelopes: null });
      expect(read.envelopes).toEqual([]);
      expect(read.settings.tenderThreshold).toBe(50000);
    });

    it('takes columns in any order, trims headers and keeps going past extra columns and tables', () => {
      const headers = ['Comment', ...[...AWARD_HEADERS].reverse()];
      const awards = table('Awards', headers, [{ Comment: 'kept', Ref: 'A1', Recipient: 'Refuge', Fund: 'Grant', Rule: 'fixed', Value: 1200 }]);
      awards.headers = awards.headers.map((header) => ` ${header} `);
      const input = { ...tables(), Awards: awards, Other: table('Other', ['a'], [{ a: 1 }]) };
      const result = runModel(readModel(input, TODAY), { stamp: STAMP, today: TODAY });
      expect(allocation(result, 'A1')).toMatchObject({ recipient: 'Refuge', amount: 1200 });
    });

    it('finds tables whose names differ only in case', () => {
      const input = tables();
      const funds = input.Funds;
      delete input.Funds;
      input.funds = { ...funds, name: 'funds' };
      expect(readModel(input, TODAY).funds.map((fund) => fund.name)).toEqual(['Grant']);
    });

    it('stops when the Scenarios table has no scenario', () => {
      const error = structuralError(() => model({ scenarios: [] }));
      expect([error.table, error.column]).toEqual(['Scenarios', 'Scenario']);
    });

    it('skips wholly blank rows', () => {
      const read = model({ awards: [award('A1', { 'Prior year': 1 }), { Ref: '  ', Fund: null }, award('A2', { 'Prior year': 2 })] });
      expect(read.awards.map((row) => [row.ref, row.row])).toEqual([['A1', 0], ['A2', 2]]);
      expect(read.rowChecks).toEqual([]);
    });
  });

  describe('cells', () => {
    it.each([
      [1234.5, 1234.5],
      ['1234.50', 1234.5],
      ['1,234.50', 1234.5],
      ['£1,234.50', 1234.5],
      [' £ 1,234.50 ', 1234.5],
      ['(250)', -250],
      ['-£250', -250],
      [1234.567, 1234.57],
      [1234.565, 1234.57],
      ['2.345', 2.35],
    ])('reads the amount %p as £%p (to the penny, half away from zero)', (cell, expected) => {
      expect(model({ awards: [award('A1', { 'Prior year': cell })] }).awards[0].priorYear).toBe(expected);
    });

    it.each([
      [-0.051, -0.051],
      ['-5.1%', -0.051],
      ['5.1 %', 0.051],
      ['0.0333', 0.0333],
    ])('reads the value %p as %p, unrounded', (cell, expected) => {
      expect(model({ awards: [award('A1', { Rule: 'CHANGE', 'Prior year': 100, Value: cell })] }).awards[0].value).toBe(expected);
    });

    it.each([
      [44470, '2021-10-01'],
      [44470.75, '2021-10-01'],
      ['44470', '2021-10-01'],
      ['2021-10-01', '2021-10-01'],
      ['2021-10-01T00:00:00.000Z', '2021-10-01'],
    ])('reads the date %p as %s', (cell, iso) => {
      const [year, month, day] = iso.split('-').map(Number);
      expect(model({ awards: [award('A1', { 'Prior year': 1, Start: cell })] }).awards[0].start).toEqual({ year, month, day });
    });

    it.each([
      [true, true], [1, true], ['Y', true], ['yes', true], ['YES', true], ['TRUE', true],
      [false, false], [0, false], ['N', false], ['no', false], [null, false], ['', false],
    ])('reads Locked %p as %p', (cell, locked) => {
      const read = model({ awards: [award('A1', { 'Prior year': 1, Locked: cell })] });
      expect(read.awards[0].locked).toBe(locked);
      expect(read.rowChecks).toEqual([]);
    });

    it('warns about a Locked it cannot read, treating the award as not locked', () => {
      const read = model({ awards: [award('A1', { 'Prior year': 1, Locked: 'maybe' })] });
      expect(read.awards[0]).toMatchObject({ locked: false, zeroed: false });
      expect(read.rowChecks).toEqual([expect.objectContaining({ severity: 'warning', check: 'Locked', ref: 'A1', column: 'Locked' })]);
    });

    it('matches rules, funds and the recipient identifier column loosely where a finance user would', () => {
      const input = tables({ awards: [award('A1', { Rule: ' flat ', Fund: 'grant', 'Prior year': 10 })] });
      input.Awards.headers.push('Recipient identifier');
      input.Awards.rows[0].push('GB-CHC-1234567');
      const read = readModel(input, TODAY);
      expect(read.awards[0]).toMatchObject({ rule: 'FLAT', fund: 'Grant', recipientIdentifier: 'GB-CHC-1234567' });
    });
  });

  describe('row problems', () => {
    it.each([
      ['an unknown fund', { Fund: 'Victim Servces' }, 'Unknown fund', 'Fund', "fund 'Victim Servces' is not in the Funds table"],
      ['a blank fund', { Fund: null }, 'Unknown fund', 'Fund', 'Fund is blank'],
      ['an unknown rule', { Rule: 'FLATT' }, 'Unknown rule', 'Rule', "rule 'FLATT' is not one of"],
      ['a blank rule', { Rule: null }, 'Unknown rule', 'Rule', 'Rule is blank'],
      ['text in Prior year', { 'Prior year': 'abc' }, 'Not a number', 'Prior year', "Prior year holds 'abc', which is not a number"],
      ['a missing prior year for FLAT', { 'Prior year': null }, 'Missing value', 'Prior year', 'Prior year is blank but rule FLAT needs it'],
      ['a missing value for CHANGE', { Rule: 'CHANGE', Value: null }, 'Missing value', 'Value', 'Value is blank but rule CHANGE needs it'],
      ['a missing value for FIXED', { Rule: 'FIXED' }, 'Missing value', 'Value', 'rule FIXED needs it'],
      ['text in Value', { Rule: 'FIXED', Value: 'lots' }, 'Not a number', 'Value', "Value holds 'lots'"],
      ['a top-slice above 1', { Rule: 'TOPSLICE', Value: 33 }, 'Bad value', 'Value', 'not a fraction between 0 and 1'],
      ['a negative weight', { Rule: 'SHARE', Value: -1 }, 'Bad value', 'Value', 'negative weight'],
      ['a negative FIXED amount', { Rule: 'FIXED', Value: -5 }, 'Bad value', 'Value', 'is negative'],
      ['a cut of more than 100%', { Rule: 'CHANGE', Value: -1.5 }, 'Bad value', 'Value', 'more than 100%'],
      ['a bad start date', { Start: '31/02/2021' }, 'Bad date', 'Start', "Start holds '31/02/2021', which is not a date"],
      ['an impossible date', { End: '2021-02-30' }, 'Bad date', 'End', 'not a date'],
      ['an end before its start', { Start: '2021-06-01', End: '2021-05-31' }, 'Bad date', 'End', 'End 2021-05-31 is before Start 2021-06-01'],
    ])('reports %s as an error naming ref and column, and leaves the award at 0', (_, fields, check, column, text) => {
      const book = { awards: [award('A0', { 'Prior year': 500 }), award('A1', { 'Prior year': 1000, ...fields })] };
      const read = model(book);
      expect(read.rowChecks).toEqual([
        expect.objectContaining({ severity: 'error', scenario: '', ref: 'A1', check, column, table: 'Awards', row: 1 }),
      ]);
      expect(read.rowChecks[0].message).toContain(text);
      expect(read.rowChecks[0].message).toContain('A1');
      expect(read.rowChecks[0].message).toContain('left at £0.00');
      const result = run(book);
      expect(allocation(result, 'A1').amount).toBe(0);
      expect(allocation(result, 'A0').amount).toBe(500);
      expect(result.checks).toContainEqual(read.rowChecks[0]);
    });

    it('reports a duplicate ref (case-blind) on the later row, which is left at 0', () => {
      const read = model({ awards: [award('CD-01', { 'Prior year': 10 }), award('cd-01', { 'Prior year': 20 })] });
      expect(read.rowChecks).toEqual([expect.objectContaining({ check: 'Duplicate ref', ref: 'cd-01', row: 1, column: 'Ref' })]);
      expect(read.awards.map((row) => row.zeroed)).toEqual([false, true]);
    });

    it('reports a row without a ref by its row number', () => {
      const read = model({ awards: [award('', { 'Prior year': 10 })] });
      expect(read.rowChecks[0]).toMatchObject({ check: 'Missing value', column: 'Ref', row: 0 });
      expect(read.rowChecks[0].message).toBe('Row 1 of the Awards table has no Ref; the award is left at £0.00.');
    });

    it('lists every problem of a row', () => {
      const read = model({ awards: [award('A1', { Fund: 'Nope', Rule: 'Nope', 'Prior year': 'x' })] });
      expect(read.rowChecks.map((check) => check.column)).toEqual(['Fund', 'Rule', 'Prior year']);
    });

    it.each([
      ['a duplicate fund', [{ Fund: 'Grant', Income: 1 }, { Fund: 'grant', Income: 2 }], 'Duplicate fund', 'Fund'],
      ['a fund without a name', [{ Fund: 'Grant', Income: 1 }, { Fund: null, Income: 2 }], 'Missing value', 'Fund'],
      ['text in Income', [{ Fund: 'Grant', Income: 'a lot' }], 'Not a number', 'Income'],
      ['a fractional appendix', [{ Fund: 'Grant', Income: 1, Appendix: 1.5 }], 'Not a number', 'Appendix'],
    ])('reports %s in the Funds table', (_, funds, check, column) => {
      const read = model({ funds });
      expect(read.rowChecks).toEqual([expect.objectContaining({ severity: 'error', table: 'Funds', check, column })]);
      expect(read.funds.map((fund) => fund.name)).toEqual(['Grant']);
    });

    it.each([
      ['an unknown fund', { Scenario: 'Base', Fund: 'Nope', Income: 1 }, 'Unknown fund', 'Fund'],
      ['text as income', { Scenario: 'Base', Fund: 'Grant', Income: 'tbc' }, 'Not a number', 'Income'],
      ['an unknown fit', { Scenario: 'Base', Fit: 'squeeze' }, 'Unknown fit', 'Fit'],
      ['a row without a scenario', { Scenario: null, Fund: 'Grant', Income: 1 }, 'Missing value', 'Scenario'],
    ])('reports %s in the Scenarios table', (_, row, check, column) => {
      const read = model({ scenarios: [{ Scenario: 'Base' }, row] });
      expect(read.rowChecks).toEqual([expect.objectContaining({ severity: 'error', table: 'Scenarios', check, column, row: 1 })]);
    });

    it('reports a bad financial year and threshold, using the defaults', () => {
      const read = model({ settings: [{ Setting: 'Financial year', Value: 'next year' }, { Setting: 'Tender threshold', Value: 'fifty' }] });
      expect(read.rowChecks.map((check) => [check.table, check.row, check.check])).toEqual([
        ['Settings', 0, 'Bad setting'], ['Settings', 1, 'Bad setting'],
      ]);
      expect([read.settings.financialYear, read.settings.tenderThreshold]).toEqual(['2021/22', 50000]);
    });

    it('reports envelopes it cannot use', () => {
      const read = model({ envelopes: [{ Priority: 'Victims', Budget: 'tbc' }, { Priority: null, Budget: 1 }, { Priority: 'A', Budget: 1 }, { Priority: 'a', Budget: 2 }] });
      expect(read.rowChecks.map((check) => check.check)).toEqual(['Not a number', 'Missing value', 'Duplicate priority']);
      expect(read.envelopes).toEqual([{ priority: 'A', budget: 1, row: 2 }]);
    });
  });

  describe('settings', () => {
    it.each([
      ['2021/22', 2021, '2021/22'],
      ['2021-22', 2021, '2021/22'],
      [2023, 2023, '2023/24'],
    ])('reads the financial year %p', (cell, startYear, label) => {
      const read = model({ settings: [{ Setting: 'Financial year', Value: cell }] });
      expect(read.settings).toMatchObject({ startYear, financialYear: label });
    });

    it.each([
      ['2021-01-15', '2021/22'],
      ['2021-03-31', '2021/22'],
      ['2021-04-01', '2022/23'],
    ])('defaults the financial year to the one after today (%s: %s)', (today, label) => {
      expect(readModel(tables({ settings: null }), today).settings.financialYear).toBe(label);
    });

    it('reads the funder and keeps every setting, names matched case-blind', () => {
      const read = model({
        settings: [
          { Setting: 'financial YEAR', Value: '2021/22' },
          { Setting: 'Tender threshold', Value: '£25,000' },
          { Setting: 'Funder name', Value: ' Office of the PCC ' },
          { Setting: 'Funder identifier', Value: 'GB-GOR-PC000000' },
          { Setting: 'Note', Value: 'Illustrative' },
        ],
      });
      expect(read.settings).toMatchObject({
        tenderThreshold: 25000, funderName: 'Office of the PCC', funderIdentifier: 'GB-GOR-PC000000',
      });
      expect(read.settings.values.Note).toBe('Illustrative');
    });

    it('reads the publishing settings: prefix, decision date (ISO text or an Excel date), police force area', () => {
      const read = model({
        settings: [
          { Setting: '360Giving prefix', Value: '360G-cambspcc' },
          { Setting: 'Decision date', Value: 44237 },
          { Setting: 'Police force area', Value: 'Cambridgeshire' },
          { Setting: 'Police force area code', Value: 'E23000023' },
          { Setting: 'Appendix amounts', Value: 'POUNDS' },
        ],
      });
      expect(read.settings).toMatchObject({
        giving360Prefix: '360G-cambspcc', decisionDate: { year: 2021, month: 2, day: 10 },
        policeForceArea: 'Cambridgeshire', policeForceAreaCode: 'E23000023', appendixAmounts: 'pounds', funderIdentifier: '',
      });
      expect(model({ settings: [] }).settings).toMatchObject({ giving360Prefix: '', decisionDate: null, appendixAmounts: 'pence' });
    });

    it('reports a decision date it cannot read, naming the Settings row', () => {
      const read = model({ settings: [{ Setting: 'Decision date', Value: 'last Tuesday' }] });
      expect(read.settings.decisionDate).toBeNull();
      expect(read.rowChecks).toContainEqual(expect.objectContaining({
        severity: 'error', check: 'Bad setting', table: 'Settings', row: 0, column: 'Value',
        message: "Decision date 'last Tuesday' is not a date (use an Excel date or ISO text such as 2021-02-10); it is ignored.",
      }));
    });
  });

  describe('scenarios', () => {
    const scenarios: Row[] = [
      { Scenario: 'Indicative', Fund: 'Grant', Income: 100000, Fit: 'scale-down' },
      { Scenario: 'Confirmed', Fund: 'Grant', Income: 103000, Fit: 'Scale' },
      { Scenario: 'Confirmed', Fit: 'none' },
      { Scenario: 'Flat', Fund: 'Grant' },
    ];

    it('keeps scenarios in the order they first appear, names unique', () => {
      expect(scenarioNames(model({ scenarios }))).toEqual(['Indicative', 'Confirmed', 'Flat']);
    });

    it('reads per-fund income and fit, and the scenario-wide fit from a row without a fund', () => {
      const read = model({ scenarios });
      expect(read.scenarios.map((scenario) => [scenario.name, scenario.fit, scenario.funds.map((f) => [f.fund, f.income, f.fit])])).toEqual([
        ['Indicative', 'scale-down', [['Grant', 100000, 'scale-down']]],
        ['Confirmed', 'none', [['Grant', 103000, 'scale']]],
        ['Flat', 'scale-down', [['Grant', null, null]]],
      ]);
    });

    it.each([
      ['scale-down', 'scale-down'], ['Scale down', 'scale-down'], ['SCALE_DOWN', 'scale-down'], ['scaledown', 'scale-down'],
      [' Scale ', 'scale'], ['NONE', 'none'], [null, 'scale-down'],
    ])('reads the fit %p as %s', (cell, fit) => {
      expect(model({ scenarios: [{ Scenario: 'Base', Fit: cell }] }).scenarios[0].fit).toBe(fit);
    });

    it('finds the Scenarios row holding a scenario income for a fund, for the task pane', () => {
      const read = model({ scenarios });
      expect(findScenarioIncomeRow(read, 'Confirmed', 'Grant')).toBe(1);
      expect(findScenarioIncomeRow(read, ' confirmed ', 'GRANT')).toBe(1);
      expect(findScenarioIncomeRow(read, 'Confirmed', 'Other')).toBeNull();
      expect(findScenarioIncomeRow(read, 'Nope', 'Grant')).toBeNull();
    });
  });

  it('reads the funds table', () => {
    const read = model({
      funds: [{
        Fund: 'Casualty Reduction and Support Reserve', Source: 'Camera unit', 'Opening balance': '£450,000', Income: null,
        'Allowed purposes': ' Road casualty prevention, Road safety education ', Floor: 5000, 'Award cap': 3000, Appendix: 2,
      }],
    });
    expect(read.funds).toEqual([{
      name: 'Casualty Reduction and Support Reserve', source: 'Camera unit', openingBalance: 450000, income: 0,
      allowedPurposes: ['Road casualty prevention', 'Road safety education'], floor: 5000, awardCap: 3000, appendix: 2, row: 0,
    }]);
  });

  it('uses the tables given, whatever their sheets', () => {
    const input = tables();
    input.Funds = table('Funds', FUND_HEADERS, [{ Fund: 'Grant', Income: 10 }], 'Money');
    input.Scenarios = table('Scenarios', SCENARIO_HEADERS, [{ Scenario: 'Only' }], 'What if');
    expect(scenarioNames(readModel(input, TODAY))).toEqual(['Only']);
    expect(checksNamed(readModel(input, TODAY), 'Unknown fund')).toEqual([]);
  });
});

describe('dates in cells', () => {
  it.each(['2021-10-01Tgarbage', '2021-10-01T25:00:00Z', '2021-10-01T12:00:00+0100x', '2021-10-01 extra'])(
    'finds %p not a date: a row problem, the award left at 0',
    (cell) => {
      const read = model({ awards: [award('A1', { 'Prior year': 1, Start: cell })] });
      expect(read.rowChecks).toEqual([expect.objectContaining({ check: 'Bad date', column: 'Start', ref: 'A1' })]);
    },
  );
});
