/**
 * A real browser for the task pane's tests: the built add-in (dist/addin) served by
 * scripts/serve.mjs on a free port, opened in Chromium with a fresh profile. Every page
 * is watched: console errors, page errors, Content-Security-Policy violations, dialogs
 * and any request that would leave localhost are recorded, for the tests to fail on.
 */
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = join(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist', 'addin');
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

/** Builds the add-in (webpack, production) when it is missing or older than its sources. */
export function ensureBuilt(): void {
  const built = join(DIST, 'taskpane.js');
  const html = join(DIST, 'taskpane.html');
  const sources = Math.max(newestMtime(join(ROOT, 'src')), statSync(join(ROOT, 'webpack.config.js')).mtimeMs);
  if (existsSync(html) && existsSync(built) && statSync(built).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export interface Server {
  url: string;
  stop(): void;
}

/** Serves a folder with scripts/serve.mjs on a free port. */
export function serveFolder(root = DIST): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.mjs'), '--root', root, '--port', '0'], {
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
}

/**
 * Opens a page watched for console errors, page errors, CSP violations, dialogs and
 * requests leaving localhost (those are blocked as well as recorded).
 */
export async function openWatched(context: BrowserContext, url: string): Promise<{ page: Page; watch: Watch }> {
  const watch: Watch = { problems: [], dialogs: [], offsite: [] };
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
    if (message.type() === 'error') watch.problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(url);
  return { page, watch };
}
