/**
 * One edit of a workbook package, gathered then applied at once: the sheet parts (and
 * their table parts) we write, the parts an owned sheet referred to that we no longer
 * write, and the least edits to the parts that list them — `workbook.xml`, its
 * relationships, `[Content_Types].xml`, `styles.xml`, `calcChain.xml`. Nothing touches
 * the package until `apply`, so a failure while building leaves the workbook as it was.
 *
 * Every part not named here is left as the bytes it was read as.
 */
import type { Book, BookSheet } from './book';
import { CONTENT_TYPES, CONTENT_TYPES_PART } from './contentTypes';
import { editContentTypes, RELS_TYPE, type PartType } from './contentTypesEdit';
import { PackageError, type XlsxPackage } from './package';
import { XmlSyntaxError } from './xml';
import { REL_TYPES, readRelationships, relsPathOf } from './relationships';
import { editRelationships, freshRelIds, relativeTarget, type NewRelationship } from './relationshipsEdit';
import { addOutputStyles } from './stylesEdit';
import { tableXml, type TablePart } from './tableXml';
import { dropCalcChainSheets, editWorkbookXml, type NewSheet, type PrintTitles } from './workbookEdit';
import type { SheetStyles } from './worksheetXml';

/** A worksheet part to write, and the tables it holds. */
export interface SheetWrite {
  part: string;
  /** The part's text, or its UTF-8 bytes. */
  xml: string | Uint8Array;
  tables: ReadonlyArray<{ part: string; table: TablePart; relId: string }>;
}

/** Where a sheet being written lives. */
export interface SheetSlot {
  name: string;
  part: string;
  sheetId: number;
  /** 0-based position among `<sheet>` elements. */
  index: number;
}

export class BookEdit {
  private readonly writes: SheetWrite[] = [];
  private readonly newSheets: NewSheet[] = [];
  private readonly workbookRelsAdd: NewRelationship[] = [];
  private readonly workbookRelsRemove = new Set<string>();
  private readonly typesAdd: PartType[] = [];
  private readonly removed = new Set<string>();
  private readonly calcChainSheets = new Set<number>();
  private readonly printTitles: PrintTitles[] = [];
  private readonly reserved = new Set<string>();
  private readonly sheetStates: Array<{ sheetId: number; state: 'veryHidden' }> = [];
  private stylesText: { part: string; text: string } | undefined;
  private cachedStyles: SheetStyles | undefined;
  private graph: { targets: Map<string, string[]>; referrers: Map<string, Set<string>> } | undefined;
  private nextSheetId: number;
  private nextTableId: number;
  private relIds: string[];

  constructor(
    private readonly pkg: XlsxPackage,
    private readonly book: Book,
  ) {
    this.nextSheetId = Math.max(0, ...book.sheets.map((s) => s.sheetId)) + 1;
    this.nextTableId = Math.max(0, ...book.tables.map((t) => t.id)) + 1;
    this.relIds = book.workbookRels.map((r) => r.id);
  }

  /** The cell styles output sheets use, added to the styles part on first asking. */
  styles(): SheetStyles {
    if (this.cachedStyles) return this.cachedStyles;
    const existing = this.book.stylesPart;
    const text = existing === undefined ? undefined : this.pkg.text(existing);
    const edit = wellFormed(existing ?? 'styles', () => addOutputStyles(text));
    if (existing === undefined) {
      const part = this.freePart(`${this.folder()}styles`, '.xml');
      this.stylesText = { part, text: edit.text };
      this.workbookRelsAdd.push({ id: this.relId(), type: REL_TYPES.styles, target: relativeTarget(this.book.workbookPart, part) });
      this.typesAdd.push({ part, type: CONTENT_TYPES.styles });
    } else if (edit.changed) {
      this.stylesText = { part: existing, text: edit.text };
    }
    this.cachedStyles = edit.styles;
    return edit.styles;
  }

  /** A new worksheet, appended at the end of `<sheets>`. */
  addSheet(name: string, state?: 'veryHidden'): SheetSlot {
    const part = this.freePart(`${this.folder()}worksheets/sheet`, '.xml');
    const sheetId = this.nextSheetId++;
    const relId = this.relId();
    this.workbookRelsAdd.push({ id: relId, type: REL_TYPES.worksheet, target: relativeTarget(this.book.workbookPart, part) });
    this.typesAdd.push({ part, type: CONTENT_TYPES.worksheet });
    this.newSheets.push({ name, sheetId, relId, state });
    return { name, part, sheetId, index: this.book.sheets.length + this.newSheets.length - 1 };
  }

  /**
   * An owned sheet to be written again in its own part: the parts only it referred to
   * (tables, drawings and their charts, comments, printer settings…) go, except the
   * table parts kept for reuse; its calculation chain entries go too.
   *
   * @param keep table parts to write again (same part, same id)
   */
  replaceSheet(sheet: BookSheet, keep: readonly string[] = [], state?: 'veryHidden'): SheetSlot {
    if (sheet.part === undefined) throw new Error(`sheet '${sheet.name}' has no part`);
    const kept = new Set(keep.map((p) => p.toLowerCase()));
    for (const part of this.onlyReferencedFrom(sheet.part)) {
      if (!kept.has(part.toLowerCase())) this.removePart(part);
    }
    this.removed.add(relsPathOf(sheet.part).toLowerCase());
    this.calcChainSheets.add(sheet.sheetId);
    if (state !== undefined && sheet.state !== state) this.sheetStates.push({ sheetId: sheet.sheetId, state });
    return { name: sheet.name, part: sheet.part, sheetId: sheet.sheetId, index: sheet.index };
  }

  /** A fresh table id and part name (for a table that did not exist). */
  newTable(): { id: number; part: string } {
    return { id: this.nextTableId++, part: this.freePart(`${this.folder()}tables/table`, '.xml') };
  }

  /** Writes a sheet part and its tables (with the sheet's relationships part). */
  write(write: SheetWrite): void {
    this.writes.push(write);
    this.removed.delete(write.part.toLowerCase());
    for (const t of write.tables) this.removed.delete(t.part.toLowerCase());
  }

  /** Rows to repeat on each printed page of a sheet being written. */
  printTitle(titles: PrintTitles): void {
    this.printTitles.push(titles);
  }

  /**
   * Applies every change to the package: every new text is worked out first (where a
   * part of the user's turns out not to be well-formed, nothing is changed), then set.
   *
   * @throws {PackageError} `corrupt` naming a part we must edit that is not well-formed
   */
  apply(): void {
    const pkg = this.pkg;
    const sets = new Map<string, string | Uint8Array>();
    const types: PartType[] = [...this.typesAdd];
    for (const write of this.writes) {
      sets.set(write.part, write.xml);
      const relsPart = relsPathOf(write.part);
      if (write.tables.length > 0) {
        const rels = write.tables.map((t) => ({ id: t.relId, type: REL_TYPES.table, target: relativeTarget(write.part, t.part) }));
        sets.set(relsPart, editRelationships(undefined, rels));
        this.removed.delete(relsPart.toLowerCase());
        types.push({ part: relsPart, type: RELS_TYPE });
      }
      for (const t of write.tables) {
        sets.set(t.part, tableXml(t.table));
        types.push({ part: t.part, type: CONTENT_TYPES.table });
      }
    }
    if (this.stylesText) sets.set(this.stylesText.part, this.stylesText.text);

    const calcChain = this.calcChainEdit();
    if (calcChain) sets.set(calcChain.part, calcChain.text);
    const removed = [...this.removed].filter((part) => pkg.has(part));

    const workbookRelsPart = relsPathOf(this.book.workbookPart);
    if (this.workbookRelsAdd.length > 0 || this.workbookRelsRemove.size > 0) {
      const text = pkg.has(workbookRelsPart) ? pkg.text(workbookRelsPart) : undefined;
      sets.set(workbookRelsPart, wellFormed(workbookRelsPart, () => editRelationships(text, this.workbookRelsAdd, this.workbookRelsRemove)));
    }
    const changes = { sheets: this.newSheets, printTitles: this.printTitles, states: this.sheetStates };
    const workbook = pkg.text(this.book.workbookPart);
    const edited = wellFormed(this.book.workbookPart, () => editWorkbookXml(workbook, changes));
    if (edited !== workbook) sets.set(this.book.workbookPart, edited);
    const typesText = pkg.text(CONTENT_TYPES_PART);
    const editedTypes = wellFormed(CONTENT_TYPES_PART, () => editContentTypes(typesText, types, removed));
    if (editedTypes !== typesText) sets.set(CONTENT_TYPES_PART, editedTypes);

    // Nothing refuses from here on.
    for (const [part, content] of sets) pkg.set(part, content);
    for (const part of removed) pkg.remove(part);
  }

  // ----------------------------------------------------------------------------------

  /** The workbook part's folder, e.g. `xl/`. */
  private folder(): string {
    const part = this.book.workbookPart;
    return part.slice(0, part.lastIndexOf('/') + 1);
  }

  private relId(): string {
    const [id] = freshRelIds(this.relIds, 1);
    this.relIds.push(id);
    return id;
  }

  /** `base` + the lowest number from 1 that names no part (nor one reserved in this edit). */
  private freePart(base: string, extension: string): string {
    for (let n = 1; ; n++) {
      const part = `${base}${n}${extension}`;
      const k = part.toLowerCase();
      if (!this.pkg.has(part) && !this.reserved.has(k)) {
        this.reserved.add(k);
        return part;
      }
    }
  }

  private removePart(part: string): void {
    this.removed.add(part.toLowerCase());
    this.removed.add(relsPathOf(part).toLowerCase());
  }

  /**
   * The parts reachable from `root` through relationships that no part outside that set
   * refers to (so an image another sheet's drawing uses too stays).
   */
  private onlyReferencedFrom(root: string): string[] {
    const { targets, referrers } = this.relationshipGraph();
    const reach = new Set<string>();
    const visit = (part: string): void => {
      for (const target of targets.get(part) ?? []) {
        if (target === root.toLowerCase() || reach.has(target)) continue;
        reach.add(target);
        visit(target);
      }
    };
    visit(root.toLowerCase());
    // Drop, until stable, anything referred to from outside the set.
    let changed = true;
    while (changed) {
      changed = false;
      for (const part of [...reach]) {
        const from = referrers.get(part) ?? new Set<string>();
        if ([...from].some((s) => s !== root.toLowerCase() && !reach.has(s))) {
          reach.delete(part);
          changed = true;
        }
      }
    }
    return [...reach].map((k) => this.pkg.nameOf(k) ?? k).filter((name) => this.pkg.has(name));
  }

  /** The calculation chain without the replaced sheets' entries; when none is left, the part and its relationship go. */
  /** Which parts each part refers to, and is referred to by (part names in lower case), read once. */
  private relationshipGraph(): { targets: Map<string, string[]>; referrers: Map<string, Set<string>> } {
    if (this.graph) return this.graph;
    const referrers = new Map<string, Set<string>>();
    const targets = new Map<string, string[]>();
    for (const path of this.pkg.paths()) {
      if (!/(^|\/)_rels\/[^/]*\.rels$/i.test(path)) continue;
      const source = sourceOfRels(path);
      const parts = readRelationships(this.pkg, source).flatMap((r) => (r.part === undefined ? [] : [r.part.toLowerCase()]));
      targets.set(source.toLowerCase(), parts);
      for (const part of parts) {
        const set = referrers.get(part) ?? new Set<string>();
        set.add(source.toLowerCase());
        referrers.set(part, set);
      }
    }
    this.graph = { targets, referrers };
    return this.graph;
  }

  private calcChainEdit(): { part: string; text: string } | undefined {
    if (this.calcChainSheets.size === 0) return undefined;
    const rel = this.book.workbookRels.find((r) => r.type === REL_TYPES.calcChain);
    if (!rel?.part || !this.pkg.has(rel.part)) return undefined;
    const part = rel.part;
    const text = this.pkg.text(part);
    const edited = wellFormed(part, () => dropCalcChainSheets(text, this.calcChainSheets));
    if (edited === undefined) {
      this.removePart(part);
      this.workbookRelsRemove.add(rel.id);
      return undefined;
    }
    return edited === text ? undefined : { part, text: edited };
  }
}

/**
 * Runs an edit of a part of the user's, telling a part that is not well-formed XML as
 * the package error naming it.
 */
export function wellFormed<T>(part: string, edit: () => T): T {
  try {
    return edit();
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new PackageError('corrupt', `a part is not well-formed XML (${error.message})`, part);
    throw error;
  }
}

/** `xl/worksheets/_rels/sheet1.xml.rels` → `xl/worksheets/sheet1.xml`; `_rels/.rels` → `''`. */
function sourceOfRels(path: string): string {
  const match = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(path);
  return match ? `${match[1]}${match[2]}` : '';
}
