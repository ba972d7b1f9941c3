/**
 * What the package layer knows of a workbook once its package is read: the parts that
 * say which sheets and tables there are, where they live, and how dates are counted.
 * The reader (`readBook`) builds it; the editor uses it to plan a write. No cell values:
 * those are read table by table, only for the tables asked for.
 */

/** One relationship of a part, its target resolved to a part name. */
export interface Relationship {
  id: string;
  /** The relationship type URI. */
  type: string;
  /** The target as written (relative, or absolute from the package root). */
  target: string;
  /** External relationships (hyperlinks, linked workbooks) have no part. */
  external: boolean;
  /** The part it points at (no leading `/`), or undefined when external. */
  part?: string;
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

/** One `<sheet>` of `workbook.xml`. */
export interface BookSheet {
  name: string;
  /** The `sheetId` attribute (unique, never reused by Excel). */
  sheetId: number;
  /** The `r:id` pointing at its part through the workbook's relationships. */
  relId: string;
  /** The part, e.g. `xl/worksheets/sheet3.xml`; undefined when the target is missing. */
  part?: string;
  /** `worksheet`, `chartsheet`, `dialogsheet`, `macrosheet` (by relationship type). */
  kind: 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'other';
  state: SheetState;
  /** 0-based position among `<sheet>` elements (what `localSheetId` counts). */
  index: number;
}

/** One table part. */
export interface BookTable {
  /** `displayName`: the name formulas use (`Awards[Amount]`). */
  name: string;
  /** The `id` attribute (unique across the workbook). */
  id: number;
  /** The table part, e.g. `xl/tables/table2.xml`. */
  part: string;
  /** The worksheet part holding it, and that sheet's name. */
  sheetPart: string;
  sheet: string;
  /** The whole range, e.g. `B3:H20`, header and totals rows included. */
  ref: string;
  /** 0 for a table without a header row (Excel writes the attribute only then). */
  headerRowCount: number;
  totalsRowCount: number;
  /** Column names from `<tableColumn name>`, in order. */
  columns: string[];
}

/** One `<definedName>` of `workbook.xml`. */
export interface BookName {
  name: string;
  /** `localSheetId` (0-based sheet position) for a sheet-scoped name. */
  localSheetId?: number;
  /** The formula text, e.g. `'Fund ledger'!$3:$3` or `0.2`. */
  text: string;
}

export interface Book {
  /** The workbook part, e.g. `xl/workbook.xml` (found through `_rels/.rels`). */
  workbookPart: string;
  /** Relationships of the workbook part. */
  workbookRels: Relationship[];
  sheets: BookSheet[];
  tables: BookTable[];
  names: BookName[];
  /** Dates counted from 1904 (`<workbookPr date1904="1">`). */
  date1904: boolean;
  /** `<workbookProtection lockStructure="1">`: sheets cannot be added. */
  structureLocked: boolean;
  /** `xl/workbook.xml` of a macro-enabled workbook (.xlsm): its content type says so. */
  macroEnabled: boolean;
  /** The styles part and shared strings part, when there are any. */
  stylesPart?: string;
  sharedStringsPart?: string;
}
