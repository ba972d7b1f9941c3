/** The status's Fluent parts: the error MessageBar and the progress bar of a long command. */
import { MessageBar, MessageBarBody, ProgressBar } from '@fluentui/react-components';
import type { ReactElement } from 'react';

export function ErrorBar(props: { message: string }): ReactElement {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>{props.message}</MessageBarBody>
    </MessageBar>
  );
}

export function StepBar(props: { done: number; total: number }): ReactElement {
  return <ProgressBar className="progress" value={props.done} max={props.total} thickness="large" aria-labelledby="status-text" />;
}
