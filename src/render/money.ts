/**
 * Money as the renderers print it. Amounts arrive from the engine already rounded to
 * the penny, so two decimals are exact here; nothing is computed, only written.
 */

/** Pounds and pence with thousands commas, the way a board paper prints them: the engine's own. */
export { formatPounds } from '../engine/model/pence';

/**
 * A plain decimal with two places and no symbol or commas, for files a program reads
 * (CSV): spreadsheets and 360Giving tools take it as a number.
 *
 * @example
 * formatDecimal(1234.5) // '1234.50'
 * formatDecimal(-0.004) // '0.00'
 */
export function formatDecimal(amount: number): string {
  const text = amount.toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}
