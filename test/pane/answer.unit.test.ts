import fc from 'fast-check';
import { generateModel, readModel, runModel, sampleModel } from '../../src/engine/model';
import type { TableData } from '../../src/engine/sheet';
import { answerOf } from '../../src/taskpane/answer';

const run = (tables: TableData[]) => {
  const byName = Object.fromEntries(tables.map((t) => [t.name, t]));
  const model = readModel(byName, '2021-03-01');
  return runModel(model, { stamp: 's', today: '2021-03-01' });
};

const pence = (pounds: number): number => Math.round(pounds * 100);

describe('the answer at the top of the pane', () => {
  it('reads each fund’s awarded and left off the ledger of the second scenario compared', () => {
    const result = run(sampleModel());
    const answer = answerOf(result);
    expect(answer.scenario).toBe(result.comparison?.second);
    for (const fund of answer.funds) {
      const row = result.ledger.find((r) => r.scenario === answer.scenario && r.fund === fund.fund);
      expect([fund.awarded, fund.left]).toEqual([row?.awarded, row?.headroom]);
    }
  });

  it('makes available exactly awarded plus left, and the all-funds change exactly the funds’ changes, in pence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), (awards) => {
        const answer = answerOf(run(generateModel(awards)));
        for (const fund of answer.funds) expect(pence(fund.available)).toBe(pence(fund.awarded) + pence(fund.left));
        const comparison = answer.comparison;
        expect(comparison).not.toBeNull();
        if (comparison === null) return;
        expect(pence(comparison.total.variance)).toBe(comparison.funds.reduce((sum, c) => sum + pence(c.variance), 0));
        const increases = answer.increases.map((r) => r.variance);
        const cuts = answer.cuts.map((r) => r.variance);
        expect(increases).toEqual([...increases].sort((a, b) => b - a));
        expect(cuts).toEqual([...cuts].sort((a, b) => a - b));
        expect([...increases, ...cuts].every((v) => v !== 0)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('narrows to one fund: its money, its changes, its checks', () => {
    const result = run(sampleModel());
    const answer = answerOf(result, 'Victim Services Grant');
    expect(answer.funds.map((f) => f.fund)).toEqual(['Victim Services Grant']);
    expect(answer.comparison?.funds.map((c) => c.label)).toEqual(['Victim Services Grant']);
    expect([...answer.increases, ...answer.cuts].every((r) => r.fund === 'Victim Services Grant')).toBe(true);
  });
});

describe('the calendar in the answer', () => {
  it('lists the next events from today, in date order, for the fund shown', () => {
    const result = run(sampleModel());
    const all = answerOf(result, '', 3, '2021-06-15').upcoming;
    expect(all).toHaveLength(5);
    expect(all.every((event) => event.date >= '2021-06-15')).toBe(true);
    expect(all.map((event) => event.date)).toEqual([...all.map((event) => event.date)].sort());
    const fund = all[0].fund;
    const inFund = answerOf(result, fund, 3, '2021-06-15').upcoming;
    expect(inFund.length).toBeGreaterThan(0);
    expect(inFund.every((event) => event.fund === fund)).toBe(true);
  });

  it('lists none without a date to count from', () => {
    expect(answerOf(run(sampleModel())).upcoming).toEqual([]);
  });
});
