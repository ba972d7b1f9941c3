/** Appendices for the renderer tests: the sample model's, and one with hostile text. */
import { readModel, runModel, sampleModel, type Appendix } from '../../src/engine/model';

/** The sample model's Confirmed appendices, as the engine builds them. */
export function sampleAppendices(): Appendix[] {
  const tables = Object.fromEntries(sampleModel().map((table) => [table.name, table]));
  const model = readModel(tables, '2021-03-01');
  const result = runModel(model, { scenarios: ['Confirmed'], stamp: '2021-03-01T09:00:00.000Z', today: '2021-03-01' });
  return result.appendices;
}

export const HOSTILE = '<img src=x onerror=alert(1)>';

/** A small appendix whose text tries to break out of every format. */
export function hostileAppendix(): Appendix {
  return {
    number: 9,
    title: 'Appendix 9: Test & "quoted" awards 2021/22 (Confirmed)',
    scenario: 'Confirmed',
    priorHeader: '2020/21',
    proposedHeader: '2021/22 (Confirmed)',
    rows: [
      { recipient: HOSTILE, service: 'Pipes | and *stars*, commas', priorYear: 1000, proposed: 1234.5, change: 234.5 },
      { recipient: 'Line\nbreak "Ltd"', service: 'Cut', priorYear: 2000, proposed: 1500, change: -500 },
    ],
    total: { recipient: 'Total', service: '', priorYear: 3000, proposed: 2734.5, change: -265.5 },
  };
}
