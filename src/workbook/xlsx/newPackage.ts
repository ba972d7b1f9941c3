/**
 * A new workbook package with no sheets yet (for `awards sample`): content types, the
 * package relationships, core and app properties, the workbook part, its relationships
 * and a styles part. Sheets are added by the same edits as for a user's workbook.
 */
import { CONTENT_TYPES } from './contentTypes';
import { XlsxPackage } from './package';
import { REL_TYPES } from './relationships';
import { editContentTypes, newContentTypesXml } from './contentTypesEdit';
import { editRelationships } from './relationshipsEdit';
import { newStylesXml } from './stylesEdit';
import { newWorkbookXml } from './workbookEdit';
import { XML_DECLARATION } from './worksheetXml';
import { escapeXml } from './xml';

const REL_CORE = 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties';
const REL_APP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties';
const TYPE_CORE = 'application/vnd.openxmlformats-package.core-properties+xml';
const TYPE_APP = 'application/vnd.openxmlformats-officedocument.extended-properties+xml';

export const APPLICATION = 'Awards Modeller';
export const NEW_WORKBOOK_PART = 'xl/workbook.xml';
export const NEW_STYLES_PART = 'xl/styles.xml';

/** Options for a new package. */
export interface NewPackageOptions {
  /** When the workbook was made (core property `dcterms:created`); left out when absent. */
  created?: Date;
}

/** A package holding an empty workbook. */
export function newPackage(options: NewPackageOptions = {}): XlsxPackage {
  const pkg = XlsxPackage.empty();
  pkg.set(
    '[Content_Types].xml',
    editContentTypes(newContentTypesXml(), [
      { part: 'xl/workbook.xml', type: CONTENT_TYPES.workbook },
      { part: 'xl/styles.xml', type: CONTENT_TYPES.styles },
      { part: 'docProps/core.xml', type: TYPE_CORE },
      { part: 'docProps/app.xml', type: TYPE_APP },
    ]),
  );
  pkg.set(
    '_rels/.rels',
    editRelationships(undefined, [
      { id: 'rId1', type: REL_TYPES.officeDocument, target: 'xl/workbook.xml' },
      { id: 'rId2', type: REL_CORE, target: 'docProps/core.xml' },
      { id: 'rId3', type: REL_APP, target: 'docProps/app.xml' },
    ]),
  );
  pkg.set('docProps/core.xml', coreXml(options.created));
  pkg.set('docProps/app.xml', appXml());
  pkg.set(NEW_WORKBOOK_PART, newWorkbookXml());
  pkg.set('xl/_rels/workbook.xml.rels', editRelationships(undefined, [{ id: 'rId1', type: REL_TYPES.styles, target: 'styles.xml' }]));
  pkg.set(NEW_STYLES_PART, newStylesXml());
  return pkg;
}

function coreXml(created: Date | undefined): string {
  const when =
    created === undefined
      ? ''
      : `<dcterms:created xsi:type="dcterms:W3CDTF">${escapeXml(created.toISOString().replace(/\.\d{3}Z$/, 'Z'))}</dcterms:created>`;
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${APPLICATION}</dc:creator>${when}</cp:coreProperties>`
  );
}

function appXml(): string {
  return (
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Application>${APPLICATION}</Application></Properties>`
  );
}
