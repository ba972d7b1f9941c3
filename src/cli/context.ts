/**
 * What a command runs with: its output streams, environment, clock and progress line.
 * The entry point passes the real process's; tests and the demo may pass their own.
 */
import type { Clock } from './clock';
import { Progress, type ProgressStream } from './progress';

export interface OutputStream {
  write(text: string): unknown;
  /** The terminal's width in characters, when it is one (`process.stdout.columns`). */
  columns?: number;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: ProgressStream;
  env: NodeJS.ProcessEnv;
}

export interface CommandContext {
  io: CliIo;
  clock: Clock;
  progress: Progress;
}

/** A command: its arguments (after the command name) in, an exit code out. */
export type Command = (argv: readonly string[], context: CommandContext) => Promise<number>;

/**
 * How wide the tables may be: the terminal's width (`process.stdout.columns`), else
 * the `COLUMNS` environment variable; undefined when neither says (output to a file).
 */
export function terminalWidth(context: CommandContext): number | undefined {
  const { columns } = context.io.stdout;
  if (typeof columns === 'number' && columns > 0) return columns;
  const fromEnv = Number(context.io.env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined;
}

/** Writes one line (or several) to stdout. */
export function say(context: CommandContext, text: string): void {
  context.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Writes one line (or several) to stderr. */
export function warn(context: CommandContext, text: string): void {
  context.io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** A context for the real process, with its clock. */
export function processContext(clock: Clock): CommandContext {
  const io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env };
  return { io, clock, progress: new Progress(process.stderr) };
}
