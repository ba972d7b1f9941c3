import fc from 'fast-check';
import {
  REGISTRY_SHEET,
  inventory,
  planCreate,
  planWrite,
  registryFormula,
  sheetOfRegistryFormula,
  type WorkbookInventory,
} from '../../src/workbook/ownership';
import { SheetExistsError, SheetNotOwnedError, SheetSpecError, TableNameTakenError } from '../../src/workbook';
import { sheetNameProblem } from '../../src/workbook/layout';
import { allocations, checks, fundLedger, inputs } from './fixtures';

describe('the registry formula', () => {
  it.each([
    ["'Fund ledger'!$A$1", 'Fund ledger'],
    ["='Fund ledger'!$A$1", 'Fund ledger'],
    ['=Checks!$A$1', 'Checks'],
    ["='Ann''s copy'!$A$1", "Ann's copy"],
    ["='Checks'!#REF!", 'Checks'],
    ['=#REF!$A$1', undefined],
    ['=#REF!', undefined],
    ["='[1]Checks'!$A$1", undefined],
    ['', undefined],
    ['=1+1', undefined],
  ])('%j points at %j', (formula, sheet) => {
    expect(sheetOfRegistryFormula(formula)).toBe(sheet);
  });

  it('points back at any sheet name Excel allows', () => {
    const sheetName = fc.string({ minLength: 1, maxLength: 31 }).filter((s) => sheetNameProblem(s) === undefined);
    fc.assert(
      fc.property(sheetName, (name) => {
        expect(sheetOfRegistryFormula(registryFormula(name))).toBe(name);
        expect(sheetOfRegistryFormula(`=${registryFormula(name)}`)).toBe(name);
      }),
    );
  });
});

describe('inventory', () => {
  it('hides its own registry and lists the sheets its formulas point at, in tab order', () => {
    const inv = inventory(
      ['Notes', 'Checks (old)', 'Allocations', REGISTRY_SHEET, 'Checks'],
      { kind: 'ours', formulas: ['=Allocations!$A$1', "='Checks (old)'!$A$1", '=#REF!$A$1', ''] },
      [],
      [],
    );
    expect(inv.sheets).toEqual(['Notes', 'Checks (old)', 'Allocations', 'Checks']);
    expect(inv.owned).toEqual(['Checks (old)', 'Allocations']);
  });

  it('lists a sheet of the registry\u2019s name but not its signature as the user\u2019s', () => {
    const inv = inventory(['Notes', REGISTRY_SHEET], { kind: 'foreign' }, [], []);
    expect(inv.sheets).toEqual(['Notes', REGISTRY_SHEET]);
    expect(inv.owned).toEqual([]);
  });
});

describe('planWrite', () => {
  const workbook = (over: Partial<WorkbookInventory> = {}): WorkbookInventory => ({
    sheets: ['Notes', 'Allocations', 'Checks'],
    owned: ['Allocations'],
    tables: [
      { name: 'Notes', sheet: 'Notes' },
      { name: 'Allocations', sheet: 'Allocations' },
      { name: 'MyChecks', sheet: 'Checks' },
    ],
    names: [],
    registry: 'ours',
    ...over,
  });

  it('replaces owned sheets and adds new ones to the registry after them', () => {
    const plan = planWrite(workbook({ sheets: ['Notes', 'Allocations'] }), [allocations(1), checks()]);
    expect(plan.targets.map((t) => [t.spec.sheet, t.replaces])).toEqual([
      ['Allocations', 'Allocations'],
      ['Checks', undefined],
    ]);
    expect(plan.registry).toEqual(['Allocations', 'Checks']);
  });

  it('refuses a sheet of the user\u2019s before anything else', () => {
    const inv = workbook({ names: ['FundLedger'] });
    expect(() => planWrite(inv, [fundLedger(), checks()])).toThrow(new SheetNotOwnedError('Checks'));
  });

  it('refuses a table or defined name of the user\u2019s that an output table needs', () => {
    const inv = workbook({ sheets: ['Notes', 'Allocations'], tables: [{ name: 'CHECKS', sheet: 'Notes' }] });
    expect(() => planWrite(inv, [checks()])).toThrow(new TableNameTakenError('CHECKS', 'Notes'));
    expect(() => planWrite(workbook({ names: ['fundledger'] }), [fundLedger()])).toThrow(
      new TableNameTakenError('fundledger', undefined),
    );
  });

  it('lets an output table take the name of the table on the sheet it replaces', () => {
    expect(() => planWrite(workbook(), [allocations(1)])).not.toThrow();
  });

  it('refuses to write over a registry that is not its own', () => {
    expect(() => planWrite(workbook({ registry: 'foreign' }), [fundLedger()])).toThrow(new SheetNotOwnedError(REGISTRY_SHEET));
    expect(() => planWrite(workbook(), [{ ...fundLedger(), sheet: REGISTRY_SHEET }])).toThrow(SheetNotOwnedError);
  });

  it('refuses two specs for one sheet or one table', () => {
    expect(() => planWrite(workbook(), [fundLedger(), { ...fundLedger(), table: 'Other' }])).toThrow(SheetSpecError);
    expect(() => planWrite(workbook(), [fundLedger(), { ...checks(), table: 'FUNDLEDGER' }])).toThrow(SheetSpecError);
  });
});

describe('planCreate', () => {
  const empty: WorkbookInventory = { sheets: ['Sheet1'], owned: [], tables: [], names: [], registry: 'absent' };

  it('puts tables that name one sheet on it together', () => {
    const [funds, awards] = inputs();
    const targets = planCreate(empty, [funds, { ...awards, sheet: 'Funds' }]);
    expect(targets.map((t) => [t.sheet, t.tables.map((x) => x.name)])).toEqual([['Funds', ['Funds', 'Awards']]]);
  });

  it('refuses an existing sheet, whatever its case, and the registry\u2019s name', () => {
    expect(() => planCreate({ ...empty, sheets: ['awards'] }, inputs())).toThrow(new SheetExistsError('awards'));
    expect(() => planCreate(empty, [{ ...inputs()[0], sheet: REGISTRY_SHEET }])).toThrow(SheetExistsError);
  });
});
