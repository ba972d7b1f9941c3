/** `awards sample --out model.xlsx`: writes the built-in sample model workbook. */
import { sampleModel } from '../engine/model';
import { XlsxWorkbook } from '../workbook/xlsx/workbook';
import { parseArguments, usageText, type CommandSpec } from './args';
import { say, type Command } from './context';
import { EXIT_OK } from './errors';
import { checkExtension, checkOutput, writeOutput } from './files';

export const SAMPLE_SPEC: CommandSpec = {
  name: 'sample',
  brief: 'Write the sample model workbook.',
  summary:
    'Write the sample model workbook: the tables Settings, Funds, Awards, Scenarios (Indicative and ' +
    'Confirmed) and Envelopes, with illustrative figures from real commissioning reports.',
  positionals: [],
  options: [
    { name: 'out', kind: 'value', value: 'FILE', help: 'The workbook to write (.xlsx).', required: true },
    { name: 'force', kind: 'flag', help: 'Replace FILE if it exists (without it, an existing file is left alone).' },
  ],
  notes: ['Example:', '  awards sample --out model.xlsx', '  awards run model.xlsx --out result.xlsx'],
};

export const sample: Command = async (argv, context) => {
  const args = parseArguments(SAMPLE_SPEC, argv);
  if (args.flag('help')) {
    say(context, usageText(SAMPLE_SPEC));
    return EXIT_OK;
  }
  const out = args.value('out') ?? '';
  checkOutput(out, null, args.flag('force'));
  checkExtension(out, ['.xlsx'], 'an Excel workbook');
  context.progress.step(`Writing ${out}`);
  const tables = sampleModel();
  const workbook = await XlsxWorkbook.fromTables(tables);
  await writeOutput(out, workbook.toBytes());
  context.progress.done();
  say(context, `Wrote the sample model to '${out}' (tables ${tables.map((table) => table.name).join(', ')}).`);
  return EXIT_OK;
};
