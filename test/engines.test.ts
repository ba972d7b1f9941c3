/**
 * The README says Node 20 or later: nothing `npm ci` installs may ask for a newer Node
 * (npm would warn EBADENGINE on every install). Read from the lock file, so a dependency
 * update that raises the floor fails here.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import semver from 'semver';

const lock = JSON.parse(readFileSync(path.join(__dirname, '..', 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

describe('the Node version the README states', () => {
  const floor = '20.19.0';
  const demanding = Object.entries(lock.packages).flatMap(([name, entry]) => {
    const wanted = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
    if (wanted === undefined || semver.validRange(wanted) === null) return [];
    return semver.satisfies(floor, wanted) ? [] : [`${name}@${entry.version}: node ${wanted}`];
  });

  it(`runs every installed package on Node ${floor}, the floor package.json and the README state`, () => {
    expect(demanding).toEqual([]);
  });

  it('says Node 20 in package.json engines', () => {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(semver.satisfies(floor, manifest.engines.node)).toBe(true);
  });
});
