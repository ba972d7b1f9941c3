/**
 * Each money primitive on 100,000 lines against a naive float implementation of the
 * same arithmetic (no decimal, no largest remainder), measured in the same run: the
 * median of 11 runs of each, taken in turns so that both see the same machine.
 * SPLIT and SCALE are measured as the custom functions call them (numbers in, numbers
 * out, like the naive loop: `splitNumbers`, `scaleNumbers`); the `Decimal`-returning
 * `split` and `scale` are shown beside them. Goal: SPLIT and SCALE within 3× of the
 * naive loop, the others within 5×.
 */
import { allocate } from '../src/engine/allocate';
import { prorata } from '../src/engine/prorata';
import { scale, scaleNumbers } from '../src/engine/scale';
import { split, splitNumbers } from '../src/engine/split';
import { fromDayNumber, dayNumber, type CalendarDate } from '../src/engine/dates';
import { type BenchResult, random, round, time } from './harness';

const LINES = 100_000;
const GOAL = 5;
const SPLIT_SCALE_GOAL = 3;
const RUNS = 11;

/** Medians of `runs` timings of each of two functions, taken in turns after a warm-up. */
function timeInTurns(a: () => unknown, b: () => unknown, runs = RUNS): [number, number] {
  for (let i = 0; i < 3; i++) { a(); b(); }
  const timesA: number[] = [];
  const timesB: number[] = [];
  const once = (fn: () => unknown): number => {
    const start = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  for (let i = 0; i < runs; i++) {
    timesA.push(once(a));
    timesB.push(once(b));
  }
  const median = (samples: number[]): number => [...samples].sort((x, y) => x - y)[Math.floor(samples.length / 2)];
  return [median(timesA), median(timesB)];
}

function naiveSplit(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => round((amount * w) / total));
}

function naiveAllocate(pot: number, requests: readonly number[]): number[] {
  const result = new Array<number>(requests.length).fill(0);
  let open = requests.map((_, i) => i);
  let left = pot;
  while (open.length > 0 && left > 1e-9) {
    const weight = open.reduce((a, i) => a + requests[i], 0);
    const factor = left / weight;
    const capped = open.filter((i) => requests[i] - result[i] <= requests[i] * factor);
    if (capped.length === 0) {
      for (const i of open) result[i] += requests[i] * factor;
      break;
    }
    for (const i of capped) {
      left -= requests[i] - result[i];
      result[i] = requests[i];
    }
    open = open.filter((i) => !capped.includes(i));
  }
  return result.map((x) => round(x));
}

function naiveScale(amounts: readonly number[], target: number, locked: readonly boolean[]): number[] {
  let fixed = 0;
  let free = 0;
  amounts.forEach((a, i) => (locked[i] ? (fixed += a) : (free += a)));
  const factor = (target - fixed) / free;
  return amounts.map((a, i) => (locked[i] ? a : round(a * factor)));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function naiveProrata(annual: number, start: CalendarDate, end: CalendarDate, fyStart: number): number {
  const from = dayNumber(start);
  const to = dayNumber(end);
  let months = 0;
  for (let m = 0; m < 12; m++) {
    const year = m < 9 ? fyStart : fyStart + 1;
    const month = ((m + 3) % 12) + 1;
    const length = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS_IN_MONTH[month - 1];
    const first = dayNumber({ year, month, day: 1 });
    const last = first + length - 1;
    const covered = Math.min(last, to) - Math.max(first, from) + 1;
    if (covered > 0) months += covered / length;
  }
  return round((annual * months) / 12);
}

export function runPrimitives(): BenchResult[] {
  const rand = random(42);
  const weights = Array.from({ length: LINES }, () => Math.round(rand() * 100000) / 100);
  const requests = Array.from({ length: LINES }, () => Math.round(rand() * 300000) / 100);
  const locked = Array.from({ length: LINES }, () => rand() < 0.1);
  const totalRequests = requests.reduce((a, b) => a + b, 0);
  const pot = round(totalRequests * 0.7);
  const base = dayNumber({ year: 2021, month: 4, day: 1 });
  const periods = Array.from({ length: LINES }, () => {
    const start = base - 200 + Math.floor(rand() * 500);
    return { start: fromDayNumber(start), end: fromDayNumber(start + Math.floor(rand() * 600)) };
  });
  const annual = requests;

  const target = round(totalRequests * 0.95);
  const cases: { name: string; exact: () => unknown; naive: () => unknown; goal: number; decimal?: () => unknown }[] = [
    {
      name: 'split',
      exact: () => splitNumbers(12345678.91, weights),
      naive: () => naiveSplit(12345678.91, weights),
      goal: SPLIT_SCALE_GOAL,
      decimal: () => split(12345678.91, weights),
    },
    { name: 'allocate', exact: () => allocate(pot, requests), naive: () => naiveAllocate(pot, requests), goal: GOAL },
    {
      name: 'scale',
      exact: () => scaleNumbers(requests, target, locked),
      naive: () => naiveScale(requests, target, locked),
      goal: SPLIT_SCALE_GOAL,
      decimal: () => scale(requests, target, locked),
    },
    {
      name: 'prorata',
      exact: () => periods.map((p, i) => prorata(annual[i], p.start, p.end, 2021, 'months')),
      naive: () => periods.map((p, i) => naiveProrata(annual[i], p.start, p.end, 2021)),
      goal: GOAL,
    },
  ];

  return cases.map(({ name, exact, naive, goal, decimal }) => {
    const [exactMs, naiveMs] = timeInTurns(exact, naive);
    const ratio = exactMs / naiveMs;
    const result: BenchResult = {
      name: `${name} on ${LINES.toLocaleString('en-GB')} lines: exact / naive float`,
      ratio,
      goal: `<= ${goal}`,
      met: ratio <= goal,
      runs: RUNS,
      exact_ms: round(exactMs, 1),
      naive_ms: round(naiveMs, 1),
    };
    if (decimal !== undefined) result.decimal_result_ms = round(time(decimal, RUNS), 1);
    return result;
  });
}
