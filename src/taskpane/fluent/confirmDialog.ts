/**
 * The far-figure question as Fluent UI React v9's Dialog (alert type: a modal whose
 * focus is trapped, Escape cancels), loaded as its own chunk the first time it is
 * needed, so the pane's first load does not carry the Dialog. Drawn in the page's theme
 * (theme.ts), as the pane is.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  FluentProvider,
} from '@fluentui/react-components';
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { shownTheme } from '../theme';

export interface Question {
  title: string;
  body: string;
  apply: string;
  cancel: string;
}

function Ask(props: Question & { answer: (go: boolean) => void }): ReturnType<typeof h> {
  const [open, setOpen] = useState(true);
  const close = (go: boolean): void => {
    setOpen(false);
    props.answer(go);
  };
  return h(
    FluentProvider,
    { theme: shownTheme() },
    h(Dialog, {
      open,
      modalType: 'alert',
      onOpenChange: (_event: unknown, data: { open: boolean }) => {
        if (!data.open) close(false);
      },
      children: h(
        DialogSurface,
        { className: 'confirm-dialog', 'aria-describedby': 'confirm-body' },
        h(
          DialogBody,
          {},
          h(DialogTitle, {}, props.title),
          h(DialogContent, { id: 'confirm-body' }, props.body),
          h(
            DialogActions,
            {},
            h(Button, { appearance: 'secondary', onClick: () => close(false) }, props.cancel),
            h(Button, { appearance: 'primary', onClick: () => close(true) }, props.apply),
          ),
        ),
      ),
    }),
  );
}

/** Asks; resolves true to apply, false to go back. The dialog is removed once answered. */
export function ask(host: HTMLElement, question: Question): Promise<boolean> {
  const container = document.createElement('div');
  host.appendChild(container);
  const root = createRoot(container);
  return new Promise((resolve) => {
    root.render(
      h(Ask, {
        ...question,
        answer: (go: boolean) => {
          resolve(go);
          setTimeout(() => {
            root.unmount();
            container.remove();
          }, 0);
        },
      }),
    );
  });
}
