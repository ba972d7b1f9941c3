import { D, EngineError, isEngineError, messages } from '../../src/engine';

describe('EngineError', () => {
  it('carries an Excel error code and a message, and is an Error', () => {
    const error = new EngineError('#NUM!', 'weights row 3 is negative: -1');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(EngineError);
    expect([error.code, error.message, error.name]).toEqual(['#NUM!', 'weights row 3 is negative: -1', 'EngineError']);
    expect(isEngineError(error)).toBe(true);
    expect(isEngineError(new Error('x'))).toBe(false);
  });
});

describe('messages', () => {
  it.each([
    [messages.negative('weights', 3, '-1'), 'weights row 3 is negative: -1'],
    [messages.negative('pot', undefined, '-5'), 'pot is negative: -5'],
    [messages.notANumber('weights', 2, 'abc'), "weights row 2 is not a number: 'abc'"],
    [messages.notANumber('amount', undefined, null), 'amount is not a number: (blank)'],
    [messages.decimals(7), 'decimals must be a whole number from 0 to 6: 7'],
    [messages.noWeight('weights', 0), 'weights is empty: there is nothing to split in proportion to'],
    [messages.lengthMismatch('weights', 2, 'requests', 3), 'weights has 2 rows but requests has 3'],
    [messages.lockedAboveTarget(new D(1200), new D(1000)), 'locked total 1,200.00 is above the target 1,000.00 by 200.00'],
    [messages.outsideFence(3, 'Training', ['Road safety', 'Victim support']),
      "purposes row 3: 'Training' is outside the ring fence (allowed: Road safety, Victim support)"],
    [messages.belowFloor(new D(1200), new D(2000), new D(800)), 'balance 1,200.00 is below the floor of 2,000.00 by 800.00'],
    [messages.fiscalYearMismatch('2021/23', 2021), "fy '2021/23' is not a financial year: 2021 is followed by 2022 (2021/22)"],
  ])('says %p', (message, expected) => {
    expect(message).toBe(expected);
  });

  it.each([
    ['1234567.005', 2, '1,234,567.01'], ['-1234567.005', 2, '-1,234,567.01'], ['0', 2, '0.00'], ['-0.001', 2, '0.00'],
    ['999.995', 2, '1,000.00'], ['1000000', 0, '1,000,000'], ['12.3456', 3, '12.346'],
  ])('formats %s to %p places as %s', (value, decimals, expected) => {
    expect(messages.formatAmount(new D(value), decimals)).toBe(expected);
  });
});
