/** Comparing two scenarios award by award, with fund totals. */
import type { Model } from './inputs';
import type { ScenarioOutcome } from './outcome';
import { toPounds } from './pence';
import type { Comparison, ComparisonRow } from './types';

/** Amounts in pence; variance is second minus first, and that as a fraction of the first (null when it is 0). */
function compared(ref: string, recipient: string, fund: string, first: number, second: number): ComparisonRow {
  const variance = second - first;
  return {
    ref,
    recipient,
    fund,
    first: toPounds(first),
    second: toPounds(second),
    variance: toPounds(variance),
    variancePct: first === 0 ? null : variance / first,
  };
}

/**
 * Every award under two scenarios, in award order, and one total per fund in `Funds`
 * order (awards of unknown funds, always 0, are in no total).
 */
export function compareScenarios(model: Model, first: ScenarioOutcome, second: ScenarioOutcome): Comparison {
  const position = new Map(model.funds.map((fund, f) => [fund.name, f]));
  const firstTotals = new Float64Array(model.funds.length);
  const secondTotals = new Float64Array(model.funds.length);
  const rows = model.awards.map((award, i) => {
    const a = first.amounts[i];
    const b = second.amounts[i];
    const f = position.get(award.fund);
    if (f !== undefined) {
      firstTotals[f] += a;
      secondTotals[f] += b;
    }
    return compared(award.ref, award.recipient, award.fund, a, b);
  });
  const fundTotals = model.funds.map((fund, f) => compared('', 'Total', fund.name, firstTotals[f], secondTotals[f]));
  return { first: first.scenario.name, second: second.scenario.name, rows, fundTotals };
}
