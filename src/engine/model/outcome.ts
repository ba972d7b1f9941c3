/** What running one scenario produced, before it is turned into result rows. */
import type { FundOutcome } from './allocation';
import type { Scenario } from './inputs';
import type { Check } from './types';

export interface ScenarioOutcome {
  scenario: Scenario;
  /** Each award's amount for the model's year in whole pence, indexed like `Model.awards`. */
  amounts: Float64Array;
  /** What shaped each amount, as `NOTE` bits. */
  notes: Uint8Array;
  /** One per fund, in `Funds` order. */
  funds: FundOutcome[];
  checks: Check[];
}
