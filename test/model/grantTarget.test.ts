/**
 * Where the confirmed grant goes: the `Grant fund` and `Confirmed scenario` settings
 * and their defaults (SPEC §3).
 */
import { resolveGrantTarget } from '../../src/engine/model/grantTarget';
import { model, type Row } from './support';

const funds: Row[] = [
  { Fund: 'Community Safety Fund', Source: 'Police grant', 'Opening balance': 0, Income: 80000 },
  { Fund: 'Victims Fund', Source: 'Ministry of Justice', 'Opening balance': 0, Income: 100000 },
  { Fund: 'Road Safety Reserve', Source: 'Camera unit surplus', 'Opening balance': 0, Income: 50000 },
];

const rows = (...list: [string, string, number][]): Row[] => list.map(([Scenario, Fund, Income]) => ({ Scenario, Fund, Income }));

describe('resolveGrantTarget', () => {
  it('takes the one fund whose income differs between the first two scenarios, whatever it is called', () => {
    const read = model({ funds, scenarios: rows(['Draft', 'Road Safety Reserve', 50000], ['Final', 'Road Safety Reserve', 52000]) });
    expect(resolveGrantTarget(read)).toEqual({
      kind: 'found', fund: 'Road Safety Reserve', fundFrom: 'scenarios', scenario: 'Final', compareWith: 'Draft', row: 1,
    });
  });

  it('falls back to the first fund whose Source names the Ministry of Justice, when the scenarios do not tell', () => {
    const read = model({ funds, scenarios: rows(['Indicative', 'Victims Fund', 100000], ['Confirmed', 'Victims Fund', 100000]) });
    expect(resolveGrantTarget(read)).toMatchObject({ kind: 'found', fund: 'Victims Fund', fundFrom: 'source', scenario: 'Confirmed', compareWith: 'Indicative' });
  });

  it.each(['MoJ', 'moj grant', 'The Ministry of Justice'])('reads %p as naming the Ministry of Justice', (source) => {
    const read = model({
      funds: [funds[0], { ...funds[1], Source: source }],
      scenarios: rows(['A', 'Victims Fund', 1], ['B', 'Victims Fund', 1]),
    });
    expect(resolveGrantTarget(read)).toMatchObject({ fund: 'Victims Fund', fundFrom: 'source' });
  });

  it('asks when nothing tells, and takes the fund the user picked', () => {
    const read = model({ funds: [funds[0], funds[2]], scenarios: rows(['A', 'Community Safety Fund', 1], ['B', 'Community Safety Fund', 1]) });
    expect(resolveGrantTarget(read)).toEqual({ kind: 'ask', funds: ['Community Safety Fund', 'Road Safety Reserve'], scenario: 'B', compareWith: 'A' });
    expect(resolveGrantTarget(read, 'road safety reserve')).toMatchObject({ kind: 'found', fund: 'Road Safety Reserve', fundFrom: 'chosen', row: null });
  });

  it('follows the settings over every default', () => {
    const read = model({
      funds,
      scenarios: rows(['Indicative', 'Victims Fund', 1], ['Confirmed', 'Victims Fund', 2], ['Board', 'community safety fund', 3]),
      settings: [{ Setting: 'Grant fund', Value: 'Community Safety Fund' }, { Setting: 'Confirmed scenario', Value: 'board' }],
    });
    expect(resolveGrantTarget(read)).toEqual({
      kind: 'found', fund: 'Community Safety Fund', fundFrom: 'setting', scenario: 'Board', compareWith: 'Indicative', row: 2,
    });
  });

  it.each([
    [[{ Setting: 'Grant fund', Value: 'Victim Services' }], 'unknown-fund'],
    [[{ Setting: 'Confirmed scenario', Value: 'Final' }], 'unknown-scenario'],
  ])('says when a setting names nothing in the model (%j)', (settings, what) => {
    const read = model({ funds, scenarios: rows(['Indicative', 'Victims Fund', 1], ['Confirmed', 'Victims Fund', 2]), settings });
    expect(resolveGrantTarget(read)).toMatchObject({ kind: 'problem', problem: { what } });
  });

  it('needs a second scenario to compare against', () => {
    const read = model({ funds, scenarios: rows(['Confirmed', 'Victims Fund', 2]) });
    expect(resolveGrantTarget(read)).toEqual({ kind: 'problem', problem: { what: 'one-scenario', scenario: 'Confirmed' } });
  });
});
