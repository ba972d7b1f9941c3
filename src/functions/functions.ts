/**
 * The PCC custom functions. The JSDoc of each is its registration: at build time
 * custom-functions-metadata-plugin reads it to write functions.json and to add the
 * `CustomFunctions.associate` calls. Each function converts and checks its Excel
 * arguments once (./arguments), calls one engine function, and maps engine errors to
 * Excel errors (./errors). The same functions are plain named exports for Node.
 */
import { allocate as allocateCore } from '../engine/allocate';
import { EngineError } from '../engine/errors';
import { fiscalYear, parseFiscalYear } from '../engine/fiscalYear';
import { toNumber } from '../engine/money';
import { prorata as prorataCore, type ProrataBasis } from '../engine/prorata';
import { parseAllowed, ringfence as ringfenceCore } from '../engine/ringfence';
import { scaleNumbers } from '../engine/scale';
import { splitNumbers } from '../engine/split';
import * as args from './arguments';
import { excel } from './errors';

/**
 * Splits an amount across lines in proportion to their weights, to the penny: each
 * share is rounded down and the pennies left over go to the lines with the largest
 * remainders (ties to the earlier line), so the shares always add up to the amount.
 * @customfunction
 * @param amount The amount to split, e.g. the camera unit's surplus. It is rounded to `decimals` first.
 * @param weights The weight of each line, e.g. each force's Net Revenue Expenditure. Blank cells count as 0; no weight may be negative.
 * @param [decimals] Decimal places of the shares, a whole number from 0 to 6. Default 2 (pounds and pence).
 * @returns The shares, in the same shape as the weights.
 */
export function split(amount: number, weights: any[][], decimals?: number): number[][] {
  return excel(() => {
    const total = args.scalar(amount, 'amount');
    const places = args.integer(decimals, 'decimals');
    const { values, shape } = args.numbers(weights, 'weights');
    return args.reshape(splitNumbers(total, values, places), shape);
  });
}

/**
 * Shares a pot between requests without paying any line more than it asked for: the
 * pot is shared in proportion to the weights, and what a capped line cannot take is
 * shared among the others. The shares add up to the penny.
 * @customfunction
 * @param pot The money available to share, e.g. the Youth and Community Fund.
 * @param requests The amount each line asked for. Blank cells count as 0.
 * @param [weights] The weight of each line, in the same shape as the requests. Default: the requests themselves. Lines of weight 0 get nothing.
 * @param [decimals] Decimal places of the awards, a whole number from 0 to 6. Default 2.
 * @returns The award for each line, in the same shape as the requests.
 */
export function allocate(pot: number, requests: any[][], weights?: any[][], decimals?: number): number[][] {
  return excel(() => {
    const total = args.scalar(pot, 'pot', false);
    const places = args.integer(decimals, 'decimals');
    const asked = args.numbers(requests, 'requests');
    const shares = args.omitted(weights) ? null : args.numbers(weights ?? null, 'weights');
    if (shares) sameShape(asked.shape, shares.shape, 'weights', 'requests');
    return args.reshape(allocateCore(total, asked.values, shares?.values ?? null, places).map(toNumber), asked.shape);
  });
}

/**
 * Re-fits a set of awards to a new total — e.g. indicative awards to the confirmed
 * grant — scaling every unlocked line by one factor while locked lines (contracts)
 * keep their amounts. The result adds up to the target to the penny.
 * @customfunction
 * @param amounts The current amount of each line. Blank cells count as 0; none may be negative.
 * @param target The total the lines must add up to, e.g. the confirmed grant.
 * @param [locked] For each line, TRUE, 1, "Y" or "Yes" if it must not move. Default: nothing locked.
 * @param [decimals] Decimal places of the amounts, a whole number from 0 to 6. Default 2.
 * @returns The re-fitted amounts, in the same shape as the amounts.
 */
export function scale(amounts: any[][], target: number, locked?: any[][], decimals?: number): number[][] {
  return excel(() => {
    const lines = args.numbers(amounts, 'amounts');
    const total = args.scalar(target, 'target');
    const places = args.integer(decimals, 'decimals');
    const locks = args.omitted(locked) ? null : args.flags(locked ?? null, 'locked');
    if (locks) sameShape(lines.shape, locks.shape, 'locked', 'amounts');
    return args.reshape(scaleNumbers(lines.values, total, locks?.values ?? null, places).amounts, lines.shape);
  });
}

/**
 * The part of an annual amount that falls in one financial year (1 April – 31 March),
 * for awards that start or end part-way through it.
 * @customfunction
 * @param annual The award's amount for a full year.
 * @param start The award's first day (a date, a serial number or YYYY-MM-DD).
 * @param end The award's last day, included.
 * @param [fy] The financial year: 2021, "2021/22" or "2021-22". Default: the year containing the start.
 * @param [basis] "months" (default): each month covered counts a twelfth, a part month by its days; or "days": covered days over the year's days.
 * @param [decimals] Decimal places of the result, a whole number from 0 to 6. Default 2.
 * @returns The amount for the financial year.
 */
export function prorata(
  annual: number,
  start: number | string,
  end: number | string,
  fy?: number | string,
  basis?: string,
  decimals?: number,
): number {
  return excel(() => {
    const amount = args.scalar(annual, 'annual');
    const from = args.date(start, 'start');
    const to = args.date(end, 'end');
    const year = args.omitted(fy) ? fiscalYear(from).startYear : parseFiscalYear(fy ?? '');
    const method = args.word(basis, 'months');
    if (method !== 'months' && method !== 'days') {
      throw new EngineError('#NUM!', `basis must be "months" or "days": '${basis}'.`);
    }
    return toNumber(prorataCore(amount, from, to, year, method satisfies ProrataBasis, args.integer(decimals, 'decimals')));
  });
}

/**
 * The financial-year label of a date, e.g. 2020/21 for 31 March 2021.
 * @customfunction
 * @param date The date (a date, a serial number or YYYY-MM-DD).
 * @param [startMonth] The month the financial year starts, 1 to 12. Default 4 (April).
 * @returns The label, e.g. "2021/22".
 */
export function fy(date: number | string, startMonth?: number): string {
  return excel(() => fiscalYear(args.date(date, 'date'), args.integer(startMonth, 'startMonth')).label);
}

/**
 * The balance a ring-fenced fund has left after its awards — refusing any award whose
 * purpose is outside the fence, or a balance below the floor.
 * @customfunction
 * @param available The money in the fund.
 * @param amounts The amount of each award. Blank cells count as 0.
 * @param purposes The purpose of each award, in the same shape as the amounts.
 * @param allowed The purposes the fund may pay for: a range, or one comma-separated text. Blank means the fund is not ring-fenced.
 * @param [floor] The least the fund must keep. Default 0.
 * @returns The balance left: available minus the amounts.
 */
export function ringfence(
  available: number,
  amounts: any[][],
  purposes: any[][],
  allowed: any[][],
  floor?: number,
): number {
  return excel(() => {
    const money = args.scalar(available, 'available');
    const lines = args.numbers(amounts, 'amounts', true);
    const aims = args.texts(purposes);
    sameShape(lines.shape, aims.shape, 'purposes', 'amounts');
    const fence = args
      .texts(allowed)
      .values.flatMap((text) => parseAllowed(text));
    const minimum = args.omitted(floor) ? 0 : args.scalar(floor ?? 0, 'floor');
    const fenced = lines.values.map((amount, i) => ({ amount, purpose: aims.values[i] }));
    return toNumber(ringfenceCore(money, fenced, fence.length > 0 ? fence : null, minimum));
  });
}

function sameShape(expected: args.Shape, actual: args.Shape, name: string, like: string): void {
  if (expected.rows !== actual.rows || expected.columns !== actual.columns) {
    throw new EngineError(
      '#VALUE!',
      `${name} must be the same shape as ${like}: ${actual.rows}×${actual.columns} against ${expected.rows}×${expected.columns}.`,
    );
  }
}
