/** The fund ledger: each fund's money under each scenario. */
import { toNumber } from '../money';
import type { FundOutcome } from './allocation';
import type { LedgerRow } from './types';

/**
 * One ledger row: closing balance = opening balance + income - awarded, and headroom =
 * closing balance - floor (negative when the fund is over-committed).
 */
export function ledgerRow(scenario: string, outcome: FundOutcome): LedgerRow {
  const { fund } = outcome;
  return {
    scenario,
    fund: fund.name,
    openingBalance: toNumber(fund.openingBalance),
    income: toNumber(outcome.income),
    awarded: toNumber(outcome.awarded),
    closingBalance: toNumber(outcome.closingBalance),
    floor: toNumber(fund.floor),
    headroom: toNumber(outcome.headroom),
  };
}
