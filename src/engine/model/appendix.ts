/**
 * Board-paper appendices: one per `Appendix` number of the Funds table, listing the
 * awards of its funds under one scenario, as a board paper prints them — `New` in the
 * prior-year column of an award that had none, and a footnote for every line whose
 * amount is not simply the award's own: part-year, top-sliced and scaled lines.
 *
 * With the `Appendix amounts` setting `pounds`, each column is printed in whole pounds,
 * its lines rounded by the largest remainder so that they add up to the printed total,
 * and the change of each line is its printed proposed less its printed prior year.
 */
import { fiscalYearOf } from '../fiscalYear';
import { NOTE, type FundOutcome } from './allocation';
import type { Award, Fund, Model } from './inputs';
import type { PreparedModel } from './lines';
import { messages } from './messages';
import type { ScenarioOutcome } from './outcome';
import { toPence, toPounds } from './pence';
import type { Appendix, AppendixRow } from './types';
import { roundToPounds, wholePounds } from './wholePounds';

/** `A`, `A and B`, `A, B and C`. */
function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** One printed line before rounding: amounts in whole pence, and the notes it calls. */
interface Line {
  award: Award;
  prior: number;
  proposed: number;
  notes: string[];
}

/** The footnotes of one award's amount, in the order part-year, top-sliced, scaled. */
function footnotesOf(award: Award, bits: number, fund: FundOutcome | undefined, annual: number, year: string): string[] {
  const notes: string[] = [];
  if ((bits & NOTE.prorated) !== 0) notes.push(messages.partYearNote(award.start, award.end, annual, year));
  if ((bits & NOTE.topslice) !== 0 && fund !== undefined) {
    notes.push(messages.topSliceNote(award.value ?? 0, fund.available, fund.fund.name));
  }
  if ((bits & NOTE.scaled) !== 0 && fund?.scaled != null) {
    const { total, room, factor } = fund.scaled;
    notes.push(messages.scaledNote(fund.fund.name, factor.toFixed(4), total, room));
  }
  return notes;
}

/** Numbers footnotes in the order the lines first call them; the same text is one footnote. */
class Footnotes {
  readonly texts: string[] = [];
  private readonly numbers = new Map<string, number>();

  call(text: string): number {
    const known = this.numbers.get(text);
    if (known !== undefined) return known;
    this.texts.push(text);
    this.numbers.set(text, this.texts.length);
    return this.texts.length;
  }
}

/** The printed rows and total of lines, in pence or in whole pounds. */
function printed(lines: readonly Line[], inPounds: boolean, footnotes: Footnotes): { rows: AppendixRow[]; total: AppendixRow } {
  const priorTotal = lines.reduce((sum, line) => sum + line.prior, 0);
  const proposedTotal = lines.reduce((sum, line) => sum + line.proposed, 0);
  // Whole pounds are printed as pounds; pence are turned back into pounds and pence.
  const prior = inPounds ? wholePounds(lines.map((line) => line.prior)) : lines.map((line) => toPounds(line.prior));
  const proposed = inPounds ? wholePounds(lines.map((line) => line.proposed)) : lines.map((line) => toPounds(line.proposed));
  const change = (a: number, b: number): number => (inPounds ? b - a + 0 : toPounds(toPence(b) - toPence(a)));
  const rows = lines.map((line, k): AppendixRow => {
    const row: AppendixRow = {
      recipient: line.award.recipient, service: line.award.service,
      priorYear: prior[k], proposed: proposed[k], change: change(prior[k], proposed[k]),
    };
    if (line.prior === 0) row.isNew = true;
    if (line.notes.length > 0) row.footnotes = line.notes.map((text) => footnotes.call(text)).sort((a, b) => a - b);
    return row;
  });
  const totalPrior = inPounds ? roundToPounds(priorTotal) : toPounds(priorTotal);
  const totalProposed = inPounds ? roundToPounds(proposedTotal) : toPounds(proposedTotal);
  return {
    rows,
    total: { recipient: 'Total', service: '', priorYear: totalPrior, proposed: totalProposed, change: change(totalPrior, totalProposed) },
  };
}

/**
 * The appendices for one scenario, by number, e.g. `Appendix 1: Victim Services Grant
 * awards 2021/22 (Confirmed)`. Rows follow the funds' order, then the awards'.
 */
export function buildAppendices(model: Model, outcome: ScenarioOutcome, prepared?: PreparedModel): Appendix[] {
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
  const fundOutcomes = new Map(outcome.funds.map((fund) => [fund.fund.name, fund]));

  const { startYear, financialYear, appendixAmounts } = model.settings;
  const inPounds = appendixAmounts === 'pounds';
  const scenario = outcome.scenario.name;
  return [...numbered.keys()]
    .sort((a, b) => a - b)
    .map((number): Appendix => {
      const funds = numbered.get(number) ?? [];
      const lines: Line[] = [];
      for (const fund of funds) {
        for (const i of byFund.get(fund.name) ?? []) {
          const award = model.awards[i];
          const annual = prepared === undefined ? 0 : prepared.annual[i];
          lines.push({
            award,
            prior: toPence(award.priorYear),
            proposed: outcome.amounts[i],
            notes: footnotesOf(award, outcome.notes[i], fundOutcomes.get(fund.name), annual, financialYear),
          });
        }
      }
      const footnotes = new Footnotes();
      const { rows, total } = printed(lines, inPounds, footnotes);
      const appendix: Appendix = {
        number,
        title: `Appendix ${number}: ${joinNames(funds.map((fund) => fund.name))} awards ${financialYear} (${scenario})`,
        scenario,
        priorHeader: fiscalYearOf(startYear - 1).label,
        proposedHeader: `${financialYear} (${scenario})`,
        rows,
        total,
        footnotes: footnotes.texts,
      };
      if (inPounds) appendix.amounts = 'pounds';
      return appendix;
    });
}
