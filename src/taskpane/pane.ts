/**
 * The task pane: finds the model (or creates the sample), runs the chosen scenarios,
 * takes the confirmed MoJ grant, compares two scenarios, builds the appendices, and
 * lists the checks. A thin surface: each handler calls a command (commands.ts) through
 * the workbook port and renders what comes back.
 */
import type { Check, ModelResult } from '../engine/model';
import { answerOf } from './answer';
import { answerView } from './answerView';
import { barChart } from './preview/chart';
import { confirmFar } from './confirmDialog';
import { farFromIndicative, readGrantInput } from './grantInput';
import type { WorkbookPort } from '../workbook/port';
import { ChecksList } from './checksList';
import {
  buildAppendices,
  compareScenarios,
  createSample,
  enterConfirmedGrant,
  errorText,
  localClock,
  readStatus,
  runScenarios,
  type Clock,
  type ModelStatus,
  type Progress,
} from './commands';
import { el, replaceChildren } from './dom';
import { money } from './format';
import { glanceOf } from './glance';
import { grantTargetProblem, text } from './messages';
import { StatusBar } from './statusBar';
import { glanceTable, ledgerSummary } from './summaries';

export interface PaneOptions {
  port: WorkbookPort;
  /** The clock for run stamps and the default financial year; this machine's by default. */
  clock?: () => Clock;
  /** After a command wrote sheets: the one worth showing first (the preview turns to it). */
  onSheetsWritten?: (sheet: string) => void;
}

type CommandButton = 'run' | 'compare' | 'appendices' | 'sample' | 'apply';

function section(id: string, heading: string, ...children: (Node | null)[]): HTMLElement {
  return el('section', { class: 'pane-section', 'aria-labelledby': id }, el('h2', { id }, heading), ...children);
}

function selectField(id: string, label: string): { wrapper: HTMLElement; select: HTMLSelectElement } {
  const select = el('select', { id });
  return { select, wrapper: el('div', { class: 'stack' }, el('label', { for: id }, label), select) };
}

function fillSelect(select: HTMLSelectElement, names: readonly string[], preferred: string | undefined): void {
  const keep = names.includes(select.value) ? select.value : preferred;
  replaceChildren(select, ...names.map((name) => el('option', { value: name }, name)));
  if (keep !== undefined) select.value = keep;
}

export class Pane {
  readonly element: HTMLElement;
  private readonly port: WorkbookPort;
  private readonly clock: () => Clock;
  private readonly onSheetsWritten: (sheet: string) => void;
  private readonly status = new StatusBar();
  private readonly checks: ChecksList;
  private readonly buttons: Record<CommandButton, HTMLButtonElement>;
  private readonly modelLine = el('p', { id: 'model-status', class: 'model-status' }, text.loading);
  private readonly scenarioBoxes = el('div', { class: 'scenario-boxes' });
  private readonly grant: HTMLInputElement;
  private readonly answer = el('section', { class: 'pane-section answer', id: 'answer', 'aria-labelledby': 'answer-heading', tabindex: -1 });
  private readonly answerBody = el('div', { class: 'answer-body' }, el('p', { class: 'hint' }, text.answer.waiting));
  private readonly staleNote = el('p', { class: 'stale', id: 'answer-stale', role: 'note', hidden: true }, text.answer.stale);
  private readonly answerFund = el('select', { id: 'answer-fund' });
  private readonly grantError = el('p', { id: 'grant-error', class: 'field-error', hidden: true });
  private readonly grantCurrent = el('p', { id: 'grant-current', class: 'hint' }, '');
  private readonly compareArea = el('div', { class: 'glance-area' });
  private readonly ledgerArea = el('div', { class: 'ledger-area' });
  private readonly first: HTMLSelectElement;
  private readonly second: HTMLSelectElement;
  private readonly appendixScenario: HTMLSelectElement;
  /** Shown only when the model does not say which fund the confirmed grant is for. */
  private readonly grantFund: HTMLSelectElement;
  private readonly grantFundField: HTMLElement;
  private readonly grantNote = el('p', { id: 'confirmed-note', class: 'hint' }, '');
  private readonly unticked = new Set<string>();
  private model: ModelStatus | null = null;
  /** The one state every result view draws: the last run's result. */
  private result: ModelResult | null = null;
  /** The inputs' signature the result was run on (null until the refresh after it). */
  private resultSignature: string | null = null;
  private resultPending = false;
  private busy = false;
  /** The user typed a figure not yet entered: the field is not refilled from the workbook. */
  private grantEdited = false;

  constructor(options: PaneOptions) {
    this.port = options.port;
    this.clock = options.clock ?? (() => localClock());
    this.onSheetsWritten = options.onSheetsWritten ?? (() => undefined);

    const button = (label: string, primary = false, type: 'button' | 'submit' = 'button'): HTMLButtonElement =>
      el('button', { type, class: primary ? 'primary' : null }, label);
    this.buttons = {
      sample: button(text.buttons.sample),
      run: button(text.buttons.run, true),
      apply: button(text.confirmed.apply, false, 'submit'),
      compare: button(text.buttons.compare),
      appendices: button(text.buttons.appendices),
    };
    this.grant = el('input', {
      id: 'confirmed-grant',
      type: 'text',
      inputmode: 'decimal',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': 'grant-error grant-current confirmed-note',
    });
    const compareFirst = selectField('compare-first', text.compare.first);
    const compareSecond = selectField('compare-second', text.compare.second);
    const appendix = selectField('appendix-scenario', text.appendices.scenario);
    const grantFund = selectField('grant-fund', text.confirmed.fund);
    this.grantFund = grantFund.select;
    this.grantFundField = grantFund.wrapper;
    this.grantFundField.hidden = true;
    this.grantFundField.appendChild(el('p', { class: 'hint' }, text.confirmed.fundHint));
    this.first = compareFirst.select;
    this.second = compareSecond.select;
    this.appendixScenario = appendix.select;
    this.checks = new ChecksList((check) => void this.selectCheck(check));

    const grantForm = el(
      'form',
      { class: 'grant-form', novalidate: true },
      el(
        'div',
        { class: 'field-row' },
        el('div', { class: 'stack' }, el('label', { for: 'confirmed-grant' }, text.confirmed.label), this.grant),
        this.buttons.apply,
      ),
      this.grantError,
      this.grantCurrent,
      this.grantFundField,
      this.grantNote,
    );

    const answerFund = el('div', { class: 'stack answer-fund', hidden: true }, el('label', { for: 'answer-fund' }, text.answer.fund), this.answerFund);
    this.answerFundField = answerFund;
    this.answer.append(el('h2', { id: 'answer-heading' }, text.answer.heading), this.staleNote, answerFund, this.answerBody);

    this.element = el(
      'div',
      { class: 'pane-body' },
      el('header', { class: 'pane-header' }, el('h1', {}, text.title)),
      this.answer,
      this.status.element,
      section(
        'scenarios-heading',
        text.scenarios.heading,
        el('fieldset', {}, el('legend', {}, text.scenarios.legend), this.scenarioBoxes),
        el('div', { class: 'actions' }, this.buttons.run),
      ),
      section('confirmed-heading', text.confirmed.heading, grantForm),
      section(
        'compare-heading',
        text.compare.heading,
        el('div', { class: 'field-row' }, compareFirst.wrapper, compareSecond.wrapper),
        el('div', { class: 'actions' }, this.buttons.compare),
        this.compareArea,
      ),
      section('appendices-heading', text.appendices.heading, appendix.wrapper, el('div', { class: 'actions' }, this.buttons.appendices)),
      this.checks.element,
      section('results-heading', text.results.heading, this.ledgerArea),
      section(
        'model-heading',
        text.model.heading,
        this.modelLine,
        el('div', { class: 'actions' }, this.buttons.sample),
        el('p', { class: 'hint' }, text.model.createHint),
      ),
    );

    this.answerFund.addEventListener('change', () => this.renderResult());
    for (const select of [this.first, this.second]) select.addEventListener('change', () => void this.compare());
    this.answer.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="#checks-"]') : null;
      const target = link ? document.getElementById(link.getAttribute('href')?.slice(1) ?? '') : null;
      if (!target) return;
      event.preventDefault();
      target.scrollIntoView({ block: 'start' });
      target.focus();
    });
    this.buttons.sample.addEventListener('click', () => void this.createSampleModel());
    this.buttons.run.addEventListener('click', () => void this.run());
    this.buttons.compare.addEventListener('click', () => void this.compare());
    this.buttons.appendices.addEventListener('click', () => void this.appendices());
    grantForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.enterGrant();
    });
    this.grant.addEventListener('input', () => {
      this.grantEdited = true;
      this.clearGrantError();
    });
    this.scenarioBoxes.addEventListener('change', (event) => {
      const box = event.target;
      if (!(box instanceof HTMLInputElement)) return;
      if (box.checked) this.unticked.delete(box.value);
      else this.unticked.add(box.value);
    });
    this.setEnabled();
  }

  /** Runs the chosen scenarios when the workbook holds a model that can run (the preview, on a file just opened). */
  async runIfReady(): Promise<void> {
    if (this.hasModel && this.model?.problem === null) await this.run();
  }

  /** Re-reads the workbook unless a command is running (which re-reads it when done). */
  async refreshIfIdle(): Promise<void> {
    if (!this.busy) await this.refresh();
  }

  /** Re-reads the workbook: which tables it holds, its scenarios, the confirmed figure. */
  async refresh(): Promise<void> {
    try {
      this.model = await readStatus(this.port, this.clock(), this.chosenFund());
    } catch (error) {
      this.model = null;
      this.modelLine.textContent = '';
      this.status.error(errorText(error));
      this.setEnabled();
      return;
    }
    const status = this.model;
    if (status.missing.length > 0) this.modelLine.textContent = text.model.missing(status.missing);
    else if (status.problem !== null) this.modelLine.textContent = text.model.problem(status.problem);
    else this.modelLine.textContent = text.model.found(status.found);

    this.renderScenarioBoxes(status.scenarios);
    const pair = status.grant?.kind === 'found' || status.grant?.kind === 'ask' ? [status.grant.compareWith, status.grant.scenario] : [];
    fillSelect(this.first, status.scenarios, pair[0] ?? status.scenarios[0]);
    fillSelect(this.second, status.scenarios, pair[1] ?? status.scenarios[1] ?? status.scenarios[0]);
    if (this.resultPending) {
      this.resultSignature = status.signature;
      this.resultPending = false;
    }
    this.staleNote.hidden = this.result === null || this.resultSignature === status.signature;
    fillSelect(this.appendixScenario, status.scenarios, status.scenarios[status.scenarios.length - 1]);
    this.showGrantTarget(status);
    if (!this.grantEdited && document.activeElement !== this.grant) {
      this.grant.value = status.confirmedIncome === null ? '' : String(status.confirmedIncome);
    }
    this.setEnabled();
  }

  /** Says where the confirmed grant goes, or asks for the fund when the model cannot tell. */
  private showGrantTarget(status: ModelStatus): void {
    const grant = status.grant;
    const asking = grant?.kind === 'ask' || (grant?.kind === 'found' && grant.fundFrom === 'chosen');
    this.grantFundField.hidden = !asking;
    if (asking && status.model) fillSelect(this.grantFund, status.model.funds.map((f) => f.name), this.chosenFund());
    this.grantCurrent.textContent = grant?.kind === 'found'
      ? text.grant.current(status.confirmedIncome, status.indicativeIncome, grant.compareWith)
      : '';
    if (grant?.kind === 'found') this.grantNote.textContent = text.confirmed.note(grant.scenario, grant.fund, status.confirmedIncome);
    else if (grant?.kind === 'ask') this.grantNote.textContent = text.confirmed.noteUnknown;
    else if (grant?.kind === 'problem') this.grantNote.textContent = grantTargetProblem(grant.problem);
    else this.grantNote.textContent = '';
  }

  /** The fund picked when the pane asked, if it asked. */
  private chosenFund(): string | undefined {
    return this.grantFundField.hidden || this.grantFund.value === '' ? undefined : this.grantFund.value;
  }

  /** The fund the glance shows: the grant fund, else the first fund. */
  private glanceFund(): string {
    const grant = this.model?.grant;
    if (grant?.kind === 'found') return grant.fund;
    return this.model?.model?.funds[0]?.name ?? '';
  }

  private renderScenarioBoxes(names: readonly string[]): void {
    if (names.length === 0) {
      replaceChildren(this.scenarioBoxes, el('p', { class: 'hint' }, text.scenarios.none));
      return;
    }
    replaceChildren(
      this.scenarioBoxes,
      ...names.map((name, i) => {
        const id = `scenario-${i}`;
        const box = el('input', { type: 'checkbox', id, name: 'scenario', value: name });
        box.checked = !this.unticked.has(name);
        return el('label', { class: 'checkbox', for: id }, box, name);
      }),
    );
  }

  private chosenScenarios(): string[] {
    const boxes = Array.from(this.scenarioBoxes.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'));
    return boxes.filter((box) => box.checked).map((box) => box.value);
  }

  private get hasModel(): boolean {
    return this.model !== null && this.model.model !== null;
  }

  /** Buttons that cannot work are disabled; while a command runs, all are marked busy. */
  private setEnabled(): void {
    const usable = this.hasModel;
    const scenarios = this.model?.scenarios.length ?? 0;
    const enabled: Record<CommandButton, boolean> = {
      sample: true,
      run: usable,
      apply: usable,
      compare: usable && scenarios >= 2,
      appendices: usable,
    };
    for (const [name, button] of Object.entries(this.buttons) as [CommandButton, HTMLButtonElement][]) {
      // Busy buttons stay focusable (a keyboard user keeps their place), marked aria-disabled.
      button.disabled = !enabled[name];
      if (this.busy && enabled[name]) button.setAttribute('aria-disabled', 'true');
      else button.removeAttribute('aria-disabled');
    }
    this.grant.disabled = !usable;
    for (const select of [this.first, this.second, this.appendixScenario, this.grantFund]) select.disabled = !usable;
    this.answerFund.disabled = this.result === null;
    this.element.setAttribute('aria-busy', String(this.busy));
  }

  /**
   * Runs one command: one at a time, with progress shown and any failure said in plain
   * words; then re-reads the workbook, since the command may have changed it.
   */
  private async command(work: (progress: Progress) => Promise<string>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.setEnabled();
    this.status.clearError();
    try {
      const done = await work((status, step, total) => this.status.progress(status, step, total));
      this.status.done(done);
    } catch (error) {
      this.status.error(errorText(error));
    } finally {
      this.busy = false;
      const produced = this.resultPending;
      await this.refresh();
      if (produced) this.focusAnswer();
    }
  }

  /** A command produced a run: every result view draws it, and the answer takes focus. */
  private setResult(result: ModelResult): void {
    this.result = result;
    this.resultPending = true;
    const funds = [...new Set(result.ledger.map((row) => row.fund))];
    replaceChildren(
      this.answerFund,
      el('option', { value: '' }, text.answer.allFunds),
      ...funds.map((fund) => el('option', { value: fund }, fund)),
    );
    if (!funds.includes(this.answerFundValue)) this.answerFundValue = '';
    this.answerFund.value = this.answerFundValue;
    if (this.answerFundField) this.answerFundField.hidden = false;
    this.renderResult();
    replaceChildren(this.ledgerArea, ledgerSummary(result));
    this.checks.show(result.checks, result.scenariosRun);
  }

  private answerFundValue = '';
  private answerFundField: HTMLElement | null = null;

  /** Draws the answer and Compare from the one result, for the fund shown. */
  private renderResult(): void {
    const result = this.result;
    if (result === null) return;
    this.answerFundValue = this.answerFund.value;
    const answer = answerOf(result, this.answerFundValue, undefined, this.clock().today);
    replaceChildren(this.answerBody, ...answerView(answer));
    const comparison = result.comparison;
    if (comparison === null) {
      replaceChildren(this.compareArea);
      return;
    }
    const totals = answer.comparison?.funds ?? [];
    replaceChildren(
      this.compareArea,
      glanceTable(glanceOf(result, this.answerFundValue === '' ? this.glanceFund() : this.answerFundValue)),
      barChart(
        {
          title: text.compare.chartTitle(comparison.first, comparison.second),
          series: [comparison.first, comparison.second],
          categories: totals.map((t) => t.label),
          values: totals.map((t) => [t.first, t.second]),
        },
        'compare-chart',
      ),
    );
  }

  /** After a run: the answer takes focus (the status line has announced it). */
  private focusAnswer(): void {
    this.answer.scrollIntoView({ block: 'nearest' });
    this.answer.focus({ preventScroll: true });
  }

  private announce(result: ModelResult): string {
    const answer = answerOf(result, this.answerFundValue, undefined, this.clock().today);
    return text.answer.announce(answer.scenario, answer.counts.error, answer.counts.warning);
  }

  private async createSampleModel(): Promise<void> {
    await this.command(async (progress) => {
      await progress(text.progress.creating, 0, 1);
      await createSample(this.port);
      this.onSheetsWritten('Awards');
      return text.done.sample;
    });
  }

  private async run(): Promise<void> {
    await this.command(async (progress) => {
      const outcome = await runScenarios(this.port, this.chosenScenarios(), this.clock(), progress, [this.first.value, this.second.value]);
      this.setResult(outcome.result);
      this.onSheetsWritten(outcome.written[0]);
      return `${text.done.run(outcome.result.scenariosRun, outcome.written)} ${this.announce(outcome.result)}`;
    });
  }

  private showGrantError(message: string): void {
    this.grantError.textContent = message;
    this.grantError.hidden = false;
    this.grant.setAttribute('aria-invalid', 'true');
    this.grant.focus();
  }

  private clearGrantError(): void {
    this.grantError.textContent = '';
    this.grantError.hidden = true;
    this.grant.removeAttribute('aria-invalid');
  }

  /**
   * Applies the typed figure: refused beside the field when it is not an amount; asked
   * about when far from the indicative one; only then run and written (commands.ts
   * writes the input cell last, after every check passed).
   */
  private async enterGrant(): Promise<void> {
    if (this.busy) return;
    const read = readGrantInput(this.grant.value);
    if (!read.ok) {
      this.showGrantError(read.message);
      return;
    }
    this.clearGrantError();
    const indicative = this.model?.indicativeIncome ?? null;
    const grant = this.model?.grant;
    if (indicative !== null && farFromIndicative(read.amount, indicative)) {
      const name = grant?.kind === 'found' ? grant.compareWith : '';
      const go = await confirmFar(this.element, text.grant.farTitle, text.grant.far(read.amount, indicative, name), text.grant.farApply, text.grant.farCancel);
      if (!go) {
        this.status.done(text.grant.cancelled);
        this.grant.focus();
        return;
      }
    }
    await this.command(async (progress) => {
      const amount = read.amount;
      const outcome = await enterConfirmedGrant(this.port, amount, this.chosenScenarios(), this.clock(), progress, this.chosenFund());
      this.grantEdited = false;
      this.setResult(outcome.result);
      this.onSheetsWritten('Comparison');
      return `${text.done.confirmed(money(amount), outcome.replaced, outcome.fund, outcome.written, outcome.undo)} ${this.announce(outcome.result)}`;
    });
  }

  private async compare(): Promise<void> {
    await this.command(async (progress) => {
      const outcome = await compareScenarios(this.port, this.first.value, this.second.value, this.clock(), progress);
      this.setResult(outcome.result);
      this.onSheetsWritten('Comparison');
      return `${text.done.run(outcome.result.scenariosRun, outcome.written)} ${this.announce(outcome.result)}`;
    });
  }

  private async appendices(): Promise<void> {
    await this.command(async (progress) => {
      const outcome = await buildAppendices(this.port, this.appendixScenario.value, this.clock(), progress);
      this.onSheetsWritten(outcome.written.find((name) => name.startsWith('Appendix')) ?? outcome.written[0]);
      return text.done.run(outcome.result.scenariosRun, outcome.written);
    });
  }

  /** Takes the user to the row a check is about: selects it in the workbook. */
  private async selectCheck(check: Check & { table: string; row: number }): Promise<void> {
    if (this.busy) return;
    this.status.clearError();
    try {
      await this.port.selectTableRow(check.table, check.row);
      this.status.done(text.done.selected(check.table, check.row, check.ref));
    } catch (error) {
      this.status.error(errorText(error));
    }
  }
}
