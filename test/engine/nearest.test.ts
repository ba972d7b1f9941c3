import { lookalike, nearestName, suggestion } from '../../src/engine/nearest';

const FUNDS = ['Victim Services Grant', 'Crime and Disorder Reduction Fund', 'Youth and Community Fund'];

describe('nearestName', () => {
  it.each([
    ['Victim Servces Grant', FUNDS, 'Victim Services Grant'],
    ['Vicitm Services Grant', FUNDS, 'Victim Services Grant'],
    ['Youth & Community Fund', FUNDS, 'Youth and Community Fund'],
    ['FLATT', ['FLAT', 'CHANGE', 'FIXED', 'TOPSLICE', 'SHARE'], 'FLAT'],
    ['TOP SLICE', ['FLAT', 'CHANGE', 'FIXED', 'TOPSLICE', 'SHARE'], 'TOPSLICE'],
    ['Confirmd', ['Indicative', 'Confirmed'], 'Confirmed'],
    ['--scenaro', ['--scenario', '--compare', '--out'], '--scenario'],
    ['Victim', FUNDS, 'Victim Services Grant'],
  ])('finds %p nearest to %p', (text, candidates, expected) => {
    expect(nearestName(text, candidates)?.name).toBe(expected);
  });

  it.each([
    ['Reserve', FUNDS],
    ['X', ['FLAT', 'FIXED']],
    ['', FUNDS],
    ['Fund', FUNDS],
  ])('suggests nothing for %p, which is near none of them', (text, candidates) => {
    expect(nearestName(text, candidates)).toBeNull();
  });

  it('breaks a tie towards the earlier candidate', () => {
    expect(nearestName('Fund C', ['Fund A', 'Fund B'])?.name).toBe('Fund A');
  });
});

describe('lookalike', () => {
  it.each([
    ['Prior\u00a0year', 'Prior year', ['non-breaking space']],
    ['prior year', 'Prior year', ['case']],
    ['Prior  year ', 'Prior year', ['spacing']],
    ['PRIOR  YEAR', 'Prior year', ['case', 'spacing']],
    ['Prior\u00a0Year', 'Prior year', ['non-breaking space', 'case']],
  ])('says %p differs from %p only by %p', (text, name, differences) => {
    expect(lookalike(text, name)).toEqual(differences);
  });

  it.each([['Prior years', 'Prior year'], ['Prior year', 'Prior year']])('finds %p and %p not lookalikes', (text, name) => {
    expect(lookalike(text, name)).toBeNull();
  });
});

describe('suggestion', () => {
  it.each([
    ['Victim Servces Grant', " Did you mean 'Victim Services Grant'?"],
    ['Victim\u00a0Services Grant', " It differs from 'Victim Services Grant' only by a non-breaking space."],
    ['victim services  grant', " It differs from 'Victim Services Grant' only by case and spacing."],
    ['Reserve', ''],
  ])('for %p reads %p', (text, sentence) => {
    expect(suggestion(nearestName(text, FUNDS))).toBe(sentence);
  });
});
