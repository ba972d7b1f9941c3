/**
 * The pane's progress bar, status line (announced politely) and alert region (errors in
 * plain words, announced at once).
 */
import { el, nextPaint, replaceChildren } from './dom';
import { text } from './messages';

export class StatusBar {
  readonly element: HTMLElement;
  private readonly bar: HTMLProgressElement;
  private readonly line: HTMLElement;
  private readonly alert: HTMLElement;

  constructor() {
    this.line = el('p', { id: 'status-text', class: 'status-text', role: 'status', 'aria-live': 'polite' }, text.progress.ready);
    this.bar = el('progress', { class: 'progress', 'aria-labelledby': 'status-text', max: 1, value: 0, hidden: true });
    this.alert = el('div', { id: 'alert', class: 'alert', role: 'alert' });
    this.element = el('div', { class: 'status' }, this.bar, this.line, this.alert);
  }

  /** Shows a step of a long command, and lets the page paint it before the work goes on. */
  async progress(status: string, done: number, total: number): Promise<void> {
    this.bar.hidden = false;
    this.bar.max = total;
    this.bar.value = done;
    this.line.textContent = status;
    await nextPaint();
  }

  /** The command finished: hides the bar and says what was done. */
  done(status: string): void {
    this.bar.hidden = true;
    this.bar.value = 0;
    this.line.textContent = status;
  }

  /** The command failed: says why, in the alert region. */
  error(message: string): void {
    this.bar.hidden = true;
    this.line.textContent = '';
    replaceChildren(this.alert, el('p', {}, message));
  }

  clearError(): void {
    replaceChildren(this.alert);
  }

  get errorText(): string {
    return this.alert.textContent ?? '';
  }
}
