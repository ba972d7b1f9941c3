/**
 * The preview's picture of the in-memory workbook: one tab per sheet, as Excel shows
 * them, with the sheet's title lines, chart, tables and totals, and the selected row
 * highlighted. Every cell goes in as text.
 */
import type { CellValue, SheetColumn, TableData } from '../../engine/sheet';
import type { MemorySelection, MemorySheet, MemoryWorkbook } from '../../workbook/memory';
import { el, replaceChildren } from '../dom';
import { cellText } from '../format';
import { text } from '../messages';
import { barChart, chartData } from './chart';
import type { ChartRecorder } from './chartRecorder';

/** More rows than this and a sheet shows the first ones only (the preview is a glance). */
export const MAX_ROWS_SHOWN = 500;

const NUMERIC = new Set(['money', 'percent', 'number', 'integer']);

function columnFormat(columns: readonly SheetColumn[], header: string, index: number): SheetColumn['format'] {
  return (columns[index]?.header === header ? columns[index] : columns.find((c) => c.header === header))?.format ?? 'text';
}

function cell(tag: 'td' | 'th', value: CellValue | undefined, format: SheetColumn['format']): HTMLTableCellElement {
  const numeric = typeof value === 'number' && NUMERIC.has(format);
  const attributes = { class: numeric || (typeof value === 'number' && format === 'text') ? 'num' : null, scope: tag === 'th' ? 'row' : null };
  return el(tag, attributes, cellText(value, format));
}

function gridTable(table: TableData, columns: readonly SheetColumn[], footer: readonly CellValue[][], selectedRow: number | null): HTMLElement {
  const formats = table.headers.map((header, i) => columnFormat(columns, header, i));
  const shown = table.rows.slice(0, MAX_ROWS_SHOWN);
  const body = shown.map((row, r) => {
    const selected = r === selectedRow;
    return el(
      'tr',
      { class: selected ? 'selected' : null, 'aria-current': selected ? 'true' : null, 'data-row': r },
      ...table.headers.map((_, c) => cell('td', row[c], formats[c])),
    );
  });
  const grid = el(
    'table',
    { class: 'grid', 'data-table': table.name },
    el('caption', {}, `Table ${table.name}`),
    el('thead', {}, el('tr', {}, ...table.headers.map((header) => el('th', { scope: 'col' }, header)))),
    el('tbody', {}, ...body),
    footer.length === 0 ? null : el('tfoot', {}, ...footer.map((row) => el('tr', {}, ...table.headers.map((_, c) => cell('td', row[c], formats[c]))))),
  );
  if (table.rows.length <= MAX_ROWS_SHOWN) return grid;
  return el('div', {}, el('p', { class: 'hint' }, text.preview.rowsShown(MAX_ROWS_SHOWN, table.rows.length)), grid);
}

export class WorkbookView {
  readonly element: HTMLElement;
  private readonly tabs: HTMLElement;
  private readonly panel: HTMLElement;
  private active: string | null = null;
  private lastSelection: MemorySelection | undefined;
  private scheduled = false;

  constructor(
    private readonly workbook: MemoryWorkbook,
    private readonly recorder: ChartRecorder,
  ) {
    this.tabs = el('div', { role: 'tablist', class: 'sheet-tabs', 'aria-label': text.preview.sheetTabs });
    this.panel = el('div', { role: 'tabpanel', class: 'sheet-panel', id: 'sheet-panel', tabindex: 0 });
    this.element = el(
      'section',
      { class: 'workbook', 'aria-labelledby': 'workbook-heading' },
      el('h2', { id: 'workbook-heading' }, text.preview.workbook),
      this.tabs,
      this.panel,
    );
    this.tabs.addEventListener('keydown', (event) => this.onTabKey(event));
    workbook.subscribe(() => this.schedule());
    this.render();
  }

  /** Turns to a sheet (after a command wrote it). */
  show(sheet: string): void {
    this.active = sheet;
    this.schedule();
  }

  /** Redraws after the current task, so a burst of changes (and the charts noted after a write) draw once. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      this.render();
    }, 0);
  }

  render(): void {
    const sheets = this.workbook.sheets();
    const selection = this.workbook.selection;
    const moved = selection !== undefined &&
      (this.lastSelection === undefined || selection.table !== this.lastSelection.table || selection.row !== this.lastSelection.row ||
        selection.sheet !== this.lastSelection.sheet);
    if (moved && selection) this.active = selection.sheet;
    this.lastSelection = selection;
    const current = sheets.find((s) => s.name === this.active) ?? sheets[0];
    this.active = current?.name ?? null;

    replaceChildren(
      this.tabs,
      ...sheets.map((sheet, i) => {
        const selected = sheet === current;
        const tab = el(
          'button',
          {
            type: 'button',
            role: 'tab',
            id: `sheet-tab-${i}`,
            class: 'sheet-tab',
            'aria-selected': String(selected),
            'aria-controls': 'sheet-panel',
            tabindex: selected ? 0 : -1,
            'data-sheet': sheet.name,
          },
          sheet.name,
        );
        tab.addEventListener('click', () => {
          this.active = sheet.name;
          this.render();
        });
        return tab;
      }),
    );
    if (!current) {
      this.panel.removeAttribute('aria-labelledby');
      this.panel.setAttribute('aria-label', text.preview.workbook);
      replaceChildren(this.panel, el('p', {}, text.preview.noSheets));
      return;
    }
    this.panel.removeAttribute('aria-label');
    this.panel.setAttribute('aria-labelledby', `sheet-tab-${sheets.indexOf(current)}`);
    this.panel.dataset.sheet = current.name;
    replaceChildren(this.panel, ...this.sheetContent(current, selection));
    const row = this.panel.querySelector('tr.selected');
    if (row instanceof HTMLElement && moved) row.scrollIntoView({ block: 'nearest' });
  }

  private sheetContent(sheet: MemorySheet, selection: MemorySelection | undefined): Node[] {
    const nodes: Node[] = sheet.title.map((line) => el('p', { class: 'sheet-title' }, line));
    const spec = this.recorder.chartOf(sheet.name);
    if (spec && sheet.table) {
      const data = chartData(spec, sheet.columns, spec.fromFooter ? sheet.footer : sheet.table.rows);
      if (data) nodes.push(barChart(data, `chart-${sheet.name.replace(/\W+/g, '-').toLowerCase()}`));
    }
    sheet.tables.forEach((table, i) => {
      const selectedRow = selection && selection.table.toLowerCase() === table.name.toLowerCase() ? selection.row : null;
      nodes.push(gridTable(table, i === 0 ? sheet.columns : [], i === 0 ? sheet.footer : [], selectedRow));
    });
    return nodes;
  }

  /** Arrow keys, Home and End move along the sheet tabs, as in a tab list. */
  private onTabKey(event: KeyboardEvent): void {
    const tabs = Array.from(this.tabs.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
    const at = tabs.findIndex((tab) => tab === document.activeElement);
    if (at < 0) return;
    const to = event.key === 'ArrowRight' ? (at + 1) % tabs.length
      : event.key === 'ArrowLeft' ? (at - 1 + tabs.length) % tabs.length
        : event.key === 'Home' ? 0
          : event.key === 'End' ? tabs.length - 1
            : -1;
    if (to < 0) return;
    event.preventDefault();
    this.active = tabs[to].dataset.sheet ?? null;
    this.render();
    this.tabs.querySelectorAll<HTMLButtonElement>('[role="tab"]')[to]?.focus();
  }
}
