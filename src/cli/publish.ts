/**
 * `awards publish MODEL --scenario NAME --out grants.csv`: the awards of one scenario
 * as a 360Giving Data Standard CSV file.
 *
 * Choices the standard leaves to the publisher:
 * - Identifier: `360G-<Funder identifier>-<Ref>` (a funder identifier that already is a
 *   registered `360G-` prefix is used as it is); stable, as long as refs are.
 * - Award Date: the first day of the model's financial year (e.g. 2021-04-01), the
 *   date the awards take effect — the same on every run, so that republishing the
 *   same awards gives the same file. `--award-date` sets another (the board's
 *   decision date, say).
 * - Amount Awarded: the award's amount for the financial year under the scenario.
 * - Recipient Org:Identifier: the `Recipient identifier` column (e.g. GB-CHC-1234567);
 *   when blank, one made under the funder's prefix from the recipient's name.
 * - Awards of £0 are left out, and so are awards without a recipient (said on stderr).
 */
import { parseIsoDate, toIsoDate } from '../engine/dates';
import type { Model, ModelResult } from '../engine/model';
import { grantIdentifier, renderGiving360, type GrantInput } from '../render/giving360';
import { parseArguments, usageText, type CommandSpec } from './args';
import { say, warn, type Command, type CommandContext } from './context';
import { EXIT_OK, InputError, UsageError } from './errors';
import { checkExtension, checkOutput, writeOutput } from './files';
import { openModel, runOpened, type OpenedModel } from './model';
import { warnErrors } from './report';

export const PUBLISH_SPEC: CommandSpec = {
  name: 'publish',
  brief: 'Write one scenario\'s awards as a 360Giving Data Standard CSV file.',
  summary:
    'Write the awards of one scenario as a 360Giving Data Standard CSV file (Identifier, Title, ' +
    'Description, Currency, Amount Awarded, Award Date, Recipient Org:Identifier, Recipient Org:Name, ' +
    'Funding Org:Identifier, Funding Org:Name; Planned Dates where Start or End is set; ' +
    'Grant Programme:Title, the fund).',
  positionals: [{ name: 'MODEL', help: 'The model workbook (.xlsx); its Settings table names the funder.' }],
  options: [
    { name: 'scenario', kind: 'value', value: 'NAME', help: 'The scenario whose awards are published.', required: true },
    { name: 'out', kind: 'value', value: 'FILE', help: 'The CSV file to write, replaced if it exists; never MODEL.', required: true },
    {
      name: 'award-date', kind: 'value', value: 'DATE',
      help: 'The Award Date of every grant (YYYY-MM-DD). Default: the first day of the financial year.',
    },
  ],
  notes: [
    'Grant identifiers are 360G-<Funder identifier>-<Ref>. Recipients without a Recipient identifier get',
    '360G-<Funder identifier>-<recipient name as a slug>. Awards of £0.00 are left out.',
    '',
    'Example:',
    '  awards publish model.xlsx --scenario Confirmed --out grants.csv',
  ],
};

function awardDate(option: string | undefined, model: Model): string {
  if (option === undefined) return `${model.settings.startYear}-04-01`;
  try {
    return toIsoDate(parseIsoDate(option));
  } catch {
    throw new UsageError(`--award-date '${option}' is not a date such as 2021-04-01.`, PUBLISH_SPEC.name);
  }
}

/** The funder from the Settings table; both name and identifier are required by 360Giving. */
function funder(opened: OpenedModel): { name: string; identifier: string } {
  const { funderName, funderIdentifier } = opened.model.settings;
  const missing = [funderName === '' ? 'Funder name' : '', funderIdentifier === '' ? 'Funder identifier' : '']
    .filter((setting) => setting !== '');
  if (missing.length > 0) {
    const settings = opened.tables.Settings;
    const where = settings === undefined
      ? `the workbook has no Settings table (columns 'Setting' and 'Value')`
      : `table 'Settings' (sheet '${settings.sheet}') has no ${missing.map((name) => `'${name}'`).join(' or ')} setting`;
    throw new InputError(
      `In '${opened.file}': ${where}. A 360Giving file must name the funder: add the rows ` +
        `${missing.map((name) => `'${name}'`).join(' and ')} (e.g. Funder identifier GB-GOR-PC000123). Nothing was written.`,
    );
  }
  return { name: funderName, identifier: funderIdentifier };
}

/** One published line per award of the scenario (in `Awards` table order), with its amount. */
export function grantsOf(model: Model, result: ModelResult, scenario: string): GrantInput[] {
  const rows = result.allocations.filter((row) => row.scenario === scenario);
  return model.awards.map((award, i) => {
    const row = rows[i];
    // Allocations list every award in Awards table order; the ref check guards that contract.
    if (row === undefined || row.ref !== award.ref) {
      throw new Error(`allocations of scenario '${scenario}' do not follow the Awards table at ${award.ref}`);
    }
    return {
      ref: award.ref,
      recipient: award.recipient,
      recipientIdentifier: award.recipientIdentifier,
      service: award.service,
      fund: award.fund,
      purpose: award.purpose,
      amount: row.amount,
      start: award.start === null ? null : toIsoDate(award.start),
      end: award.end === null ? null : toIsoDate(award.end),
    };
  });
}

/** Grants that cannot be published: no recipient. Said on stderr, left out. */
function publishable(grants: readonly GrantInput[], context: CommandContext): GrantInput[] {
  const kept: GrantInput[] = [];
  for (const grant of grants) {
    if (grant.amount === 0) continue;
    if (grant.recipient.trim() === '') {
      warn(context, `${grant.ref}: left out of the 360Giving file — it has no Recipient.`);
      continue;
    }
    kept.push(grant);
  }
  return kept;
}

/** Identifiers must be unique: refs that differ only in characters replaced by `_` would clash. */
function checkIdentifiers(grants: readonly GrantInput[], funderIdentifier: string, file: string): void {
  const seen = new Map<string, string>();
  for (const grant of grants) {
    const identifier = grantIdentifier(funderIdentifier, grant.ref);
    const earlier = seen.get(identifier);
    if (earlier !== undefined) {
      throw new InputError(
        `In '${file}': refs '${earlier}' and '${grant.ref}' (table 'Awards', column 'Ref') both give the grant ` +
          `identifier '${identifier}'. Make them differ in letters or digits. Nothing was written.`,
      );
    }
    seen.set(identifier, grant.ref);
  }
}

export const publish: Command = async (argv, context) => {
  const args = parseArguments(PUBLISH_SPEC, argv);
  if (args.flag('help')) {
    say(context, usageText(PUBLISH_SPEC));
    return EXIT_OK;
  }
  const [file] = args.positionals;
  const out = args.value('out') ?? '';
  const scenarioAsked = args.value('scenario') ?? '';
  checkOutput(out, file, true);
  checkExtension(out, ['.csv'], '360Giving data as CSV');

  const opened = await openModel(file, context);
  const result = runOpened(opened, { scenarios: [scenarioAsked], appendixScenario: scenarioAsked }, context);
  const scenario = result.scenariosRun[result.scenariosRun.length - 1];
  const date = awardDate(args.value('award-date'), opened.model);
  const who = funder(opened);
  const grants = publishable(grantsOf(opened.model, result, scenario), context);
  checkIdentifiers(grants, who.identifier, file);

  context.progress.step(`Writing ${out}`);
  try {
    await writeOutput(out, renderGiving360(grants, { funder: who, awardDate: date, financialYear: result.financialYear }));
  } finally {
    context.progress.done();
  }
  say(context, `Wrote ${grants.length === 1 ? '1 grant' : `${grants.length} grants`} of scenario ${scenario} to '${out}' (360Giving CSV).`);
  warnErrors(context, result, file, scenario);
  return EXIT_OK;
};
