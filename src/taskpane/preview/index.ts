/**
 * Preview mode: the task pane outside Office, in any browser, against a workbook held
 * in memory — the built-in sample model by default, or an empty workbook with `?empty`
 * (so that `Create sample model` can be tried). The page says it is a preview, and
 * shows the workbook's sheets beside the pane. No network: everything is in the bundle.
 */
import { sampleModel } from '../../engine/model';
import { MemoryWorkbook } from '../../workbook/memory';
import { el, replaceChildren } from '../dom';
import { text } from '../messages';
import { Pane } from '../pane';
import { ChartRecorder } from './chartRecorder';
import { WorkbookView } from './workbookView';

/** What the preview exposes on `window.awardsPreview`, for tests and the console. */
export interface PreviewHandle {
  /** The in-memory workbook: edit its tables (setTableCell) to try the pane on other data. */
  workbook: MemoryWorkbook;
  /** Re-reads the workbook into the pane after an edit made from outside it. */
  refresh(): Promise<void>;
}

declare global {
  interface Window {
    awardsPreview?: PreviewHandle;
  }
}

function banner(empty: boolean): HTMLElement {
  const other = empty
    ? el('a', { href: '?' }, text.preview.startSample)
    : el('a', { href: '?empty' }, text.preview.startEmpty);
  return el(
    'header',
    { class: 'preview-banner' },
    el('p', {}, el('strong', { class: 'preview-badge' }, text.preview.badge), `${text.preview.heading}. `, text.preview.body, ' ',
      empty ? text.preview.empty : text.preview.sample),
    other,
  );
}

/** Starts the preview in `main`, building the page around it. */
export async function startPreview(main: HTMLElement, search: string): Promise<PreviewHandle> {
  const empty = new URLSearchParams(search).has('empty');
  const workbook = empty ? new MemoryWorkbook() : MemoryWorkbook.fromTables(sampleModel());
  const port = new ChartRecorder(workbook);
  const view = new WorkbookView(workbook, port);
  const pane = new Pane({ port, onSheetsWritten: (sheet) => view.show(sheet) });

  document.title = `${text.title} — ${text.preview.badge}`;
  document.documentElement.classList.add('preview');
  main.classList.add('pane');
  replaceChildren(main, pane.element);
  const layout = el('div', { class: 'preview-layout' });
  main.replaceWith(layout);
  layout.append(main, view.element);
  document.body.insertBefore(banner(empty), layout);

  await pane.refresh();
  // Back in the pane after working elsewhere: re-read the inputs (the results say when they are out of date).
  window.addEventListener('focus', () => void pane.refreshIfIdle());
  const handle: PreviewHandle = { workbook, refresh: () => pane.refresh() };
  window.awardsPreview = handle;
  return handle;
}
