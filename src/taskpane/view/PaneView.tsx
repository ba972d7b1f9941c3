/**
 * The task pane's view, in Fluent UI React v9: a function of the pane's one state
 * (pane.tsx holds it) and the callbacks that change it. The answer first; then the
 * status; then the controls in tabs (Run, Grant, Compare, Appendices, Model — named
 * apart from the preview's sheet tabs); then what every run shows: Compare's glance and
 * chart, the Checks, the ledger in brief. Workbook text only ever reaches the page as
 * React text.
 */
import {
  Button,
  Checkbox,
  Field,
  FluentProvider,
  Input,
  Select,
  Tab,
  TabList,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { useMemo, type FormEvent, type ReactElement, type ReactNode } from 'react';
import type { ModelResult } from '../../engine/model';
import { answerOf } from '../answer';
import type { ModelStatus } from '../commands';
import { glanceOf } from '../glance';
import { grantTargetProblem, text } from '../messages';
import { AnswerView } from './AnswerView';
import { ChartView } from './ChartView';
import { ChecksView, type LocatedCheck } from './ChecksView';
import { StatusView, type StatusState } from './StatusView';
import { GlanceTable, LedgerSummary } from './tables';

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

function grantNote(model: ModelStatus | null): string {
  const grant = model?.grant;
  if (grant?.kind === 'found') return text.confirmed.note(grant.scenario, grant.fund, model?.confirmedIncome ?? null);
  if (grant?.kind === 'ask') return text.confirmed.noteUnknown;
  if (grant?.kind === 'problem') return grantTargetProblem(grant.problem);
  return '';
}

/** A Fluent Select in a Field whose label names it (`for` the select's own id). */
function Chooser(props: {
  id: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  disabled: boolean;
  onChoose: (value: string) => void;
  hint?: string;
  className?: string;
}): ReactElement {
  return (
    <Field className={props.className ?? 'stack'} label={{ children: props.label, htmlFor: props.id }} hint={props.hint}>
      <Select id={props.id} value={props.value} disabled={props.disabled} onChange={(_event, data) => props.onChoose(data.value)}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </Select>
    </Field>
  );
}

const named = (names: readonly string[]): { value: string; label: string }[] => names.map((name) => ({ value: name, label: name }));

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
      {props.children}
    </div>
  );
}

/** The pane: the answer, the status, the controls in tabs, and what the run shows. */
export function PaneView(props: { state: PaneState; actions: PaneActions; theme?: Theme }): ReactElement {
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
  const checks = useMemo(
    () => (result === null ? null : result.checks.filter((check) => state.fundShown === '' || check.fund === '' || check.fund.toLowerCase() === state.fundShown.toLowerCase())),
    [result, state.fundShown],
  );

  const status: StatusState = state.announce && answer !== null
    ? { ...state.status, line: `${state.status.line} ${text.answer.announce(answer.scenario, answer.counts.error, answer.counts.warning)}` }
    : state.status;

  const grant = model?.grant;
  const asking = asksGrantFund(model);
  const current = grant?.kind === 'found' ? text.grant.current(model?.confirmedIncome ?? null, model?.indicativeIncome ?? null, grant.compareWith) : '';
  const submitGrant = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    actions.applyGrant();
  };

  return (
    <FluentProvider theme={props.theme ?? webLightTheme} className="pane-provider">
      <div className="pane-body" aria-busy={busy ? 'true' : 'false'}>
        <header className="pane-header">
          <h1>{text.title}</h1>
        </header>

        <section className="pane-section answer" id="answer" aria-labelledby="answer-heading" tabIndex={-1}>
          <h2 id="answer-heading">{text.answer.heading}</h2>
          <p className="stale" id="answer-stale" role="note" hidden={!(result !== null && state.stale)}>{text.answer.stale}</p>
          {result === null ? null : (
            <Chooser
              id="answer-fund"
              className="answer-fund-chooser"
              label={text.answer.fund}
              value={state.fundShown}
              options={[{ value: '', label: text.answer.allFunds }, ...named(funds)]}
              disabled={false}
              onChoose={actions.showFund}
            />
          )}
          {answer === null ? (
            <div className="answer-body">
              <p className="hint">{text.answer.waiting}</p>
            </div>
          ) : (
            <AnswerView answer={answer} goTo={actions.goToChecks} />
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
            <form className="grant-form" noValidate onSubmit={submitGrant}>
              <div className="field-row">
                <Field
                  className="stack grant-field"
                  label={{ children: text.confirmed.label, htmlFor: 'confirmed-grant' }}
                  validationState={state.grantError === '' ? 'none' : 'error'}
                  validationMessage={state.grantError === '' ? undefined : { id: 'grant-error', className: 'field-error', children: state.grantError }}
                  hint={current === '' ? undefined : { id: 'grant-current', children: current }}
                >
                  <Input
                    id="confirmed-grant"
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    spellCheck={false}
                    aria-describedby="confirmed-note"
                    disabled={!usable}
                    value={state.grantText}
                    onChange={(_event, data) => actions.typeGrant(data.value)}
                  />
                </Field>
                {command('apply', text.confirmed.apply, actions.applyGrant, false, true)}
              </div>
              {asking && model?.model ? (
                <Chooser
                  id="grant-fund"
                  label={text.confirmed.fund}
                  hint={text.confirmed.fundHint}
                  value={state.grantFund}
                  options={named(model.model.funds.map((f) => f.name))}
                  disabled={!usable}
                  onChoose={actions.chooseGrantFund}
                />
              ) : null}
              <p id="confirmed-note" className="hint">{grantNote(model)}</p>
            </form>
          </Panel>

          <Panel tab="compare" shown={state.tab} heading={text.compare.heading}>
            <div className="field-row">
              <Chooser id="compare-first" label={text.compare.first} value={state.first} options={named(scenarios)} disabled={!usable} onChoose={actions.chooseFirst} />
              <Chooser id="compare-second" label={text.compare.second} value={state.second} options={named(scenarios)} disabled={!usable} onChoose={actions.chooseSecond} />
            </div>
            <div className="actions">{command('compare', text.buttons.compare, actions.compare)}</div>
          </Panel>

          <Panel tab="appendices" shown={state.tab} heading={text.appendices.heading}>
            <Chooser id="appendix-scenario" label={text.appendices.scenario} value={state.appendix} options={named(scenarios)} disabled={!usable} onChoose={actions.chooseAppendix} />
            <div className="actions">{command('appendices', text.buttons.appendices, actions.buildAppendices)}</div>
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
              <GlanceTable glance={glance} />
              <ChartView data={chart} id="compare-chart" />
            </div>
          </section>
        )}

        <ChecksView checks={checks} scenariosRun={result?.scenariosRun ?? []} onActivate={actions.selectCheck} />

        <section className="pane-section" aria-labelledby="results-heading">
          <h2 id="results-heading">{text.results.heading}</h2>
          <div className="ledger-area">{result === null ? null : <LedgerSummary result={result} />}</div>
        </section>
      </div>
    </FluentProvider>
  );
}
