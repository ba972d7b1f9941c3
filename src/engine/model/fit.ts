/**
 * Fitting a fund's awards to its money (SPEC section 3, `Fit`): only unlocked FLAT,
 * CHANGE and FIXED lines move; locked and top-sliced lines never do.
 */
import type { Decimal } from 'decimal.js';
import { scale } from '../scale';
import type { FitMode } from './inputs';

export interface FitResult {
  /** The unlocked lines' new amounts, in order; null when the fit left them as modelled. */
  amounts: Decimal[] | null;
  /** The factor they were scaled by; null when they were not. */
  factor: Decimal | null;
}

const UNCHANGED: FitResult = { amounts: null, factor: null };

/**
 * Scales the unlocked lines (`amounts`, totalling `total`) so that they total `room`,
 * the fund's money left after the floor, the locked lines and the top-slices:
 * `scale-down` when they are over it, `scale` also when under (if `mayScaleUp`: a fund
 * whose SHARE lines take what is left has nothing to scale up into), `none` never.
 * Nothing moves when `room` is negative: locked and top-sliced lines alone are over.
 * Scaled amounts add up to `room` exactly (largest remainder).
 *
 * @example
 * fitLines('scale-down', [600, 400], 1000, 970, true) // amounts [582, 388], factor 0.97
 * fitLines('scale-down', [600, 400], 1000, 1200, true) // unchanged
 * fitLines('scale', [600, 400], 1000, 1200, true) // amounts [720, 480], factor 1.2
 */
export function fitLines(
  mode: FitMode,
  amounts: readonly Decimal[],
  total: Decimal,
  room: Decimal,
  mayScaleUp: boolean,
): FitResult {
  if (mode === 'none' || room.isNegative() || total.isZero()) return UNCHANGED;
  const over = total.gt(room);
  const under = total.lt(room);
  if (!over && !(under && mode === 'scale' && mayScaleUp)) return UNCHANGED;
  const scaled = scale(amounts, room, undefined, 2);
  return { amounts: scaled.amounts, factor: scaled.factor };
}
