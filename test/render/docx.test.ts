import JSZip from 'jszip';
import { A4, columnLayout, PAGE_MARGIN, renderDocx, textWidth } from '../../src/render/docx';
import { formatPounds } from '../../src/render/money';
import { hostileAppendix, sampleAppendices } from './fixtures';

async function documentXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('word/document.xml');
  if (file === null) throw new Error('no word/document.xml in the .docx');
  return file.async('string');
}

/** The XML of the table row holding `text`. */
function rowHolding(xml: string, text: string): string {
  const rows = xml.match(/<w:tr\b[\s\S]*?<\/w:tr>/g) ?? [];
  const row = rows.find((candidate) => candidate.includes(text));
  if (row === undefined) throw new Error(`no table row holds ${text}`);
  return row;
}

describe('renderDocx', () => {
  let xml = '';
  beforeAll(async () => {
    xml = await documentXml(await renderDocx(sampleAppendices()));
  });

  it('is a zip, as every .docx is', async () => {
    const bytes = await renderDocx(sampleAppendices());
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('gives each appendix its title as a heading', () => {
    expect(xml).toContain('Appendix 1: Victim Services Grant awards 2021/22 (Confirmed)');
    expect(xml).toContain('Appendix 2: Crime and Disorder Reduction Fund awards 2021/22 (Confirmed)');
    expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)?.length).toBe(sampleAppendices().length);
  });

  it('prints on A4 portrait with 2 cm margins, each appendix on a page of its own', () => {
    const sizes = xml.match(/<w:pgSz [^>]*\/>/g) ?? [];
    expect(sizes).toHaveLength(sampleAppendices().length);
    for (const size of sizes) {
      expect(size).toContain(`w:w="${A4.width}"`);
      expect(size).toContain(`w:h="${A4.height}"`);
    }
    expect(xml).toContain(`w:left="${PAGE_MARGIN}"`);
  });

  it('fixes the column widths it worked out from the content', () => {
    const grids = xml.match(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/g) ?? [];
    expect(grids).toHaveLength(sampleAppendices().length);
    sampleAppendices().forEach((appendix, i) => {
      const widths = [...grids[i].matchAll(/w:w="(\d+)"/g)].map((match) => Number(match[1]));
      expect(widths).toEqual(columnLayout(appendix).widths);
    });
    expect(xml.match(/<w:tblLayout w:type="fixed"\/>/g)).toHaveLength(sampleAppendices().length);
  });

  it('makes every money column wide enough for its widest amount on one line, and fills the page', () => {
    for (const appendix of sampleAppendices()) {
      const { widths, pageWidth } = columnLayout(appendix);
      const lines = [...appendix.rows, appendix.total];
      (['priorYear', 'proposed', 'change'] as const).forEach((column, k) => {
        const widest = Math.max(...lines.map((row) => textWidth(formatPounds(row[column]), true)));
        expect(widths[2 + k]).toBeGreaterThan(widest + 216);
      });
      expect(widths.reduce((sum, width) => sum + width, 0)).toBeLessThanOrEqual(pageWidth);
      expect(widths.reduce((sum, width) => sum + width, 0)).toBeGreaterThan(pageWidth - widths.length);
    }
  });

  it('turns the page to landscape when the table cannot fit portrait', () => {
    const wide = hostileAppendix();
    wide.rows[0].priorYear = 123456789012.34;
    wide.rows[0].proposed = 123456789012.34;
    wide.rows[0].change = 123456789012.34;
    wide.rows[0].recipient = 'Averyveryveryveryverylongunbreakablerecipientnamewithoutspaces';
    wide.rows[0].service = 'Anotherveryveryverylongunbreakableservicenamewithoutanyspaces';
    expect(columnLayout(wide).orientation).toBe('landscape');
    expect(columnLayout(sampleAppendices()[0]).orientation).toBe('portrait');
  });

  it('prints New in the prior-year column of a new award, and superscript footnote calls', () => {
    const pilot = rowHolding(xml, 'Sexual violence pathway pilot');
    expect(pilot).toContain('>New<');
    expect(pilot).toMatch(/<w:vertAlign w:val="superscript"\/>[\s\S]*?> 1,2</);
  });

  it('prints the footnotes below the table', () => {
    expect(xml).toContain('Top-sliced: 3.33% of the £540,000.00 available to the Crime and Disorder Reduction Fund.');
    expect(xml).toContain('Part year: runs 1 October 2021 to 30 September 2022');
  });

  it('holds one Word table per appendix with a repeating header row', () => {
    expect(xml.match(/<w:tbl>/g)?.length).toBe(sampleAppendices().length);
    const header = rowHolding(xml, '>Recipient<');
    expect(header).toContain('<w:tblHeader/>');
    expect(header).toContain('2021/22 (Confirmed)');
    expect(header).toContain('<w:b/>');
  });

  it('prints £ amounts right-aligned', () => {
    const row = rowHolding(xml, 'Safer Homes Domestic Abuse Service');
    expect(row).toContain('£221,340.00');
    expect(row).toContain('<w:jc w:val="right"/>');
  });

  it('ends each table with a bold total row', () => {
    const total = rowHolding(xml, '£1,112,400.00');
    expect(total).toContain('>Total<');
    expect(total.match(/<w:b\/>/g)?.length).toBeGreaterThanOrEqual(5);
  });

  it('escapes workbook text as XML', async () => {
    const hostile = await documentXml(await renderDocx([hostileAppendix()]));
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(hostile).not.toContain('<img');
  });
});
