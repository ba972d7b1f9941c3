/**
 * What the commands print: the fund ledger, the comparison and the checks as
 * plain-text tables fitted to the terminal's width. A check the same in every scenario
 * run is counted and listed once, "in all scenarios".
 */
import {
  IN_ALL_SCENARIOS, summariseChecks, type CheckSummary, type Comparison, type ComparisonRow, type LedgerRow, type ModelResult,
  type Severity,
} from '../engine/model';
import { runStamp } from '../engine/model/stamp';
import { formatPounds } from '../render/money';
import { warn, type CommandContext } from './context';
import { textTable } from './textTable';

const money = (header: string) => ({ header, align: 'right' as const });

/** The fund ledger of every scenario run, one line per scenario and fund. */
export function ledgerText(ledger: readonly LedgerRow[], width?: number): string {
  return textTable(
    [
      { header: 'Scenario', wrap: true }, { header: 'Fund', wrap: true }, money('Opening balance'), money('Income'), money('Awarded'),
      money('Closing balance'), money('Floor'), money('Headroom'),
    ],
    ledger.map((row) => [
      row.scenario, row.fund, formatPounds(row.openingBalance), formatPounds(row.income), formatPounds(row.awarded),
      formatPounds(row.closingBalance), formatPounds(row.floor), formatPounds(row.headroom),
    ]),
    width,
  );
}

/** How many recipients' changes `run` prints, largest first. */
export const LARGEST_CHANGES = 10;

function percent(fraction: number | null): string {
  return fraction === null ? '' : `${(fraction * 100).toFixed(1)}%`;
}

function signed(amount: number): string {
  return amount > 0 ? `+${formatPounds(amount)}` : formatPounds(amount);
}

/**
 * The comparison of two scenarios: each fund's total, then the recipients whose
 * amounts change the most (at most {@link LARGEST_CHANGES}, largest change first,
 * ties in award order).
 */
export function comparisonText(comparison: Comparison, width?: number): string {
  const { first, second } = comparison;
  const figures = (row: ComparisonRow): string[] => [formatPounds(row.first), formatPounds(row.second), signed(row.variance), percent(row.variancePct)];
  const totals = textTable(
    [{ header: 'Fund', wrap: true }, money(first), money(second), money('Variance'), money('Variance %')],
    comparison.fundTotals.map((row) => [row.fund, ...figures(row)]),
    width,
  );
  const changed = comparison.rows
    .map((row, i) => ({ row, i }))
    .filter(({ row }) => row.variance !== 0)
    .sort((a, b) => Math.abs(b.row.variance) - Math.abs(a.row.variance) || a.i - b.i)
    .slice(0, LARGEST_CHANGES);
  const head = `Comparison: ${first} to ${second}`;
  if (changed.length === 0) return `${head}\n${totals}\n\nNo recipient's amount changes.`;
  const largest = textTable(
    [{ header: 'Ref' }, { header: 'Recipient', wrap: true }, { header: 'Fund', wrap: true }, money(first), money(second), money('Variance'), money('Variance %')],
    changed.map(({ row }) => [row.ref, row.recipient, row.fund, ...figures(row)]),
    width,
  );
  const title = changed.length === 1 ? 'The one change for a recipient' : `The ${changed.length} largest changes for recipients`;
  return `${head}\n${totals}\n\n${title}\n${largest}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The checks as a summary counts them (see `summariseChecks`). */
export function checkSummaryOf(result: Pick<ModelResult, 'checks' | 'scenariosRun'>): CheckSummary {
  return summariseChecks(result.checks, result.scenariosRun);
}

/** Counts by severity, a check the same in every scenario run counted once. */
export function checkCounts(result: Pick<ModelResult, 'checks' | 'scenariosRun'>): Record<Severity, number> {
  return checkSummaryOf(result).counts;
}

/** e.g. `2 errors, 1 warning, 3 notes`. */
export function checkSummary(result: Pick<ModelResult, 'checks' | 'scenariosRun'>): string {
  const counts = checkCounts(result);
  return [
    plural(counts.error, 'error', 'errors'),
    plural(counts.warning, 'warning', 'warnings'),
    plural(counts.info, 'note', 'notes'),
  ].join(', ');
}

/** The checks: a summary line, then a table (errors first, as the engine orders them). */
export function checksText(result: Pick<ModelResult, 'checks' | 'scenariosRun'>, width?: number): string {
  const { checks } = checkSummaryOf(result);
  const head = `Checks: ${checkSummary(result)}`;
  if (checks.length === 0) return `${head}.`;
  const table = textTable(
    [{ header: 'Severity' }, { header: 'Scenario', wrap: true }, { header: 'Fund', wrap: true }, { header: 'Ref' }, { header: 'Check' }, { header: 'Message', wrap: true }],
    checks.map((check) => [check.severity, check.inAllScenarios ? IN_ALL_SCENARIOS : check.scenario, check.fund, check.ref, check.check, check.message]),
    width,
  );
  return `${head}\n${table}`;
}

/** Shell-safe enough for a hint: a name with spaces or quotes in single quotes. */
export function quoteArgument(text: string): string {
  return /^[\w./:-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * After a command that writes a document (appendix, publish): when a check of the run
 * is an error, says so on stderr and how to see the checks. Warnings stay quiet here.
 */
export function warnErrors(context: CommandContext, result: ModelResult, file: string, scenario: string): void {
  const errors = checkCounts(result).error;
  if (errors === 0) return;
  warn(
    context,
    `Note: ${errors === 1 ? '1 check is an error' : `${errors} checks are errors`} (${checkSummary(result)}). ` +
      `See them with: awards run ${quoteArgument(file)} --scenario ${quoteArgument(scenario)}`,
  );
}

/** The run's ledger, comparison (when there is one) and checks, as `awards run` prints them. */
export function runReport(result: ModelResult, file: string, width?: number): string {
  const parts = [
    `Ran ${file} for ${result.financialYear}: scenario${result.scenariosRun.length === 1 ? '' : 's'} ` +
      `${result.scenariosRun.join(', ')} (${runStamp(result)}).`,
    '',
    'Fund ledger',
    ledgerText(result.ledger, width),
  ];
  if (result.comparison !== null) parts.push('', comparisonText(result.comparison, width));
  parts.push('', checksText(result, width));
  return parts.join('\n');
}
