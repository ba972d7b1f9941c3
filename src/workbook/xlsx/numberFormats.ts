/**
 * Which cell styles show a number as a date or time: a cell's `s` attribute indexes
 * `<cellXfs>` in `styles.xml`, whose `numFmtId` is a built-in format or one of the
 * workbook's `<numFmts>`. Only needed for a workbook counting from 1904, whose date
 * serials are moved to the 1900 system the engine counts in.
 */
import type { XlsxPackage } from './package';
import { readPart } from './readPart';
import { attr, childOf, childrenOf } from './xml';

/**
 * Built-in number formats that are dates or times (ECMA-376 Part 1, §18.8.30: 14–22;
 * the East Asian built-ins 27–36 and 50–58; 45–47 are times).
 */
export function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * Whether a format code shows a date or time: it has a `d`, `m`, `y`, `h` or `s` outside
 * quoted text, `[...]` (colours, conditions, locales; but `[h]`, `[mm]`, `[ss]` elapsed
 * times count), escaped characters (`\d`) and the characters after `_` (padding) and
 * `*` (fill). Only the first section (for positive numbers) is read.
 *
 * @example isDateFormatCode('dd/mm/yyyy') // true
 * @example isDateFormatCode('"Day "0') // false
 * @example isDateFormatCode('£#,##0.00;[Red]-£#,##0.00') // false
 */
export function isDateFormatCode(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    switch (ch) {
      case '"': {
        const close = code.indexOf('"', i + 1);
        if (close < 0) return false;
        i = close;
        break;
      }
      case '[': {
        const close = code.indexOf(']', i + 1);
        if (close < 0) return false;
        if (/^\[(h+|m+|s+)\]$/i.test(code.slice(i, close + 1))) return true;
        i = close;
        break;
      }
      case '\\':
      case '_':
      case '*':
        i++;
        break;
      case ';':
        return false;
      default:
        if ('dmyhsDMYHS'.includes(ch)) return true;
        // `General` is spelt with none of those letters, `e` of scientific formats neither.
        break;
    }
  }
  return false;
}

/**
 * For each index of `<cellXfs>`, whether it shows dates; indexes beyond the list (and a
 * workbook without styles) are not dates.
 *
 * @throws {PackageError} when the styles part is missing or not well-formed
 */
export function readDateStyles(pkg: XlsxPackage, stylesPart: string | undefined): boolean[] {
  if (stylesPart === undefined) return [];
  const root = readPart(pkg, stylesPart);
  const custom = new Map<number, string>();
  const numFmts = childOf(root, 'numFmts');
  for (const numFmt of numFmts ? childrenOf(numFmts, 'numFmt') : []) {
    custom.set(Number(attr(numFmt, 'numFmtId')), attr(numFmt, 'formatCode') ?? '');
  }
  const cellXfs = childOf(root, 'cellXfs');
  return (cellXfs ? childrenOf(cellXfs, 'xf') : []).map((xf) => {
    const id = Number(attr(xf, 'numFmtId') ?? 0);
    const code = custom.get(id);
    return code === undefined ? isBuiltInDateFormat(id) : isDateFormatCode(code);
  });
}
