/**
 * The run stamp in words a person reads: `Run 1 March 2021 12:00`. The engine has no
 * clock and no time zone: the caller reads its own clock and passes the local
 * wall-clock time as numbers (`RunOptions.runAt`), which are only written out here.
 * A caller that passes only `RunOptions.stamp` (ISO-like text) gets the wall-clock
 * time that text holds, with its zone named when it has one (`Run 1 March 2021 09:00
 * UTC`), never a time silently shifted.
 */

/** A local wall-clock time, as the caller's clock shows it; `month` runs 1 to 12. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
] as const;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * A calendar date in words.
 *
 * @example
 * dateInWords(2021, 3, 1) //=> '1 March 2021'
 */
export function dateInWords(year: number, month: number, day: number): string {
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/**
 * A local time in words.
 *
 * @example
 * timeInWords({ year: 2021, month: 3, day: 1, hour: 12, minute: 0 }) //=> '1 March 2021 12:00'
 */
export function timeInWords(time: LocalTime): string {
  return `${dateInWords(time.year, time.month, time.day)} ${pad(time.hour)}:${pad(time.minute)}`;
}

const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * The words of ISO-like stamp text as written (`2021-03-01 14:05`, `2021-03-01T09:00:00Z`),
 * its zone named when it has one; text that is not ISO-like as it is.
 *
 * @example
 * stampTextInWords('2021-03-01 14:05')         //=> '1 March 2021 14:05'
 * stampTextInWords('2021-03-01T09:00:00.000Z') //=> '1 March 2021 09:00 UTC'
 */
export function stampTextInWords(stamp: string): string {
  const match = ISO_LIKE.exec(stamp.trim());
  if (match === null) return stamp.trim();
  const [, year, month, day, hour, minute, zone] = match;
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return stamp.trim();
  const date = dateInWords(Number(year), monthNumber, Number(day));
  const time = hour === undefined ? date : `${date} ${hour}:${minute}`;
  if (zone === undefined) return time;
  return `${time} ${zone.toUpperCase() === 'Z' ? 'UTC' : zone}`;
}

/**
 * The run stamp printed on every output sheet (title line and page footer).
 *
 * @example
 * runStamp({ stamp: '2021-03-01T12:00:00Z', runAt: { year: 2021, month: 3, day: 1, hour: 12, minute: 0 } })
 * //=> 'Run 1 March 2021 12:00'
 */
export function runStamp(run: { stamp: string; runAt?: LocalTime }): string {
  return `Run ${run.runAt === undefined ? stampTextInWords(run.stamp) : timeInWords(run.runAt)}`;
}
