import { summariseChecks, type Check } from '../../src/engine/model';
import { award, run } from './support';

const fence: Check = { severity: 'error', scenario: 'A', fund: 'Grant', ref: 'R1', check: 'Ring fence', message: 'R1: outside', table: 'Awards', row: 0, column: 'Purpose' };

describe('summariseChecks', () => {
  it('counts a check the same in every scenario once, "in all scenarios"', () => {
    const summary = summariseChecks([fence, { ...fence, scenario: 'B' }], ['A', 'B']);
    expect(summary.counts).toEqual({ error: 1, warning: 0, info: 0 });
    expect(summary.checks).toEqual([{ ...fence, scenario: '', inAllScenarios: true }]);
  });

  it('keeps a check of some scenarios only, once per scenario', () => {
    const summary = summariseChecks([fence, { ...fence, scenario: 'B' }], ['A', 'B', 'C']);
    expect(summary.counts.error).toBe(2);
    expect(summary.checks.map((check) => [check.scenario, check.inAllScenarios])).toEqual([['A', false], ['B', false]]);
  });

  it('keeps checks whose messages differ between scenarios apart', () => {
    const summary = summariseChecks([fence, { ...fence, scenario: 'B', message: 'R1: outside by more' }], ['A', 'B']);
    expect(summary.counts.error).toBe(2);
  });

  it('leaves a run of one scenario, and row problems, as they are', () => {
    expect(summariseChecks([fence], ['A']).checks).toEqual([{ ...fence, inAllScenarios: false }]);
    const row = { ...fence, scenario: '' };
    expect(summariseChecks([row], ['A', 'B']).counts.error).toBe(1);
  });

  it('counts the issue\'s "4 warnings" as the 2 they were', () => {
    const result = run({
      scenarios: [{ Scenario: 'Indicative' }, { Scenario: 'Confirmed' }],
      awards: [
        award('C1', { Route: 'Contract', 'Prior year': 60000 }),
        award('C2', { Route: 'Single tender action', 'Prior year': 55000 }),
      ],
      funds: [{ Fund: 'Grant', Income: 500000 }],
    });
    expect(result.checks.filter((check) => check.severity === 'warning')).toHaveLength(4);
    const summary = summariseChecks(result.checks, result.scenariosRun);
    expect(summary.counts.warning).toBe(2);
    expect(summary.checks.every((check) => check.inAllScenarios)).toBe(true);
  });
});
