/**
 * Writing CSV text per RFC 4180: records end with CRLF; a field holding a comma, a
 * double quote, a CR or a LF is enclosed in double quotes, with its quotes doubled.
 *
 * Recipient names and services are user data, and these files are opened in
 * spreadsheets: text that a spreadsheet would run as a formula (starting with =, +, -,
 * @, a tab or a CR — but not a plain negative number) gets a leading apostrophe.
 * Files that are data for other programs rather than sheets to open (360Giving) turn
 * the guard off: their text is published exactly as written.
 */

export interface CsvOptions {
  /** Give text a spreadsheet would run as a formula a leading apostrophe (default true). */
  guardFormulas?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Text a spreadsheet would take for a formula, made inert; anything else as it is. */
export function inertText(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** One field, made inert (unless asked not to) and quoted when RFC 4180 requires it. */
export function csvField(value: string, options: CsvOptions = {}): string {
  const text = options.guardFormulas === false ? value : inertText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record (a line without its line break). */
export function csvRecord(fields: readonly string[], options: CsvOptions = {}): string {
  return fields.map((field) => csvField(field, options)).join(',');
}

/** Whole CSV text: every record followed by CRLF. An empty record is a blank line. */
export function csvText(records: readonly (readonly string[])[], options: CsvOptions = {}): string {
  return records.map((record) => `${csvRecord(record, options)}\r\n`).join('');
}
