/**
 * How the pane and the preview show numbers: pounds and pence, percentages, dates —
 * British English, as the board papers print them.
 */
import type { CellValue, ColumnFormat } from '../engine/sheet';

const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 });
const INTEGER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** @example money(-1234.5) // => '-£1,234.50' */
export function money(value: number): string {
  return POUNDS.format(value);
}

/** A change, with its sign always shown. @example signedMoney(250) // => '+£250.00' */
export function signedMoney(value: number): string {
  return value > 0 ? `+${POUNDS.format(value)}` : POUNDS.format(value);
}

/** A fraction as a percentage; null (no base) as an en dash. @example percent(-0.051) // => '-5.1%' */
export function percent(value: number | null): string {
  return value === null ? '–' : PERCENT.format(value);
}

export function signedPercent(value: number | null): string {
  return value !== null && value > 0 ? `+${PERCENT.format(value)}` : percent(value);
}

/** An Excel serial date (1900 system) as `1 Oct 2021`. */
export function serialDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000); // 25569 = 1970-01-01
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return String(serial);
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** One cell as text in a column's format (blank cells as ''). */
export function cellText(value: CellValue | undefined, format: ColumnFormat = 'text'): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'money':
      return money(value);
    case 'percent':
      return percent(value);
    case 'date':
      return serialDate(value);
    case 'integer':
      return INTEGER.format(value);
    default:
      return NUMBER.format(value);
  }
}

/** `1 error`, `2 errors`. */
export function countOf(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
