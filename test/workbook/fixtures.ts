/**
 * Sheets and tables shaped like the model's: output specs as the engine writes them,
 * input tables as the sample model has them. Deterministic, any size.
 */
import type { CellValue, SheetColumn, SheetSpec, TableData } from '../../src/engine/sheet';

const column = (header: string, format: SheetColumn['format'], width = 14): SheetColumn => ({ header, format, width });

/** An `Allocations` sheet of `n` rows: ten columns of text, money and percentages. */
export function allocations(n: number, scenario = 'Base case'): SheetSpec {
  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    const prior = 10_000 + ((i * 7919) % 90_000) + (i % 100) / 100;
    const amount = Math.round(prior * 0.949 * 100) / 100;
    rows.push([
      scenario,
      `VS-${String(i + 1).padStart(5, '0')}`,
      `Recipient organisation ${i + 1}`,
      `Service ${(i % 40) + 1}`,
      i % 3 === 0 ? 'Victim Services Grant' : 'Community Safety Fund',
      prior,
      amount,
      Math.round((amount - prior) * 100) / 100,
      (amount - prior) / prior,
      i % 5 === 0 ? 'scaled' : null,
    ]);
  }
  return {
    sheet: 'Allocations',
    table: 'Allocations',
    title: [`Allocations — ${scenario}`, 'Run 2021-03-01 09:30, scenarios: Base case'],
    columns: [
      column('Scenario', 'text'),
      column('Ref', 'text', 10),
      column('Recipient', 'text', 30),
      column('Service', 'text', 20),
      column('Fund', 'text', 24),
      column('Prior year', 'money'),
      column('Amount', 'money'),
      column('Change', 'money'),
      column('Change %', 'percent', 10),
      column('Notes', 'text', 20),
    ],
    rows,
    footer: [[null, null, null, null, 'Total', 1234.5, 1200, -34.5, null, null]],
  };
}

export function fundLedger(income = 250_000): SheetSpec {
  return {
    sheet: 'Fund ledger',
    table: 'FundLedger',
    title: ['Fund ledger'],
    columns: [
      column('Scenario', 'text'),
      column('Fund', 'text', 24),
      column('Opening balance', 'money'),
      column('Income', 'money'),
      column('Awarded', 'money'),
      column('Closing balance', 'money'),
      column('Floor', 'money'),
      column('Headroom', 'money'),
    ],
    rows: [
      ['Base case', 'Victim Services Grant', 10_000, income, 240_000.5, income - 230_000.5, 5_000, income - 235_000.5],
      ['Base case', 'Community Safety Fund', 0, 80_000, 81_000, -1_000, 0, -1_000],
    ],
    footer: [],
  };
}

export function checks(rows: CellValue[][] = [['error', 'Base case', 'Community Safety Fund', null, 'Floor', 'Over by £1,000.00']]): SheetSpec {
  return {
    sheet: 'Checks',
    table: 'Checks',
    title: [],
    columns: [
      column('Severity', 'text', 10),
      column('Scenario', 'text'),
      column('Fund', 'text', 24),
      column('Ref', 'text', 10),
      column('Check', 'text'),
      column('Message', 'text', 50),
    ],
    rows,
    footer: [],
  };
}

/** A commitments-like sheet with dates and integers, to exercise every format. */
export function commitments(): SheetSpec {
  return {
    sheet: 'Commitments',
    table: 'Commitments',
    title: ['Commitments'],
    columns: [
      column('Ref', 'text'),
      column('Start', 'date', 12),
      column('Months', 'integer', 8),
      column('Weight', 'number', 8),
      column('2021/22', 'money'),
    ],
    rows: [
      ['VS-00001', 44287, 12, 1.25, 12_000],
      ['VS-00002', 44470, 6, 0.5, 6_000.5],
    ],
    footer: [['Total', null, null, null, 18_000.5]],
  };
}

/** The input tables of a small model: dates as serials, booleans, blanks. */
export function inputs(): TableData[] {
  return [
    {
      name: 'Funds',
      sheet: 'Funds',
      headers: ['Fund', 'Source', 'Opening balance', 'Income', 'Allowed purposes', 'Floor', 'Award cap', 'Appendix'],
      rows: [
        ['Victim Services Grant', 'MoJ', 10_000, 250_000, 'victims', 5_000, null, 1],
        ['Community Safety Fund', 'PCC', 0, 80_000, null, null, 20_000, 2],
      ],
    },
    {
      name: 'Awards',
      sheet: 'Awards',
      headers: ['Ref', 'Recipient', 'Fund', 'Rule', 'Value', 'Prior year', 'Start', 'End', 'Locked', 'Route'],
      rows: [
        ['VS-00001', 'Safe Haven', 'Victim Services Grant', 'FLAT', null, 12_000, 44287, 44651, true, 'grant'],
        ['VS-00002', '00123 Trust', 'Victim Services Grant', 'CHANGE', -0.051, 20_000, null, null, false, 'contract'],
        ['CS-00001', '=Not a formula', 'Community Safety Fund', 'SHARE', 3, null, null, null, false, '2021/22'],
      ],
    },
    {
      name: 'Scenarios',
      sheet: 'Scenarios',
      headers: ['Scenario', 'Fund', 'Income', 'Fit'],
      rows: [
        ['Base case', 'Victim Services Grant', 250_000, 'scale-down'],
        ['Cut 5%', 'Victim Services Grant', 237_500, 'scale'],
      ],
    },
  ];
}

/** A table of the user's, to sit in a workbook before the add-in writes anything. */
export function userTable(name = 'Notes', sheet = 'My notes'): TableData {
  return { name, sheet, headers: ['Note', 'Amount'], rows: [['keep me', 1], ['and me', 2]] };
}
