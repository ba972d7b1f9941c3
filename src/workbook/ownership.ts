/**
 * Which sheets are the add-in's own, and what a write may touch. Pure: every adapter
 * gathers a `WorkbookInventory` its own way, then asks here.
 *
 * ## The ownership marker
 *
 * The workbook holds a very hidden sheet, `AwardsModeller` (the registry), invisible in
 * Excel's Unhide dialog. Cell A1 carries a signature; each row below holds, in column A,
 * a formula that refers to one owned sheet — `='Fund ledger'!$A$1` — and in column B
 * that sheet's name as text, for people.
 *
 * A formula rather than a name, because Excel keeps a reference pointing at the *sheet*,
 * not at its name: rename the owned sheet and the formula follows it (`='Old ledger'!$A$1`);
 * delete it and the formula turns to `#REF!`. So a sheet of the user's that merely has a
 * listed name is never taken for ours — after the user renames or deletes our `Checks`
 * and makes a `Checks` of their own, no registry formula points at the new sheet. The
 * reference is the second sign the brief asks for, and it lives with the sheet itself
 * with nothing written into the sheet: no marker cell stretching the used range or
 * turning up in print, no custom XML part or worksheet custom property, which exceljs
 * cannot read or write. Worksheet ids are no help either: Office.js has them, the file
 * format and exceljs do not.
 *
 * It interoperates both ways: exceljs writes and reads the formula as text; Office.js
 * reads it through `Range.formulas`; a workbook written by the CLI and reopened in Excel,
 * or written by the add-in and read by the CLI, is read the same way. Excel also repairs
 * the formulas itself when sheets are renamed or deleted, so the registry stays true with
 * no code of ours running. Owned sheets are only ever replaced through `writeSheets`,
 * which rewrites the registry as it goes.
 */
import type { SheetSpec, TableData } from '../engine/sheet';
import { SheetExistsError, SheetNotOwnedError } from './port';
import { SheetSpecError, TableNameTakenError } from './errors';

/** The very hidden registry sheet. */
export const REGISTRY_SHEET = 'AwardsModeller';

/** Cell A1 of the registry: without it, a sheet of that name is the user's. */
export const REGISTRY_SIGNATURE = 'Awards Modeller: sheets it created and may replace. Do not edit.';

/** The registry's header row (A1:B1). */
export const REGISTRY_HEADER: readonly [string, string] = [REGISTRY_SIGNATURE, 'Sheet (name when written)'];

/** Excel compares sheet, table and defined names without regard to case. */
export function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

/** The registry formula for a sheet, without the leading `=` (exceljs stores it so). */
export function registryFormula(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!$A$1`;
}

/**
 * The sheet a registry formula points at, as Excel last wrote it, or `undefined` when it
 * points nowhere (`#REF!` after the sheet was deleted, another workbook, not a reference).
 * Takes the formula with or without its `=`; the cell part is ignored, so a formula that
 * became `='Checks'!#REF!` when the user deleted row 1 still names its sheet.
 */
export function sheetOfRegistryFormula(formula: string): string | undefined {
  const text = formula.trim().replace(/^=/, '');
  const quoted = /^'((?:[^']|'')+)'!/.exec(text);
  if (quoted) return quoted[1].startsWith('[') ? undefined : quoted[1].replace(/''/g, "'");
  const bare = /^([^'![\]#=]+)!/.exec(text);
  return bare ? bare[1] : undefined;
}

/** The state of the registry sheet. */
export type RegistryState =
  /** No sheet of that name. */
  | { kind: 'absent' }
  /** Ours (signature in A1), with its formulas from row 2 down. */
  | { kind: 'ours'; formulas: readonly string[] }
  /** A sheet of the user's that happens to have the registry's name. */
  | { kind: 'foreign' };

/** What an adapter knows about a workbook before it writes. */
export interface WorkbookInventory {
  /** Every worksheet name in tab order, except the registry when it is ours. */
  sheets: readonly string[];
  /** The sheets the registry points at, as they are now named, in tab order. */
  owned: readonly string[];
  /** Every table and the sheet it is on. */
  tables: ReadonlyArray<{ name: string; sheet: string }>;
  /** Workbook-scoped defined names (they share their namespace with tables). */
  names: readonly string[];
  registry: RegistryState['kind'];
}

/**
 * Builds the inventory from what any workbook can tell: its sheet names (registry
 * included), tables, defined names, and the registry's state.
 */
export function inventory(
  allSheets: readonly string[],
  registry: RegistryState,
  tables: ReadonlyArray<{ name: string; sheet: string }>,
  names: readonly string[],
): WorkbookInventory {
  const sheets =
    registry.kind === 'ours' ? allSheets.filter((s) => !sameName(s, REGISTRY_SHEET)) : [...allSheets];
  const pointedAt = registry.kind === 'ours' ? registry.formulas.map(sheetOfRegistryFormula) : [];
  const owned = sheets.filter((s) => pointedAt.some((p) => p !== undefined && sameName(p, s)));
  return { sheets, owned, tables, names, registry: registry.kind };
}

/** One sheet `writeSheets` will write. */
export interface WriteTarget {
  spec: SheetSpec;
  /** The owned sheet being replaced (its current name), or undefined for a new sheet. */
  replaces?: string;
}

export interface WritePlan {
  targets: WriteTarget[];
  /**
   * The registry after the write: owned sheets already there (tab order, replaced ones
   * included), then the new sheets in spec order.
   */
  registry: string[];
}

/**
 * Checks every target before anything is written: a sheet of the user's in the way
 * stops the whole write with `SheetNotOwnedError`; a table or defined name of theirs that
 * an output table needs stops it with `TableNameTakenError`.
 */
export function planWrite(inv: WorkbookInventory, specs: readonly SheetSpec[]): WritePlan {
  refuseDuplicates(specs.map((s) => s.sheet), 'sheet', specs);
  refuseDuplicates(specs.map((s) => s.table), 'table', specs);

  const targets = specs.map((spec): WriteTarget => {
    if (sameName(spec.sheet, REGISTRY_SHEET)) throw new SheetNotOwnedError(spec.sheet);
    const existing = inv.sheets.find((s) => sameName(s, spec.sheet));
    if (existing === undefined) return { spec };
    if (!inv.owned.includes(existing)) throw new SheetNotOwnedError(existing);
    return { spec, replaces: existing };
  });
  if (inv.registry === 'foreign') throw new SheetNotOwnedError(REGISTRY_SHEET);

  const replaced = targets.flatMap((t) => (t.replaces === undefined ? [] : [t.replaces]));
  for (const { spec } of targets) refuseTakenName(inv, spec.table, replaced);

  const created = targets.filter((t) => t.replaces === undefined).map((t) => t.spec.sheet);
  return { targets, registry: [...inv.owned, ...created] };
}

/** A sheet `createTables` will make, with the input tables to go on it, in order. */
export interface CreateTarget {
  sheet: string;
  tables: TableData[];
}

/**
 * Checks the sample model's tables can be created: no sheet of that name may exist
 * (`SheetExistsError`), no table or defined name of that name (`TableNameTakenError`).
 * Tables naming the same sheet go on it together.
 */
export function planCreate(inv: WorkbookInventory, tables: readonly TableData[]): CreateTarget[] {
  refuseDuplicates(tables.map((t) => t.name), 'table', tables);
  const targets: CreateTarget[] = [];
  for (const table of tables) {
    const existing = [...inv.sheets, REGISTRY_SHEET].find((s) => sameName(s, table.sheet));
    if (existing !== undefined) throw new SheetExistsError(existing);
    const target = targets.find((t) => sameName(t.sheet, table.sheet));
    if (target) target.tables.push(table);
    else targets.push({ sheet: table.sheet, tables: [table] });
  }
  for (const table of tables) refuseTakenName(inv, table.name, []);
  return targets;
}

function refuseTakenName(inv: WorkbookInventory, table: string, replacedSheets: readonly string[]): void {
  const clash = inv.tables.find((t) => sameName(t.name, table) && !replacedSheets.includes(t.sheet));
  if (clash) throw new TableNameTakenError(clash.name, clash.sheet);
  const name = inv.names.find((n) => sameName(n, table));
  if (name !== undefined) throw new TableNameTakenError(name, undefined);
}

function refuseDuplicates(
  names: readonly string[],
  what: 'sheet' | 'table',
  items: ReadonlyArray<SheetSpec | TableData>,
): void {
  names.forEach((name, i) => {
    const j = names.findIndex((other) => sameName(other, name));
    if (j !== i) {
      throw new SheetSpecError(items[i].sheet, `the ${what} name '${name}' is given twice in one write`);
    }
  });
}
