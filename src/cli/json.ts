/**
 * What `--json` prints: one document whose shape is `schemas/run-result.schema.json`
 * (versioned by `schemaVersion`). A run gives its result with the counts of checks by
 * severity (a check the same in every scenario counted once, as the summaries count
 * it), the files written and every check's place as 1-based table rows, as the pane
 * and Excel users count them; a refusal gives an error object with the exit code.
 */
import type { Check, ModelResult, Severity } from '../engine/model';
import { checkCounts } from './report';

/** The version of the `--json` document's shape; raised whenever the shape changes incompatibly. */
export const SCHEMA_VERSION = 1;

/** A check as `--json` gives it: every field present, `row` 1-based (the table's first body row is 1). */
export interface JsonCheck {
  severity: Severity;
  scenario: string;
  fund: string;
  ref: string;
  check: string;
  message: string;
  table: string | null;
  row: number | null;
  column: string | null;
}

export interface RunJson extends Omit<ModelResult, 'checks'> {
  schemaVersion: number;
  ok: true;
  command: 'run';
  model: string;
  /** True when nothing was written (`--json` without `--out`). */
  dryRun: boolean;
  filesWritten: string[];
  counts: Record<Severity, number>;
  checks: JsonCheck[];
}

export interface ErrorJson {
  schemaVersion: number;
  ok: false;
  error: { exitCode: number; message: string };
}

function jsonCheck(check: Check): JsonCheck {
  return {
    severity: check.severity,
    scenario: check.scenario,
    fund: check.fund,
    ref: check.ref,
    check: check.check,
    message: check.message,
    table: check.table ?? null,
    row: check.row === undefined ? null : check.row + 1,
    column: check.column ?? null,
  };
}

/** The `--json` document of a run. */
export function runJson(result: ModelResult, model: string, filesWritten: readonly string[]): RunJson {
  return {
    schemaVersion: SCHEMA_VERSION,
    ok: true,
    command: 'run',
    model,
    dryRun: filesWritten.length === 0,
    filesWritten: [...filesWritten],
    counts: checkCounts(result),
    ...result,
    checks: result.checks.map(jsonCheck),
  };
}

/** The `--json` document of a refusal or a fault: the message the user would read, and the exit code. */
export function errorJson(message: string, exitCode: number): ErrorJson {
  return { schemaVersion: SCHEMA_VERSION, ok: false, error: { exitCode, message } };
}

/** Whether the command line asks for `--json` (before any `--`). */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}
