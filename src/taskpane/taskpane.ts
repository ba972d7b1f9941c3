/**
 * The task pane's entry. boot.ts has already decided where it runs (`data-mode` on
 * <html>): inside Office, the pane works on the open workbook; in a plain browser it
 * starts in preview mode on an in-memory workbook.
 */
import { el, replaceChildren } from './dom';
import { errorText } from './commands';
import { startInOffice } from './office';
import { startPreview } from './preview';
import { applyTheme } from './theme';

function main(): HTMLElement {
  const found = document.getElementById('app');
  if (found) return found;
  const created = el('main', { id: 'app' });
  document.body.appendChild(created);
  return created;
}

async function start(): Promise<void> {
  applyTheme();
  const root = main();
  try {
    if (document.documentElement.dataset.mode === 'office') await startInOffice(root);
    else await startPreview(root, window.location.search);
  } catch (error) {
    replaceChildren(root, el('div', { role: 'alert', class: 'alert' }, el('p', {}, errorText(error))));
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
else void start();
