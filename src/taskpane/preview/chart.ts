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
const LABEL = 220;
const RIGHT = 24;
const BAR = 14;
const GAP = 10;
const TOP = 52;

/** Draws the chart; its accessible name is the title, its description every value. */
export function barChart(data: ChartData, id: string): SVGSVGElement {
  const numbers = data.values.flat().filter((v): v is number => v !== null);
  const max = Math.max(0, ...numbers);
  const min = Math.min(0, ...numbers);
  const span = max - min || 1;
  const plot = WIDTH - LABEL - RIGHT;
  const x = (value: number): number => LABEL + ((value - min) / span) * plot;
  const band = data.series.length * BAR + GAP;
  const height = TOP + data.categories.length * band + 16;

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
  data.series.forEach((name, k) => {
    const left = LABEL + k * 160;
    chart.appendChild(svg('rect', { x: left, y: 28, width: 12, height: 12, class: `series-${k}` }));
    chart.appendChild(svg('text', { x: left + 16, y: 38 }, name));
  });
  chart.appendChild(svg('line', { x1: x(0), x2: x(0), y1: TOP - 4, y2: height - 12, class: 'axis' }));
  data.categories.forEach((category, c) => {
    const top = TOP + c * band;
    const label = category.length > 34 ? `${category.slice(0, 33)}…` : category;
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
    });
  });
  return chart;
}
