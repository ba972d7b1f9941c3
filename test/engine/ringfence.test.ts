import fc from 'fast-check';
import { D, type FencedLine, parseAllowed, ringfence } from '../../src/engine';
import { MANY, expectEngineError, pounds } from './support';

const fence = ['Road safety', 'Victim support'];

describe('ringfence', () => {
  it.each([
    [10000, [{ amount: 2500, purpose: 'Victim support' }, { amount: 1500, purpose: 'Road safety' }], fence, 0, '6000'],
    [10000, [{ amount: 2500, purpose: ' victim SUPPORT ' }], fence, 0, '7500'],
    [10000, [{ amount: 0, purpose: 'Training' }, { amount: 100, purpose: 'Road safety' }], fence, 0, '9900'],
    [10000, [{ amount: 0, purpose: '' }], fence, 0, '10000'],
    [10000, [{ amount: 2500, purpose: 'Training' }], null, 0, '7500'],
    [10000, [{ amount: 2500, purpose: 'Training' }], [], 0, '7500'],
    [10000, [{ amount: 2500, purpose: 'Training' }], ['', '  '], 0, '7500'],
    [10000, [{ amount: 8000, purpose: 'Road safety' }], fence, 2000, '2000'],
    [0.3, [{ amount: 0.1, purpose: 'Road safety' }, { amount: 0.2, purpose: 'Road safety' }], fence, 0, '0'],
    [1000, [{ amount: -200, purpose: 'Road safety' }], fence, 0, '1200'],
    [1000, [], fence, undefined, '1000'],
  ])('ringfence(%p, %j, %p, %p) is %s', (available, lines, allowed, floor, expected) => {
    expect(ringfence(available, lines, allowed, floor).toFixed()).toBe(expected);
  });

  it('rejects a line outside the fence with #VALUE!, naming row, purpose and the fence', () => {
    const lines: FencedLine[] = [{ amount: 100, purpose: 'Road safety' }, { amount: 50, purpose: 'Victim support' }, { amount: 75, purpose: 'Training' }];
    expectEngineError(() => ringfence(1000, lines, fence), '#VALUE!',
      "purposes row 3: 'Training' is outside the ring fence (allowed: Road safety, Victim support)");
  });

  it('treats a blank purpose on a line with money as outside the fence', () => {
    expectEngineError(() => ringfence(1000, [{ amount: 5, purpose: '  ' }], fence), '#VALUE!',
      'purposes row 1: (blank) is outside the ring fence');
  });

  it('rejects a balance below the floor with #NUM!, naming the shortfall', () => {
    expectEngineError(() => ringfence(3200, [{ amount: 2000, purpose: 'Road safety' }], fence, 2000), '#NUM!',
      'balance 1,200.00 is below the floor of 2,000.00 by 800.00');
    expectEngineError(() => ringfence(100, [{ amount: 150, purpose: 'x' }], null), '#NUM!',
      'balance -50.00 is below the floor of 0.00 by 50.00');
  });

  it('checks the fence before the floor', () => {
    expectEngineError(() => ringfence(100, [{ amount: 150, purpose: 'Training' }], fence, 0), '#VALUE!', 'outside the ring fence');
  });

  it.each([
    [() => ringfence('x', [], null), "available is not a number: 'x'"],
    [() => ringfence(1, [{ amount: 'y', purpose: 'a' }], null), "amounts row 1 is not a number: 'y'"],
    [() => ringfence(1, [], null, 'z'), "floor is not a number: 'z'"],
  ])('rejects values that are not numbers with #VALUE! (%#)', (action, message) => {
    expectEngineError(action, '#VALUE!', message);
  });

  it('is available less the amounts, exactly, when not fenced', () => {
    fc.assert(fc.property(pounds(), fc.array(pounds(1_000_000), { maxLength: 30 }), (available, amounts) => {
      const lines = amounts.map((amount) => ({ amount, purpose: 'anything' }));
      const spent = amounts.reduce((sum, a) => sum.plus(a), new D(0));
      const balance = new D(available).minus(spent);
      if (balance.isNegative()) {
        expectEngineError(() => ringfence(available, lines, null), '#NUM!', 'is below the floor');
      } else {
        expect(ringfence(available, lines, null).eq(balance)).toBe(true);
      }
    }), MANY);
  });
});

describe('parseAllowed', () => {
  it.each([
    ['Road safety, Victim support', ['Road safety', 'Victim support']],
    [' Road safety ,, Victim support , ', ['Road safety', 'Victim support']],
    ['', []],
    ['  ', []],
    ['Casualty reduction', ['Casualty reduction']],
  ])('reads %p as %p', (text, expected) => {
    expect(parseAllowed(text)).toEqual(expected);
  });
});

describe('ringfence on amounts of very different sizes', () => {
  const any = (amounts: number[]): FencedLine[] => amounts.map((amount) => ({ amount, purpose: 'x' }));

  it('keeps a 1e-50 beside 1e15: the balance is below a floor of 0 by exactly 1e-50', () => {
    expectEngineError(() => ringfence(1e15, any([1e15, 1e-50]), null), '#NUM!',
      `by 0.${'0'.repeat(49)}1`);
  });

  it('returns the exact balance, -1e-50, when the floor allows it', () => {
    expect(ringfence(1e15, any([1e15, 1e-50]), null, -1).toString()).toBe('-1e-50');
  });

  it('adds text amounts of any number of digits exactly', () => {
    const lines = [{ amount: `1${'0'.repeat(80)}`, purpose: 'x' }, { amount: `0.${'0'.repeat(79)}1`, purpose: 'x' }];
    expect(ringfence(`2${'0'.repeat(80)}`, lines, null).toFixed()).toBe(`${'9'.repeat(80)}.${'9'.repeat(79)}9`);
  });

  it('refuses, with #NUM!, amounts too far apart in size to add exactly', () => {
    expectEngineError(() => ringfence('1e200000', [{ amount: '1e-200000', purpose: 'x' }], null), '#NUM!',
      'too far apart in size to add exactly');
  });

  it('is exact for any doubles: the balance is available less the amounts, to the last digit', () => {
    const Wide = D.clone({ precision: 2000 });
    const double = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(fc.property(double, fc.array(double, { maxLength: 5 }), (available, amounts) => {
      const balance = ringfence(available, any(amounts), null, '-1e400');
      const expected = amounts.reduce((left, amount) => left.minus(amount), new Wide(available));
      expect(balance.toString()).toBe(expected.toString());
    }), MANY);
  });
});
