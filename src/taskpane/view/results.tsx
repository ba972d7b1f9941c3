/**
 * What a run shows, as one chunk loaded once the pane is first drawn (no run has
 * happened by then): the answer, Compare's glance and chart, the ledger in brief.
 */
export { AnswerView } from './AnswerView';
export { ChartView } from './ChartView';
export { GlanceTable, LedgerSummary } from './tables';
