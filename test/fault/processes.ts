import { ChildProcess, spawn } from 'node:child_process';
import { Client } from 'pg';

/** A real entry-point process (as `npm run worker` and docker start it), with its output kept. */
export interface AppProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout(): string;
  stderr(): string;
  /** The JSON log lines written so far (lines that are not JSON are skipped). */
  logs(): { level?: string; context?: string; msg?: string }[];
}

/**
 * Starts `node -r @swc-node/register <entry>` with this test file's env (database, QUEUE_PREFIX,
 * DATA_DIR, REDIS_URL come from the per-file setup) plus `env`.
 */
export function startProcess(name: string, entry: string, env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], {
    env: { ...process.env, LOG_LEVEL: 'log', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c) => (stdout += c));
  child.stderr?.on('data', (c) => (stderr += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    name,
    child,
    exited,
    stdout: () => stdout,
    stderr: () => stderr,
    logs: () =>
      stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .flatMap((l) => {
          try {
            return [JSON.parse(l)];
          } catch {
            return [];
          }
        }),
  };
}

export const startWorker = (name: string, env: Record<string, string>) => startProcess(name, 'apps/worker/src/main.ts', env);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` is true; throws after `timeoutMs` saying what it waited for (and `detail()`). */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs: number,
  detail?: () => string | Promise<string>,
  intervalMs = 100,
): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await sleep(intervalMs);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${detail ? `: ${await detail()}` : ''}`);
}

export async function waitForWorker(worker: AppProcess, timeoutMs = 30000): Promise<void> {
  await waitFor(
    () => worker.stdout().includes('PeerVisit worker running') || worker.child.exitCode !== null,
    `${worker.name} to start`,
    timeoutMs,
    () => worker.stderr().slice(-2000),
  );
  if (worker.child.exitCode !== null)
    throw new Error(`${worker.name} exited with ${worker.child.exitCode}: ${worker.stderr().slice(-2000)}`);
}

/** Resolves with `promise`, or with `fallback` after `ms` (the timer is cleared either way). */
async function within<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<F>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** SIGTERM, then SIGKILL after `graceMs`, for every process still running; resolves when all have exited. */
export async function stopProcesses(processes: AppProcess[], graceMs = 5000): Promise<void> {
  await Promise.all(
    processes.map(async (p) => {
      if (p.child.exitCode !== null || p.child.signalCode !== null) return;
      p.child.kill('SIGTERM');
      if ((await within(p.exited, graceMs, 'timeout')) === 'timeout') {
        p.child.kill('SIGKILL');
        await within(p.exited, 2000, 'timeout');
      }
    }),
  );
}

/** A plain PostgreSQL connection to this test file's database (the per-file setup sets DATABASE_URL). */
export async function connectDatabase(): Promise<Client> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
}

/**
 * The row data every test message uses: an invitation renders without an account (a password reset
 * to an address without one is skipped by design, so that requests reveal nothing about accounts).
 */
export const INVITATION_DATA = {
  secret: 'abc',
  linkBase: 'http://x/accept-invitation?token=',
  inviterName: 'Ana Test',
  reviewTitle: 'Fault test review',
  roleLabel: 'Peer',
  validDays: 14,
};

/** Counts messages by Message-ID. */
export function countBy<T>(items: T[], key: (item: T) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item) ?? '(none)';
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}
