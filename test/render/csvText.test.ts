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

  it('ends every record with CRLF, an empty record being a blank line', () => {
    expect(csvText([['a', 'b'], [], ['c']])).toBe('a,b\r\n\r\nc\r\n');
  });
});
