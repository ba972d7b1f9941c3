#!/usr/bin/env node
// Validates an add-in-only manifest (OfficeApp root), offline.
//
//   node scripts/validate-manifest.mjs [manifest.xml] [--namespace NAME]
//
// 1. Schema: the manifest against the Office add-in XML schemas in ../shared/schemas
//    (beside the project; AWARDS_SCHEMAS_DIR overrides), through xmllint-wasm.
// 2. What the schema cannot see:
//    - every resid names a resource of the right kind (a <Label> a bt:ShortStrings
//      string, a <SourceLocation> a bt:Url, an icon <bt:Image> a bt:Images image, ...);
//      resource ids are unique; unused resources are reported as warnings;
//    - the CustomFunctions extension point has a Namespace whose short string is a valid
//      name (and, by default, PCC: --namespace changes it), plus its Metadata;
//    - a shared runtime is used consistently (functions page, function file and task pane
//      all load the Runtime's page; SharedRuntime and CustomFunctionsRuntime are required);
//    - every URL is https, and a localhost URL starts with https://localhost:3000/ (the
//      prefix the production build rewrites);
//    - every icon served from https://localhost:3000/assets/... exists beside the manifest
//      as a PNG of the pixel size it is used at; every ribbon icon list has 16, 32 and 80;
//    - Permissions is present.
//
// Exit codes: 0 valid ("<file> is valid"); 1 problems found (one line each, with the line
// number where known); 2 the check could not run (manifest or schemas missing).
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEV_BASE_URL = 'https://localhost:3000/';
export const DEFAULT_NAMESPACE = 'PCC';
const ENTRY_SCHEMA = 'OfficeAppManifestV1_1.xsd';

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  overrides: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

/** The resource collection each resid-bearing element must point into. */
const RESOURCE_KIND_OF = {
  Runtime: 'Urls',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Image: 'Images',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Namespace: 'ShortStrings',
  Description: 'LongStrings',
};
const RESOURCE_KINDS = ['Images', 'Urls', 'ShortStrings', 'LongStrings'];
const RESOURCE_ITEM = { Images: 'bt:Image', Urls: 'bt:Url', ShortStrings: 'bt:String', LongStrings: 'bt:String' };

/** Sizes Office requires in every ribbon icon list. */
const REQUIRED_ICON_SIZES = [16, 32, 80];
/** Pixel sizes of the top-level icons. */
const TOP_LEVEL_ICON_SIZE = { IconUrl: 32, HighResolutionIconUrl: 64 };

const NAMESPACE_PATTERN = /^[A-Za-z][A-Za-z0-9_.]*$/;
const NAMESPACE_MAX_LENGTH = 32;

/** The check could not run at all (exit 2), as opposed to the manifest being wrong. */
export class SetupError extends Error {}

/** Where the schemas are: AWARDS_SCHEMAS_DIR, else shared/schemas beside the project. */
export function schemasDirectory(env = process.env) {
  return env.AWARDS_SCHEMAS_DIR
    ? path.resolve(env.AWARDS_SCHEMAS_DIR)
    : path.resolve(PROJECT_ROOT, '..', 'shared', 'schemas');
}

/**
 * Validates a manifest file.
 * @param {string} manifestPath
 * @param {{ schemasDir?: string, expectedNamespace?: string | null, assetsRoot?: string }} [options]
 *   assetsRoot: the folder that https://localhost:3000/ maps to (default: the manifest's folder).
 * @returns {Promise<{ errors: Problem[], warnings: Problem[] }>}
 *   where Problem is { line: number | null, message: string }.
 * @throws {SetupError} when the manifest or the schemas cannot be read.
 */
export async function validateManifest(manifestPath, options = {}) {
  const schemasDir = options.schemasDir ?? schemasDirectory();
  const expectedNamespace = options.expectedNamespace === undefined ? DEFAULT_NAMESPACE : options.expectedNamespace;
  const assetsRoot = options.assetsRoot ?? path.dirname(path.resolve(manifestPath));

  if (!existsSync(manifestPath) || !statSync(manifestPath).isFile()) {
    throw new SetupError(`manifest not found: ${manifestPath}`);
  }
  const xml = readFileSync(manifestPath, 'utf8');
  const errors = await schemaErrors(xml, path.basename(manifestPath), loadSchemas(schemasDir));
  const warnings = [];

  let root;
  try {
    root = parseXml(xml);
  } catch (error) {
    // xmllint has already said why the document is not well-formed; say it once.
    if (errors.length === 0) errors.push({ line: error.line ?? null, message: error.message });
    return { errors, warnings };
  }
  const report = {
    error: (node, message) => errors.push({ line: node?.line ?? null, message }),
    warn: (node, message) => warnings.push({ line: node?.line ?? null, message }),
  };
  checkManifest(root, { expectedNamespace, assetsRoot }, report);
  const byLine = (a, b) => (a.line ?? 0) - (b.line ?? 0);
  errors.sort(byLine);
  warnings.sort(byLine);
  return { errors, warnings };
}

// ---------------------------------------------------------------------------------------
// Schema validation

function loadSchemas(schemasDir) {
  const entry = path.join(schemasDir, ENTRY_SCHEMA);
  if (!existsSync(entry)) {
    throw new SetupError(
      `manifest schemas not found: ${entry} does not exist. The project expects shared/schemas ` +
        'beside its folder (../shared/schemas); set AWARDS_SCHEMAS_DIR to use another folder.',
    );
  }
  const preload = readdirSync(schemasDir)
    .filter((name) => name.endsWith('.xsd') && name !== ENTRY_SCHEMA)
    .sort()
    .map((name) => ({ fileName: name, contents: readFileSync(path.join(schemasDir, name), 'utf8') }));
  return { schema: { fileName: ENTRY_SCHEMA, contents: readFileSync(entry, 'utf8') }, preload };
}

async function schemaErrors(xml, fileName, { schema, preload }) {
  const { validateXML } = require('xmllint-wasm');
  const result = await validateXML({ xml: [{ fileName, contents: xml }], schema: [schema], preload });
  if (result.valid) return [];
  const problems = result.errors
    .filter((error) => (error.message || error.rawMessage).trim() !== '')
    .map((error) => ({ line: error.loc?.lineNumber ?? null, message: describeLibxmlError(error.message || error.rawMessage) }));
  if (problems.length === 0) problems.push({ line: null, message: `schema: ${result.rawOutput.trim()}` });
  return problems;
}

/** libxml2's message, shortened: names as {namespace}Local become Local. */
function describeLibxmlError(message) {
  const text = message.replace(/\{(?:https?:|urn:)[^}]*\}/g, '').trim();
  const validity = /^Schemas validity error\s*:\s*/.exec(text);
  if (validity) return `schema: ${text.slice(validity[0].length)}`;
  const parser = /^parser error\s*:\s*/.exec(text);
  if (parser) return `not well-formed XML: ${text.slice(parser[0].length)}`;
  return `schema: ${text}`;
}

// ---------------------------------------------------------------------------------------
// A small namespace-aware XML reader: enough for a manifest (elements, attributes, text,
// comments, processing instructions, CDATA), with the line of every element.

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

function parseError(message, line) {
  return Object.assign(new Error(message), { line });
}

function parseXml(text) {
  let position = 0;
  let line = 1;
  const advance = (to) => {
    for (let i = position; i < to; i += 1) if (text.charCodeAt(i) === 10) line += 1;
    position = to;
  };
  const skipPast = (terminator, what) => {
    const end = text.indexOf(terminator, position);
    if (end < 0) throw parseError(`unterminated ${what}`, line);
    advance(end + terminator.length);
  };

  const rootHolder = { children: [], namespaces: { xml: 'http://www.w3.org/XML/1998/namespace' } };
  const stack = [rootHolder];
  const tagPattern = /<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
  const attributePattern = /\s+([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

  while (position < text.length) {
    const parent = stack[stack.length - 1];
    const next = text.indexOf('<', position);
    if (next < 0) {
      if (parent !== rootHolder) parent.text += decodeEntities(text.slice(position));
      advance(text.length);
      break;
    }
    if (next > position) {
      if (parent !== rootHolder) parent.text += decodeEntities(text.slice(position, next));
      advance(next);
    }
    if (text.startsWith('<!--', position)) skipPast('-->', 'comment');
    else if (text.startsWith('<?', position)) skipPast('?>', 'processing instruction');
    else if (text.startsWith('<![CDATA[', position)) {
      const end = text.indexOf(']]>', position);
      if (end < 0) throw parseError('unterminated CDATA section', line);
      if (parent !== rootHolder) parent.text += text.slice(position + 9, end);
      advance(end + 3);
    } else if (text.startsWith('<!', position)) {
      throw parseError('a DOCTYPE or other declaration is not allowed in a manifest', line);
    } else if (text.startsWith('</', position)) {
      const end = text.indexOf('>', position);
      if (end < 0) throw parseError('unterminated end tag', line);
      const name = text.slice(position + 2, end).trim();
      if (parent === rootHolder || parent.name !== name) {
        throw parseError(`end tag </${name}> does not match <${parent.name ?? ''}>`, line);
      }
      stack.pop();
      advance(end + 1);
    } else {
      tagPattern.lastIndex = position;
      const match = tagPattern.exec(text);
      if (!match) throw parseError('malformed start tag', line);
      const [whole, name, attributeText, selfClosing] = match;
      const attributes = {};
      for (const [, attributeName, doubleQuoted, singleQuoted] of attributeText.matchAll(attributePattern)) {
        attributes[attributeName] = decodeEntities(doubleQuoted ?? singleQuoted);
      }
      const namespaces = { ...parent.namespaces };
      for (const [attributeName, value] of Object.entries(attributes)) {
        if (attributeName === 'xmlns') namespaces[''] = value;
        else if (attributeName.startsWith('xmlns:')) namespaces[attributeName.slice(6)] = value;
      }
      const colon = name.indexOf(':');
      const prefix = colon < 0 ? '' : name.slice(0, colon);
      const element = {
        name,
        local: colon < 0 ? name : name.slice(colon + 1),
        ns: namespaces[prefix] ?? null,
        attributes,
        namespaces,
        children: [],
        parent: parent === rootHolder ? null : parent,
        text: '',
        line,
      };
      if (parent === rootHolder && parent.children.length > 0) throw parseError('more than one root element', line);
      parent.children.push(element);
      advance(position + whole.length);
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length > 1) throw parseError(`<${stack[stack.length - 1].name}> is never closed`, line);
  if (rootHolder.children.length === 0) throw parseError('no root element', line);
  return rootHolder.children[0];
}

function* descendants(element) {
  for (const child of element.children) {
    yield child;
    yield* descendants(child);
  }
}

const childrenNamed = (element, local) => element.children.filter((child) => child.local === local);
const childNamed = (element, local) => element.children.find((child) => child.local === local);
const find = (element, predicate) => [...descendants(element)].filter(predicate);

/** The local part of an xsi:type value ("ov:Workbook" → "Workbook"). */
function xsiType(element) {
  const value = Object.entries(element.attributes).find(
    ([name]) => name.endsWith(':type') && element.namespaces[name.slice(0, -5)] === NS.xsi,
  )?.[1];
  return value === undefined ? null : value.slice(value.indexOf(':') + 1);
}

// ---------------------------------------------------------------------------------------
// Checks the schema cannot make

function checkManifest(root, { expectedNamespace, assetsRoot }, report) {
  if (root.local !== 'OfficeApp') return; // the schema has already said so

  if (!childNamed(root, 'Permissions')) report.error(root, '<Permissions> is missing: the add-in must say what it may do with the workbook');

  const resources = collectResources(root, report);
  const used = checkResourceReferences(root, resources, report);
  for (const kind of RESOURCE_KINDS) {
    for (const [id, resource] of resources[kind]) {
      if (!used.has(`${kind}:${id}`)) report.warn(resource.element, `${RESOURCE_ITEM[kind]} "${id}" is never used`);
    }
  }

  const requiredSets = new Set(
    find(root, (element) => element.local === 'Set' && element.parent?.local === 'Sets').map((set) => set.attributes.Name),
  );
  checkCustomFunctions(root, resources, requiredSets, expectedNamespace, report);
  checkSharedRuntime(root, requiredSets, report);
  checkUrls(root, report);
  checkIcons(root, resources, assetsRoot, report);
}

function collectResources(root, report) {
  const resources = Object.fromEntries(RESOURCE_KINDS.map((kind) => [kind, new Map()]));
  for (const collection of find(root, (element) => element.parent?.local === 'Resources' && RESOURCE_KINDS.includes(element.local))) {
    for (const item of collection.children) {
      const id = item.attributes.id;
      if (id === undefined) continue; // the schema reports it
      const existing = resources[collection.local].get(id);
      if (existing) {
        report.error(item, `${RESOURCE_ITEM[collection.local]} id "${id}" is defined twice (first on line ${existing.element.line})`);
        continue;
      }
      resources[collection.local].set(id, { value: item.attributes.DefaultValue ?? '', element: item });
    }
  }
  return resources;
}

/** Reports resids that point nowhere or at the wrong kind; returns the "kind:id" keys used. */
function checkResourceReferences(root, resources, report) {
  const used = new Set();
  for (const element of find(root, (candidate) => 'resid' in candidate.attributes)) {
    const id = element.attributes.resid;
    const kind = RESOURCE_KIND_OF[element.local];
    const kindsHolding = RESOURCE_KINDS.filter((candidate) => resources[candidate].has(id));
    if (kind && resources[kind].has(id)) {
      used.add(`${kind}:${id}`);
    } else if (kind && kindsHolding.length > 0) {
      report.error(element, `resid "${id}" on <${element.local}> names a ${RESOURCE_ITEM[kindsHolding[0]]} in ${kindsHolding[0]}, but <${element.local}> needs a ${RESOURCE_ITEM[kind]} in Resources/${kind}`);
    } else if (kind) {
      report.error(element, `resid "${id}" on <${element.local}> is not defined: no ${RESOURCE_ITEM[kind]} with id "${id}" in Resources/${kind}`);
    } else if (kindsHolding.length === 0) {
      report.error(element, `resid "${id}" on <${element.local}> is not defined in Resources`);
    } else {
      for (const holding of kindsHolding) used.add(`${holding}:${id}`);
    }
  }
  return used;
}

function resourceValue(resources, kind, reference) {
  const id = reference?.attributes.resid;
  return id === undefined ? undefined : resources[kind].get(id)?.value;
}

function checkCustomFunctions(root, resources, requiredSets, expectedNamespace, report) {
  const extensionPoints = find(root, (element) => element.local === 'ExtensionPoint' && xsiType(element) === 'CustomFunctions');
  if (extensionPoints.length === 0) {
    if (expectedNamespace) report.error(root, `no CustomFunctions extension point: the ${expectedNamespace}.* functions would not be registered`);
    return;
  }
  if (!requiredSets.has('CustomFunctionsRuntime')) {
    report.error(extensionPoints[0], 'custom functions are declared but the CustomFunctionsRuntime requirement set is not required');
  }
  for (const point of extensionPoints) {
    if (!childNamed(point, 'Metadata')) report.error(point, 'the CustomFunctions extension point has no <Metadata> (functions.json): Excel cannot register the functions');
    const namespace = childNamed(point, 'Namespace');
    if (!namespace) {
      report.error(point, `the CustomFunctions extension point has no <Namespace>${expectedNamespace ? ` (expected ${expectedNamespace})` : ''}: functions would be registered without a prefix`);
      continue;
    }
    const value = resourceValue(resources, 'ShortStrings', namespace);
    if (value === undefined) continue; // an unresolved resid is reported already
    if (value.trim() === '') report.error(namespace, 'the custom functions namespace is empty');
    else if (!NAMESPACE_PATTERN.test(value) || value.length > NAMESPACE_MAX_LENGTH) {
      report.error(namespace, `the custom functions namespace "${value}" is not a valid name: a letter, then letters, digits, "_" or ".", at most ${NAMESPACE_MAX_LENGTH} characters`);
    } else if (expectedNamespace && value !== expectedNamespace) {
      report.error(namespace, `the custom functions namespace is "${value}", expected "${expectedNamespace}"`);
    }
  }
}

function checkSharedRuntime(root, requiredSets, report) {
  for (const host of find(root, (element) => element.local === 'Host' && element.ns === NS.overrides)) {
    const runtimes = childNamed(host, 'Runtimes');
    if (!runtimes) continue;
    if (!requiredSets.has('SharedRuntime')) report.error(runtimes, '<Runtimes> declares a shared runtime but the SharedRuntime requirement set is not required');
    const runtimePages = new Set(childrenNamed(runtimes, 'Runtime').map((runtime) => runtime.attributes.resid));
    const sharedPage = [...runtimePages][0];
    const mustUseRuntime = (element, what) => {
      const id = element.attributes.resid;
      if (id !== undefined && !runtimePages.has(id)) {
        report.error(element, `${what} loads "${id}", not the shared runtime's page "${sharedPage}": it would run in a runtime of its own`);
      }
    };
    for (const element of find(host, (candidate) => candidate.local === 'SourceLocation')) {
      const owner = element.parent;
      if (owner.local === 'Page') mustUseRuntime(element, 'the custom functions <Page>');
      else if (owner.local === 'Action' && xsiType(owner) === 'ShowTaskpane') mustUseRuntime(element, 'the ShowTaskpane action');
    }
    for (const element of find(host, (candidate) => candidate.local === 'FunctionFile')) mustUseRuntime(element, '<FunctionFile>');
    // Microsoft's shared-runtime guidance: a ShowTaskpane action opens the runtime's own
    // page only without a TaskpaneId; with one, Office may open a second pane.
    for (const element of find(host, (candidate) => candidate.local === 'TaskpaneId')) {
      report.error(element, `<TaskpaneId> under a shared runtime's ShowTaskpane action: remove it, so the button opens the shared runtime's page`);
    }
  }
}

/** Every URL the manifest gives: [element, value, what] triples. */
function urlsOf(root) {
  const urls = [];
  const withOverrides = (element, what) => {
    if (element.attributes.DefaultValue !== undefined) urls.push([element, element.attributes.DefaultValue, what]);
    for (const override of childrenNamed(element, 'Override')) {
      if (override.attributes.Value !== undefined) urls.push([override, override.attributes.Value, `${what} override`]);
    }
  };
  for (const local of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    const element = childNamed(root, local);
    if (element) withOverrides(element, `<${local}>`);
  }
  const defaultSource = childNamed(childNamed(root, 'DefaultSettings') ?? { children: [] }, 'SourceLocation');
  if (defaultSource) withOverrides(defaultSource, '<DefaultSettings> <SourceLocation>');
  for (const element of find(root, (candidate) => ['Images', 'Urls'].includes(candidate.parent?.local) && candidate.parent.parent?.local === 'Resources')) {
    withOverrides(element, `${RESOURCE_ITEM[element.parent.local]} "${element.attributes.id}"`);
  }
  for (const domain of find(root, (element) => element.local === 'AppDomain')) urls.push([domain, domain.text.trim(), '<AppDomain>']);
  return urls;
}

function checkUrls(root, report) {
  for (const [element, value, what] of urlsOf(root)) {
    let url;
    try {
      url = new URL(value);
    } catch {
      report.error(element, `${what} "${value}" is not an absolute URL`);
      continue;
    }
    if (url.protocol !== 'https:') report.error(element, `${what} "${value}" is not https: Office loads add-in content over https only`);
    else if (url.hostname === 'localhost' && !value.startsWith(DEV_BASE_URL)) {
      report.error(element, `${what} "${value}" does not start with ${DEV_BASE_URL}, so the production build would not rewrite it`);
    }
  }
}

/** Width and height of a PNG file, or a reason it is not one. */
export function pngSize(file) {
  const bytes = readFileSync(file);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((byte, i) => bytes[i] !== byte) || bytes.toString('ascii', 12, 16) !== 'IHDR') {
    return { error: 'is not a PNG file' };
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function checkIcons(root, resources, assetsRoot, report) {
  // Every ribbon icon list carries the sizes Office requires.
  for (const icon of find(root, (element) => element.local === 'Icon' && element.ns === NS.overrides)) {
    const sizes = new Set(childrenNamed(icon, 'Image').map((image) => Number(image.attributes.size)));
    const missing = REQUIRED_ICON_SIZES.filter((size) => !sizes.has(size));
    if (missing.length > 0) report.error(icon, `<${icon.parent.local}> icon has no image of size ${missing.join(', ')} (Office needs ${REQUIRED_ICON_SIZES.join(', ')})`);
  }

  // The sizes each image URL is used at.
  const uses = new Map(); // url → { element, what, sizes: Set<number> }
  const use = (url, element, what, size) => {
    const entry = uses.get(url) ?? { element, what, sizes: new Set() };
    if (size !== undefined) entry.sizes.add(size);
    uses.set(url, entry);
  };
  for (const [local, size] of Object.entries(TOP_LEVEL_ICON_SIZE)) {
    const element = childNamed(root, local);
    if (element?.attributes.DefaultValue) use(element.attributes.DefaultValue, element, `<${local}>`, size);
  }
  for (const [id, { value, element }] of resources.Images) use(value, element, `bt:Image "${id}"`);
  for (const reference of find(root, (element) => element.local === 'Image' && 'resid' in element.attributes && 'size' in element.attributes)) {
    const image = resources.Images.get(reference.attributes.resid);
    if (image) use(image.value, image.element, `bt:Image "${reference.attributes.resid}"`, Number(reference.attributes.size));
  }

  const assetsPrefix = `${DEV_BASE_URL}assets/`;
  for (const [url, { element, what, sizes }] of uses) {
    if (!url.startsWith(assetsPrefix)) continue;
    let relative;
    try {
      relative = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '');
    } catch {
      report.error(element, `${what} "${url}" is not a valid URL`);
      continue;
    }
    const file = path.resolve(assetsRoot, relative);
    if (!file.startsWith(path.resolve(assetsRoot) + path.sep)) {
      report.error(element, `${what} "${url}" points outside the project`);
      continue;
    }
    if (!existsSync(file)) {
      report.error(element, `${what} "${url}": icon file ${path.relative(process.cwd(), file) || file} does not exist`);
      continue;
    }
    const png = pngSize(file);
    if (png.error) {
      report.error(element, `${what} "${url}": ${relative} ${png.error}`);
      continue;
    }
    if (sizes.size > 1) {
      report.error(element, `${what} "${url}" is used at sizes ${[...sizes].join(' and ')}: one image file has one size`);
      continue;
    }
    const [size] = sizes;
    if (size !== undefined && (png.width !== size || png.height !== size)) {
      report.error(element, `${what} "${url}": ${relative} is ${png.width}x${png.height} pixels, but it is used at ${size}x${size}`);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Command line

function parseArguments(argv) {
  const options = { file: 'manifest.xml', expectedNamespace: DEFAULT_NAMESPACE };
  const rest = [...argv];
  while (rest.length > 0) {
    const argument = rest.shift();
    if (argument === '--namespace') options.expectedNamespace = rest.shift() || null;
    else if (argument === '--help' || argument === '-h') options.help = true;
    else if (argument.startsWith('--')) throw new SetupError(`unknown option ${argument}`);
    else options.file = argument;
  }
  return options;
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`validate-manifest: ${error.message}`);
    return 2;
  }
  if (options.help) {
    console.log('usage: node scripts/validate-manifest.mjs [manifest.xml] [--namespace NAME]');
    console.log('Validates the manifest against ../shared/schemas (or AWARDS_SCHEMAS_DIR) and checks resource ids,');
    console.log('the custom functions namespace (default PCC), https URLs and icon files.');
    return 0;
  }
  const shown = path.relative(process.cwd(), path.resolve(options.file)) || options.file;
  let result;
  try {
    result = await validateManifest(options.file, { expectedNamespace: options.expectedNamespace });
  } catch (error) {
    if (error instanceof SetupError) {
      console.error(`validate-manifest: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const format = (problem, kind) => `${shown}${problem.line ? `:${problem.line}` : ''}: ${kind}: ${problem.message}`;
  for (const warning of result.warnings) console.warn(format(warning, 'warning'));
  if (result.errors.length === 0) {
    console.log(`${shown} is valid`);
    return 0;
  }
  for (const error of result.errors) console.error(format(error, 'error'));
  console.error(`${shown} is not valid: ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}`);
  return 1;
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (invokedDirectly) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(`validate-manifest: unexpected failure: ${error.stack ?? error}`);
      process.exitCode = 2;
    },
  );
}
