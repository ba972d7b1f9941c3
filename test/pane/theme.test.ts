/**
 * The pane in the person's theme, in a real browser at 350 and 1280 pixels: dark when the
 * browser prefers dark (the preview's signal; inside Office the Office theme decides,
 * tested in theme.unit.test.ts), light again when the preference changes, without a
 * reload; readable either way (axe's colour contrast among its serious rules).
 */
import { join } from 'path';
import type { Page } from 'playwright-core';
import { webDarkTheme, webLightTheme } from '@fluentui/tokens';
import { axeOf, eventually, openWatched, paneReady, requireChromium, runScenarios, type Watch, servedPreview, SHOTS } from './browser';

requireChromium();

const WIDTHS = [350, 1280] as const;

/** `#rrggbb` as the `rgb(r, g, b)` getComputedStyle gives. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/** The colours the pane is drawn in: its background and the Run button's. */
async function colours(page: Page): Promise<{ pane: string; run: string; themed: string | undefined }> {
  return page.evaluate(() => ({
    pane: getComputedStyle(document.querySelector('.pane-provider') as Element).backgroundColor,
    run: getComputedStyle(Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Run scenarios') as Element).backgroundColor,
    themed: document.documentElement.dataset.themed,
  }));
}

describe.each(WIDTHS)('the pane in the person’s theme at %p pixels wide', (width) => {
  const preview = servedPreview();
  let page: Page;
  let watch: Watch;

  beforeEach(async () => {
    ({ page, watch } = await openWatched(preview.browser.context, 'about:blank'));
    await page.setViewportSize({ width, height: 800 });
  });

  afterEach(async () => {
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('is dark when the browser prefers dark, readable, and its answer too', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${preview.server.url}taskpane.html`);
    await paneReady(page);
    expect(await colours(page)).toEqual({
      pane: rgb(webDarkTheme.colorNeutralBackground1),
      run: rgb(webDarkTheme.colorBrandBackground),
      themed: 'fluent-web-dark',
    });
    // The page around the pane (the preview's banner and sheets) follows too.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(rgb(webDarkTheme.colorNeutralBackground1));
    await runScenarios(page);
    const axe = await axeOf(page).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, `theme-dark-${width}.png`), fullPage: false });
  });

  it('turns light again when the preference changes, without a reload', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${preview.server.url}taskpane.html`);
    await paneReady(page);
    expect((await colours(page)).themed).toBe('fluent-web-dark');
    // Marked on the page: still there after the change, so the page was not reloaded.
    await page.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => document.documentElement.dataset.themed === 'fluent-web-light');
    // Fluent's button eases its colour in (a CSS transition): the settled colour is the test.
    await eventually(async () => expect(await colours(page)).toEqual({
      pane: rgb(webLightTheme.colorNeutralBackground1),
      run: rgb(webLightTheme.colorBrandBackground),
      themed: 'fluent-web-light',
    }));
    expect(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
  });
});
