/** Renderers: pure functions from the model's results to document text or bytes. */
export { renderCsv, appendixRecords, UTF8_BOM } from './csv';
export { csvField, csvRecord, csvText } from './csvText';
export { renderDocx, appendixDocument, columnLayout } from './docx';
export {
  renderGiving360, renderGiving360Json, giving360Grants, giving360Records, grantIdentifier, identifierPart, slug, yearPart,
  isGivingPrefix, REQUIRED_COLUMNS, PLANNED_DATE_COLUMNS, PROGRAMME_COLUMN, SCHEMA_VERSION,
  type Funder, type GrantInput, type Giving360Options, type Grant360, type QualityFinding, type PackageMetadata,
} from './giving360';
export { checkOrgId, REGISTERS, type OrgIdCheck } from './orgId';
export { renderHtml, escapeHtml } from './html';
export { renderMarkdown, escapeMarkdownCell } from './markdown';
export { formatPounds, formatDecimal } from './money';
export { documentTitle } from './table';
export { renderIcs, escapeText, foldLine, eventUid, eventSummary, type IcsOptions } from './ics';
export { renderCalendarCsv, calendarRecords, CALENDAR_COLUMNS } from './calendarCsv';
