/**
 * The Compare chart in the pane: the same SVG bar chart the preview draws for a sheet's
 * chart (preview/chart.ts builds it from SVG nodes, never from markup), hosted in a
 * React element and redrawn only when its data changes.
 */
import { memo, useLayoutEffect, useRef, type ReactElement } from 'react';
import { barChart, type ChartData } from '../preview/chart';

export const ChartView = memo(function ChartView(props: { data: ChartData; id: string }): ReactElement {
  const host = useRef<HTMLDivElement>(null);
  const { data, id } = props;
  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    element.replaceChildren(barChart(data, id));
  }, [data, id]);
  return <div className="chart-host" ref={host} />;
});
