/**
 * The pane's progress bar (Fluent's ProgressBar), status line (announced politely) and
 * alert region (errors in plain words in Fluent's error MessageBar, announced at once).
 * The live regions are always there, so what comes into them is announced; the
 * message bar and the progress bar come in their own chunk (until it is in, the error
 * shows as plain text).
 */
import { lazy, Suspense, type ReactElement } from 'react';

const parts = () => import(/* webpackChunkName: "pane-status" */ './statusParts');
const ErrorBar = lazy(() => parts().then((m) => ({ default: m.ErrorBar })));
const StepBar = lazy(() => parts().then((m) => ({ default: m.StepBar })));

/** Loads the Fluent parts of the status ahead of need (after the pane is first drawn). */
export function preloadStatus(): void {
  void parts();
}

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
      {step === null ? null : (
        <Suspense fallback={null}>
          <StepBar done={step.done} total={step.total} />
        </Suspense>
      )}
      <p id="status-text" className="status-text" role="status" aria-live="polite">{line}</p>
      <div id="alert" className="pane-alert" role="alert">
        {error === '' ? null : (
          <Suspense fallback={<p>{error}</p>}>
            <ErrorBar message={error} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
