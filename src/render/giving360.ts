/**
 * Awards as 360Giving Data Standard data (SPEC §4): one grant per award, as the
 * standard's JSON (a grants package with its metadata) or as its CSV form (one grant a
 * row, the standard's column titles as headers, RFC 4180, UTF-8).
 *
 * - Identifier: `<360Giving prefix>-<year as 2021-22>-<Ref>`, the ref's spaces and
 *   special characters replaced by `_` — unique from year to year, as the standard asks.
 * - Amount Awarded: the award's amount for the financial year; Planned Dates: the
 *   award's dates cut to the year (the whole year when it has none), so that the amount
 *   and the dates tell the same story; the Description says when the award runs beyond.
 * - Recipient Org:Identifier: the `Recipient identifier` when it is an org-id (with its
 *   Charity or Company Number), else `<prefix>-<recipient name as a slug>`, one per
 *   recipient and kept unique.
 * - Beneficiary Location: the police force area (geographic code type `PFA`).
 * - Text exactly as written: the CSV is data for 360Giving's tools, not a sheet to open
 *   in a spreadsheet, so it has no formula guard (an apostrophe would become part of
 *   `-Dash Trust`).
 */
import { csvText } from './csvText';
import { formatDecimal } from './money';
import { checkOrgId } from './orgId';

/** The publishing funder. */
export interface Funder {
  name: string;
  /** The funder's org-id (e.g. `GB-CHC-…`, `GB-LAE-…`), or its 360Giving prefix when it has none. */
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

/** Where the grants' beneficiaries are: a police force area. */
export interface BeneficiaryArea {
  name: string;
  /** The ONS code, e.g. `E23000023`. */
  code: string;
}

export interface Giving360Options {
  /** The publisher's registered prefix, e.g. `360G-cambspcc`. */
  prefix: string;
  funder: Funder;
  /** ISO date written as every grant's Award Date. */
  awardDate: string;
  /** e.g. `2021/22`, named in each description and in the identifiers (`2021-22`). */
  financialYear: string;
  /** The financial year's first and last days, ISO. */
  yearStart: string;
  yearEnd: string;
  /** The police force area; null when the settings name none. */
  area: BeneficiaryArea | null;
}

/** One grant as the 360Giving JSON schema has it (the fields this publisher writes). */
export interface Grant360 {
  id: string;
  title: string;
  description: string;
  currency: 'GBP';
  amountAwarded: number;
  awardDate: string;
  plannedDates: { startDate: string; endDate: string }[];
  recipientOrganization: { id: string; name: string; charityNumber?: string; companyNumber?: string }[];
  fundingOrganization: { id: string; name: string }[];
  grantProgramme: { title: string }[];
  beneficiaryLocation?: { name: string; geoCode: string; geoCodeType: 'PFA'; countryCode: 'GB' }[];
}

/** A finding of the Data Quality Tool's kind, about one grant or the file. */
export interface QualityFinding {
  level: 'error' | 'warning';
  /** e.g. `Future award date`, `Unrecognised org-id prefix`, `Duplicate identifier`. */
  check: string;
  ref: string;
  message: string;
}

/** The 360Giving data for a set of awards: the grants and what checking them found. */
export interface Giving360Data {
  grants: Grant360[];
  findings: QualityFinding[];
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

export const RECIPIENT_NUMBER_COLUMNS = ['Recipient Org:Charity Number', 'Recipient Org:Company Number'] as const;

export const LOCATION_COLUMNS = [
  'Beneficiary Location:Name', 'Beneficiary Location:Geographic Code', 'Beneficiary Location:Geographic Code Type',
  'Beneficiary Location:Country Code',
] as const;

/** The 360Giving schema version this publisher writes. */
export const SCHEMA_VERSION = '1.4';

/**
 * Whether text is a 360Giving prefix: `360G-` then letters, digits and hyphens.
 *
 * @example
 * isGivingPrefix('360G-cambspcc') //=> true
 * isGivingPrefix('GB-GOR-PC000000') //=> false
 */
export function isGivingPrefix(text: string): boolean {
  return /^360G-[A-Za-z0-9][A-Za-z0-9-]*$/i.test(text.trim());
}

/** The prefix as registered, `360G-` in capitals. */
export function normalPrefix(prefix: string): string {
  const text = prefix.trim();
  return `360G-${text.slice(5)}`;
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

/**
 * The year as identifiers write it.
 *
 * @example
 * yearPart('2021/22') //=> '2021-22'
 */
export function yearPart(financialYear: string): string {
  return financialYear.replace('/', '-');
}

/**
 * The grant's identifier: prefix, year and the award's reference.
 *
 * @example
 * grantIdentifier('360G-cambspcc', '2021/22', 'VS-01') //=> '360G-cambspcc-2021-22-VS-01'
 */
export function grantIdentifier(prefix: string, financialYear: string, ref: string): string {
  return `${normalPrefix(prefix)}-${yearPart(financialYear)}-${identifierPart(ref)}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function inWords(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** The award's dates cut to the year: ISO text compares as dates do. */
function datesInYear(grant: GrantInput, options: Giving360Options): { startDate: string; endDate: string } {
  const start = grant.start !== null && grant.start > options.yearStart ? grant.start : options.yearStart;
  const end = grant.end !== null && grant.end < options.yearEnd ? grant.end : options.yearEnd;
  return { startDate: start, endDate: end };
}

function description(grant: GrantInput, options: Giving360Options, dates: { startDate: string; endDate: string }): string {
  const recipient = grant.recipient.trim();
  const service = grant.service.trim();
  const parts = [`${grant.fund} award to ${recipient} for ${options.financialYear}${service === '' ? '' : `: ${service}`}.`];
  if (grant.purpose.trim() !== '') parts.push(`Purpose: ${grant.purpose.trim()}.`);
  const before = grant.start !== null && grant.start < options.yearStart;
  const after = grant.end !== null && grant.end > options.yearEnd;
  if (before || after) {
    const from = grant.start === null ? '' : ` from ${inWords(grant.start)}`;
    const to = grant.end === null ? '' : ` to ${inWords(grant.end)}`;
    parts.push(
      `The award runs${from}${to}; this grant is its part in ${options.financialYear} ` +
        `(${inWords(dates.startDate)} to ${inWords(dates.endDate)}).`,
    );
  }
  return parts.join(' ');
}

/** Recipient identifiers: the org-id when it is one, else one made under the prefix, unique per recipient. */
class Recipients {
  private readonly made = new Map<string, string>();
  private readonly taken = new Set<string>();

  constructor(
    private readonly prefix: string,
    private readonly findings: QualityFinding[],
  ) {}

  of(grant: GrantInput): Grant360['recipientOrganization'][number] {
    const name = grant.recipient.trim();
    const written = grant.recipientIdentifier.trim();
    if (written !== '') {
      const checked = checkOrgId(written);
      if (checked.ok) {
        if (checked.repaired !== undefined) {
          this.findings.push({ level: 'warning', check: 'Org-id repaired', ref: grant.ref, message: `${grant.ref}: ${checked.repaired}.` });
        }
        const organisation: Grant360['recipientOrganization'][number] = { id: checked.identifier, name };
        if (checked.charityNumber !== undefined) organisation.charityNumber = checked.charityNumber;
        if (checked.companyNumber !== undefined) organisation.companyNumber = checked.companyNumber;
        return organisation;
      }
      this.findings.push({
        level: 'warning', check: 'Unrecognised org-id prefix', ref: grant.ref,
        message: `${grant.ref}: Recipient identifier ${checked.problem}; published under the funder's prefix instead.`,
      });
    }
    return { id: this.madeFor(name), name };
  }

  /** `<prefix>-<slug>`: the same for the same name (case-blind), `-2`, `-3`… when two names share a slug. */
  private madeFor(name: string): string {
    const key = name.toLowerCase();
    const known = this.made.get(key);
    if (known !== undefined) return known;
    const base = `${normalPrefix(this.prefix)}-${slug(name) || 'recipient'}`;
    let identifier = base;
    for (let n = 2; this.taken.has(identifier.toLowerCase()); n++) identifier = `${base}-${n}`;
    this.taken.add(identifier.toLowerCase());
    this.made.set(key, identifier);
    return identifier;
  }
}

/**
 * The grants, and the Data Quality Tool's checks that apply: award dates in the future
 * (`today`, ISO), unrecognised org-id prefixes, duplicate identifiers. Awards of £0
 * are left out (they are not grants).
 */
export function giving360Grants(grants: readonly GrantInput[], options: Giving360Options, today: string): Giving360Data {
  const findings: QualityFinding[] = [];
  const recipients = new Recipients(options.prefix, findings);
  const funderId = options.funder.identifier.trim() === '' ? normalPrefix(options.prefix) : options.funder.identifier.trim();
  const seen = new Map<string, string>();
  const out = grants.filter((grant) => grant.amount !== 0).map((grant): Grant360 => {
    const dates = datesInYear(grant, options);
    const id = grantIdentifier(options.prefix, options.financialYear, grant.ref);
    const earlier = seen.get(id.toLowerCase());
    if (earlier !== undefined) {
      findings.push({
        level: 'error', check: 'Duplicate identifier', ref: grant.ref,
        message: `Refs '${earlier}' and '${grant.ref}' (table 'Awards', column 'Ref') both give the grant identifier '${id}'. ` +
          'Make them differ in letters or digits.',
      });
    }
    seen.set(id.toLowerCase(), grant.ref);
    const result: Grant360 = {
      id,
      title: grant.service.trim() === '' ? `${grant.fund} award` : grant.service.trim(),
      description: description(grant, options, dates),
      currency: 'GBP',
      amountAwarded: grant.amount,
      awardDate: options.awardDate,
      plannedDates: [dates],
      recipientOrganization: [recipients.of(grant)],
      fundingOrganization: [{ id: funderId, name: options.funder.name.trim() }],
      grantProgramme: [{ title: grant.fund }],
    };
    if (options.area !== null) {
      result.beneficiaryLocation = [{ name: options.area.name, geoCode: options.area.code, geoCodeType: 'PFA', countryCode: 'GB' }];
    }
    return result;
  });
  if (options.awardDate > today) {
    findings.push({
      level: 'error', check: 'Future award date', ref: '',
      message: `The Award Date ${options.awardDate} is in the future (today is ${today}): ` +
        'the Award Date is when the awards were decided.',
    });
  }
  return { grants: out, findings };
}

/** The CSV columns: title, and the value of a grant in it. */
const CSV_COLUMNS: readonly [string, (grant: Grant360) => string | undefined][] = [
  ['Identifier', (grant) => grant.id],
  ['Title', (grant) => grant.title],
  ['Description', (grant) => grant.description],
  ['Currency', (grant) => grant.currency],
  ['Amount Awarded', (grant) => formatDecimal(grant.amountAwarded)],
  ['Award Date', (grant) => grant.awardDate],
  ['Recipient Org:Identifier', (grant) => grant.recipientOrganization[0].id],
  ['Recipient Org:Name', (grant) => grant.recipientOrganization[0].name],
  ['Recipient Org:Charity Number', (grant) => grant.recipientOrganization[0].charityNumber],
  ['Recipient Org:Company Number', (grant) => grant.recipientOrganization[0].companyNumber],
  ['Funding Org:Identifier', (grant) => grant.fundingOrganization[0].id],
  ['Funding Org:Name', (grant) => grant.fundingOrganization[0].name],
  ['Planned Dates:Start Date', (grant) => grant.plannedDates[0].startDate],
  ['Planned Dates:End Date', (grant) => grant.plannedDates[0].endDate],
  [PROGRAMME_COLUMN, (grant) => grant.grantProgramme[0].title],
  ['Beneficiary Location:Name', (grant) => grant.beneficiaryLocation?.[0].name],
  ['Beneficiary Location:Geographic Code', (grant) => grant.beneficiaryLocation?.[0].geoCode],
  ['Beneficiary Location:Geographic Code Type', (grant) => grant.beneficiaryLocation?.[0].geoCodeType],
  ['Beneficiary Location:Country Code', (grant) => grant.beneficiaryLocation?.[0].countryCode],
];

/**
 * The grants as CSV records, header first: the required columns and Planned Dates
 * always, the optional ones (charity and company numbers, beneficiary location) when
 * any grant has them.
 */
export function giving360Records(grants: readonly Grant360[]): string[][] {
  const required = new Set<string>([...REQUIRED_COLUMNS, ...PLANNED_DATE_COLUMNS, PROGRAMME_COLUMN]);
  const columns = CSV_COLUMNS.filter(([title, get]) => required.has(title) || grants.some((grant) => get(grant) !== undefined));
  return [columns.map(([title]) => title), ...grants.map((grant) => columns.map(([, get]) => get(grant) ?? ''))];
}

/** The grants as 360Giving CSV text (RFC 4180, CRLF line ends, UTF-8 without a byte-order mark), text exactly as written. */
export function renderGiving360(grants: readonly Grant360[]): string {
  return csvText(giving360Records(grants), { guardFormulas: false });
}

/** What the JSON package says about itself. */
export interface PackageMetadata {
  /** e.g. `Office of the PCC grants 2021/22 (Confirmed)`. */
  title: string;
  description: string;
  /** ISO date the file is issued. */
  issued: string;
  publisher: Funder;
  /** Unique for the publisher, e.g. `360G-cambspcc-2021-22-Confirmed`. */
  identifier: string;
}

/** The grants as a 360Giving JSON package, with its metadata, as text. */
export function renderGiving360Json(grants: readonly Grant360[], metadata: PackageMetadata): string {
  const packageData = {
    version: SCHEMA_VERSION,
    title: metadata.title,
    description: metadata.description,
    identifier: metadata.identifier,
    issued: metadata.issued,
    publisher: { name: metadata.publisher.name, identifier: metadata.publisher.identifier },
    grants,
  };
  return `${JSON.stringify(packageData, null, 2)}\n`;
}
