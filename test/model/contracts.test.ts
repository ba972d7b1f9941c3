import fc from 'fast-check';
import { dayNumber, daysInMonth, parseIsoDate, toIsoDate, type CalendarDate } from '../../src/engine/dates';
import { contractDates, contractDays, parseExtensions } from '../../src/engine/model/contracts';
import { REPORT_BANDS, runYear, yearModel } from './commissioning';
import { award, checksNamed, type Row } from './support';

const terms = (start: string, termMonths: number, extensions: number, extensionMonths: number, extendedTo: string | null = null) => ({
  start: parseIsoDate(start), termMonths, extensions, extensionMonths, extendedTo: extendedTo === null ? null : parseIsoDate(extendedTo),
});

describe('contract terms', () => {
  it.each([
    ['three years from 1 April 2016, three yearly extensions, none taken', terms('2016-04-01', 36, 3, 12), ['2019-03-31', '2019-03-31', '2022-03-31', 0, 3]],
    ['the same, extended once', terms('2016-04-01', 36, 3, 12, '2020-03-31'), ['2019-03-31', '2020-03-31', '2022-03-31', 1, 2]],
    ['the same, in its last extension year', terms('2016-04-01', 36, 3, 12, '2022-03-31'), ['2019-03-31', '2022-03-31', '2022-03-31', 3, 0]],
    ['extended part of the way into an extension: counted as taken', terms('2016-04-01', 36, 3, 12, '2019-09-30'), ['2019-03-31', '2019-09-30', '2022-03-31', 1, 2]],
    ['no extensions', terms('2019-10-01', 24, 0, 0), ['2021-09-30', '2021-09-30', '2021-09-30', 0, 0]],
    ['from a 31st', terms('2021-01-31', 13, 1, 6), ['2022-02-28', '2022-02-28', '2022-08-30', 0, 1]],
  ])('works out %s', (_, contract, [initialEnd, termEnd, lastEnd, used, left]) => {
    const dates = contractDates(contract);
    expect([toIsoDate(dates.initialEnd), toIsoDate(dates.termEnd), toIsoDate(dates.lastEnd), dates.used, dates.left])
      .toEqual([initialEnd, termEnd, lastEnd, used, left]);
  });

  it('works out the same days on day numbers as on dates (property)', () => {
    const anyDate: fc.Arbitrary<CalendarDate> = fc
      .tuple(fc.integer({ min: 2010, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
      .map(([year, month, day]) => ({ year, month, day: Math.min(day, daysInMonth(year, month)) }));
    fc.assert(fc.property(
      anyDate, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 24 }), fc.option(anyDate),
      (start, termMonths, extensions, extensionMonths, extendedTo) => {
        const contract = { start, termMonths, extensions, extensionMonths: extensions === 0 ? 0 : extensionMonths, extendedTo };
        const dates = contractDates(contract);
        expect(contractDays(contract)).toEqual({ termEnd: dayNumber(dates.termEnd), lastEnd: dayNumber(dates.lastEnd), used: dates.used, left: dates.left });
      },
    ), { numRuns: 1000 });
  });

  it.each([
    ['3x12', { count: 3, months: 12 }], ['3 x 12', { count: 3, months: 12 }], ['2×6', { count: 2, months: 6 }], ['1X24', { count: 1, months: 24 }],
    ['', { count: 0, months: 0 }], ['0', { count: 0, months: 0 }], ['None', { count: 0, months: 0 }], ['0x12', { count: 0, months: 0 }],
    ['three', null], ['3', null], ['3x0', null], ['3x12x1', null],
  ])('reads Extensions %p', (text, expected) => {
    expect(parseExtensions(text)).toEqual(expected);
  });

  it('reads the Awards columns into the award', () => {
    const model = yearModel({ awards: [award('C', { 'Prior year': 1000, Route: 'Contract', 'Contract start': '2019-04-01', 'Term (months)': 36, Extensions: '3x12' })] });
    expect(model.rowChecks).toEqual([]);
    expect(model.awards[0].contract).toEqual(terms('2019-04-01', 36, 3, 12));
    expect(model.awards[0].payment).toBe('Single');
  });

  it.each([
    [{ 'Contract start': 'soon', 'Term (months)': 36 }, 'Contract start', "C: Contract start holds 'soon', which is not a date (use an Excel date or ISO text such as 2021-04-01); the contract terms are ignored.", false],
    [{ 'Term (months)': 36 }, 'Contract start', 'C: the contract terms have no Contract start; the contract terms are ignored.', false],
    [{ 'Contract start': '2019-04-01' }, 'Term (months)', 'C: Term (months) is blank, which is not a whole number of months (e.g. 36 for three years); the contract terms are ignored.', false],
    [{ 'Contract start': '2019-04-01', 'Term (months)': 2.5 }, 'Term (months)', "C: Term (months) holds '2.5', which is not a whole number of months (e.g. 36 for three years); the contract terms are ignored.", false],
    [{ 'Contract start': '2019-04-01', 'Term (months)': 36, Extensions: 'three' }, 'Extensions', "C: Extensions holds 'three'; write it as 3x12 (up to three extensions of twelve months). The contract is taken to have no extension.", true],
    [{ 'Contract start': '2019-04-01', 'Term (months)': 36, 'Extended to': '2020-03-31' }, 'Extended to', 'C: Extended to 2020-03-31 is before the initial term ends on 2022-03-31; the term is taken as not extended.', true],
    [{ 'Contract start': '2019-04-01', 'Term (months)': 36, Extensions: '1x12', 'Extended to': '2024-03-31' }, 'Extended to', 'C: Extended to 2024-03-31 is after the last end its extensions allow, 2023-03-31.', true],
  ])('warns of contract terms %p in column %s, never zeroing the award', (fields, column, message, kept) => {
    const model = yearModel({ awards: [award('C', { 'Prior year': 1000, ...fields })] });
    expect(model.rowChecks.map((check) => [check.severity, check.check, check.column, check.message])).toEqual([['warning', 'Contract terms', column, message]]);
    expect(model.awards[0].zeroed).toBe(false);
    expect(model.awards[0].contract !== null).toBe(kept);
  });
});

describe('the contract checks', () => {
  const contract = (fields: Row): Row => award('C', { Route: 'Contract', 'Prior year': 40000, 'Contract start': '2019-04-01', 'Term (months)': 36, ...fields });

  it.each([
    ['ends in the model year with no extension left', { Extensions: '' }, ['C: the contract ends on 31 March 2022 with no extension left; re-procure by 30 September 2021.']],
    ['ends next year with no extension left', { Extensions: '1x12', 'Extended to': '2023-03-31' }, ['C: the contract ends on 31 March 2023 with no extension left; re-procure by 30 September 2022.']],
    ['ends in the model year with extensions left', { Extensions: '3x12' }, []],
    ['ends in two years with no extension left', { 'Term (months)': 60 }, []],
    ['ended before the model year', { 'Contract start': '2017-04-01' }, []],
  ])('warns when a contract %s', (_, fields, expected) => {
    const result = runYear({ awards: [contract(fields)] });
    const found = checksNamed(result, 'Contract ends');
    expect(found.map((check) => check.message)).toEqual(expected);
    for (const check of found) expect(check).toMatchObject({ severity: 'warning', scenario: '', fund: 'Grant', ref: 'C', table: 'Awards', row: 0 });
  });

  it('counts the procurement lead time from the Settings table', () => {
    const result = runYear({
      awards: [contract({})],
      settings: [{ Setting: 'Financial year', Value: '2021/22' }, { Setting: 'Procurement lead time (months)', Value: 9 }],
    });
    expect(checksNamed(result, 'Contract ends')[0].message).toContain('re-procure by 30 June 2021');
  });

  it.each([
    ['an award whose End is past the last possible end', { End: '2023-03-31' }, ['C: the award runs to 31 March 2023, past its contract\'s last possible end of 31 March 2022.']],
    ['an award with no End, past a contract that ends in the year', { 'Term (months)': 30 }, ['C: the award runs to 31 March 2022 (the end of the year: End is blank), past its contract\'s last possible end of 30 September 2021.']],
    ['an award inside its contract', { Extensions: '3x12', End: '2024-03-31' }, []],
  ])('warns of %s', (_, fields, expected) => {
    const result = runYear({ awards: [contract({ Start: '2021-04-01', ...fields })] });
    expect(checksNamed(result, 'Past contract end').map((check) => check.message)).toEqual(expected);
  });
});

describe('the procurement band check', () => {
  const procured = (route: string, amount: number, fields: Row = {}): Row =>
    award('P', { Route: route, Rule: 'FIXED', Value: amount, ...fields });

  it.each([
    ['Single tender action', 4999.99, {}, null],
    ['Single tender action', 5000, {}, "P: whole contract value £5,000.00 (the year's amount) falls in the band from £5,000.00 (Three written quotes), which route 'Single tender action' does not meet; it is met by Three quotes, Tender, Contract."],
    ['Three quotes', 49999.99, {}, null],
    ['Three quotes', 50000, {}, "P: whole contract value £50,000.00 (the year's amount) falls in the band from £50,000.00 (Competitive tender), which route 'Three quotes' does not meet; it is met by Tender, Contract."],
    ['tender', 2000000, {}, null],
    ['Quote', 20000, { 'Contract start': '2021-04-01', 'Term (months)': 12, Extensions: '2x12' }, "P: whole contract value £60,000.00 over 3 years falls in the band from £50,000.00 (Competitive tender), which route 'Quote' does not meet; it is met by Tender, Contract."],
    ['Three quotes', 20000, { 'Contract start': '2021-04-01', 'Term (months)': 18 }, null],
    ['Grant', 2000000, {}, null],
    ['', 2000000, {}, null],
  ])('checks a %s of £%d a year (%p) against the bands of the whole contract value', (route, amount, fields, message) => {
    const result = runYear({ awards: [procured(route, amount, fields)], procurement: REPORT_BANDS });
    const found = checksNamed(result, 'Procurement band');
    expect(found.map((check) => check.message)).toEqual(message === null ? [] : [message]);
    for (const check of found) expect(check).toMatchObject({ severity: 'warning', scenario: 'Base', ref: 'P', column: 'Route' });
  });

  it('takes the tender threshold\'s place when there is a Procurement table, and not otherwise', () => {
    const awards = [procured('Contract', 60000)];
    expect(checksNamed(runYear({ awards }), 'Tender threshold').length).toBe(1);
    expect(checksNamed(runYear({ awards, procurement: REPORT_BANDS }), 'Tender threshold')).toEqual([]);
  });

  it('values a scaled contract at the scenario\'s amount', () => {
    const result = runYear({
      funds: [{ Fund: 'Grant', Source: 'MoJ', 'Opening balance': 0, Income: 40000 }],
      awards: [procured('Three quotes', 60000)],
      procurement: REPORT_BANDS,
    });
    expect(checksNamed(result, 'Procurement band')).toEqual([]);
  });

  it.each([
    [{ From: 'five', Requirement: 'Quotes', Routes: 'Quote' }, 'Bad value', 'From', "Quotes: From holds 'five', which is not an amount of £0.00 or more; the band is ignored."],
    [{ Requirement: 'Quotes', Routes: 'Quote' }, 'Missing value', 'From', 'Quotes: From is blank, which is not an amount of £0.00 or more; the band is ignored.'],
    [{ From: 100, Requirement: 'Quotes', Routes: ' , ' }, 'Missing value', 'Routes', 'Quotes: Routes is blank, so no route could meet the band; the band is ignored.'],
  ])('refuses a Procurement row %p as an error naming the table and column', (row, check, column, message) => {
    const model = yearModel({ procurement: [row] });
    expect(model.procurement).toEqual([]);
    expect(model.rowChecks.map((found) => [found.severity, found.check, found.table, found.column, found.message]))
      .toEqual([['error', check, 'Procurement', column, message]]);
  });

  it('orders the bands by From and refuses a second band at the same From', () => {
    const model = yearModel({ procurement: [...REPORT_BANDS].reverse().concat([{ From: 5000, Requirement: 'Again', Routes: 'Tender' }]) });
    expect(model.procurement.map((band) => band.from)).toEqual([0, 5000, 50000]);
    expect(model.rowChecks.map((check) => check.message)).toEqual(['Again: another band already starts at £5,000.00; the later row is ignored.']);
  });
});
