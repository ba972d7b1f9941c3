/**
 * The allocation model (SPEC section 3): read a workbook's input tables, run its
 * scenarios, and lay the results out as output sheets. Pure: no I/O.
 */
export * from './types';
export type { AppendixAmounts, Award, Envelope, FitMode, Fund, Model, RuleName, Scenario, ScenarioFund, Settings } from './inputs';
export { ModelInputError, type InputLocation } from './errors';
export { INPUT_TABLES } from './schema';
export { readModel, scenarioNames, findScenarioIncomeRow } from './read';
export { runModel } from './run';
export { outputSheets, stampLine } from './outputs';
export { runStamp, timeInWords, dateInWords, stampTextInWords } from './stamp';
export { sampleModel, SAMPLE_GRANT } from './sample';
export { generateModel, seededRandom } from './generate';
export { formatPounds, sumPounds } from './pence';
export { summariseChecks, IN_ALL_SCENARIOS, type CheckSummary, type SummaryCheck } from './summary';
export { nextEvents } from './calendar';
export type { ContractTerms, MonitoringRule, PaymentPlan, ProcurementBand } from './inputs';
