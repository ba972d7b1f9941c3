/**
 * The workbook port on an .xlsx (or .xlsm) package, edited in place: the package layer's
 * adapter, for the command line now and the task pane later (browser-safe: no Node).
 *
 * Writing changes only what the add-in owns — its output sheets (replaced in place on a
 * re-run: same part, sheet id, table id and name, so `=SUM(Allocations[Amount])` keeps
 * working; new ones appended after the user's sheets), the very hidden registry — and
 * splices the least text into the parts that list them. Every other part is carried
 * over byte for byte.
 */
import type { CellValue, SheetSpec, TableData } from '../../engine/sheet';
import { StructureProtectedError, TableLookupError, WorkbookReadError, packageReadError } from '../errors';
import { bodyRowsOf, cellAddress, checkTableData, inputColumns, layoutSheet, parseRange, printSetup, rangeAddress, type CellRect, type SheetLayout } from '../layout';
import { REGISTRY_SHEET, inventory, planCreate, planWrite, sameName, type CreateTarget, type RegistryState, type WorkbookInventory, type WritePlan } from '../ownership';
import type { WorkbookPort } from '../port';
import type { Book, BookTable } from './book';
import { BookEdit, wellFormed, type SheetSlot } from './bookEdit';
import { CONTENT_TYPES_PART } from './contentTypes';
import { editContentTypes } from './contentTypesEdit';
import { NEW_STYLES_PART, NEW_WORKBOOK_PART, newPackage, type NewPackageOptions } from './newPackage';
import { PackageError, type XlsxPackage } from './package';
import { openBook, readBook } from './readBook';
import { readTableData } from './readTables';
import { readRegistry, registrySheet } from './registry';
import { REL_TYPES, readRelationships, relsPathOf } from './relationships';
import { editRelationships } from './relationshipsEdit';
import { setCell, setSelection } from './sheetEdit';
import { dropCalcChainEntries, editWorkbookXml } from './workbookEdit';
import { codeNameOf, inputSheetPart, outputSheetPart, registrySheetPart, type InputBlock } from './worksheetXml';

/** What the package says about the workbook as a whole. */
export interface XlsxBookInfo {
  /** A macro-enabled workbook (.xlsm): keep it so, and its macros with it. */
  macroEnabled: boolean;
  /** Its structure is protected: output sheets cannot be added. */
  structureLocked: boolean;
}

/** An .xlsx package held in memory. */
export class XlsxWorkbook implements WorkbookPort {
  private book: Book;

  private constructor(
    private readonly pkg: XlsxPackage,
    /** The file as the user named it, for messages. */
    readonly file: string,
    book?: Book,
  ) {
    this.book = book ?? readBook(pkg);
  }

  /**
   * Opens a package's bytes.
   *
   * @throws {WorkbookReadError} naming `file` when the bytes are not a workbook we can use
   */
  static fromBytes(data: Uint8Array, file = 'workbook'): XlsxWorkbook {
    const { pkg, book } = openBook(data, file);
    if (!book.sheets.some((s) => s.kind === 'worksheet')) throw new WorkbookReadError(file, 'not-a-workbook', 'it has no worksheets');
    return new XlsxWorkbook(pkg, file, book);
  }

  /** A new workbook holding these input tables (the sample model); the sheets are the user's. */
  static async fromTables(tables: readonly TableData[], options: NewPackageOptions & { file?: string } = {}): Promise<XlsxWorkbook> {
    const pkg = newPackage(options);
    // A workbook with no sheet yet, which `readBook` would rightly refuse to read.
    const book: Book = {
      workbookPart: NEW_WORKBOOK_PART,
      workbookRels: readRelationships(pkg, NEW_WORKBOOK_PART),
      sheets: [],
      tables: [],
      names: [],
      date1904: false,
      structureLocked: false,
      macroEnabled: false,
      stylesPart: NEW_STYLES_PART,
    };
    const workbook = new XlsxWorkbook(pkg, options.file ?? 'workbook', book);
    await workbook.createTables(tables);
    return workbook;
  }

  /** Whether it is macro-enabled, and whether its structure is protected. */
  get info(): XlsxBookInfo {
    return { macroEnabled: this.book.macroEnabled, structureLocked: this.book.structureLocked };
  }

  /** The package as it stands, for tests and tools that look at parts. */
  get package(): XlsxPackage {
    return this.pkg;
  }

  /**
   * The workbook as file bytes: unchanged parts as they were read, in their order.
   * `level` is the deflate level: 6 by default; 1 takes about half the time for a file
   * about a quarter larger.
   *
   * @throws {Error} when no sheet is visible (Excel cannot open such a workbook)
   */
  toBytes(level?: Parameters<XlsxPackage['toBytes']>[0]): Uint8Array {
    if (!this.book.sheets.some((s) => s.state === 'visible')) {
      throw new Error('An .xlsx workbook needs at least one visible sheet; this one has none.');
    }
    return this.pkg.toBytes(level);
  }

  async readTables(names: readonly string[]): Promise<Record<string, TableData>> {
    try {
      return readTableData(this.pkg, this.book, names);
    } catch (error) {
      throw asReadError(error, this.file);
    }
  }

  async sheetNames(): Promise<string[]> {
    return this.inventory().sheets.filter((name) => this.book.sheets.some((s) => s.name === name && s.kind === 'worksheet'));
  }

  async ownedSheetNames(): Promise<string[]> {
    return this.inventory().owned.slice();
  }

  async writeSheets(specs: readonly SheetSpec[]): Promise<void> {
    if (specs.length === 0) return;
    const layouts = specs.map(layoutSheet);
    if (this.book.structureLocked) throw new StructureProtectedError(this.file);
    const plan = planWrite(this.inventory(), specs);
    // Everything is checked; from here on nothing refuses.
    try {
      this.writePlanned(plan, layouts);
    } catch (error) {
      throw asReadError(error, this.file);
    }
  }

  /** Writes a checked plan: nothing here refuses but a part of the user's that is not well-formed. */
  private writePlanned(plan: WritePlan, layouts: readonly SheetLayout[]): void {
    const edit = new BookEdit(this.pkg, this.book);
    const styles = edit.styles();
    plan.targets.forEach(({ spec, replaces }, i) => {
      const layout = layouts[i];
      const old = replaces === undefined ? undefined : this.book.sheets.find((s) => s.name === replaces);
      const oldTables = old ? this.book.tables.filter((t) => t.sheetPart === old.part) : [];
      const reused = oldTables.find((t) => sameName(t.name, spec.table)) ?? oldTables[0];
      const slot: SheetSlot = old ? edit.replaceSheet(old, reused ? [reused.part] : []) : edit.addSheet(spec.sheet);
      const table = reused ? { id: reused.id, part: reused.part } : edit.newTable();
      const named = { ...spec, sheet: slot.name };
      const print = printSetup(named, layout);
      edit.write({
        part: slot.part,
        xml: outputSheetPart(named, layout, styles, print, 'rId1', old?.part === undefined ? undefined : codeNameOf(this.pkg.text(old.part))),
        tables: [{ part: table.part, relId: 'rId1', table: { id: table.id, name: spec.table, ref: layout.tableRange, columns: spec.columns.map((c) => c.header) } }],
      });
      edit.printTitle({ localSheetId: slot.index, sheet: slot.name, row: print.repeatRow });
    });
    const registry = registrySheet(this.book);
    const slot = registry ? edit.replaceSheet(registry, [], 'veryHidden') : edit.addSheet(REGISTRY_SHEET, 'veryHidden');
    edit.write({ part: slot.part, xml: registrySheetPart(plan.registry), tables: [] });
    edit.apply();
    this.book = readBook(this.pkg);
  }

  async createTables(tables: readonly TableData[]): Promise<void> {
    if (tables.length === 0) return;
    tables.forEach(checkTableData);
    if (this.book.structureLocked) throw new StructureProtectedError(this.file);
    const targets = planCreate(this.inventory(), tables);
    try {
      this.createPlanned(targets);
    } catch (error) {
      throw asReadError(error, this.file);
    }
  }

  /** Creates checked input sheets. */
  private createPlanned(targets: readonly CreateTarget[]): void {
    const edit = new BookEdit(this.pkg, this.book);
    const styles = edit.styles();
    for (const target of targets) {
      const slot = edit.addSheet(target.sheet);
      let top = 1;
      const blocks: InputBlock[] = [];
      const parts: Array<{ part: string; relId: string; table: { id: number; name: string; ref: string; columns: string[] } }> = [];
      target.tables.forEach((table, i) => {
        const columns = inputColumns(table);
        const rows = bodyRowsOf(table.rows, columns.length);
        blocks.push({ top, columns, rows });
        const { id, part } = edit.newTable();
        const ref = rangeAddress(top, 1, top + rows.length, columns.length);
        parts.push({ part, relId: `rId${i + 1}`, table: { id, name: table.name, ref, columns: table.headers } });
        top += rows.length + 2;
      });
      edit.write({ part: slot.part, xml: inputSheetPart(blocks, styles, parts.map((p) => p.relId)), tables: parts });
    }
    edit.apply();
    this.book = readBook(this.pkg);
  }

  async setTableCell(table: string, row: number, column: string, value: CellValue): Promise<void> {
    const found = this.findTable(table);
    if (!found) throw new TableLookupError('table', table, column, row);
    const index = columnIndex(found.table.columns, column);
    if (index < 0) throw new TableLookupError('column', found.table.name, column, row);
    if (!Number.isInteger(row) || row < 0 || found.body.top + row > found.body.bottom) {
      throw new TableLookupError('row', found.table.name, column, row);
    }
    const part = found.table.sheetPart;
    const r = found.body.top + row;
    const c = found.body.left + index;
    const text = this.pkg.text(part);
    const edited = this.wellFormed(part, () => setCell(text, r, c, value));
    // The chain first: it is the edit that can still refuse (a damaged part).
    if (edited.replacedFormula) this.dropCalcChainCell(found.table.sheet, r, c);
    this.pkg.set(part, edited.text);
  }

  async selectTableRow(table: string, row: number): Promise<void> {
    const found = this.findTable(table);
    if (!found) throw new TableLookupError('table', table, undefined, row);
    if (!Number.isInteger(row) || row < 0 || found.body.top + row > found.body.bottom) {
      throw new TableLookupError('row', found.table.name, undefined, row);
    }
    const sheet = this.book.sheets.find((s) => s.part === found.table.sheetPart);
    if (!sheet) return;
    const ref = cellAddress(found.body.top + row, found.body.left);
    const sets = new Map<string, string>();
    for (const other of this.book.sheets) {
      if (other === sheet || other.kind !== 'worksheet' || other.part === undefined || !this.pkg.has(other.part)) continue;
      const text = this.pkg.text(other.part);
      if (!text.includes('tabSelected')) continue;
      const part = other.part;
      const edited = this.wellFormed(part, () => setSelection(text, undefined, false));
      if (edited !== text) sets.set(part, edited);
    }
    const part = found.table.sheetPart;
    const text = this.pkg.text(part);
    sets.set(part, this.wellFormed(part, () => setSelection(text, ref, true)));
    const workbook = this.pkg.text(this.book.workbookPart);
    const edited = this.wellFormed(this.book.workbookPart, () => editWorkbookXml(workbook, { activeTab: sheet.index }));
    if (edited !== workbook) sets.set(this.book.workbookPart, edited);
    for (const [name, content] of sets) this.pkg.set(name, content);
  }

  // ----------------------------------------------------------------------------------

  private inventory(): WorkbookInventory {
    let registry: RegistryState;
    try {
      registry = readRegistry(this.pkg, this.book);
    } catch (error) {
      throw asReadError(error, this.file);
    }
    return inventory(
      this.book.sheets.map((s) => s.name),
      registry,
      this.book.tables.map((t) => ({ name: t.name, sheet: t.sheet })),
      this.book.names.filter((n) => n.localSheetId === undefined).map((n) => n.name),
    );
  }

  /** An edit of a part of the user's; one that is not well-formed XML is told as a read error naming it. */
  private wellFormed<T>(part: string, edit: () => T): T {
    try {
      return wellFormed(part, edit);
    } catch (error) {
      throw asReadError(error, this.file);
    }
  }

  /** A table by name (ignoring case), with its body's cells (header and totals rows left out). */
  private findTable(name: string): { table: BookTable; body: CellRect } | undefined {
    const table = this.book.tables.find((t) => sameName(t.name, name));
    const rect = table ? parseRange(table.ref) : undefined;
    if (!table || !rect) return undefined;
    const top = rect.top + (table.headerRowCount === 0 ? 0 : 1);
    const bottom = rect.bottom - table.totalsRowCount;
    return { table, body: { ...rect, top, bottom } };
  }

  /** Drops a cell's calculation chain entry (its formula was replaced by a value); the chain goes when emptied. */
  private dropCalcChainCell(sheetName: string, row: number, column: number): void {
    const sheet = this.book.sheets.find((s) => s.name === sheetName);
    const rel = this.book.workbookRels.find((r) => r.type === REL_TYPES.calcChain);
    if (!sheet || !rel?.part || !this.pkg.has(rel.part)) return;
    const text = this.pkg.text(rel.part);
    const ref = cellAddress(row, column);
    const edited = this.wellFormed(rel.part, () => dropCalcChainEntries(text, (sheetId, r) => sheetId === sheet.sheetId && r === ref));
    if (edited !== undefined) {
      if (edited !== text) this.pkg.set(rel.part, edited);
      return;
    }
    this.pkg.remove(rel.part);
    const relsPart = relsPathOf(this.book.workbookPart);
    this.pkg.set(relsPart, editRelationships(this.pkg.text(relsPart), [], new Set([rel.id])));
    this.pkg.set(CONTENT_TYPES_PART, editContentTypes(this.pkg.text(CONTENT_TYPES_PART), [], [rel.part]));
    this.book = readBook(this.pkg);
  }
}

function columnIndex(columns: readonly string[], column: string): number {
  const exact = columns.indexOf(column);
  return exact >= 0 ? exact : columns.findIndex((c) => sameName(c, column));
}

/** A package that cannot be used, told as the read error naming the file. */
function asReadError(error: unknown, file: string): unknown {
  return error instanceof PackageError ? packageReadError(file, error) : error;
}
