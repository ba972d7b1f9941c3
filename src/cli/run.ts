/**
 * `awards run MODEL [--out FILE]`: runs the model's scenarios and, with --out, writes a
 * copy of the workbook with the output sheets; prints the fund ledger, the comparison
 * and the checks fitted to the terminal's width (or, with --json, the whole result as
 * one document: `schemas/run-result.schema.json`). Without --out nothing is written.
 */
import { outputSheets } from '../engine/model';
import { parseArguments, usageText, type CommandSpec } from './args';
import { say, terminalWidth, warn, type Command } from './context';
import { asInputError, EXIT_CHECKS_FAILED, EXIT_OK, UsageError } from './errors';
import { checkExtension, checkOutput, checkWorkbookOutput, writeOutput } from './files';
import { runJson } from './json';
import { openModel, runOpened } from './model';
import { checkCounts, runReport } from './report';

/** The extensions `run --out` may name: what it writes is an Excel workbook. */
export const RUN_OUTPUT_EXTENSIONS: readonly string[] = ['.xlsx', '.xlsm'];

export const RUN_SPEC: CommandSpec = {
  name: 'run',
  brief: 'Run the scenarios; write a copy of the workbook with the output sheets.',
  summary:
    'Run the model\'s scenarios (all of them when none is named) and write a copy of the workbook with ' +
    'the output sheets: Allocations, Fund ledger, Checks, Comparison, Commitments and one Appendix N ' +
    'sheet per appendix. The input workbook is never changed.',
  positionals: [{ name: 'MODEL', help: 'The model workbook (.xlsx) holding the tables Funds, Awards and Scenarios.' }],
  options: [
    {
      name: 'out', kind: 'value', value: 'FILE',
      help: 'The workbook to write (.xlsx; .xlsm for a workbook with macros), replaced if it exists; never MODEL. Without it nothing is written.',
    },
    { name: 'scenario', kind: 'repeat', value: 'NAME', help: 'A scenario to run; repeat for more. Default: every scenario.' },
    { name: 'compare', kind: 'pair', value: 'A B', help: 'The two scenarios to compare. Default: the first two run.' },
    { name: 'appendix-scenario', kind: 'value', value: 'NAME', help: 'The scenario the Appendix sheets show. Default: the last run.' },
    {
      name: 'json', kind: 'flag',
      help: 'Print the whole result as one JSON document on stdout instead of the tables (schemas/run-result.schema.json).',
    },
    { name: 'strict', kind: 'flag', help: 'Exit with code 1 when any check is an error.' },
  ],
  notes: [
    'Exit codes: 0 the model ran (whatever the checks found); 1 --strict and an error-level check;',
    '2 the input cannot be used (nothing is written; with --json a JSON error object on stdout too);',
    '3 a fault in Awards Modeller.',
    'A check that is the same in every scenario run is counted once ("in all scenarios").',
    '',
    'Examples:',
    '  awards run model.xlsx --scenario Indicative --scenario Confirmed --out result.xlsx',
    '  awards run model.xlsx --json        # a dry run: prints the result, writes nothing',
  ],
};

export const run: Command = async (argv, context) => {
  const args = parseArguments(RUN_SPEC, argv);
  if (args.flag('help')) {
    say(context, usageText(RUN_SPEC));
    return EXIT_OK;
  }
  const [file] = args.positionals;
  const out = args.value('out');
  const compare = args.pair('compare');
  if (compare !== undefined && compare[0].trim().toLowerCase() === compare[1].trim().toLowerCase()) {
    throw new UsageError(`--compare needs two different scenarios; it was given '${compare[0]}' twice.`, RUN_SPEC.name);
  }
  if (out !== undefined) {
    checkOutput(out, file, true);
    checkExtension(out, RUN_OUTPUT_EXTENSIONS, 'an Excel workbook (a copy of MODEL with the output sheets)');
  }

  const opened = await openModel(file, context);
  if (out !== undefined) checkWorkbookOutput(out, file, opened.workbook.info);
  const appendixScenario = args.value('appendix-scenario');
  const result = runOpened(opened, {
    scenarios: args.all('scenario'),
    ...(compare === undefined ? {} : { compare }),
    ...(appendixScenario === undefined ? {} : { appendixScenario }),
  }, context);

  if (out !== undefined) {
    context.progress.step(`Writing ${out}`);
    try {
      await opened.workbook.writeSheets(outputSheets(result));
      await writeOutput(out, opened.workbook.toBytes());
    } catch (error) {
      throw asInputError(error, file);
    } finally {
      context.progress.done();
    }
  } else {
    context.progress.done();
  }

  if (args.flag('json')) {
    say(context, JSON.stringify(runJson(result, file, out === undefined ? [] : [out]), null, 2));
  } else {
    say(context, runReport(result, file, terminalWidth(context)));
    say(context, out === undefined ? '\nNothing was written (no --out).' : `\nWrote '${out}'.`);
  }
  const errors = checkCounts(result).error;
  if (args.flag('strict') && errors > 0) {
    warn(context, `--strict: ${errors === 1 ? '1 check is an error' : `${errors} checks are errors`}; exit code 1.`);
    return EXIT_CHECKS_FAILED;
  }
  return EXIT_OK;
};
