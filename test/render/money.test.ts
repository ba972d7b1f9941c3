import { formatDecimal, formatPounds } from '../../src/render/money';

describe('formatPounds', () => {
  it.each([
    [0, '£0.00'],
    [1234.5, '£1,234.50'],
    [1112400, '£1,112,400.00'],
    [-5000, '-£5,000.00'],
    [-0.001, '£0.00'],
    [0.07, '£0.07'],
  ])('writes %p as %p', (amount, text) => {
    expect(formatPounds(amount)).toBe(text);
  });
});

describe('formatDecimal', () => {
  it.each([
    [1234.5, '1234.50'],
    [-265.5, '-265.50'],
    [-0.001, '0.00'],
    [1112400, '1112400.00'],
  ])('writes %p as %p', (amount, text) => {
    expect(formatDecimal(amount)).toBe(text);
  });
});
