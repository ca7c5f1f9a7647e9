import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm ci` must accept package.json and package-lock.json as they are, with npm's own defaults: no
 * project `.npmrc` setting (such as legacy-peer-deps) may be needed, or an install by someone who
 * copies only the two files (a Dockerfile, a platform's build step) fails. The dry run reads the
 * lockfile and checks it against package.json without installing anything.
 */
describe('the lockfile', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'peervisit-lockfile-'));
    copyFileSync('package.json', join(dir, 'package.json'));
    copyFileSync('package-lock.json', join(dir, 'package-lock.json'));
    writeFileSync(join(dir, 'empty-npmrc'), '');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is accepted by npm ci with npm defaults (no .npmrc, no legacy-peer-deps)', () => {
    // Settings npm passes to scripts as npm_config_* would leak the project's own configuration in.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_config_')));
    const run = spawnSync(
      'npm',
      ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund', '--userconfig', join(dir, 'empty-npmrc')],
      { cwd: dir, env, encoding: 'utf8' },
    );
    expect({
      status: run.status,
      errors: run.stderr
        .split('\n')
        .filter((l) => l.startsWith('npm error'))
        .slice(0, 20),
    }).toEqual({ status: 0, errors: [] });
    expect(run.stdout).toMatch(/added \d+ packages/);
  }, 180000);

  it('pins the bull-board packages to one version (their peer ranges are exact)', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')).packages as Record<string, { version: string }>;
    const versions = ['api', 'fastify', 'ui'].map((p) => lock[`node_modules/@bull-board/${p}`]?.version);
    expect(new Set(versions).size).toBe(1);
    expect(versions[0]).toBeDefined();
  });
});
