/**
 * The list named `Checks`: the last run's checks grouped by severity (errors, then
 * warnings, then notes), a check the same in every scenario shown once, "in all
 * scenarios" (summariseChecks). An item that points at an input row is a button: click,
 * Enter or Space selects that row. Each group's heading (`#checks-error`,
 * `#checks-warning`, `#checks-info`) is where the answer's counts lead.
 */
import { IN_ALL_SCENARIOS, summariseChecks, type Check, type Severity, type SummaryCheck } from '../engine/model';
import { el, replaceChildren } from './dom';
import { text } from './messages';

/** More than this many items and the rest are left to the Checks sheet. */
export const MAX_CHECKS_SHOWN = 200;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

function where(check: SummaryCheck): string {
  const scenario = check.inAllScenarios ? IN_ALL_SCENARIOS : check.scenario;
  return [scenario, check.fund, check.ref].filter((part) => part !== '').join(' · ');
}

function itemBody(check: SummaryCheck): HTMLElement[] {
  const label = text.results.severity[check.severity] ?? check.severity;
  return [
    el('span', { class: `badge badge-${check.severity}` }, label),
    el('span', { class: 'check-name' }, check.check),
    el('span', { class: 'check-where' }, where(check)),
    el('span', { class: 'check-message' }, check.message),
  ];
}

/** Whether a check points at an input row the pane can select. */
export function isLocated<T extends Check>(check: T): check is T & { table: string; row: number } {
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
      { class: 'pane-section', 'aria-labelledby': 'checks-heading', id: 'checks' },
      el('h2', { id: 'checks-heading' }, text.results.checksHeading),
      this.summary,
      this.list,
    );
  }

  /** Shows a run's checks, counted as the summary counts them. */
  show(checks: readonly Check[], scenariosRun: readonly string[]): void {
    const { checks: shown, counts } = summariseChecks(checks, scenariosRun);
    replaceChildren(
      this.summary,
      text.results.checksSummary(counts.error, counts.warning, counts.info),
      shown.some(isLocated) ? ` ${text.results.checksHint}` : '',
    );
    let room = MAX_CHECKS_SHOWN;
    const groups = SEVERITIES.filter((severity) => severity !== 'info' || counts.info > 0).map((severity) => {
      const mine = shown.filter((check) => check.severity === severity);
      const listed = mine.slice(0, Math.max(0, room));
      room -= listed.length;
      const items = listed.map((check) => this.item(check));
      if (mine.length > listed.length) {
        items.push(el('li', { class: 'check check-more' }, text.results.moreInSheet(mine.length - listed.length)));
      }
      const id = `checks-${severity}`;
      return el(
        'li',
        { class: `check-group check-group-${severity}` },
        el('h3', { id, tabindex: -1 }, text.results.group(severity, mine.length)),
        items.length === 0 ? el('p', { class: 'hint' }, text.answer.none) : el('ul', { 'aria-labelledby': id }, ...items),
      );
    });
    replaceChildren(this.list, ...groups);
  }

  private item(check: SummaryCheck): HTMLLIElement {
    const body = itemBody(check);
    if (!isLocated(check)) return el('li', { class: `check check-${check.severity}` }, el('div', { class: 'check-body' }, ...body));
    const button = el('button', { type: 'button', class: 'check-body', 'data-table': check.table, 'data-row': check.row }, ...body);
    button.addEventListener('click', () => this.onActivate(check));
    return el('li', { class: `check check-${check.severity}` }, button);
  }
}
