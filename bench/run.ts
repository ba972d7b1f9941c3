/**
 * npm run bench: every figure as a ratio against a baseline measured in the same run,
 * printed as a table and written to bench/results.json.
 */
import { printTable, writeResults, type BenchResult } from './harness';
import { runPrimitives } from './primitives';

async function main(): Promise<void> {
  const results: BenchResult[] = [];
  console.log('Money primitives…');
  results.push(...runPrimitives());
  printTable(results);
  console.log(`\nWritten to ${writeResults(results)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
