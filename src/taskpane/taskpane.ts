/**
 * The task pane's entry. Office.js is already loaded by the page's static tag (or
 * failed to load); `Office.onReady` decides where the pane runs (startup.ts): inside
 * Excel it loads the custom functions and works on the open workbook; in a plain
 * browser it starts in preview mode on an in-memory workbook. `data-mode` on <html>
 * says which.
 */
import { el, replaceChildren } from './dom';
import { errorText } from './status';
import { text } from './messages';
import { startPreview } from './preview';
import { decideWhere, loadScript, type Where } from './startup';
import { followTheme } from './theme';

function main(): HTMLElement {
  const found = document.getElementById('app');
  if (found) return found;
  const created = el('main', { id: 'app' });
  document.body.appendChild(created);
  return created;
}

function alert(root: HTMLElement, message: string): void {
  replaceChildren(root, el('div', { role: 'alert', class: 'alert' }, el('p', {}, message)));
}

/** The custom functions' bundle, by the hashed name the page carries. */
function functionsBundle(): string {
  return document.querySelector('meta[name="awards-functions"]')?.getAttribute('content') ?? '';
}

async function startIn(where: Where, root: HTMLElement): Promise<void> {
  switch (where.kind) {
    case 'excel':
      // Light or dark as the Office theme is (Office.context exists once onReady has answered).
      followTheme(Office.context?.officeTheme ?? undefined);
      await loadScript(document, functionsBundle());
      // The Office.js adapter only inside Excel: the preview's first load does without it.
      await (await import(/* webpackChunkName: "office" */ './office')).startInOffice(root);
      return;
    case 'preview':
      await startPreview(root, window.location.search);
      return;
    case 'other-host':
      alert(root, text.otherHost(where.host));
      return;
    case 'no-answer':
      alert(root, text.noAnswer(where.seconds));
      return;
    case 'office-missing':
      alert(root, text.officeMissing);
      return;
  }
}

async function start(): Promise<void> {
  followTheme();
  const root = main();
  try {
    const where = await decideWhere({
      office: typeof Office === 'undefined' ? undefined : Office,
      search: window.location.search,
      framed: window.top !== window.self,
    });
    document.documentElement.dataset.mode = where.kind === 'excel' ? 'office' : where.kind === 'preview' ? 'preview' : 'stopped';
    await startIn(where, root);
  } catch (error) {
    alert(root, errorText(error));
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
else void start();
