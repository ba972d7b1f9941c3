/**
 * `awards publish MODEL --scenario NAME [--format csv|json] --out FILE`: the grants of
 * one scenario as 360Giving Data Standard data (SPEC §4), valid against the standard's
 * schema — CSV with the standard's column titles, or the JSON package with its metadata.
 *
 * What it takes from the Settings table: `360Giving prefix` (required: grant
 * identifiers are `<prefix>-<2021-22>-<Ref>`), `Funder name` (required), `Funder
 * identifier` (an org-id; blank: the prefix stands for the funder), `Decision date`
 * (the Award Date, unless `--award-date`; never in the future), `Police force area`
 * and `Police force area code` (the Beneficiary Location).
 *
 * What it leaves out: awards of £0, awards without a recipient, and contracts, tenders
 * and single tender actions (not grants) unless `--include-contracts` — each said on
 * stderr. A model with an error-level check is not published (exit 1, naming the
 * checks) unless `--force`.
 */
import * as path from 'path';
import { compareDates, parseIsoDate, toIsoDate, type CalendarDate } from '../engine/dates';
import { fiscalYearOf } from '../engine/fiscalYear';
import type { Check, Model, ModelResult } from '../engine/model';
import {
  giving360Grants, isGivingPrefix, renderGiving360, renderGiving360Json, slug, yearPart, type Funder, type GrantInput,
} from '../render/giving360';
import { checkOrgId } from '../render/orgId';
import { parseArguments, usageText, type CommandSpec } from './args';
import { say, warn, type Command, type CommandContext } from './context';
import { EXIT_CHECKS_FAILED, EXIT_OK, InputError, UsageError } from './errors';
import { checkExtension, checkOutput, writeOutput } from './files';
import { openModel, runOpened, type OpenedModel } from './model';

export const PUBLISH_FORMATS = ['csv', 'json'] as const;
export type PublishFormat = (typeof PUBLISH_FORMATS)[number];

export const PUBLISH_SPEC: CommandSpec = {
  name: 'publish',
  brief: 'Write one scenario\'s grants as 360Giving Data Standard data (CSV or JSON).',
  summary:
    'Write the grants of one scenario as 360Giving Data Standard data, valid against the standard\'s schema: ' +
    'CSV with the standard\'s column titles, or the 360Giving JSON package with its metadata.',
  positionals: [{ name: 'MODEL', help: 'The model workbook (.xlsx); its Settings table names the funder and the 360Giving prefix.' }],
  options: [
    { name: 'scenario', kind: 'value', value: 'NAME', help: 'The scenario whose grants are published.', required: true },
    {
      name: 'format', kind: 'value', value: 'FORMAT',
      help: 'csv (the standard\'s spreadsheet form) or json (a grants package). Default: from the extension of FILE.',
    },
    { name: 'out', kind: 'value', value: 'FILE', help: 'The file to write (.csv or .json), replaced if it exists; never MODEL.', required: true },
    {
      name: 'award-date', kind: 'value', value: 'DATE',
      help: 'The Award Date of every grant (YYYY-MM-DD), when the awards were decided. Default: the Decision date setting.',
    },
    { name: 'include-contracts', kind: 'flag', help: 'Publish contracts, tenders and single tender actions too (they are not grants).' },
    { name: 'force', kind: 'flag', help: 'Publish even when a check of the model is an error.' },
  ],
  notes: [
    'Settings used: 360Giving prefix (required, e.g. 360G-cambspcc), Funder name (required), Funder identifier',
    '(an org-id such as GB-CHC-1234567; blank: the prefix stands for the funder), Decision date, Police force area,',
    'Police force area code (e.g. E23000023).',
    '',
    'Grant identifiers are <prefix>-<year>-<Ref> (e.g. 360G-cambspcc-2021-22-VS-02). Amount Awarded is the amount',
    'for the year and Planned Dates are the award\'s dates cut to the year. A Recipient identifier that is not an',
    'org-id is replaced by <prefix>-<recipient name>. Awards of £0.00 are left out.',
    '',
    'Exit codes: 0 written; 1 an error-level check in the model (nothing written; --force publishes anyway);',
    '2 the input or a setting cannot be used.',
    '',
    'Example:',
    '  awards publish model.xlsx --scenario Confirmed --out grants.csv',
  ],
};

const EXTENSIONS: Record<string, PublishFormat> = { '.csv': 'csv', '.json': 'json' };

/** The format asked for (its file's extension must agree), else the one FILE's extension names. */
export function publishFormat(format: string | undefined, out: string): PublishFormat {
  const byExtension = EXTENSIONS[path.extname(out).toLowerCase()];
  if (format === undefined) {
    if (byExtension !== undefined) return byExtension;
    checkExtension(out, PUBLISH_FORMATS.map((name) => `.${name}`), `360Giving data (${PUBLISH_FORMATS.join(' or ')})`);
    return 'csv';
  }
  const wanted = format.trim().toLowerCase().replace(/^\./, '');
  const found = PUBLISH_FORMATS.find((name) => name === wanted);
  if (found === undefined) throw new UsageError(`Unknown format '${format}'. Use one of: ${PUBLISH_FORMATS.join(', ')}.`, PUBLISH_SPEC.name);
  if (byExtension !== undefined && byExtension !== found) {
    throw new UsageError(`--format ${found} writes a .${found} file, but --out names '${out}'. Nothing was written.`, PUBLISH_SPEC.name);
  }
  return found;
}

/** Where the Settings table is, for messages. */
function settingsPlace(opened: OpenedModel): string {
  const settings = opened.tables.Settings;
  return settings === undefined
    ? `the workbook has no Settings table (columns 'Setting' and 'Value')`
    : `table 'Settings' (sheet '${settings.sheet}', column 'Value')`;
}

function settingProblem(opened: OpenedModel, problem: string): InputError {
  return new InputError(`In '${opened.file}', ${settingsPlace(opened)}: ${problem} Nothing was written.`);
}

/** The publisher's prefix and the funder, from the Settings table. */
function publisher(opened: OpenedModel): { prefix: string; funder: Funder } {
  const { giving360Prefix, funderName, funderIdentifier } = opened.model.settings;
  if (giving360Prefix === '') {
    throw settingProblem(opened,
      `there is no '360Giving prefix' setting. Add it: the prefix 360Giving registered for the publisher, e.g. 360G-cambspcc ` +
        '(360Giving gives one on request; every grant identifier starts with it).');
  }
  if (!isGivingPrefix(giving360Prefix)) {
    throw settingProblem(opened, `360Giving prefix '${giving360Prefix}' is not a 360Giving prefix such as 360G-cambspcc.`);
  }
  if (funderName === '') throw settingProblem(opened, `there is no 'Funder name' setting. A 360Giving file must name the funder.`);
  let identifier = '';
  if (funderIdentifier !== '') {
    const checked = checkOrgId(funderIdentifier);
    if (!checked.ok) {
      throw settingProblem(opened,
        `Funder identifier ${checked.problem}. Give the funder's org-id (e.g. GB-CHC-…, GB-LAE-…), or leave it blank ` +
          'and the 360Giving prefix stands for the funder.');
    }
    identifier = checked.identifier;
  }
  const prefix = `360G-${giving360Prefix.trim().slice(5)}`;
  return { prefix, funder: { name: funderName, identifier: identifier === '' ? prefix : identifier } };
}

/** The Award Date: --award-date, else the Decision date setting; never after today. */
function awardDate(option: string | undefined, opened: OpenedModel, today: string): string {
  let date: CalendarDate;
  let source: string;
  if (option !== undefined) {
    try {
      date = parseIsoDate(option.trim());
    } catch {
      throw new UsageError(`--award-date '${option}' is not a date such as 2021-02-10.`, PUBLISH_SPEC.name);
    }
    source = `--award-date ${toIsoDate(date)}`;
  } else if (opened.model.settings.decisionDate !== null) {
    date = opened.model.settings.decisionDate;
    source = `Decision date ${toIsoDate(date)} (${settingsPlace(opened)})`;
  } else {
    throw settingProblem(opened,
      `there is no 'Decision date' setting: the 360Giving Award Date is when the awards were decided. ` +
        'Add the setting, or give --award-date YYYY-MM-DD.');
  }
  if (compareDates(date, parseIsoDate(today)) > 0) {
    throw new InputError(
      `In '${opened.file}': the ${source} is in the future (today is ${today}); the Award Date is when the awards were ` +
        'decided, so it cannot be after today. Nothing was written.',
    );
  }
  return toIsoDate(date);
}

/** The police force area, from the settings; null when neither is set. */
function area(opened: OpenedModel): { name: string; code: string } | null {
  const { policeForceArea, policeForceAreaCode } = opened.model.settings;
  if (policeForceArea === '' && policeForceAreaCode === '') return null;
  if (policeForceArea === '' || policeForceAreaCode === '') {
    throw settingProblem(opened,
      `the Beneficiary Location needs both 'Police force area' and 'Police force area code' (e.g. Cambridgeshire, E23000023).`);
  }
  if (!/^[EW]23\d{6}$/.test(policeForceAreaCode)) {
    throw settingProblem(opened,
      `Police force area code '${policeForceAreaCode}' is not an ONS police force area code such as E23000023.`);
  }
  return { name: policeForceArea, code: policeForceAreaCode };
}

/** Routes that are not grants (trimmed, case-blind). */
const NOT_GRANTS = new Set(['contract', 'tender', 'single tender action', 'sta']);

export function isContractRoute(route: string): boolean {
  return NOT_GRANTS.has(route.trim().toLowerCase().replace(/[\s-]+/g, ' '));
}

/** One published line per award of the scenario (in `Awards` table order), with its amount and route. */
export function grantsOf(model: Model, result: ModelResult, scenario: string): (GrantInput & { route: string })[] {
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
      route: award.route,
    };
  });
}

function refList(refs: readonly string[]): string {
  return refs.length <= 6 ? refs.join(', ') : `${refs.slice(0, 6).join(', ')} and ${refs.length - 6} more`;
}

/** The grants to publish: not £0, with a recipient, and not contracts unless asked. What is left out is said on stderr. */
function publishable(grants: readonly (GrantInput & { route: string })[], includeContracts: boolean, context: CommandContext): GrantInput[] {
  const kept: GrantInput[] = [];
  const contracts: string[] = [];
  for (const { route, ...grant } of grants) {
    if (grant.amount === 0) continue;
    if (grant.recipient.trim() === '') {
      warn(context, `${grant.ref}: left out of the 360Giving file — it has no Recipient.`);
      continue;
    }
    if (!includeContracts && isContractRoute(route)) {
      contracts.push(grant.ref);
      continue;
    }
    kept.push(grant);
  }
  if (contracts.length > 0) {
    warn(context,
      `Left out ${contracts.length === 1 ? '1 award' : `${contracts.length} awards`} whose Route is a contract, tender or single ` +
        `tender action (${refList(contracts)}): they are not grants. --include-contracts publishes them.`);
  }
  return kept;
}

/** The error-level checks of the run, one line each. */
function errorLines(checks: readonly Check[]): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const check of checks) {
    if (check.severity !== 'error') continue;
    const line = `${check.check}${check.scenario === '' ? '' : ` (${check.scenario})`}: ${check.message}`;
    if (!seen.has(line)) lines.push(line);
    seen.add(line);
  }
  return lines;
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
  const format = publishFormat(args.value('format'), out);
  checkExtension(out, [`.${format}`], `360Giving data as ${format.toUpperCase()}`);

  const opened = await openModel(file, context);
  const result = runOpened(opened, { scenarios: [scenarioAsked], appendixScenario: scenarioAsked }, context);
  context.progress.done();
  const scenario = result.scenariosRun[result.scenariosRun.length - 1];
  const today = context.clock.today;
  const { prefix, funder } = publisher(opened);
  const options = {
    prefix, funder,
    awardDate: awardDate(args.value('award-date'), opened, today),
    financialYear: result.financialYear,
    yearStart: toIsoDate(fiscalYearOf(opened.model.settings.startYear).start),
    yearEnd: toIsoDate(fiscalYearOf(opened.model.settings.startYear).end),
    area: area(opened),
  };

  const errors = errorLines(result.checks);
  if (errors.length > 0 && !args.flag('force')) {
    warn(context, [
      `Not published: ${errors.length === 1 ? '1 check of the model is an error' : `${errors.length} checks of the model are errors`} ` +
        `(scenario ${scenario}). Mend the model, or publish anyway with --force. Nothing was written.`,
      ...errors.map((line) => `  ${line}`),
    ].join('\n'));
    return EXIT_CHECKS_FAILED;
  }

  const grants = publishable(grantsOf(opened.model, result, scenario), args.flag('include-contracts'), context);
  const data = giving360Grants(grants, options, today);
  const refused = data.findings.filter((finding) => finding.level === 'error');
  if (refused.length > 0) {
    throw new InputError(`In '${file}': ${refused.map((finding) => finding.message).join(' ')} Nothing was written.`);
  }
  for (const finding of data.findings) warn(context, finding.message);
  if (data.grants.length === 0) {
    throw new InputError(`In '${file}': scenario ${scenario} has no grants to publish (every award is £0.00 or left out). Nothing was written.`);
  }

  context.progress.step(`Writing ${out}`);
  try {
    const text = format === 'json'
      ? renderGiving360Json(data.grants, {
        title: `${funder.name} grants ${result.financialYear} (${scenario})`,
        description: `Grants of ${funder.name} for ${result.financialYear}, scenario ${scenario}, published from the awards model.`,
        identifier: `${prefix}-${yearPart(result.financialYear)}-${slug(scenario) || 'grants'}`,
        issued: today,
        publisher: funder,
      })
      : renderGiving360(data.grants);
    await writeOutput(out, text);
  } finally {
    context.progress.done();
  }
  const count = data.grants.length === 1 ? '1 grant' : `${data.grants.length} grants`;
  say(context, `Wrote ${count} of scenario ${scenario} to '${out}' (360Giving ${format === 'json' ? 'JSON' : 'CSV'}).`);
  if (errors.length > 0) warn(context, `--force: published although ${errors.length === 1 ? '1 check is an error' : `${errors.length} checks are errors`}.`);
  return EXIT_OK;
};
