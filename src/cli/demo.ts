/**
 * `npm run demo`: the sample model end to end, through the same commands a user types.
 * Writes out/model.xlsx (the sample), out/result.xlsx (every scenario run),
 * out/appendix.docx, .html and .md (the Confirmed scenario's appendices) and
 * out/grants.csv (its awards as 360Giving data) and out/calendar.ics (its commissioning
 * calendar); prints the fund ledger and the checks.
 */
import { mkdirSync } from 'fs';
import * as path from 'path';
import { main } from './awards';
import { quoteArgument } from './report';

const OUT = 'out';

/** A step as a person pastes it into a shell in the project folder. */
export function pasteable(argv: readonly string[]): string {
  return `npx awards ${argv.map(quoteArgument).join(' ')}`;
}

/** The demo's steps: each an `awards` command line. */
export function demoSteps(folder: string): { argv: string[]; files: string[] }[] {
  const file = (name: string) => path.join(folder, name);
  const model = file('model.xlsx');
  return [
    { argv: ['sample', '--out', model, '--force'], files: [model] },
    { argv: ['run', model, '--out', file('result.xlsx')], files: [file('result.xlsx')] },
    ...['docx', 'html', 'md'].map((format) => ({
      argv: ['appendix', model, '--scenario', 'Confirmed', '--format', format, '--out', file(`appendix.${format}`)],
      files: [file(`appendix.${format}`)],
    })),
    { argv: ['publish', model, '--scenario', 'Confirmed', '--out', file('grants.csv')], files: [file('grants.csv')] },
    { argv: ['calendar', model, '--scenario', 'Confirmed', '--out', file('calendar.ics')], files: [file('calendar.ics')] },
  ];
}

export async function demo(folder = OUT): Promise<number> {
  mkdirSync(folder, { recursive: true });
  process.stdout.write('Awards Modeller demo: the sample model, end to end.\n');
  const written: string[] = [];
  for (const step of demoSteps(folder)) {
    process.stdout.write(`\n$ ${pasteable(step.argv)}\n`);
    const code = await main(step.argv);
    if (code !== 0) {
      process.stderr.write(`The demo stopped: 'awards ${step.argv[0]}' exited with code ${code}.\n`);
      return code;
    }
    written.push(...step.files);
  }
  process.stdout.write(`\nDone. Files written: ${written.join(', ')}.\n`);
  return 0;
}

if (require.main === module) {
  void demo().then((code) => {
    process.exitCode = code;
  });
}
