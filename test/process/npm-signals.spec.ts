import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { connectDatabase, waitFor } from '../fault/processes';

/**
 * A supervisor (systemd, a process manager, a CI runner) signals the process it started: here `npm`.
 * npm passes SIGINT and SIGTERM on to its child; the scripts run with `exec`, so that child is node
 * itself and not a shell that would die and leave node running with the port.
 */

/** Every process below `pid`, read from ps (children, grandchildren ...). */
function descendants(pid: number): number[] {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  const walk = (parent: number) => table.filter(([, ppid]) => ppid === parent).forEach(([child]) => (found.push(child), walk(child)));
  walk(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** True when nothing listens on the port any more: we can listen on it ourselves. */
const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

function npm(args: string[], env: Record<string, string>) {
  const child: ChildProcess = spawn('npm', args, { env: { ...process.env, LOG_LEVEL: 'log', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c) => (output += c));
  child.stderr?.on('data', (c) => (output += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => output };
}

const healthy = (url: string) =>
  fetch(url).then(
    (r) => r.ok,
    () => false,
  );

describe('npm start and npm run worker stop everything when a supervisor signals npm', () => {
  const started: ChildProcess[] = [];
  afterAll(() => {
    for (const child of started)
      for (const pid of [child.pid as number, ...descendants(child.pid as number)]) if (alive(pid)) process.kill(pid, 'SIGKILL');
  });

  async function stopAndCheck(run: ReturnType<typeof npm>, signal: NodeJS.Signals, ports: number[]) {
    const children = descendants(run.child.pid as number);
    // npm's child is node (exec), not a shell; the API or worker runs in it or below it.
    expect(execFileSync('ps', ['-o', 'comm=', '-p', String(children[0])], { encoding: 'utf8' }).trim()).toBe('node');
    run.child.kill(signal);
    const { code } = await run.exited;
    expect(code).toBe(0);
    await waitFor(
      () => children.every((pid) => !alive(pid)),
      'every child of npm to exit',
      20000,
      () => `still running: ${children.filter(alive).join(', ')}`,
    );
    for (const port of ports) expect(await portFree(port)).toBe(true);
    return run.output();
  }

  // SIGTERM as a production supervisor sends it (which also shows production seeds no demo); SIGINT in development.
  it.each([
    ['SIGTERM', 'production', { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-characters' }, []],
    ['SIGINT', 'development', { NODE_ENV: 'development' }, ['--', '--no-demo']],
  ] as const)(
    'npm start: %s to npm (%s) stops the API after its graceful shutdown, exits 0 and frees the port',
    async (signal, _mode, env, args) => {
      const port = await freePort();
      const run = npm(['start', ...args], { PORT: String(port), ...env });
      started.push(run.child);
      await waitFor(
        () => healthy(`http://127.0.0.1:${port}/health`),
        'npm start to serve /health',
        150000,
        () => run.output().slice(-3000),
        500,
      );
      expect(descendants(run.child.pid as number).length).toBeGreaterThanOrEqual(2);
      const db = await connectDatabase();
      try {
        const { rows } = await db.query(
          'SELECT (SELECT count(*)::int FROM person) AS people, (SELECT count(*)::int FROM key_factor) AS key_factors',
        );
        // The catalogue every installation needs, and no demo (no account at all).
        expect(rows[0]).toEqual({ people: 0, key_factors: 13 });
      } finally {
        await db.end();
      }
      const output = await stopAndCheck(run, signal, [port]);
      expect(output).toContain(
        env.NODE_ENV === 'production'
          ? 'NODE_ENV=production: loading the catalogue only, no demo data.'
          : '--no-demo: loading the catalogue only.',
      );
      expect(output).not.toContain('Demo accounts');
      expect(output).toContain(`[start] ${signal} received: stopping`);
      expect(output).toContain('Stopped cleanly');
      expect(output).toContain('[start] Stopped.');
    },
    240000,
  );

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'npm run worker: %s to npm stops the worker after its running jobs, exits 0 and frees its health port',
    async (signal) => {
      const healthPort = await freePort();
      const run = npm(['run', 'worker'], { WORKER_HEALTH_PORT: String(healthPort) });
      started.push(run.child);
      await waitFor(
        () => run.output().includes('PeerVisit worker running'),
        'the worker to start',
        90000,
        () => run.output().slice(-3000),
      );
      expect(await healthy(`http://127.0.0.1:${healthPort}/health/live`)).toBe(true);
      const output = await stopAndCheck(run, signal, [healthPort]);
      expect(output).toContain(`${signal} received: no new requests or jobs`);
      expect(output).toContain('Stopped cleanly');
    },
    150000,
  );
});
