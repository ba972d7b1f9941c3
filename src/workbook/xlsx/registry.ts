/**
 * The ownership registry (see `ownership.ts`) as the package holds it: the very hidden
 * `AwardsModeller` sheet, its signature in A1, and the formulas in column A from row 2
 * that point at the sheets the add-in owns — however the last program that saved the
 * workbook wrote them (shared or inline strings, cached values or none).
 */
import { REGISTRY_SHEET, REGISTRY_SIGNATURE, sameName, type RegistryState } from '../ownership';
import type { Book, BookSheet } from './book';
import type { XlsxPackage } from './package';
import { columnOf, readCells } from './readCells';
import { readSharedStrings } from './sharedStrings';
import { NS_MAIN, saxStream } from './xml';

/** The registry's `<sheet>`, if the workbook has a sheet of that name. */
export function registrySheet(book: Book): BookSheet | undefined {
  return book.sheets.find((s) => sameName(s.name, REGISTRY_SHEET));
}

/** Whether the registry is absent, ours (with its formulas), or a sheet of the user's. */
export function readRegistry(pkg: XlsxPackage, book: Book): RegistryState {
  const sheet = registrySheet(book);
  if (!sheet) return { kind: 'absent' };
  if (sheet.kind !== 'worksheet' || sheet.part === undefined || !pkg.has(sheet.part)) return { kind: 'foreign' };
  const part = sheet.part;
  const text = pkg.text(part);
  let strings: string[] | undefined;
  const [a1] = readCells(text, [{ top: 1, left: 1, bottom: 1, right: 1 }], {
    part,
    sheet: sheet.name,
    sharedString: (index) => {
      strings ??= book.sharedStringsPart === undefined ? [] : readSharedStrings(pkg, book.sharedStringsPart);
      return strings[index];
    },
    date1904: false,
    isDateStyle: () => false,
  });
  if (a1.rows[0]?.[0] !== REGISTRY_SIGNATURE) return { kind: 'foreign' };
  return { kind: 'ours', formulas: columnAFormulas(text) };
}

/** The formula text of each cell in column A below row 1, in row order. */
function columnAFormulas(text: string): string[] {
  const formulas: string[] = [];
  let row = 0;
  let column = 0;
  let wanted = false;
  let inFormula = false;
  let formula = '';
  saxStream(text, {
    open: (tag) => {
      if (tag.uri !== NS_MAIN) return;
      if (tag.local === 'row') {
        const r = tag.attributes.r?.value;
        row = r === undefined ? row + 1 : Number(r);
        column = 0;
      } else if (tag.local === 'c') {
        const r = tag.attributes.r?.value;
        column = r === undefined ? column + 1 : columnOf(r, column + 1);
        wanted = row > 1 && column === 1;
      } else if (tag.local === 'f' && wanted) {
        inFormula = true;
        formula = '';
      }
    },
    text: (chunk) => {
      if (inFormula) formula += chunk;
    },
    close: (tag) => {
      if (tag.local === 'f' && inFormula) {
        inFormula = false;
        formulas.push(formula);
      } else if (tag.local === 'c') {
        wanted = false;
      }
    },
  });
  return formulas;
}
