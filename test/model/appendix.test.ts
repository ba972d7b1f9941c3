/** Board-paper appendices: `New`, footnotes, and whole pounds that add up as printed. */
import fc from 'fast-check';
import { readModel, runModel, sampleModel, type Appendix } from '../../src/engine/model';
import { roundToPounds, wholePounds } from '../../src/engine/model/wholePounds';
import { award, run, STAMP, TODAY } from './support';

function sampleAppendices(amounts?: string): Appendix[] {
  const tables = Object.fromEntries(sampleModel().map((table) => [table.name, table]));
  if (amounts !== undefined) {
    const row = tables.Settings.rows.find((cells) => cells[0] === 'Appendix amounts');
    if (row === undefined) tables.Settings.rows.push(['Appendix amounts', amounts]);
    else row[1] = amounts;
  }
  const model = readModel(tables, TODAY);
  return runModel(model, { scenarios: ['Confirmed'], stamp: STAMP, today: TODAY }).appendices;
}

const rowOf = (appendix: Appendix, recipient: string, service = ''): Appendix['rows'][number] => {
  const row = appendix.rows.find((candidate) => candidate.recipient === recipient && candidate.service.startsWith(service));
  if (row === undefined) throw new Error(`no row for ${recipient}`);
  return row;
};

const notesOf = (appendix: Appendix, row: Appendix['rows'][number]): string[] =>
  (row.footnotes ?? []).map((number) => (appendix.footnotes ?? [])[number - 1]);

describe('appendices', () => {
  const [vsg, cdrf, ycf] = sampleAppendices();

  it('mark an award that had no prior-year amount as new', () => {
    expect(rowOf(vsg, 'Riverside Rape Crisis Centre', 'Sexual violence').isNew).toBe(true);
    expect(rowOf(vsg, 'Safer Homes Domestic Abuse Service').isNew).toBeUndefined();
    expect(ycf.rows.every((row) => row.isNew === true)).toBe(true);
  });

  it('explain a top-sliced line: the MAPPA top-slice is 3.33% of the fund, not last year less £18', () => {
    const mappa = rowOf(cdrf, 'MAPPA Strategic Management Board');
    expect(mappa.change).toBe(-18);
    expect(notesOf(cdrf, mappa)).toEqual(['Top-sliced: 3.33% of the £540,000.00 available to the Crime and Disorder Reduction Fund.']);
  });

  it('explain a part-year line with its dates and its annual amount', () => {
    expect(notesOf(cdrf, rowOf(cdrf, 'Neighbourhood Watch Association'))).toEqual([
      'Part year: runs 1 April 2021 to 30 September 2021; the amount is the part of £24,000.00 a year that falls in 2021/22.',
    ]);
  });

  it('explain scaled lines once, with the factor and the money before and after the fit', () => {
    const scaled = vsg.rows.filter((row) => notesOf(vsg, row).some((note) => note.startsWith('Scaled by 1.0540')));
    expect(scaled.map((row) => row.recipient)).toContain('Safer Homes Domestic Abuse Service');
    expect(rowOf(vsg, 'Horizon Victim Care Ltd').footnotes).toBeUndefined();
    expect(new Set(vsg.footnotes).size).toBe(vsg.footnotes?.length);
    expect(vsg.footnotes?.[0]).toBe(
      "Scaled by 1.0540, as were all the Victim Services Grant's awards that are not locked: £600,000.00 before the fit, £632,400.00 after.",
    );
  });

  it('number footnotes in the order the lines call them, from 1', () => {
    for (const appendix of [vsg, cdrf, ycf]) {
      const called = appendix.rows.flatMap((row) => row.footnotes ?? []);
      const firstCalls = called.filter((number, i) => called.indexOf(number) === i);
      expect(firstCalls).toEqual(firstCalls.map((_, i) => i + 1));
      expect(firstCalls).toHaveLength(appendix.footnotes?.length ?? 0);
    }
  });

  it('print pence unless the Appendix amounts setting says pounds', () => {
    expect(vsg.amounts).toBeUndefined();
    expect(rowOf(vsg, 'Safer Homes Domestic Abuse Service').proposed).toBe(221340);
  });

  it.each(['pounds', 'Pounds'])('print whole pounds that add up to the printed total with Appendix amounts %p', (setting) => {
    for (const appendix of sampleAppendices(setting)) {
      expect(appendix.amounts).toBe('pounds');
      for (const column of ['priorYear', 'proposed', 'change'] as const) {
        const lines = appendix.rows.map((row) => row[column]);
        for (const value of lines) expect(Number.isInteger(value)).toBe(true);
        expect(lines.reduce((sum, value) => sum + value, 0)).toBe(appendix.total[column]);
      }
      for (const row of appendix.rows) expect(row.change).toBe(row.proposed - row.priorYear);
    }
  });

  it('round a column whose pence do not add to whole pounds by the largest remainder', () => {
    const book = {
      funds: [{ Fund: 'Grant', Income: 100, Appendix: 1 }],
      settings: [{ Setting: 'Financial year', Value: '2021/22' }, { Setting: 'Appendix amounts', Value: 'pounds' }],
      awards: ['A', 'B', 'C'].map((ref) => award(ref, { Rule: 'FIXED', Value: 33.335 })),
      scenarios: [{ Scenario: 'Base', Fit: 'scale' }],
    };
    const [appendix] = run(book).appendices;
    // 100.00 shared as 33.34, 33.33, 33.33: each alone would round to £33, printing a total of £99.
    expect(appendix.rows.map((row) => row.proposed)).toEqual([34, 33, 33]);
    expect(appendix.total.proposed).toBe(100);
  });

  it('add up as printed in whole pounds for any awards (property)', () => {
    const pounds = fc.integer({ min: 0, max: 5_000_000 }).map((pence) => pence / 100);
    fc.assert(fc.property(fc.array(fc.tuple(pounds, pounds), { minLength: 1, maxLength: 12 }), fc.boolean(), (lines, scale) => {
      const book = {
        funds: [{ Fund: 'Grant', Income: 20000, Appendix: 1 }],
        settings: [{ Setting: 'Financial year', Value: '2021/22' }, { Setting: 'Appendix amounts', Value: 'pounds' }],
        awards: lines.map(([prior, value], i) => award(`A-${i}`, { 'Prior year': prior, Rule: 'FIXED', Value: value })),
        scenarios: [{ Scenario: 'Base', Fit: scale ? 'scale' : 'none' }],
      };
      const result = run(book);
      const [appendix] = result.appendices;
      const exact = result.allocations.reduce((sum, row) => sum + Math.round(row.amount * 100), 0);
      expect(appendix.total.proposed).toBe(roundToPounds(exact));
      for (const column of ['priorYear', 'proposed', 'change'] as const) {
        expect(appendix.rows.reduce((sum, row) => sum + row[column], 0)).toBe(appendix.total[column]);
      }
      appendix.rows.forEach((row, i) => {
        expect(Math.abs(row.proposed * 100 - Math.round(result.allocations[i].amount * 100))).toBeLessThan(100);
        expect(row.change).toBe(row.proposed - row.priorYear);
      });
    }), { numRuns: 150 });
  });

  it('report an Appendix amounts setting it cannot read, and print pence', () => {
    const result = run({
      funds: [{ Fund: 'Grant', Income: 100, Appendix: 1 }],
      settings: [{ Setting: 'Appendix amounts', Value: 'thousands' }],
      awards: [award('A', { 'Prior year': 10 })],
    });
    expect(result.appendices[0].amounts).toBeUndefined();
    expect(result.checks).toContainEqual(expect.objectContaining({
      severity: 'error', check: 'Bad setting', table: 'Settings', column: 'Value',
      message: "Appendix amounts 'thousands' is neither 'pence' nor 'pounds'; appendices print pence.",
    }));
  });
});

describe('wholePounds', () => {
  const lines = fc.array(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), { minLength: 1, maxLength: 40 });

  it('adds up to the lines\' total rounded half away from zero to the pound', () => {
    fc.assert(fc.property(lines, (pence) => {
      const total = pence.reduce((sum, value) => sum + value, 0);
      expect(wholePounds(pence).reduce((sum, value) => sum + value, 0)).toBe(roundToPounds(total));
    }));
  });

  it('moves every line by less than a pound', () => {
    fc.assert(fc.property(lines, (pence) => {
      wholePounds(pence).forEach((pounds, i) => expect(Math.abs(pounds * 100 - pence[i])).toBeLessThan(100));
    }));
  });

  it('leaves lines that already are whole pounds alone', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1e7, max: 1e7 }), { maxLength: 30 }), (pounds) => {
      expect(wholePounds(pounds.map((value) => value * 100))).toEqual(pounds);
    }));
  });

  it('gives the pounds left over to the largest remainders, ties to the earlier line', () => {
    expect(wholePounds([3333, 3333, 3334])).toEqual([33, 33, 34]);
    expect(wholePounds([150, 150, 150])).toEqual([2, 2, 1]);
    expect(wholePounds([1049, 1060, 1049])).toEqual([11, 11, 10]);
  });

  it.each([[123450, 1235], [123449, 1234], [-150, -2], [-149, -1], [0, 0]])('rounds %p pence to £%p', (pence, pounds) => {
    expect(roundToPounds(pence)).toBe(pounds);
  });
});
