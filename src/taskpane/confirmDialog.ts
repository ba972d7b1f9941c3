/**
 * Asks before a figure far from the indicative one is applied: a modal dialog (the
 * native <dialog>: focus is trapped inside it, Escape cancels) whose two buttons say
 * what they do. Resolves true to apply, false to go back.
 */
import { el } from './dom';

export function confirmFar(host: HTMLElement, title: string, body: string, apply: string, cancel: string): Promise<boolean> {
  const dialog = el(
    'dialog',
    { class: 'confirm-dialog', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-body', role: 'alertdialog' },
    el('h2', { id: 'confirm-title' }, title),
    el('p', { id: 'confirm-body' }, body),
  );
  const goBack = el('button', { type: 'button', 'data-answer': 'cancel' }, cancel);
  const go = el('button', { type: 'button', class: 'primary', 'data-answer': 'apply' }, apply);
  dialog.append(el('div', { class: 'actions' }, goBack, go));
  host.appendChild(dialog);
  return new Promise((resolve) => {
    const close = (answer: boolean): void => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    go.addEventListener('click', () => close(true));
    goBack.addEventListener('click', () => close(false));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      close(false);
    });
    dialog.showModal();
    goBack.focus();
  });
}
