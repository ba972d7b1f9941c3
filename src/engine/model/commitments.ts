/**
 * Commitments: what each award commits in the model's year and the next two, for one
 * scenario. The model's year is the award's amount in the scenario; a later year is
 * the award's annual amount (after any scaling) pro-rated by its Start and End. An
 * award with a blank End runs for the model's year only.
 */
import { compareDates } from '../dates';
import { fiscalYearOf } from '../fiscalYear';
import { D, roundTo, toNumber } from '../money';
import { NOTE } from './allocation';
import type { Model } from './inputs';
import type { PreparedModel } from './lines';
import type { ScenarioOutcome } from './outcome';
import { amountInYear } from './rules';
import type { CommitmentRow } from './types';

/** How many financial years the commitments cover, the model's first. */
export const COMMITMENT_YEARS = 3;

/** The commitment years' labels, e.g. `['2021/22', '2022/23', '2023/24']`. */
export function commitmentYears(startYear: number): string[] {
  return Array.from({ length: COMMITMENT_YEARS }, (_, k) => fiscalYearOf(startYear + k).label);
}

export function commitments(model: Model, prepared: PreparedModel, outcome: ScenarioOutcome): CommitmentRow[] {
  const startYear = model.settings.startYear;
  const later = Array.from({ length: COMMITMENT_YEARS - 1 }, (_, k) => fiscalYearOf(startYear + k + 1));
  const factors = new Map(outcome.funds.map((entry) => [entry.fund.name, entry.factor]));
  const one = new D(1);

  return prepared.lines.map((line) => {
    const { award } = line;
    const amount = outcome.amounts[line.index];
    const years = [toNumber(amount)];
    const end = award.end;
    if (line.kind === 'void' || end === null) {
      for (let k = 1; k < COMMITMENT_YEARS; k++) years.push(0);
      return { ref: award.ref, recipient: award.recipient, fund: award.fund, years };
    }
    let annual = amount;
    if (line.kind === 'annual') {
      const scaled = (outcome.notes[line.index] & NOTE.scaled) !== 0;
      const factor = scaled ? (factors.get(award.fund) ?? one) : one;
      annual = scaled ? roundTo(line.annual.times(factor), 2) : line.annual;
    }
    for (const year of later) {
      years.push(compareDates(end, year.start) < 0 ? 0 : toNumber(amountInYear(annual, award, year.startYear)));
    }
    return { ref: award.ref, recipient: award.recipient, fund: award.fund, years };
  });
}
