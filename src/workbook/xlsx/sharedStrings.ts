/**
 * The shared strings part (`xl/sharedStrings.xml`): the text of every `t="s"` cell, by
 * index. An item is plain text (`<si><t>`) or rich text, runs of `<r><t>` read as their
 * text joined; phonetic runs (`<rPh>`, Japanese readings) are not part of the text.
 * Excel's `_xHHHH_` escapes are read back.
 */
import { PackageError, type XlsxPackage } from './package';
import { NS_MAIN, StopParsing, XmlSyntaxError, saxStream, unescapeExcelText } from './xml';

/**
 * Every shared string, in order.
 *
 * @throws {PackageError} `missing-part` when the part is absent, `corrupt` when it is not
 *   well-formed XML
 */
export function readSharedStrings(pkg: XlsxPackage, part: string): string[] {
  return parseSharedStrings(pkg.text(part), part);
}

/** The shared strings of a part's text; `part` names it in errors. */
export function parseSharedStrings(text: string, part = 'xl/sharedStrings.xml'): string[] {
  const strings: string[] = [];
  let item = '';
  let inItem = false;
  /** Inside `<rPh>` (a phonetic run), whose text is skipped. */
  let phonetic = 0;
  let inText = false;
  try {
    saxStream(text, {
      open(tag) {
        if (tag.uri !== NS_MAIN) return;
        switch (tag.local) {
          case 'si':
            inItem = true;
            item = '';
            break;
          case 'rPh':
            phonetic++;
            break;
          case 't':
            inText = inItem && phonetic === 0;
            break;
        }
      },
      text(chunk) {
        if (inText) item += chunk;
      },
      close(tag) {
        if (tag.uri !== NS_MAIN) return;
        switch (tag.local) {
          case 'si':
            strings.push(unescapeExcelText(item));
            inItem = false;
            break;
          case 'rPh':
            phonetic--;
            break;
          case 't':
            inText = false;
            break;
          case 'sst':
            throw new StopParsing();
        }
      },
    });
  } catch (error) {
    if (error instanceof XmlSyntaxError) {
      throw new PackageError('corrupt', `a part is not well-formed XML (${error.message})`, part);
    }
    throw error;
  }
  return strings;
}
