/**
 * Starting up as Microsoft documents it: Office.js by a static tag in the page's head,
 * `Office.onReady` deciding whether this is Excel, a time limit on it, and the built
 * files' names, policy and manifest. The decision in Node; the built files as built;
 * the real Office.js outside Office in Chromium.
 */
import { createHash } from 'crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ChangeGate } from '../../src/taskpane/office';
import { decideWhere, type OfficeReady } from '../../src/taskpane/startup';
import { ADDIN, DIST, ROOT, bundle, ensureBuilt, ensureProductionBuilt, launch, officeJsPath, openWatched, requireChromium, serveFolder } from './browser';

const office = (host: unknown): OfficeReady => ({ onReady: async () => ({ host, platform: null }) });
const never: OfficeReady = { onReady: () => new Promise(() => undefined) };

describe('where the pane runs', () => {
  it.each([
    ['Excel answers', office('Excel'), '', false, { kind: 'excel' }],
    ['onReady gives no host (a plain browser)', office(null), '', false, { kind: 'preview' }],
    ['another Office application', office('Word'), '', false, { kind: 'other-host', host: 'Word' }],
    ['?preview, even in Excel', office('Excel'), '?preview', true, { kind: 'preview' }],
    ['Office.js missing in a plain browser', undefined, '', false, { kind: 'preview' }],
    ['Office.js missing inside Office’s frame', undefined, '', true, { kind: 'office-missing' }],
    ['a _host_Info parameter alone, which decides nothing', office(null), '?_host_Info=Excel$Win32$16.01$en-GB', false, { kind: 'preview' }],
  ])('%s', async (_case, given, search, framed, where) => {
    expect(await decideWhere({ office: given, search, framed })).toEqual(where);
  });

  it('says so instead of loading for ever when onReady never answers', async () => {
    expect(await decideWhere({ office: never, search: '', framed: true, limitMs: 30 })).toEqual({ kind: 'no-answer', seconds: 0 });
  });
});

describe('the production build (Office.js from Microsoft’s CDN)', () => {
  let html: string;
  beforeAll(() => {
    ensureProductionBuilt();
    html = readFileSync(join(ADDIN, 'taskpane.html'), 'utf8');
  });

  it('references Office.js by a static tag in the head, before any script of ours', () => {
    const head = html.slice(0, html.indexOf('</head>'));
    const scripts = [...head.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts[0]).toBe('https://officeapis.public.onecdn.static.microsoft/1/office.js');
    expect(scripts.slice(1)).toEqual([bundle('taskpane', ADDIN)]);
    expect(html).not.toMatch(/<body[\s\S]*<script/);
  });

  it('lets Office.js load under its Content-Security-Policy: the CDN and its legacy name, nothing else', () => {
    const csp = /Content-Security-Policy content="([^"]+)"/.exec(html)?.[1] ?? '';
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self' https://officeapis.public.onecdn.static.microsoft https://appsforoffice.microsoft.com");
    expect(csp).toContain("connect-src 'self'");
  });

  it('never reads _host_Info: Office.onReady decides', () => {
    for (const file of [bundle('taskpane', ADDIN), bundle('functions', ADDIN)]) {
      expect(readFileSync(join(ADDIN, file), 'utf8')).not.toContain('_host_Info');
    }
    expect(readFileSync(join(ADDIN, bundle('taskpane', ADDIN)), 'utf8')).toContain('onReady');
  });

  it('names every bundle by its content, and the manifest names those files', () => {
    const manifest = readFileSync(join(ADDIN, 'manifest.xml'), 'utf8');
    const json = bundle('functions', ADDIN, 'json');
    const content = readFileSync(join(ADDIN, json), 'utf8');
    expect(json).toBe(`functions.${createHash('sha256').update(content).digest('hex').slice(0, 8)}.json`);
    expect(manifest).toContain(`"https://localhost:3000/${json}"`);
    expect(manifest).toContain(`"https://localhost:3000/${bundle('functions', ADDIN)}"`);
    expect(readdirSync(ADDIN)).not.toEqual(expect.arrayContaining(['functions.json']));
    expect(readdirSync(ADDIN).filter((f) => /^(taskpane|functions)\.js$/.test(f))).toEqual([]);
    expect(html).toContain(`content=${bundle('functions', ADDIN)}`);
  });

  it('turns allowCustomDataForDataTypeAny off: data types reach the functions as their basic values', () => {
    const metadata = JSON.parse(readFileSync(join(ADDIN, bundle('functions', ADDIN, 'json')), 'utf8')) as { allowCustomDataForDataTypeAny: boolean; functions: unknown[] };
    expect(metadata.allowCustomDataForDataTypeAny).toBe(false);
    expect(metadata.functions.length).toBeGreaterThan(0);
  });

  it('has no TaskpaneId under the shared runtime’s button', () => {
    const manifest = readFileSync(join(ADDIN, 'manifest.xml'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    expect(manifest).toContain('<Runtime resid="Taskpane.Url" lifetime="long"/>');
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">\s*<SourceLocation resid="Taskpane.Url"\/>\s*<\/Action>/);
    expect(manifest).not.toContain('<TaskpaneId>');
  });

  it('copies no Office.js of its own', () => {
    expect(existsSync(join(ADDIN, 'office-js'))).toBe(false);
  });
});

describe('the folder of a local Office.js copy', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { officeJsFolder } = require('../../webpack.config.js') as { officeJsFolder(dir: string): string };
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'awards-officejs-'));
    mkdirSync(join(work, 'dist'));
    writeFileSync(join(work, 'dist', 'office.js'), 'var Office = {};');
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));
  const hashed = (): string => `office-js/${createHash('sha256').update('var Office = {};').digest('hex').slice(0, 8)}`;

  it("is named by the @microsoft/office-js package's version beside its dist/", () => {
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: '@microsoft/office-js', version: '1.2.3' }));
    expect(officeJsFolder(join(work, 'dist'))).toBe('office-js/1.2.3');
  });

  it("is named by a hash of office.js when dist/ has no such package beside it", () => {
    expect(officeJsFolder(join(work, 'dist'))).toBe(hashed());
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'someone-elses-copy', version: '1.2.3' }));
    expect(officeJsFolder(join(work, 'dist'))).toBe(hashed());
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: '@microsoft/office-js', version: '../1.2.3' }));
    expect(officeJsFolder(join(work, 'dist'))).toBe(hashed());
  });
});

describe('the preview build in Chromium, with the real Office.js outside Office', () => {
  beforeAll(() => {
    requireChromium();
    ensureBuilt();
  });

  it('serves Office.js from its own origin, in a folder named by its version, under a policy of its own origin only', () => {
    const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
    const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@microsoft', 'office-js', 'package.json'), 'utf8')) as { version: string };
    expect(officeJsPath()).toBe(`office-js/${version}/office.js`);
    expect(html).toContain(`<script src=office-js/${version}/office.js></script>`);
    expect(html).toContain("script-src 'self';");
    expect(existsSync(join(DIST, 'office-js', version, 'office.js'))).toBe(true);
    expect(existsSync(join(DIST, 'office-js', version, 'o15apptofilemappingtable.js'))).toBe(true);
  });

  it('finds no host in Office.onReady and starts in preview, with no request leaving the page', async () => {
    const server = await serveFolder(DIST);
    const browser = await launch();
    try {
      const { page, watch } = await openWatched(browser.context, `${server.url}taskpane.html`);
      await page.waitForFunction(() => document.documentElement.dataset.mode !== undefined, null, { timeout: 30_000 });
      expect(await page.evaluate(() => document.documentElement.dataset.mode)).toBe('preview');
      const ready = await page.evaluate(async () => {
        const info = await Office.onReady();
        return { host: info.host, officeLoaded: typeof Office.onReady === 'function' };
      });
      expect(ready).toEqual({ host: null, officeLoaded: true });
      await page.getByRole('button', { name: 'Run scenarios' }).waitFor();
      // Office.js frames its telemetry proxy 3 s after loading: the policy must stop it.
      await page.waitForTimeout(4000);
      expect(watch.blockedByPolicy.length).toBeGreaterThan(0);
      expect({ ...watch, blockedByPolicy: [] }).toEqual({ problems: [], dialogs: [], offsite: [], blockedByPolicy: [] });
    } finally {
      await browser.close();
      server.stop();
    }
  });

  it('takes Office.js and the hashed bundles from the browser cache without asking, and asks after the page', async () => {
    const server = await serveFolder(DIST);
    const browser = await launch();
    try {
      // A plain page: Playwright's request routing (openWatched) would turn the cache off.
      const page = await browser.context.newPage();
      const visit = async (): Promise<Record<string, number>> => {
        await page.goto('about:blank');
        await page.goto(`${server.url}taskpane.html`);
        await page.getByRole('button', { name: 'Run scenarios' }).waitFor();
        return page.evaluate(() => {
          const sizes: Record<string, number> = {};
          for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
            sizes[new URL(entry.name).pathname.slice(1)] = entry.transferSize;
          }
          const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
          sizes['taskpane.html'] = navigation.transferSize;
          return sizes;
        });
      };
      const officeJs = officeJsPath();
      const kept = [officeJs, officeJs.replace('office.js', 'o15apptofilemappingtable.js'), bundle('taskpane')];
      const first = await visit();
      for (const file of kept) expect([file, first[file] > 0]).toEqual([file, true]);
      const again = await visit();
      // transferSize 0: from the cache, no request sent; a revalidated file costs at least its 304's headers.
      for (const file of kept) expect([file, again[file]]).toEqual([file, 0]);
      expect(again['taskpane.html']).toBeGreaterThan(0);
    } finally {
      await browser.close();
      server.stop();
    }
  });
});

describe('returning to the pane', () => {
  it('re-reads the model only after a table changed, where Excel reports changes', () => {
    const gate = new ChangeGate(true);
    expect([gate.take(), gate.take()]).toEqual([false, false]);
    gate.mark();
    expect([gate.take(), gate.take()]).toEqual([true, false]);
  });

  it('re-reads on every return where Excel cannot report changes', () => {
    const gate = new ChangeGate(false);
    expect([gate.take(), gate.take()]).toEqual([true, true]);
  });
});
