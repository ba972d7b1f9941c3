/**
 * What the pane shows after a run, as Fluent UI tables: the fund ledger in brief
 * (awarded and headroom by fund, one column per scenario), and indicative against
 * confirmed at a glance. Native <table> underneath (Fluent's default), so a caption
 * names each table and header cells carry their scope.
 */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { memo, type ReactElement } from 'react';
import { sumPounds, type LedgerRow, type ModelResult } from '../../engine/model';
import { money, signedMoney, signedPercent } from '../format';
import type { Glance, GlanceTotals } from '../glance';
import { text } from '../messages';

/** A figure's cell: right-aligned, red when below zero, its exact value in data-value. */
export function NumberCell(props: { value: number | null; shown: string; negative?: boolean; dataKey?: string; colSpan?: number }): ReactElement {
  const negative = props.negative ?? (props.value !== null && props.value < 0);
  return (
    <TableCell className={negative ? 'num negative' : 'num'} data-key={props.dataKey} data-value={props.value ?? ''} colSpan={props.colSpan}>
      {props.shown}
    </TableCell>
  );
}

function Matrix(props: { caption: string; result: ModelResult; pick: (row: LedgerRow) => number; className: string }): ReactElement {
  const { result, pick } = props;
  const scenarios = result.scenariosRun;
  const funds = [...new Set(result.ledger.map((row) => row.fund))];
  const cell = (fund: string, scenario: string): LedgerRow | undefined =>
    result.ledger.find((row) => row.fund === fund && row.scenario === scenario);
  const totalOf = (scenario: string): number => sumPounds(result.ledger.filter((row) => row.scenario === scenario).map(pick));
  return (
    <Table size="small" className={`summary ${props.className}`}>
      <caption>{props.caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{text.results.fund}</TableHeaderCell>
          {scenarios.map((s) => (
            <TableHeaderCell key={s} scope="col" className="num">{s}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {funds.map((fund) => (
          <TableRow key={fund}>
            <TableHeaderCell scope="row">{fund}</TableHeaderCell>
            {scenarios.map((scenario) => {
              const row = cell(fund, scenario);
              return row === undefined ? <TableCell key={scenario} /> : <NumberCell key={scenario} value={pick(row)} shown={money(pick(row))} />;
            })}
          </TableRow>
        ))}
      </TableBody>
      <tfoot>
        <TableRow>
          <TableHeaderCell scope="row">{text.results.allFunds}</TableHeaderCell>
          {scenarios.map((s) => (
            <NumberCell key={s} value={totalOf(s)} shown={money(totalOf(s))} />
          ))}
        </TableRow>
      </tfoot>
    </Table>
  );
}

const awarded = (row: LedgerRow): number => row.awarded;
const headroom = (row: LedgerRow): number => row.headroom;

/** Awarded and headroom by fund, a column per scenario run. */
export const LedgerSummary = memo(function LedgerSummary(props: { result: ModelResult }): ReactElement {
  return (
    <div className="ledger-summary">
      <Matrix caption={text.results.ledgerCaption} result={props.result} pick={awarded} className="awarded" />
      <Matrix caption={text.results.headroomCaption} result={props.result} pick={headroom} className="headroom" />
    </div>
  );
});

/**
 * Indicative against confirmed: totals, variance in pounds and per cent, and lines
 * scaled — out of the lines in that column (the fund's, or all funds'), so the two
 * columns never repeat one figure.
 */
export function GlanceTable(props: { glance: Glance }): ReactElement {
  const { glance } = props;
  const columns: GlanceTotals[] = glance.fund === null ? [glance.allFunds] : [glance.fund, glance.allFunds];
  const row = (label: string, key: string, cells: ReactElement[]): ReactElement => (
    <TableRow data-key={key}>
      <TableHeaderCell scope="row">{label}</TableHeaderCell>
      {cells}
    </TableRow>
  );
  return (
    <Table size="small" className="summary glance" id="glance">
      <caption>{text.confirmed.caption(glance.first, glance.second)}</caption>
      <TableHeader>
        <TableRow>
          <TableCell />
          {columns.map((c) => (
            <TableHeaderCell key={c.label} scope="col" className="num">{c.label}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {row(text.confirmed.total(glance.first), 'first', columns.map((c) => <NumberCell key={c.label} value={c.first} shown={money(c.first)} />))}
        {row(text.confirmed.total(glance.second), 'second', columns.map((c) => <NumberCell key={c.label} value={c.second} shown={money(c.second)} />))}
        {row(text.confirmed.variance, 'variance', columns.map((c) => <NumberCell key={c.label} value={c.variance} shown={signedMoney(c.variance)} />))}
        {row(
          text.confirmed.variancePct,
          'variance-pct',
          columns.map((c) => <NumberCell key={c.label} value={c.variancePct} negative={c.variance < 0} shown={signedPercent(c.variancePct)} />),
        )}
        {row(
          text.confirmed.linesScaled,
          'lines-scaled',
          columns.map((c) => <NumberCell key={c.label} value={c.linesScaled} negative={false} shown={text.confirmed.linesScaledOf(c.linesScaled, c.lines)} />),
        )}
      </TableBody>
    </Table>
  );
}
