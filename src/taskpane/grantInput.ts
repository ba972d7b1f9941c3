/**
 * The confirmed-grant field's checks, before anything is written (SPEC §4): a figure in
 * pounds, with `£` and thousands commas allowed (`1112400`, `1,112,400`,
 * `£1,112,400.00`); never text (`1.05m`), never negative, at most two decimal places,
 * and within what the engine adds up exactly, in whole pence. A figure more than 20%
 * from the indicative one is asked about before it is applied.
 */
import { text } from './messages';

/**
 * The largest figure the field takes: 2^52 pence, £45,035,996,273,704.96 — the most the
 * engine's whole-pence sums hold exactly (its own limit, src/engine/model/messages.ts).
 */
export const MAX_GRANT_PENCE = 2 ** 52;

/** How far from the indicative figure the field asks before applying: 20%. */
export const FAR_FROM_INDICATIVE = 0.2;

export type GrantInput =
  | { ok: true; amount: number; pence: number }
  | { ok: false; message: string };

const PLAIN = /^\d+(\.\d+)?$/;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Reads a typed confirmed grant.
 *
 * @example
 * readGrantInput('£1,112,400.00') // => { ok: true, amount: 1112400, pence: 111240000 }
 * readGrantInput('1.05m').ok      // => false
 */
export function readGrantInput(raw: string): GrantInput {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, message: text.grant.blank };
  const negative = /^[-−(]/.test(trimmed) || /^£\s*-/.test(trimmed);
  const figure = trimmed.replace(/^[-−]/, '').replace(/^£\s*/, '').replace(/^[-−]/, '');
  if (!PLAIN.test(figure) && !GROUPED.test(figure)) return { ok: false, message: text.grant.notANumber(raw) };
  if (negative) return { ok: false, message: text.grant.negative };
  const [whole, fraction = ''] = figure.replace(/,/g, '').split('.');
  if (fraction.length > 2) return { ok: false, message: text.grant.pence(raw) };
  const digits = `${whole}${fraction.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  if (digits.length > 16 || Number(digits) > MAX_GRANT_PENCE) return { ok: false, message: text.grant.tooLarge(raw) };
  const pence = Number(digits);
  return { ok: true, pence, amount: pence / 100 };
}

/**
 * Whether a figure is far enough from the indicative one to be asked about: more than
 * 20% either way, or any figure when the indicative one is 0 and this one is not.
 */
export function farFromIndicative(amount: number, indicative: number | null): boolean {
  if (indicative === null) return false;
  if (indicative === 0) return amount !== 0;
  return Math.abs(amount - indicative) > FAR_FROM_INDICATIVE * Math.abs(indicative);
}
