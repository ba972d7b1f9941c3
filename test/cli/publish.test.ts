/** `awards publish`: a scenario's awards as a 360Giving Data Standard CSV, through the built CLI. */
import { readFileSync } from 'fs';
import * as path from 'path';
import { awards, ensureBuilt, rowOfRef, sampleTables, scratch, setCell, tableOf, writeModel } from './support';

const REQUIRED = [
  'Identifier', 'Title', 'Description', 'Currency', 'Amount Awarded', 'Award Date', 'Recipient Org:Identifier',
  'Recipient Org:Name', 'Funding Org:Identifier', 'Funding Org:Name',
];

/** A strict RFC 4180 reader, for checking what the CLI wrote. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i++; }
    else field += c;
  }
  if (field !== '' || record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}

function grants(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  return rows.map((row) => Object.fromEntries(header.map((column, i) => [column, row[i]])));
}

describe('awards publish', () => {
  let dir = '';
  let header: string[] = [];
  let rows: Record<string, string>[] = [];

  beforeAll(async () => {
    ensureBuilt();
    dir = scratch();
    const tables = sampleTables();
    const awardsTable = tableOf(tables, 'Awards');
    const zero = rowOfRef(awardsTable, 'YC-08');
    setCell(awardsTable, zero, 'Value', 0);
    setCell(awardsTable, rowOfRef(awardsTable, 'YC-07'), 'Recipient', 'Smith, Jones & "Co"');
    await writeModel(path.join(dir, 'model.xlsx'), tables);
    const result = awards(['publish', 'model.xlsx', '--scenario', 'Confirmed', '--out', 'grants.csv'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("of scenario Confirmed to 'grants.csv' (360Giving CSV)");
    header = parseCsv(readFileSync(path.join(dir, 'grants.csv'), 'utf8'))[0];
    rows = grants(path.join(dir, 'grants.csv'));
  });

  it('has every required column, titled exactly', () => {
    for (const column of REQUIRED) expect(header).toContain(column);
    expect(header).toEqual(expect.arrayContaining(['Planned Dates:Start Date', 'Planned Dates:End Date']));
  });

  it('writes numeric amounts in GBP that add up to the scenario total', () => {
    for (const row of rows) {
      expect(row['Amount Awarded']).toMatch(/^\d+\.\d{2}$/);
      expect(row.Currency).toBe('GBP');
    }
    const vsg = rows.filter((row) => row['Grant Programme:Title'] === 'Victim Services Grant');
    expect(vsg.reduce((sum, row) => sum + Math.round(Number(row['Amount Awarded']) * 100), 0)).toBe(111240000);
  });

  it('prefixes grant identifiers with 360G- and the funder identifier', () => {
    const vs02 = rows.find((row) => row.Identifier === '360G-GB-GOR-PC000000-VS-02');
    expect(vs02).toMatchObject({
      'Recipient Org:Identifier': 'GB-CHC-1234567',
      'Recipient Org:Name': 'Safer Homes Domestic Abuse Service',
      'Funding Org:Identifier': 'GB-GOR-PC000000',
      'Award Date': '2021-04-01',
      'Amount Awarded': '221340.00',
    });
    expect(new Set(rows.map((row) => row.Identifier)).size).toBe(rows.length);
  });

  it('makes a recipient identifier under the funder prefix when the workbook has none', () => {
    const vs04 = rows.find((row) => row.Identifier === '360G-GB-GOR-PC000000-VS-04');
    expect(vs04?.['Recipient Org:Identifier']).toBe('360G-GB-GOR-PC000000-restorative-justice-hub');
  });

  it('writes Planned Dates where Start and End are set', () => {
    const vs08 = rows.find((row) => row.Identifier.endsWith('-VS-08'));
    expect([vs08?.['Planned Dates:Start Date'], vs08?.['Planned Dates:End Date']]).toEqual(['2021-10-01', '2022-09-30']);
    expect(rows.find((row) => row.Identifier.endsWith('-VS-02'))?.['Planned Dates:Start Date']).toBe('');
  });

  it('leaves out awards of £0', () => {
    expect(rows.some((row) => row.Identifier.endsWith('-YC-08'))).toBe(false);
    expect(rows.some((row) => row.Identifier.endsWith('-YC-07'))).toBe(true);
  });

  it('quotes fields per RFC 4180', () => {
    expect(rows.find((row) => row.Identifier.endsWith('-YC-07'))?.['Recipient Org:Name']).toBe('Smith, Jones & "Co"');
    expect(readFileSync(path.join(dir, 'grants.csv'), 'utf8')).toContain(',"Smith, Jones & ""Co""",');
  });

  it('takes another award date with --award-date', () => {
    const result = awards(['publish', 'model.xlsx', '--scenario', 'Confirmed', '--award-date', '2021-03-25', '--out', 'dated.csv'], dir);
    expect(result.status).toBe(0);
    expect(new Set(grants(path.join(dir, 'dated.csv')).map((row) => row['Award Date']))).toEqual(new Set(['2021-03-25']));
  });
});
