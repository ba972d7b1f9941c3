/**
 * The command line's errors and how each failure reaches the user: one plain message
 * on stderr and an exit code — never a stack trace (unless AWARDS_DEBUG is set).
 *
 * Exit codes: 0 the command did its job; 1 `--strict` found an error-level check;
 * 2 the command line or its input cannot be used (nothing was written); 3 something
 * unexpected went wrong (a bug: the message says so).
 */
import { ModelInputError } from '../engine/model/errors';
import { SheetExistsError, SheetNotOwnedError } from '../workbook/port';
import { SheetSpecError, StructureProtectedError, TableNameTakenError, WorkbookReadError } from '../workbook/errors';

export const EXIT_OK = 0;
export const EXIT_CHECKS_FAILED = 1;
export const EXIT_UNUSABLE = 2;
export const EXIT_INTERNAL = 3;

const NOTHING_WRITTEN = 'Nothing was written.';

/** A failure the command line reports as it stands, with its exit code. */
export abstract class CliError extends Error {
  abstract readonly exitCode: number;
}

/** The command line itself is wrong: an unknown command or option, a missing value. */
export class UsageError extends CliError {
  readonly exitCode = EXIT_UNUSABLE;

  /** @param command the command whose `--help` the hint points to; '' for the top level. */
  constructor(
    message: string,
    readonly command: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }

  /** The message and a pointer to the usage text. */
  override toString(): string {
    const help = this.command === '' ? 'awards --help' : `awards ${this.command} --help`;
    return `${this.message}\nRun '${help}' for usage.`;
  }
}

/** The input cannot be used (file, sheet, table, column, scenario), or an output cannot be written. */
export class InputError extends CliError {
  readonly exitCode = EXIT_UNUSABLE;

  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }

  override toString(): string {
    return this.message;
  }
}

function withNothingWritten(message: string): string {
  return message.includes(NOTHING_WRITTEN) ? message : `${message} ${NOTHING_WRITTEN}`;
}

/**
 * Turns what the model and the workbook adapter throw about an unusable input into an
 * `InputError` naming the file; anything else is returned unchanged.
 *
 * @param file the workbook as the user named it, e.g. `model.xlsx`
 */
export function asInputError(error: unknown, file: string): unknown {
  if (error instanceof WorkbookReadError || error instanceof StructureProtectedError) {
    return new InputError(withNothingWritten(error.message));
  }
  if (
    error instanceof ModelInputError ||
    error instanceof SheetNotOwnedError ||
    error instanceof SheetExistsError ||
    error instanceof TableNameTakenError ||
    error instanceof SheetSpecError
  ) {
    return new InputError(withNothingWritten(`In '${file}': ${error.message}`));
  }
  return error;
}

/** What to print and which code to exit with, for any failure of a command. */
export function failureReport(error: unknown, debug: boolean): { text: string; exitCode: number } {
  if (error instanceof CliError) return { text: error.toString(), exitCode: error.exitCode };
  const detail = error instanceof Error ? error.message : String(error);
  const stack = debug && error instanceof Error && error.stack !== undefined ? `\n${error.stack}` : '';
  return {
    text:
      `Awards Modeller stopped on an unexpected problem: ${detail}\n` +
      `This is a fault in Awards Modeller, not in your workbook; please report it` +
      `${debug ? '' : ' (run again with AWARDS_DEBUG=1 for the details)'}.${stack}`,
    exitCode: EXIT_INTERNAL,
  };
}
