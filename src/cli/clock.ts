/**
 * The run's clock: the stamp written on every output and today's date (for the
 * default financial year). `AWARDS_NOW` (ISO date or date-time) fixes it, for tests
 * and for re-running a past day's model exactly.
 */
import type { LocalTime } from '../engine/model';
import { UsageError } from './errors';

export interface Clock {
  /** ISO date-time, e.g. `2021-03-15T09:30:00.000Z`. */
  stamp: string;
  /** ISO date, e.g. `2021-03-15`. */
  today: string;
  /**
   * The same moment as this machine's local wall clock shows it (the `TZ` environment
   * variable's zone), for the stamp a person reads: `Run 15 March 2021 09:30`.
   */
  local: LocalTime;
}

/** The local wall-clock time of a moment, in this process's time zone. */
export function localTimeOf(moment: Date): LocalTime {
  return {
    year: moment.getFullYear(), month: moment.getMonth() + 1, day: moment.getDate(),
    hour: moment.getHours(), minute: moment.getMinutes(),
  };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * The clock from the environment: `AWARDS_NOW` when set, else the system clock (today
 * being the local date).
 *
 * @example
 * readClock({ AWARDS_NOW: '2021-03-15T09:30:00Z', TZ: 'Europe/London' })
 * //=> { stamp: '2021-03-15T09:30:00.000Z', today: '2021-03-15', local: { year: 2021, month: 3, day: 15, hour: 9, minute: 30 } }
 *
 * An `AWARDS_NOW` without a zone (`2021-03-15T09:30`, `2021-03-15`) is already a
 * local wall-clock time and is taken as written.
 */
export function readClock(env: NodeJS.ProcessEnv, now: Date = new Date()): Clock {
  const fixed = env.AWARDS_NOW?.trim();
  if (fixed === undefined || fixed === '') {
    return {
      stamp: now.toISOString(), today: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
      local: localTimeOf(now),
    };
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})(?:$|T(\d{2}):(\d{2}))/.exec(fixed);
  const parsed = new Date(fixed);
  if (date === null || Number.isNaN(parsed.getTime())) {
    throw new UsageError(`AWARDS_NOW '${fixed}' is not an ISO date or date-time such as 2021-03-15T09:30:00Z.`, '');
  }
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(fixed);
  const local: LocalTime = zoned ? localTimeOf(parsed) : {
    year: Number(date[1]), month: Number(date[2]), day: Number(date[3]),
    hour: date[4] === undefined ? 0 : Number(date[4]), minute: date[5] === undefined ? 0 : Number(date[5]),
  };
  return { stamp: parsed.toISOString(), today: `${date[1]}-${date[2]}-${date[3]}`, local };
}
