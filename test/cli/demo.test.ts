/** `npm run demo`: the built demo, end to end, in a scratch folder. */
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import * as path from 'path';
import { ensureBuilt, NOW, ROOT, scratch } from './support';

describe('the demo', () => {
  it('writes the sample, the result, the appendices, the 360Giving file and the calendar, printing ledger and checks', () => {
    ensureBuilt();
    const dir = scratch();
    const result = spawnSync(process.execPath, [path.join(ROOT, 'dist/node/cli/demo.js')], {
      cwd: dir, encoding: 'utf8', env: { ...process.env, AWARDS_NOW: NOW }, timeout: 120_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Fund ledger');
    expect(result.stdout).toContain('Checks: 0 errors');
    const files = ['model.xlsx', 'result.xlsx', 'appendix.docx', 'appendix.html', 'appendix.md', 'grants.csv', 'calendar.ics'];
    expect(result.stdout).toContain(`Done. Files written: ${files.map((file) => path.join('out', file)).join(', ')}.`);
    for (const file of files) expect(existsSync(path.join(dir, 'out', file))).toBe(true);
  });
});
