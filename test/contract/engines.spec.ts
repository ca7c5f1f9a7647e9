import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The part of semver (installed, but without type declarations) this test uses. */
interface Semver {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string; major: number } | null;
  major(version: string): number;
  compare(a: string, b: string): number;
}
const semver = createRequire(__filename)('semver') as Semver;

/**
 * The Node.js versions the README promises: the current release of each supported LTS line (Node 20
 * reached its end of life in April 2026). Update them as new releases come out (`npm view node
 * dist-tags` or nodejs.org/en/about/previous-releases); a dependency update that needs a newer Node
 * than these then fails here instead of printing EBADENGINE warnings at install.
 */
const LTS_RELEASES = ['22.23.3', '24.21.0'];

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const locked = Object.entries(
  JSON.parse(readFileSync('package-lock.json', 'utf8')).packages as Record<string, { version?: string; engines?: unknown }>,
)
  .filter(([path]) => path.startsWith('node_modules/'))
  .flatMap(([path, entry]) => {
    const node = (entry.engines as { node?: unknown } | undefined)?.node;
    return typeof node === 'string' ? [{ name: `${path.slice('node_modules/'.length)}@${entry.version}`, node }] : [];
  });

/** The oldest version on LTS line `major` that package.json's engines accepts (undefined: none). */
function oldestAccepted(major: number): string | undefined {
  const onLine = pkg.engines.node
    .split('||')
    .map((alternative) => semver.minVersion(`${alternative.trim()} >=${major}.0.0 <${major + 1}.0.0-0`)?.version)
    .filter((v): v is string => v !== undefined && semver.satisfies(v, pkg.engines.node) && semver.major(v) === major);
  return onLine.sort(semver.compare)[0];
}

describe('Node.js versions (package.json engines, and every locked package)', () => {
  it('reads the engines of the locked packages (the lockfile records them)', () => {
    expect(locked.length).toBeGreaterThan(100);
  });

  it.each(LTS_RELEASES)('Node %s: package.json accepts it and every locked package does (no EBADENGINE warning)', (version) => {
    expect(semver.satisfies(version, pkg.engines.node)).toBe(true);
    expect(locked.filter((p) => !semver.satisfies(version, p.node)).map((p) => `${p.name} needs node ${p.node}`)).toEqual([]);
  });

  it.each(LTS_RELEASES.map((v) => semver.major(v)))(
    'the oldest Node %i release package.json accepts satisfies every locked package too',
    (major) => {
      const oldest = oldestAccepted(major) as string;
      expect(oldest).toBeDefined();
      expect(
        locked
          .filter((p) => !semver.satisfies(oldest, p.node))
          .map((p) => `${p.name} needs node ${p.node}, package.json accepts ${oldest}`),
      ).toEqual([]);
    },
  );
});
