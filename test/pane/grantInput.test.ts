import fc from 'fast-check';
import { farFromIndicative, MAX_GRANT_PENCE, readGrantInput } from '../../src/taskpane/grantInput';

describe('the confirmed-grant field', () => {
  it.each([
    ['1112400', 111240000],
    ['1,112,400', 111240000],
    ['£1,112,400.00', 111240000],
    ['£ 1112400.5', 111240050],
    ['0', 0],
    ['45035996273704.96', MAX_GRANT_PENCE],
  ])('takes %p as %p pence', (raw, pence) => {
    expect(readGrantInput(raw)).toEqual({ ok: true, pence, amount: pence / 100 });
  });

  it.each([
    ['', 'Enter the confirmed MoJ grant'],
    ['1.05m', 'is not an amount'],
    ['one million', 'is not an amount'],
    ['1,11,2400', 'is not an amount'],
    ['1e6', 'is not an amount'],
    ['-1', 'cannot be negative'],
    ['£-1,000', 'cannot be negative'],
    ['1.005', 'more than two decimal places'],
    ['45035996273704.97', 'more than the model can add up exactly'],
    ['999999999999999999', 'more than the model can add up exactly'],
  ])('refuses %p: %s', (raw, message) => {
    const read = readGrantInput(raw);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain(message);
  });

  it('reads any whole-pence figure it prints, grouped or not, back to the same pence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_GRANT_PENCE }), fc.boolean(), (pence, grouped) => {
        const pounds = Math.floor(pence / 100);
        const typed = `${grouped ? pounds.toLocaleString('en-GB') : String(pounds)}.${String(pence % 100).padStart(2, '0')}`;
        expect(readGrantInput(typed)).toEqual({ ok: true, pence, amount: pence / 100 });
      }),
    );
  });

  it.each([
    [1112400, 1080000, false],
    [1296000, 1080000, false],
    [1296000.01, 1080000, true],
    [863999.99, 1080000, true],
    [0, 1080000, true],
    [5, 0, true],
    [0, 0, false],
    [1, null, false],
  ])('asks about %p against an indicative %p: %p', (amount, indicative, asks) => {
    expect(farFromIndicative(amount, indicative)).toBe(asks);
  });
});
