/**
 * npm run bench: every figure as a ratio against a baseline measured in the same run,
 * printed as a table and written to bench/results.json.
 */
import { runAddin } from './addin';
import { printTable, writeResults, type BenchResult } from './harness';
import { runCliBench } from './cli';
import { runModelBench } from './model';
import { runPrimitives } from './primitives';

const SECTIONS: { title: string; run: () => BenchResult[] | Promise<BenchResult[]> }[] = [
  { title: 'Money primitives', run: runPrimitives },
  { title: 'Allocation model', run: runModelBench },
  { title: 'Command line', run: runCliBench },
  { title: 'Add-in: Office.js round trips, bundles, preview', run: runAddin },
];

async function main(): Promise<void> {
  const results: BenchResult[] = [];
  for (const section of SECTIONS) {
    process.stderr.write(`${section.title}…\n`);
    results.push(...(await section.run()));
  }
  printTable(results);
  console.log(`\nWritten to ${writeResults(results)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
