import JSZip from 'jszip';
import { renderDocx } from '../../src/render/docx';
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
