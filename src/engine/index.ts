/**
 * The pure engine: exact money arithmetic, dates, financial years and the model. No
 * Office, exceljs, DOM or Node imports — usable from anywhere.
 */
export * from './errors';
export * as messages from './messages';
export * from './money';
export * from './dates';
export * from './fiscalYear';
export * from './split';
export * from './allocate';
export * from './scale';
export * from './prorata';
export * from './ringfence';
export * from './sheet';
export * from './model/types';
