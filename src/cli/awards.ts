#!/usr/bin/env node
/**
 * `awards`: the command line of Awards Modeller.
 *
 *   awards sample --out model.xlsx
 *   awards run model.xlsx [--scenario NAME]... [--compare A B] [--out result.xlsx] [--json] [--strict]
 *   awards appendix model.xlsx --scenario NAME [--format html|md|csv|docx] --out FILE
 *   awards publish model.xlsx --scenario NAME --out grants.csv
 *   awards calendar model.xlsx --scenario NAME [--format ics|csv] --out FILE
 *
 * Exit codes: 0 done; 1 `--strict` found an error-level check; 2 the command line or
 * its input cannot be used (one message, nothing written); 3 an unexpected fault.
 */
import { nearestName, suggestion } from '../engine/nearest';
import { APPENDIX_SPEC, appendix } from './appendix';
import { synopsis, type CommandSpec } from './args';
import { CALENDAR_SPEC, calendar } from './calendar';
import { readClock } from './clock';
import { processContext, type CliIo, type Command, type CommandContext } from './context';
import { EXIT_OK, failureReport, UsageError } from './errors';
import { errorJson, wantsJson } from './json';
import { Progress } from './progress';
import { PUBLISH_SPEC, publish } from './publish';
import { RUN_SPEC, run } from './run';
import { SAMPLE_SPEC, sample } from './sample';

export const COMMANDS: readonly { spec: CommandSpec; command: Command }[] = [
  { spec: SAMPLE_SPEC, command: sample },
  { spec: RUN_SPEC, command: run },
  { spec: APPENDIX_SPEC, command: appendix },
  { spec: PUBLISH_SPEC, command: publish },
  { spec: CALENDAR_SPEC, command: calendar },
];

/** The top-level usage text: every command with its synopsis and summary. */
export function topUsage(): string {
  const lines = [
    'Usage: awards COMMAND [options]',
    '',
    'Awards Modeller: model next year\'s grant awards from an Excel model workbook, exact to the penny.',
    '',
    'Commands:',
  ];
  for (const { spec } of COMMANDS) {
    lines.push(`  ${synopsis(spec)}`, `      ${spec.brief}`);
  }
  lines.push(
    '',
    'Options:',
    '  --help  Show this help, or a command\'s help: awards run --help',
    '',
    'Exit codes: 0 done; 1 --strict and an error-level check; 2 the command line or the input cannot be',
    'used (one message, nothing written); 3 an unexpected fault in Awards Modeller.',
    'Environment: AWARDS_NOW fixes the run\'s clock (ISO date-time); AWARDS_DEBUG=1 shows faults in full;',
    'COLUMNS sets the width of the printed tables when the terminal does not say.',
  );
  return `${lines.join('\n')}\n`;
}

async function dispatch(argv: readonly string[], context: CommandContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((entry) => entry.spec.name === rest[0]) : undefined;
    if (topic !== undefined) return topic.command(['--help'], context);
    if (name === undefined) {
      context.io.stderr.write(topUsage());
      return 2;
    }
    context.io.stdout.write(topUsage());
    return EXIT_OK;
  }
  const entry = COMMANDS.find((candidate) => candidate.spec.name === name);
  if (entry === undefined) {
    const what = name.startsWith('-') ? `Unknown option '${name}'` : `Unknown command '${name}'`;
    const names = COMMANDS.map((c) => c.spec.name);
    throw new UsageError(`${what}. The commands are: ${names.join(', ')}.${suggestion(nearestName(name, names))}`, '');
  }
  return entry.command(rest, context);
}

/**
 * Runs the command line and returns its exit code; every failure becomes one message
 * on stderr (a stack trace only with AWARDS_DEBUG set).
 */
export async function main(argv: readonly string[], io?: CliIo): Promise<number> {
  const env = io?.env ?? process.env;
  const debug = env.AWARDS_DEBUG !== undefined && env.AWARDS_DEBUG !== '' && env.AWARDS_DEBUG !== '0';
  const stderr = io?.stderr ?? process.stderr;
  try {
    const clock = readClock(env);
    const context = io === undefined ? processContext(clock) : { io, clock, progress: new Progress(io.stderr) };
    return await dispatch(argv, context);
  } catch (error) {
    const report = failureReport(error, debug);
    stderr.write(`${report.text}\n`);
    if (wantsJson(argv)) (io?.stdout ?? process.stdout).write(`${JSON.stringify(errorJson(report.text, report.exitCode), null, 2)}\n`);
    return report.exitCode;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
