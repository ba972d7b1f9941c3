/**
 * Commitments: what each award commits in the model's year and the next two, for one
 * scenario. The model's year is the award's amount in the scenario; a later year is
 * the award's annual amount (after any scaling, by the same factor) pro-rated by its
 * Start and End. An award with a blank End runs for the model's year only. TOPSLICE and
 * SHARE lines take their amount for the model's year as their annual amount.
 */
import { compareDates } from '../dates';
import { fiscalYearOf } from '../fiscalYear';
import { NOTE } from './allocation';
import type { Model } from './inputs';
import { KIND, type PreparedModel } from './lines';
import type { ScenarioOutcome } from './outcome';
import { timesRatio, toPounds } from './pence';
import { penceInYear } from './rules';
import type { CommitmentRow } from './types';

/** How many financial years the commitments cover, the model's first. */
export const COMMITMENT_YEARS = 3;

/** The commitment years' labels, e.g. `['2021/22', '2022/23', '2023/24']`. */
export function commitmentYears(startYear: number): string[] {
  return Array.from({ length: COMMITMENT_YEARS }, (_, k) => fiscalYearOf(startYear + k).label);
}

/** Each award's commitments in the model's year and the next two, under one scenario. */
export function commitments(model: Model, prepared: PreparedModel, outcome: ScenarioOutcome): CommitmentRow[] {
  const startYear = model.settings.startYear;
  const later = Array.from({ length: COMMITMENT_YEARS - 1 }, (_, k) => fiscalYearOf(startYear + k + 1));
  const scaling = new Map(outcome.funds.map((fund) => [fund.fund.name, fund.scaled]));

  return model.awards.map((award, i) => {
    const amount = outcome.amounts[i];
    const years = new Array<number>(COMMITMENT_YEARS).fill(0);
    years[0] = toPounds(amount);
    const end = award.end;
    const kind = prepared.kind[i];
    if (kind === KIND.void || end === null) return { ref: award.ref, recipient: award.recipient, fund: award.fund, years };
    let annual = amount;
    if (kind === KIND.annual) {
      annual = prepared.annual[i];
      const scaled = scaling.get(award.fund);
      if ((outcome.notes[i] & NOTE.scaled) !== 0 && scaled) annual = timesRatio(annual, scaled.room, scaled.total);
    }
    later.forEach((year, k) => {
      if (compareDates(end, year.start) >= 0) years[k + 1] = toPounds(penceInYear(annual, award, year));
    });
    return { ref: award.ref, recipient: award.recipient, fund: award.fund, years };
  });
}
