/**
 * Awards as a 360Giving Data Standard CSV file (one grant a row, the standard's column
 * titles as headers, RFC 4180 quoting, UTF-8).
 *
 * Identifiers follow 360Giving's guidance: a grant's identifier is the publisher's
 * `360G-` prefix, a hyphen, then the funder's own reference with spaces and special
 * characters replaced by `_` (e.g. `360G-GB-GOR-PC000123-VS_01`). A recipient without a
 * registered identifier (charity, company…) gets one under the same prefix, made from
 * its name (`360G-GB-GOR-PC000123-womens-aid`).
 */
import { csvText } from './csvText';
import { formatDecimal } from './money';

/** The publishing funder. */
export interface Funder {
  name: string;
  /** The funder's organisation identifier, e.g. `GB-GOR-PC000123`, or its registered `360G-` prefix. */
  identifier: string;
}

/** One award to publish. Dates are ISO text (`2021-10-01`) or null. */
export interface GrantInput {
  ref: string;
  recipient: string;
  /** A registered identifier such as `GB-CHC-1234567`; `''` when the workbook has none. */
  recipientIdentifier: string;
  service: string;
  fund: string;
  purpose: string;
  /** The amount for the financial year, in pounds (already rounded to the penny). */
  amount: number;
  start: string | null;
  end: string | null;
}

export interface Giving360Options {
  funder: Funder;
  /** ISO date written as every grant's Award Date. */
  awardDate: string;
  /** e.g. `2021/22`, named in each description. */
  financialYear: string;
}

/** The standard's required columns, in the order written. */
export const REQUIRED_COLUMNS = [
  'Identifier',
  'Title',
  'Description',
  'Currency',
  'Amount Awarded',
  'Award Date',
  'Recipient Org:Identifier',
  'Recipient Org:Name',
  'Funding Org:Identifier',
  'Funding Org:Name',
] as const;

export const PLANNED_DATE_COLUMNS = ['Planned Dates:Start Date', 'Planned Dates:End Date'] as const;

/** An optional column of the standard: the fund each award is paid from. */
export const PROGRAMME_COLUMN = 'Grant Programme:Title';

/**
 * The publisher's 360Giving prefix: the funder identifier itself when it already is a
 * `360G-` prefix, else `360G-` and the identifier.
 *
 * @example
 * publisherPrefix('GB-GOR-PC000123') // '360G-GB-GOR-PC000123'
 * publisherPrefix('360G-pccbeds')    // '360G-pccbeds'
 */
export function publisherPrefix(funderIdentifier: string): string {
  const identifier = funderIdentifier.trim();
  return /^360G-/i.test(identifier) ? `360G-${identifier.slice(5)}` : `360G-${identifier}`;
}

/**
 * An internal reference made safe for an identifier: anything but letters, digits,
 * `-`, `_` and `.` becomes `_`.
 *
 * @example
 * identifierPart('VS 01/a') // 'VS_01_a'
 */
export function identifierPart(reference: string): string {
  return reference.trim().replace(/[^A-Za-z0-9._-]/g, '_');
}

/**
 * A name as a lower-case slug of letters, digits and single hyphens.
 *
 * @example
 * slug("Women's Aid (Beds) Ltd") // 'women-s-aid-beds-ltd'
 */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The grant's identifier: the publisher prefix and the award's reference. */
export function grantIdentifier(funderIdentifier: string, ref: string): string {
  return `${publisherPrefix(funderIdentifier)}-${identifierPart(ref)}`;
}

/** The recipient's identifier: the registered one when given, else one made under the publisher prefix. */
export function recipientIdentifier(funderIdentifier: string, grant: Pick<GrantInput, 'recipient' | 'recipientIdentifier'>): string {
  const registered = grant.recipientIdentifier.trim();
  if (registered !== '') return registered;
  return `${publisherPrefix(funderIdentifier)}-${slug(grant.recipient) || 'recipient'}`;
}

function description(grant: GrantInput, financialYear: string): string {
  const parts = [`${grant.fund} award to ${grant.recipient.trim()} for ${financialYear}`];
  if (grant.service.trim() !== '') parts[0] += `: ${grant.service.trim()}`;
  parts[0] += '.';
  if (grant.purpose.trim() !== '') parts.push(`Purpose: ${grant.purpose.trim()}.`);
  return parts.join(' ');
}

/**
 * The 360Giving rows as CSV records, header first. Awards of £0 are left out (they
 * are not grants); the Planned Dates columns are there when any award has a Start or
 * an End.
 */
export function giving360Records(grants: readonly GrantInput[], options: Giving360Options): string[][] {
  const published = grants.filter((grant) => grant.amount !== 0);
  const dated = published.some((grant) => grant.start !== null || grant.end !== null);
  const header: string[] = [...REQUIRED_COLUMNS, ...(dated ? PLANNED_DATE_COLUMNS : []), PROGRAMME_COLUMN];
  const { funder } = options;
  const rows = published.map((grant) => {
    const row: Record<string, string> = {
      Identifier: grantIdentifier(funder.identifier, grant.ref),
      Title: grant.service.trim() === '' ? `${grant.fund} award` : grant.service.trim(),
      Description: description(grant, options.financialYear),
      Currency: 'GBP',
      'Amount Awarded': formatDecimal(grant.amount),
      'Award Date': options.awardDate,
      'Recipient Org:Identifier': recipientIdentifier(funder.identifier, grant),
      'Recipient Org:Name': grant.recipient.trim(),
      'Funding Org:Identifier': funder.identifier.trim(),
      'Funding Org:Name': funder.name.trim(),
      'Planned Dates:Start Date': grant.start ?? '',
      'Planned Dates:End Date': grant.end ?? '',
      [PROGRAMME_COLUMN]: grant.fund,
    };
    return header.map((column) => row[column]);
  });
  return [header, ...rows];
}

/** The awards as 360Giving CSV text (RFC 4180, CRLF line ends, UTF-8 without a byte-order mark). */
export function renderGiving360(grants: readonly GrantInput[], options: Giving360Options): string {
  return csvText(giving360Records(grants, options));
}
