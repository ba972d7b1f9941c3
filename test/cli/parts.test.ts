/** The command line's parts, in process: argument parsing, the clock, progress, tables, output checks. */
import { mkdtempSync, symlinkSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArguments, synopsis, usageText, type CommandSpec } from '../../src/cli/args';
import { readClock } from '../../src/cli/clock';
import { InputError, UsageError } from '../../src/cli/errors';
import { checkOutput, sameFile } from '../../src/cli/files';
import { Progress } from '../../src/cli/progress';
import { textTable } from '../../src/cli/textTable';

const SPEC: CommandSpec = {
  name: 'try',
  brief: 'Try.',
  summary: 'A command for the tests.',
  positionals: [{ name: 'MODEL', help: 'The model.' }],
  options: [
    { name: 'out', kind: 'value', value: 'FILE', help: 'Where.', required: true },
    { name: 'scenario', kind: 'repeat', value: 'NAME', help: 'Which.' },
    { name: 'compare', kind: 'pair', value: 'A B', help: 'Two.' },
    { name: 'json', kind: 'flag', help: 'JSON.' },
  ],
};

describe('parseArguments', () => {
  it('reads values, repeats, pairs and flags in any order', () => {
    const args = parseArguments(SPEC, ['--scenario', 'A', 'm.xlsx', '--compare', 'A', 'B', '--out=r.xlsx', '--scenario=B', '--json']);
    expect(args.positionals).toEqual(['m.xlsx']);
    expect(args.value('out')).toBe('r.xlsx');
    expect(args.all('scenario')).toEqual(['A', 'B']);
    expect(args.pair('compare')).toEqual(['A', 'B']);
    expect(args.flag('json')).toBe(true);
  });

  it('takes what follows -- as positionals', () => {
    expect(parseArguments(SPEC, ['--out', 'r.xlsx', '--', '--odd name.xlsx']).positionals).toEqual(['--odd name.xlsx']);
  });

  it('answers --help before any other problem', () => {
    expect(parseArguments(SPEC, ['--bogus', '--help']).flag('help')).toBe(true);
  });

  it.each([
    [['m.xlsx', '--out', 'r.xlsx', '--bogus'], "Unknown option '--bogus' for 'awards try'."],
    [['m.xlsx', '--out', 'r.xlsx', '-x'], "Unknown option '-x' for 'awards try'."],
    [['m.xlsx'], "'awards try' needs --out FILE."],
    [['m.xlsx', '--out', 'a', '--out', 'b'], "Option '--out' is given more than once."],
    [['m.xlsx', '--out', 'r.xlsx', '--json=yes'], "Option '--json' takes no value."],
    [['m.xlsx', '--out', ''], "Option '--out' was given an empty value."],
    [['m.xlsx', '--out', 'r', '--compare', 'A'], "Option '--compare' needs two values: --compare A B."],
  ])('refuses %p', (argv, message) => {
    expect(() => parseArguments(SPEC, argv)).toThrow(new UsageError(message, 'try'));
  });

  it('writes a usage text naming every option', () => {
    expect(synopsis(SPEC)).toBe('awards try MODEL --out FILE [--scenario NAME]... [--compare A B] [--json]');
    const text = usageText(SPEC);
    for (const option of ['--out FILE', '--scenario NAME', '--compare A B', '--json', '--help']) expect(text).toContain(option);
  });

  it('points a usage error to the command help', () => {
    expect(new UsageError('Bad.', 'run').toString()).toBe("Bad.\nRun 'awards run --help' for usage.");
    expect(new UsageError('Bad.', '').toString()).toBe("Bad.\nRun 'awards --help' for usage.");
  });
});

describe('readClock', () => {
  it('takes AWARDS_NOW when set', () => {
    expect(readClock({ AWARDS_NOW: '2021-03-15T09:30:00Z' })).toMatchObject({ stamp: '2021-03-15T09:30:00.000Z', today: '2021-03-15' });
    expect(readClock({ AWARDS_NOW: '2021-03-15' }).today).toBe('2021-03-15');
  });

  it('reads a zoned AWARDS_NOW as this machine\'s local wall clock shows it', () => {
    const moment = new Date('2021-07-15T09:30:00Z');
    expect(readClock({ AWARDS_NOW: '2021-07-15T09:30:00Z' }).local).toEqual({
      year: moment.getFullYear(), month: moment.getMonth() + 1, day: moment.getDate(), hour: moment.getHours(), minute: moment.getMinutes(),
    });
  });

  it.each([
    ['2021-03-15T14:05', { year: 2021, month: 3, day: 15, hour: 14, minute: 5 }],
    ['2021-03-15', { year: 2021, month: 3, day: 15, hour: 0, minute: 0 }],
  ])('takes an AWARDS_NOW without a zone (%p) as the local time it says', (text, local) => {
    expect(readClock({ AWARDS_NOW: text }).local).toEqual(local);
  });

  it('uses the system clock otherwise', () => {
    const now = new Date(2021, 2, 15, 10, 0, 0);
    expect(readClock({}, now)).toEqual({
      stamp: now.toISOString(), today: '2021-03-15', local: { year: 2021, month: 3, day: 15, hour: 10, minute: 0 },
    });
  });

  it.each(['yesterday', '2021-13-45', '15/03/2021'])('refuses AWARDS_NOW %p', (text) => {
    expect(() => readClock({ AWARDS_NOW: text })).toThrow(UsageError);
  });
});

describe('Progress', () => {
  function stream(isTTY: boolean) {
    const written: string[] = [];
    return { isTTY, written, write: (text: string) => written.push(text) };
  }

  it('shows steps on a terminal and clears the line when done', () => {
    const tty = stream(true);
    const progress = new Progress(tty);
    progress.step('Reading model.xlsx');
    progress.done();
    expect(tty.written.join('')).toContain('Reading model.xlsx…');
    expect(tty.written[tty.written.length - 1]).toBe('\r\x1b[2K');
  });

  it('writes nothing when stderr is not a terminal', () => {
    const pipe = stream(false);
    const progress = new Progress(pipe);
    progress.step('Reading model.xlsx');
    progress.done();
    expect(pipe.written).toEqual([]);
  });
});

describe('textTable', () => {
  it('pads columns and right-aligns money', () => {
    expect(textTable([{ header: 'Fund' }, { header: 'Awarded', align: 'right' }], [['VSG', '£10.00'], ['Youth', '£1,000.00']]))
      .toBe('Fund     Awarded\n-----  ---------\nVSG       £10.00\nYouth  £1,000.00');
  });
});

describe('output files', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'awards-parts-'));
  const input = path.join(dir, 'model.xlsx');
  writeFileSync(input, 'x');
  symlinkSync(input, path.join(dir, 'link.xlsx'));

  it('knows a path, a ./ spelling and a symbolic link to the input for the same file', () => {
    expect(sameFile(path.join(dir, '.', 'model.xlsx'), input)).toBe(true);
    expect(sameFile(path.join(dir, 'link.xlsx'), input)).toBe(true);
    expect(sameFile(path.join(dir, 'other.xlsx'), input)).toBe(false);
  });

  it('refuses the input, a missing folder, a folder, and an existing file unless allowed', () => {
    expect(() => checkOutput(path.join(dir, 'link.xlsx'), input, true)).toThrow(/--out names the input file/);
    expect(() => checkOutput(path.join(dir, 'no/such.xlsx'), input, true)).toThrow(InputError);
    expect(() => checkOutput(dir, input, true)).toThrow(/it is a folder/);
    expect(() => checkOutput(input, null, false)).toThrow(/already exists/);
    expect(() => checkOutput(path.join(dir, 'new.xlsx'), input, false)).not.toThrow();
  });
});
