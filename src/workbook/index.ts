/**
 * The one port to a workbook and its adapters: Office.js, in-memory and the `.xlsx`
 * package layer (`./xlsx`, browser-safe; its Node-only file loader is `./xlsx/node`).
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
