import {
  grantIdentifier, giving360Records, publisherPrefix, recipientIdentifier, renderGiving360, REQUIRED_COLUMNS, slug,
  type GrantInput,
} from '../../src/render/giving360';

const FUNDER = { name: 'Office of the Police and Crime Commissioner', identifier: 'GB-GOR-PC000000' };
const OPTIONS = { funder: FUNDER, awardDate: '2021-04-01', financialYear: '2021/22' };

function grant(overrides: Partial<GrantInput>): GrantInput {
  return {
    ref: 'VS-02', recipient: 'Safer Homes', recipientIdentifier: 'GB-CHC-1234567', service: 'Advisers',
    fund: 'Victim Services Grant', purpose: 'Victim services', amount: 221340, start: null, end: null, ...overrides,
  };
}

describe('360Giving identifiers', () => {
  it.each([
    ['GB-GOR-PC000000', '360G-GB-GOR-PC000000'],
    ['360G-pccbeds', '360G-pccbeds'],
    ['360g-pccbeds', '360G-pccbeds'],
  ])('makes the publisher prefix of %p %p', (identifier, prefix) => {
    expect(publisherPrefix(identifier)).toBe(prefix);
  });

  it('prefixes the ref, replacing spaces and slashes with _', () => {
    expect(grantIdentifier('GB-GOR-PC000000', 'VS 01/a')).toBe('360G-GB-GOR-PC000000-VS_01_a');
  });

  it('uses the recipient identifier when given, else one made from the name', () => {
    expect(recipientIdentifier('GB-GOR-PC000000', grant({}))).toBe('GB-CHC-1234567');
    expect(recipientIdentifier('GB-GOR-PC000000', grant({ recipientIdentifier: ' ', recipient: "Women's Aid (Beds)" })))
      .toBe('360G-GB-GOR-PC000000-women-s-aid-beds');
  });

  it('slugs accented names', () => {
    expect(slug('Café Élan  Ltd')).toBe('cafe-elan-ltd');
  });
});

describe('renderGiving360', () => {
  it('writes every required column, exactly as the standard names it', () => {
    const [header] = giving360Records([grant({})], OPTIONS);
    for (const column of REQUIRED_COLUMNS) expect(header).toContain(column);
    expect(header).not.toContain('Planned Dates:Start Date');
  });

  it('writes one row per award with GBP, a numeric amount and the funder', () => {
    const [header, row] = giving360Records([grant({})], OPTIONS);
    const record = Object.fromEntries(header.map((column, i) => [column, row[i]]));
    expect(record).toMatchObject({
      Identifier: '360G-GB-GOR-PC000000-VS-02',
      Title: 'Advisers',
      Currency: 'GBP',
      'Amount Awarded': '221340.00',
      'Award Date': '2021-04-01',
      'Recipient Org:Identifier': 'GB-CHC-1234567',
      'Recipient Org:Name': 'Safer Homes',
      'Funding Org:Identifier': 'GB-GOR-PC000000',
      'Funding Org:Name': 'Office of the Police and Crime Commissioner',
      'Grant Programme:Title': 'Victim Services Grant',
    });
    expect(Number(record['Amount Awarded'])).toBe(221340);
    expect(record.Description).toBe('Victim Services Grant award to Safer Homes for 2021/22: Advisers. Purpose: Victim services.');
  });

  it('adds Planned Dates when an award has a Start or an End', () => {
    const [header, , dated] = giving360Records([grant({}), grant({ ref: 'VS-08', start: '2021-10-01', end: '2022-09-30' })], OPTIONS);
    const start = header.indexOf('Planned Dates:Start Date');
    const end = header.indexOf('Planned Dates:End Date');
    expect(start).toBeGreaterThan(-1);
    expect([dated[start], dated[end]]).toEqual(['2021-10-01', '2022-09-30']);
  });

  it('leaves out awards of £0', () => {
    expect(giving360Records([grant({ amount: 0 }), grant({ ref: 'X' })], OPTIONS)).toHaveLength(2);
  });

  it('quotes per RFC 4180 and ends records with CRLF', () => {
    const text = renderGiving360([grant({ recipient: 'Smith, Jones & "Co"' })], OPTIONS);
    expect(text).toContain(',"Smith, Jones & ""Co""",');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });
});
