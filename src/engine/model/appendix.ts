/**
 * Board-paper appendices: one per `Appendix` number of the Funds table, listing the
 * awards of its funds under one scenario, as a board paper prints them.
 */
import type { Decimal } from 'decimal.js';
import { fiscalYearOf } from '../fiscalYear';
import { D, toNumber } from '../money';
import type { Fund, Model } from './inputs';
import type { ScenarioOutcome } from './outcome';
import type { Appendix, AppendixRow } from './types';

/** `A`, `A and B`, `A, B and C`. */
function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function row(recipient: string, service: string, prior: Decimal, proposed: Decimal): AppendixRow {
  return {
    recipient,
    service,
    priorYear: toNumber(prior),
    proposed: toNumber(proposed),
    change: toNumber(proposed.minus(prior)),
  };
}

/**
 * The appendices for one scenario, by number, e.g. `Appendix 1: Victim Services Grant
 * awards 2021/22 (Confirmed)`. Rows follow the funds' order, then the awards'.
 */
export function buildAppendices(model: Model, outcome: ScenarioOutcome): Appendix[] {
  const numbered = new Map<number, Fund[]>();
  for (const fund of model.funds) {
    if (fund.appendix === null) continue;
    const funds = numbered.get(fund.appendix) ?? [];
    funds.push(fund);
    numbered.set(fund.appendix, funds);
  }
  if (numbered.size === 0) return [];

  const byFund = new Map<string, number[]>();
  model.awards.forEach((award, i) => {
    const list = byFund.get(award.fund);
    if (list === undefined) byFund.set(award.fund, [i]);
    else list.push(i);
  });

  const { startYear, financialYear } = model.settings;
  const scenario = outcome.scenario.name;
  const zero = new D(0);
  return [...numbered.keys()]
    .sort((a, b) => a - b)
    .map((number): Appendix => {
      const funds = numbered.get(number) ?? [];
      const rows: AppendixRow[] = [];
      let prior = zero;
      let proposed = zero;
      for (const fund of funds) {
        for (const i of byFund.get(fund.name) ?? []) {
          const award = model.awards[i];
          const amount = outcome.amounts[i];
          rows.push(row(award.recipient, award.service, award.priorYear, amount));
          prior = prior.plus(award.priorYear);
          proposed = proposed.plus(amount);
        }
      }
      return {
        number,
        title: `Appendix ${number}: ${joinNames(funds.map((fund) => fund.name))} awards ${financialYear} (${scenario})`,
        scenario,
        priorHeader: fiscalYearOf(startYear - 1).label,
        proposedHeader: `${financialYear} (${scenario})`,
        rows,
        total: row('Total', '', prior, proposed),
      };
    });
}
