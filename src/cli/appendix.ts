/**
 * `awards appendix MODEL --scenario NAME --format html|md|csv|docx --out FILE`: runs the
 * model for one scenario and writes its board-paper appendices — every appendix
 * number, each with its title and table — as one document.
 */
import * as path from 'path';
import type { Appendix } from '../engine/model';
import { renderCsv } from '../render/csv';
import { renderDocx } from '../render/docx';
import { renderHtml } from '../render/html';
import { renderMarkdown } from '../render/markdown';
import { parseArguments, usageText, type CommandSpec } from './args';
import { say, type Command } from './context';
import { EXIT_OK, InputError, UsageError } from './errors';
import { checkExtension, checkOutput, writeOutput } from './files';
import { openModel, runOpened } from './model';
import { warnErrors } from './report';

export const APPENDIX_FORMATS = ['html', 'md', 'csv', 'docx'] as const;
export type AppendixFormat = (typeof APPENDIX_FORMATS)[number];

const EXTENSIONS: Record<string, AppendixFormat> = {
  '.html': 'html', '.htm': 'html', '.md': 'md', '.markdown': 'md', '.csv': 'csv', '.docx': 'docx',
};

export const APPENDIX_SPEC: CommandSpec = {
  name: 'appendix',
  brief: 'Write one scenario\'s board-paper appendices (html, md, csv or docx).',
  summary:
    'Run the model for one scenario and write its board-paper appendices (every appendix number, each ' +
    'with its title, table and total row) as one document.',
  positionals: [{ name: 'MODEL', help: 'The model workbook (.xlsx).' }],
  options: [
    { name: 'scenario', kind: 'value', value: 'NAME', help: 'The scenario the appendices show.', required: true },
    {
      name: 'format', kind: 'value', value: 'FORMAT',
      help: 'html (a web page), md (Markdown), csv (one file, a blank line between appendices) or docx (Word). ' +
        'Default: from the extension of FILE.',
    },
    { name: 'out', kind: 'value', value: 'FILE', help: 'The document to write, replaced if it exists; never MODEL.', required: true },
  ],
  notes: [
    'CSV amounts are plain numbers (1234.50) so that a spreadsheet reads them as numbers;',
    'the other formats print them as money (£1,234.50).',
    '',
    'Example:',
    '  awards appendix model.xlsx --scenario Confirmed --format docx --out appendix.docx',
  ],
};

/** The extensions a file of each format may have. */
const FORMAT_EXTENSIONS: Record<AppendixFormat, readonly string[]> = {
  html: ['.html', '.htm'], md: ['.md', '.markdown'], csv: ['.csv'], docx: ['.docx'],
};

const FORMAT_WORDS: Record<AppendixFormat, string> = {
  html: 'a web page (html)', md: 'Markdown (md)', csv: 'CSV (csv)', docx: 'a Word document (docx)',
};

/**
 * The format asked for, else the one FILE's extension names; with a format asked for,
 * FILE's extension must be one of that format's.
 *
 * @throws {InputError} when FILE's extension does not fit the format asked for
 */
export function appendixFormat(format: string | undefined, out: string): AppendixFormat {
  const chosen = chosenFormat(format, out);
  checkExtension(out, FORMAT_EXTENSIONS[chosen], FORMAT_WORDS[chosen]);
  return chosen;
}

function chosenFormat(format: string | undefined, out: string): AppendixFormat {
  if (format !== undefined) {
    const wanted = format.trim().toLowerCase().replace(/^\./, '');
    const known = wanted === 'markdown' ? 'md' : wanted === 'htm' ? 'html' : wanted;
    const found = APPENDIX_FORMATS.find((name) => name === known);
    if (found === undefined) {
      throw new UsageError(`Unknown format '${format}'. Use one of: ${APPENDIX_FORMATS.join(', ')}.`, APPENDIX_SPEC.name);
    }
    return found;
  }
  const byExtension = EXTENSIONS[path.extname(out).toLowerCase()];
  if (byExtension === undefined) {
    throw new UsageError(
      `Say which format to write with --format (${APPENDIX_FORMATS.join(', ')}): '${out}' has no extension that names one.`,
      APPENDIX_SPEC.name,
    );
  }
  return byExtension;
}

/** The appendices in the format asked for: text or, for Word, bytes. */
export async function renderAppendices(appendices: readonly Appendix[], format: AppendixFormat): Promise<string | Uint8Array> {
  switch (format) {
    case 'html':
      return renderHtml(appendices);
    case 'md':
      return renderMarkdown(appendices);
    case 'csv':
      return renderCsv(appendices);
    case 'docx':
      return renderDocx(appendices);
  }
}

export const appendix: Command = async (argv, context) => {
  const args = parseArguments(APPENDIX_SPEC, argv);
  if (args.flag('help')) {
    say(context, usageText(APPENDIX_SPEC));
    return EXIT_OK;
  }
  const [file] = args.positionals;
  const out = args.value('out') ?? '';
  const scenario = args.value('scenario') ?? '';
  checkOutput(out, file, true);
  const format = appendixFormat(args.value('format'), out);

  const opened = await openModel(file, context);
  const result = runOpened(opened, { scenarios: [scenario], appendixScenario: scenario }, context);
  const appendices = result.appendices;
  if (appendices.length === 0) {
    context.progress.done();
    const funds = opened.tables.Funds?.sheet ?? 'Funds';
    throw new InputError(
      `In '${file}': no fund has an Appendix number (table 'Funds', sheet '${funds}', column 'Appendix'), ` +
        `so there is no appendix to write. Nothing was written.`,
    );
  }
  context.progress.step(`Writing ${out}`);
  try {
    await writeOutput(out, await renderAppendices(appendices, format));
  } finally {
    context.progress.done();
  }
  const names = appendices.map((item) => `Appendix ${item.number}`).join(', ');
  say(context, `Wrote ${names} of scenario ${result.appendices[0].scenario} to '${out}' (${format}).`);
  warnErrors(context, result, file, scenario);
  return EXIT_OK;
};
