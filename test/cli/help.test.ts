/** `--help` everywhere, and what an unknown command or option gets. */
import { APPENDIX_SPEC } from '../../src/cli/appendix';
import { PUBLISH_SPEC } from '../../src/cli/publish';
import { RUN_SPEC } from '../../src/cli/run';
import { SAMPLE_SPEC } from '../../src/cli/sample';
import { awards, ensureBuilt, scratch } from './support';

describe('help and usage', () => {
  let dir = '';
  beforeAll(() => {
    ensureBuilt();
    dir = scratch();
  });

  it.each([['--help'], ['-h'], ['help']])('prints the top-level usage for awards %s and exits 0', (flag) => {
    const result = awards([flag], dir);
    expect(result.status).toBe(0);
    for (const command of ['sample', 'run', 'appendix', 'publish']) expect(result.stdout).toContain(`awards ${command}`);
    expect(result.stdout).toContain('Exit codes');
  });

  it.each([SAMPLE_SPEC, RUN_SPEC, APPENDIX_SPEC, PUBLISH_SPEC].map((spec) => [spec.name, spec] as const))(
    'prints the usage of awards %s naming every option',
    (name, spec) => {
      const result = awards([name, '--help'], dir);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`Usage: awards ${name}`);
      for (const option of spec.options) expect(result.stdout).toContain(`--${option.name}`);
      expect(result.stdout).toContain('--help');
      expect(result.stderr).toBe('');
    },
  );

  it('names every option of run in its synopsis', () => {
    const result = awards(['run', '--help'], dir);
    expect(result.stdout).toContain(
      'Usage: awards run MODEL [--out FILE] [--scenario NAME]... [--compare A B] [--appendix-scenario NAME] [--json] [--strict]',
    );
  });

  it.each([
    [['frobnicate'], "Unknown command 'frobnicate'", 'awards --help'],
    [['--verbose'], "Unknown option '--verbose'", 'awards --help'],
    [['run', 'model.xlsx', '--out', 'r.xlsx', '--senario', 'A'], "Unknown option '--senario' for 'awards run'.", 'awards run --help'],
    [['run', '--out', 'r.xlsx'], "'awards run' needs MODEL.", 'awards run --help'],
    [['run', 'a.xlsx', 'b.xlsx', '--out', 'r.xlsx'], "Unexpected argument 'b.xlsx'", 'awards run --help'],
    [['run', 'model.xlsx', '--out'], "Option '--out' needs a value", 'awards run --help'],
    [['run', 'model.xlsx', '--compare', 'A', '--out', 'r.xlsx'], "Option '--compare' needs two values", 'awards run --help'],
    [['appendix', 'model.xlsx', '--out', 'a.md'], "'awards appendix' needs --scenario NAME.", 'awards appendix --help'],
    [['publish', 'model.xlsx', '--scenario', 'A'], "'awards publish' needs --out FILE.", 'awards publish --help'],
    [['sample'], "'awards sample' needs --out FILE.", 'awards sample --help'],
  ])('exits 2 with a usage hint for %p', (args, message, hint) => {
    const result = awards(args, dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain(`Run '${hint}' for usage.`);
    expect(result.stdout).toBe('');
  });

  it('prints the usage on stderr and exits 2 with no command at all', () => {
    const result = awards([], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: awards COMMAND');
  });

  it('refuses a clock it cannot read', () => {
    const result = awards(['--help'], dir, { AWARDS_NOW: 'yesterday' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("AWARDS_NOW 'yesterday' is not an ISO date");
  });
});
