/** Renderers: pure functions from the model's results to document text or bytes. */
export { renderCsv, appendixRecords, UTF8_BOM } from './csv';
export { csvField, csvRecord, csvText } from './csvText';
export { renderDocx, appendixDocument } from './docx';
export {
  renderGiving360, giving360Records, grantIdentifier, recipientIdentifier, publisherPrefix, identifierPart, slug,
  REQUIRED_COLUMNS, PLANNED_DATE_COLUMNS, PROGRAMME_COLUMN,
  type Funder, type GrantInput, type Giving360Options,
} from './giving360';
export { renderHtml, escapeHtml } from './html';
export { renderMarkdown, escapeMarkdownCell } from './markdown';
export { formatPounds, formatDecimal } from './money';
export { documentTitle } from './table';
export { renderIcs, escapeText, foldLine, eventUid, eventSummary, type IcsOptions } from './ics';
export { renderCalendarCsv, calendarRecords, CALENDAR_COLUMNS } from './calendarCsv';
