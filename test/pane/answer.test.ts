/**
 * The pane answers first (issue 11), in a real browser at a task pane's 350 pixels and
 * at 1280: the answer inside the first viewport after a run, its figures the engine's
 * own, one state for the answer and Compare, and a confirmed-grant field that refuses
 * bad figures beside itself with nothing written.
 */
import { join } from 'path';
import type { Locator, Page } from 'playwright-core';
import { readModel, runModel, sampleModel, type ModelResult } from '../../src/engine/model';
import type { TableData } from '../../src/engine/sheet';
import { money, signedMoney } from '../../src/taskpane/format';
import { paneIdle, paneReady, runScenarios, axeOf, openWatched, requireChromium, type Watch, servedPreview, SHOTS } from './browser';

requireChromium();

const WIDTHS = [350, 1280] as const;
const HEIGHT = 800;

/** The engine's own run of the sample, with the Confirmed Victim Services income set to `confirmed`. */
function engineRun(confirmed?: number): ModelResult {
  const byName: Record<string, TableData> = Object.fromEntries(sampleModel().map((t) => [t.name, t]));
  if (confirmed !== undefined) {
    const scenarios = byName.Scenarios;
    const [s, f, i] = ['Scenario', 'Fund', 'Income'].map((h) => scenarios.headers.indexOf(h));
    const row = scenarios.rows.findIndex((r) => r[s] === 'Confirmed' && r[f] === 'Victim Services Grant');
    scenarios.rows[row][i] = confirmed;
  }
  return runModel(readModel(byName, '2021-03-01'), {
    scenarios: ['Indicative', 'Confirmed'],
    compare: ['Indicative', 'Confirmed'],
    stamp: 'test',
    today: '2021-03-01',
  });
}

/** The confirmed-grant field, on the pane's Grant tab. */
async function grantField(page: Page): Promise<Locator> {
  await page.getByRole('tablist', { name: 'Pane controls' }).getByRole('tab', { name: 'Grant', exact: true }).click();
  const field = page.getByRole('textbox', { name: 'Confirmed MoJ grant' });
  await field.waitFor();
  return field;
}

/** The Income cells of the in-memory Scenarios table. */
async function scenarioIncomes(page: Page): Promise<unknown[]> {
  return page.evaluate(async () => {
    const tables = await window.awardsPreview?.workbook.readTables(['Scenarios']);
    const scenarios = tables?.Scenarios;
    if (!scenarios) throw new Error('no Scenarios table');
    const at = scenarios.headers.indexOf('Income');
    return scenarios.rows.map((row) => row[at]);
  });
}

function inViewport(box: { y: number; height: number } | null, height: number): boolean {
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

function expectClean(watch: Watch): void {
  expect(watch.problems).toEqual([]);
  expect(watch.dialogs).toEqual([]);
  expect(watch.offsite).toEqual([]);
}

describe.each(WIDTHS)('the pane at %p pixels wide', (width) => {
  const preview = servedPreview();
  let page: Page;
  let watch: Watch;

  beforeEach(async () => {
    ({ page, watch } = await openWatched(preview.browser.context, `${preview.server.url}taskpane.html`));
    await page.setViewportSize({ width, height: HEIGHT });
    await paneReady(page);
  });

  afterEach(async () => {
    expectClean(watch);
    await page.close();
  });

  it('shows the answer inside the first viewport after Run, takes focus to it and announces it', async () => {
    await runScenarios(page);
    expect(inViewport(await page.locator('#answer-heading').boundingBox(), HEIGHT)).toBe(true);
    // The first viewport: the page as it opens, unscrolled.
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const selector of ['#answer-heading', '#answer-funds', '.answer-counts', '.answer-moves']) {
      expect(inViewport(await page.locator(selector).boundingBox(), HEIGHT)).toBe(true);
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('answer');
    // Nothing wider than the pane: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await page.locator('#status-text').textContent()).toMatch(/Results for Confirmed: \d+ errors?, \d+ warnings?\./);
    await page.screenshot({ path: join(SHOTS, `answer-${width}.png`) });
    const axe = await axeOf(page).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  it('shows what each fund has available, awards and keeps, as the engine computes it', async () => {
    await runScenarios(page);
    const result = engineRun();
    for (const row of result.ledger.filter((r) => r.scenario === 'Confirmed')) {
      const cells = page.locator(`#answer-funds tr[data-fund="${row.fund}"]`);
      expect(Number(await cells.locator('[data-key="awarded"]').getAttribute('data-value'))).toBe(row.awarded);
      expect(Number(await cells.locator('[data-key="left"]').getAttribute('data-value'))).toBe(row.headroom);
      expect(await cells.locator('[data-key="available"]').textContent()).toBe(money(row.awarded + row.headroom));
    }
  });

  it.each(['1112400', '1,112,400', '£1,112,400.00', '1150000'])('takes %p and shows the engine’s comparison for it', async (typed) => {
    const figure = Number(typed.replace(/[£,]/g, ''));
    const field = await grantField(page);
    await field.fill(typed);
    await field.press('Enter');
    await paneIdle(page);
    expect(await page.locator('#alert').textContent()).toBe('');
    const total = engineRun(figure).comparison?.fundTotals.find((r) => r.fund === 'Victim Services Grant');
    if (!total) throw new Error('no Victim Services Grant total');
    const change = page.locator('#answer-funds tr[data-change="Victim Services Grant"]');
    await change.waitFor();
    expect(Number(await change.getAttribute('data-value'))).toBe(total.variance);
    expect(Number(await change.getAttribute('data-pct'))).toBeCloseTo(total.variancePct ?? NaN, 12);
    expect(await change.textContent()).toContain(signedMoney(total.variance));
    // Compare below shows the same run.
    expect(Number(await page.locator('#glance tr[data-key="variance"] td').first().getAttribute('data-value'))).toBe(total.variance);
    expect(await page.locator('#status-text').textContent()).toContain('(it was £1,112,400.00)');
    expect((await scenarioIncomes(page))).toContain(figure);
    if (typed === '£1,112,400.00') await page.screenshot({ path: join(SHOTS, `grant-applied-${width}.png`) });
  });

  it.each([
    ['1.05m', 'is not an amount'],
    ['abc', 'is not an amount'],
    ['-5', 'cannot be negative'],
    ['£-1,000', 'cannot be negative'],
    ['999999999999999999', 'more than the model can add up exactly'],
    ['1,11,2400', 'is not an amount'],
    ['1112400.555', 'more than two decimal places'],
  ])('refuses %p beside the field, and writes nothing', async (typed, message) => {
    const before = await scenarioIncomes(page);
    const field = await grantField(page);
    await field.fill(typed);
    await page.getByRole('button', { name: 'Apply confirmed grant' }).click();
    const error = page.locator('#grant-error');
    await error.waitFor();
    expect(await error.textContent()).toContain(message);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect((await field.getAttribute('aria-describedby'))?.split(' ')).toContain('grant-error');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('confirmed-grant');
    await paneIdle(page);
    expect(await scenarioIncomes(page)).toEqual(before);
    expect(await page.getByRole('tab', { name: 'Comparison', exact: true }).count()).toBe(0);
    if (typed === '1.05m') await page.screenshot({ path: join(SHOTS, `grant-refused-${width}.png`) });
    await field.fill('1112400');
    expect(await field.getAttribute('aria-invalid')).toBeNull();
  });

  it.each(['0', '1000000000000'])('asks before applying %p, far from the indicative figure; going back writes nothing', async (typed) => {
    const before = await scenarioIncomes(page);
    const field = await grantField(page);
    await field.fill(typed);
    await field.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Apply a figure this far from the indicative one?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('the Indicative figure of £1,080,000.00');
    if (typed === '0') {
      await page.screenshot({ path: join(SHOTS, `grant-ask-${width}.png`) });
      const axe = await axeOf(page).analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('#status-text').textContent()).toContain('Nothing was written');
    expect(await scenarioIncomes(page)).toEqual(before);

    await field.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Apply this figure' }).click();
    await paneIdle(page);
    expect(await page.locator('#alert').textContent()).toBe('');
    expect(await scenarioIncomes(page)).toContain(Number(typed));
  });

  it('shows one fund in the answer and in Compare when one is chosen, and says when the inputs changed', async () => {
    await runScenarios(page);
    await page.getByLabel('Fund shown').selectOption('Victim Services Grant');
    expect(await page.locator('#answer-funds tr[data-fund]').count()).toBe(1);
    expect(await page.locator('#glance thead th').allTextContents()).toEqual(['Victim Services Grant', 'All funds']);
    await page.getByLabel('Fund shown').selectOption('Youth and Community Fund');
    expect(await page.locator('#answer-funds tr[data-fund]').count()).toBe(1);
    expect(await page.locator('#glance thead th').allTextContents()).toEqual(['Youth and Community Fund', 'All funds']);
    // The chart below draws the same run, for the same fund: legend, value axis, values.
    const chart = page.locator('#compare-chart');
    expect(await chart.locator('rect[data-category]').evaluateAll((bars) => bars.map((b) => b.getAttribute('data-category')))).toEqual([
      'Youth and Community Fund', 'Youth and Community Fund',
    ]);
    const youth = engineRun().comparison?.fundTotals.find((r) => r.fund === 'Youth and Community Fund');
    expect(await chart.locator('rect[data-category]').evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-value'))))).toEqual([
      youth?.first, youth?.second,
    ]);
    expect(await chart.locator('[data-legend]').allTextContents()).toEqual(['Indicative', 'Confirmed']);
    expect(await chart.locator('.bar-value').allTextContents()).toEqual([money(youth?.first ?? NaN), money(youth?.second ?? NaN)]);
    expect(await chart.locator('[data-tick]').count()).toBeGreaterThanOrEqual(3);
    expect(await chart.locator('.axis-title').textContent()).toBe('Amount (£)');
    if (width === 350) await page.locator('#compare-result-heading').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `compare-one-fund-${width}.png`) });

    expect(await page.locator('#answer-stale').isVisible()).toBe(false);
    await page.evaluate(async () => {
      await window.awardsPreview?.workbook.setTableCell('Awards', 0, 'Prior year', 1);
      await window.awardsPreview?.refresh();
    });
    expect(await page.locator('#answer-stale').isVisible()).toBe(true);
    await runScenarios(page);
    expect(await page.locator('#answer-stale').isVisible()).toBe(false);
  });

  it('leads from the counts to the checks, grouped by severity, a check common to every scenario once', async () => {
    await runScenarios(page);
    await page.locator('.answer-counts a[data-count="warning"]').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('checks-warning');
    const result = engineRun();
    const perScenario = result.checks.filter((c) => c.severity === 'warning').length;
    const shown = await page.locator('.check-group-warning li.check').count();
    expect(shown).toBeLessThan(perScenario);
    expect(await page.locator('.check-group-warning').textContent()).toContain('in all scenarios');
  });
});
