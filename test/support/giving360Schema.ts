/**
 * The 360Giving Data Standard's own schema (release 1.4.3, CC BY 4.0, in
 * `test/fixtures/360giving/`, copied unchanged with its README and licence), loaded into ajv to validate what `publish` writes.
 * The folder's README says how: `$schema` dropped (ajv knows only the https id), the
 * package schema's 1.4.2 grant reference mapped to the local grant schema, the
 * non-standard keywords declared. A CSV file is turned into the JSON form first, by
 * flatten-tool's "titles" rules: each column title is the schema's titles joined by
 * `:`, arrays of objects take index 0, values are cast to the schema's types, empty
 * cells are left out.
 */
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';

/** Where the schemas are: SCHEMAS_360GIVING, else the shared folder beside the worktree. */
export const SCHEMA_DIR = process.env.SCHEMAS_360GIVING ?? path.resolve(__dirname, '../fixtures/360giving');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface SchemaNode {
  title?: string;
  type?: string | string[];
  $ref?: string;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
}

function load(name: string): Record<string, unknown> {
  const file = path.join(SCHEMA_DIR, name);
  if (!existsSync(file)) throw new Error(`The 360Giving schema ${file} is missing: set SCHEMAS_360GIVING to the folder that holds it.`);
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  return schema;
}

const grantSchema = load('360-giving-schema.json');
const packageSchema = load('360-giving-package-schema.json');

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
for (const keyword of ['codelist', 'openCodelist', 'rollUp']) ajv.addKeyword(keyword);
ajv.addSchema(grantSchema);
const packageGrants = (packageSchema.properties as { grants: { items: { $ref: string } } }).grants.items.$ref;
ajv.addSchema({ ...grantSchema, $id: packageGrants });
const validatePackage = ajv.compile(packageSchema);

/** The schema's errors for a package, as readable lines; empty when it is valid. */
export function packageErrors(data: unknown): string[] {
  if (validatePackage(data)) return [];
  return (validatePackage.errors ?? []).map((error: ErrorObject) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
}

const definitions = grantSchema.$defs as Record<string, SchemaNode>;

function resolve(node: SchemaNode): SchemaNode {
  if (node.$ref === undefined) return node;
  const name = node.$ref.replace('#/$defs/', '');
  return definitions[name];
}

/** The property of `node` whose title is `title`, as [key, schema]. */
function byTitle(node: SchemaNode, title: string): [string, SchemaNode] {
  for (const [key, child] of Object.entries(resolve(node).properties ?? {})) {
    if ((child.title ?? resolve(child).title) === title) return [key, resolve(child)];
  }
  throw new Error(`the 360Giving schema has no field titled '${title}'`);
}

function cast(text: string, node: SchemaNode): Json {
  const types = Array.isArray(node.type) ? node.type : [node.type];
  if (types.includes('number')) return Number(text);
  if (types.includes('array')) return text.split(';');
  return text;
}

/** One CSV row (title → text) as a grant in the JSON form. */
export function csvRowToGrant(row: Readonly<Record<string, string>>): Record<string, Json> {
  const grant: Record<string, Json> = {};
  for (const [title, text] of Object.entries(row)) {
    if (text === '') continue;
    let node: SchemaNode = { properties: grantSchema.properties as Record<string, SchemaNode> };
    let target: Record<string, Json> = grant;
    const parts = title.split(':');
    parts.forEach((part, i) => {
      const [key, child] = byTitle(node, part);
      if (i === parts.length - 1) {
        target[key] = cast(text, child);
        return;
      }
      if (child.type === 'array') {
        const list = (target[key] ??= [{}]) as Record<string, Json>[];
        target = list[0];
        node = child.items ?? {};
      } else {
        target = (target[key] ??= {}) as Record<string, Json>;
        node = child;
      }
    });
  }
  return grant;
}
