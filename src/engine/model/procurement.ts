/**
 * Procurement bands (SPEC section 3, Contract Standing Orders): the optional
 * `Procurement` table, the band a whole contract value falls in, and the check that
 * an award's route meets its band. With a `Procurement` table, this check takes the
 * place of the tender threshold's.
 *
 * Which awards are checked: every award whose `Route` is not blank and not `Grant`
 * (grants are not procured). The whole contract value is the annual amount (after any
 * fit, as the scenario scales it) over the contract's term and every extension it
 * allows — taken or still to take; an award without contract terms counts its amount
 * for the year.
 */
import type { TableData } from '../sheet';
import type { FundOutcome } from './allocation';
import { NOTE } from './allocation';
import { cellText, RowCells } from './cells';
import { contractMonths } from './contracts';
import type { Award, Model, ProcurementBand } from './inputs';
import { KIND, type PreparedModel } from './lines';
import { messages } from './messages';
import { timesRatio, toPence } from './pence';
import { openTable, PROCUREMENT } from './schema';
import type { Check } from './types';

/** A route as compared: trimmed, case-blind, hyphens and runs of spaces as one space. */
export function routeKey(route: string): string {
  return route.trim().toLowerCase().replace(/[\s-]+/g, ' ');
}

/** The Procurement table's bands, lowest `From` first; rows that cannot be used become error checks. */
export function readProcurement(tables: Readonly<Record<string, TableData>>, checks: Check[]): ProcurementBand[] {
  const table = openTable(tables, PROCUREMENT);
  if (table === null) return [];
  const col = { from: table.column('From'), requirement: table.column('Requirement'), routes: table.column('Routes') };
  const bands: ProcurementBand[] = [];
  const cells = new RowCells();
  for (let row = 0; row < table.rows.length; row++) {
    cells.cells = table.rows[row];
    if (cells.isBlank()) continue;
    const problem = (check: string, column: string, message: string): void => {
      checks.push({ severity: 'error', scenario: '', fund: '', ref: '', check, message, table: PROCUREMENT.name, row, column });
    };
    const requirement = cells.text(col.requirement);
    const label = requirement === '' ? `Row ${row + 1}` : requirement;
    const from = cells.money(col.from);
    if (typeof from !== 'number' || from < 0) {
      const text = from === null ? '' : typeof from === 'number' ? String(from) : from.text;
      problem(from === null ? 'Missing value' : 'Bad value', 'From', messages.bandBadFrom(label, text));
      continue;
    }
    if (bands.some((band) => band.from === from)) {
      problem('Duplicate band', 'From', messages.bandDuplicate(label, toPence(from)));
      continue;
    }
    const routes = cellText(cells.at(col.routes)).split(',').map((route) => route.trim()).filter((route) => route !== '');
    if (routes.length === 0) {
      problem('Missing value', 'Routes', messages.bandNoRoutes(label));
      continue;
    }
    bands.push({ from, requirement, routes, row });
  }
  return bands.sort((a, b) => a.from - b.from);
}

/** The band a whole contract value (pence) falls in: the highest `From` at or below it; null below every band. */
export function bandFor(bands: readonly ProcurementBand[], value: number): ProcurementBand | null {
  let found: ProcurementBand | null = null;
  for (const band of bands) {
    if (toPence(band.from) <= value) found = band;
    else break;
  }
  return found;
}

/** Whether a route meets a band. */
export function meetsBand(band: ProcurementBand, route: string): boolean {
  const key = routeKey(route);
  return band.routes.some((candidate) => routeKey(candidate) === key);
}

/** An award the band check looks at: its position and how many months its whole contract value spans. */
export interface ProcuredAward {
  index: number;
  award: Award;
  /** Months of term and extensions; null without contract terms (the year's amount is the value). */
  months: number | null;
}

/** The awards the band check looks at, once for every scenario. */
export function procuredAwards(model: Model): ProcuredAward[] {
  if (model.procurement.length === 0) return [];
  const procured: ProcuredAward[] = [];
  model.awards.forEach((award, index) => {
    const key = routeKey(award.route);
    if (key === '' || key === 'grant' || award.zeroed) return;
    procured.push({ index, award, months: award.contract === null ? null : contractMonths(award.contract) });
  });
  return procured;
}

/**
 * The annual amount (pence) of an award under a scenario: a FLAT, CHANGE or FIXED
 * line's annual amount, scaled by the fund's fit when the fit scaled it; otherwise the
 * amount for the year.
 */
export function annualAmount(prepared: PreparedModel, funds: readonly FundOutcome[], fundIndex: ReadonlyMap<string, number>, amounts: Float64Array, notes: Uint8Array, index: number, fund: string): number {
  if (prepared.kind[index] !== KIND.annual) return amounts[index];
  const annual = prepared.annual[index];
  const position = fundIndex.get(fund);
  const scaled = position === undefined ? null : funds[position].scaled;
  return (notes[index] & NOTE.scaled) !== 0 && scaled !== null ? timesRatio(annual, scaled.room, scaled.total) : annual;
}

/**
 * The band check for one scenario: a warning for each procured award whose whole
 * contract value falls in a band its route does not meet, naming the value, the band
 * and the route.
 */
export function procurementChecks(
  model: Model,
  prepared: PreparedModel,
  procured: readonly ProcuredAward[],
  outcome: { amounts: Float64Array; notes: Uint8Array; funds: readonly FundOutcome[] },
  scenario: string,
  checks: Check[],
): void {
  if (procured.length === 0) return;
  const fundIndex = new Map(outcome.funds.map((fund, position) => [fund.fund.name, position]));
  for (const { index, award, months } of procured) {
    const annual = annualAmount(prepared, outcome.funds, fundIndex, outcome.amounts, outcome.notes, index, award.fund);
    const value = months === null ? outcome.amounts[index] : timesRatio(annual, months, 12);
    const band = bandFor(model.procurement, value);
    if (band === null || meetsBand(band, award.route)) continue;
    checks.push({
      severity: 'warning', scenario, fund: award.fund, ref: award.ref, check: 'Procurement band',
      message: messages.procurementBand(award.ref, award.route, value, months, toPence(band.from), band.requirement, band.routes),
      table: 'Awards', row: award.row, column: 'Route',
    });
  }
}
