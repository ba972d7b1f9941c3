/**
 * Preview mode: the task pane outside Office, in any browser, against a workbook held
 * in memory — the built-in sample model by default, an empty workbook with `?empty`
 * (so that `Create sample model` can be tried), or a workbook the person opens from
 * their own computer with `Open a workbook…`: read in the page (never uploaded) by the
 * package layer, loaded as its own chunk on first use, run, and offered back as a
 * download. The page says it is a preview, and shows the workbook's sheets beside the
 * pane. No network: everything is in the bundle.
 */
import { INPUT_TABLES, sampleModel } from '../../engine/model';
import { MemoryWorkbook } from '../../workbook/memory';
import { errorText } from '../status';
import { el, replaceChildren } from '../dom';
import { text } from '../messages';
import { Pane } from '../pane';
import { ChartRecorder } from './chartRecorder';
import { FilePort } from './filePort';
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

/** The result's file name: `model.xlsx` gives `model (result).xlsx`. */
export function resultName(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot > 0 ? `${file.slice(0, dot)} (result)${file.slice(dot)}` : `${file} (result).xlsx`;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLSM_TYPE = 'application/vnd.ms-excel.sheet.macroEnabled.12';

class Preview {
  private readonly layout = el('div', { class: 'preview-layout' });
  private readonly fileStatus = el('p', { id: 'file-status', class: 'file-status', role: 'status' });
  private readonly fileAlert = el('div', { id: 'file-alert', class: 'alert', role: 'alert' });
  private readonly download = el('button', { type: 'button', id: 'download-result', hidden: true }, text.preview.download);
  private filePort: FilePort | null = null;
  private workbook: MemoryWorkbook;
  private pane: Pane;

  constructor(private readonly main: HTMLElement, empty: boolean) {
    this.workbook = empty ? new MemoryWorkbook() : MemoryWorkbook.fromTables(sampleModel());
    this.pane = this.mount(new ChartRecorder(this.workbook), null);
    document.body.insertBefore(this.banner(empty), this.layout);
    this.download.addEventListener('click', () => this.offerDownload());
  }

  get handle(): PreviewHandle {
    return { workbook: this.workbook, refresh: () => this.pane.refresh() };
  }

  /** Builds the pane and the workbook's picture on a port (the file's, when one is open). */
  private mount(recorder: ChartRecorder, file: FilePort | null): Pane {
    const view = new WorkbookView(recorder.workbook, recorder);
    const pane = new Pane({
      port: file ?? recorder,
      onSheetsWritten: (sheet) => {
        view.show(sheet);
        this.download.hidden = !(this.filePort?.changed ?? false);
      },
    });
    this.main.classList.add('pane');
    replaceChildren(this.main, pane.element);
    if (!this.layout.isConnected) this.main.replaceWith(this.layout);
    replaceChildren(this.layout, this.main, view.element);
    return pane;
  }

  private banner(empty: boolean): HTMLElement {
    const other = empty
      ? el('a', { href: '?' }, text.preview.startSample)
      : el('a', { href: '?empty' }, text.preview.startEmpty);
    const input = el('input', { type: 'file', id: 'open-workbook', accept: `.xlsx,.xlsm,${XLSX_TYPE},${XLSM_TYPE}`, class: 'visually-hidden' });
    const open = el('label', { for: 'open-workbook', class: 'file-button' }, text.preview.open);
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void this.openFile(file);
      input.value = '';
    });
    return el(
      'header',
      { class: 'preview-banner' },
      el('p', {}, el('strong', { class: 'preview-badge' }, text.preview.badge), `${text.preview.heading}. `, text.preview.body, ' ',
        empty ? text.preview.empty : text.preview.sample),
      other,
      el('div', { class: 'file-actions' }, input, open, this.download),
      this.fileStatus,
      this.fileAlert,
    );
  }

  /** Reads the person's file in the page, shows its model, and runs it. */
  private async openFile(file: File): Promise<void> {
    replaceChildren(this.fileAlert);
    this.fileStatus.textContent = text.preview.opening(file.name);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx" */ '../../workbook/xlsx/workbook');
      const xlsx = XlsxWorkbook.fromBytes(bytes, file.name);
      const tables = await xlsx.readTables(INPUT_TABLES);
      this.workbook = MemoryWorkbook.fromTables(INPUT_TABLES.flatMap((name) => (tables[name] ? [tables[name]] : [])));
      const recorder = new ChartRecorder(this.workbook);
      this.filePort = new FilePort(xlsx, recorder);
      this.download.hidden = true;
      this.pane = this.mount(recorder, this.filePort);
      window.awardsPreview = this.handle;
      this.fileStatus.textContent = text.preview.opened(file.name);
      await this.pane.refresh();
      await this.pane.runIfReady();
    } catch (error) {
      this.fileStatus.textContent = '';
      replaceChildren(this.fileAlert, el('p', {}, errorText(error)));
    }
  }

  /** Hands the result back as a file: made in the page, never sent anywhere. */
  private offerDownload(): void {
    const port = this.filePort;
    if (!port) return;
    try {
      const bytes = port.file.toBytes();
      const type = port.file.info.macroEnabled ? XLSM_TYPE : XLSX_TYPE;
      const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type }));
      const link = el('a', { href: url, download: resultName(port.file.file), hidden: true });
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      this.fileStatus.textContent = text.preview.downloaded(resultName(port.file.file));
    } catch (error) {
      replaceChildren(this.fileAlert, el('p', {}, errorText(error)));
    }
  }
}

/** Starts the preview in `main`, building the page around it. */
export async function startPreview(main: HTMLElement, search: string): Promise<PreviewHandle> {
  const empty = new URLSearchParams(search).has('empty');
  document.title = `${text.title} — ${text.preview.badge}`;
  document.documentElement.classList.add('preview');
  const preview = new Preview(main, empty);
  await preview.handle.refresh();
  // Back in the pane after working elsewhere: re-read the inputs (the results say when they are out of date).
  window.addEventListener('focus', () => void preview.handle.refresh());
  window.awardsPreview = preview.handle;
  return preview.handle;
}
