/** `awards appendix`: the Confirmed scenario's appendices in every format, through the built CLI. */
import JSZip from 'jszip';
import { readFileSync } from 'fs';
import * as path from 'path';
import { awards, ensureBuilt, rowOfRef, sampleTables, scratch, setCell, tableOf, writeModel } from './support';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('awards appendix', () => {
  let dir = '';

  beforeAll(async () => {
    ensureBuilt();
    dir = scratch();
    await writeModel(path.join(dir, 'model.xlsx'), sampleTables());
    const hostile = sampleTables();
    const awardsTable = tableOf(hostile, 'Awards');
    setCell(awardsTable, rowOfRef(awardsTable, 'VS-02'), 'Recipient', HOSTILE);
    await writeModel(path.join(dir, 'hostile.xlsx'), hostile);
    const pounds = sampleTables();
    const settings = tableOf(pounds, 'Settings');
    const row = settings.rows.findIndex((cells) => cells[0] === 'Appendix amounts');
    settings.rows[row][1] = 'pounds';
    await writeModel(path.join(dir, 'pounds.xlsx'), pounds);
  });

  it('prints whole pounds that add up, New and the footnotes, with Appendix amounts set to pounds', () => {
    const result = awards(['appendix', 'pounds.xlsx', '--scenario', 'Confirmed', '--out', 'pounds.md'], dir);
    expect(result.status).toBe(0);
    const markdown = readFileSync(path.join(dir, 'pounds.md'), 'utf8');
    expect(markdown).toContain('| **Total** |  | **£1,065,000** | **£1,112,400** | **£47,400** |');
    expect(markdown).toContain('| New | £12,648 | £12,648 |');
    expect(markdown).toContain('Amounts in whole pounds, each line rounded so that the lines add up to the total shown.');
    const tableLines = markdown.split('\n').filter((line) => line.startsWith('|'));
    expect(tableLines.length).toBeGreaterThan(20);
    for (const line of tableLines) expect(line).not.toMatch(/£[\d,]+\.\d\d/);
  });

  it('writes a Word document whose tables hold the header, the recipients and the £ total', async () => {
    const result = awards(['appendix', 'model.xlsx', '--scenario', 'Confirmed', '--format', 'docx', '--out', 'appendix.docx'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Wrote Appendix 1, Appendix 2, Appendix 3 of scenario Confirmed to 'appendix.docx' (docx).");
    const zip = await JSZip.loadAsync(readFileSync(path.join(dir, 'appendix.docx')));
    const xml = await zip.file('word/document.xml')?.async('string');
    expect(xml).toContain('Appendix 1: Victim Services Grant awards 2021/22 (Confirmed)');
    expect(xml).toContain('>Recipient<');
    expect(xml).toContain('2021/22 (Confirmed)');
    expect(xml).toContain('Safer Homes Domestic Abuse Service');
    expect(xml).toContain('£1,112,400.00');
    expect(xml?.match(/<w:tbl>/g)).toHaveLength(3);
  });

  it('writes HTML with every recipient name escaped', () => {
    const result = awards(['appendix', 'hostile.xlsx', '--scenario', 'Confirmed', '--format', 'html', '--out', 'appendix.html'], dir);
    expect(result.status).toBe(0);
    const html = readFileSync(path.join(dir, 'appendix.html'), 'utf8');
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('£1,112,400.00');
  });

  it('writes Markdown, taking the format from the extension', () => {
    const result = awards(['appendix', 'model.xlsx', '--scenario', 'Confirmed', '--out', 'appendix.md'], dir);
    expect(result.status).toBe(0);
    const markdown = readFileSync(path.join(dir, 'appendix.md'), 'utf8');
    expect(markdown).toContain('## Appendix 2: Crime and Disorder Reduction Fund awards 2021/22 (Confirmed)');
    expect(markdown).toContain('| **Total** |  | **£1,065,000.00** | **£1,112,400.00** | **£47,400.00** |');
  });

  it('writes all appendices into one CSV file, a blank line between them', () => {
    const result = awards(['appendix', 'model.xlsx', '--scenario', 'Confirmed', '--format', 'csv', '--out', 'appendix.csv'], dir);
    expect(result.status).toBe(0);
    const csv = readFileSync(path.join(dir, 'appendix.csv'), 'utf8');
    const blocks = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n\r\n');
    expect(blocks).toHaveLength(3);
    expect(blocks[0].split('\r\n')[0]).toBe('Appendix 1: Victim Services Grant awards 2021/22 (Confirmed)');
    expect(blocks[0]).toContain('\r\nTotal,,1065000.00,1112400.00,47400.00');
  });

  it('shows the scenario asked for', () => {
    const result = awards(['appendix', 'model.xlsx', '--scenario', 'indicative', '--out', 'indicative.md'], dir);
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(dir, 'indicative.md'), 'utf8')).toContain('2021/22 (Indicative)');
  });

  it.each([
    [['--format', 'pdf', '--out', 'appendix.pdf'], "Unknown format 'pdf'. Use one of: html, md, csv, docx."],
    [['--out', 'appendix.txt'], 'Say which format to write with --format'],
  ])('refuses an unknown format (%p)', (args, message) => {
    const result = awards(['appendix', 'model.xlsx', '--scenario', 'Confirmed', ...args], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("Run 'awards appendix --help' for usage.");
  });
});
