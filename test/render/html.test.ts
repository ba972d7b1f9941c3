import { escapeHtml, renderHtml } from '../../src/render/html';
import { HOSTILE, hostileAppendix, sampleAppendices } from './fixtures';

describe('renderHtml', () => {
  const html = renderHtml(sampleAppendices());

  it('is a standalone page with a title and one table per appendix', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Appendices (Confirmed)</title>');
    expect(html.match(/<table>/g)).toHaveLength(sampleAppendices().length);
    expect(html).toContain('Appendix 1: Victim Services Grant awards 2021/22 (Confirmed)');
  });

  it('has a print stylesheet: A4, one appendix a page, the header row on every page', () => {
    expect(html).toContain('@page { size: A4; margin: 2cm; }');
    expect(html).toMatch(/@media print \{[\s\S]*section \{ break-after: page; \}[\s\S]*thead \{ display: table-header-group; \}|@media print \{[\s\S]*thead \{ display: table-header-group; \}[\s\S]*section \{ break-after: page; \}/);
  });

  it('prints New for a new award, footnote calls that link to the notes, and the notes', () => {
    expect(html).toContain('<td class="num">New</td>');
    expect(html).toContain('<sup><a href="#appendix-2-note-3">3</a></sup>');
    expect(html).toContain('<li id="appendix-2-note-3">Top-sliced: 3.33% of the £540,000.00 available to the Crime and Disorder Reduction Fund.</li>');
  });

  it('prints headers, £ amounts right-aligned and the total row', () => {
    expect(html).toContain('<th scope="col">Recipient</th><th scope="col">Service</th>');
    expect(html).toContain('<th scope="col" class="num">2021/22 (Confirmed)</th>');
    expect(html).toContain('<td class="num">£221,340.00</td>');
    expect(html).toMatch(/<tfoot><tr><td>Total<\/td><td><\/td><td class="num">£1,065,000.00<\/td><td class="num">£1,112,400.00<\/td>/);
  });

  it('escapes every piece of workbook text', () => {
    const page = renderHtml([hostileAppendix()]);
    expect(page).not.toContain(HOSTILE);
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('Test &amp; &quot;quoted&quot; awards');
    expect(page).toContain('<td class="num">-£500.00</td>');
  });

  it.each([
    ['<', '&lt;'], ['>', '&gt;'], ['&', '&amp;'], ['"', '&quot;'], ["'", '&#39;'],
  ])('escapes %p as %p', (character, entity) => {
    expect(escapeHtml(character)).toBe(entity);
  });
});
