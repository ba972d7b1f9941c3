/**
 * The answer (answer.ts) at the top of the pane, compact enough for a 350-pixel pane:
 * a Fluent table of the funds (available, awarded, left, and the change from the
 * indicative scenario), the largest increases and cuts, the counts of errors and
 * warnings — each a link to its group in the Checks list — and what comes up next.
 */
import { Link, Table, TableBody, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { memo, type MouseEvent, type ReactElement } from 'react';
import type { ComparisonRow } from '../../engine/model';
import type { Answer, Change } from '../answer';
import { countOf, money, signedMoney, signedPercent } from '../format';
import { text } from '../messages';
import { NumberCell } from './tables';

function changeText(change: Change): string {
  return `${signedMoney(change.variance)} (${signedPercent(change.variancePct)})`;
}

function ChangeRow(props: { change: Change; changeKey: string; label: string }): ReactElement {
  const { change } = props;
  return (
    <TableRow className="answer-change" data-change={props.changeKey} data-value={change.variance} data-pct={change.variancePct ?? ''}>
      <TableHeaderCell scope="row">{props.label}</TableHeaderCell>
      <NumberCell colSpan={2} value={null} negative={change.variance < 0} shown={changeText(change)} />
    </TableRow>
  );
}

function FundsTable(props: { answer: Answer }): ReactElement {
  const { answer } = props;
  const comparison = answer.comparison;
  const changes = new Map(comparison?.funds.map((c) => [c.label, c]) ?? []);
  const vs = comparison === null ? '' : text.answer.vs(comparison.first, comparison.second);
  return (
    <Table size="extra-small" className="summary answer-funds" id="answer-funds">
      <caption>{text.answer.fundsCaption(answer.scenario)}</caption>
      <TableHeader>
        <TableRow>
          {[text.answer.available, text.answer.awarded, text.answer.left].map((h) => (
            <TableHeaderCell key={h} scope="col" className="num">{h}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {answer.funds.map((fund) => {
          const change = changes.get(fund.fund);
          return [
            <TableRow key={`${fund.fund}-name`} className="answer-fund">
              <TableHeaderCell scope="colgroup" colSpan={3}>{fund.fund}</TableHeaderCell>
            </TableRow>,
            <TableRow key={`${fund.fund}-money`} data-fund={fund.fund}>
              <NumberCell dataKey="available" value={fund.available} shown={money(fund.available)} />
              <NumberCell dataKey="awarded" value={fund.awarded} shown={money(fund.awarded)} />
              <NumberCell dataKey="left" value={fund.left} shown={money(fund.left)} />
            </TableRow>,
            change ? <ChangeRow key={`${fund.fund}-change`} change={change} changeKey={fund.fund} label={vs} /> : null,
          ];
        })}
      </TableBody>
      {comparison === null || answer.fund !== '' ? null : (
        <tfoot>
          <ChangeRow change={comparison.total} changeKey="total" label={text.answer.allFundsVs(comparison.first, comparison.second)} />
        </tfoot>
      )}
    </Table>
  );
}

function Movers(props: { heading: string; id: string; rows: readonly ComparisonRow[] }): ReactElement {
  return (
    <div className="answer-movers">
      <h3 id={props.id}>{props.heading}</h3>
      {props.rows.length === 0 ? (
        <p className="hint">{text.answer.none}</p>
      ) : (
        <ul aria-labelledby={props.id}>
          {props.rows.map((row) => (
            <li key={`${row.ref}-${row.fund}`} data-ref={row.ref} data-value={row.variance}>
              <span className="mover-name">{row.recipient}</span>{' '}
              <span className={row.variance < 0 ? 'num negative' : 'num'}>{`${signedMoney(row.variance)} (${signedPercent(row.variancePct)})`}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The next calendar events: date, what, whose, and the instalment for a payment. */
function Upcoming(props: { events: Answer['upcoming'] }): ReactElement {
  return (
    <div className="answer-upcoming">
      <h3 id="answer-upcoming">{text.answer.upcoming}</h3>
      <ul aria-labelledby="answer-upcoming">
        {props.events.map((event, i) => (
          <li key={`${event.ref}-${event.date}-${i}`} data-ref={event.ref} data-date={event.date}>
            <span className="upcoming-date">{text.answer.eventDate(event.date)}</span>{' '}
            {`${event.event}: ${event.recipient} (${event.ref})`}
            {event.amount === null ? '' : ` ${money(event.amount)}`}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The answer's body; the counts lead to `#checks-error` and `#checks-warning` (`goTo`). */
export const AnswerView = memo(function AnswerView(props: { answer: Answer; goTo: (severity: 'error' | 'warning') => void }): ReactElement {
  const { answer, goTo } = props;
  const follow = (severity: 'error' | 'warning') => (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    goTo(severity);
  };
  return (
    <div className="answer-body">
      <p className="answer-counts">
        <Link href="#checks-error" data-count="error" className={answer.counts.error > 0 ? 'count-error' : undefined} onClick={follow('error')}>
          {countOf(answer.counts.error, 'error', 'errors')}
        </Link>
        {' · '}
        <Link href="#checks-warning" data-count="warning" onClick={follow('warning')}>
          {countOf(answer.counts.warning, 'warning', 'warnings')}
        </Link>
      </p>
      <FundsTable answer={answer} />
      {answer.comparison === null ? null : (
        <div className="answer-moves">
          <Movers heading={text.answer.increases} id="answer-increases" rows={answer.increases} />
          <Movers heading={text.answer.cuts} id="answer-cuts" rows={answer.cuts} />
        </div>
      )}
      {answer.upcoming.length > 0 ? <Upcoming events={answer.upcoming} /> : null}
    </div>
  );
});
