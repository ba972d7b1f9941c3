/** What the commands print: the fund ledger and the checks as plain-text tables. */
import { runStamp } from '../engine/model/stamp';
import type { Check, LedgerRow, ModelResult, Severity } from '../engine/model';
import { formatPounds } from '../render/money';
import { warn, type CommandContext } from './context';
import { textTable } from './textTable';

/** The fund ledger of every scenario run, one line per scenario and fund. */
export function ledgerText(ledger: readonly LedgerRow[]): string {
  const money = (header: string) => ({ header, align: 'right' as const });
  return textTable(
    [
      { header: 'Scenario' }, { header: 'Fund' }, money('Opening balance'), money('Income'), money('Awarded'),
      money('Closing balance'), money('Floor'), money('Headroom'),
    ],
    ledger.map((row) => [
      row.scenario, row.fund, formatPounds(row.openingBalance), formatPounds(row.income), formatPounds(row.awarded),
      formatPounds(row.closingBalance), formatPounds(row.floor), formatPounds(row.headroom),
    ]),
  );
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Counts by severity. */
export function checkCounts(checks: readonly Check[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const check of checks) counts[check.severity]++;
  return counts;
}

/** e.g. `2 errors, 1 warning, 3 notes`. */
export function checkSummary(checks: readonly Check[]): string {
  const counts = checkCounts(checks);
  return [
    plural(counts.error, 'error', 'errors'),
    plural(counts.warning, 'warning', 'warnings'),
    plural(counts.info, 'note', 'notes'),
  ].join(', ');
}

/** The checks: a summary line, then a table (errors first, as the engine orders them). */
export function checksText(checks: readonly Check[]): string {
  const head = `Checks: ${checkSummary(checks)}`;
  if (checks.length === 0) return `${head}.`;
  const table = textTable(
    [{ header: 'Severity' }, { header: 'Scenario' }, { header: 'Fund' }, { header: 'Ref' }, { header: 'Check' }, { header: 'Message' }],
    checks.map((check) => [check.severity, check.scenario, check.fund, check.ref, check.check, check.message]),
  );
  return `${head}\n${table}`;
}

/** Shell-safe enough for a hint: a name with spaces or quotes in single quotes. */
function quoteArgument(text: string): string {
  return /^[\w./:-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * After a command that writes a document (appendix, publish): when a check of the run
 * is an error, says so on stderr and how to see the checks. Warnings stay quiet here.
 */
export function warnErrors(context: CommandContext, result: ModelResult, file: string, scenario: string): void {
  const errors = checkCounts(result.checks).error;
  if (errors === 0) return;
  warn(
    context,
    `Note: ${errors === 1 ? '1 check is an error' : `${errors} checks are errors`} (${checkSummary(result.checks)}). ` +
      `See them with: awards run ${quoteArgument(file)} --scenario ${quoteArgument(scenario)} --out FILE`,
  );
}

/** The run's ledger and checks, as `awards run` prints them. */
export function runReport(result: ModelResult, file: string): string {
  return [
    `Ran ${file} for ${result.financialYear}: scenario${result.scenariosRun.length === 1 ? '' : 's'} ` +
      `${result.scenariosRun.join(', ')} (${runStamp(result)}).`,
    '',
    'Fund ledger',
    ledgerText(result.ledger),
    '',
    checksText(result.checks),
  ].join('\n');
}
