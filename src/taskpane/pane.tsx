/**
 * The task pane: finds the model (or creates the sample), runs the chosen scenarios,
 * takes the confirmed MoJ grant, compares two scenarios, builds the appendices, and
 * lists the checks. The controller: it holds the one state (view/PaneView.tsx draws it
 * with Fluent UI React, through one React root in `element`), calls a command
 * (commands.ts) through the workbook port for each action, and keeps what comes back.
 */
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { ModelResult } from '../engine/model';
import type { WorkbookPort } from '../workbook/port';
import { createSample, errorText, localClock, readStatus, type Clock, type ModelStatus } from './status';
import { confirmFar } from './confirmDialog';
import { nextPaint } from './dom';
import { money } from './format';
import { farFromIndicative, readGrantInput } from './grantInput';
import { text } from './messages';
import { shownTheme, watchTheme } from './theme';
import type { LocatedCheck } from './view/ChecksView';
import { asksGrantFund, PaneView, type ControlTab, type PaneActions, type PaneState } from './view/PaneView';

/**
 * The commands that run the model, in a chunk of their own: fetched just after the pane
 * is first drawn (the first load only reads the model), and awaited by a command that
 * comes sooner.
 */
const commands = () => import(/* webpackChunkName: "pane-commands" */ './commands');

export interface PaneOptions {
  port: WorkbookPort;
  /** The clock for run stamps and the default financial year; this machine's by default. */
  clock?: () => Clock;
  /** After a command wrote sheets: the one worth showing first (the preview turns to it). */
  onSheetsWritten?: (sheet: string) => void;
}

/** What a command says when it is done; `announce` adds the run's counts for the fund shown. */
interface Done {
  line: string;
  announce: boolean;
}

/** The status line saying `line`, no step under way. */
function said(line: string): PaneState['status'] {
  return { line, step: null, error: '' };
}

/** The status line saying what went wrong, in plain words. */
function failed(error: unknown): PaneState['status'] {
  return { line: '', step: null, error: errorText(error) };
}

/** A scenario name still offered, else the preferred one, else the first. */
function keep(names: readonly string[], current: string, preferred: string | undefined): string {
  if (names.includes(current)) return current;
  return preferred ?? names[0] ?? '';
}

export class Pane {
  readonly element: HTMLElement;
  private readonly port: WorkbookPort;
  private readonly clock: () => Clock;
  private readonly onSheetsWritten: (sheet: string) => void;
  private readonly root: Root;
  private readonly actions: PaneActions;
  private state: PaneState;
  /** The inputs' signature the result was run on (null until the refresh after it). */
  private resultSignature: string | null = null;
  private resultPending = false;
  /** The user typed a figure not yet entered: the field is not refilled from the workbook. */
  private grantEdited = false;
  /** The user (or a command) chose a tab: it is no longer chosen by whether there is a model. */
  private tabChosen = false;

  constructor(options: PaneOptions) {
    this.port = options.port;
    this.clock = options.clock ?? (() => localClock());
    this.onSheetsWritten = options.onSheetsWritten ?? (() => undefined);
    this.state = {
      busy: false,
      model: null,
      modelLine: text.loading,
      tab: 'run',
      unticked: new Set(),
      grantText: '',
      grantError: '',
      grantFund: '',
      first: '',
      second: '',
      appendix: '',
      result: null,
      stale: false,
      fundShown: '',
      today: this.clock().today,
      status: said(text.progress.ready),
      announce: false,
    };
    this.actions = {
      selectTab: (tab) => {
        this.tabChosen = true;
        this.update({ tab });
      },
      tickScenario: (name, ticked) => {
        const unticked = new Set(this.state.unticked);
        if (ticked) unticked.delete(name);
        else unticked.add(name);
        this.update({ unticked });
      },
      run: () => void this.run(),
      createSample: () => void this.createSampleModel(),
      typeGrant: (value) => {
        this.grantEdited = true;
        this.update({ grantText: value, grantError: '' });
      },
      applyGrant: () => void this.enterGrant(),
      chooseGrantFund: (fund) => this.update({ grantFund: fund }),
      chooseFirst: (scenario) => {
        this.update({ first: scenario });
        void this.compare();
      },
      chooseSecond: (scenario) => {
        this.update({ second: scenario });
        void this.compare();
      },
      compare: () => void this.compare(),
      chooseAppendix: (scenario) => this.update({ appendix: scenario }),
      buildAppendices: () => void this.appendices(),
      showFund: (fund) => this.update({ fundShown: fund }),
      selectCheck: (check) => void this.selectCheck(check),
      goToChecks: (severity) => {
        const target = document.getElementById(`checks-${severity}`);
        if (!target) return;
        target.scrollIntoView({ block: 'start' });
        target.focus();
      },
    };
    this.element = document.createElement('div');
    this.element.className = 'pane-root';
    this.root = createRoot(this.element);
    // Light or dark as the person's Office (or browser) is: drawn again when it changes.
    watchTheme(() => this.update({}));
    this.update({});
  }

  /** Runs the chosen scenarios when the workbook holds a model that can run (the preview, on a file just opened). */
  async runIfReady(): Promise<void> {
    if (this.hasModel && this.state.model?.problem === null) await this.run();
  }

  /** Re-reads the workbook unless a command is running (which re-reads it when done). */
  async refreshIfIdle(): Promise<void> {
    if (!this.state.busy) await this.refresh();
  }

  /** Re-reads the workbook: which tables it holds, its scenarios, the confirmed figure. */
  async refresh(): Promise<void> {
    let status: ModelStatus;
    try {
      status = await readStatus(this.port, this.clock(), this.chosenFund());
    } catch (error) {
      this.update({ model: null, modelLine: '', status: failed(error), announce: false });
      return;
    }
    const state = this.state;
    const names = status.scenarios;
    const pair = status.grant?.kind === 'found' || status.grant?.kind === 'ask' ? [status.grant.compareWith, status.grant.scenario] : [];
    if (this.resultPending) {
      this.resultSignature = status.signature;
      this.resultPending = false;
    }
    const funds = status.model?.funds.map((f) => f.name) ?? [];
    const editing = this.grantEdited || document.activeElement?.id === 'confirmed-grant';
    // The first read is drawn at once, not queued behind the page's other tasks: the
    // pane is usable the moment its model is known.
    const first = state.model === null;
    this.update({
      model: status,
      modelLine: status.missing.length > 0
        ? text.model.missing(status.missing)
        : status.problem !== null ? text.model.problem(status.problem) : text.model.found(status.found),
      tab: this.tabChosen ? state.tab : status.model === null ? 'model' : 'run',
      first: keep(names, state.first, pair[0]),
      second: keep(names, state.second, pair[1] ?? names[1]),
      appendix: keep(names, state.appendix, names[names.length - 1]),
      grantFund: funds.includes(state.grantFund) ? state.grantFund : funds[0] ?? '',
      grantText: editing ? state.grantText : status.confirmedIncome === null ? '' : String(status.confirmedIncome),
      stale: state.result !== null && this.resultSignature !== status.signature,
    }, first);
    if (first) setTimeout(() => void commands(), 0);
  }

  /** Changes the state and draws it: at once (`now`) where focus or a paint must follow. */
  private update(change: Partial<PaneState>, now = false): void {
    this.state = { ...this.state, ...change };
    const view = <PaneView state={this.state} actions={this.actions} theme={shownTheme()} />;
    if (now) flushSync(() => this.root.render(view));
    else this.root.render(view);
  }

  /** The fund picked when the pane asked, if it asked. */
  private chosenFund(): string | undefined {
    return asksGrantFund(this.state.model) && this.state.grantFund !== '' ? this.state.grantFund : undefined;
  }

  private chosenScenarios(): string[] {
    return (this.state.model?.scenarios ?? []).filter((name) => !this.state.unticked.has(name));
  }

  private get hasModel(): boolean {
    return this.state.model !== null && this.state.model.model !== null;
  }

  private readonly progress = async (line: string, done: number, total: number): Promise<void> => {
    this.update({ status: { line, step: { done, total }, error: '' }, announce: false }, true);
    await nextPaint();
  };

  /**
   * Runs one command: one at a time, with progress shown and any failure said in plain
   * words; then re-reads the workbook, since the command may have changed it.
   */
  private async command(work: () => Promise<Done>, tab?: ControlTab): Promise<void> {
    if (this.state.busy) return;
    this.update({ busy: true, status: { ...this.state.status, error: '' } });
    try {
      const done = await work();
      this.state = { ...this.state, status: said(done.line), announce: done.announce };
      if (tab !== undefined) {
        this.tabChosen = true;
        this.state = { ...this.state, tab };
      }
    } catch (error) {
      this.state = { ...this.state, status: failed(error), announce: false };
    } finally {
      this.state = { ...this.state, busy: false };
      const produced = this.resultPending;
      await this.refresh();
      if (produced) this.focusAnswer();
    }
  }

  /** A command produced a run: every result view draws it, and the answer takes focus. */
  private setResult(result: ModelResult): void {
    const funds = new Set(result.ledger.map((row) => row.fund));
    this.resultPending = true;
    this.state = {
      ...this.state,
      result,
      stale: false,
      today: this.clock().today,
      fundShown: funds.has(this.state.fundShown) ? this.state.fundShown : '',
    };
  }

  /** After a run: the answer takes focus (the status line has announced it). */
  private focusAnswer(): void {
    this.update({}, true);
    const answer = document.getElementById('answer');
    if (!answer) return;
    answer.scrollIntoView({ block: 'nearest' });
    answer.focus({ preventScroll: true });
  }

  private async createSampleModel(): Promise<void> {
    await this.command(async () => {
      await this.progress(text.progress.creating, 0, 1);
      await createSample(this.port);
      this.onSheetsWritten('Awards');
      return { line: text.done.sample, announce: false };
    }, 'run');
  }

  private async run(): Promise<void> {
    await this.command(async () => {
      const { first, second } = this.state;
      const outcome = await (await commands()).runScenarios(this.port, this.chosenScenarios(), this.clock(), this.progress, [first, second]);
      this.setResult(outcome.result);
      this.onSheetsWritten(outcome.written[0]);
      return { line: text.done.run(outcome.result.scenariosRun, outcome.written), announce: true };
    });
  }

  /** Refuses a figure beside the field, and takes the user back to it. */
  private showGrantError(message: string): void {
    this.update({ grantError: message }, true);
    document.getElementById('confirmed-grant')?.focus();
  }

  /**
   * Applies the typed figure: refused beside the field when it is not an amount; asked
   * about when far from the indicative one; only then run and written (commands.ts
   * writes the input cell last, after every check passed).
   */
  private async enterGrant(): Promise<void> {
    if (this.state.busy) return;
    const read = readGrantInput(this.state.grantText);
    if (!read.ok) {
      this.showGrantError(read.message);
      return;
    }
    this.update({ grantError: '' });
    const indicative = this.state.model?.indicativeIncome ?? null;
    const grant = this.state.model?.grant;
    if (indicative !== null && farFromIndicative(read.amount, indicative)) {
      const name = grant?.kind === 'found' ? grant.compareWith : '';
      const go = await confirmFar(document.body, text.grant.farTitle, text.grant.far(read.amount, indicative, name), text.grant.farApply, text.grant.farCancel);
      if (!go) {
        this.update({ status: said(text.grant.cancelled), announce: false }, true);
        document.getElementById('confirmed-grant')?.focus();
        return;
      }
    }
    await this.command(async () => {
      const amount = read.amount;
      const outcome = await (await commands()).enterConfirmedGrant(this.port, amount, this.chosenScenarios(), this.clock(), this.progress, this.chosenFund());
      this.grantEdited = false;
      this.setResult(outcome.result);
      this.onSheetsWritten('Comparison');
      return { line: text.done.confirmed(money(amount), outcome.replaced, outcome.fund, outcome.written, outcome.undo), announce: true };
    });
  }

  private async compare(): Promise<void> {
    await this.command(async () => {
      const outcome = await (await commands()).compareScenarios(this.port, this.state.first, this.state.second, this.clock(), this.progress);
      this.setResult(outcome.result);
      this.onSheetsWritten('Comparison');
      return { line: text.done.run(outcome.result.scenariosRun, outcome.written), announce: true };
    });
  }

  private async appendices(): Promise<void> {
    await this.command(async () => {
      const outcome = await (await commands()).buildAppendices(this.port, this.state.appendix, this.clock(), this.progress);
      this.onSheetsWritten(outcome.written.find((name) => name.startsWith('Appendix')) ?? outcome.written[0]);
      return { line: text.done.run(outcome.result.scenariosRun, outcome.written), announce: false };
    });
  }

  /** Takes the user to the row a check is about: selects it in the workbook. */
  private async selectCheck(check: LocatedCheck): Promise<void> {
    if (this.state.busy) return;
    this.update({ status: { ...this.state.status, error: '' } });
    try {
      await this.port.selectTableRow(check.table, check.row);
      this.update({ status: said(text.done.selected(check.table, check.row, check.ref)), announce: false });
    } catch (error) {
      this.update({ status: failed(error), announce: false });
    }
  }
}
