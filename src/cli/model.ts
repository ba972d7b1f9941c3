/**
 * Opening a model workbook and running it, for every command that reads one. Whatever
 * makes the input unusable (file, table, column, scenario) comes out as one
 * `InputError` naming the file; row problems stay checks in the result.
 */
import { INPUT_TABLES, readModel, runModel, type Model, type ModelResult, type RunOptions } from '../engine/model';
import type { TableData } from '../engine/sheet';
import type { XlsxWorkbook } from '../workbook/xlsx/workbook';
import { loadXlsxFile } from '../workbook/xlsx/node';
import type { CommandContext } from './context';
import { asInputError } from './errors';

export interface OpenedModel {
  file: string;
  workbook: XlsxWorkbook;
  tables: Record<string, TableData>;
  model: Model;
}

/**
 * Loads the workbook and reads its model.
 *
 * @throws {InputError} when the file or its tables cannot be used
 */
export async function openModel(file: string, context: CommandContext): Promise<OpenedModel> {
  try {
    context.progress.step(`Reading ${file}`);
    const workbook = await loadXlsxFile(file);
    const tables = await workbook.readTables(INPUT_TABLES);
    const model = readModel(tables, context.clock.today);
    return { file, workbook, tables, model };
  } catch (error) {
    context.progress.done();
    throw asInputError(error, file);
  }
}

/**
 * Runs the model's scenarios with the context's clock.
 *
 * @throws {InputError} for a scenario the workbook lacks (the message lists its scenarios)
 */
export function runOpened(
  opened: OpenedModel,
  options: Omit<RunOptions, 'stamp' | 'today' | 'runAt'>,
  context: CommandContext,
): ModelResult {
  try {
    context.progress.step(`Computing ${opened.file}`);
    return runModel(opened.model, { ...options, stamp: context.clock.stamp, runAt: context.clock.local, today: context.clock.today });
  } catch (error) {
    context.progress.done();
    throw asInputError(error, opened.file);
  }
}
