/**
 * A real browser for the task pane's tests: the preview build (dist/preview: the add-in
 * with Office.js served from its own origin) served by scripts/serve.mjs on a free
 * port, opened in Chromium with a fresh profile. Every page
 * is watched: console errors, page errors, Content-Security-Policy violations, dialogs
 * and any request that would leave localhost are recorded, for the tests to fail on.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = join(__dirname, '..', '..');
/** The preview build: what the browser tests open. */
export const DIST = join(ROOT, 'dist', 'preview');
/** The default production build (Office.js from Microsoft's CDN). */
export const ADDIN = join(ROOT, 'dist', 'addin');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/**
 * The browser tests need Chromium: without it they fail, naming what to install —
 * a missing browser never passes as a skipped suite.
 */
export function requireChromium(): void {
  if (existsSync(CHROMIUM)) return;
  throw new Error(
    `Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH. ` +
      `The task pane's browser tests cannot run without it.`,
  );
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * A built bundle's file name: bundles carry a hash of their content
 * (`taskpane.1a2b3c4d.js`), so tests and the bench look them up by entry name.
 */
export function bundle(name: 'taskpane' | 'functions', dir = DIST, ext = 'js'): string {
  const found = readdirSync(dir).filter((file) => new RegExp(`^${name}\\.[0-9a-f]{8}\\.${ext}$`).test(file));
  if (found.length !== 1) throw new Error(`expected one ${name}.<hash>.${ext} in ${dir}, found ${found.join(', ') || 'none'}`);
  return found[0];
}

/**
 * Where a build's local copy of Office.js is, from the build's folder: the one folder
 * under office-js/, named by the package's version (`office-js/1.1.110/office.js`).
 */
export function officeJsPath(dir = DIST): string {
  const found = readdirSync(join(dir, 'office-js'));
  if (found.length !== 1) throw new Error(`expected one versioned folder in ${join(dir, 'office-js')}, found ${found.join(', ') || 'none'}`);
  return `office-js/${found[0]}/office.js`;
}

function builtSince(dir: string, sources: number): boolean {
  const html = join(dir, 'taskpane.html');
  return existsSync(html) && statSync(html).mtimeMs >= sources;
}

/**
 * Builds the preview (webpack, production, `--env preview`) when it is missing or older
 * than its sources. It needs Office.js from the @microsoft/office-js package (or
 * OFFICE_JS_DIR); without it the build fails, saying so.
 */
export function ensureBuilt(): void {
  const sources = Math.max(newestMtime(join(ROOT, 'src')), statSync(join(ROOT, 'webpack.config.js')).mtimeMs, statSync(join(ROOT, 'manifest.xml')).mtimeMs);
  if (builtSince(DIST, sources)) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--env', 'preview'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Builds the default production build (dist/addin) when it is missing or older than its sources. */
export function ensureProductionBuilt(): void {
  const sources = Math.max(newestMtime(join(ROOT, 'src')), statSync(join(ROOT, 'webpack.config.js')).mtimeMs, statSync(join(ROOT, 'manifest.xml')).mtimeMs);
  if (builtSince(ADDIN, sources)) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, OFFICE_JS: 'cdn', ADDIN_BASE_URL: '' },
  });
}

export interface Server {
  url: string;
  stop(): void;
}

/** Serves a folder with scripts/serve.mjs on a free port (`options`: more of its flags, `--no-cache`). */
export function serveFolder(root = DIST, options: readonly string[] = []): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.mjs'), '--root', root, '--port', '0', ...options], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve.mjs did not start: ${output}`)), 15000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /at (http:\/\/[^\s]+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], stop: () => child.kill() });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.mjs exited (${code}): ${output}`));
    });
  });
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh profile, headless, no background traffic. */
export async function launch(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'awards-pane-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What a page did that a test must fail on. */
export interface Watch {
  problems: string[];
  dialogs: string[];
  offsite: string[];
  /**
   * What the page's Content-Security-Policy stopped that we expect it to stop: Office.js
   * frames its telemetry proxy (telemetryservice.firstpartyapps.oaspapps.com) three
   * seconds after it loads, wherever it runs; the policy blocks it before any request
   * is made, and Office.js carries on without it.
   */
  blockedByPolicy: string[];
}

/** Office.js's telemetry frame, which the pane's policy blocks on purpose. */
export const OFFICE_TELEMETRY = 'telemetryservice.firstpartyapps.oaspapps.com';

/**
 * Opens a page watched for console errors, page errors, CSP violations, dialogs and
 * requests leaving localhost (those are blocked as well as recorded).
 */
export async function openWatched(context: BrowserContext, url: string): Promise<{ page: Page; watch: Watch }> {
  const watch: Watch = { problems: [], dialogs: [], offsite: [], blockedByPolicy: [] };
  const page = await context.newPage();
  await page.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (target.protocol === 'data:' || ['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) return route.continue();
    watch.offsite.push(target.href);
    return route.abort('blockedbyclient');
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (message.text().includes(OFFICE_TELEMETRY)) watch.blockedByPolicy.push(message.text());
    else watch.problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(url);
  return { page, watch };
}

/**
 * axe on the page, every rule, but for Tabster's focus sentinels (the hidden
 * `<i data-tabster-dummy>` Fluent UI v9 puts at the ends of a TabList). They are
 * aria-hidden and focusable by design: they only pass focus on to the tab list's
 * current tab, and screen readers must not announce them. axe reports them as
 * aria-hidden-focus; Fluent lists this as a known false positive, and Microsoft's own
 * Accessibility Insights leaves them out the same way (microsoft/tabster#288,
 * microsoft/accessibility-insights-web#7605). The keyboard tests prove focus never
 * rests on one.
 */
export function axeOf(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).exclude('[data-tabster-dummy]');
}

/** Retries an assertion until it holds or `timeout` ms pass (the pane redraws after the current task). */
export async function eventually(assertion: () => Promise<void>, timeout = 5000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Resolves once the pane's `Run scenarios` button is enabled: the pane has read its model. */
export async function paneReady(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('button')).some((b) => b.textContent === 'Run scenarios' && !b.disabled));
}

/** Resolves once no command is running in the pane. */
export async function paneIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.pane-body')?.getAttribute('aria-busy') === 'false');
}

/** Clicks `Run scenarios` and waits for the answer, which must come with no alert. */
export async function runScenarios(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run scenarios' }).click();
  await paneIdle(page);
  expect(await page.locator('#alert').textContent()).toBe('');
  await page.locator('#answer-funds').waitFor();
}

/** Where the browser tests leave their screenshots. */
export const SHOTS = join(ROOT, 'test-results');

/** The preview, built and served, and a browser, held for one describe block's tests. */
export interface ServedPreview {
  readonly server: Server;
  readonly browser: Browser;
}

/**
 * Builds the preview if it is out of date, serves it and opens a browser before a describe
 * block's tests (jest's beforeAll), and closes both after them.
 */
export function servedPreview(): ServedPreview {
  const held: { server?: Server; browser?: Browser } = {};
  beforeAll(async () => {
    ensureBuilt();
    held.server = await serveFolder();
    held.browser = await launch();
    mkdirSync(SHOTS, { recursive: true });
  }, 180000);
  afterAll(async () => {
    await held.browser?.close();
    held.server?.stop();
  });
  return {
    get server(): Server {
      if (held.server === undefined) throw new Error('servedPreview: the server starts in beforeAll');
      return held.server;
    },
    get browser(): Browser {
      if (held.browser === undefined) throw new Error('servedPreview: the browser starts in beforeAll');
      return held.browser;
    },
  };
}
