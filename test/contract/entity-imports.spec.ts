import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * Each lib's `@peervisit/<lib>/entities` entry point loads entity files only, so that importing an
 * entity does not drag whole Nest modules (services, resolvers, modules) through the lib barrels:
 * before the entry points the deepest such chain was 34 files.
 */
// In the order the libs sit on each other: an entry point may load the ones before it (reporting's loads the Index's).
const LIBS = ['platform', 'catalogue', 'directory', 'review', 'icc-index', 'notifications', 'reporting'];

/** Files an entity may need besides other entity files: entry points, a scalar, enums of its columns. */
const ENTITY_SUPPORT = /(\.entity\.ts|\/entities\.ts|\/graphql\/json\.scalar\.ts|\/reminders\/reminder-rules\.ts)$/;

/** Compiling a whole barrel on a loaded 2-core machine has taken over a minute. */
const CHILD_TIMEOUT_MS = 240_000;

/**
 * Loads each file in turn in one fresh Node process, through the same loader as `npm run api`, and
 * answers the libs/ files each one added to the require cache. Files an earlier one loaded are not
 * listed again, so every file loaded is listed once, under the first file that needed it.
 */
function libFilesAddedBy(files: string[]): string[][] {
  const script = `
    const path = require('node:path');
    const root = path.resolve('libs') + path.sep;
    const loaded = () => Object.keys(require.cache).filter((f) => f.startsWith(root));
    const steps = JSON.parse(process.argv[1]).map((file) => {
      const before = new Set(loaded());
      require(path.resolve(file));
      return loaded().filter((f) => !before.has(f)).map((f) => path.relative(process.cwd(), f));
    });
    process.stdout.write(JSON.stringify(steps));
  `;
  const out = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script, JSON.stringify(files)], {
    cwd: join(__dirname, '../..'),
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
  });
  return JSON.parse(out) as string[][];
}

/** The names each entry point exports (`export * from` an entity file, or an exported const). */
function entryPointNames(lib: string): Set<string> {
  const entry = join(__dirname, `../../libs/${lib}/src/entities.ts`);
  const text = readFileSync(entry, 'utf8');
  const names = new Set([...text.matchAll(/^export const (\w+)/gm)].map((m) => m[1]));
  for (const [, from] of text.matchAll(/^export \* from '(\.[^']+)';/gm)) {
    const source = readFileSync(join(dirname(entry), `${from}.ts`), 'utf8');
    for (const [, name] of source.matchAll(/^export (?:abstract )?(?:class|enum|const|function|type|interface) (\w+)/gm)) names.add(name);
  }
  return names;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'generated' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('entity entry points', () => {
  // The entry points first, then a barrel: what the barrel adds shows that the check sees modules.
  let added: string[][];
  beforeAll(() => {
    added = libFilesAddedBy([...LIBS.map((lib) => `libs/${lib}/src/entities.ts`), 'libs/review/src/index.ts']);
  }, CHILD_TIMEOUT_MS);

  it.each(LIBS.map((lib, i) => [lib, i] as const))(
    '@peervisit/%s/entities loads entity files only, no module, service or resolver',
    (lib, i) => {
      expect(added[i]).toContain(`libs/${lib}/src/entities.ts`);
      expect(added[i].filter((f) => !ENTITY_SUPPORT.test(f))).toEqual([]);
    },
  );

  it('the check above sees what a barrel loads (so it would see a regression)', () => {
    const barrel = added[LIBS.length];
    expect(barrel.some((f) => f.endsWith('.module.ts'))).toBe(true);
    expect(barrel.some((f) => f.endsWith('.resolver.ts'))).toBe(true);
  });

  it('no code imports an entity, or anything else an entry point offers, through a lib barrel', () => {
    const root = join(__dirname, '../..');
    const names = Object.fromEntries(LIBS.map((lib) => [lib, entryPointNames(lib)]));
    const offenders: string[] = [];
    for (const file of ['libs', 'apps/api', 'apps/worker', 'scripts', 'test'].flatMap((dir) => sourceFiles(join(root, dir)))) {
      const text = readFileSync(file, 'utf8');
      for (const [, specifiers, lib] of text.matchAll(/^import (?:type )?\{([^}]*)\} from '@peervisit\/(\w+)';/gm)) {
        if (!names[lib]) continue;
        const viaBarrel = specifiers
          .split(',')
          .map((s) =>
            s
              .trim()
              .replace(/^type\s+/, '')
              .split(' as ')[0]
              .trim(),
          )
          .filter((name) => names[lib].has(name));
        if (viaBarrel.length) offenders.push(`${relative(root, file)}: ${viaBarrel.join(', ')} from @peervisit/${lib}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
