/**
 * One XML part of a package read as a tree, its failures told as `PackageError`s that
 * name the part: absent (`missing-part`) or not well-formed XML (`corrupt`).
 */
import { PackageError, type XlsxPackage } from './package';
import { XmlSyntaxError, parseXml, type XmlElement } from './xml';

/**
 * The part's root element.
 *
 * @throws {PackageError} `missing-part` when there is no such part, `corrupt` when it is
 *   not well-formed XML
 */
export function readPart(pkg: XlsxPackage, part: string): XmlElement {
  return parsePartText(pkg.text(part), part);
}

/** A part's text as a tree; `part` names it in the error. */
export function parsePartText(text: string, part: string): XmlElement {
  try {
    return parseXml(text);
  } catch (error) {
    if (error instanceof XmlSyntaxError) {
      throw new PackageError('corrupt', `a part is not well-formed XML (${error.message})`, part);
    }
    throw error;
  }
}

/** `true` for the XML Schema booleans `1` and `true`. */
export function xmlTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}
