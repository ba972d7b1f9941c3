/**
 * Inside Excel (Office.onReady has said so): the pane works on the open workbook
 * through the Office.js adapter (every `Excel.run` lives there, none here). Back in the
 * pane after working in the sheet, it re-reads the model only when a table changed.
 */
import { OfficeWorkbook } from '../workbook/officejs';
import { replaceChildren } from './dom';
import { Pane } from './pane';

/**
 * Whether a return to the pane should re-read the model: only after a change the host
 * reported, or every time where the host cannot report changes.
 */
export class ChangeGate {
  private changed = false;

  /** @param watching whether the host reports changes (set once it has said). */
  constructor(public watching: boolean) {}

  /** A table changed (the host's event). */
  mark(): void {
    this.changed = true;
  }

  /** True when the model should be re-read now; clears the mark. */
  take(): boolean {
    const take = !this.watching || this.changed;
    this.changed = false;
    return take;
  }
}

export async function startInOffice(main: HTMLElement, port = new OfficeWorkbook()): Promise<void> {
  const pane = new Pane({ port });
  main.classList.add('pane');
  replaceChildren(main, pane.element);
  await pane.refresh();
  const gate = new ChangeGate(false);
  gate.watching = await port.watchTables(() => gate.mark()).catch(() => false);
  window.addEventListener('focus', () => {
    if (gate.take()) void pane.refreshIfIdle();
  });
}
