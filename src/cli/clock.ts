/**
 * The run's clock: the stamp written on every output and today's date (for the
 * default financial year). `AWARDS_NOW` (ISO date or date-time) fixes it, for tests
 * and for re-running a past day's model exactly.
 */
import { UsageError } from './errors';

export interface Clock {
  /** ISO date-time, e.g. `2021-03-15T09:30:00.000Z`. */
  stamp: string;
  /** ISO date, e.g. `2021-03-15`. */
  today: string;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * The clock from the environment: `AWARDS_NOW` when set, else the system clock (today
 * being the local date).
 *
 * @example
 * readClock({ AWARDS_NOW: '2021-03-15T09:30:00Z' })
 * //=> { stamp: '2021-03-15T09:30:00.000Z', today: '2021-03-15' }
 */
export function readClock(env: NodeJS.ProcessEnv, now: Date = new Date()): Clock {
  const fixed = env.AWARDS_NOW?.trim();
  if (fixed === undefined || fixed === '') {
    return { stamp: now.toISOString(), today: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` };
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(fixed);
  const parsed = new Date(fixed);
  if (date === null || Number.isNaN(parsed.getTime())) {
    throw new UsageError(`AWARDS_NOW '${fixed}' is not an ISO date or date-time such as 2021-03-15T09:30:00Z.`, '');
  }
  return { stamp: parsed.toISOString(), today: `${date[1]}-${date[2]}-${date[3]}` };
}
