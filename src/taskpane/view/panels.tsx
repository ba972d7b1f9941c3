/**
 * The pane's fields, in Fluent UI's Field, Input and Select: the confirmed grant (its
 * message tied to it by aria-describedby, aria-invalid while refused), the scenario
 * choosers of Compare and the appendices, and the fund shown. Their own chunk, loaded
 * once the pane is first drawn: the Run tab, where the pane opens, needs none of them.
 */
import { Field, Input, Select } from '@fluentui/react-components';
import type { FormEvent, ReactElement, ReactNode } from 'react';
import type { ModelStatus } from '../commands';
import { grantTargetProblem, text } from '../messages';
import type { PaneActions } from './PaneView';

export interface Option {
  value: string;
  label: string;
}

export const named = (names: readonly string[]): Option[] => names.map((name) => ({ value: name, label: name }));

/** A Fluent Select in a Field whose label names it (`for` the select's own id). */
export function Chooser(props: {
  id: string;
  label: string;
  value: string;
  options: readonly Option[];
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

function grantNote(model: ModelStatus | null): string {
  const grant = model?.grant;
  if (grant?.kind === 'found') return text.confirmed.note(grant.scenario, grant.fund, model?.confirmedIncome ?? null);
  if (grant?.kind === 'ask') return text.confirmed.noteUnknown;
  if (grant?.kind === 'problem') return grantTargetProblem(grant.problem);
  return '';
}

/** The confirmed MoJ grant: the field, its Apply button, and (when asked) the grant fund. */
export function GrantPanel(props: {
  model: ModelStatus | null;
  usable: boolean;
  asking: boolean;
  grantText: string;
  grantError: string;
  grantFund: string;
  apply: ReactNode;
  actions: PaneActions;
}): ReactElement {
  const { model, actions } = props;
  const grant = model?.grant;
  const current = grant?.kind === 'found' ? text.grant.current(model?.confirmedIncome ?? null, model?.indicativeIncome ?? null, grant.compareWith) : '';
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    actions.applyGrant();
  };
  return (
    <form className="grant-form" noValidate onSubmit={submit}>
      <div className="field-row">
        <Field
          className="stack grant-field"
          label={{ children: text.confirmed.label, htmlFor: 'confirmed-grant' }}
          validationState={props.grantError === '' ? 'none' : 'error'}
          validationMessage={props.grantError === '' ? undefined : { id: 'grant-error', className: 'field-error', children: props.grantError }}
          hint={current === '' ? undefined : { id: 'grant-current', children: current }}
        >
          <Input
            id="confirmed-grant"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            aria-describedby="confirmed-note"
            disabled={!props.usable}
            value={props.grantText}
            onChange={(_event, data) => actions.typeGrant(data.value)}
          />
        </Field>
        {props.apply}
      </div>
      {props.asking && model?.model ? (
        <Chooser
          id="grant-fund"
          label={text.confirmed.fund}
          hint={text.confirmed.fundHint}
          value={props.grantFund}
          options={named(model.model.funds.map((f) => f.name))}
          disabled={!props.usable}
          onChoose={actions.chooseGrantFund}
        />
      ) : null}
      <p id="confirmed-note" className="hint">{grantNote(model)}</p>
    </form>
  );
}

/** Compare: the two scenarios (choosing one runs the comparison), and its button. */
export function ComparePanel(props: { scenarios: readonly string[]; first: string; second: string; usable: boolean; compare: ReactNode; actions: PaneActions }): ReactElement {
  const { actions } = props;
  return (
    <>
      <div className="field-row">
        <Chooser id="compare-first" label={text.compare.first} value={props.first} options={named(props.scenarios)} disabled={!props.usable} onChoose={actions.chooseFirst} />
        <Chooser id="compare-second" label={text.compare.second} value={props.second} options={named(props.scenarios)} disabled={!props.usable} onChoose={actions.chooseSecond} />
      </div>
      <div className="actions">{props.compare}</div>
    </>
  );
}

/** The appendices: the scenario they are built for, and the button. */
export function AppendicesPanel(props: { scenarios: readonly string[]; appendix: string; usable: boolean; build: ReactNode; actions: PaneActions }): ReactElement {
  return (
    <>
      <Chooser
        id="appendix-scenario"
        label={text.appendices.scenario}
        value={props.appendix}
        options={named(props.scenarios)}
        disabled={!props.usable}
        onChoose={props.actions.chooseAppendix}
      />
      <div className="actions">{props.build}</div>
    </>
  );
}

/** The fund the answer, Compare, the chart and the checks show. */
export function FundShown(props: { funds: readonly string[]; value: string; onChoose: (fund: string) => void }): ReactElement {
  return (
    <Chooser
      id="answer-fund"
      className="answer-fund-chooser"
      label={text.answer.fund}
      value={props.value}
      options={[{ value: '', label: text.answer.allFunds }, ...named(props.funds)]}
      disabled={false}
      onChoose={props.onChoose}
    />
  );
}
