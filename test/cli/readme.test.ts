/** The README's command-line section says what the command line does: every option and variable of it. */
import { readFileSync } from 'fs';
import * as path from 'path';
import { COMMANDS } from '../../src/cli/awards';
import { demoSteps, pasteable } from '../../src/cli/demo';

const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Command line'), readme.indexOf('## Task pane and preview'));

describe('the README\'s command line', () => {
  it.each(COMMANDS.flatMap(({ spec }) => spec.options.map((option) => [spec.name, `--${option.name}`])))(
    'documents awards %s %s',
    (command, option) => {
      const lines = section.split('\n').filter((line) => line.includes(`npx awards ${command} `));
      expect(lines.some((line) => line.includes(option)) || section.includes(`\`${option}\``) || section.includes(`\`${command} ${option}\``)).toBe(true);
    },
  );

  it.each(['AWARDS_NOW', 'AWARDS_DEBUG', 'COLUMNS', 'PORT', '3 a fault', 'schemas/run-result.schema.json'])('mentions %s', (text) => {
    expect(section).toContain(text);
  });

  it('shows commands that work as printed from the project folder: npx awards …', () => {
    const commands = section.split('\n').filter((line) => /^(npx )?awards /.test(line));
    expect(commands.length).toBeGreaterThan(3);
    expect(commands.every((line) => line.startsWith('npx awards '))).toBe(true);
  });
});

describe('the demo', () => {
  it('prints each step as a command a person can paste', () => {
    const lines = demoSteps('my out').map((step) => pasteable(step.argv));
    expect(lines[0]).toBe("npx awards sample --out 'my out/model.xlsx' --force");
    expect(lines.every((line) => line.startsWith('npx awards '))).toBe(true);
  });
});
