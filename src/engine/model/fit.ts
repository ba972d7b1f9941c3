/**
 * Fitting a fund's awards to its money (SPEC section 3, `Fit`): only unlocked FLAT,
 * CHANGE and FIXED lines move; locked and top-sliced lines never do.
 */
import type { Decimal } from 'decimal.js';
import { D } from '../money';
import { apportion } from '../split';
import type { FitMode } from './inputs';

export interface FitResult {
  /** The unlocked lines' new amounts in pence, in order; null when the fit left them as modelled. */
  amounts: number[] | null;
  /** The factor they were scaled by (room ÷ their total); null when they were not. */
  factor: Decimal | null;
}

/** What a fit that moves nothing gives. */
export const UNCHANGED: FitResult = { amounts: null, factor: null };

/**
 * Scales the unlocked lines (`amounts` in pence, totalling `total`) so that they total
 * `room`, the fund's money left after the floor, the locked lines and the top-slices:
 * `scale-down` when they are over it, `scale` also when under (if `mayScaleUp`: a fund
 * whose SHARE lines take what is left has nothing to scale up into), `none` never.
 * Nothing moves when `room` is negative (locked and top-sliced lines alone are over)
 * or the lines total 0.
 *
 * This is `PCC.SCALE` with no locked lines (the locked ones are already outside
 * `room`), done on whole pence by the same largest-remainder apportionment
 * (`apportion`, ties to the earlier line) that `scale` uses, so the scaled amounts add
 * up to `room` exactly.
 *
 * @example
 * fitLines('scale-down', [60000, 40000], 100000, 97000, true) // amounts [58200, 38800], factor 0.97
 * fitLines('scale-down', [60000, 40000], 100000, 120000, true) // unchanged
 * fitLines('scale', [60000, 40000], 100000, 120000, true) // amounts [72000, 48000], factor 1.2
 */
export function fitLines(mode: FitMode, amounts: readonly number[], total: number, room: number, mayScaleUp: boolean): FitResult {
  if (mode === 'none' || room < 0 || total === 0) return UNCHANGED;
  const over = total > room;
  const under = total < room;
  if (!over && !(under && mode === 'scale' && mayScaleUp)) return UNCHANGED;
  const shares = apportion(BigInt(room), { big: false, values: [...amounts] }, 'amounts');
  return {
    amounts: shares.big ? shares.values.map(Number) : shares.values,
    factor: new D(room).div(total),
  };
}
