/**
 * The built-in sample model: an illustrative office's 2021/22 awards, built from the
 * figures of published commissioning reports (SPEC section 1). Recipients are
 * fictional. It runs mostly clean, with a few real checks: a single tender action whose
 * whole contract value needs a competitive tender, a contract in its last extension
 * year, a priority just over its envelope, and the Confirmed scenario's re-fit of the
 * Victim Services Grant awards.
 */
import type { CellValue, TableData } from '../sheet';
import { AWARDS, ENVELOPES, FUNDS, MONITORING, PROCUREMENT, SCENARIOS, SETTINGS } from './schema';

const VSG = 'Victim Services Grant';
const CDRF = 'Crime and Disorder Reduction Fund';
const CRSR = 'Casualty Reduction and Support Reserve';
const YCF = 'Youth and Community Fund';

function table(name: string, headers: readonly string[], rows: CellValue[][]): TableData {
  return { name, sheet: name, headers: [...headers], rows };
}

const FUND_ROWS: CellValue[][] = [
  // Fund, Source, Opening balance, Income, Allowed purposes, Floor, Award cap, Appendix
  [VSG, 'Ministry of Justice', 0, 1080000, 'Victim services', null, null, 1],
  [CDRF, 'Main police grant', 0, 540000, null, 40000, null, 2],
  [CRSR, 'Camera and ticket unit surplus', 360000, 0,
    'Road casualty prevention, Road safety education, Road-crash victim support', null, null, null],
  [YCF, 'Police Property Act', 0, 103096, null, null, 3000, 3],
];

const AWARD_HEADERS = [
  ...AWARDS.columns.slice(0, 2), 'Recipient identifier', ...AWARDS.columns.slice(2),
  'Payment', 'Contract start', 'Term (months)', 'Extensions', 'Extended to',
];

type Terms = [payment: string | null, contractStart: string | null, term: number | null, extensions: string | null, extendedTo: string | null];

/**
 * How each award is paid, and the contract terms of the two contracts: VS-01 in its
 * initial three-year term with three yearly extensions left, CD-12 in the last year of
 * its extensions. Awards not listed are paid in a single instalment.
 */
const TERMS: Readonly<Record<string, Terms>> = {
  'VS-01': ['Monthly', '2019-04-01', 36, '3x12', null],
  ...Object.fromEntries(['VS-02', 'VS-03', 'VS-04', 'VS-05', 'VS-06', 'VS-07', 'VS-08', 'CD-04', 'CD-05', 'CD-06', 'CD-07',
    'CD-08', 'CD-09', 'CD-10', 'CD-11'].map((ref): [string, Terms] => [ref, ['Quarterly', null, null, null, null]])),
  'CD-12': ['Quarterly', '2018-04-01', 24, '2x12', '2022-03-31'],
};

function awardRow(line: AwardLine): CellValue[] {
  return [...line, ...(TERMS[line[0]] ?? ['Single', null, null, null, null])];
}

type AwardLine = [
  ref: string, recipient: string, identifier: string | null, service: string, fund: string, purpose: string,
  priority: string, prior: number | null, rule: string, value: number | null, start: string | null, end: string | null,
  locked: string | null, route: string,
];

const VICTIMS = 'Victims';
const SAFETY = 'Community safety';
const REOFFENDING = 'Reducing reoffending';
const ROADS = 'Road safety';
const VS = 'Victim services';
const CSP = 'Community safety partnership';

const AWARD_ROWS: AwardLine[] = [
  ['VS-01', 'Horizon Victim Care Ltd', 'GB-COH-01234567', 'Victim assessment and referral centre', VSG, VS, VICTIMS, 480000, 'FIXED', 480000, null, null, 'Yes', 'Contract'],
  ['VS-02', 'Safer Homes Domestic Abuse Service', 'GB-CHC-1234567', 'Independent domestic violence advisers', VSG, VS, VICTIMS, 210000, 'FLAT', null, null, null, null, 'Grant'],
  ['VS-03', 'Riverside Rape Crisis Centre', 'GB-CHC-2345678', 'Independent sexual violence advisers', VSG, VS, VICTIMS, 150000, 'CHANGE', 0.02, null, null, null, 'Grant'],
  ['VS-04', 'Restorative Justice Hub', null, 'Restorative justice service', VSG, VS, VICTIMS, 95000, 'FLAT', null, null, null, null, 'Grant'],
  ['VS-05', 'Young Victims Counselling', 'GB-CHC-3456789', "Children and young people's counselling", VSG, VS, VICTIMS, 60000, 'FLAT', null, null, null, null, 'Grant'],
  ['VS-06', 'Hate Crime Advocacy Network', null, 'Hate crime advocacy', VSG, VS, VICTIMS, 38000, 'FLAT', null, null, null, null, 'Grant'],
  ['VS-07', 'Stalking Advocacy Service', null, 'Stalking advocacy', VSG, VS, VICTIMS, 32000, 'FLAT', null, null, null, null, 'Grant'],
  ['VS-08', 'Riverside Rape Crisis Centre', 'GB-CHC-2345678', 'Sexual violence pathway pilot (1 Oct to 30 Sep)', VSG, VS, VICTIMS, null, 'FIXED', 24000, '2021-10-01', '2022-09-30', null, 'Grant'],

  ['CD-01', 'Youth Offending Service', null, 'Statutory partnership contribution', CDRF, 'Statutory partnership', REOFFENDING, 108000, 'TOPSLICE', 0.2, null, null, null, 'Grant'],
  ['CD-02', 'Local Safeguarding Boards', null, 'Statutory partnership contribution', CDRF, 'Statutory partnership', VICTIMS, 54000, 'TOPSLICE', 0.1, null, null, null, 'Grant'],
  ['CD-03', 'MAPPA Strategic Management Board', null, 'Statutory partnership contribution', CDRF, 'Statutory partnership', REOFFENDING, 18000, 'TOPSLICE', 0.0333, null, null, null, 'Grant'],
  ['CD-04', 'Riverside Community Safety Partnership', null, 'CSP grant (held at last year)', CDRF, CSP, SAFETY, 40000, 'FLAT', null, null, null, null, 'Grant'],
  ['CD-05', 'Northfield Community Safety Partnership', null, 'CSP grant (cut 5.1%)', CDRF, CSP, SAFETY, 35000, 'CHANGE', -0.051, null, null, null, 'Grant'],
  ['CD-06', 'Eastgate Community Safety Partnership', null, 'CSP grant (held at last year)', CDRF, CSP, SAFETY, 30000, 'FLAT', null, null, null, null, 'Grant'],
  ['CD-07', 'Westmoor Community Safety Partnership', null, 'CSP grant (cut 5.1%)', CDRF, CSP, SAFETY, 28000, 'CHANGE', -0.051, null, null, null, 'Grant'],
  ['CD-08', 'Southvale Community Safety Partnership', null, 'CSP grant (held at last year)', CDRF, CSP, SAFETY, 25000, 'FLAT', null, null, null, null, 'Grant'],
  ['CD-09', 'Hillcrest Community Safety Partnership', null, 'CSP grant (cut 5.1%)', CDRF, CSP, SAFETY, 22000, 'CHANGE', -0.051, null, null, null, 'Grant'],
  ['CD-10', 'Violence Reduction Partnership', null, 'Violence reduction (at most £35,000 a year for three years)', CDRF, 'Violence reduction', SAFETY, 35000, 'FIXED', 35000, '2021-04-01', '2024-03-31', null, 'Grant'],
  ['CD-11', 'Neighbourhood Watch Association', 'GB-CHC-4567890', 'Community engagement, extended six months over the elections', CDRF, 'Community engagement', SAFETY, 24000, 'FLAT', null, '2021-04-01', '2021-09-30', null, 'Grant'],
  ['CD-12', 'Second Chance Mentoring CIC', 'GB-COH-07654321', 'Mentoring on release from custody', CDRF, 'Reducing reoffending', REOFFENDING, 42000, 'FIXED', 45000, null, null, null, 'Single tender action'],

  ['CR-01', 'Bedfordshire Police', null, 'Road casualty prevention (share by NRE)', CRSR, 'Road casualty prevention', ROADS, 95000, 'SHARE', 118.4, null, null, null, 'Grant'],
  ['CR-02', 'Cambridgeshire Constabulary', null, 'Road safety education (share by NRE)', CRSR, 'Road safety education', ROADS, 124000, 'SHARE', 154.2, null, null, null, 'Grant'],
  ['CR-03', 'Hertfordshire Constabulary', null, 'Support to road-crash victims (share by NRE)', CRSR, 'Road-crash victim support', ROADS, 171000, 'SHARE', 213.9, null, null, null, 'Grant'],

  ['YC-01', 'Riverside Boxing Club', 'GB-CHC-5678901', 'Evening sessions for young people', YCF, 'Diversion', SAFETY, null, 'FIXED', 3000, null, null, null, 'Grant'],
  ['YC-02', 'Northfield Scouts', null, 'Outdoor skills weekends', YCF, 'Diversion', SAFETY, null, 'FIXED', 2500, null, null, null, 'Grant'],
  ['YC-03', 'Eastgate Youth Theatre', 'GB-CHC-6789012', 'Knife crime drama workshops', YCF, 'Education', SAFETY, null, 'FIXED', 2950, null, null, null, 'Grant'],
  ['YC-04', 'Westmoor Street Pastors', null, 'Night-time economy patrols', YCF, 'Community safety', SAFETY, null, 'FIXED', 1800, null, null, null, 'Grant'],
  ['YC-05', 'Southvale Junior Football League', null, 'Kit and pitch hire', YCF, 'Diversion', SAFETY, null, 'FIXED', 3000, null, null, null, 'Grant'],
  ['YC-06', 'Hillcrest Community Garden', null, 'Youth volunteering', YCF, 'Diversion', SAFETY, null, 'FIXED', 2200, null, null, null, 'Grant'],
  ['YC-07', 'Riverside Youth Forum', null, 'Online safety evenings', YCF, 'Education', SAFETY, null, 'FIXED', 2725, null, null, null, 'Grant'],
  ['YC-08', 'Northfield Skate Park Group', null, 'Safe skate sessions', YCF, 'Diversion', SAFETY, null, 'FIXED', 1500, null, null, null, 'Grant'],
];

/** The sample's Victim Services Grant: the indicative figure (last year's) and the confirmed one. */
export const SAMPLE_GRANT = { fund: VSG, indicative: 1080000, confirmed: 1112400 } as const;

/**
 * The sample model's input tables, each on a sheet of its own name: Settings, Funds,
 * Awards, Scenarios (Indicative and Confirmed), Envelopes, Monitoring and Procurement.
 * Illustrative: the Settings table says so.
 */
export function sampleModel(): TableData[] {
  return [
    table(SETTINGS.name, SETTINGS.columns, [
      ['Financial year', '2021/22'],
      ['Tender threshold', 50000],
      ['Funder name', 'Office of the Police and Crime Commissioner (illustrative)'],
      // Blank: a PCC's office is in no org-id register, so its 360Giving prefix stands for it.
      ['Funder identifier', null],
      ['360Giving prefix', '360G-cambspcc'],
      ['Decision date', '2021-02-10'],
      ['Police force area', 'Cambridgeshire'],
      ['Police force area code', 'E23000023'],
      ['Appendix amounts', 'pence'],
      ['Extension notice (months)', 6],
      ['Procurement lead time (months)', 6],
      ['Note', 'Illustrative sample model: figures from published commissioning reports; recipients are fictional.'],
    ]),
    table(FUNDS.name, FUNDS.columns, FUND_ROWS.map((row) => [...row])),
    table(AWARDS.name, AWARD_HEADERS, AWARD_ROWS.map(awardRow)),
    table(SCENARIOS.name, SCENARIOS.columns, [
      ['Indicative', VSG, SAMPLE_GRANT.indicative, 'scale-down'],
      ['Confirmed', VSG, SAMPLE_GRANT.confirmed, 'scale'],
    ]),
    table(ENVELOPES.name, ENVELOPES.columns, [
      [VICTIMS, 1200000],
      [SAFETY, 240000],
      [REOFFENDING, 175000],
    ]),
    // Every recipient sends a six-monthly return; over £10,000, a six-monthly meeting
    // (three-monthly for victim services); partnership grants at the mid-point and end.
    table(MONITORING.name, MONITORING.columns, [
      [null, 0, 'Monitoring return', 6],
      [null, 10000, 'Monitoring meeting', 6],
      [VSG, 10000, 'Monitoring meeting', 3],
      [CDRF, 0, 'Monitoring return', 6],
    ]),
    // Contract Standing Orders: bands of whole contract value.
    table(PROCUREMENT.name, PROCUREMENT.columns, [
      [0, 'One written quote', 'Quote, Three quotes, Tender, Contract, Single tender action'],
      [5000, 'Three written quotes', 'Three quotes, Tender, Contract'],
      [50000, 'Competitive tender', 'Tender, Contract'],
    ]),
  ];
}
