import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { connectDatabase, waitFor } from '../fault/processes';

const ROOT = process.cwd();
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });

/**
 * A fresh `git clone` of the repository, brought to the state of this working tree as one commit in
 * the clone (so that the code under test is what runs, committed or not), with the installed
 * node_modules hard-linked in (`cp -al`: nothing is downloaded, and npm ci there would only unlink).
 */
function cloneWorkingTree(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'peervisit-clone-')), 'peervisit');
  execFileSync('git', ['clone', '--quiet', ROOT, dir]);
  const files = git(ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter(Boolean);
  for (const file of files) {
    if (existsSync(join(ROOT, file))) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      copyFileSync(join(ROOT, file), join(dir, file));
    } else rmSync(join(dir, file), { force: true });
  }
  git(dir, 'add', '-A');
  if (git(dir, 'status', '--porcelain'))
    git(dir, '-c', 'user.name=test', '-c', 'user.email=test@localhost', 'commit', '--quiet', '-m', 'The working tree under test');
  execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(dir, 'node_modules')]);
  return dir;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** What scripts/installed-dependencies.mjs says about the clone's node_modules (undefined: it matches). */
const drift = (dir: string) =>
  spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "import { dependencyDrift } from './scripts/installed-dependencies.mjs'; console.log(dependencyDrift() ?? 'matches')",
    ],
    { cwd: dir, encoding: 'utf8' },
  ).stdout.trim();

describe('npm start on a fresh clone', () => {
  let dir: string;
  let start: ChildProcess | undefined;
  beforeAll(() => {
    dir = cloneWorkingTree();
  }, 120000);
  afterAll(() => {
    if (start?.exitCode === null) start.kill('SIGKILL');
    if (dir) rmSync(dirname(dir), { recursive: true, force: true });
  });

  it('serves, stops on SIGTERM, and leaves every tracked file as it found it (git status stays empty)', async () => {
    expect(git(dir, 'status', '--porcelain')).toBe('');
    const record = join(dir, 'node_modules', '.package-lock.json');
    const recordBefore = statSync(record);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NODE_ENV: 'development', LOG_LEVEL: 'warn' };
    delete env.DATA_DIR; // the default, .data inside the clone: it must be ignored by git
    start = spawn('npm', ['start'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    start.stdout?.on('data', (c) => (output += c));
    start.stderr?.on('data', (c) => (output += c));
    const exited = new Promise<number | null>((resolve) => start?.on('exit', (code) => resolve(code)));
    await waitFor(
      () =>
        fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.ok,
          () => false,
        ),
      'npm start in the clone to serve /health',
      420000,
      () => output.slice(-3000),
      1000,
    );
    await waitFor(
      () => output.includes('Press Ctrl-C to stop.'),
      'the start banner',
      30000,
      () => output.slice(-3000),
    );

    // The lockfile is newer than node_modules in a clone, yet node_modules matches it: no npm ci ran.
    expect(output).not.toContain('Installing dependencies');
    expect(statSync(record).mtimeMs).toBe(recordBefore.mtimeMs);
    // Development loads the demo into this test's database.
    expect(output).toContain('Demo accounts (development only');
    const db = await connectDatabase();
    try {
      expect((await db.query('SELECT count(*)::int AS n FROM person')).rows[0].n).toBe(7);
    } finally {
      await db.end();
    }

    start.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(dir, '.data', 'mail')) || existsSync(join(dir, '.data'))).toBe(true);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'status', '--porcelain', '--ignored')).toContain('!! .data/');
  }, 540000);

  it('tells a node_modules that does not match the lockfile from one that does (what makes npm start run npm ci)', () => {
    const record = join(dir, 'node_modules', '.package-lock.json');
    expect(drift(dir)).toBe('matches');
    const installed = JSON.parse(readFileSync(record, 'utf8'));
    const [path, entry] = Object.entries(installed.packages as Record<string, { version: string }>).find(
      ([p]) => p === 'node_modules/semver',
    ) as [string, { version: string }];
    // The clone's node_modules is hard-linked to the real one: replace the file, never write through it.
    unlinkSync(record);
    writeFileSync(record, JSON.stringify({ ...installed, packages: { ...installed.packages, [path]: { ...entry, version: '0.0.1' } } }));
    expect(drift(dir)).toBe(`semver is 0.0.1; the lockfile says ${entry.version}`);
    unlinkSync(record);
    writeFileSync(
      record,
      JSON.stringify({ ...installed, packages: { ...installed.packages, 'node_modules/left-over': { version: '1.0.0' } } }),
    );
    expect(drift(dir)).toBe('left-over is installed but not in the lockfile');
    unlinkSync(record);
    expect(drift(dir)).toBe('node_modules is missing (or was not installed by npm 7 or later)');
  });
});
