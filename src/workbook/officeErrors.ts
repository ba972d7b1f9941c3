/**
 * What the Office.js adapter says when Excel refuses something: Excel's error codes
 * (`OfficeExtension.Error.code`, listed in "Error handling with the application-specific
 * JavaScript APIs") turned into plain words that name the step and say exactly what was
 * written before it. Pure: no Office globals, so the messages are tested in Node.
 */

/** How far a write had got when it stopped. */
export interface WriteProgress {
  /** Sheets whose every write Excel confirmed. */
  written: readonly string[];
  /** Sheets in the request that failed: Excel may have applied part of it. */
  partial: readonly string[];
  /** The step that failed, in words (`writing Allocations`). */
  step: string;
}

const list = (names: readonly string[]): string =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** What was written, in one sentence: "Nothing was written." or which sheets were. */
export function writtenSentence(progress: WriteProgress): string {
  if (progress.written.length === 0 && progress.partial.length === 0) return 'Nothing was written.';
  const parts: string[] = [];
  if (progress.written.length > 0) parts.push(`${list(progress.written)} ${progress.written.length === 1 ? 'was' : 'were'} rewritten`);
  if (progress.partial.length > 0) parts.push(`${list(progress.partial)} may be part written`);
  return `${parts.join('; ')}. Run again to bring every output sheet up to date.`;
}

/** Why Excel refused, in a finance user's words, by `OfficeExtension.Error` code. */
function reason(code: string, detail: string): string {
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return 'Excel is busy: a cell is being edited. Press Enter or Esc in that cell, then try again';
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return 'the data was too large for one request to Excel (Excel on the web takes at most 5 MB at a time)';
    case 'ItemAlreadyExists':
      return 'a sheet of that name already exists — perhaps a chart sheet, which add-ins cannot see. Rename it';
    case 'AccessDenied':
      return 'the sheet or the workbook is protected. Unprotect it (Review → Unprotect Sheet), then try again';
    case 'InvalidArgument':
      return `Excel refused a value or an address (${detail})`;
    case 'UndoNotSupported':
      return 'Excel could not group the changes into one undo step';
    default:
      return `Excel refused it (${code}${detail === '' ? '' : `: ${detail}`})`;
  }
}

/** A write Excel refused part way. The message names the step and what was written. */
export class ExcelWriteError extends Error {
  constructor(
    readonly code: string,
    readonly progress: WriteProgress,
    detail = '',
  ) {
    super(`Awards Modeller stopped while ${progress.step}: ${reason(code, detail)}. ${writtenSentence(progress)}`);
    this.name = 'ExcelWriteError';
  }
}

/** A sheet to be rewritten, or the workbook's structure, is protected. Nothing was written. */
export class ProtectedError extends Error {
  constructor(readonly sheet: string | undefined) {
    super(
      sheet === undefined
        ? 'The workbook’s structure is protected, so Awards Modeller cannot add its sheets. Nothing was written. ' +
            'Unprotect it (Review → Protect Workbook), then run again.'
        : `The sheet '${sheet}' is protected, so Awards Modeller cannot rewrite it. Nothing was written. ` +
            'Unprotect it (Review → Unprotect Sheet), then run again.',
    );
    this.name = 'ProtectedError';
  }
}

/** The code of an `OfficeExtension.Error` (or anything shaped like one), else undefined. */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** An error's message, if it has one. */
export function officeErrorDetail(error: unknown): string {
  return error instanceof Error ? error.message : '';
}
