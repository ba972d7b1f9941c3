/**
 * The pane's progress bar (Fluent's ProgressBar), status line (announced politely) and
 * alert region (errors in plain words in Fluent's error MessageBar, announced at once).
 * The live regions are always there, so what comes into them is announced.
 */
import { MessageBar, MessageBarBody, ProgressBar } from '@fluentui/react-components';
import type { ReactElement } from 'react';

export interface StatusState {
  /** What the last command did, or the step it is on. */
  line: string;
  /** The step of a long command, while it runs. */
  step: { done: number; total: number } | null;
  /** Why the last command failed ('' when it did not). */
  error: string;
}

export function StatusView(props: { status: StatusState }): ReactElement {
  const { line, step, error } = props.status;
  return (
    <div className="status">
      {step === null ? null : <ProgressBar className="progress" value={step.done} max={step.total} thickness="large" aria-labelledby="status-text" />}
      <p id="status-text" className="status-text" role="status" aria-live="polite">{line}</p>
      <div id="alert" className="pane-alert" role="alert">
        {error === '' ? null : (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
