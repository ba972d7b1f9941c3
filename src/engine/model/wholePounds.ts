/**
 * Amounts in whole pounds that still add up: each line is rounded down to the pound,
 * then the pounds the total is short of its own rounded value (half away from zero) go
 * one each to the lines with the largest remainders, ties to the earlier line — the
 * largest-remainder method. Board papers printed in whole pounds then add up as
 * printed, which rounding each line on its own does not promise.
 */

/** `pence` as whole pounds rounded down, and the pence left over (0 to 99), exactly. */
function poundsDown(pence: number): [pounds: number, rest: number] {
  let pounds = Math.floor(pence / 100);
  let rest = pence - pounds * 100;
  // Guards against the division rounding across a whole pound for large amounts.
  if (rest < 0) { pounds -= 1; rest += 100; }
  if (rest >= 100) { pounds += 1; rest -= 100; }
  return [pounds, rest];
}

/**
 * Whole pence rounded half away from zero to whole pounds.
 *
 * @example
 * roundToPounds(123450) //=> 1235
 * roundToPounds(-150)   //=> -2
 */
export function roundToPounds(pence: number): number {
  const [pounds, rest] = poundsDown(Math.abs(pence));
  const rounded = rest >= 50 ? pounds + 1 : pounds;
  return pence < 0 ? -rounded + 0 : rounded + 0;
}

/**
 * Lines in whole pence as whole pounds that add up to their total rounded to the pound.
 * Every line moves by less than £1.
 *
 * @example
 * wholePounds([3333, 3333, 3334]) //=> [33, 33, 34]  (total £100.00)
 * wholePounds([150, 150, 150])    //=> [2, 2, 1]     (total £4.50 → £5; ties to the earlier lines)
 */
export function wholePounds(pence: readonly number[]): number[] {
  let total = 0;
  let floors = 0;
  const pounds: number[] = [];
  const rests: number[] = [];
  for (const amount of pence) {
    const [down, rest] = poundsDown(amount);
    pounds.push(down);
    rests.push(rest);
    total += amount;
    floors += down;
  }
  let short = roundToPounds(total) - floors;
  const order = pence.map((_, i) => i).sort((a, b) => rests[b] - rests[a] || a - b);
  for (const i of order) {
    if (short <= 0) break;
    if (rests[i] === 0) break;
    pounds[i] += 1;
    short -= 1;
  }
  return pounds.map((value) => value + 0);
}
