/**
 * Draws the answer (answer.ts) at the top of the pane, compact enough for a 350-pixel
 * pane: a table of the funds (available, awarded, left, and the change from the
 * indicative scenario), the largest increases and cuts, and the counts of errors and
 * warnings, each a link to its group in the Checks list.
 */
import type { ComparisonRow } from '../engine/model';
import type { Answer, Change } from './answer';
import { el } from './dom';
import { countOf, money, signedMoney, signedPercent } from './format';
import { text } from './messages';

function amount(value: number, key: string, shown = money(value)): HTMLTableCellElement {
  return el('td', { class: value < 0 ? 'num negative' : 'num', 'data-key': key, 'data-value': value }, shown);
}

function changeText(change: Change): string {
  return `${signedMoney(change.variance)} (${signedPercent(change.variancePct)})`;
}

function changeRow(change: Change, key: string, label: string): HTMLTableRowElement {
  return el(
    'tr',
    { class: 'answer-change', 'data-change': key, 'data-value': change.variance, 'data-pct': change.variancePct ?? '' },
    el('th', { scope: 'row' }, label),
    el('td', { colspan: 2, class: change.variance < 0 ? 'num negative' : 'num' }, changeText(change)),
  );
}

function fundsTable(answer: Answer): HTMLTableElement {
  const comparison = answer.comparison;
  const changes = new Map(comparison?.funds.map((c) => [c.label, c]) ?? []);
  const vs = comparison === null ? '' : text.answer.vs(comparison.first, comparison.second);
  const body = answer.funds.flatMap((fund) => {
    const rows = [
      el('tr', { class: 'answer-fund' }, el('th', { scope: 'colgroup', colspan: 3 }, fund.fund)),
      el('tr', { 'data-fund': fund.fund }, amount(fund.available, 'available'), amount(fund.awarded, 'awarded'), amount(fund.left, 'left')),
    ];
    const change = changes.get(fund.fund);
    if (change) rows.push(changeRow(change, fund.fund, vs));
    return rows;
  });
  return el(
    'table',
    { class: 'summary answer-funds', id: 'answer-funds' },
    el('caption', {}, text.answer.fundsCaption(answer.scenario)),
    el('thead', {}, el('tr', {}, ...[text.answer.available, text.answer.awarded, text.answer.left].map((h) => el('th', { scope: 'col', class: 'num' }, h)))),
    el('tbody', {}, ...body),
    comparison === null || answer.fund !== ''
      ? null
      : el('tfoot', {}, changeRow(comparison.total, 'total', text.answer.allFundsVs(comparison.first, comparison.second))),
  );
}

function movers(heading: string, id: string, rows: readonly ComparisonRow[]): HTMLElement {
  return el(
    'div',
    { class: 'answer-movers' },
    el('h3', { id }, heading),
    rows.length === 0
      ? el('p', { class: 'hint' }, text.answer.none)
      : el(
          'ul',
          { 'aria-labelledby': id },
          ...rows.map((row) =>
            el(
              'li',
              { 'data-ref': row.ref, 'data-value': row.variance },
              el('span', { class: 'mover-name' }, row.recipient),
              ' ',
              el('span', { class: row.variance < 0 ? 'num negative' : 'num' }, `${signedMoney(row.variance)} (${signedPercent(row.variancePct)})`),
            ),
          ),
        ),
  );
}

/** The next calendar events: date, what, whose, and the instalment for a payment. */
function upcoming(events: Answer['upcoming']): HTMLElement {
  return el(
    'div',
    { class: 'answer-upcoming' },
    el('h3', { id: 'answer-upcoming' }, text.answer.upcoming),
    el(
      'ul',
      { 'aria-labelledby': 'answer-upcoming' },
      ...events.map((event) =>
        el(
          'li',
          { 'data-ref': event.ref, 'data-date': event.date },
          el('span', { class: 'upcoming-date' }, text.answer.eventDate(event.date)),
          ' ',
          `${event.event}: ${event.recipient} (${event.ref})`,
          event.amount === null ? '' : ` ${money(event.amount)}`,
        ),
      ),
    ),
  );
}

/** The answer's nodes; the counts link to `#checks-error` and `#checks-warning`. */
export function answerView(answer: Answer): Node[] {
  const counts = el(
    'p',
    { class: 'answer-counts' },
    el('a', { href: '#checks-error', 'data-count': 'error', class: answer.counts.error > 0 ? 'count-error' : null }, countOf(answer.counts.error, 'error', 'errors')),
    ' · ',
    el('a', { href: '#checks-warning', 'data-count': 'warning' }, countOf(answer.counts.warning, 'warning', 'warnings')),
  );
  const nodes: Node[] = [counts, fundsTable(answer)];
  if (answer.comparison !== null) {
    nodes.push(
      el(
        'div',
        { class: 'answer-moves' },
        movers(text.answer.increases, 'answer-increases', answer.increases),
        movers(text.answer.cuts, 'answer-cuts', answer.cuts),
      ),
    );
  }
  if (answer.upcoming.length > 0) nodes.push(upcoming(answer.upcoming));
  return nodes;
}
