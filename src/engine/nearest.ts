/**
 * The nearest of some names to a name that matched none of them, for messages that
 * suggest what was meant ("did you mean 'Victim Services Grant'?"), and whether the
 * two differ only by a non-breaking space, by case or by spacing — which a message
 * then says exactly, since such names look the same on screen.
 */

/** What alone may make a name differ from one it looks the same as on screen. */
export type Lookalike = 'non-breaking space' | 'case' | 'spacing';

export interface NearestName {
  /** The candidate, as the caller spelt it. */
  name: string;
  /** What alone makes them differ, in that order; empty when they differ by spelling. */
  differences: Lookalike[];
}

const NBSP = /[\u00a0\u2007\u202f]/g;
const ONE_NBSP = /[\u00a0\u2007\u202f]/;

/** A name as a person reads it: non-breaking spaces as spaces, runs of space as one, trimmed, lower case. */
export function looseName(text: string): string {
  return text.replace(NBSP, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * What alone makes `text` differ from `name` when the two look the same once
 * non-breaking spaces, case and spacing are set aside; null when they are equal or
 * differ by more.
 *
 * @example
 * lookalike('Victim\u00a0Services', 'Victim Services') //=> ['non-breaking space']
 * lookalike('victim services', 'Victim Services') //=> ['case']
 * lookalike('Victim  Services ', 'victim services') //=> ['case', 'spacing']
 * lookalike('Victim Service', 'Victim Services') //=> null
 */
export function lookalike(text: string, name: string): Lookalike[] | null {
  if (text === name || looseName(text) !== looseName(name)) return null;
  const differences: Lookalike[] = [];
  const a = text.replace(NBSP, ' ');
  const b = name.replace(NBSP, ' ');
  if (ONE_NBSP.test(text) || ONE_NBSP.test(name)) differences.push('non-breaking space');
  const spaced = (value: string): string => value.replace(/\s+/g, ' ').trim();
  // The two are equal read loosely, so what is left is case, then spacing.
  if (spaced(a) !== spaced(b)) differences.push('case');
  if (a.toLowerCase() !== b.toLowerCase()) differences.push('spacing');
  return differences.length === 0 ? null : differences;
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), stopping early above `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

/** Edits a name of this length may be away and still be suggested: a third of it, at least 1, at most 4. */
function allowedEdits(length: number): number {
  return Math.max(1, Math.min(4, Math.floor(length / 3)));
}

/**
 * The candidate `text` most nearly names, or null when none is near: one that differs
 * only by non-breaking spaces, case or spacing first; else the fewest edits (letters
 * added, dropped, changed or swapped, on the names read loosely), within a third of the
 * name's length; else one that the text begins (`FLATT` is not, but `Victim` is a
 * start of `Victim Services Grant`) when only one does. Ties go to the earlier candidate.
 *
 * @example
 * nearestName('Victim Servces Grant', ['Youth Fund', 'Victim Services Grant'])
 * //=> { name: 'Victim Services Grant', differences: [] }
 * nearestName('FLATT', ['FLAT', 'CHANGE', 'FIXED']) //=> { name: 'FLAT', differences: [] }
 * nearestName('Reserve', ['Youth Fund']) //=> null
 */
export function nearestName(text: string, candidates: readonly string[]): NearestName | null {
  for (const name of candidates) {
    const differences = lookalike(text, name);
    if (differences !== null) return { name, differences };
  }
  const loose = looseName(text);
  if (loose === '') return null;
  const limit = allowedEdits(loose.length);
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const name of candidates) {
    const edits = distance(loose, looseName(name), bestDistance - 1 < limit ? bestDistance - 1 : limit);
    if (edits < bestDistance) {
      best = name;
      bestDistance = edits;
    }
  }
  if (best !== null) return { name: best, differences: [] };
  const starts = loose.length >= 3 ? candidates.filter((name) => looseName(name).startsWith(loose)) : [];
  return starts.length === 1 ? { name: starts[0], differences: [] } : null;
}

/**
 * What alone makes two lookalike names differ, in words: `a non-breaking space`, `case and spacing`.
 *
 * @example
 * differenceWords(['case', 'spacing']) //=> 'case and spacing'
 */
export function differenceWords(differences: readonly Lookalike[]): string {
  const words = differences.map((difference) => (difference === 'non-breaking space' ? 'a non-breaking space' : difference));
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * The sentence a message adds for a near name: `Did you mean 'X'?`, or, when the two
 * look alike on screen, exactly what makes them differ. `''` when there is none.
 *
 * @example
 * suggestion({ name: 'Victim Services Grant', differences: [] }) //=> " Did you mean 'Victim Services Grant'?"
 * suggestion({ name: 'Prior year', differences: ['non-breaking space'] })
 * //=> " It differs from 'Prior year' only by a non-breaking space."
 */
export function suggestion(near: NearestName | null): string {
  if (near === null) return '';
  if (near.differences.length === 0) return ` Did you mean '${near.name}'?`;
  return ` It differs from '${near.name}' only by ${differenceWords(near.differences)}.`;
}
