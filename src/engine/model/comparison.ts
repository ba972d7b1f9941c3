/** Comparing two scenarios award by award, with fund totals. */
import type { Decimal } from 'decimal.js';
import { D, toNumber } from '../money';
import type { Model } from './inputs';
import type { ScenarioOutcome } from './outcome';
import type { Comparison, ComparisonRow } from './types';

/** Second minus first, and that as a fraction of the first (null when the first is 0). */
function compared(ref: string, recipient: string, fund: string, first: Decimal, second: Decimal): ComparisonRow {
  const variance = second.minus(first);
  const firstNumber = toNumber(first);
  const varianceNumber = toNumber(variance);
  return {
    ref,
    recipient,
    fund,
    first: firstNumber,
    second: toNumber(second),
    variance: varianceNumber,
    variancePct: first.isZero() ? null : varianceNumber / firstNumber,
  };
}

/**
 * Every award under two scenarios, in award order, and one total per fund in `Funds`
 * order (awards of unknown funds, always 0, are in no total).
 */
export function compareScenarios(model: Model, first: ScenarioOutcome, second: ScenarioOutcome): Comparison {
  const zero = new D(0);
  const totals = new Map<string, [Decimal, Decimal]>();
  for (const fund of model.funds) totals.set(fund.name, [zero, zero]);
  const rows = model.awards.map((award, i) => {
    const a = first.amounts[i];
    const b = second.amounts[i];
    const total = totals.get(award.fund);
    if (total !== undefined) totals.set(award.fund, [total[0].plus(a), total[1].plus(b)]);
    return compared(award.ref, award.recipient, award.fund, a, b);
  });
  const fundTotals = model.funds.map((fund) => {
    const [a, b] = totals.get(fund.name) ?? [zero, zero];
    return compared('', 'Total', fund.name, a, b);
  });
  return { first: first.scenario.name, second: second.scenario.name, rows, fundTotals };
}
