/**
 * The one port to a workbook and the adapters that can run in a browser. The exceljs
 * adapter (Node only) is not exported here, since this module is bundled into the task
 * pane: import it from `./exceljs`.
 */
export { SheetExistsError, SheetNotOwnedError, type WorkbookPort } from './port';
export {
  SheetSpecError,
  TableLookupError,
  TableNameTakenError,
  WorkbookReadError,
  type TableLookupMiss,
  type WorkbookReadProblem,
} from './errors';
export { MemoryWorkbook, type MemorySelection, type MemorySheet } from './memory';
export {
  OfficeWorkbook,
  PAYLOAD_BUDGET,
  type ExcelApiSupport,
  type ExcelBatch,
  type OfficeWorkbookOptions,
} from './officejs';
export { REGISTRY_SHEET, registryFormula, sheetOfRegistryFormula } from './ownership';
export { NUMBER_FORMATS, TABLE_STYLE } from './layout';
export { dateToSerial } from './cells';
