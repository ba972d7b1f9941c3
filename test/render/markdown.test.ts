import { escapeMarkdownCell, renderMarkdown } from '../../src/render/markdown';
import { hostileAppendix, sampleAppendices } from './fixtures';

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(sampleAppendices());

  it('gives each appendix its title as a heading and a table with right-aligned money columns', () => {
    expect(markdown).toContain('## Appendix 1: Victim Services Grant awards 2021/22 (Confirmed)');
    expect(markdown).toContain('| Recipient | Service | 2020/21 | 2021/22 (Confirmed) | Change |');
    expect(markdown).toContain('| --- | --- | ---: | ---: | ---: |');
    expect(markdown).toContain('| Horizon Victim Care Ltd | Victim assessment and referral centre | £480,000.00 | £480,000.00 | £0.00 |');
  });

  it('marks new awards and footnoted lines, and lists the footnotes below the table', () => {
    expect(markdown).toContain('| Safer Homes Domestic Abuse Service | Independent domestic violence advisers ¹ | £210,000.00 | £221,340.00 | £11,340.00 |');
    expect(markdown).toContain('| Sexual violence pathway pilot (1 Oct to 30 Sep) ¹,² | New | £12,648.00 | £12,648.00 |');
    expect(markdown).toMatch(/\n1\. Scaled by 1\.0540, [^\n]+\n2\. Part year: runs 1 October 2021 to 30 September 2022;/);
  });

  it('ends each table with a bold total row', () => {
    expect(markdown).toContain('| **Total** |  | **£1,065,000.00** | **£1,112,400.00** | **£47,400.00** |');
  });

  it('keeps hostile text inside its cell', () => {
    const text = renderMarkdown([hostileAppendix()]);
    const row = text.split('\n').find((line) => line.includes('Pipes')) ?? '';
    expect(row).toBe('| \\<img src=x onerror=alert(1)\\> | Pipes \\| and \\*stars\\*, commas | £1,000.00 | £1,234.50 | £234.50 |');
    expect(text).toContain('| Line break "Ltd" | Cut |');
  });

  it('escapes pipes and emphasis', () => {
    expect(escapeMarkdownCell('A | B _c_')).toBe('A \\| B \\_c\\_');
  });
});
