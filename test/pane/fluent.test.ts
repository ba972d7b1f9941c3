/**
 * The pane's Fluent UI React controls, in a real browser at 350 and 1280 pixels: the
 * tabs work from the keyboard, the grant field's message is tied to it, the tables
 * carry captions and header cells, Fluent's styles go in under the page's policy — and
 * the two defects of issue 11's last round (Lines scaled, the status line's counts).
 */
import AxeBuilder from '@axe-core/playwright';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { readModel, runModel, sampleModel, type ModelResult } from '../../src/engine/model';
import type { TableData } from '../../src/engine/sheet';
import { answerOf } from '../../src/taskpane/answer';
import { paneReady, runScenarios, eventually, openWatched, requireChromium, type Watch, servedPreview, SHOTS } from './browser';

requireChromium();

const WIDTHS = [350, 1280] as const;

function engineRun(): ModelResult {
  const byName: Record<string, TableData> = Object.fromEntries(sampleModel().map((t) => [t.name, t]));
  return runModel(readModel(byName, '2021-03-01'), {
    scenarios: ['Indicative', 'Confirmed'],
    compare: ['Indicative', 'Confirmed'],
    stamp: 'test',
    today: '2021-03-01',
  });
}

/** What has focus: its role and id, and whether it is a Tabster sentinel. */
async function focused(page: Page): Promise<{ role: string; id: string; sentinel: boolean }> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return {
      role: active?.getAttribute('role') ?? active?.tagName.toLowerCase() ?? '',
      id: active?.id ?? '',
      sentinel: active?.hasAttribute('data-tabster-dummy') ?? false,
    };
  });
}

const TABS = ['Run', 'Grant', 'Compare', 'Appendices', 'Model'];

describe.each(WIDTHS)('the Fluent UI pane at %p pixels wide', (width) => {
  const preview = servedPreview();
  let page: Page;
  let watch: Watch;

  beforeEach(async () => {
    ({ page, watch } = await openWatched(preview.browser.context, `${preview.server.url}taskpane.html`));
    await page.setViewportSize({ width, height: 800 });
    await paneReady(page);
  });

  afterEach(async () => {
    // Console errors include any Content-Security-Policy violation (browser.ts reports them).
    expect(watch.problems).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    expect(watch.offsite).toEqual([]);
    await page.close();
  });

  it('draws Fluent UI controls, their styles let in by the page’s policy', async () => {
    const controls = page.getByRole('tablist', { name: 'Pane controls' });
    expect(await controls.getAttribute('class')).toContain('fui-TabList');
    expect(await page.getByRole('button', { name: 'Run scenarios' }).getAttribute('class')).toContain('fui-Button');
    expect(await page.getByRole('checkbox', { name: 'Indicative' }).getAttribute('class')).toContain('fui-Checkbox');
    // Fluent's styles come in one stylesheet of the pane's own, made at build time (none
    // computed and inserted by the first render), and it holds the controls' rules.
    const sheets = await page.evaluate(() => Array.from(document.styleSheets).map((sheet) => ({
      href: sheet.href ?? '',
      rules: Array.from(sheet.cssRules).map((rule) => rule.cssText),
    })));
    const fluent = sheets.filter((sheet) => /\/griffel\.[0-9a-f]{8}\.css$/.test(sheet.href));
    expect(fluent).toHaveLength(1);
    expect(fluent[0].rules.length).toBeGreaterThan(300);
    // The Run button's own (atomic) classes are defined there.
    const classes = (await page.getByRole('button', { name: 'Run scenarios' }).getAttribute('class'))?.split(/\s+/) ?? [];
    const defined = classes.filter((name) => !name.startsWith('fui-') && fluent[0].rules.some((rule) => rule.includes(`.${name}`)));
    expect(defined.length).toBeGreaterThan(5);
    const inserted = await page.evaluate(() =>
      Array.from(document.querySelectorAll('style[data-make-styles-bucket]')).reduce((n, s) => n + ((s as HTMLStyleElement).sheet?.cssRules.length ?? 0), 0));
    expect(inserted).toBe(0);
    // The primary button is drawn in the brand colour, not the browser's grey.
    const background = await page.getByRole('button', { name: 'Run scenarios' }).evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(background).toBe('rgb(15, 108, 189)');
  });

  it('moves between the pane’s tabs with the arrow keys, and Tab leads into the chosen panel', async () => {
    const controls = page.getByRole('tablist', { name: 'Pane controls' });
    expect(await controls.getByRole('tab').count()).toBe(TABS.length);
    for (const [i, name] of TABS.entries()) {
      expect(await controls.getByRole('tab').nth(i).getAttribute('id')).toBe(await controls.getByRole('tab', { name, exact: true }).getAttribute('id'));
    }
    await controls.getByRole('tab', { name: 'Run', exact: true }).focus();
    for (const expected of ['Grant', 'Compare', 'Appendices', 'Model', 'Run']) {
      await page.keyboard.press('ArrowRight');
      expect(await focused(page)).toEqual({ role: 'tab', id: `pane-tab-${expected.toLowerCase()}`, sentinel: false });
      await eventually(async () => expect(await controls.getByRole('tab', { name: expected, exact: true }).getAttribute('aria-selected')).toBe('true'));
    }
    await page.keyboard.press('ArrowLeft');
    await eventually(async () => expect(await controls.getByRole('tab', { name: 'Model', exact: true }).getAttribute('aria-selected')).toBe('true'));
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const compare = controls.getByRole('tab', { name: 'Compare', exact: true });
    await eventually(async () => expect(await compare.getAttribute('aria-selected')).toBe('true'));
    const panel = page.locator(`#${await compare.getAttribute('aria-controls')}`);
    expect(await panel.getAttribute('role')).toBe('tabpanel');
    expect(await panel.getAttribute('aria-labelledby')).toBe(await compare.getAttribute('id'));
    expect(await panel.getByLabel('First scenario').isVisible()).toBe(true);
    // Only the chosen panel is drawn: the Run panel's button is gone.
    expect(await page.getByRole('button', { name: 'Run scenarios' }).count()).toBe(0);
    // Tab leaves the tab list for the panel's first control, never resting on a sentinel.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('compare-first');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toEqual({ role: 'tab', id: 'pane-tab-compare', sentinel: false });
    await page.screenshot({ path: join(SHOTS, `fluent-tabs-${width}.png`) });
  });

  it('ties the grant field’s message to it, announces it, and Enter applies', async () => {
    await page.getByRole('tablist', { name: 'Pane controls' }).getByRole('tab', { name: 'Grant', exact: true }).click();
    const field = page.getByRole('textbox', { name: 'Confirmed MoJ grant' });
    await field.fill('abc');
    await field.press('Enter');
    const error = page.locator('#grant-error');
    await error.waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const described = (await field.getAttribute('aria-describedby'))?.split(' ') ?? [];
    expect(described[0]).toBe('grant-error');
    expect(described).toEqual(expect.arrayContaining(['grant-current', 'confirmed-note']));
    for (const id of described) expect(await page.locator(`#${id}`).count()).toBe(1);
    expect(await error.textContent()).toContain("'abc' is not an amount");
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await page.locator('#grant-current').textContent()).toBe('Now £1,112,400.00; Indicative £1,080,000.00.');
    await page.screenshot({ path: join(SHOTS, `fluent-grant-error-${width}.png`) });

    await field.fill('1112400');
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#grant-error').count()).toBe(0);
    expect((await field.getAttribute('aria-describedby'))?.split(' ')).not.toContain('grant-error');
    await field.press('Enter');
    await page.waitForFunction(() => /Entered £1,112,400\.00/.test(document.getElementById('status-text')?.textContent ?? ''));
  });

  it('gives every table a caption and header cells for its columns and rows', async () => {
    await runScenarios(page);
    const funds = page.getByRole('table', { name: 'Confirmed: available, awarded and left' });
    expect(await funds.getAttribute('class')).toContain('fui-Table');
    const result = engineRun();
    const fundNames = [...new Set(result.ledger.map((row) => row.fund))];
    // The columns' headers, then each fund's name heading its group of rows (scope colgroup).
    expect(await funds.getByRole('columnheader').allTextContents()).toEqual(['Available', 'Awarded', 'Left', ...fundNames]);
    expect(await funds.locator('th[scope="colgroup"]').count()).toBe(fundNames.length);
    const ledger = page.getByRole('table', { name: 'Awarded by fund' });
    expect(await ledger.getByRole('columnheader').allTextContents()).toEqual(['Fund', 'Indicative', 'Confirmed']);
    expect(await ledger.getByRole('rowheader').allTextContents()).toEqual([...fundNames, 'All funds']);
    const glance = page.getByRole('table', { name: 'Indicative against Confirmed' });
    expect(await glance.getByRole('rowheader').allTextContents()).toEqual([
      'Total Indicative', 'Total Confirmed', 'Variance', 'Variance %', 'Lines scaled',
    ]);
    expect(await glance.getByRole('columnheader').allTextContents()).toEqual(['Victim Services Grant', 'All funds']);
    const axe = await new AxeBuilder({ page }).include('table').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });

  it('says Lines scaled per column out of that column’s lines, as the engine scaled them', async () => {
    await runScenarios(page);
    const result = engineRun();
    const confirmed = result.allocations.filter((row) => row.scenario === 'Confirmed');
    const scaled = (rows: typeof confirmed): number => rows.filter((row) => row.notes.split('; ').includes('scaled')).length;
    const victims = confirmed.filter((row) => row.fund === 'Victim Services Grant');
    const cells = await page.locator('#glance tr[data-key="lines-scaled"] td').allTextContents();
    expect(cells).toEqual([
      `${scaled(victims)} of ${victims.length} lines`,
      `${scaled(confirmed)} of ${confirmed.length} lines`,
    ]);
    expect(victims.length).toBeLessThan(confirmed.length);
  });

  it('counts the checks of the fund shown, in the status line and the Checks list alike', async () => {
    await runScenarios(page);
    const result = engineRun();
    for (const fund of ['Youth and Community Fund', 'Victim Services Grant', '']) {
      await page.getByLabel('Fund shown').selectOption(fund);
      const counts = answerOf(result, fund).counts;
      const said = `Results for Confirmed: ${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}.`;
      await eventually(async () => expect(await page.locator('#status-text').textContent()).toContain(said));
      expect(await page.locator('.checks-summary').textContent()).toMatch(new RegExp(`^${counts.error} errors?, ${counts.warning} warnings?`));
      expect(await page.locator('.answer-counts a[data-count="warning"]').textContent()).toBe(`${counts.warning} warning${counts.warning === 1 ? '' : 's'}`);
    }
    const all = answerOf(result, '').counts.warning;
    const youth = answerOf(result, 'Youth and Community Fund').counts.warning;
    expect(youth).not.toBe(all);
  });
});
