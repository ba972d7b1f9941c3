/**
 * The HTML appendix printed by a real browser: Chromium (headless) prints the page to
 * PDF and poppler reads it back — A4 pages, one appendix a page. Without Chromium or
 * poppler the test fails, naming what to install.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { chromium } from 'playwright-core';
import { renderHtml } from '../../src/render/html';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from '../pane/browser';
import { sampleAppendices } from './fixtures';

const PDFTOTEXT = process.env.PDFTOTEXT_PATH ?? '/usr/bin/pdftotext';
const PDFINFO = process.env.PDFINFO_PATH ?? '/usr/bin/pdfinfo';

describe('the HTML appendix, printed by Chromium', () => {
  it('prints on A4, one appendix a page', async () => {
    requireChromium();
    for (const tool of [PDFTOTEXT, PDFINFO]) {
      if (!existsSync(tool)) throw new Error(`${tool} not found: install poppler-utils (apt-get install -y poppler-utils).`);
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'awards-html-print-'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      // Offline: the page has no outside resources, and none may be fetched.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(renderHtml(sampleAppendices()), { waitUntil: 'load' });
      const pdf = path.join(dir, 'appendix.pdf');
      writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
      const info = execFileSync(PDFINFO, [pdf], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
      const pages = execFileSync(PDFTOTEXT, ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((text) => text.trim() !== '');
      expect(pages.map((text) => /Appendix (\d):/.exec(text)?.[1])).toEqual(['1', '2', '3']);
      expect(pages[0]).toMatch(/£1,065,000\.00\s+£1,112,400\.00\s+£47,400\.00/);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
