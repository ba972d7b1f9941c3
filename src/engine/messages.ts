/**
 * Every message text the engine raises, in one place. Each names the argument as the
 * Excel function calls it (`weights`, `pot`, `start`...) and, for a range, the 1-based
 * row, so that a finance user can find the cell at fault.
 */
import type Decimal from 'decimal.js';

/**
 * A value as a message shows it: text quoted, numbers as written.
 *
 * @example
 * [show('abc'), show(-1), show(null)]
 * //=> ["'abc'", '-1', '(blank)']
 */
export function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(blank)';
  if (typeof value === 'string') return `'${value}'`;
  return String(value);
}

/**
 * An amount with thousands separators and a fixed number of decimals, rounded half away
 * from zero.
 *
 * @example
 * formatAmount(new D('-1234567.005'))
 * //=> '-1,234,567.01'
 */
export function formatAmount(value: Decimal, decimals = 2): string {
  const fixed = value.abs().toFixed(decimals);
  const point = fixed.indexOf('.');
  const whole = point < 0 ? fixed : fixed.slice(0, point);
  const fraction = point < 0 ? '' : fixed.slice(point);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const negative = value.isNegative() && !value.toDecimalPlaces(decimals).isZero();
  return `${negative ? '-' : ''}${grouped}${fraction}`;
}

/** `weights row 3`, or just `pot` for a single value. */
function where(argument: string, row?: number): string {
  return row === undefined ? argument : `${argument} row ${row}`;
}

/** @example notANumber('weights', 2, 'abc') //=> "weights row 2 is not a number: 'abc'" */
export function notANumber(argument: string, row: number | undefined, value: unknown): string {
  return `${where(argument, row)} is not a number: ${show(value)}`;
}

/** @example negative('weights', 3, '-1') //=> 'weights row 3 is negative: -1' */
export function negative(argument: string, row: number | undefined, value: unknown): string {
  return `${where(argument, row)} is negative: ${typeof value === 'string' ? value : show(value)}`;
}

/** @example decimals(7) //=> 'decimals must be a whole number from 0 to 6: 7' */
export function decimals(value: unknown, max = 6): string {
  return `decimals must be a whole number from 0 to ${max}: ${show(value)}`;
}

/** @example wholeNumber('decimals', 1.5) //=> 'decimals must be a whole number: 1.5' */
export function wholeNumber(argument: string, value: unknown): string {
  return `${argument} must be a whole number: ${show(value)}`;
}

/** @example noWeight('weights', 3) //=> 'weights are all zero: there is nothing to split in proportion to' */
export function noWeight(argument: string, count: number): string {
  return count === 0
    ? `${argument} is empty: there is nothing to split in proportion to`
    : `${argument} are all zero: there is nothing to split in proportion to`;
}

/** @example lengthMismatch('weights', 2, 'requests', 3) //=> 'weights has 2 rows but requests has 3' */
export function lengthMismatch(argument: string, rows: number, other: string, otherRows: number): string {
  return `${argument} has ${rows} ${rows === 1 ? 'row' : 'rows'} but ${other} has ${otherRows}`;
}

/** @example lockedAboveTarget(new D(1200), new D(1000)) //=> 'locked total 1,200.00 is above the target 1,000.00 by 200.00' */
export function lockedAboveTarget(lockedTotal: Decimal, target: Decimal, decimals = 2): string {
  return `locked total ${formatAmount(lockedTotal, decimals)} is above the target ${formatAmount(target, decimals)}` +
    ` by ${formatAmount(lockedTotal.minus(target), decimals)}`;
}

/** @example nothingToScale(new D(600), new D(500)) //=> 'nothing is unlocked to scale, but the target 600.00 differs from the locked total 500.00' */
export function nothingToScale(target: Decimal, lockedTotal: Decimal, decimals = 2): string {
  return `nothing is unlocked to scale, but the target ${formatAmount(target, decimals)}` +
    ` differs from the locked total ${formatAmount(lockedTotal, decimals)}`;
}

/** @example endBeforeStart('2021-04-01', '2021-03-01') //=> 'end 2021-03-01 is before start 2021-04-01' */
export function endBeforeStart(start: string, end: string): string {
  return `end ${end} is before start ${start}`;
}

/** @example basis('weeks') //=> "basis must be 'months' or 'days': 'weeks'" */
export function basis(value: unknown): string {
  return `basis must be 'months' or 'days': ${show(value)}`;
}

/** @example badSerial('start', -1) //=> 'start is not an Excel date (a serial number from 1 for 1900-01-01 to 2958465 for 9999-12-31): -1' */
export function badSerial(argument: string, value: unknown): string {
  return `${argument} is not an Excel date (a serial number from 1 for 1900-01-01 to 2958465 for 9999-12-31): ${show(value)}`;
}

/** @example badDateText('date', '31/12/2021') //=> "date is not a date written YYYY-MM-DD: '31/12/2021'" */
export function badDateText(argument: string, value: unknown): string {
  return `${argument} is not a date written YYYY-MM-DD: ${show(value)}`;
}

/**
 * @example badTimeText('date', '2021-04-01Tgarbage')
 * //=> "date '2021-04-01Tgarbage' is not a date: after YYYY-MM-DD only a time of day THH:MM[:SS[.fff]] may follow"
 */
export function badTimeText(argument: string, text: string): string {
  return `${argument} ${show(text)} is not a date: after YYYY-MM-DD only a time of day THH:MM[:SS[.fff]] may follow`;
}

/** @example notARealDate('date', '2021-02-30', 28) //=> "date '2021-02-30' is not a real date: that month has 28 days" */
export function notARealDate(argument: string, text: string, days: number | null): string {
  return days === null
    ? `${argument} ${show(text)} is not a real date: months run from 01 to 12`
    : `${argument} ${show(text)} is not a real date: that month has ${days} days`;
}

/** @example startMonth(13) //=> 'startMonth must be a whole number from 1 to 12: 13' */
export function startMonth(value: unknown): string {
  return `startMonth must be a whole number from 1 to 12: ${show(value)}`;
}

/** @example fiscalYearText('abc') //=> "fy is not a financial year such as 2021, 2021/22 or 2021-22: 'abc'" */
export function fiscalYearText(value: unknown): string {
  return `fy is not a financial year such as 2021, 2021/22 or 2021-22: ${show(value)}`;
}

/** @example fiscalYearMismatch('2021/23', 2021) //=> "fy '2021/23' is not a financial year: 2021 is followed by 2022 (2021/22)" */
export function fiscalYearMismatch(value: string, startYear: number): string {
  const next = startYear + 1;
  return `fy ${show(value)} is not a financial year: ${startYear} is followed by ${next}` +
    ` (${startYear}/${String(next % 100).padStart(2, '0')})`;
}

/** @example outsideFence(3, 'Training', ['Road safety', 'Victim support']) //=> "purposes row 3: 'Training' is outside the ring fence (allowed: Road safety, Victim support)" */
export function outsideFence(row: number, purpose: string, allowed: readonly string[]): string {
  return `purposes row ${row}: ${show(purpose)} is outside the ring fence (allowed: ${allowed.join(', ')})`;
}

/**
 * The balance below the floor, by `shortfall` (floor - balance, exact). A shortfall too
 * small to show at `decimals` places is shown with all its digits.
 *
 * @example belowFloor(new D(1200), new D(2000), new D(800)) //=> 'balance 1,200.00 is below the floor of 2,000.00 by 800.00'
 */
export function belowFloor(balance: Decimal, floor: Decimal, shortfall: Decimal, decimals = 2): string {
  const shown = shortfall.toDecimalPlaces(decimals).isZero() ? Math.max(decimals, shortfall.decimalPlaces()) : decimals;
  return `balance ${formatAmount(balance, shown)} is below the floor of ${formatAmount(floor, decimals)}` +
    ` by ${formatAmount(shortfall, shown)}`;
}

/** @example tooManyDigits('amounts', 100000) //=> 'amounts are too far apart in size to add exactly (more than 100000 digits)' */
export function tooManyDigits(argument: string, limit: number): string {
  return `${argument} are too far apart in size to add exactly (more than ${limit} digits)`;
}

/** @example outsideExcelDates('date', '1899-12-31') //=> "date 1899-12-31 is outside Excel's dates (1900-01-01 to 9999-12-31)" */
export function outsideExcelDates(argument: string, date: string): string {
  return `${argument} ${date} is outside Excel's dates (1900-01-01 to 9999-12-31)`;
}
