/**
 * Organisation identifiers in the org-id form (https://org-id.guide): a register's
 * prefix, a hyphen, and the organisation's number in that register — `GB-CHC-1234567`
 * (a charity in England and Wales), `GB-COH-01234567` (a company). 360Giving joins up
 * grants by these, so a recipient identifier that is not one is not published as one.
 *
 * The prefixes are those of org-id.guide's registers that UK funders' recipients are
 * found in (the folder of the standard's schemas holds no org-id codelist, so the list
 * is kept here); `360G-` identifiers are a publisher's own. Each known register's
 * number is checked against the form it takes, and a company number that lost its
 * leading zeros in a spreadsheet (`GB-COH-1234567`) is given them back.
 */

/** A register: what it is, and the form of its numbers (upper case). */
interface Register {
  name: string;
  number: RegExp;
  /** How a number of the register is written, for messages. */
  example: string;
}

/** org-id.guide registers for UK organisations, and a few international ones seen in UK grants. */
export const REGISTERS: Readonly<Record<string, Register>> = {
  'GB-CHC': { name: 'Charity Commission for England and Wales', number: /^\d{6,7}(-\d+)?$/, example: 'GB-CHC-1234567' },
  'GB-SC': { name: 'Scottish Charity Regulator', number: /^SC\d{6}$/, example: 'GB-SC-SC012345' },
  'GB-NIC': { name: 'Charity Commission for Northern Ireland', number: /^\d{6}$/, example: 'GB-NIC-100002' },
  'GB-COH': { name: 'Companies House', number: /^([A-Z]{2}\d{6}|\d{8})$/, example: 'GB-COH-01234567' },
  'GB-MPR': { name: 'Mutuals Public Register (FCA)', number: /^[0-9A-Z]+$/, example: 'GB-MPR-12345R' },
  'GB-EDU': { name: 'Get Information about Schools (England)', number: /^\d{6}$/, example: 'GB-EDU-123456' },
  'GB-UKPRN': { name: 'UK Register of Learning Providers', number: /^\d{8}$/, example: 'GB-UKPRN-10001234' },
  'GB-LAE': { name: 'Local authorities in England', number: /^[A-Z]{3,4}$/, example: 'GB-LAE-CAM' },
  'GB-LAS': { name: 'Local authorities in Scotland', number: /^[A-Z]{3,4}$/, example: 'GB-LAS-EDH' },
  'GB-LANI': { name: 'Local authorities in Northern Ireland', number: /^[A-Z]{3,4}$/, example: 'GB-LANI-BFS' },
  'GB-PLA': { name: 'Principal local authorities in Wales', number: /^[A-Z]{3,4}$/, example: 'GB-PLA-CRF' },
  'GB-NHS': { name: 'NHS organisations', number: /^[0-9A-Z]{3,6}$/, example: 'GB-NHS-RGT' },
  'GB-GOV': { name: 'UK government organisations', number: /^[A-Z]\d{4}$/, example: 'GB-GOV-D1234' },
  'GB-SHPE': { name: 'Social housing providers (England)', number: /^[0-9A-Z]+$/, example: 'GB-SHPE-L1234' },
  'GB-CASC': { name: 'Community amateur sports clubs (HMRC)', number: /^[0-9A-Z]+$/, example: 'GB-CASC-CH12345' },
  'GB-REV': { name: 'HMRC charities', number: /^[0-9A-Z]+$/, example: 'GB-REV-AB12345' },
  'GB-WALEDU': { name: 'Schools in Wales', number: /^\d{7}$/, example: 'GB-WALEDU-6601234' },
  'GB-SCOTEDU': { name: 'Schools in Scotland', number: /^\d{7}$/, example: 'GB-SCOTEDU-5123456' },
  'GB-NIEDU': { name: 'Schools in Northern Ireland', number: /^\d{7}$/, example: 'GB-NIEDU-1234567' },
  'IE-CHY': { name: 'Revenue Commissioners (Ireland) charities', number: /^\d+$/, example: 'IE-CHY-12345' },
  'IE-CRO': { name: 'Companies Registration Office (Ireland)', number: /^\d+$/, example: 'IE-CRO-123456' },
  'XI-GRID': { name: 'Global Research Identifier Database', number: /^[0-9A-Z.]+$/, example: 'XI-GRID-GRID.1234.5' },
  'XI-ROR': { name: 'Research Organization Registry', number: /^[0-9A-Z]+$/, example: 'XI-ROR-0ABCDE12' },
};

/** Registers whose identifiers must not be used: retired, or never listing these organisations. */
const RETIRED: Readonly<Record<string, string>> = {
  'GB-GOR': 'GB-GOR is a retired register of central-government bodies, which never listed PCCs',
};

/** What checking an identifier found. */
export type OrgIdCheck =
  | { ok: true; identifier: string; charityNumber?: string; companyNumber?: string; repaired?: string }
  | { ok: false; problem: string };

/** The register prefix of an identifier (the longest known one it starts with), or null. */
function prefixOf(identifier: string): string | null {
  const known = Object.keys(REGISTERS).filter((prefix) => identifier.startsWith(`${prefix}-`));
  return known.sort((a, b) => b.length - a.length)[0] ?? null;
}

/**
 * Checks an identifier against the org-id form, giving its charity or company number.
 * `360G-…` identifiers (a publisher's own) pass as they are.
 *
 * @example
 * checkOrgId('GB-CHC-1234567')  //=> { ok: true, identifier: 'GB-CHC-1234567', charityNumber: '1234567' }
 * checkOrgId('GB-COH-1234567')  //=> { ok: true, identifier: 'GB-COH-01234567', companyNumber: '01234567', repaired: … }
 * checkOrgId('1234567')         //=> { ok: false, problem: "'1234567' has no register prefix …" }
 */
export function checkOrgId(text: string): OrgIdCheck {
  const written = text.trim();
  const identifier = written.toUpperCase().replace(/\s+/g, '');
  if (/^360G-[A-Z0-9]/.test(identifier)) return { ok: true, identifier: `360G-${written.slice(5)}` };
  const retired = Object.keys(RETIRED).find((prefix) => identifier.startsWith(`${prefix}-`));
  if (retired !== undefined) return { ok: false, problem: `'${written}': ${RETIRED[retired]}` };
  if (/^\d+$/.test(identifier)) {
    return {
      ok: false,
      problem: `'${written}' has no register prefix: write GB-CHC-${identifier} for a registered charity, or ` +
        `GB-COH-${identifier.padStart(8, '0')} for a company`,
    };
  }
  const prefix = prefixOf(identifier);
  if (prefix === null) {
    const shown = /^([A-Z]{2}-[A-Z]+)-/.exec(identifier)?.[1] ?? written;
    return { ok: false, problem: `'${written}': the prefix '${shown}' is not an org-id register the publisher recognises (see org-id.guide)` };
  }
  const register = REGISTERS[prefix];
  let number = identifier.slice(prefix.length + 1);
  let repaired: string | undefined;
  if (prefix === 'GB-COH' && /^\d{1,7}$/.test(number)) {
    // A spreadsheet drops a company number's leading zeros: 01234567 becomes 1234567.
    const padded = number.padStart(8, '0');
    repaired = `'${written}' is a company number without its leading zeros; published as ${prefix}-${padded}`;
    number = padded;
  }
  if (!register.number.test(number)) {
    return { ok: false, problem: `'${written}' is not a ${register.name} number in the form ${register.example}` };
  }
  const result: OrgIdCheck = { ok: true, identifier: `${prefix}-${number}` };
  if (repaired !== undefined) result.repaired = repaired;
  if (prefix === 'GB-CHC' || prefix === 'GB-NIC' || prefix === 'GB-SC') result.charityNumber = number;
  if (prefix === 'GB-COH') result.companyNumber = number;
  return result;
}
