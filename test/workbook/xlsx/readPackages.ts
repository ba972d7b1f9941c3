/**
 * Tiny hand-written packages for the reader's tests: each part as text, zipped with
 * fflate, so a test states exactly the XML a program wrote.
 */
import { strToU8, zipSync } from 'fflate';
import { XlsxPackage } from '../../../src/workbook/xlsx/package';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const RT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export type Parts = Record<string, string | Uint8Array>;

/** The parts as zip bytes. */
export function zipParts(parts: Parts): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(parts)) files[name] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(files);
}

export function packageOf(parts: Parts): XlsxPackage {
  return XlsxPackage.read(zipParts(parts));
}

/** `<Relationships>` with one `<Relationship>` per `[id, type, target, external?]`. */
export function rels(list: ReadonlyArray<[string, string, string, boolean?]>): string {
  const items = list
    .map(([id, type, target, external]) => {
      const mode = external ? ' TargetMode="External"' : '';
      return `<Relationship Id="${id}" Type="${type.startsWith('http') ? type : `${RT}/${type}`}" Target="${target}"${mode}/>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL}">${items}</Relationships>`;
}

export interface SheetPart {
  name: string;
  /** The worksheet's XML (default: an empty sheet). */
  xml?: string;
  state?: string;
  /** Table parts of this sheet (their XML). */
  tables?: string[];
}

export interface BookOptions {
  sheets?: SheetPart[];
  /** Inside `<workbook>` before `<sheets>` (workbookPr, workbookProtection). */
  head?: string;
  /** Inside `<workbook>` after `<sheets>` (definedNames). */
  tail?: string;
  sharedStrings?: string;
  styles?: string;
  workbookContentType?: string;
}

/** A table part's XML. */
export function tableXml(
  id: number,
  name: string,
  ref: string,
  columns: readonly string[],
  extra = '',
): string {
  const cols = columns.map((c, i) => `<tableColumn id="${i + 1}" name="${c}"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<table xmlns="${MAIN}" id="${id}" name="${name}" displayName="${name}" ref="${ref}"${extra}>` +
    `<tableColumns count="${columns.length}">${cols}</tableColumns></table>`
  );
}

/** A worksheet's XML around the given `<sheetData>` content. */
export function sheetXml(rows: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData>${extra}</worksheet>`;
}

/** The parts of a small, valid workbook as Excel lays it out. */
export function bookParts(options: BookOptions = {}): Parts {
  const sheets = options.sheets ?? [{ name: 'Sheet1' }];
  const parts: Parts = {};
  const overrides: string[] = [];
  const workbookRels: Array<[string, string, string]> = [];
  let tableNumber = 0;
  const sheetElements = sheets
    .map((sheet, i) => {
      const n = i + 1;
      const part = `xl/worksheets/sheet${n}.xml`;
      const tableRels: Array<[string, string, string]> = [];
      for (const table of sheet.tables ?? []) {
        tableNumber++;
        parts[`xl/tables/table${tableNumber}.xml`] = table;
        overrides.push(`<Override PartName="/xl/tables/table${tableNumber}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`);
        tableRels.push([`rId${tableRels.length + 1}`, 'table', `../tables/table${tableNumber}.xml`]);
      }
      const parts_ = tableRels.map(([id]) => `<tablePart r:id="${id}"/>`).join('');
      parts[part] = sheet.xml ?? sheetXml('', parts_ ? `<tableParts count="${tableRels.length}">${parts_}</tableParts>` : '');
      if (tableRels.length > 0) parts[`xl/worksheets/_rels/sheet${n}.xml.rels`] = rels(tableRels);
      overrides.push(`<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
      workbookRels.push([`rId${n}`, 'worksheet', `worksheets/sheet${n}.xml`]);
      const state = sheet.state ? ` state="${sheet.state}"` : '';
      return `<sheet name="${sheet.name}" sheetId="${n}"${state} r:id="rId${n}"/>`;
    })
    .join('');
  if (options.styles !== undefined) {
    parts['xl/styles.xml'] = options.styles;
    workbookRels.push([`rId${sheets.length + 1}`, 'styles', 'styles.xml']);
    overrides.push(`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`);
  }
  if (options.sharedStrings !== undefined) {
    parts['xl/sharedStrings.xml'] = options.sharedStrings;
    workbookRels.push([`rId${sheets.length + 2}`, 'sharedStrings', 'sharedStrings.xml']);
    overrides.push(`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`);
  }
  const workbookType = options.workbookContentType ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  parts['[Content_Types].xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${workbookType}"/>${overrides.join('')}</Types>`;
  parts['_rels/.rels'] = rels([['rId1', 'officeDocument', 'xl/workbook.xml']]);
  parts['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
    `${options.head ?? ''}<sheets>${sheetElements}</sheets>${options.tail ?? ''}</workbook>`;
  parts['xl/_rels/workbook.xml.rels'] = rels(workbookRels);
  return parts;
}
