import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const projectRoot = path.resolve(__dirname, '..');
const validator = path.join(projectRoot, 'scripts', 'validate-manifest.mjs');
const realManifest = readFileSync(path.join(projectRoot, 'manifest.xml'), 'utf8');

interface Run {
  status: number | null;
  output: string;
}

function validate(manifestPath: string, env: NodeJS.ProcessEnv = process.env): Run {
  const result = spawnSync(process.execPath, [validator, manifestPath], { cwd: projectRoot, env, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The real manifest with `from` replaced by `to`; fails if `from` is no longer in it. */
function edited(from: string | RegExp, to: string): string {
  const changed = realManifest.replace(from, to);
  if (changed === realManifest) throw new Error(`the manifest no longer contains ${String(from)}`);
  return changed;
}

/** The 1-based line of the real manifest that holds `text`. */
function lineOf(text: string): number {
  return realManifest.slice(0, realManifest.indexOf(text)).split('\n').length;
}

let workDir: string;

beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'awards-manifest-'));
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

/** Writes `manifest` into a fresh folder beside a copy of assets/ (less `withoutAssets`). */
function stage(name: string, manifest: string, withoutAssets: string[] = []): string {
  const folder = path.join(workDir, name);
  cpSync(path.join(projectRoot, 'assets'), path.join(folder, 'assets'), {
    recursive: true,
    filter: (source) => !withoutAssets.includes(path.basename(source)),
  });
  const file = path.join(folder, 'manifest.xml');
  writeFileSync(file, manifest);
  return file;
}

describe('manifest.xml', () => {
  it('passes the schema and every check the schema cannot make', () => {
    const run = validate('manifest.xml');
    expect(run.output).toContain('manifest.xml is valid');
    expect(run.status).toBe(0);
  });

  it('keeps every web address under the dev prefix that the production build rewrites', () => {
    const urls = realManifest.match(/https?:\/\/[^"<\s]+/g) ?? [];
    const webAddresses = urls.filter((url) => !url.startsWith('http://schemas.microsoft.com/') && !url.startsWith('http://www.w3.org/'));
    expect(webAddresses.length).toBeGreaterThan(0);
    for (const url of webAddresses) expect(url.startsWith('https://localhost:3000/')).toBe(true);
  });

  it('registers the custom functions under the PCC namespace', () => {
    expect(realManifest).toMatch(/<Namespace resid="Functions\.Namespace"\s*\/>/);
    expect(realManifest).toMatch(/<bt:String id="Functions\.Namespace" DefaultValue="PCC"\s*\/>/);
  });
});

describe('validate-manifest', () => {
  it.each([
    {
      problem: 'a misspelt element',
      manifest: () => edited('<DisplayName ', '<DisplayNam '),
      says: ["'DisplayNam'", `:${lineOf('<DisplayName ')}:`],
    },
    {
      problem: 'a resid that names no resource',
      manifest: () => edited('<Label resid="Group.Label"/>', '<Label resid="Group.Heading"/>'),
      says: ['"Group.Heading"', 'not defined'],
    },
    {
      problem: 'a resid that names a resource of the wrong kind',
      manifest: () => edited('<Title resid="GetStarted.Title"/>', '<Title resid="GetStarted.Description"/>'),
      says: ['"GetStarted.Description"', 'ShortStrings'],
    },
    {
      problem: 'custom functions without the PCC namespace',
      manifest: () => edited(/\s*<Namespace resid="Functions\.Namespace"\s*\/>/, ''),
      says: ['no <Namespace>', 'PCC'],
    },
    {
      problem: 'a namespace that is not a valid name',
      manifest: () => edited('DefaultValue="PCC"', 'DefaultValue="P C C"'),
      says: ['"P C C"', 'not a valid name'],
    },
    {
      problem: 'a plain-http address',
      manifest: () => edited('"https://localhost:3000/functions.json"', '"http://localhost:3000/functions.json"'),
      says: ['http://localhost:3000/functions.json', 'not https'],
    },
    {
      problem: 'a task pane that would load outside the shared runtime',
      manifest: () => edited('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="LearnMore.Url"/>'),
      says: ['<FunctionFile>', 'shared runtime'],
    },
    {
      problem: 'a TaskpaneId under the shared runtime’s button',
      manifest: () => edited('<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ShowTaskpane">\n<TaskpaneId>AwardsModeller.Pane</TaskpaneId>'),
      says: ['<TaskpaneId>', 'shared runtime'],
    },
    {
      problem: 'no Permissions',
      manifest: () => edited(/<Permissions>[^<]*<\/Permissions>/, ''),
      says: ['Permissions'],
    },
  ])('fails on $problem, naming it', ({ problem, manifest, says }) => {
    const run = validate(stage(problem.replace(/\W+/g, '-'), manifest()));
    expect(run.status).toBe(1);
    for (const text of says) expect(run.output).toContain(text);
    expect(run.output).not.toContain('is valid');
  });

  it('fails when an icon file is missing', () => {
    const run = validate(stage('missing-icon', realManifest, ['icon-80.png']));
    expect(run.status).toBe(1);
    expect(run.output).toContain('icon-80.png');
    expect(run.output).toContain('does not exist');
  });

  it('fails when an icon is not the size it is used at', () => {
    const file = stage('wrong-size-icon', realManifest);
    cpSync(path.join(projectRoot, 'assets', 'icon-32.png'), path.join(path.dirname(file), 'assets', 'icon-80.png'));
    const run = validate(file);
    expect(run.status).toBe(1);
    expect(run.output).toContain('icon-80.png is 32x32 pixels, but it is used at 80x80');
  });

  it('exits 2 with a clear message when the schemas cannot be found', () => {
    const emptyFolder = mkdtempSync(path.join(workDir, 'no-schemas-'));
    const run = validate('manifest.xml', { ...process.env, AWARDS_SCHEMAS_DIR: emptyFolder });
    expect(run.status).toBe(2);
    expect(run.output).toContain('manifest schemas not found');
    expect(run.output).toContain('AWARDS_SCHEMAS_DIR');
  });

  it('exits 2 when the manifest file does not exist', () => {
    const run = validate(path.join(workDir, 'nowhere.xml'));
    expect(run.status).toBe(2);
    expect(run.output).toContain('manifest not found');
  });
});
