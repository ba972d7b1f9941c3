/**
 * What the pane shows after a run: the fund ledger in brief (awarded and headroom by
 * fund, one column per scenario), and indicative against confirmed at a glance.
 */
import type { LedgerRow, ModelResult } from '../engine/model';
import { el } from './dom';
import { countOf, money, signedMoney, signedPercent } from './format';
import type { Glance, GlanceTotals } from './glance';
import { text } from './messages';

function numberCell(value: number, shown: string, negative = value < 0): HTMLTableCellElement {
  return el('td', { class: negative ? 'num negative' : 'num', 'data-value': value }, shown);
}

function matrix(caption: string, result: ModelResult, pick: (row: LedgerRow) => number, cls: string): HTMLTableElement {
  const scenarios = result.scenariosRun;
  const funds: string[] = [];
  for (const row of result.ledger) if (!funds.includes(row.fund)) funds.push(row.fund);
  const cell = (fund: string, scenario: string): LedgerRow | undefined =>
    result.ledger.find((row) => row.fund === fund && row.scenario === scenario);
  const totalOf = (scenario: string): number => {
    let pence = 0;
    for (const row of result.ledger) if (row.scenario === scenario) pence += Math.round(pick(row) * 100);
    return pence / 100;
  };
  return el(
    'table',
    { class: `summary ${cls}` },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, text.results.fund), ...scenarios.map((s) => el('th', { scope: 'col', class: 'num' }, s)))),
    el(
      'tbody',
      {},
      ...funds.map((fund) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, fund),
          ...scenarios.map((scenario) => {
            const row = cell(fund, scenario);
            return row === undefined ? el('td', {}) : numberCell(pick(row), money(pick(row)));
          }),
        ),
      ),
    ),
    el(
      'tfoot',
      {},
      el('tr', {}, el('th', { scope: 'row' }, text.results.allFunds), ...scenarios.map((s) => numberCell(totalOf(s), money(totalOf(s))))),
    ),
  );
}

/** Awarded and headroom by fund, a column per scenario run. */
export function ledgerSummary(result: ModelResult): HTMLElement {
  return el(
    'div',
    { class: 'ledger-summary' },
    matrix(text.results.ledgerCaption, result, (row) => row.awarded, 'awarded'),
    matrix(text.results.headroomCaption, result, (row) => row.headroom, 'headroom'),
  );
}

/** Indicative against confirmed: totals, variance in pounds and per cent, lines scaled. */
export function glanceTable(glance: Glance): HTMLTableElement {
  const columns: GlanceTotals[] = glance.fund === null ? [glance.allFunds] : [glance.fund, glance.allFunds];
  const row = (label: string, key: string, cells: HTMLTableCellElement[]): HTMLTableRowElement =>
    el('tr', { 'data-key': key }, el('th', { scope: 'row' }, label), ...cells);
  return el(
    'table',
    { class: 'summary glance', id: 'glance' },
    el('caption', {}, text.confirmed.caption(glance.first, glance.second)),
    el('thead', {}, el('tr', {}, el('td', {}), ...columns.map((c) => el('th', { scope: 'col', class: 'num' }, c.label)))),
    el(
      'tbody',
      {},
      row(text.confirmed.total(glance.first), 'first', columns.map((c) => numberCell(c.first, money(c.first)))),
      row(text.confirmed.total(glance.second), 'second', columns.map((c) => numberCell(c.second, money(c.second)))),
      row(text.confirmed.variance, 'variance', columns.map((c) => numberCell(c.variance, signedMoney(c.variance)))),
      row(
        text.confirmed.variancePct,
        'variance-pct',
        columns.map((c) =>
          el('td', { class: c.variance < 0 ? 'num negative' : 'num', 'data-value': c.variancePct ?? '' }, signedPercent(c.variancePct)),
        ),
      ),
      row(text.confirmed.linesScaled, 'lines-scaled', columns.map((c) => numberCell(c.linesScaled, countOf(c.linesScaled, 'line', 'lines'), false))),
    ),
  );
}
