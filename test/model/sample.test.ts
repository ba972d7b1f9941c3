import {
  findScenarioIncomeRow, outputSheets, readModel, runModel, SAMPLE_GRANT, sampleModel, scenarioNames, type ModelResult,
} from '../../src/engine/model';
import { allocation, pence, STAMP, sumPence, TODAY } from './support';

const tables = () => Object.fromEntries(sampleModel().map((table) => [table.name, table]));
const sample = () => readModel(tables(), TODAY);
const runSample = (): ModelResult => runModel(sample(), { stamp: STAMP, today: TODAY });

describe('the sample model', () => {
  it('holds the seven input tables, each on a sheet of its name', () => {
    expect(sampleModel().map((table) => [table.name, table.sheet])).toEqual([
      ['Settings', 'Settings'], ['Funds', 'Funds'], ['Awards', 'Awards'], ['Scenarios', 'Scenarios'], ['Envelopes', 'Envelopes'],
      ['Monitoring', 'Monitoring'], ['Procurement', 'Procurement'],
    ]);
    for (const table of sampleModel()) for (const row of table.rows) expect(row).toHaveLength(table.headers.length);
  });

  it('says it is illustrative, and models 2021/22 for an illustrative funder', () => {
    const { settings } = sample();
    expect(settings.financialYear).toBe('2021/22');
    expect(settings.funderName).toContain('illustrative');
    expect(settings.funderIdentifier).toBe('');
    expect(settings).toMatchObject({
      giving360Prefix: '360G-cambspcc', decisionDate: { year: 2021, month: 2, day: 10 },
      policeForceArea: 'Cambridgeshire', policeForceAreaCode: 'E23000023', appendixAmounts: 'pence',
    });
    expect(String(settings.values.Note)).toMatch(/^Illustrative/);
  });

  it('reads without a single row problem', () => {
    expect(sample().rowChecks).toEqual([]);
  });

  it('has the reports\' funds, scenarios and envelopes', () => {
    const model = sample();
    expect(model.funds.map((fund) => fund.name)).toEqual([
      'Victim Services Grant', 'Crime and Disorder Reduction Fund', 'Casualty Reduction and Support Reserve', 'Youth and Community Fund',
    ]);
    expect(model.funds[3]).toMatchObject({ income: 103096, awardCap: 3000 });
    expect(scenarioNames(model)).toEqual(['Indicative', 'Confirmed']);
    expect(model.envelopes.map((envelope) => envelope.priority)).toEqual(['Victims', 'Community safety', 'Reducing reoffending']);
    expect(model.awards.filter((award) => award.recipientIdentifier.startsWith('GB-CHC-')).length).toBeGreaterThan(2);
  });

  it('runs with a few real checks: warnings and the Confirmed re-fit, no errors', () => {
    const result = runSample();
    const count = (severity: string) => result.checks.filter((check) => check.severity === severity).length;
    expect(count('error')).toBe(0);
    expect(count('warning')).toBeGreaterThanOrEqual(1);
    expect(result.checks.filter((check) => check.severity === 'info').map((check) => [check.scenario, check.fund, check.message])).toEqual([
      ['Confirmed', 'Victim Services Grant', 'Victim Services Grant: 7 lines scaled by 1.0540 (fit scale) so that they total £632,400.00; locked and top-sliced lines kept.'],
    ]);
    // The Procurement table takes the tender threshold's place.
    expect(result.checks.map((check) => check.check)).toEqual(expect.arrayContaining(['Procurement band', 'Contract ends', 'Envelope']));
    expect(result.checks.map((check) => check.check)).not.toContain('Tender threshold');
  });

  it('re-fits the Victim Services awards to the confirmed grant to the penny, locked lines untouched', () => {
    const result = runSample();
    const model = sample();
    const vsg = model.awards.filter((award) => award.fund === SAMPLE_GRANT.fund);
    const confirmed = vsg.map((award) => allocation(result, award.ref, 'Confirmed').amount);
    expect(sumPence(confirmed)).toBe(pence(SAMPLE_GRANT.confirmed));
    const indicative = vsg.map((award) => allocation(result, award.ref, 'Indicative').amount);
    expect(sumPence(indicative)).toBe(pence(SAMPLE_GRANT.indicative));
    const locked = vsg.filter((award) => award.locked);
    expect(locked.length).toBeGreaterThan(0);
    for (const award of locked) {
      expect(allocation(result, award.ref, 'Confirmed').amount).toBe(allocation(result, award.ref, 'Indicative').amount);
    }
    const ledger = result.ledger.find((row) => row.scenario === 'Confirmed' && row.fund === SAMPLE_GRANT.fund);
    expect(ledger).toMatchObject({ income: SAMPLE_GRANT.confirmed, awarded: SAMPLE_GRANT.confirmed, headroom: 0 });
  });

  it('splits the Casualty Reduction reserve across the three forces by NRE, to the penny', () => {
    const result = runSample();
    const shares = ['CR-01', 'CR-02', 'CR-03'].map((ref) => allocation(result, ref));
    expect(shares.map((row) => row.recipient)).toEqual(['Bedfordshire Police', 'Cambridgeshire Constabulary', 'Hertfordshire Constabulary']);
    expect(sumPence(shares.map((row) => row.amount))).toBe(pence(360000));
  });

  it('top-slices a third of the Crime and Disorder Reduction Fund and keeps the Commissioner\'s reserve', () => {
    const result = runSample();
    const slices = ['CD-01', 'CD-02', 'CD-03'].map((ref) => allocation(result, ref).amount);
    expect(sumPence(slices)).toBe(pence(179982));
    const ledger = result.ledger.find((row) => row.fund === 'Crime and Disorder Reduction Fund');
    expect(ledger?.floor).toBe(40000);
    expect(ledger?.headroom).toBeGreaterThan(0);
    expect(allocation(result, 'CD-05')).toMatchObject({ priorYear: 35000, amount: 33215 });
  });

  it('commits the violence reduction award for three years and the October award across two', () => {
    const result = runSample();
    const years = Object.fromEntries(result.commitments.map((row) => [row.ref, row.years]));
    expect(years['CD-10']).toEqual([35000, 35000, 35000]);
    expect(years['CD-11']).toEqual([12000, 0, 0]);
    expect(years['VS-08'][1]).toBe(years['VS-08'][0]);
    expect(years['VS-08'][2]).toBe(0);
  });

  it('builds Appendix 1 for the Victim Services Grant', () => {
    const result = runSample();
    expect(result.appendices.map((appendix) => appendix.title)).toEqual([
      'Appendix 1: Victim Services Grant awards 2021/22 (Confirmed)',
      'Appendix 2: Crime and Disorder Reduction Fund awards 2021/22 (Confirmed)',
      'Appendix 3: Youth and Community Fund awards 2021/22 (Confirmed)',
    ]);
    expect(result.appendices[0].total).toMatchObject({ proposed: SAMPLE_GRANT.confirmed });
    expect(outputSheets(result).map((sheet) => sheet.sheet)).toContain('Appendix 1');
  });

  it('tells the task pane where the confirmed grant goes', () => {
    expect(findScenarioIncomeRow(sample(), 'Confirmed', SAMPLE_GRANT.fund)).toBe(1);
  });

  it('is a fresh copy each time', () => {
    const first = sampleModel();
    first[0].rows[0][1] = 'changed';
    expect(sampleModel()[0].rows[0][1]).toBe('2021/22');
  });
});
