/**
 * Checks as a summary counts them (SPEC section 3): a check that is the same in every
 * scenario run — same severity, fund, ref, check, message and place, only the scenario
 * differing — is counted and listed once, "in all scenarios". Pure, for the command
 * line and the task pane alike.
 */
import type { Check, Severity } from './types';

/** What a summary shows: a check once, with the scenarios it was found in. */
export interface SummaryCheck extends Check {
  /** True when it is the same in every scenario run (then `scenario` is `''`). */
  inAllScenarios: boolean;
}

export interface CheckSummary {
  /** In the order the checks came, each shared check where it first appeared. */
  checks: SummaryCheck[];
  /** By severity, counting a shared check once. */
  counts: Record<Severity, number>;
}

/** The words a summary shows in the Scenario column of a shared check. */
export const IN_ALL_SCENARIOS = 'in all scenarios';

function sameness(check: Check): string {
  return JSON.stringify([check.severity, check.fund, check.ref, check.check, check.message, check.table ?? '', check.row ?? -1, check.column ?? '']);
}

/**
 * The checks with those the same in every one of `scenariosRun` (two or more) counted
 * once. A check of a single scenario, or of some scenarios only, stays as it is.
 *
 * @example
 * summariseChecks([{ ...fence, scenario: 'Indicative' }, { ...fence, scenario: 'Confirmed' }], ['Indicative', 'Confirmed'])
 * //=> { checks: [{ ...fence, scenario: '', inAllScenarios: true }], counts: { error: 1, warning: 0, info: 0 } }
 */
export function summariseChecks(checks: readonly Check[], scenariosRun: readonly string[]): CheckSummary {
  const scenarios = new Set(scenariosRun);
  const seen = new Map<string, Set<string>>();
  if (scenarios.size >= 2) {
    for (const check of checks) {
      if (!scenarios.has(check.scenario)) continue;
      const key = sameness(check);
      const found = seen.get(key) ?? new Set<string>();
      found.add(check.scenario);
      seen.set(key, found);
    }
  }
  const shared = new Set([...seen].filter(([, found]) => found.size === scenarios.size).map(([key]) => key));
  const listed = new Set<string>();
  const result: SummaryCheck[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const check of checks) {
    const key = scenarios.has(check.scenario) ? sameness(check) : null;
    if (key !== null && shared.has(key)) {
      if (listed.has(key)) continue;
      listed.add(key);
      result.push({ ...check, scenario: '', inAllScenarios: true });
    } else {
      result.push({ ...check, inAllScenarios: false });
    }
    counts[check.severity]++;
  }
  return { checks: result, counts };
}
