/**
 * The list named `Checks`: one item per check of the last run, errors first. An item
 * that points at an input row is a button: click, Enter or Space selects that row.
 */
import type { Check } from '../engine/model';
import { el, replaceChildren } from './dom';
import { text } from './messages';

/** More than this many items and the rest are left to the Checks sheet. */
export const MAX_CHECKS_SHOWN = 200;

function where(check: Check): string {
  return [check.scenario, check.fund, check.ref].filter((part) => part !== '').join(' · ');
}

function itemBody(check: Check): HTMLElement[] {
  const label = text.results.severity[check.severity] ?? check.severity;
  return [
    el('span', { class: `badge badge-${check.severity}` }, label),
    el('span', { class: 'check-name' }, check.check),
    el('span', { class: 'check-where' }, where(check)),
    el('span', { class: 'check-message' }, check.message),
  ];
}

/** Whether a check points at an input row the pane can select. */
export function isLocated(check: Check): check is Check & { table: string; row: number } {
  return typeof check.table === 'string' && check.table !== '' && typeof check.row === 'number' && check.row >= 0;
}

export class ChecksList {
  readonly element: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly list: HTMLUListElement;

  constructor(private readonly onActivate: (check: Check & { table: string; row: number }) => void) {
    this.summary = el('p', { class: 'checks-summary' }, text.results.noChecks);
    this.list = el('ul', { class: 'checks', 'aria-label': text.results.checksHeading });
    this.element = el(
      'section',
      { class: 'pane-section', 'aria-labelledby': 'checks-heading' },
      el('h2', { id: 'checks-heading' }, text.results.checksHeading),
      this.summary,
      this.list,
    );
  }

  show(checks: readonly Check[]): void {
    const count = { error: 0, warning: 0, info: 0 };
    for (const check of checks) count[check.severity]++;
    replaceChildren(
      this.summary,
      text.results.checksSummary(count.error, count.warning, count.info),
      checks.some(isLocated) ? ` ${text.results.checksHint}` : '',
    );
    const items = checks.slice(0, MAX_CHECKS_SHOWN).map((check) => {
      const body = itemBody(check);
      if (!isLocated(check)) return el('li', { class: `check check-${check.severity}` }, el('div', { class: 'check-body' }, ...body));
      const button = el('button', { type: 'button', class: 'check-body', 'data-table': check.table, 'data-row': check.row }, ...body);
      button.addEventListener('click', () => this.onActivate(check));
      return el('li', { class: `check check-${check.severity}` }, button);
    });
    if (checks.length > MAX_CHECKS_SHOWN) {
      items.push(el('li', { class: 'check check-more' }, `…and ${checks.length - MAX_CHECKS_SHOWN} more in the Checks sheet.`));
    }
    replaceChildren(this.list, ...items);
  }
}
