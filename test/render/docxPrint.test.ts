/**
 * The Word appendix printed by a real client: LibreOffice (headless) turns the .docx
 * into a PDF and `pdftotext -layout` reads it back. No amount, and no word of a
 * heading, may be split across lines. Without LibreOffice or pdftotext these tests
 * fail, naming what to install — they never pass as skipped.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { readModel, runModel, sampleModel, type Appendix } from '../../src/engine/model';
import { renderDocx } from '../../src/render/docx';
import { moneyText } from '../../src/render/table';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const PDFTOTEXT = process.env.PDFTOTEXT_PATH ?? '/usr/bin/pdftotext';

function requireTools(): void {
  const missing = [
    existsSync(SOFFICE) ? '' : `LibreOffice Writer (${SOFFICE}: apt-get install -y libreoffice-writer-nogui)`,
    existsSync(PDFTOTEXT) ? '' : `pdftotext (${PDFTOTEXT}: apt-get install -y poppler-utils)`,
  ].filter((text) => text !== '');
  if (missing.length > 0) throw new Error(`The print tests need ${missing.join(' and ')}; install them or set SOFFICE_PATH / PDFTOTEXT_PATH.`);
}

function appendices(amounts: 'pence' | 'pounds'): Appendix[] {
  const tables = Object.fromEntries(sampleModel().map((table) => [table.name, table]));
  const row = tables.Settings.rows.find((cells) => cells[0] === 'Appendix amounts');
  if (row === undefined) tables.Settings.rows.push(['Appendix amounts', amounts]);
  else row[1] = amounts;
  const model = readModel(tables, '2021-03-01');
  return runModel(model, { scenarios: ['Confirmed'], stamp: '2021-03-01T09:00:00Z', today: '2021-03-01' }).appendices;
}

/** The .docx printed to PDF by LibreOffice, as `pdftotext -layout` reads it, one string per page. */
async function printed(items: readonly Appendix[], dir: string, name: string): Promise<string[]> {
  const docx = path.join(dir, `${name}.docx`);
  writeFileSync(docx, await renderDocx(items));
  // A profile of its own: LibreOffice instances sharing one refuse to start.
  const profile = `file://${path.join(dir, `profile-${name}`)}`;
  execFileSync(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, docx], {
    stdio: 'pipe', timeout: 120_000,
  });
  const pdf = path.join(dir, `${name}.pdf`);
  if (!existsSync(pdf)) {
    throw new Error(`LibreOffice wrote no PDF for ${docx}: is LibreOffice Writer installed (apt-get install -y libreoffice-writer-nogui)?`);
  }
  return execFileSync(PDFTOTEXT, ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((page) => page.trim() !== '');
}

/** Every amount, heading word and `New` the appendix prints. */
function printedTokens(appendix: Appendix): string[] {
  const amounts = [...appendix.rows, appendix.total].flatMap((row) => [row.priorYear, row.proposed, row.change]);
  const words = [appendix.priorHeader, appendix.proposedHeader, 'Recipient', 'Service', 'Change'].flatMap((header) => header.split(' '));
  return [...new Set([...amounts.map((amount) => moneyText(amount, appendix)), ...words])];
}

/** How often `token` stands whole on the page's lines (not as part of a longer amount). */
function wholeCount(page: string, token: string): number {
  const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return (page.match(new RegExp(`(?<![\\d,.£-])${escaped}(?![\\d,.])`, 'g')) ?? []).length;
}

describe('the Word appendix, printed by LibreOffice', () => {
  let dir = '';
  beforeAll(() => {
    requireTools();
    dir = mkdtempSync(path.join(tmpdir(), 'awards-print-'));
  });
  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it.each(['pence', 'pounds'] as const)('prints every amount and heading whole, one appendix a page (%s)', async (amounts) => {
    const items = appendices(amounts);
    const pages = await printed(items, dir, amounts);
    expect(pages).toHaveLength(items.length);
    items.forEach((appendix, i) => {
      const page = pages[i];
      expect(page).toContain(`Appendix ${appendix.number}:`);
      for (const token of printedTokens(appendix)) {
        if (wholeCount(page, token) === 0) throw new Error(`'${token}' is split across lines on the page of Appendix ${appendix.number}:\n${page}`);
      }
      // No line ends in an amount broken after its point or a comma (`£480,000.0`, `£1,065,`).
      for (const line of page.split('\n')) expect(line).not.toMatch(/£[\d,]*[.,]\d?\s*$/);
    });
    expect(pages[0]).toMatch(/New\s+£12,648(\.00)?\s+£12,648/);
  }, 180_000);

  it('fails loudly when the pages are not what it reads', () => {
    // The check itself can fail: a split amount is not counted as whole.
    expect(wholeCount('£480,000.0\n0', '£480,000.00')).toBe(0);
    expect(wholeCount('£1,480,000.00', '£480,000.00')).toBe(0);
    expect(wholeCount('  £480,000.00  ', '£480,000.00')).toBe(1);
  });
});
