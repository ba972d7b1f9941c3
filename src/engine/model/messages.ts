/**
 * Every message the model writes, in one place: the structural errors that stop a
 * run, and the text of its checks. Money in messages reads like `£1,234.56`.
 */
import type { CalendarDate } from '../dates';
import { differenceWords, suggestion, type NearestName } from '../nearest';
import { formatPence } from './pence';
import { dateInWords } from './stamp';
import type { UnreadRow } from './unread';

function inWords(date: CalendarDate): string {
  return dateInWords(date.year, date.month, date.day);
}

/** A fraction as the percentage it is written as: 0.0333 → `3.33%`. */
function percentOf(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(12))}%`;
}

/** A cell's text for quoting in a message. */
function quote(text: string): string {
  return `'${text}'`;
}

/** `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** `Awards rows 4 and 5 (VS-04, VS-05); Funds row 2`: rows as the user counts them (1-based body rows). */
function rowList(rows: readonly UnreadRow[]): string {
  const tables = [...new Set(rows.map((row) => row.table))];
  return tables.map((table) => {
    const of = rows.filter((row) => row.table === table);
    const refs = of.map((row) => row.ref).filter((ref) => ref !== '');
    return `${table} ${of.length === 1 ? 'row' : 'rows'} ${listed(of.map((row) => String(row.row + 1)))}` +
      (refs.length === 0 ? '' : ` (${refs.join(', ')})`);
  }).join('; ');
}

function monthsText(months: number): string {
  if (months % 12 === 0) return months === 12 ? '1 year' : `${months / 12} years`;
  return months === 1 ? '1 month' : `${months} months`;
}

function lines(count: number): string {
  return count === 1 ? '1 line' : `${count} lines`;
}

const LEFT_AT_ZERO = 'the award is left at £0.00';

export const messages = {
  // Structural: the model cannot be used.
  missingTable: (table: string) =>
    `The workbook has no table '${table}'. A model needs the tables Funds, Awards and Scenarios ` +
    `(Settings, Envelopes, Monitoring and Procurement are optional).`,
  missingColumn: (table: string, sheet: string, column: string, nearly: NearestName | null = null) =>
    `Table '${table}' (sheet '${sheet}') has no column '${column}'.` +
    (nearly === null ? '' : nearly.differences.length === 0
      ? ` It has '${nearly.name}': did you mean '${column}'? Header text must match exactly.`
      : ` It has '${nearly.name}', which differs from '${column}' only by ${differenceWords(nearly.differences)}: header text must match exactly.`),
  noScenarios: (sheet: string) =>
    `Table 'Scenarios' (sheet '${sheet}') has no scenarios. Add a row for each scenario, ` +
    `e.g. 'Indicative' with a blank Fund.`,
  tooLarge: () =>
    `The model's amounts add up to more than £45,035,996,273,704.96, beyond what it can add up exactly ` +
    `to the penny. Check the Funds, Awards and Scenarios tables for amounts entered in pence or with extra digits.`,
  unknownScenario: (name: string, known: readonly string[], near: NearestName | null = null) =>
    `Unknown scenario '${name}'. The workbook's scenarios are: ${known.join(', ')}.${suggestion(near)}`,

  // Cells a reader could not give a value for (TableData.issues).
  uncalculatedFormula: (label: string, column: string, formula: string, address: string | undefined, sheet: string) =>
    `${label}, ${column}: the cell${address === undefined ? '' : ` ${address}`} on sheet '${sheet}' holds the formula ` +
    `${formula} but no calculated value (the file was saved by a program that does not calculate formulas); ` +
    `it is not counted as 0. Open the workbook in Excel or LibreOffice, let it calculate, save it, and run again.`,
  errorValue: (label: string, column: string, code: string, address: string | undefined, sheet: string) =>
    `${label}, ${column}: the cell${address === undefined ? '' : ` ${address}`} on sheet '${sheet}' holds the error ` +
    `${code}; it is not counted as 0. Mend the cell (or the formula behind it), then run again.`,

  // Awards rows.
  missingRef: (row: number) => `Row ${row + 1} of the Awards table has no Ref; ${LEFT_AT_ZERO}.`,
  duplicateRef: (ref: string) =>
    `${ref}: an earlier row of the Awards table already uses this Ref; this row is left at £0.00.`,
  blankFund: (ref: string) => `${ref}: Fund is blank; ${LEFT_AT_ZERO}.`,
  unknownFund: (ref: string, fund: string, near: NearestName | null = null) =>
    `${ref}: fund ${quote(fund)} is not in the Funds table; ${LEFT_AT_ZERO}.${suggestion(near)}`,
  blankRule: (ref: string) => `${ref}: Rule is blank (use FLAT, CHANGE, FIXED, TOPSLICE or SHARE); ${LEFT_AT_ZERO}.`,
  unknownRule: (ref: string, rule: string, near: NearestName | null = null) =>
    `${ref}: rule ${quote(rule)} is not one of FLAT, CHANGE, FIXED, TOPSLICE, SHARE; ${LEFT_AT_ZERO}.${suggestion(near)}`,
  missingAmount: (ref: string, column: string, rule: string) =>
    `${ref}: ${column} is blank but rule ${rule} needs it; ${LEFT_AT_ZERO}.`,
  notANumber: (ref: string, column: string, text: string) =>
    `${ref}: ${column} holds ${quote(text)}, which is not a number; ${LEFT_AT_ZERO}.`,
  badFraction: (ref: string, value: number) =>
    `${ref}: Value ${value} is not a fraction between 0 and 1 (a third is 0.3333), as rule TOPSLICE needs; ` +
    `${LEFT_AT_ZERO}.`,
  negativeAmount: (ref: string, column: string, value: number, rule: string) =>
    `${ref}: ${column} ${value} is negative, which rule ${rule} cannot use; ${LEFT_AT_ZERO}.`,
  cutTooDeep: (ref: string, value: number) =>
    `${ref}: Value ${value} would cut the award by more than 100%; ${LEFT_AT_ZERO}.`,
  negativeWeight: (ref: string, value: number) =>
    `${ref}: Value ${value} is a negative weight, which rule SHARE cannot use; ${LEFT_AT_ZERO}.`,
  badDate: (ref: string, column: string, text: string) =>
    `${ref}: ${column} holds ${quote(text)}, which is not a date (use an Excel date or ISO text such as ` +
    `2021-10-01); ${LEFT_AT_ZERO}.`,
  endBeforeStart: (ref: string, start: string, end: string) =>
    `${ref}: End ${end} is before Start ${start}; ${LEFT_AT_ZERO}.`,
  badLocked: (ref: string, text: string) =>
    `${ref}: Locked holds ${quote(text)}; use Yes or No. The award is treated as not locked.`,

  // Funds rows.
  blankFundName: (row: number) => `Row ${row + 1} of the Funds table has no Fund name; the row is ignored.`,
  duplicateFund: (fund: string) =>
    `Fund ${quote(fund)} appears again in the Funds table; the later row is ignored.`,
  fundNotANumber: (fund: string, column: string, text: string, fallback: string) =>
    `${fund}: ${column} holds ${quote(text)}, which is not a number; ${fallback}.`,
  badAppendix: (fund: string, text: string) =>
    `${fund}: Appendix holds ${quote(text)}, which is not a whole number; the fund is in no appendix.`,

  // Scenarios rows.
  blankScenario: (row: number) => `Row ${row + 1} of the Scenarios table has no Scenario name; the row is ignored.`,
  scenarioUnknownFund: (scenario: string, fund: string, near: NearestName | null = null) =>
    `${scenario}: fund ${quote(fund)} is not in the Funds table; the row is ignored.${suggestion(near)}`,
  scenarioDuplicateFund: (scenario: string, fund: string) =>
    `${scenario}: ${fund} has more than one row; the later row is ignored.`,
  scenarioIncomeNotANumber: (scenario: string, fund: string, text: string) =>
    `${scenario}: the Income for ${fund} holds ${quote(text)}, which is not a number; the fund's own income is used.`,
  unknownFit: (scenario: string, text: string, near: NearestName | null = null) =>
    `${scenario}: Fit ${quote(text)} is not one of scale-down, scale, none; scale-down is used.${suggestion(near)}`,

  // Settings and Envelopes rows.
  badFinancialYear: (text: string, fallback: string) =>
    `Financial year ${quote(text)} is not a financial year such as 2021/22; ${fallback} is used.`,
  badThreshold: (text: string) =>
    `Tender threshold ${quote(text)} is not an amount; £50,000.00 is used.`,
  // Appendix footnotes.
  partYearNote: (start: CalendarDate | null, end: CalendarDate | null, annual: number, year: string) =>
    `Part year: ${start !== null && end !== null ? `runs ${inWords(start)} to ${inWords(end)}`
      : start !== null ? `starts ${inWords(start)}` : `ends ${end === null ? '' : inWords(end)}`}; ` +
    (annual > 0 ? `the amount is the part of ${formatPence(annual)} a year that falls in ${year}.`
      : `the amount is the part that falls in ${year}.`),
  topSliceNote: (fraction: number, available: number, fund: string) =>
    `Top-sliced: ${percentOf(fraction)} of the ${formatPence(available)} available to the ${fund}.`,
  scaledNote: (fund: string, factor: string, before: number, after: number) =>
    `Scaled by ${factor}, as were all the ${fund}'s awards that are not locked: ` +
    `${formatPence(before)} before the fit, ${formatPence(after)} after.`,
  badDecisionDate: (text: string) =>
    `Decision date ${quote(text)} is not a date (use an Excel date or ISO text such as 2021-02-10); it is ignored.`,
  badAppendixAmounts: (text: string) =>
    `Appendix amounts ${quote(text)} is neither 'pence' nor 'pounds'; appendices print pence.`,
  blankPriority: (row: number) => `Row ${row + 1} of the Envelopes table has no Priority; the row is ignored.`,
  duplicateEnvelope: (priority: string) =>
    `Priority ${quote(priority)} has more than one envelope; the later row is ignored.`,
  badBudget: (priority: string, text: string) =>
    `Priority ${quote(priority)}: Budget holds ${quote(text)}, which is not an amount; the row is ignored.`,

  // Checks of a run: amounts in whole pence.
  ringFence: (ref: string, purpose: string, fund: string, allowed: readonly string[], amount: number) =>
    `${ref}: ${purpose === '' ? 'no purpose is given, so it is' : `purpose ${quote(purpose)} is`} outside the ` +
    `${fund} ring fence (${allowed.join(', ')}); ${formatPence(amount)} of ring-fenced money is at stake.`,
  awardCap: (ref: string, fund: string, amount: number, cap: number) =>
    `${ref}: ${formatPence(amount)} is ${formatPence(amount - cap)} above the ${fund} award cap of ${formatPence(cap)}.`,
  floor: (fund: string, closing: number, floor: number) =>
    `${fund}: closing balance ${formatPence(closing)} is below the floor of ${formatPence(floor)}: ` +
    `over-committed by ${formatPence(floor - closing)}.`,
  lockedExceed: (fund: string, fixed: number, room: number, hasFloor: boolean) =>
    `${fund}: locked and top-sliced lines alone come to ${formatPence(fixed)}, ` +
    `${formatPence(fixed - room)} more than the ${formatPence(room)} available` +
    `${hasFloor ? ' above the floor' : ''}; no fit can make the awards fit.`,
  tender: (ref: string, route: string, amount: number, threshold: number) =>
    `${ref}: ${route} of ${formatPence(amount)} for the year is at or above the tender threshold of ` +
    `${formatPence(threshold)}.`,
  envelope: (priority: string, total: number, budget: number) =>
    `Priority ${quote(priority)}: awards total ${formatPence(total)}, ${formatPence(total - budget)} over ` +
    `its envelope of ${formatPence(budget)}.`,
  fit: (fund: string, count: number, factor: string, target: number, mode: string) =>
    `${fund}: ${lines(count)} scaled by ${factor} (fit ${mode}) so that they total ${formatPence(target)}; ` +
    `locked and top-sliced lines kept.`,
  fitNotApplied: (fund: string, mode: string, rows: readonly UnreadRow[]) =>
    `${fund}: the fit (${mode}) was not applied, so no line was scaled and the other lines keep their ` +
    `modelled amounts, because ${rowList(rows)} could not be read. Mend ${rows.length === 1 ? 'it' : 'them'} and run again.`,
  /** The Notes of an award a row problem left at 0: each problem's check and column. */
  leftAtZeroNote: (problems: readonly { check: string; column?: string }[]) =>
    `left at £0.00: ${problems.map(({ check, column }) => `${check.toLowerCase()}${column === undefined ? '' : ` (${column})`}`).join('; ')}`,
  nothingToShare: (fund: string) =>
    `${fund}: nothing is left after the other lines and the floor, so its SHARE lines get £0.00.`,
  zeroWeights: (fund: string) =>
    `${fund}: every SHARE line has a Value (weight) of 0, so nothing is shared.`,

  // The commissioning year: payments, contract terms, monitoring, procurement bands.
  badPayment: (ref: string, text: string) =>
    `${ref}: Payment holds ${quote(text)}; use Single, Quarterly or Monthly. The award is paid in a single instalment.`,
  contractBadDate: (ref: string, column: string, text: string) =>
    `${ref}: ${column} holds ${quote(text)}, which is not a date (use an Excel date or ISO text such as 2021-04-01); ` +
    `${column === 'Extended to' ? 'the term is taken as not extended' : 'the contract terms are ignored'}.`,
  contractNoStart: (ref: string) =>
    `${ref}: the contract terms have no Contract start; the contract terms are ignored.`,
  contractBadTerm: (ref: string, text: string) =>
    `${ref}: Term (months) ${text === '' ? 'is blank' : `holds ${quote(text)}`}, which is not a whole number of months ` +
    `(e.g. 36 for three years); the contract terms are ignored.`,
  contractBadExtensions: (ref: string, text: string) =>
    `${ref}: Extensions holds ${quote(text)}; write it as 3x12 (up to three extensions of twelve months). ` +
    `The contract is taken to have no extension.`,
  extendedBeforeTerm: (ref: string, extendedTo: string, initialEnd: string) =>
    `${ref}: Extended to ${extendedTo} is before the initial term ends on ${initialEnd}; the term is taken as not extended.`,
  extendedPastLast: (ref: string, extendedTo: string, lastEnd: string) =>
    `${ref}: Extended to ${extendedTo} is after the last end its extensions allow, ${lastEnd}.`,
  badMonths: (setting: string, text: string, fallback: number) =>
    `${setting} ${quote(text)} is not a whole number of months; ${fallback} is used.`,
  monitoringNoWhat: (row: number) => `Row ${row + 1} of the Monitoring table has no What; the row is ignored.`,
  monitoringUnknownFund: (what: string, fund: string) =>
    `${what}: fund ${quote(fund)} is not in the Funds table; the row is ignored.`,
  monitoringBadMinimum: (what: string, text: string) =>
    `${what}: Minimum amount holds ${quote(text)}, which is not an amount; the row is ignored.`,
  monitoringBadEvery: (what: string, text: string) =>
    `${what}: Every (months) ${text === '' ? 'is blank' : `holds ${quote(text)}`}, which is not a whole number of ` +
    `months from 1 to 120; the row is ignored.`,
  bandBadFrom: (band: string, text: string) =>
    `${band}: From ${text === '' ? 'is blank' : `holds ${quote(text)}`}, which is not an amount of £0.00 or more; ` +
    `the band is ignored.`,
  bandDuplicate: (band: string, from: number) =>
    `${band}: another band already starts at ${formatPence(from)}; the later row is ignored.`,
  bandNoRoutes: (band: string) =>
    `${band}: Routes is blank, so no route could meet the band; the band is ignored.`,
  procurementBand: (ref: string, route: string, value: number, months: number | null, from: number, requirement: string, routes: readonly string[]) =>
    `${ref}: whole contract value ${formatPence(value)}${months === null ? ' (the year\'s amount)' : ` over ${monthsText(months)}`} ` +
    `falls in the band from ${formatPence(from)}${requirement === '' ? '' : ` (${requirement})`}, which route ` +
    `${route === '' ? '(blank)' : quote(route)} does not meet; it is met by ${routes.join(', ')}.`,
  contractEnds: (ref: string, termEnd: string, reprocure: string) =>
    `${ref}: the contract ends on ${termEnd} with no extension left; re-procure by ${reprocure}.`,
  pastContractEnd: (ref: string, runsTo: string, lastEnd: string, blankEnd: boolean) =>
    `${ref}: the award runs to ${runsTo}${blankEnd ? ' (the end of the year: End is blank)' : ''}, past its ` +
    `contract's last possible end of ${lastEnd}.`,
  instalmentDetail: (plan: string, number: number, count: number) =>
    plan === 'Single' ? 'Single payment' : `${plan} instalment ${number} of ${count}`,
  monitoringEvery: (months: number) => (months === 1 ? 'Every month' : `Every ${months} months`),
  monitoringAtEnd: (yearEnd: boolean) => (yearEnd ? 'At the end of the year' : 'At the award\'s end'),
  termEndsDetail: (used: number, extensions: number, left: number) =>
    extensions === 0
      ? 'The contract allows no extension'
      : `${used === 0 ? 'Initial term' : `Term as extended (${used} of ${extensions} extensions taken)`}; ` +
        `${left === 0 ? 'no extension left' : `${left} of ${extensions} extensions left`}`,
  decisionDetail: (termEnd: string, left: number, extensions: number, months: number) =>
    `Term ends ${termEnd}; ${left} of ${extensions} extensions of ${monthsText(months)} left`,
  reprocureDetail: (termEnd: string) => `Term ends ${termEnd}; no extension left`,
} as const;
