/** `awards calendar`: the built command line, end to end, on the sample model. */
import ICAL from 'ical.js';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { awards, ensureBuilt, sampleTables, scratch, writeModel } from './support';

let dir = '';

beforeAll(async () => {
  ensureBuilt();
  dir = scratch();
  await writeModel(path.join(dir, 'model.xlsx'), sampleTables());
});

describe('awards calendar', () => {
  it('writes the Confirmed calendar as iCalendar, which ical.js reads back event by event', () => {
    const run = awards(['calendar', 'model.xlsx', '--scenario', 'Confirmed', '--out', 'calendar.ics'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("Wrote 209 events of 2021/22 (scenario Confirmed) to 'calendar.ics' (ics).\n");
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(path.join(dir, 'calendar.ics'), 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events.length).toBe(209);
    expect(events[0].uid).toBe('2021-22.VS-01.payment.1@360G-cambspcc.awards-modeller');
    expect(events.every((event) => event.startDate.isDate)).toBe(true);
    expect(events.filter((event) => event.summary.startsWith('Extension decision due')).map((event) => event.startDate.toString()))
      .toEqual(['2021-09-30']);
  });

  it('writes CSV with --format csv, or from the extension', () => {
    for (const args of [['--format', 'csv', '--out', 'calendar.txt'], ['--out', 'calendar.csv']]) {
      const run = awards(['calendar', 'model.xlsx', '--scenario', 'Indicative', ...args], dir);
      expect(run.status).toBe(0);
      const text = readFileSync(path.join(dir, args[args.length - 1]), 'utf8');
      expect(text.startsWith('\uFEFFDate,Event,Ref,Recipient,Fund,Amount,Detail\r\n2021-04-01,Payment,VS-01,')).toBe(true);
    }
  });

  it.each([
    [['--scenario', 'Confirmed', '--format', 'csv', '--out', 'wrong.ics'], "--out 'wrong.ics' names a .ics file but --format is csv"],
    [['--scenario', 'Confirmed', '--format', 'pdf', '--out', 'wrong.pdf'], "Unknown format 'pdf'. Use one of: ics, csv."],
    [['--scenario', 'Confirmed', '--out', 'wrong.txt'], "Say which format to write with --format (ics, csv): 'wrong.txt' has no extension"],
    [['--scenario', 'Final', '--out', 'wrong.ics'], "Unknown scenario 'Final'. The workbook's scenarios are: Indicative, Confirmed."],
    [['--scenario', 'Confirmed', '--out', 'model.xlsx', '--format', 'ics'], '--out names the input file'],
  ])('refuses %p with exit 2, one message and nothing written', (args, message) => {
    const run = awards(['calendar', 'model.xlsx', ...args], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const out = args[args.indexOf('--out') + 1];
    if (out !== 'model.xlsx') expect(existsSync(path.join(dir, out))).toBe(false);
  });

  it('explains itself with --help', () => {
    const run = awards(['calendar', '--help'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--format FORMAT');
    expect(run.stdout).toContain('awards calendar model.xlsx --scenario Confirmed --out calendar.ics');
  });
});
