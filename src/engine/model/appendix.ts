/**
 * Board-paper appendices: one per `Appendix` number of the Funds table, listing the
 * awards of its funds under one scenario, as a board paper prints them.
 */
import { fiscalYearOf } from '../fiscalYear';
import type { Fund, Model } from './inputs';
import type { ScenarioOutcome } from './outcome';
import { toPence, toPounds } from './pence';
import type { Appendix, AppendixRow } from './types';

/** `A`, `A and B`, `A, B and C`. */
function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A row from amounts in pence. */
function row(recipient: string, service: string, prior: number, proposed: number): AppendixRow {
  return { recipient, service, priorYear: toPounds(prior), proposed: toPounds(proposed), change: toPounds(proposed - prior) };
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
  return [...numbered.keys()]
    .sort((a, b) => a - b)
    .map((number): Appendix => {
      const funds = numbered.get(number) ?? [];
      const rows: AppendixRow[] = [];
      let prior = 0;
      let proposed = 0;
      for (const fund of funds) {
        for (const i of byFund.get(fund.name) ?? []) {
          const award = model.awards[i];
          const amount = outcome.amounts[i];
          const priorYear = toPence(award.priorYear);
          rows.push(row(award.recipient, award.service, priorYear, amount));
          prior += priorYear;
          proposed += amount;
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
