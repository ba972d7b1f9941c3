/**
 * The task pane in a real browser, in preview mode: the built taskpane.html served
 * from a static server, outside Office, on its in-memory workbook.
 */
import { mkdirSync } from 'fs';
import { join } from 'path';
import type { Locator, Page } from 'playwright-core';
import { findScenarioIncomeRow, readModel, runModel, sampleModel } from '../../src/engine/model';
import type { TableData } from '../../src/engine/sheet';
import { paneReady, eventually, axeOf, requireChromium, ensureBuilt, launch, openWatched, ROOT, serveFolder, type Browser, type Server, type Watch } from './browser';

const CONFIRMED_FIGURE = 1150000;
const XSS = '<img src=x onerror=alert(1)>';
const XSS_FLAG = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

requireChromium();

/** The model's own comparison of Indicative and Confirmed, with the confirmed figure entered. */
function expectedVariance(confirmed: number): { variance: number; variancePct: number | null } {
  const tables: TableData[] = sampleModel();
  const byName = Object.fromEntries(tables.map((t) => [t.name, t]));
  const row = findScenarioIncomeRow(readModel(byName, '2021-03-01'), 'Confirmed', 'Victim Services Grant');
  if (row === null) throw new Error('the sample model has no Confirmed row for the Victim Services Grant');
  const scenarios = byName.Scenarios;
  scenarios.rows[row][scenarios.headers.indexOf('Income')] = confirmed;
  const result = runModel(readModel(byName, '2021-03-01'), {
    scenarios: ['Indicative', 'Confirmed'],
    compare: ['Indicative', 'Confirmed'],
    stamp: 'test',
    today: '2021-03-01',
  });
  const total = result.comparison?.fundTotals.find((r) => r.fund === 'Victim Services Grant');
  if (!total) throw new Error('the comparison has no Victim Services Grant total');
  return { variance: total.variance, variancePct: total.variancePct };
}

const pounds = (value: number): string =>
  `${value < 0 ? '-' : '+'}£${Math.abs(value).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Turns the pane to one of its own tabs (Run, Grant, Compare, Appendices, Model). */
async function paneTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tablist', { name: 'Pane controls' }).getByRole('tab', { name, exact: true });
  await tab.click();
  await eventually(async () => expect(await tab.getAttribute('aria-selected')).toBe('true'));
}

async function statusText(page: Page): Promise<string> {
  return (await page.locator('#status-text').textContent()) ?? '';
}

/** Waits for a command to finish and fails with the pane's own alert if it failed. */
async function finished(page: Page, done: RegExp): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.pane-body')?.getAttribute('aria-busy') === 'false');
  const alert = (await page.locator('#alert').textContent()) ?? '';
  expect(alert).toBe('');
  expect(await statusText(page)).toMatch(done);
}

async function textIn(locator: Locator): Promise<string> {
  await locator.first().waitFor();
  return (await locator.first().textContent()) ?? '';
}

function expectClean(watch: Watch): void {
  expect(watch.problems).toEqual([]);
  expect(watch.dialogs).toEqual([]);
  expect(watch.offsite).toEqual([]);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await axeOf(page).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

describe('task pane preview', () => {
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    ensureBuilt();
    server = await serveFolder();
    browser = await launch();
  }, 180000);

  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });

  describe('from an empty workbook, a user', () => {
    let page: Page;
    let watch: Watch;

    beforeAll(async () => {
      ({ page, watch } = await openWatched(browser.context, `${server.url}taskpane.html?empty`));
      await page.getByRole('button', { name: 'Create sample model' }).waitFor();
    });

    afterAll(async () => {
      await page?.close();
    });

    afterEach(() => expectClean(watch));

    it('sees that the page is a preview, not Excel', async () => {
      await eventually(async () => expect(await textIn(page.getByRole('banner'))).toContain('Preview'));
      await eventually(async () => expect(await textIn(page.getByRole('banner'))).toContain('not connected to Excel'));
      expect(await page.title()).toContain('Preview');
    });

    it('is offered the sample model, and cannot run before there is one', async () => {
      await eventually(async () => expect(await textIn(page.locator('#model-status'))).toContain('No model in this workbook'));
      // With no model, the pane opens on its Model tab, where the sample is.
      expect(await page.getByRole('tab', { name: 'Model', exact: true }).getAttribute('aria-selected')).toBe('true');
      await paneTab(page, 'Run');
      expect(await page.getByRole('button', { name: 'Run scenarios' }).isDisabled()).toBe(true);
      await paneTab(page, 'Model');
    });

    it('creates the sample model', async () => {
      await page.getByRole('button', { name: 'Create sample model' }).click();
      await finished(page, /Sample model created/);
      await eventually(async () => expect(await textIn(page.locator('#model-status'))).toContain('Model found: Funds, Awards, Scenarios'));
      await eventually(async () => expect(await page.getByRole('tab', { name: 'Awards' }).count()).toBe(1));
      expect(await page.getByRole('checkbox', { name: 'Indicative' }).isChecked()).toBe(true);
      expect(await page.getByRole('checkbox', { name: 'Confirmed' }).isChecked()).toBe(true);
    });

    it('runs Indicative and Confirmed, and sees the ledger and the checks', async () => {
      await page.getByRole('button', { name: 'Run scenarios' }).click();
      await finished(page, /Ran Indicative and Confirmed/);
      await eventually(async () => expect(await textIn(page.getByRole('table', { name: 'Awarded by fund' }))).toContain('Victim Services Grant'));
      expect(await page.getByRole('list', { name: 'Checks' }).getByRole('listitem').count()).toBeGreaterThan(0);
      for (const sheet of ['Allocations', 'Fund ledger', 'Checks', 'Comparison', 'Commitments']) {
        await eventually(async () => expect(await page.getByRole('tab', { name: sheet, exact: true }).count()).toBe(1));
      }
    });

    it('enters the confirmed grant and reads the variance the model computes', async () => {
      await paneTab(page, 'Grant');
      const field = page.getByRole('textbox', { name: 'Confirmed MoJ grant' });
      await field.fill(String(CONFIRMED_FIGURE));
      await field.press('Enter');
      await finished(page, /Entered £1,150,000\.00 as the confirmed Victim Services Grant/);

      const expected = expectedVariance(CONFIRMED_FIGURE);
      const cell = page.locator('#glance tr[data-key="variance"] td').first();
      expect(Number(await cell.getAttribute('data-value'))).toBe(expected.variance);
      expect(await cell.textContent()).toBe(pounds(expected.variance));
      const pct = page.locator('#glance tr[data-key="variance-pct"] td').first();
      expect(Number(await pct.getAttribute('data-value'))).toBeCloseTo(expected.variancePct ?? NaN, 10);
      await eventually(async () => expect(await textIn(page.locator('#glance tr[data-key="lines-scaled"]'))).toContain('line'));

      // The Scenarios table now holds the figure, and the Comparison sheet has its chart.
      await page.getByRole('tab', { name: 'Comparison' }).click();
      await eventually(async () => expect(await page.getByRole('img', { name: /Indicative vs Confirmed by fund/ }).count()).toBe(1));
      await page.getByRole('tab', { name: 'Scenarios' }).click();
      await eventually(async () => expect(await textIn(page.locator('table[data-table="Scenarios"]'))).toContain('1,150,000'));
    });

    it('activates a check and sees its Awards row selected', async () => {
      const check = page.getByRole('list', { name: 'Checks' }).locator('button[data-table="Awards"]').first();
      const row = await check.getAttribute('data-row');
      await check.focus();
      await page.keyboard.press('Enter');
      await eventually(async () => expect(await textIn(page.locator('#status-text'))).toContain('Selected Awards row'));
      await eventually(async () => expect(await page.getByRole('tab', { name: 'Awards' }).getAttribute('aria-selected')).toBe('true'));
      const selected = page.locator('table[data-table="Awards"] tr.selected');
      await eventually(async () => expect(await selected.count()).toBe(1));
      expect(await selected.getAttribute('data-row')).toBe(row);
      expect(await selected.getAttribute('aria-current')).toBe('true');
    });

    it('builds the appendices for Confirmed and sees Appendix 1 with its title', async () => {
      await paneTab(page, 'Appendices');
      await page.getByLabel('Scenario for the appendices').selectOption('Confirmed');
      await page.getByRole('button', { name: 'Build appendices' }).click();
      await finished(page, /Wrote .*Appendix 1/);
      await page.getByRole('tab', { name: 'Appendix 1' }).click();
      const panel = page.locator('.workbook').getByRole('tabpanel');
      await eventually(async () => expect(await textIn(panel)).toContain('Appendix 1: Victim Services Grant awards 2021/22 (Confirmed)'));
      await panel.locator('table[data-table="Appendix1"] tbody tr').first().waitFor({ state: 'visible' });
      await eventually(async () => expect(await textIn(panel.locator('table[data-table="Appendix1"] thead'))).toContain('Recipient'));
    });

    it('compares two scenarios', async () => {
      await paneTab(page, 'Compare');
      await page.getByLabel('First scenario').selectOption('Confirmed');
      await page.getByLabel('Second scenario').selectOption('Indicative');
      await page.getByRole('button', { name: 'Compare' }).click();
      await finished(page, /Wrote Comparison/);
      await eventually(async () => expect(await textIn(page.locator('.workbook').getByRole('tabpanel'))).toContain('Indicative against Confirmed'));
    });

    it('meets WCAG with no serious or critical axe violation', async () => {
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('leaves a screenshot of the pane', async () => {
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      await page.getByRole('tab', { name: 'Comparison' }).click();
      await page.screenshot({ path: join(ROOT, 'test-results', 'pane.png'), fullPage: false });
    });
  });

  describe('on the built-in sample', () => {
    let page: Page;
    let watch: Watch;

    beforeEach(async () => {
      ({ page, watch } = await openWatched(browser.context, `${server.url}taskpane.html`));
      await paneReady(page);
    });

    afterEach(async () => {
      expectClean(watch);
      await page.close();
    });

    it('starts with the sample model loaded', async () => {
      await eventually(async () => expect(await textIn(page.locator('#model-status'))).toContain('Model found'));
      for (const [tab, name] of [['Run', 'Run scenarios'], ['Compare', 'Compare'], ['Appendices', 'Build appendices'], ['Model', 'Create sample model']]) {
        await paneTab(page, tab);
        await eventually(async () => expect(await page.getByRole('button', { name, exact: true }).count()).toBe(1));
      }
      await paneTab(page, 'Grant');
      await eventually(async () => expect(await page.getByRole('textbox', { name: 'Confirmed MoJ grant' }).inputValue()).toBe('1112400'));
      await eventually(async () => expect(await page.getByRole('list', { name: 'Checks' }).count()).toBe(1));
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('can be worked from the keyboard: Tab to Run scenarios and press Enter', async () => {
      let found = false;
      for (let i = 0; i < 40 && !found; i++) {
        await page.keyboard.press('Tab');
        found = await page.evaluate(() => document.activeElement?.textContent === 'Run scenarios');
      }
      expect(found).toBe(true);
      // Focus is visible: an outline in a colour, or Fluent's focus ring (a box shadow).
      const ring = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return { outline: style.outlineStyle !== 'none' && style.outlineColor !== 'rgba(0, 0, 0, 0)' && style.outlineWidth !== '0px', shadow: style.boxShadow };
      });
      expect(ring.outline || ring.shadow !== 'none').toBe(true);
      await page.keyboard.press('Enter');
      await finished(page, /Ran Indicative and Confirmed/);
    });

    it('shows a recipient named like HTML as text, and runs none of it', async () => {
      await page.evaluate(async ([first, second]) => {
        const preview = window.awardsPreview;
        if (!preview) throw new Error('no preview handle');
        await preview.workbook.setTableCell('Awards', 1, 'Recipient', first);
        await preview.workbook.setTableCell('Awards', 2, 'Recipient', second);
        await preview.refresh();
      }, [XSS, XSS_FLAG]);
      await page.getByRole('button', { name: 'Run scenarios' }).click();
      await finished(page, /Ran/);
      await page.getByRole('tab', { name: 'Allocations' }).click();
      await page.getByRole('cell', { name: XSS, exact: true }).first().waitFor({ state: 'visible' });
      await page.getByRole('cell', { name: XSS_FLAG, exact: true }).first().waitFor({ state: 'visible' });
      await page.getByRole('tab', { name: 'Awards' }).click();
      await eventually(async () => expect(await page.getByRole('cell', { name: XSS, exact: true }).count()).toBe(1));
      expect(await page.evaluate(() => document.querySelectorAll('img, script:not([src])').length)).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(watch.dialogs).toEqual([]);
    });

    it('says in plain words when the confirmed figure is not an amount', async () => {
      await paneTab(page, 'Grant');
      const field = page.getByRole('textbox', { name: 'Confirmed MoJ grant' });
      await field.fill('-5');
      await page.getByRole('button', { name: 'Apply confirmed grant' }).click();
      await eventually(async () => expect(await textIn(page.locator('#grant-error'))).toContain('cannot be negative'));
      await field.fill('1112400.555');
      await field.press('Enter');
      await eventually(async () => expect(await textIn(page.locator('#grant-error'))).toContain('more than two decimal places'));
    });

    it('refuses, in plain words, to create the sample over the existing model', async () => {
      await paneTab(page, 'Model');
      await page.getByRole('button', { name: 'Create sample model' }).click();
      await eventually(async () => expect(await textIn(page.locator('#alert'))).toContain('already has a sheet named'));
    });
  });
});
