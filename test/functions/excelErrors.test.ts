/**
 * Inside Excel the functions throw CustomFunctions.Error with the SPEC's code and the
 * engine's message. The runtime's globals are stood in for here, as Excel defines them.
 */
import { split, fy } from '../../src/functions/functions';

class FakeExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const ErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
};

beforeAll(() => {
  (globalThis as Record<string, unknown>).CustomFunctions = { Error: FakeExcelError, ErrorCode };
});

afterAll(() => {
  delete (globalThis as Record<string, unknown>).CustomFunctions;
});

function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('errors inside Excel', () => {
  it.each([
    ['#VALUE!', () => split(100, [['abc']])],
    ['#NUM!', () => split(100, [[-1]])],
    ['#DIV/0!', () => split(100, [[0]])],
    ['#VALUE!', () => fy('not a date')],
  ])('throws CustomFunctions.Error %s with the message', (code, call) => {
    const error = thrown(call);
    expect(error).toBeInstanceOf(FakeExcelError);
    expect((error as FakeExcelError).code).toBe(code);
    expect((error as FakeExcelError).message).toBeTruthy();
  });

  it('returns results unchanged when nothing is wrong', () => {
    expect(split(10, [[1], [1]])).toEqual([[5], [5]]);
  });
});
