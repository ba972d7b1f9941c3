import { allocate, fy, prorata, ringfence, scale, split } from '../../src/functions/functions';

/** What a function threw, as Excel would show it: the code and the message. */
function failure(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    const { code, message } = error as { code: string; message: string };
    return { code, message };
  }
  throw new Error('expected the call to fail');
}

/** The call fails with that Excel error code and a message matching `message`. */
function expectRefusal(call: () => unknown, code: string, message: RegExp): void {
  const error = failure(call);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
}

const column = (...values: (number | string | boolean | null)[]) => values.map((value) => [value]);

describe('SPEC worked checks', () => {
  it.each([
    ['SPLIT(100, {1;1;1})', () => split(100, column(1, 1, 1)), column(33.34, 33.33, 33.33)],
    ['SPLIT(-100, {1;1;1})', () => split(-100, column(1, 1, 1)), column(-33.34, -33.33, -33.33)],
    ['PRORATA months', () => prorata(24000, '2020-10-01', '2021-09-30', 2021), 12000],
    ['PRORATA days', () => prorata(24000, '2020-10-01', '2021-09-30', 2021, 'days'), 12032.88],
    ['FY(2021-03-31)', () => fy('2021-03-31'), '2020/21'],
    ['FY(1999-04-01)', () => fy('1999-04-01'), '1999/00'],
  ])('%s', (_name, call, expected) => {
    expect(call()).toEqual(expected);
  });
});

describe('SPLIT', () => {
  it('keeps the shape of a row of weights', () => {
    expect(split(100, [[1, 1, 1]])).toEqual([[33.34, 33.33, 33.33]]);
  });

  it('counts blank cells as zero weight', () => {
    expect(split(100, column(1, null, ''))).toEqual(column(100, 0, 0));
  });

  it('splits the camera unit surplus by NRE to the penny', () => {
    const shares = split(1234567.89, column(117.4, 153.9, 210.1)).flat();
    expect(shares.reduce((a, b) => Math.round((a + b) * 100) / 100, 0)).toBe(1234567.89);
  });

  it.each([
    ['a text weight', () => split(100, column(1, 'abc')), '#VALUE!', /weights row 2.*'abc'/],
    ['a boolean weight', () => split(100, column(true, 1)), '#VALUE!', /weights row 1/],
    ['a negative weight', () => split(100, column(1, 1, -1)), '#NUM!', /weights row 3.*negative/],
    ['decimals of 7', () => split(100, column(1), 7), '#NUM!', /decimals/],
    ['decimals of 1.5', () => split(100, column(1), 1.5), '#NUM!', /decimals/],
    ['all weights zero', () => split(100, column(0, 0)), '#DIV/0!', /./],
    ['a bad weight in a 2-D range', () => split(100, [[1, 2], [3, 'x']]), '#VALUE!', /weights row 2, column 2/],
  ])('refuses %s', (_case, call, code, message) => expectRefusal(call, code, message));
});

describe('ALLOCATE', () => {
  it('never pays a line more than it asked for', () => {
    expect(allocate(100, column(10, 100, 100), column(1, 1, 1))).toEqual(column(10, 45, 45));
  });

  it('pays every request when the pot covers them', () => {
    expect(allocate(1000, column(100, 200))).toEqual(column(100, 200));
  });

  it('accepts omitted optional arguments as null', () => {
    expect(allocate(90, column(30, 60), null as never, null as never)).toEqual(column(30, 60));
  });

  it.each([
    ['a negative pot', () => allocate(-1, column(1)), '#NUM!', /pot/],
    ['a negative request', () => allocate(10, column(1, -1)), '#NUM!', /requests row 2/],
    ['weights of another shape', () => allocate(10, column(1, 1), column(1)), '#VALUE!', /weights.*shape/],
  ])('refuses %s', (_case, call, code, message) => expectRefusal(call, code, message));
});

describe('SCALE', () => {
  it('re-fits unlocked lines to the confirmed grant and leaves locked lines alone', () => {
    const result = scale(column(100000, 50000, 25000), 190000, column('Yes', null, 'N'));
    expect(result[0][0]).toBe(100000);
    expect(result.flat().reduce((a, b) => a + b, 0)).toBe(190000);
  });

  it.each([['TRUE', true], ['1', 1], ['Y', 'Y'], ['Yes', 'yes']])('treats %s as locked', (_name, flag) => {
    expect(scale(column(10, 10), 30, column(flag, null))).toEqual(column(10, 20));
  });

  it.each([
    ['locked lines above the target', () => scale(column(100, 10), 50, column(true, false)), '#NUM!', /./],
    ['nothing unlocked to scale', () => scale(column(100), 150, column(true)), '#DIV/0!', /./],
    ['a negative amount', () => scale(column(100, -1), 150), '#NUM!', /amounts row 2/],
    ['an unreadable lock flag', () => scale(column(1, 2), 3, column('maybe', null)), '#VALUE!', /locked row 1/],
  ])('refuses %s', (_case, call, code, message) => expectRefusal(call, code, message));
});

describe('PRORATA', () => {
  it('takes Excel serial dates', () => {
    // 44105 = 2020-10-01, 44469 = 2021-09-30
    expect(prorata(24000, 44105, 44469, '2021/22')).toBe(12000);
  });

  it('defaults the year to the one containing the start', () => {
    expect(prorata(24000, '2020-10-01', '2021-09-30')).toBe(12000);
  });

  it('gives 0 when the award misses the year', () => {
    expect(prorata(24000, '2019-04-01', '2020-03-31', '2021-22')).toBe(0);
  });

  it.each([
    ['an end before the start', () => prorata(1, '2021-05-01', '2021-04-01'), '#NUM!', /./],
    ['an unknown basis', () => prorata(1, '2021-04-01', '2021-05-01', 2021, 'weeks'), '#NUM!', /basis/],
    ['a bad date', () => prorata(1, 'next week', '2021-05-01'), '#VALUE!', /start/],
  ])('refuses %s', (_case, call, code, message) => expectRefusal(call, code, message));
});

describe('FY', () => {
  it.each([
    ['2021-04-01', undefined, '2021/22'],
    ['2021-03-31', 4, '2020/21'],
    [44287, undefined, '2021/22'],
  ])('labels %s', (date, startMonth, label) => {
    expect(fy(date, startMonth)).toBe(label);
  });

  it('refuses a bad date with #VALUE!', () => {
    expect(failure(() => fy('31/13/2021')).code).toBe('#VALUE!');
  });

  it.each(['2021-04-01Tgarbage', '2021-04-01T25:00', '2021-04-01 and more'])('refuses %p, a date with something after it that is no time, with #VALUE!', (text) => {
    expect(failure(() => fy(text)).code).toBe('#VALUE!');
  });

  it('reads a date with a valid time', () => {
    expect(fy('2021-03-31T23:59:59.999')).toBe('2020/21');
  });
});

describe('RINGFENCE', () => {
  const purposes = column('Road safety', ' road SAFETY ', 'Victim support');

  it('gives the balance left when every purpose is inside the fence', () => {
    expect(ringfence(10000, column(1000, 2000, 500), purposes, [['Road safety, Victim support']])).toBe(6500);
  });

  it('treats a blank fence as not ring-fenced', () => {
    expect(ringfence(10000, column(1000), column('Anything'), [['']])).toBe(9000);
  });

  it('takes the fence as a range', () => {
    expect(ringfence(100, column(10, 20, 30), purposes, column('Road safety', 'Victim support'))).toBe(40);
  });

  it('refuses a purpose outside the fence, naming the line and purpose', () => {
    const error = failure(() => ringfence(10000, column(1000, 5), column('Road safety', 'Training'), [['Road safety']]));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/row 2/);
    expect(error.message).toMatch(/Training/);
  });

  it('keeps 1e-50 beside 1e15: RINGFENCE(1e15, {1e15; 1e-50}) is below its floor of 0', () => {
    expect(failure(() => ringfence(1e15, column(1e15, 1e-50), column('x', 'x'), [['']])).code).toBe('#NUM!');
    expect(ringfence(1e15, column(1e15, 1e-50), column('x', 'x'), [['']], -1)).toBe(-1e-50);
  });

  it('refuses a balance below the floor, naming the shortfall', () => {
    const error = failure(() => ringfence(1000, column(900), column('x'), [['']], 300));
    expect(error.code).toBe('#NUM!');
    expect(error.message).toMatch(/200/);
  });
});
