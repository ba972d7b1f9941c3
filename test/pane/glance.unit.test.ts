import fc from 'fast-check';
import { generateModel, readModel, runModel } from '../../src/engine/model';
import type { TableData } from '../../src/engine/sheet';
import { glanceOf } from '../../src/taskpane/glance';

const run = (tables: TableData[]) => {
  const byName = Object.fromEntries(tables.map((t) => [t.name, t]));
  return runModel(readModel(byName, '2021-03-01'), { stamp: 's', today: '2021-03-01' });
};

describe('the glance of indicative against confirmed', () => {
  it('counts a fund’s lines scaled out of that fund’s lines, and all funds’ out of all lines, of the second scenario', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), (awards) => {
        const result = run(generateModel(awards));
        const second = result.allocations.filter((row) => row.scenario === result.comparison?.second);
        for (const fund of new Set(second.map((row) => row.fund))) {
          const glance = glanceOf(result, fund);
          const mine = second.filter((row) => row.fund === fund);
          expect(glance.fund?.lines).toBe(mine.length);
          expect(glance.fund?.linesScaled).toBe(mine.filter((row) => row.notes.split('; ').includes('scaled')).length);
          expect(glance.allFunds.lines).toBe(second.length);
          expect(glance.fund?.linesScaled ?? 0).toBeLessThanOrEqual(glance.allFunds.linesScaled);
          expect(glance.allFunds.linesScaled).toBeLessThanOrEqual(glance.allFunds.lines);
        }
      }),
      { numRuns: 25 },
    );
  });
});
