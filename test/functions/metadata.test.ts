/**
 * functions.json is generated from the JSDoc by the build (npm test builds first). A
 * function or parameter without a description is a function a finance user cannot
 * read in Excel's formula bar: fail.
 */
import { existsSync, readFileSync, readdirSync } from 'fs';
import { join } from 'path';

const DIST = join(__dirname, '..', '..', 'dist', 'addin');
/** The built file named `name.<content hash>.ext` (the build names bundles by their content). */
const built = (name: string, ext: string): string =>
  join(DIST, (existsSync(DIST) ? readdirSync(DIST) : []).find((f) => new RegExp(`^${name}\\.[0-9a-f]{8}\\.${ext}$`).test(f)) ?? `${name}.${ext}`);
const FILE = built('functions', 'json');

interface Metadata {
  functions: { id: string; name: string; description?: string; parameters: { name: string; description?: string }[] }[];
}

function metadata(): Metadata {
  if (!existsSync(FILE)) throw new Error(`${FILE} is missing: run npm run build first.`);
  return JSON.parse(readFileSync(FILE, 'utf8')) as Metadata;
}

describe('functions.json', () => {
  it('registers the six PCC functions', () => {
    expect(metadata().functions.map((f) => f.id).sort()).toEqual(['ALLOCATE', 'FY', 'PRORATA', 'RINGFENCE', 'SCALE', 'SPLIT']);
  });

  it('describes every function and every parameter', () => {
    const undescribed = metadata().functions.flatMap((f) => [
      ...(f.description?.trim() ? [] : [f.id]),
      ...f.parameters.filter((p) => !p.description?.trim()).map((p) => `${f.id}(${p.name})`),
    ]);
    expect(undescribed).toEqual([]);
  });

  it('associates every function with its code in the built bundle', () => {
    const bundle = readFileSync(built('functions', 'js'), 'utf8');
    for (const { id } of metadata().functions) expect(bundle).toContain(`CustomFunctions.associate("${id}"`);
  });

  it('takes ranges as matrices and spills array results', () => {
    const byId = new Map(metadata().functions.map((f) => [f.id, f as unknown as Record<string, unknown>]));
    const split = byId.get('SPLIT') as { parameters: { name: string; dimensionality?: string }[]; result: { dimensionality?: string } };
    expect(split.parameters.find((p) => p.name === 'weights')?.dimensionality).toBe('matrix');
    expect(split.result.dimensionality).toBe('matrix');
  });
});
