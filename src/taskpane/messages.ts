/**
 * Everything the task pane says, in one place: labels, status lines and the plain-words
 * messages of its own errors. (The model's and the workbook's errors carry their own
 * messages, already written for a finance user.)
 */
import type { GrantTargetProblem } from '../engine/model/grantTarget';
import { countOf, money } from './format';

/** A problem the pane itself found (nothing chosen, a bad figure typed): shown as it stands. */
export class PaneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaneError';
  }
}

const list = (names: readonly string[]): string =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

export const text = {
  title: 'Awards Modeller',
  loading: 'Awards Modeller is loading…',

  preview: {
    badge: 'Preview',
    heading: 'Preview — not connected to Excel',
    body:
      'This page runs the task pane against a workbook held in memory in this browser. ' +
      'Nothing is saved and nothing leaves this computer. The workbook’s sheets are shown below the pane.',
    sample: 'It starts with the built-in sample model loaded.',
    empty: 'It starts with an empty workbook: use Create sample model.',
    startEmpty: 'Start with an empty workbook',
    startSample: 'Start with the sample model',
    workbook: 'Workbook (in memory)',
    noSheets: 'The workbook is empty.',
    sheetTabs: 'Sheets',
    titleLines: 'Title',
    totals: 'Totals',
    rowsShown: (shown: number, total: number) => `Showing the first ${shown} of ${total} rows.`,
    open: 'Open a workbook…',
    download: 'Download the result',
    opening: (file: string) => `Reading ${file} in this page (it is not uploaded)…`,
    opened: (file: string) =>
      `${file} is open in this page: its model tables are shown below. Run it, then download the result.`,
    downloaded: (file: string) => `Saved the result as ${file}.`,
  },

  model: {
    heading: 'Model',
    found: (tables: readonly string[]) => `Model found: ${list(tables)} ${tables.length === 1 ? 'table' : 'tables'}.`,
    missing: (missing: readonly string[]) =>
      `No model in this workbook yet: the ${list(missing)} ${missing.length === 1 ? 'table is' : 'tables are'} missing. ` +
      'Create the sample model to start from an example, or add the tables yourself.',
    problem: (message: string) => `The model cannot be used: ${message}`,
    createHint: 'Adds Settings, Funds, Awards, Scenarios and Envelopes tables on new sheets. Existing sheets are not touched.',
  },

  scenarios: {
    heading: 'Scenarios',
    legend: 'Scenarios to run',
    none: 'No scenarios yet.',
  },

  confirmed: {
    heading: 'Confirmed grant',
    label: 'Confirmed MoJ grant',
    apply: 'Apply confirmed grant',
    note: (scenario: string, fund: string, replaces: number | null) =>
      `The one input this pane changes: it runs the model with this figure, writes the output sheets, and only ` +
      `then writes the figure to the Income of the ${scenario} row for ${fund} in the Scenarios table` +
      (replaces === null ? '.' : `, replacing ${money(replaces)}.`),
    noteUnknown: 'Choose the grant fund below: the model does not say which fund the confirmed grant is for.',
    fund: 'Grant fund',
    fundHint: 'The fund whose income the confirmed grant sets. Add a Grant fund setting to the Settings table to stop being asked.',
    caption: (first: string, second: string) => `${first} against ${second}`,
    total: (scenario: string) => `Total ${scenario}`,
    variance: 'Variance',
    variancePct: 'Variance %',
    linesScaled: 'Lines scaled',
    linesScaledOf: (scaled: number, lines: number) => `${scaled} of ${countOf(lines, 'line', 'lines')}`,
  },

  answer: {
    heading: 'The answer',
    waiting: 'Run the scenarios to see the answer here: what each fund has, awards and keeps, and what changed.',
    stale: 'Out of date: the inputs changed after this run. Run the scenarios again.',
    fund: 'Fund shown',
    allFunds: 'All funds',
    fundsCaption: (scenario: string) => `${scenario}: available, awarded and left`,
    available: 'Available',
    awarded: 'Awarded',
    left: 'Left',
    vs: (first: string, second: string) => `${second} against ${first}`,
    allFundsVs: (first: string, second: string) => `All funds, ${second} against ${first}`,
    increases: 'Largest increases',
    upcoming: 'Coming up',
    eventDate: (iso: string) => {
      const [year, month, day] = iso.split('-').map(Number);
      const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
      return `${day} ${months[month - 1]} ${year}`;
    },
    cuts: 'Largest cuts',
    none: 'None.',
    announce: (scenario: string, errors: number, warnings: number) =>
      `Results for ${scenario}: ${countOf(errors, 'error', 'errors')}, ${countOf(warnings, 'warning', 'warnings')}.`,
  },

  compare: {
    heading: 'Compare',
    first: 'First scenario',
    second: 'Second scenario',
    chartTitle: (first: string, second: string) => `${first} and ${second} by fund`,
  },

  appendices: {
    heading: 'Appendices',
    scenario: 'Scenario for the appendices',
  },

  results: {
    heading: 'Results',
    ledgerCaption: 'Awarded by fund',
    fund: 'Fund',
    allFunds: 'All funds',
    headroomCaption: 'Headroom by fund',
    checksHeading: 'Checks',
    checksSummary: (errors: number, warnings: number, notes: number) =>
      `${countOf(errors, 'error', 'errors')}, ${countOf(warnings, 'warning', 'warnings')}, ${countOf(notes, 'note', 'notes')}.`,
    checksHint: 'Choose a check to select its row in the workbook.',
    noChecks: 'No checks yet: run the scenarios.',
    group: (severity: string, count: number) =>
      `${{ error: 'Errors', warning: 'Warnings', info: 'Notes' }[severity] ?? severity} (${count})`,
    moreInSheet: (count: number) => `…and ${count} more in the Checks sheet.`,
    severity: { error: 'Error', warning: 'Warning', info: 'Note' } as Record<string, string>,
  },

  /** The pane's own tabs for its controls (named apart from the preview's sheet tabs). */
  tabs: {
    label: 'Pane controls',
    run: 'Run',
    grant: 'Grant',
    compare: 'Compare',
    appendices: 'Appendices',
    model: 'Model',
  },

  buttons: {
    run: 'Run scenarios',
    compare: 'Compare',
    appendices: 'Build appendices',
    sample: 'Create sample model',
  },

  progress: {
    label: 'Progress',
    ready: 'Ready.',
    reading: 'Reading the model…',
    running: (count: number) => `Running ${countOf(count, 'scenario', 'scenarios')}…`,
    writing: (count: number) => `Writing ${countOf(count, 'sheet', 'sheets')}…`,
    entering: 'Entering the confirmed grant in the Scenarios table…',
    writingThenEntering: (count: number) =>
      `Writing ${countOf(count, 'sheet', 'sheets')}, then the confirmed grant in the Scenarios table…`,
    creating: 'Creating the sample model…',
    selecting: 'Selecting the row…',
  },

  done: {
    sample: 'Sample model created: Settings, Funds, Awards, Scenarios and Envelopes.',
    run: (scenarios: readonly string[], sheets: readonly string[]) =>
      `Ran ${list(scenarios)}. Wrote ${list(sheets)}.`,
    confirmed: (amount: string, replaced: number | null, fund: string, sheets: readonly string[], undo: 'one-step' | 'not-undoable') =>
      `Entered ${amount} as the confirmed ${fund}` +
      (replaced === null ? '' : ` (it was ${money(replaced)})`) +
      `. Wrote ${list(sheets)}. ` +
      (undo === 'one-step'
        ? 'Undo (Ctrl+Z) in Excel takes the figure and the sheets back in one step.'
        : `Excel cannot undo this in one step${replaced === null ? '' : `: to go back, enter ${money(replaced)} again`}.`),
    selected: (table: string, row: number, ref: string) =>
      `Selected ${table} row ${row + 1}${ref === '' ? '' : ` (${ref})`}.`,
  },

  chooseScenario: 'Choose at least one scenario to run.',
  sameScenario: 'Choose two different scenarios to compare.',
  noAppendix: 'No fund has an Appendix number in the Funds table, so there is no appendix to build.',
  noModel: (missing: readonly string[]) =>
    `This workbook has no model: the ${list(missing)} ${missing.length === 1 ? 'table is' : 'tables are'} missing. ` +
    'Create the sample model, or add the tables.',
  noConfirmedRow: (scenario: string, fund: string) =>
    `The Scenarios table has no ${scenario} row for ${fund}, so there is nowhere to enter the confirmed grant. ` +
    `Add a row with Scenario '${scenario}' and Fund '${fund}', then try again.`,
  noIndicative: 'The Scenarios table needs a second scenario (Indicative) to compare the confirmed grant against.',
  chooseGrantFund: 'Choose the grant fund: the model does not say which fund the confirmed grant is for.',
  grant: {
    blank: 'Enter the confirmed MoJ grant in pounds, for example 1112400.',
    notANumber: (raw: string) => `'${raw}' is not an amount: enter the confirmed MoJ grant in pounds, for example 1112400.`,
    negative: 'The confirmed MoJ grant cannot be negative.',
    pence: (raw: string) => `'${raw}' has more than two decimal places: enter pounds and pence.`,
    tooLarge: (raw: string) =>
      `'${raw}' is more than the model can add up exactly (£45,035,996,273,704.96): enter the confirmed MoJ grant in pounds.`,
    current: (current: number | null, indicative: number | null, indicativeName: string) =>
      (current === null ? 'No confirmed figure yet' : `Now ${money(current)}`) +
      (indicative === null ? '.' : `; ${indicativeName} ${money(indicative)}.`),
    farTitle: 'Apply a figure this far from the indicative one?',
    far: (amount: number, indicative: number, name: string) => {
      const pct = indicative === 0 ? null : (amount - indicative) / indicative;
      const how = pct === null ? 'far from' : `${Math.round(Math.abs(pct) * 1000) / 10}% ${pct < 0 ? 'below' : 'above'}`;
      return `${money(amount)} is ${how} the ${name} figure of ${money(indicative)}. Check it before it is written.`;
    },
    farApply: 'Apply this figure',
    farCancel: 'Go back',
    cancelled: 'Nothing was written: the confirmed grant was not applied.',
    notEntered: (sheets: readonly string[], why: string) =>
      `${list(sheets)} ${sheets.length === 1 ? 'was' : 'were'} written with the confirmed grant, but the figure could not be ` +
      `entered in the Scenarios table, which still holds the old one: ${why}`,
  },
  unexpected: (what: string) => `Something went wrong (${what}). Check the workbook's sheets, then try again.`,
  officeMissing:
    'Office.js did not load, so the pane cannot reach the workbook. Check that this computer can reach ' +
    'officeapis.public.onecdn.static.microsoft (or ask IT for the build that serves Office.js itself), then close the pane and open it again.',
  noAnswer: (seconds: number) =>
    `Excel did not answer within ${seconds} seconds, so the pane cannot reach the workbook. Close the pane and open it again; ` +
    'if it keeps happening, restart Excel.',
  otherHost: (host: string) => `Awards Modeller works in Excel only, and this is ${host}.`,
} as const;

/** Why the confirmed grant has nowhere to go, naming the setting to mend. */
export function grantTargetProblem(problem: GrantTargetProblem): string {
  switch (problem.what) {
    case 'unknown-fund':
      return `The Settings table's Grant fund '${problem.written}' is not a fund in the Funds table (${list(problem.funds)}).`;
    case 'unknown-scenario':
      return problem.written === ''
        ? 'The Scenarios table has no scenarios, so there is nowhere to enter the confirmed grant.'
        : `The Settings table's Confirmed scenario '${problem.written}' is not a scenario in the Scenarios table (${list(problem.scenarios)}).`;
    case 'one-scenario':
      return `The Scenarios table needs a second scenario to compare ${problem.scenario} against.`;
    case 'no-funds':
      return 'The Funds table has no funds, so there is no grant fund to enter the confirmed grant for.';
  }
}
