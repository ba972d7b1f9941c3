/**
 * Command-line arguments: each command states its options once, in a table that both
 * the parser and the usage text read. Options take `--name value` or `--name=value`;
 * `--compare` takes two values; `--` ends the options.
 */
import { nearestName, suggestion } from '../engine/nearest';
import { UsageError } from './errors';

export type OptionKind =
  /** Present or not: `--json`. */
  | 'flag'
  /** One value: `--out FILE`. */
  | 'value'
  /** One value, may be given again: `--scenario A --scenario B`. */
  | 'repeat'
  /** Two values: `--compare A B`. */
  | 'pair';

export interface OptionSpec {
  name: string;
  kind: OptionKind;
  /** How the usage text shows the value(s), e.g. `FILE`, `NAME`, `A B`. */
  value?: string;
  /** One line for the usage text. */
  help: string;
  required?: boolean;
}

export interface PositionalSpec {
  name: string;
  help: string;
}

export interface CommandSpec {
  name: string;
  /** A few words for the top-level command list. */
  brief: string;
  /** What the command does, for its own usage text (wrapped there). */
  summary: string;
  positionals: readonly PositionalSpec[];
  options: readonly OptionSpec[];
  /** Lines after the option list: examples, notes. */
  notes?: readonly string[];
}

/** The `--help` option every command has. */
export const HELP_OPTION: OptionSpec = { name: 'help', kind: 'flag', help: 'Show this help and exit.' };

/** Parsed arguments of one command, read through typed getters. */
export class ParsedArgs {
  constructor(
    readonly positionals: readonly string[],
    private readonly flags: ReadonlySet<string>,
    private readonly values: ReadonlyMap<string, readonly string[]>,
  ) {}

  flag(name: string): boolean {
    return this.flags.has(name);
  }

  /** The option's value; undefined when it was not given. */
  value(name: string): string | undefined {
    const given = this.values.get(name);
    return given === undefined ? undefined : given[given.length - 1];
  }

  /** Every value of a repeatable option, in order. */
  all(name: string): string[] {
    return [...(this.values.get(name) ?? [])];
  }

  /** A two-value option's pair; undefined when it was not given. */
  pair(name: string): [string, string] | undefined {
    const given = this.values.get(name);
    return given === undefined ? undefined : [given[given.length - 2], given[given.length - 1]];
  }
}

function optionLabel(option: OptionSpec): string {
  return option.value === undefined ? `--${option.name}` : `--${option.name} ${option.value}`;
}

/**
 * Parses one command's arguments (those after the command name). `--help` anywhere
 * wins over every other problem so that help is always reachable.
 *
 * @throws {UsageError} for an unknown option, a missing value, an option given twice
 *   that cannot be, a missing required option or the wrong number of positionals
 */
export function parseArguments(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const options = [...spec.options, HELP_OPTION];
  const byName = new Map(options.map((option) => [option.name, option]));
  const positionals: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string[]>();
  function nearestOption(token: string): string {
    return suggestion(nearestName(token.replace(/^-+/, '--'), options.map((option) => `--${option.name}`)));
  }
  function fail(message: string): never {
    throw new UsageError(message, spec.name);
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    const end = argv.indexOf('--');
    const help = Math.max(argv.indexOf('--help'), argv.indexOf('-h'));
    if (end === -1 || help < end) return new ParsedArgs([], new Set(['help']), new Map());
  }

  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith('-') || token === '-') {
      positionals.push(token);
      continue;
    }
    if (!token.startsWith('--')) fail(`Unknown option '${token}' for 'awards ${spec.name}'.${nearestOption(token)}`);
    const equals = token.indexOf('=');
    const name = token.slice(2, equals === -1 ? undefined : equals);
    const inline = equals === -1 ? undefined : token.slice(equals + 1);
    const option = byName.get(name);
    if (option === undefined) fail(`Unknown option '--${name}' for 'awards ${spec.name}'.${nearestOption(`--${name}`)}`);
    if (option.kind === 'flag') {
      if (inline !== undefined) fail(`Option '--${name}' takes no value.`);
      flags.add(name);
      continue;
    }
    const wanted = option.kind === 'pair' ? 2 : 1;
    const taken: string[] = inline === undefined ? [] : [inline];
    while (taken.length < wanted) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        fail(`Option '--${name}' needs ${wanted === 2 ? 'two values' : 'a value'}: ${optionLabel(option)}.`);
      }
      taken.push(next);
      i++;
    }
    if (taken.some((value) => value.trim() === '')) fail(`Option '--${name}' was given an empty value.`);
    if (values.has(name) && option.kind !== 'repeat') fail(`Option '--${name}' is given more than once.`);
    values.set(name, [...(values.get(name) ?? []), ...taken]);
  }

  if (positionals.length < spec.positionals.length) {
    fail(`'awards ${spec.name}' needs ${spec.positionals.slice(positionals.length).map((p) => p.name).join(' and ')}.`);
  }
  if (positionals.length > spec.positionals.length) {
    fail(`Unexpected argument '${positionals[spec.positionals.length]}' for 'awards ${spec.name}'.`);
  }
  for (const option of spec.options) {
    if (option.required === true && !values.has(option.name) && !flags.has(option.name)) {
      fail(`'awards ${spec.name}' needs ${optionLabel(option)}.`);
    }
  }
  return new ParsedArgs(positionals, flags, values);
}

function columns(rows: readonly (readonly [string, string])[], indent = 2): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `${' '.repeat(indent)}${left.padEnd(width)}  ${right}`);
}

/** The synopsis line, e.g. `awards run MODEL --out FILE [--scenario NAME]...`. */
export function synopsis(spec: CommandSpec): string {
  const parts = [`awards ${spec.name}`, ...spec.positionals.map((p) => p.name)];
  for (const option of spec.options) {
    const label = optionLabel(option);
    if (option.required === true) parts.push(label);
    else parts.push(`[${label}]${option.kind === 'repeat' ? '...' : ''}`);
  }
  return parts.join(' ');
}

/**
 * Text broken into lines of at most `width` characters, at spaces.
 *
 * @example
 * wrap('one two three', 7) // ['one two', 'three']
 */
export function wrap(text: string, width = 96): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A command's usage text: synopsis, summary, arguments, every option, notes. */
export function usageText(spec: CommandSpec): string {
  const lines = [`Usage: ${synopsis(spec)}`, '', ...wrap(spec.summary)];
  if (spec.positionals.length > 0) {
    lines.push('', 'Arguments:', ...columns(spec.positionals.map((p) => [p.name, p.help] as const)));
  }
  const options = [...spec.options, HELP_OPTION];
  lines.push('', 'Options:', ...columns(options.map((o) => [optionLabel(o), o.help] as const)));
  if (spec.notes !== undefined && spec.notes.length > 0) lines.push('', ...spec.notes);
  return `${lines.join('\n')}\n`;
}
