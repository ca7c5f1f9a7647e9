import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The order of the feature libs (docs/architecture.md): catalogue and directory use no other feature
 * lib, review uses them, notifications and reporting use review and not each other. The scope tags
 * in each project.json and the constraints in eslint.config.mjs enforce it; this lints a one-line file
 * placed in a lib (never written to disk) with the workspace's own configuration.
 */
interface Probe {
  file: string;
  code: string;
}

const probe = (lib: string, from: string): Probe => ({
  file: `libs/${lib}/src/boundary-probe.ts`,
  code: `import * as other from '${from}';\nexport const probe = other;\n`,
});

/** The boundary messages ESLint gives each probe, from a separate Node process (eslint.config.mjs is an ES module). */
function boundaryMessages(probes: Probe[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const probes = JSON.parse(process.argv[1]);
      const out = [];
      for (const { file, code } of probes) {
        const [result] = await eslint.lintText(code, { filePath: file });
        out.push(result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });
  `;
  const out = execFileSync(process.execPath, ['-e', script, JSON.stringify(probes)], {
    cwd: join(__dirname, '../..'),
    encoding: 'utf8',
    timeout: 240_000,
  });
  return JSON.parse(out) as string[][];
}

describe('feature lib order, enforced by lint', () => {
  const refused: [string, string, string][] = [
    ['catalogue', '@peervisit/directory/entities', 'scope:catalogue'],
    ['directory', '@peervisit/catalogue', 'scope:directory'],
    ['reporting', '@peervisit/notifications', 'scope:reporting'],
    ['notifications', '@peervisit/reporting', 'scope:notifications'],
  ];
  const allowed: [string, string][] = [
    ['review', '@peervisit/catalogue/entities'],
    ['review', '@peervisit/directory'],
    ['notifications', '@peervisit/review'],
    ['reporting', '@peervisit/review/entities'],
    ['catalogue', '@peervisit/platform'],
    ['icc-index', '@peervisit/directory/entities'],
    ['icc-index', '@peervisit/review/entities'],
    ['reporting', '@peervisit/icc-index/entities'],
  ];
  // A lib importing one above it is refused too (there the import would also close a cycle, which the
  // rule reports first).
  const upward: [string, string][] = [
    ['review', '@peervisit/reporting'],
    ['directory', '@peervisit/review/entities'],
    ['review', '@peervisit/icc-index/entities'],
    // Notifications import the Index (its reminders), so this one would close a cycle.
    ['icc-index', '@peervisit/notifications'],
  ];
  let messages: string[][];

  beforeAll(() => {
    messages = boundaryMessages([
      ...refused.map(([lib, from]) => probe(lib, from)),
      ...allowed.map(([lib, from]) => probe(lib, from)),
      ...upward.map(([lib, from]) => probe(lib, from)),
    ]);
  }, 300_000);

  it.each(refused.map((row, i) => [...row, i] as const))('libs/%s importing %s fails: only the libs below it', (_lib, _from, tag, i) => {
    expect(messages[i]).toEqual([expect.stringContaining(`A project tagged with "${tag}" can only depend on libs tagged with`)]);
  });

  it.each(allowed.map((row, i) => [...row, refused.length + i] as const))('libs/%s importing %s passes', (_lib, _from, i) => {
    expect(messages[i]).toEqual([]);
  });

  it.each(upward.map((row, i) => [...row, refused.length + allowed.length + i] as const))(
    'libs/%s importing %s fails',
    (_lib, _from, i) => {
      expect(messages[i]).toHaveLength(1);
    },
  );
});
