import {
  giving360Grants, giving360Records, grantIdentifier, isGivingPrefix, renderGiving360, renderGiving360Json, REQUIRED_COLUMNS, slug,
  type GrantInput, type Giving360Options,
} from '../../src/render/giving360';
import { checkOrgId } from '../../src/render/orgId';
import { csvRowToGrant, packageErrors } from '../support/giving360Schema';

const OPTIONS: Giving360Options = {
  prefix: '360G-cambspcc',
  funder: { name: 'Office of the Police and Crime Commissioner', identifier: '360G-cambspcc' },
  awardDate: '2021-02-10', financialYear: '2021/22', yearStart: '2021-04-01', yearEnd: '2022-03-31',
  area: { name: 'Cambridgeshire', code: 'E23000023' },
};
const TODAY = '2021-03-01';

function grant(overrides: Partial<GrantInput>): GrantInput {
  return {
    ref: 'VS-02', recipient: 'Safer Homes', recipientIdentifier: 'GB-CHC-1234567', service: 'Advisers',
    fund: 'Victim Services Grant', purpose: 'Victim services', amount: 221340, start: null, end: null, ...overrides,
  };
}

const grants = (inputs: GrantInput[], options: Partial<Giving360Options> = {}) =>
  giving360Grants(inputs, { ...OPTIONS, ...options }, TODAY);

/** The CSV text back as grants in the JSON form, by the standard's column titles. */
function csvGrants(text: string): Record<string, unknown>[] {
  const lines = text.trimEnd().split('\r\n').map((line) => line.split(','));
  const [header, ...rows] = lines;
  return rows.map((row) => csvRowToGrant(Object.fromEntries(header.map((title, i) => [title, row[i]]))));
}

describe('360Giving identifiers', () => {
  it('makes grant identifiers from the prefix, the year and the ref, special characters as _', () => {
    expect(grantIdentifier('360G-cambspcc', '2021/22', 'VS 01/a')).toBe('360G-cambspcc-2021-22-VS_01_a');
    expect(grantIdentifier('360g-cambspcc', '2022/23', 'VS-01')).toBe('360G-cambspcc-2022-23-VS-01');
  });

  it.each([['360G-cambspcc', true], ['360g-pcc-beds', true], ['GB-GOR-PC000000', false], ['360G-', false], ['360G-a b', false]])(
    'knows %p is a 360Giving prefix: %p', (text, expected) => {
      expect(isGivingPrefix(text)).toBe(expected);
    });

  it('slugs accented names', () => {
    expect(slug('Café Élan  Ltd')).toBe('cafe-elan-ltd');
  });
});

describe('checkOrgId', () => {
  it.each([
    ['GB-CHC-1234567', 'GB-CHC-1234567', { charityNumber: '1234567' }],
    ['gb-chc-1234567', 'GB-CHC-1234567', { charityNumber: '1234567' }],
    ['GB-SC-SC012345', 'GB-SC-SC012345', { charityNumber: 'SC012345' }],
    ['GB-COH-01234567', 'GB-COH-01234567', { companyNumber: '01234567' }],
    ['GB-COH-SC123456', 'GB-COH-SC123456', { companyNumber: 'SC123456' }],
    ['GB-LAE-CAM', 'GB-LAE-CAM', {}],
    ['360G-cambspcc-x', '360G-cambspcc-x', {}],
  ])('accepts %p as %p', (text, identifier, numbers) => {
    expect(checkOrgId(text)).toEqual({ ok: true, identifier, ...numbers });
  });

  it('gives a company number back the leading zero a spreadsheet took off', () => {
    expect(checkOrgId('GB-COH-1234567')).toMatchObject({ ok: true, identifier: 'GB-COH-01234567', companyNumber: '01234567' });
    expect(checkOrgId('GB-COH-1234567')).toHaveProperty('repaired', expect.stringContaining('leading zeros'));
  });

  it.each([
    ['1234567', 'no register prefix: write GB-CHC-1234567'],
    ['GB-GOR-PC000000', 'retired register'],
    ['GB-XYZ-123', "prefix 'GB-XYZ' is not an org-id register"],
    ['GB-CHC-12AB', 'not a Charity Commission for England and Wales number'],
  ])('refuses %p', (text, problem) => {
    const checked = checkOrgId(text);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.problem).toContain(problem);
  });
});

describe('giving360Grants', () => {
  it('writes the year\'s amount, the award date, the funder, the fund and the police force area', () => {
    const { grants: [written], findings } = grants([grant({})]);
    expect(findings).toEqual([]);
    expect(written).toEqual({
      id: '360G-cambspcc-2021-22-VS-02',
      title: 'Advisers',
      description: 'Victim Services Grant award to Safer Homes for 2021/22: Advisers. Purpose: Victim services.',
      currency: 'GBP',
      amountAwarded: 221340,
      awardDate: '2021-02-10',
      plannedDates: [{ startDate: '2021-04-01', endDate: '2022-03-31' }],
      recipientOrganization: [{ id: 'GB-CHC-1234567', name: 'Safer Homes', charityNumber: '1234567' }],
      fundingOrganization: [{ id: '360G-cambspcc', name: 'Office of the Police and Crime Commissioner' }],
      grantProgramme: [{ title: 'Victim Services Grant' }],
      beneficiaryLocation: [{ name: 'Cambridgeshire', geoCode: 'E23000023', geoCodeType: 'PFA', countryCode: 'GB' }],
    });
  });

  it('cuts Planned Dates to the year and says in the Description when the award runs beyond it', () => {
    const three = grants([grant({ ref: 'CD-10', amount: 35000, start: '2021-04-01', end: '2024-03-31' })]).grants[0];
    expect(three.plannedDates).toEqual([{ startDate: '2021-04-01', endDate: '2022-03-31' }]);
    expect(three.description).toContain('The award runs from 1 April 2021 to 31 March 2024; this grant is its part in 2021/22 (1 April 2021 to 31 March 2022).');
    const pilot = grants([grant({ start: '2021-10-01', end: '2022-09-30' })]).grants[0];
    expect(pilot.plannedDates).toEqual([{ startDate: '2021-10-01', endDate: '2022-03-31' }]);
    const inYear = grants([grant({ start: '2021-04-01', end: '2021-09-30' })]).grants[0];
    expect(inYear.plannedDates).toEqual([{ startDate: '2021-04-01', endDate: '2021-09-30' }]);
    expect(inYear.description).not.toContain('runs');
  });

  it('publishes a recipient identifier that is not an org-id under the prefix, saying why', () => {
    const { grants: written, findings } = grants([
      grant({ ref: 'A', recipient: 'Dash Trust', recipientIdentifier: '1234567' }),
      grant({ ref: 'B', recipient: 'Dash Trust', recipientIdentifier: '' }),
      grant({ ref: 'C', recipient: 'Dash-Trust', recipientIdentifier: '' }),
    ]);
    expect(written.map((item) => item.recipientOrganization[0].id)).toEqual([
      '360G-cambspcc-dash-trust', '360G-cambspcc-dash-trust', '360G-cambspcc-dash-trust-2',
    ]);
    expect(findings).toEqual([expect.objectContaining({ level: 'warning', check: 'Unrecognised org-id prefix', ref: 'A' })]);
  });

  it.each([
    ['a future award date', [grant({})], { awardDate: '2021-03-02' }, 'Future award date'],
    ['duplicate identifiers', [grant({ ref: 'VS 1' }), grant({ ref: 'VS/1' })], {}, 'Duplicate identifier'],
  ])('finds %s, as the Data Quality Tool does', (_, inputs, options, check) => {
    expect(grants(inputs, options).findings).toContainEqual(expect.objectContaining({ level: 'error', check }));
  });

  it('leaves out awards of £0', () => {
    expect(grants([grant({ amount: 0 }), grant({ ref: 'X' })]).grants).toHaveLength(1);
  });
});

describe('the 360Giving files', () => {
  const inputs = [
    grant({}),
    grant({ ref: 'CD-12', recipient: 'Second Chance CIC', recipientIdentifier: 'GB-COH-7654321', start: '2021-10-01', end: '2022-09-30' }),
    grant({ ref: 'YC-1', recipient: '-Dash Trust', recipientIdentifier: '', service: '@Home Refuge, "evenings"' }),
  ];

  it('writes every required column, exactly as the standard names it, and text exactly as written', () => {
    const data = grants(inputs).grants;
    const [header, , , dash] = giving360Records(data);
    for (const column of REQUIRED_COLUMNS) expect(header).toContain(column);
    expect(header).toEqual(expect.arrayContaining(['Recipient Org:Charity Number', 'Recipient Org:Company Number', 'Beneficiary Location:Geographic Code Type']));
    expect(dash[header.indexOf('Recipient Org:Name')]).toBe('-Dash Trust');
    const text = renderGiving360(data);
    expect(text).toContain(',-Dash Trust,');
    expect(text).toContain(',"@Home Refuge, ""evenings""",');
    expect(text).not.toContain("'-Dash");
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('writes CSV that the standard\'s schema accepts', () => {
    const text = renderGiving360(grants(inputs.slice(0, 2)).grants);
    const parsed = csvGrants(text);
    expect(parsed[1]).toMatchObject({ amountAwarded: 221340, recipientOrganization: [{ companyNumber: '07654321' }] });
    expect(packageErrors({ grants: parsed })).toEqual([]);
  });

  it('writes a JSON package, with its metadata, that the standard\'s schema accepts', () => {
    const data = JSON.parse(renderGiving360Json(grants(inputs).grants, {
      title: 'Grants 2021/22', description: 'Test', identifier: '360G-cambspcc-2021-22-confirmed', issued: TODAY,
      publisher: OPTIONS.funder,
    })) as Record<string, unknown>;
    expect(data).toMatchObject({ version: '1.4', issued: TODAY, publisher: { name: OPTIONS.funder.name, identifier: '360G-cambspcc' } });
    expect(packageErrors(data)).toEqual([]);
  });

  it('is checked by a schema that can fail', () => {
    const bad = grants([grant({})]).grants.map((item) => ({ ...item, amountAwarded: '221340', awardDate: '10/02/2021' }));
    expect(packageErrors({ grants: bad }).join('\n')).toMatch(/amountAwarded[\s\S]*awardDate|awardDate[\s\S]*amountAwarded/);
  });
});
