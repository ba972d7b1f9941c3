/**
 * Writing CSV text per RFC 4180: records end with CRLF; a field holding a comma, a
 * double quote, a CR or a LF is enclosed in double quotes, with its quotes doubled.
 * Every other field is written as it stands.
 */

/** One field, quoted when RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One record (a line without its line break). */
export function csvRecord(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

/** Whole CSV text: every record followed by CRLF. An empty record is a blank line. */
export function csvText(records: readonly (readonly string[])[]): string {
  return records.map((record) => `${csvRecord(record)}\r\n`).join('');
}
