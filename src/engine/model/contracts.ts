/**
 * Contract terms (SPEC section 3): an initial term from `Contract start`, up to so
 * many extensions of so many months (`3x12`), and `Extended to`, the end of the term
 * as extended so far. The term ends on `Extended to`, else `Contract start` + `Term
 * (months)` less a day; with extensions left an extension decision is due `Extension
 * notice (months)` before it, with none left the service is re-procured
 * `Procurement lead time (months)` before it.
 */
import { compareDates, dayNumber, fromDayNumber, toIsoDate, type CalendarDate } from '../dates';
import { fiscalYearOf } from '../fiscalYear';
import { BadCell } from './cells';
import type { Award, ContractTerms, Model } from './inputs';
import { messages } from './messages';
import { longDate, monthsBeforeDay, periodEnd, periodEndDay } from './months';
import type { Check } from './types';

/** What a contract's terms come to. */
export interface ContractDates {
  /** The end of the initial term. */
  initialEnd: CalendarDate;
  /** The end of the term as it stands: `Extended to`, else the initial end. */
  termEnd: CalendarDate;
  /** The end of the last extension the contract allows. */
  lastEnd: CalendarDate;
  /** Extensions taken so far, and still to take. */
  used: number;
  left: number;
}

/**
 * The dates of a contract's terms.
 *
 * @example
 * contractDates({ start: 2016-04-01, termMonths: 36, extensions: 3, extensionMonths: 12, extendedTo: 2020-03-31 })
 * //=> { initialEnd: 2019-03-31, termEnd: 2020-03-31, lastEnd: 2022-03-31, used: 1, left: 2 }
 */
export function contractDates(terms: ContractTerms): ContractDates {
  const initialEnd = periodEnd(terms.start, terms.termMonths);
  const lastEnd = terms.extensions === 0 ? initialEnd : periodEnd(terms.start, terms.termMonths + terms.extensions * terms.extensionMonths);
  const termEnd = terms.extendedTo ?? initialEnd;
  let used = 0;
  if (terms.extendedTo !== null) {
    while (used < terms.extensions && compareDates(periodEnd(terms.start, terms.termMonths + used * terms.extensionMonths), termEnd) < 0) used++;
  }
  return { initialEnd, termEnd, lastEnd, used, left: terms.extensions - used };
}

/** {@link ContractDates} as day numbers (see `dayNumber`). */
export interface ContractDays {
  termEnd: number;
  lastEnd: number;
  used: number;
  left: number;
}

/**
 * {@link contractDates} as day numbers, with no date object made on the way: for loops
 * over every contract of a model.
 */
export function contractDays(terms: ContractTerms): ContractDays {
  const { year, month, day } = terms.start;
  const initialEnd = periodEndDay(year, month, day, terms.termMonths);
  const lastEnd = terms.extensions === 0 ? initialEnd : periodEndDay(year, month, day, terms.termMonths + terms.extensions * terms.extensionMonths);
  const termEnd = terms.extendedTo === null ? initialEnd : dayNumber(terms.extendedTo);
  let used = 0;
  if (terms.extendedTo !== null) {
    while (used < terms.extensions && periodEndDay(year, month, day, terms.termMonths + used * terms.extensionMonths) < termEnd) used++;
  }
  return { termEnd, lastEnd, used, left: terms.extensions - used };
}

/** The whole months of term and extensions the contract can run (its whole contract value's span). */
export function contractMonths(terms: ContractTerms): number {
  return terms.termMonths + terms.extensions * terms.extensionMonths;
}

const EXTENSIONS = /^(\d+)\s*[x×*]\s*(\d+)$/i;

/** `Extensions` as written (`3x12`, `3 x 12`); blank, `0` or `none` is none; null when unreadable. */
export function parseExtensions(text: string): { count: number; months: number } | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '0' || trimmed.toLowerCase() === 'none') return { count: 0, months: 0 };
  const match = EXTENSIONS.exec(trimmed);
  if (match === null) return null;
  const count = Number(match[1]);
  const months = Number(match[2]);
  if (count > 0 && months === 0) return null;
  return { count, months: count === 0 ? 0 : months };
}

/** The cells of an award's contract terms, as read. */
export interface ContractCells {
  start: CalendarDate | null | BadCell;
  term: number | null | BadCell;
  extensions: string;
  extendedTo: CalendarDate | null | BadCell;
}

/**
 * An award's contract terms from its cells; null when it has none. A problem is a
 * warning through `warn` (column, message): the terms, or the unreadable part, are
 * ignored — they change no amount.
 */
export function readContractTerms(label: string, cells: ContractCells, warn: (column: string, message: string) => void): ContractTerms | null {
  const { start, term, extensions, extendedTo } = cells;
  if (start === null && term === null && extensions === '' && extendedTo === null) return null;
  if (start instanceof BadCell) {
    warn('Contract start', messages.contractBadDate(label, 'Contract start', start.text));
    return null;
  }
  if (start === null) {
    warn('Contract start', messages.contractNoStart(label));
    return null;
  }
  if (term === null || term instanceof BadCell || !Number.isInteger(term) || term < 1) {
    const text = term === null ? '' : term instanceof BadCell ? term.text : String(term);
    warn('Term (months)', messages.contractBadTerm(label, text));
    return null;
  }
  let parsed = parseExtensions(extensions);
  if (parsed === null) {
    warn('Extensions', messages.contractBadExtensions(label, extensions));
    parsed = { count: 0, months: 0 };
  }
  const terms: ContractTerms = { start, termMonths: term, extensions: parsed.count, extensionMonths: parsed.months, extendedTo: null };
  if (extendedTo instanceof BadCell) {
    warn('Extended to', messages.contractBadDate(label, 'Extended to', extendedTo.text));
  } else if (extendedTo !== null) {
    const { initialEnd, lastEnd } = contractDates(terms);
    if (compareDates(extendedTo, initialEnd) < 0) {
      warn('Extended to', messages.extendedBeforeTerm(label, toIsoDate(extendedTo), toIsoDate(initialEnd)));
    } else {
      if (compareDates(extendedTo, lastEnd) > 0) {
        warn('Extended to', messages.extendedPastLast(label, toIsoDate(extendedTo), toIsoDate(lastEnd)));
      }
      terms.extendedTo = extendedTo;
    }
  }
  return terms;
}

/**
 * The checks on the model's contracts, the same in every scenario: a contract whose
 * term ends in the model year or the next with no extension left, and an award that
 * runs (to its `End`; blank, the model year's end) past its contract's last possible end.
 */
export function contractChecks(model: Model): Check[] {
  const checks: Check[] = [];
  const year = fiscalYearOf(model.settings.startYear);
  const yearStart = dayNumber(year.start);
  const yearEnd = dayNumber(year.end);
  const nextEnd = dayNumber(fiscalYearOf(model.settings.startYear + 1).end);
  for (const award of model.awards) {
    if (award.contract === null) continue;
    const days = contractDays(award.contract);
    if (days.left === 0 && days.termEnd >= yearStart && days.termEnd <= nextEnd) {
      const reprocure = fromDayNumber(monthsBeforeDay(days.termEnd, model.settings.procurementLeadMonths));
      checks.push({
        severity: 'warning', ...checkedAt(award), check: 'Contract ends', column: 'Extensions',
        message: messages.contractEnds(awardLabel(award), longDate(fromDayNumber(days.termEnd)), longDate(reprocure)),
      });
    }
    const runsTo = award.end === null ? yearEnd : dayNumber(award.end);
    if (runsTo > days.lastEnd) {
      checks.push({
        severity: 'warning', ...checkedAt(award), check: 'Past contract end', column: 'End',
        message: messages.pastContractEnd(awardLabel(award), longDate(fromDayNumber(runsTo)), longDate(fromDayNumber(days.lastEnd)), award.end === null),
      });
    }
  }
  return checks;
}

/** Where a contract check points: the award's row. */
function checkedAt(award: Award): Pick<Check, 'scenario' | 'fund' | 'ref' | 'table' | 'row'> {
  return { scenario: '', fund: award.fund, ref: award.ref, table: 'Awards', row: award.row };
}

function awardLabel(award: Award): string {
  return award.ref === '' ? `Row ${award.row + 1}` : award.ref;
}
