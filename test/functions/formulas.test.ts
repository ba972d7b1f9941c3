/**
 * The PCC functions inside real formulas, evaluated by a real calculation engine
 * (HyperFormula): cell references, ranges with blanks, spills and errors.
 */
import { DetailedCellError } from 'hyperformula';
import { sheet } from '../support/hyperformula';

function errorOf(value: unknown): { type: string; message: string } {
  expect(value).toBeInstanceOf(DetailedCellError);
  const error = value as DetailedCellError;
  return { type: error.value, message: error.message };
}

describe('PCC functions in formulas', () => {
  it('spills SPLIT down the rows of its weights', () => {
    const { value } = sheet([
      [1, '=PCC.SPLIT(100, A1:A3)'],
      [1, null],
      [1, null],
    ]);
    expect([value('B1'), value('B2'), value('B3')]).toEqual([33.34, 33.33, 33.33]);
  });

  it('splits the camera unit surplus across three forces by NRE and the pennies add up', () => {
    const { value } = sheet([
      [250000.01, 'Bedfordshire', 117.4, '=PCC.SPLIT(A1, C1:C3)', '=SUM(D1:D3)'],
      [null, 'Cambridgeshire', 153.9, null, null],
      [null, 'Hertfordshire', 210.1, null, null],
    ]);
    expect(value('E1')).toBeCloseTo(250000.01, 10);
    const shares = [value('D1'), value('D2'), value('D3')] as number[];
    for (const share of shares) expect(Math.abs(share * 100 - Math.round(share * 100))).toBeLessThan(1e-6);
    expect(Math.round(shares.reduce((a, b) => a + b, 0) * 100)).toBe(25000001);
  });

  it('counts blank cells in a range as zero', () => {
    const { value } = sheet([
      [1, '=PCC.SPLIT(10, A1:A3)'],
      [null, null],
      [3, null],
    ]);
    expect([value('B1'), value('B2'), value('B3')]).toEqual([2.5, 0, 7.5]);
  });

  it('re-fits indicative awards to the confirmed grant with SCALE, leaving locked lines', () => {
    const { value } = sheet([
      [100000, 'Yes', '=PCC.SCALE(A1:A3, 190000, B1:B3)', '=SUM(C1:C3)'],
      [50000, null, null, null],
      [25000, null, null, null],
    ]);
    expect(value('C1')).toBe(100000);
    expect(value('D1')).toBe(190000);
  });

  it('shares a short pot in proportion to the requests by default', () => {
    const { value } = sheet([
      [10, '=PCC.ALLOCATE(100, A1:A3)'],
      [100, null],
      [100, null],
    ]);
    expect([value('B1'), value('B2'), value('B3')]).toEqual([4.76, 47.62, 47.62]);
  });

  it('shares a short pot with ALLOCATE without paying above a request', () => {
    const { value } = sheet([
      [10, '=PCC.ALLOCATE(100, A1:A3, C1:C3)', 1],
      [100, null, 1],
      [100, null, 1],
    ]);
    expect([value('B1'), value('B2'), value('B3')]).toEqual([10, 45, 45]);
  });

  it('pro-rates a 1 October – 30 September award with dates from DATE()', () => {
    const { value } = sheet([
      ['=PCC.PRORATA(24000, DATE(2020,10,1), DATE(2021,9,30), "2021/22")', '=PCC.PRORATA(24000, DATE(2020,10,1), DATE(2021,9,30), 2021, "days")'],
    ]);
    expect(value('A1')).toBe(12000);
    expect(value('B1')).toBe(12032.88);
  });

  it('labels the financial year with FY', () => {
    const { value } = sheet([['=PCC.FY(DATE(2021,3,31))', '=PCC.FY(DATE(2021,4,1))', '=PCC.FY("1999-04-01")']]);
    expect([value('A1'), value('B1'), value('C1')]).toEqual(['2020/21', '2021/22', '1999/00']);
  });

  it('gives the ring-fenced balance, and refuses a purpose outside the fence', () => {
    const { value } = sheet([
      [1000, 'Road safety', '=PCC.RINGFENCE(5000, A1:A2, B1:B2, "Road safety, Road-crash victim support")'],
      [2000, 'Road-crash victim support', '=PCC.RINGFENCE(5000, A1:A2, B1:B2, "Road safety")'],
    ]);
    expect(value('C1')).toBe(2000);
    const error = errorOf(value('C2'));
    expect(error.type).toBe('#VALUE!');
    expect(error.message).toMatch(/row 2/);
  });

  it.each([
    ['a text weight', '=PCC.SPLIT(100, A1:A2)', ['abc', 1], '#VALUE!', /weights row 1/],
    ['a negative weight', '=PCC.SPLIT(100, A1:A2)', [1, -1], '#NUM!', /weights row 2/],
    ['all weights zero', '=PCC.SPLIT(100, A1:A2)', [0, 0], '#DIV/0!', /./],
    ['a bad decimals', '=PCC.SPLIT(100, A1:A2, 9)', [1, 1], '#NUM!', /decimals/],
    ['an unknown basis', '=PCC.PRORATA(100, DATE(2021,4,1), DATE(2021,5,1), 2021, "weeks")', [1, 1], '#NUM!', /basis/],
    ['a bad date', '=PCC.FY("not a date")', [1, 1], '#VALUE!', /date/],
  ])('shows %s as an Excel error with its message', (_case, formula, cells, type, message) => {
    const { value } = sheet([
      [cells[0], formula],
      [cells[1], null],
    ]);
    const error = errorOf(value('B1'));
    expect(error.type).toBe(type);
    expect(error.message).toMatch(message);
  });

  it('propagates an error from a referenced cell', () => {
    const { value } = sheet([[1, '=PCC.SPLIT(100, A1:A2)'], ['=1/0', null]]);
    expect(errorOf(value('B1')).type).toBe('#DIV/0!');
  });

  it('recalculates the spill when a weight changes', () => {
    const { hf, value } = sheet([
      [1, '=PCC.SPLIT(90, A1:A2)'],
      [2, null],
    ]);
    expect([value('B1'), value('B2')]).toEqual([30, 60]);
    hf.setCellContents({ sheet: 0, row: 1, col: 0 }, 1);
    expect([value('B1'), value('B2')]).toEqual([45, 45]);
  });
});
