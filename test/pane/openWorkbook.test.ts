/**
 * The preview on the person's own workbook (issue 11, point 6), in a real browser: an
 * .xlsx chosen with `Open a workbook…` is read in the page, run, and its result
 * downloaded — then read back here, in Node, by the same package layer.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { INPUT_TABLES, readModel, runModel, sampleModel } from '../../src/engine/model';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { ensureBuilt, launch, openWatched, requireChromium, ROOT, serveFolder, type Browser, type Server, type Watch } from './browser';

requireChromium();

const SHOTS = join(ROOT, 'test-results');

async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.pane-body')?.getAttribute('aria-busy') === 'false');
}

/** The message the package layer (and so the command line) gives for these bytes. */
function packageMessage(bytes: Uint8Array, file: string): string {
  try {
    XlsxWorkbook.fromBytes(bytes, file);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${file} opened: the test needs a file the package layer refuses`);
}

describe.each([350, 1280])('the preview at %p pixels, on a workbook opened from a file', (width) => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let watch: Watch;
  let dir: string;

  beforeAll(async () => {
    ensureBuilt();
    server = await serveFolder();
    browser = await launch();
    dir = mkdtempSync(join(tmpdir(), 'awards-open-'));
    mkdirSync(SHOTS, { recursive: true });
  }, 180000);

  afterAll(async () => {
    await browser?.close();
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    ({ page, watch } = await openWatched(browser.context, `${server.url}taskpane.html?empty`));
    await page.setViewportSize({ width, height: 800 });
    await page.getByText('Open a workbook…').waitFor();
  });

  afterEach(async () => {
    expect(watch.problems).toEqual([]);
    expect(watch.offsite).toEqual([]);
    await page.close();
  });

  it('reads it in the page, runs it, and downloads a result that reads back with the output sheets', async () => {
    const model = await XlsxWorkbook.fromTables(sampleModel(), { file: 'model.xlsx' });
    const path = join(dir, 'model.xlsx');
    writeFileSync(path, model.toBytes());
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET') requests.push(`${request.method()} ${request.url()}`);
    });

    await page.locator('#open-workbook').setInputFiles(path);
    await page.locator('#answer-funds').waitFor();
    await idle(page);
    expect(await page.locator('#alert').textContent()).toBe('');
    expect(await page.locator('#file-status').textContent()).toContain('model.xlsx is open in this page');
    expect(await page.locator('#status-text').textContent()).toMatch(/Ran Indicative and Confirmed/);
    await page.screenshot({ path: join(SHOTS, `open-workbook-${width}.png`) });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the result' }).click()]);
    expect(download.suggestedFilename()).toBe('model (result).xlsx');
    const saved = await download.path();
    if (!saved) throw new Error('the download was not saved');
    const result = XlsxWorkbook.fromBytes(new Uint8Array(readFileSync(saved)), 'model (result).xlsx');
    expect(await result.ownedSheetNames()).toEqual(expect.arrayContaining(['Allocations', 'Fund ledger', 'Checks', 'Comparison']));
    const inputs = await result.readTables(INPUT_TABLES);
    expect(inputs).toEqual(await model.readTables(INPUT_TABLES));

    // The ledger written into the file is the engine's own for the same model.
    const byName = Object.fromEntries(sampleModel().map((t) => [t.name, t]));
    const expected = runModel(readModel(byName, '2021-03-01'), { stamp: 's', today: '2021-03-01' });
    const awarded = expected.ledger.find((r) => r.scenario === 'Confirmed' && r.fund === 'Victim Services Grant')?.awarded;
    const cell = page.locator('#answer-funds tr[data-fund="Victim Services Grant"] [data-key="awarded"]');
    expect(Number(await cell.getAttribute('data-value'))).toBe(awarded);
    expect(requests).toEqual([]);
  });

  it('shows the package layer’s own message for a file that is not a workbook, and keeps the pane as it was', async () => {
    const bytes = new TextEncoder().encode('Recipient,Amount\nSafer Homes,1000\n');
    const path = join(dir, 'not-a-workbook.xlsx');
    writeFileSync(path, bytes);
    await page.locator('#open-workbook').setInputFiles(path);
    const alert = page.locator('#file-alert');
    await alert.locator('p').waitFor();
    expect(await alert.textContent()).toBe(packageMessage(bytes, 'not-a-workbook.xlsx'));
    expect(await page.getByRole('button', { name: 'Download the result' }).count()).toBe(0);
  });
});
