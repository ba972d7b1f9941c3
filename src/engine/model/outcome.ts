/** What running one scenario produced, before it is turned into result rows. */
import type { Decimal } from 'decimal.js';
import type { FundOutcome } from './allocation';
import type { Scenario } from './inputs';
import type { Check } from './types';

export interface ScenarioOutcome {
  scenario: Scenario;
  /** Each award's amount for the model's year, indexed like `Model.awards`. */
  amounts: Decimal[];
  /** What shaped each amount, as `NOTE` bits. */
  notes: Uint8Array;
  /** One per fund, in `Funds` order. */
  funds: FundOutcome[];
  checks: Check[];
}
