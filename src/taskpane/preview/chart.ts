/**
 * The preview's stand-in for Excel's native chart: a horizontal clustered bar chart
 * drawn with SVG nodes from a sheet's `ChartSpec` (categories down the side, one bar
 * per series). Excel draws the real one from the same spec.
 */
import type { CellValue, ChartSpec, SheetColumn } from '../../engine/sheet';
import { svg } from '../dom';
import { money } from '../format';

export interface ChartData {
  title: string;
  series: string[];
  categories: string[];
  /** values[category][series]; null where the cell is not a number. */
  values: (number | null)[][];
}

/** Picks a chart's numbers out of a sheet's columns and rows (or footer rows). */
export function chartData(spec: ChartSpec, columns: readonly SheetColumn[], rows: readonly CellValue[][]): ChartData | null {
  const index = (header: string): number => columns.findIndex((column) => column.header === header);
  const categoryAt = index(spec.categories);
  const seriesAt = spec.series.map(index);
  if (categoryAt < 0 || seriesAt.some((at) => at < 0)) return null;
  return {
    title: spec.title,
    series: [...spec.series],
    categories: rows.map((row) => String(row[categoryAt] ?? '')),
    values: rows.map((row) => seriesAt.map((at) => (typeof row[at] === 'number' ? (row[at] as number) : null))),
  };
}

const WIDTH = 640;
const LABEL = 200;
const RIGHT = 100;
const BAR = 14;
const GAP = 10;
const TOP = 52;
const AXIS = 34;

/** A round step for about `count` ticks across `span`: 1, 2 or 5 times a power of ten. */
export function niceStep(span: number, count = 4): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw) ?? 10 * power;
  return step;
}

/** A tick's label: pounds, shortened to thousands or millions (`£250k`, `£1.2m`). */
export function tickLabel(value: number): string {
  const sign = value < 0 ? '-' : '';
  const size = Math.abs(value);
  const short = (n: number): string => String(Math.round(n * 10) / 10);
  if (size >= 1e6) return `${sign}£${short(size / 1e6)}m`;
  if (size >= 1e3) return `${sign}£${short(size / 1e3)}k`;
  return `${sign}£${short(size)}`;
}

/**
 * Draws the chart — a legend, a value axis with ticks, gridlines and its title, the
 * categories down the side, each bar's value at its end; its accessible name is the
 * title, its description every value.
 */
export function barChart(data: ChartData, id: string): SVGSVGElement {
  const numbers = data.values.flat().filter((v): v is number => v !== null);
  const step = niceStep(Math.max(0, ...numbers) - Math.min(0, ...numbers));
  const max = Math.ceil(Math.max(0, ...numbers) / step) * step;
  const min = Math.floor(Math.min(0, ...numbers) / step) * step;
  const span = max - min || 1;
  const plot = WIDTH - LABEL - RIGHT;
  const x = (value: number): number => LABEL + ((value - min) / span) * plot;
  const band = data.series.length * BAR + GAP;
  const bottom = TOP + data.categories.length * band;
  const height = bottom + AXIS;

  const description = data.categories
    .map((category, c) => `${category}: ${data.series.map((s, k) => `${s} ${money(data.values[c][k] ?? 0)}`).join(', ')}`)
    .join('; ');

  const chart = svg(
    'svg',
    { class: 'chart', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, id },
    svg('title', { id: `${id}-title` }, data.title),
    svg('desc', { id: `${id}-desc` }, description),
    svg('text', { x: 0, y: 16, class: 'chart-title' }, data.title),
  );
  const legend = svg('g', { class: 'legend', 'aria-hidden': 'true' });
  data.series.forEach((name, k) => {
    const left = LABEL + k * 160;
    legend.appendChild(svg('rect', { x: left, y: 28, width: 12, height: 12, class: `series-${k}` }));
    legend.appendChild(svg('text', { x: left + 16, y: 38, 'data-legend': name }, name));
  });
  chart.appendChild(legend);

  const axis = svg('g', { class: 'value-axis', 'aria-hidden': 'true' });
  for (let tick = min; tick <= max + step / 2; tick += step) {
    const at = x(tick);
    axis.appendChild(svg('line', { x1: at, x2: at, y1: TOP - 4, y2: bottom, class: tick === 0 ? 'axis' : 'gridline' }));
    axis.appendChild(svg('text', { x: at, y: bottom + 14, 'text-anchor': 'middle', 'data-tick': tick }, tickLabel(tick)));
  }
  axis.appendChild(svg('line', { x1: LABEL, x2: LABEL + plot, y1: bottom, y2: bottom, class: 'axis' }));
  axis.appendChild(svg('text', { x: LABEL + plot / 2, y: bottom + 30, 'text-anchor': 'middle', class: 'axis-title' }, 'Amount (£)'));
  chart.appendChild(axis);

  data.categories.forEach((category, c) => {
    const top = TOP + c * band;
    const label = category.length > 30 ? `${category.slice(0, 29)}…` : category;
    chart.appendChild(svg('text', { x: LABEL - 8, y: top + (data.series.length * BAR) / 2 + 4, 'text-anchor': 'end' }, label));
    data.series.forEach((name, k) => {
      const value = data.values[c][k] ?? 0;
      const from = x(Math.min(0, value));
      const width = Math.max(1, Math.abs(x(value) - x(0)));
      chart.appendChild(
        svg(
          'rect',
          { x: from, y: top + k * BAR, width, height: BAR - 2, class: `series-${k}`, 'data-category': category, 'data-series': name, 'data-value': value },
          svg('title', {}, `${category}, ${name}: ${money(value)}`),
        ),
      );
      const end = value < 0 ? from - 4 : from + width + 4;
      chart.appendChild(
        svg('text', { x: end, y: top + k * BAR + BAR - 4, 'text-anchor': value < 0 ? 'end' : 'start', class: 'bar-value', 'aria-hidden': 'true' }, money(value)),
      );
    });
  });
  return chart;
}
