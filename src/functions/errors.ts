/**
 * The one place an engine error becomes an Excel error. In Excel (where the
 * `CustomFunctions` runtime exists) it is a `CustomFunctions.Error` with the SPEC's
 * code and the engine's message; in Node it stays the `EngineError`, an object with
 * the same `code` and `message`, so tests and scripts see exactly what Excel would.
 * Excel shows custom messages only for #VALUE! and #N/A; the message is set anyway.
 */
import { EngineError, type ErrorCode } from '../engine/errors';

const EXCEL_CODES = {
  '#VALUE!': 'invalidValue',
  '#NUM!': 'invalidNumber',
  '#DIV/0!': 'divisionByZero',
  '#N/A': 'notAvailable',
} as const satisfies Record<ErrorCode, keyof typeof CustomFunctions.ErrorCode>;

function inExcel(): boolean {
  return typeof CustomFunctions !== 'undefined' && typeof CustomFunctions.Error === 'function';
}

/** Turns what a function threw into what Excel should show. Unknown errors pass through. */
export function toExcelError(error: unknown): unknown {
  if (!(error instanceof EngineError) || !inExcel()) return error;
  return new CustomFunctions.Error(CustomFunctions.ErrorCode[EXCEL_CODES[error.code]], error.message);
}

/** Runs a function body, turning its engine errors into Excel errors. */
export function excel<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw toExcelError(error);
  }
}
