/** The fund ledger: each fund's money under each scenario. */
import type { FundOutcome } from './allocation';
import { toPounds } from './pence';
import type { LedgerRow } from './types';

/**
 * One ledger row: closing balance = opening balance + income - awarded, and headroom =
 * closing balance - floor (negative when the fund is over-committed).
 */
export function ledgerRow(scenario: string, outcome: FundOutcome): LedgerRow {
  return {
    scenario,
    fund: outcome.fund.name,
    openingBalance: toPounds(outcome.opening),
    income: toPounds(outcome.income),
    awarded: toPounds(outcome.awarded),
    closingBalance: toPounds(outcome.closingBalance),
    floor: toPounds(outcome.floor),
    headroom: toPounds(outcome.headroom),
  };
}
