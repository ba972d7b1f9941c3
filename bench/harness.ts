/**
 * Benchmark plumbing: time a function as the median of several runs after a warm-up,
 * and report every figure as a ratio against a baseline measured in the same run.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
export { seededRandom as random } from '../src/engine/model/generate';

export interface BenchResult {
  name: string;
  /** What was measured against what, e.g. `exact / naive float`. */
  ratio: number;
  goal: string;
  met: boolean;
  [detail: string]: string | number | boolean;
}

/** Median wall time of `fn` in milliseconds. */
export function time(fn: () => unknown, runs = 5): number {
  for (let i = 0; i < 3; i++) fn(); // warm-up: let the JIT settle before measuring
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/** Median wall time of an async `fn` in milliseconds. */
export async function timeAsync(fn: () => Promise<unknown>, runs = 3): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

export const round = (value: number, places = 2): number => Math.round(value * 10 ** places) / 10 ** places;

export function printTable(results: readonly BenchResult[]): void {
  const rows = results.map((r) => [r.name, r.ratio.toFixed(2), r.goal, r.met ? 'yes' : 'NO']);
  const header = ['figure', 'ratio', 'goal', 'met'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((row) => console.log(line(row)));
}

export function writeResults(results: readonly BenchResult[]): string {
  const file = join(__dirname, 'results.json');
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  return file;
}
