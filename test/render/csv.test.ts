import { renderCsv, UTF8_BOM } from '../../src/render/csv';
import { hostileAppendix, sampleAppendices } from './fixtures';

describe('renderCsv (appendices)', () => {
  const appendices = sampleAppendices();
  const text = renderCsv(appendices);
  const lines = text.slice(UTF8_BOM.length).split('\r\n');

  it('starts with a UTF-8 byte-order mark so that Excel reads it as UTF-8', () => {
    expect(text.startsWith(UTF8_BOM)).toBe(true);
  });

  it('writes each appendix as its title, header, rows and total, a blank line between', () => {
    expect(lines[0]).toBe('Appendix 1: Victim Services Grant awards 2021/22 (Confirmed)');
    expect(lines[1]).toBe('Recipient,Service,2020/21,2021/22 (Confirmed),Change');
    expect(lines[2]).toBe('Horizon Victim Care Ltd,Victim assessment and referral centre,480000.00,480000.00,0.00');
    const first = appendices[0];
    const totalLine = 2 + first.rows.length;
    expect(lines[totalLine]).toBe('Total,,1065000.00,1112400.00,47400.00');
    expect(lines[totalLine + 1]).toBe('');
    expect(lines[totalLine + 2]).toBe(appendices[1].title);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('quotes fields per RFC 4180', () => {
    const hostile = renderCsv([hostileAppendix()]);
    expect(hostile).toContain('"Appendix 9: Test & ""quoted"" awards 2021/22 (Confirmed)"\r\n');
    expect(hostile).toContain('"Pipes | and *stars*, commas",1000.00,1234.50,234.50\r\n');
    expect(hostile).toContain('"Line\nbreak ""Ltd""",Cut,2000.00,1500.00,-500.00\r\n');
  });
});
