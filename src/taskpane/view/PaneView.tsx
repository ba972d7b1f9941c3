/**
 * The task pane's view, in Fluent UI React v9: a function of the pane's one state
 * (pane.tsx holds it) and the callbacks that change it. The answer first; then the
 * status; then the controls in tabs (Run, Grant, Compare, Appendices, Model — named
 * apart from the preview's sheet tabs); then what every run shows: Compare's glance and
 * chart, the Checks, the ledger in brief. Workbook text only ever reaches the page as
 * React text.
 */
import { Button, Checkbox, FluentProvider, Tab, TabList, type Theme } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, type ReactElement, type ReactNode } from 'react';
import type { ModelResult } from '../../engine/model';
import { answerOf, checksOf } from '../answer';
import type { ModelStatus } from '../commands';
import { glanceOf } from '../glance';
import { text } from '../messages';
import { ChecksView, type LocatedCheck } from './ChecksView';
import { preloadStatus, StatusView, type StatusState } from './StatusView';

// The fields (Grant, Compare, Appendices, the fund shown) and what a run shows come in
// two chunks of their own, loaded as soon as the pane is first drawn: the Run tab, where
// it opens, is usable before they are in.
const panels = () => import(/* webpackChunkName: "pane-fields" */ './panels');
const results = () => import(/* webpackChunkName: "pane-results" */ './results');
const GrantPanel = lazy(() => panels().then((m) => ({ default: m.GrantPanel })));
const ComparePanel = lazy(() => panels().then((m) => ({ default: m.ComparePanel })));
const AppendicesPanel = lazy(() => panels().then((m) => ({ default: m.AppendicesPanel })));
const FundShown = lazy(() => panels().then((m) => ({ default: m.FundShown })));
const AnswerView = lazy(() => results().then((m) => ({ default: m.AnswerView })));
const GlanceTable = lazy(() => results().then((m) => ({ default: m.GlanceTable })));
const ChartView = lazy(() => results().then((m) => ({ default: m.ChartView })));
const LedgerSummary = lazy(() => results().then((m) => ({ default: m.LedgerSummary })));

/** The pane's own tabs, for its controls. */
export const CONTROL_TABS = ['run', 'grant', 'compare', 'appendices', 'model'] as const;
export type ControlTab = (typeof CONTROL_TABS)[number];

/** Everything the pane shows: the one state. */
export interface PaneState {
  /** A command is running: its buttons stay focusable but say they are unavailable. */
  busy: boolean;
  /** What the last read of the workbook found (null before it, or when it failed). */
  model: ModelStatus | null;
  modelLine: string;
  tab: ControlTab;
  /** Scenarios the user unticked (all others run). */
  unticked: ReadonlySet<string>;
  grantText: string;
  grantError: string;
  /** The fund picked when the pane has to ask which fund the grant is for. */
  grantFund: string;
  first: string;
  second: string;
  appendix: string;
  /** The last run: every result view draws it. */
  result: ModelResult | null;
  /** The inputs changed after the run. */
  stale: boolean;
  /** The fund the answer, Compare, the chart and the checks show ('' for all). */
  fundShown: string;
  /** ISO date: the calendar's next events are listed from it. */
  today: string;
  status: StatusState;
  /** The status line ends with the run's counts, for the fund shown. */
  announce: boolean;
}

export interface PaneActions {
  selectTab(tab: ControlTab): void;
  tickScenario(name: string, ticked: boolean): void;
  run(): void;
  createSample(): void;
  typeGrant(value: string): void;
  applyGrant(): void;
  chooseGrantFund(fund: string): void;
  chooseFirst(scenario: string): void;
  chooseSecond(scenario: string): void;
  compare(): void;
  chooseAppendix(scenario: string): void;
  buildAppendices(): void;
  showFund(fund: string): void;
  selectCheck(check: LocatedCheck): void;
  goToChecks(severity: 'error' | 'warning'): void;
}

/** Whether the pane asks which fund the confirmed grant is for (the model does not say). */
export function asksGrantFund(model: ModelStatus | null): boolean {
  const grant = model?.grant;
  return grant?.kind === 'ask' || (grant?.kind === 'found' && grant.fundFrom === 'chosen');
}

/** The fund Compare's glance shows beside all funds: the one shown, else the grant fund, else the first. */
function glanceFund(state: PaneState): string {
  if (state.fundShown !== '') return state.fundShown;
  const grant = state.model?.grant;
  if (grant?.kind === 'found') return grant.fund;
  return state.model?.model?.funds[0]?.name ?? '';
}

/** A tab's panel: only the chosen one is drawn (Fluent's pattern), so the first paint stays light. */
function Panel(props: { tab: ControlTab; shown: ControlTab; heading: string; children: ReactNode }): ReactElement | null {
  if (props.tab !== props.shown) return null;
  return (
    <div
      role="tabpanel"
      id={`pane-panel-${props.tab}`}
      aria-labelledby={`pane-tab-${props.tab}`}
      className="pane-panel"
    >
      <h2 id={`${props.tab === 'grant' ? 'confirmed' : props.tab === 'run' ? 'scenarios' : props.tab}-heading`} className="visually-hidden">
        {props.heading}
      </h2>
      <Suspense fallback={<p className="hint">{text.loading}</p>}>{props.children}</Suspense>
    </div>
  );
}

/** The pane: the answer, the status, the controls in tabs, and what the run shows. */
/** The pane in the page's theme (theme.ts: light or dark as the person's Office or browser is). */
export function PaneView(props: { state: PaneState; actions: PaneActions; theme: Theme }): ReactElement {
  const { state, actions } = props;
  const { model, result, busy } = state;
  const usable = model !== null && model.model !== null;
  const scenarios = model?.scenarios ?? [];
  const enabled = {
    sample: true,
    run: usable,
    apply: usable,
    compare: usable && scenarios.length >= 2,
    appendices: usable,
  };
  /** A Fluent button: disabled when it cannot work; while busy, focusable and aria-disabled. */
  const command = (name: keyof typeof enabled, label: string, onClick: () => void, primary = false, submit = false): ReactElement => (
    <Button
      appearance={primary ? 'primary' : 'secondary'}
      type={submit ? 'submit' : 'button'}
      disabled={!enabled[name]}
      disabledFocusable={busy && enabled[name]}
      onClick={submit ? undefined : onClick}
    >
      {label}
    </Button>
  );

  const answer = useMemo(() => (result === null ? null : answerOf(result, state.fundShown, undefined, state.today)), [result, state.fundShown, state.today]);
  const funds = useMemo(() => (result === null ? [] : [...new Set(result.ledger.map((row) => row.fund))]), [result]);
  const shownFund = glanceFund(state);
  const glance = useMemo(() => (result?.comparison ? glanceOf(result, shownFund) : null), [result, shownFund]);
  const chart = useMemo(() => {
    const comparison = result?.comparison;
    const totals = answer?.comparison?.funds ?? [];
    if (!comparison) return null;
    return {
      title: text.compare.chartTitle(comparison.first, comparison.second),
      series: [comparison.first, comparison.second],
      categories: totals.map((t) => t.label),
      values: totals.map((t) => [t.first, t.second]),
    };
  }, [result, answer]);
  const checks = useMemo(() => (result === null ? null : checksOf(result.checks, state.fundShown)), [result, state.fundShown]);

  const status: StatusState = state.announce && answer !== null
    ? { ...state.status, line: `${state.status.line} ${text.answer.announce(answer.scenario, answer.counts.error, answer.counts.warning)}` }
    : state.status;

  useEffect(() => {
    // After the first paint: the chunks the other tabs and a run's results need.
    const soon = setTimeout(() => {
      void panels();
      void results();
      preloadStatus();
    }, 0);
    return () => clearTimeout(soon);
  }, []);

  return (
    <FluentProvider theme={props.theme} className="pane-provider">
      <div className="pane-body" aria-busy={busy ? 'true' : 'false'}>
        <header className="pane-header">
          <h1>{text.title}</h1>
        </header>

        <section className="pane-section answer" id="answer" aria-labelledby="answer-heading" tabIndex={-1}>
          <h2 id="answer-heading">{text.answer.heading}</h2>
          <p className="stale" id="answer-stale" role="note" hidden={!(result !== null && state.stale)}>{text.answer.stale}</p>
          {answer === null ? (
            <div className="answer-body">
              <p className="hint">{text.answer.waiting}</p>
            </div>
          ) : (
            <Suspense fallback={<p className="hint">{text.loading}</p>}>
              <FundShown funds={funds} value={state.fundShown} onChoose={actions.showFund} />
              <AnswerView answer={answer} goTo={actions.goToChecks} />
            </Suspense>
          )}
        </section>

        <StatusView status={status} />

        <section className="pane-section pane-controls" aria-label={text.tabs.label}>
          <p id="model-status" className="model-status">{state.modelLine}</p>
          <TabList
            aria-label={text.tabs.label}
            size="small"
            selectedValue={state.tab}
            selectTabOnFocus
            onTabSelect={(_event, data) => actions.selectTab(data.value as ControlTab)}
          >
            {CONTROL_TABS.map((tab) => (
              <Tab key={tab} value={tab} id={`pane-tab-${tab}`} aria-controls={`pane-panel-${tab}`}>
                {text.tabs[tab]}
              </Tab>
            ))}
          </TabList>

          <Panel tab="run" shown={state.tab} heading={text.scenarios.heading}>
            <fieldset>
              <legend>{text.scenarios.legend}</legend>
              <div className="scenario-boxes">
                {scenarios.length === 0 ? (
                  <p className="hint">{text.scenarios.none}</p>
                ) : (
                  scenarios.map((name) => (
                    <Checkbox
                      key={name}
                      name="scenario"
                      value={name}
                      label={name}
                      disabled={!usable}
                      checked={!state.unticked.has(name)}
                      onChange={(_event, data) => actions.tickScenario(name, data.checked === true)}
                    />
                  ))
                )}
              </div>
            </fieldset>
            <div className="actions">{command('run', text.buttons.run, actions.run, true)}</div>
          </Panel>

          <Panel tab="grant" shown={state.tab} heading={text.confirmed.heading}>
            <GrantPanel
              model={model}
              usable={usable}
              asking={asksGrantFund(model)}
              grantText={state.grantText}
              grantError={state.grantError}
              grantFund={state.grantFund}
              apply={command('apply', text.confirmed.apply, actions.applyGrant, false, true)}
              actions={actions}
            />
          </Panel>

          <Panel tab="compare" shown={state.tab} heading={text.compare.heading}>
            <ComparePanel
              scenarios={scenarios}
              first={state.first}
              second={state.second}
              usable={usable}
              compare={command('compare', text.buttons.compare, actions.compare)}
              actions={actions}
            />
          </Panel>

          <Panel tab="appendices" shown={state.tab} heading={text.appendices.heading}>
            <AppendicesPanel
              scenarios={scenarios}
              appendix={state.appendix}
              usable={usable}
              build={command('appendices', text.buttons.appendices, actions.buildAppendices)}
              actions={actions}
            />
          </Panel>

          <Panel tab="model" shown={state.tab} heading={text.model.heading}>
            <div className="actions">{command('sample', text.buttons.sample, actions.createSample)}</div>
            <p className="hint">{text.model.createHint}</p>
          </Panel>
        </section>

        {glance === null || chart === null ? null : (
          <section className="pane-section" aria-labelledby="compare-result-heading" id="compare-result">
            <h2 id="compare-result-heading">{text.compare.heading}</h2>
            <div className="glance-area">
              <Suspense fallback={<p className="hint">{text.loading}</p>}>
                <GlanceTable glance={glance} />
                <ChartView data={chart} id="compare-chart" />
              </Suspense>
            </div>
          </section>
        )}

        <ChecksView checks={checks} scenariosRun={result?.scenariosRun ?? []} onActivate={actions.selectCheck} />

        <section className="pane-section" aria-labelledby="results-heading">
          <h2 id="results-heading">{text.results.heading}</h2>
          <div className="ledger-area">
            {result === null ? null : (
              <Suspense fallback={<p className="hint">{text.loading}</p>}>
                <LedgerSummary result={result} />
              </Suspense>
            )}
          </div>
        </section>
      </div>
    </FluentProvider>
  );
}
