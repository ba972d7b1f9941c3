/**
 * The engine's one error type. Each carries the Excel error code it stands for, so that
 * the custom-function layer can map it to `CustomFunctions.Error` without guessing, and
 * a message (from `messages.ts`) saying what is wrong and where.
 */

/** The Excel error codes the engine raises. */
export type ErrorCode = '#VALUE!' | '#NUM!' | '#DIV/0!' | '#N/A';

/**
 * An error raised by the engine: an Excel error `code` and a message naming the argument
 * and row at fault.
 *
 * @example
 * const error = new EngineError('#NUM!', 'weights row 3 is negative: -1');
 * [error.code, error.message, error.name]
 * //=> ['#NUM!', 'weights row 3 is negative: -1', 'EngineError']
 */
export class EngineError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

/**
 * Whether a caught value is an {@link EngineError}.
 *
 * @example
 * isEngineError(new EngineError('#VALUE!', 'amount is not a number: \'abc\''))
 * //=> true
 */
export function isEngineError(error: unknown): error is EngineError {
  return error instanceof EngineError;
}
