/**
 * `awards calendar MODEL --scenario NAME [--format ics|csv] --out FILE`: runs the model
 * for one scenario and writes the model year's calendar — payments, monitoring returns
 * and meetings, term ends, extension decisions due, re-procure-by dates — as iCalendar
 * all-day events (stable UIDs: importing the file again updates the events) or CSV.
 */
import * as path from 'path';
import type { Calendar, Model } from '../engine/model';
import { renderCalendarCsv } from '../render/calendarCsv';
import { renderIcs } from '../render/ics';
import { parseArguments, usageText, type CommandSpec } from './args';
import { say, type Command } from './context';
import { EXIT_OK, UsageError } from './errors';
import { checkOutput, writeOutput } from './files';
import { openModel, runOpened } from './model';
import { warnErrors } from './report';

export const CALENDAR_FORMATS = ['ics', 'csv'] as const;
export type CalendarFormat = (typeof CALENDAR_FORMATS)[number];

const EXTENSIONS: Record<string, CalendarFormat> = { '.ics': 'ics', '.ical': 'ics', '.ifb': 'ics', '.csv': 'csv' };

export const CALENDAR_SPEC: CommandSpec = {
  name: 'calendar',
  brief: 'Write one scenario\'s commissioning calendar (ics or csv).',
  summary:
    'Run the model for one scenario and write the model year\'s calendar: payments, monitoring returns and ' +
    'meetings, term ends, extension decisions due and re-procure-by dates, in date order — as iCalendar all-day ' +
    'events for Outlook or any calendar program, or as CSV.',
  positionals: [{ name: 'MODEL', help: 'The model workbook (.xlsx).' }],
  options: [
    { name: 'scenario', kind: 'value', value: 'NAME', help: 'The scenario whose payments and monitoring the calendar shows.', required: true },
    { name: 'format', kind: 'value', value: 'FORMAT', help: 'ics (iCalendar) or csv. Default: from the extension of FILE.' },
    { name: 'out', kind: 'value', value: 'FILE', help: 'The file to write, replaced if it exists; never MODEL.', required: true },
  ],
  notes: [
    'Each event keeps its UID from one run to the next (year, ref, event and its number, funder), so importing',
    'the file again after a re-run updates the events instead of adding copies.',
    '',
    'Example:',
    '  awards calendar model.xlsx --scenario Confirmed --out calendar.ics',
  ],
};

/** The format asked for, else the one FILE's extension names. */
export function calendarFormat(format: string | undefined, out: string): CalendarFormat {
  if (format !== undefined) {
    const wanted = format.trim().toLowerCase().replace(/^\./, '');
    const found = CALENDAR_FORMATS.find((name) => name === (wanted === 'ical' || wanted === 'icalendar' ? 'ics' : wanted));
    if (found === undefined) {
      throw new UsageError(`Unknown format '${format}'. Use one of: ${CALENDAR_FORMATS.join(', ')}.`, CALENDAR_SPEC.name);
    }
    const named = EXTENSIONS[path.extname(out).toLowerCase()];
    if (named !== undefined && named !== found) {
      throw new UsageError(
        `--out '${out}' names a .${named} file but --format is ${found}; make them agree. Nothing was written.`,
        CALENDAR_SPEC.name,
      );
    }
    return found;
  }
  const byExtension = EXTENSIONS[path.extname(out).toLowerCase()];
  if (byExtension === undefined) {
    throw new UsageError(
      `Say which format to write with --format (${CALENDAR_FORMATS.join(', ')}): '${out}' has no extension that names one.`,
      CALENDAR_SPEC.name,
    );
  }
  return byExtension;
}

/** Who the events belong to, for their UIDs: the funder identifier, else the 360Giving prefix. */
export function calendarOwner(model: Model): string {
  if (model.settings.funderIdentifier !== '') return model.settings.funderIdentifier;
  const key = Object.keys(model.settings.values).find((name) => name.toLowerCase() === '360giving prefix');
  const prefix = key === undefined ? null : model.settings.values[key];
  return typeof prefix === 'string' ? prefix.trim() : '';
}

/** The calendar in the format asked for. */
export function renderCalendar(calendar: Calendar, format: CalendarFormat, stamp: string, owner: string): string {
  return format === 'ics' ? renderIcs(calendar, { stamp, owner }) : renderCalendarCsv(calendar);
}

export const calendar: Command = async (argv, context) => {
  const args = parseArguments(CALENDAR_SPEC, argv);
  if (args.flag('help')) {
    say(context, usageText(CALENDAR_SPEC));
    return EXIT_OK;
  }
  const [file] = args.positionals;
  const out = args.value('out') ?? '';
  const scenario = args.value('scenario') ?? '';
  const format = calendarFormat(args.value('format'), out);
  checkOutput(out, file, true);

  const opened = await openModel(file, context);
  const result = runOpened(opened, { scenarios: [scenario], appendixScenario: scenario }, context);
  context.progress.step(`Writing ${out}`);
  try {
    await writeOutput(out, renderCalendar(result.calendar, format, result.stamp, calendarOwner(opened.model)));
  } finally {
    context.progress.done();
  }
  const count = result.calendar.events.length;
  say(context, `Wrote ${count} ${count === 1 ? 'event' : 'events'} of ${result.calendar.financialYear} ` +
    `(scenario ${result.calendar.scenario}) to '${out}' (${format}).`);
  warnErrors(context, result, file, scenario);
  return EXIT_OK;
};
