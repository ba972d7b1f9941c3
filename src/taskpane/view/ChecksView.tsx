/**
 * The list named `Checks`: the last run's checks for the fund shown, grouped by severity
 * (errors, then warnings, then notes), a check the same in every scenario shown once,
 * "in all scenarios" (summariseChecks). An item that points at an input row is a button:
 * click, Enter or Space selects that row. Each group's heading (`#checks-error`,
 * `#checks-warning`, `#checks-info`) is where the answer's counts lead.
 */
import { memo, type ReactElement } from 'react';
import { IN_ALL_SCENARIOS, summariseChecks, type Check, type Severity, type SummaryCheck } from '../../engine/model';
import { text } from '../messages';

/** More than this many items and the rest are left to the Checks sheet. */
export const MAX_CHECKS_SHOWN = 200;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type LocatedCheck = Check & { table: string; row: number };

function where(check: SummaryCheck): string {
  const scenario = check.inAllScenarios ? IN_ALL_SCENARIOS : check.scenario;
  return [scenario, check.fund, check.ref].filter((part) => part !== '').join(' · ');
}

/** Whether a check points at an input row the pane can select. */
export function isLocated<T extends Check>(check: T): check is T & { table: string; row: number } {
  return typeof check.table === 'string' && check.table !== '' && typeof check.row === 'number' && check.row >= 0;
}

function ItemBody(props: { check: SummaryCheck }): ReactElement {
  const { check } = props;
  return (
    <>
      <span className={`badge badge-${check.severity}`}>{text.results.severity[check.severity] ?? check.severity}</span>
      <span className="check-name">{check.check}</span>
      <span className="check-where">{where(check)}</span>
      <span className="check-message">{check.message}</span>
    </>
  );
}

function Item(props: { check: SummaryCheck; onActivate: (check: LocatedCheck) => void }): ReactElement {
  const { check } = props;
  return (
    <li className={`check check-${check.severity}`}>
      {isLocated(check) ? (
        <button type="button" className="check-body" data-table={check.table} data-row={check.row} onClick={() => props.onActivate(check)}>
          <ItemBody check={check} />
        </button>
      ) : (
        <div className="check-body">
          <ItemBody check={check} />
        </div>
      )}
    </li>
  );
}

/** The Checks section: a summary line and the grouped list; nothing run yet says so. */
export const ChecksView = memo(function ChecksView(props: {
  checks: readonly Check[] | null;
  scenariosRun: readonly string[];
  onActivate: (check: LocatedCheck) => void;
}): ReactElement {
  const summary = props.checks === null ? null : summariseChecks(props.checks, props.scenariosRun);
  let room = MAX_CHECKS_SHOWN;
  const groups = summary === null
    ? []
    : SEVERITIES.filter((severity) => severity !== 'info' || summary.counts.info > 0).map((severity) => {
        const mine = summary.checks.filter((check) => check.severity === severity);
        const listed = mine.slice(0, Math.max(0, room));
        room -= listed.length;
        const id = `checks-${severity}`;
        return (
          <li key={severity} className={`check-group check-group-${severity}`}>
            <h3 id={id} tabIndex={-1}>{text.results.group(severity, mine.length)}</h3>
            {mine.length === 0 ? (
              <p className="hint">{text.answer.none}</p>
            ) : (
              <ul aria-labelledby={id}>
                {listed.map((check, i) => (
                  <Item key={`${check.check}-${check.scenario}-${check.ref}-${i}`} check={check} onActivate={props.onActivate} />
                ))}
                {mine.length > listed.length ? <li className="check check-more">{text.results.moreInSheet(mine.length - listed.length)}</li> : null}
              </ul>
            )}
          </li>
        );
      });
  return (
    <section className="pane-section" aria-labelledby="checks-heading" id="checks">
      <h2 id="checks-heading">{text.results.checksHeading}</h2>
      <p className="checks-summary">
        {summary === null
          ? text.results.noChecks
          : `${text.results.checksSummary(summary.counts.error, summary.counts.warning, summary.counts.info)}${
              summary.checks.some(isLocated) ? ` ${text.results.checksHint}` : ''
            }`}
      </p>
      <ul className="checks" aria-label={text.results.checksHeading}>
        {groups}
      </ul>
    </section>
  );
});
