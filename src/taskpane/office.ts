/**
 * Inside Excel (Office.onReady has said so): the pane works on the open workbook
 * through the Office.js adapter (every `Excel.run` lives there, none here). Back in the
 * pane after working in the sheet, it re-reads the model only when a table changed.
 */
import { OfficeWorkbook } from '../workbook/officejs';
import { replaceChildren } from './dom';
import { Pane } from './pane';

export async function startInOffice(main: HTMLElement): Promise<void> {
  const port = new OfficeWorkbook();
  const pane = new Pane({ port });
  main.classList.add('pane');
  replaceChildren(main, pane.element);
  await pane.refresh();
  let changed = false;
  // Where the host cannot tell us of changes, every return to the pane re-reads.
  const watching = await port.watchTables(() => {
    changed = true;
  }).catch(() => false);
  window.addEventListener('focus', () => {
    if (watching && !changed) return;
    changed = false;
    void pane.refreshIfIdle();
  });
}
