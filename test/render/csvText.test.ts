import { csvField, csvText } from '../../src/render/csvText';

describe('CSV text (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['', ''],
  ])('writes the field %p as %p', (value, text) => {
    expect(csvField(value)).toBe(text);
  });

  it.each([
    ['=HYPERLINK("http://x","click")', '"\'=HYPERLINK(""http://x"",""click"")"'],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-Trust', "'-Trust"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTabbed', "'\tTabbed"],
  ])('makes the formula-like text %p inert: %p', (value, text) => {
    expect(csvField(value)).toBe(text);
  });

  it.each(['-18.00', '-1785', '1234.50', '0'])('leaves the number %p as a number', (value) => {
    expect(csvField(value)).toBe(value);
  });

  it('ends every record with CRLF, an empty record being a blank line', () => {
    expect(csvText([['a', 'b'], [], ['c']])).toBe('a,b\r\n\r\nc\r\n');
  });
});
