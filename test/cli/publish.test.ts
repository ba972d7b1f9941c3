/**
 * `awards publish`: a scenario's grants as 360Giving Data Standard data, through the
 * built CLI. Every file it writes here is validated against the standard's own schema.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import type { TableData } from '../../src/engine/sheet';
import { csvRowToGrant, packageErrors } from '../support/giving360Schema';
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

/** The rows of a published CSV, after checking the file against the 360Giving schema. */
function published(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  const records = rows.map((row) => Object.fromEntries(header.map((column, i) => [column, row[i]])));
  expect(packageErrors({ grants: records.map(csvRowToGrant) })).toEqual([]);
  return records;
}

function settings(tables: TableData[], name: string, value: string | null): void {
  const table = tableOf(tables, 'Settings');
  const row = table.rows.findIndex((cells) => cells[0] === name);
  if (row === -1) table.rows.push([name, value]);
  else table.rows[row][1] = value;
}

function byRef(rows: readonly Record<string, string>[], ref: string): Record<string, string> | undefined {
  return rows.find((row) => row.Identifier.endsWith(`-2021-22-${ref}`));
}

describe('awards publish', () => {
  let dir = '';
  let header: string[] = [];
  let rows: Record<string, string>[] = [];
  let stderr = '';

  beforeAll(async () => {
    ensureBuilt();
    dir = scratch();
    const tables = sampleTables();
    const awardsTable = tableOf(tables, 'Awards');
    setCell(awardsTable, rowOfRef(awardsTable, 'YC-08'), 'Value', 0);
    setCell(awardsTable, rowOfRef(awardsTable, 'YC-07'), 'Recipient', 'Smith, Jones & "Co"');
    setCell(awardsTable, rowOfRef(awardsTable, 'YC-06'), 'Recipient', '-Dash Trust');
    setCell(awardsTable, rowOfRef(awardsTable, 'YC-04'), 'Recipient', '@Home Refuge');
    setCell(awardsTable, rowOfRef(awardsTable, 'YC-02'), 'Recipient identifier', '1234567');
    setCell(awardsTable, rowOfRef(awardsTable, 'YC-05'), 'Recipient identifier', 'GB-COH-1234567');
    await writeModel(path.join(dir, 'model.xlsx'), tables);
    const result = awards(['publish', 'model.xlsx', '--scenario', 'Confirmed', '--out', 'grants.csv'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("of scenario Confirmed to 'grants.csv' (360Giving CSV)");
    stderr = result.stderr;
    header = parseCsv(readFileSync(path.join(dir, 'grants.csv'), 'utf8'))[0];
    rows = published(path.join(dir, 'grants.csv'));
  });

  it('has every required column, titled exactly, and Planned Dates on every grant', () => {
    for (const column of REQUIRED) expect(header).toContain(column);
    for (const row of rows) expect(row['Planned Dates:Start Date']).toMatch(/^2021-/);
  });

  it('makes identifiers from the 360Giving prefix, the year and the ref, unique', () => {
    expect(byRef(rows, 'VS-02')).toMatchObject({
      Identifier: '360G-cambspcc-2021-22-VS-02',
      'Recipient Org:Identifier': 'GB-CHC-1234567',
      'Recipient Org:Charity Number': '1234567',
      'Recipient Org:Name': 'Safer Homes Domestic Abuse Service',
      'Funding Org:Identifier': '360G-cambspcc',
      'Amount Awarded': '221340.00',
    });
    expect(new Set(rows.map((row) => row.Identifier)).size).toBe(rows.length);
  });

  it('gives the Decision date as the Award Date', () => {
    expect(new Set(rows.map((row) => row['Award Date']))).toEqual(new Set(['2021-02-10']));
  });

  it('publishes the year\'s amount with the dates cut to the year, saying when the award runs beyond', () => {
    const vrp = byRef(rows, 'CD-10');
    expect(vrp).toMatchObject({ 'Amount Awarded': '35000.00', 'Planned Dates:Start Date': '2021-04-01', 'Planned Dates:End Date': '2022-03-31' });
    expect(vrp?.Description).toContain('The award runs from 1 April 2021 to 31 March 2024');
    expect(byRef(rows, 'VS-08')).toMatchObject({ 'Planned Dates:Start Date': '2021-10-01', 'Planned Dates:End Date': '2022-03-31' });
  });

  it('names the police force area as the Beneficiary Location', () => {
    for (const row of rows) {
      expect(row).toMatchObject({
        'Beneficiary Location:Name': 'Cambridgeshire', 'Beneficiary Location:Geographic Code': 'E23000023',
        'Beneficiary Location:Geographic Code Type': 'PFA',
      });
    }
  });

  it('checks recipient identifiers: a bare number is replaced, a company number gets its leading zero back', () => {
    expect(byRef(rows, 'YC-02')?.['Recipient Org:Identifier']).toBe('360G-cambspcc-northfield-scouts');
    expect(byRef(rows, 'YC-05')).toMatchObject({ 'Recipient Org:Identifier': 'GB-COH-01234567', 'Recipient Org:Company Number': '01234567' });
    expect(byRef(rows, 'VS-04')?.['Recipient Org:Identifier']).toBe('360G-cambspcc-restorative-justice-hub');
    expect(stderr).toContain("YC-02: Recipient identifier '1234567' has no register prefix");
    expect(stderr).toContain("YC-05: 'GB-COH-1234567' is a company number without its leading zeros");
  });

  it('leaves out contracts and single tender actions, saying so', () => {
    expect(byRef(rows, 'VS-01')).toBeUndefined();
    expect(byRef(rows, 'CD-12')).toBeUndefined();
    expect(stderr).toContain('Left out 2 awards whose Route is a contract, tender or single tender action (VS-01, CD-12)');
    const result = awards(['publish', 'model.xlsx', '--scenario', 'Confirmed', '--include-contracts', '--out', 'all.csv'], dir);
    expect(result.status).toBe(0);
    const all = published(path.join(dir, 'all.csv'));
    expect(byRef(all, 'VS-01')?.['Recipient Org:Company Number']).toBe('01234567');
    expect(all).toHaveLength(rows.length + 2);
  });

  it('writes text exactly as written, quoted per RFC 4180', () => {
    expect(byRef(rows, 'YC-06')?.['Recipient Org:Name']).toBe('-Dash Trust');
    expect(byRef(rows, 'YC-04')?.['Recipient Org:Name']).toBe('@Home Refuge');
    expect(byRef(rows, 'YC-07')?.['Recipient Org:Name']).toBe('Smith, Jones & "Co"');
    const text = readFileSync(path.join(dir, 'grants.csv'), 'utf8');
    expect(text).not.toMatch(/'-Dash|'@Home/);
    expect(text).toContain(',"Smith, Jones & ""Co""",');
  });

  it('leaves out awards of £0', () => {
    expect(byRef(rows, 'YC-08')).toBeUndefined();
    expect(byRef(rows, 'YC-07')).toBeDefined();
  });

  it('writes the 360Giving JSON package with its metadata, which the schema accepts', () => {
    const result = awards(['publish', 'model.xlsx', '--scenario', 'Confirmed', '--out', 'grants.json'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('(360Giving JSON)');
    const data = JSON.parse(readFileSync(path.join(dir, 'grants.json'), 'utf8')) as { grants: { id: string; amountAwarded: number }[] };
    expect(packageErrors(data)).toEqual([]);
    expect(data).toMatchObject({
      version: '1.4', issued: '2021-03-01', identifier: '360G-cambspcc-2021-22-confirmed',
      publisher: { name: 'Office of the Police and Crime Commissioner (illustrative)', identifier: '360G-cambspcc' },
    });
    expect(data.grants.map((grant) => grant.id)).toEqual(rows.map((row) => row.Identifier));
    expect(data.grants.find((grant) => grant.id.endsWith('VS-02'))?.amountAwarded).toBe(221340);
  });

  it('takes another award date with --award-date', () => {
    const result = awards(['publish', 'model.xlsx', '--scenario', 'Confirmed', '--award-date', '2021-02-25', '--out', 'dated.csv'], dir);
    expect(result.status).toBe(0);
    expect(new Set(published(path.join(dir, 'dated.csv')).map((row) => row['Award Date']))).toEqual(new Set(['2021-02-25']));
  });

  it.each([
    [['--award-date', '2021-03-02'], "the --award-date 2021-03-02 is in the future (today is 2021-03-01)"],
    [['--format', 'json', '--out', 'x.csv'], '--format json writes a .json file'],
    [['--out', 'grants.txt'], "would hold 360Giving data (csv or json), but its extension is '.txt'"],
  ])('refuses %p, writing nothing', (args, message) => {
    const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : 'refused.csv';
    const result = awards(['publish', 'model.xlsx', '--scenario', 'Confirmed', ...args, ...(args.includes('--out') ? [] : ['--out', out])], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(existsSync(path.join(dir, out))).toBe(false);
  });
});

describe('awards publish refuses', () => {
  let dir = '';
  beforeAll(() => {
    ensureBuilt();
    dir = scratch();
  });

  async function model(name: string, change: (tables: TableData[]) => void): Promise<string> {
    const tables = sampleTables();
    change(tables);
    await writeModel(path.join(dir, name), tables);
    return name;
  }

  it.each([
    ['no 360Giving prefix', (tables: TableData[]) => settings(tables, '360Giving prefix', null), "there is no '360Giving prefix' setting"],
    ['a prefix that is not one', (tables: TableData[]) => settings(tables, '360Giving prefix', 'GB-GOR-PC000000'), "360Giving prefix 'GB-GOR-PC000000' is not a 360Giving prefix"],
    ['a retired funder register', (tables: TableData[]) => settings(tables, 'Funder identifier', 'GB-GOR-PC000000'), 'GB-GOR is a retired register'],
    ['no decision date', (tables: TableData[]) => settings(tables, 'Decision date', null), "there is no 'Decision date' setting"],
    ['a future decision date', (tables: TableData[]) => settings(tables, 'Decision date', '2021-04-01'), 'Decision date 2021-04-01'],
    ['a bad police force area code', (tables: TableData[]) => settings(tables, 'Police force area code', '23'), "Police force area code '23' is not"],
  ])('a model with %s (exit 2, nothing written)', async (name, change, message) => {
    const file = await model(`${name.replace(/\W+/g, '-')}.xlsx`, change);
    const result = awards(['publish', file, '--scenario', 'Confirmed', '--out', 'out.csv'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Nothing was written.');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(dir, 'out.csv'))).toBe(false);
  });

  it('a model with an error-level check (exit 1, naming it), unless --force', async () => {
    const file = await model('errors.xlsx', (tables) => {
      const awardsTable = tableOf(tables, 'Awards');
      setCell(awardsTable, rowOfRef(awardsTable, 'YC-01'), 'Value', 4000);
    });
    const refused = awards(['publish', file, '--scenario', 'Confirmed', '--out', 'refused.csv'], dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Not published: 1 check of the model is an error');
    expect(refused.stderr).toContain('Award cap (Confirmed): YC-01');
    expect(existsSync(path.join(dir, 'refused.csv'))).toBe(false);

    const forced = awards(['publish', file, '--scenario', 'Confirmed', '--force', '--out', 'forced.csv'], dir);
    expect(forced.status).toBe(0);
    expect(forced.stderr).toContain('--force: published although 1 check is an error');
    expect(byRef(published(path.join(dir, 'forced.csv')), 'YC-01')?.['Amount Awarded']).toBe('4000.00');
  });
});
