/**
 * Inside Excel: once Office.js is ready, the pane works on the open workbook through
 * the Office.js adapter (every `Excel.run` lives there, none here).
 */
import { OfficeWorkbook } from '../workbook/officejs';
import { el, replaceChildren } from './dom';
import { text } from './messages';
import { Pane } from './pane';

export async function startInOffice(main: HTMLElement): Promise<void> {
  if (typeof Office === 'undefined') {
    replaceChildren(main, el('div', { role: 'alert', class: 'alert' }, el('p', {}, text.officeMissing)));
    return;
  }
  await Office.onReady();
  const pane = new Pane({ port: new OfficeWorkbook() });
  main.classList.add('pane');
  replaceChildren(main, pane.element);
  await pane.refresh();
  // Back in the pane after working in the sheet: the tables may have changed.
  window.addEventListener('focus', () => void pane.refreshIfIdle());
}
