/**
 * A large synthetic model, valid throughout, for benches and property tests: funds of
 * about 500 awards each, every rule, some locked lines, start and end dates, and two
 * scenarios (`Base`, and `Revised` with 10% less income and fit `scale`).
 */
import { toExcelSerial } from '../dates';
import type { CellValue, TableData } from '../sheet';
import { AWARDS, ENVELOPES, FUNDS, SCENARIOS, SETTINGS } from './schema';

/** A small, fast, seeded generator (mulberry32): the same seed gives the same numbers. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRIORITIES = ['Victims', 'Community safety', 'Reducing reoffending', 'Road safety', 'Prevention'];

/**
 * The input tables of a synthetic model with `awards` awards (financial year 2021/22).
 *
 * @example
 * readModel(Object.fromEntries(generateModel(10000).map((t) => [t.name, t])), '2021-01-01')
 */
export function generateModel(awards: number, seed = 1): TableData[] {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const pence = (low: number, high: number): number => Math.round((low + next() * (high - low)) * 100) / 100;
  const fundCount = Math.max(3, Math.min(200, Math.ceil(awards / 500)));
  const funds = Array.from({ length: fundCount }, (_, f) => ({ name: `Fund ${f + 1}`, prior: 0, topslice: 0 }));
  const fyStart = toExcelSerial({ year: 2021, month: 4, day: 1 });

  const awardRows: CellValue[][] = [];
  for (let i = 0; i < awards; i++) {
    const fund = funds[i % fundCount];
    const roll = next();
    const rule = roll < 0.45 ? 'FLAT' : roll < 0.7 ? 'CHANGE' : roll < 0.9 ? 'FIXED' : roll < 0.95 ? 'TOPSLICE' : 'SHARE';
    const prior = pence(1000, 100000);
    let value: CellValue = null;
    if (rule === 'CHANGE') value = Math.round((next() * 0.2 - 0.1) * 10000) / 10000;
    else if (rule === 'FIXED') value = pence(1000, 100000);
    else if (rule === 'TOPSLICE') value = Math.round((0.001 + next() * 0.008) * 10000) / 10000;
    else if (rule === 'SHARE') value = Math.round(next() * 1000) / 10;
    if (rule === 'TOPSLICE') fund.topslice += Number(value);
    else fund.prior += rule === 'FIXED' ? Number(value) : prior;

    let start: CellValue = null;
    let end: CellValue = null;
    if (next() < 0.1) {
      start = fyStart + Math.floor(next() * 300);
      end = next() < 0.5 ? start + 180 + Math.floor(next() * 900) : null;
      if (next() < 0.5) start = null;
    }
    const locked = next() < 0.1 ? 'Yes' : null;
    awardRows.push([
      `A${String(i + 1).padStart(7, '0')}`, `Recipient ${i + 1}`, next() < 0.3 ? `GB-CHC-${1000000 + i}` : null,
      `Service ${i % 97}`, fund.name, 'Services', pick(PRIORITIES), prior, rule, value, start, end, locked,
      next() < 0.05 ? 'Contract' : 'Grant',
    ]);
  }

  const fundRows = funds.map((fund, f): CellValue[] => {
    const income = Math.round((fund.prior / Math.max(0.5, 1 - fund.topslice)) * 103) / 100;
    return [fund.name, 'Synthetic', Math.round(income * 5) / 100, income, null, Math.round(income) / 100, null, f < 3 ? f + 1 : null];
  });
  const envelope = Math.round(funds.reduce((total, fund) => total + fund.prior, 0) / PRIORITIES.length);

  return [
    { name: SETTINGS.name, sheet: SETTINGS.name, headers: [...SETTINGS.columns], rows: [['Financial year', '2021/22']] },
    { name: FUNDS.name, sheet: FUNDS.name, headers: [...FUNDS.columns], rows: fundRows },
    {
      name: AWARDS.name,
      sheet: AWARDS.name,
      headers: [...AWARDS.columns.slice(0, 2), 'Recipient identifier', ...AWARDS.columns.slice(2)],
      rows: awardRows,
    },
    {
      name: SCENARIOS.name,
      sheet: SCENARIOS.name,
      headers: [...SCENARIOS.columns],
      rows: [
        ['Base', null, null, 'scale-down'],
        ['Revised', null, null, 'scale'],
        ...fundRows.map((row): CellValue[] => ['Revised', row[0], Math.round(Number(row[3]) * 90) / 100, null]),
      ],
    },
    {
      name: ENVELOPES.name,
      sheet: ENVELOPES.name,
      headers: [...ENVELOPES.columns],
      rows: PRIORITIES.map((priority) => [priority, envelope]),
    },
  ];
}
