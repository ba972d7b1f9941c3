import * as engine from '../../src/engine';

describe('the engine index', () => {
  it.each([
    'D', 'Decimal', 'toDecimal', 'roundTo', 'sum', 'toNumber', 'EngineError', 'messages',
    'fromExcelSerial', 'toExcelSerial', 'parseIsoDate', 'toIsoDate', 'dayNumber', 'fromDayNumber', 'daysInMonth',
    'compareDates', 'fiscalYear', 'fiscalYearOf', 'parseFiscalYear', 'split', 'allocate', 'scale', 'prorata',
    'fractionOfYear', 'ringfence', 'parseAllowed',
  ])('exports %s', (name) => {
    expect(engine).toHaveProperty(name);
  });
});
