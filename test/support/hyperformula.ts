/**
 * The PCC functions inside a real calculation engine. HyperFormula (GPL; a dev
 * dependency, used only by tests) evaluates real formulas — cell references, ranges,
 * blanks, spills and error propagation — and calls the very functions Excel would, with
 * the arguments converted the way Excel hands them over: ranges as 2-D arrays, blank
 * cells as null, omitted optional arguments as null.
 */
import {
  ArraySize,
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from 'hyperformula';
import type { ProcedureAst } from 'hyperformula/typings/parser';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { InterpreterValue } from 'hyperformula/typings/interpreter/InterpreterValue';
import * as pcc from '../../src/functions/functions';
import { EngineError, type ErrorCode } from '../../src/engine/errors';

type ExcelCell = number | string | boolean | null;

const ERROR_TYPES: Record<ErrorCode, ErrorType> = {
  '#VALUE!': ErrorType.VALUE,
  '#NUM!': ErrorType.NUM,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#N/A': ErrorType.NA,
};

/** A scalar as a custom function receives it: rich numbers as numbers, empty as null. */
function cell(value: unknown): ExcelCell {
  if (value === undefined || typeof value === 'symbol') return null; // HyperFormula's EmptyValue
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value !== null && typeof value === 'object' && 'val' in value) return Number((value as { val: unknown }).val);
  return null;
}

/** A range argument as a custom function receives it: a 2-D array (a scalar becomes 1 × 1). */
function range(value: unknown): ExcelCell[][] | CellError {
  if (value instanceof CellError) return value;
  if (value instanceof SimpleRangeValue) {
    const rows = value.data;
    for (const row of rows) for (const item of row) if (item instanceof CellError) return item;
    return rows.map((row) => row.map(cell));
  }
  return [[cell(value)]];
}

function result(compute: () => unknown): InterpreterValue {
  try {
    const value = compute();
    if (Array.isArray(value)) return SimpleRangeValue.onlyValues(value as number[][]);
    return value as InterpreterValue;
  } catch (error) {
    if (error instanceof EngineError) return new CellError(ERROR_TYPES[error.code], error.message);
    throw error;
  }
}

const ANY = { argumentType: FunctionArgumentType.ANY };
const OPTIONAL = { argumentType: FunctionArgumentType.ANY, optionalArg: true };
const RANGE = { argumentType: FunctionArgumentType.RANGE };
const OPTIONAL_RANGE = { argumentType: FunctionArgumentType.ANY, optionalArg: true };

/** Calls `body` with the arguments converted, propagating an error found in any of them. */
function call(args: unknown[], ranges: readonly number[], body: (...values: never[]) => unknown): InterpreterValue {
  const converted: unknown[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg instanceof CellError) return arg;
    const value = ranges.includes(i) && arg !== undefined ? range(arg) : arg === undefined ? null : cell(arg);
    if (value instanceof CellError) return value;
    converted.push(value);
  }
  return result(() => body(...(converted as never[])));
}

class PccPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    'PCC.SPLIT': { method: 'split', sizeOfResultArrayMethod: 'sizeOfSecond', parameters: [ANY, RANGE, OPTIONAL], vectorizationForbidden: true },
    'PCC.ALLOCATE': {
      method: 'allocate',
      sizeOfResultArrayMethod: 'sizeOfSecond',
      parameters: [ANY, RANGE, OPTIONAL_RANGE, OPTIONAL],
      vectorizationForbidden: true,
    },
    'PCC.SCALE': {
      method: 'scale',
      sizeOfResultArrayMethod: 'sizeOfFirst',
      parameters: [RANGE, ANY, OPTIONAL_RANGE, OPTIONAL],
      vectorizationForbidden: true,
    },
    'PCC.PRORATA': { method: 'prorata', parameters: [ANY, ANY, ANY, OPTIONAL, OPTIONAL, OPTIONAL] },
    'PCC.FY': { method: 'fy', parameters: [ANY, OPTIONAL] },
    'PCC.RINGFENCE': {
      method: 'ringfence',
      parameters: [ANY, RANGE, RANGE, ANY, OPTIONAL],
      vectorizationForbidden: true,
    },
  };

  split(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.runFunction(ast.args, state, this.metadata('PCC.SPLIT'), (...args: unknown[]) =>
      call(args, [1], pcc.split as (...values: never[]) => unknown),
    );
  }

  allocate(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.runFunction(ast.args, state, this.metadata('PCC.ALLOCATE'), (...args: unknown[]) =>
      call(args, [1, 2], pcc.allocate as (...values: never[]) => unknown),
    );
  }

  scale(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.runFunction(ast.args, state, this.metadata('PCC.SCALE'), (...args: unknown[]) =>
      call(args, [0, 2], pcc.scale as (...values: never[]) => unknown),
    );
  }

  prorata(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.runFunction(ast.args, state, this.metadata('PCC.PRORATA'), (...args: unknown[]) =>
      call(args, [], pcc.prorata as (...values: never[]) => unknown),
    );
  }

  fy(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.runFunction(ast.args, state, this.metadata('PCC.FY'), (...args: unknown[]) =>
      call(args, [], pcc.fy as (...values: never[]) => unknown),
    );
  }

  ringfence(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.runFunction(ast.args, state, this.metadata('PCC.RINGFENCE'), (...args: unknown[]) =>
      call(args, [1, 2, 3], pcc.ringfence as (...values: never[]) => unknown),
    );
  }

  /** Spill size is fixed when the formula is parsed: the shape of the range argument. */
  sizeOfFirst(ast: ProcedureAst, state: InterpreterState): ArraySize {
    return this.sizeOf(ast, state, 0);
  }

  sizeOfSecond(ast: ProcedureAst, state: InterpreterState): ArraySize {
    return this.sizeOf(ast, state, 1);
  }

  private sizeOf(ast: ProcedureAst, state: InterpreterState, index: number): ArraySize {
    const arg = ast.args[index];
    if (arg === undefined) return ArraySize.error();
    const size = this.arraySizeForAst(arg, state);
    return new ArraySize(size.width, size.height);
  }
}

const NAMES = Object.keys(PccPlugin.implementedFunctions);
HyperFormula.registerFunctionPlugin(PccPlugin, {
  enGB: Object.fromEntries(NAMES.map((name) => [name, name])),
});

/** A one-sheet workbook whose formulas can call the PCC functions. */
export function sheet(cells: (number | string | boolean | null)[][]): { hf: HyperFormula; value: (a1: string) => unknown; sheetId: number } {
  const hf = HyperFormula.buildFromArray(cells, { licenseKey: 'gpl-v3' });
  const sheetId = 0;
  const value = (a1: string): unknown => {
    const address = hf.simpleCellAddressFromString(a1, sheetId);
    if (!address) throw new Error(`bad address ${a1}`);
    return hf.getCellValue(address);
  };
  return { hf, value, sheetId };
}
