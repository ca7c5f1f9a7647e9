import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import type { BrowserFixture } from './fixture';

const ROOT = resolve(__dirname, '..', '..', '..');
export const JWT_SECRET = 'browser-tests-secret-0123456789abcdef0123456789';

const freePort = () =>
  new Promise<number>((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

async function adminQuery(databaseUrl: string, sql: string) {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** One GraphQL request to the test API (setup steps; what is under test goes through the UI). */
export async function graphql(base: string, query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * Once per browser run: builds the web app if its sources changed, makes a fresh database (migrations,
 * catalogue, a review in its visit), starts the API on a free port with the queue workers in process
 * (mail is captured under its DATA_DIR), schedules today's sessions through the API, and hands the
 * tests what they need in PV_BROWSER_FIXTURE. The returned function stops and removes all of it.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const { buildWebAppIfStale } = await import(join(ROOT, 'scripts', 'web-app-build.mjs'));
  process.chdir(ROOT);
  buildWebAppIfStale((msg: string) => process.stderr.write(`[browser] ${msg}\n`));

  const base = new URL(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const dbName = `pv_browser_${randomBytes(5).toString('hex')}`;
  base.pathname = `/${dbName}`;
  const databaseUrl = base.toString();
  const dataDir = mkdtempSync(join(tmpdir(), 'peervisit-browser-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `pvbrowser-${randomBytes(4).toString('hex')}`,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    JWT_SECRET,
    LOG_LEVEL: 'error',
    WORKERS_IN_PROCESS: 'true',
    API_PROCESSES: '1',
  };
  delete (env as Record<string, string | undefined>).SMTP_URL;

  const prepared = spawnSync(process.execPath, ['-r', '@swc-node/register', 'test/browser/support/prepare-database.ts'], {
    env,
    encoding: 'utf8',
  });
  if (prepared.status !== 0) throw new Error(`Preparing the browser tests' database failed:\n${prepared.stderr}`);
  const { scenarios, ...review } = JSON.parse(prepared.stdout.trim().split('\n').pop() as string);

  let api: ChildProcess | undefined = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const apiExit = new Promise<number | null>((done) => api?.once('exit', done));
  const teardown = async () => {
    if (api && api.exitCode === null) {
      api.kill('SIGTERM');
      await Promise.race([apiExit, new Promise((r) => setTimeout(r, 10_000))]);
      if (api.exitCode === null) api.kill('SIGKILL');
    }
    api = undefined;
    await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    // The run's queue keys in Redis (its own prefix).
    const redis = new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      for (let cursor = '0'; ;) {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.QUEUE_PREFIX}:*`, 'COUNT', 500);
        if (keys.length) await redis.del(...keys);
        if ((cursor = next) === '0') break;
      }
    } catch {
      // Redis gone: nothing to clean.
    } finally {
      redis.disconnect();
    }
  };
  try {
    const started = Date.now();
    for (;;) {
      if (api.exitCode !== null) throw new Error(`The API stopped at start-up (exit ${api.exitCode}).`);
      if (
        await fetch(`${baseUrl}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (Date.now() - started > 60_000) throw new Error('The API did not answer /health within 60 s.');
      await new Promise((r) => setTimeout(r, 200));
    }
    // Today's programme, scheduled as the expert leader would: one interview for the peer now, a focus group later.
    const leader = await graphql(baseUrl, 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }', {
      e: review.people.leader.email,
      p: 'correct-horse-battery',
    });
    const schedule = 'mutation($r: ID!, $input: VisitSessionInput!) { scheduleVisitSession(reviewId: $r, input: $input) { id title } }';
    // Today in the host city, whatever the hour: the peer's interview after a focus group of another
    // peer, so "my sessions first" differs from time order.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(),
    );
    const sessions = [];
    for (const input of [
      {
        kind: 'FOCUS_GROUP',
        title: 'Focus group with youth workers',
        start: `${today}T09:00`,
        end: `${today}T10:00`,
        location: 'Library',
        assignments: [{ personId: review.people.peer2.id, part: 'INTERVIEWER' }],
        keyFactorIds: [review.keyFactors[2].id],
      },
      {
        kind: 'INTERVIEW',
        title: 'Interview with the integration officer',
        start: `${today}T11:00`,
        end: `${today}T12:00`,
        location: 'City hall',
        assignments: [{ personId: review.people.peer.id, part: 'INTERVIEWER' }],
        keyFactorIds: [review.keyFactors[0].id, review.keyFactors[1].id],
      },
    ]) {
      sessions.push((await graphql(baseUrl, schedule, { r: review.reviewId, input }, leader.signIn.accessToken)).scheduleVisitSession);
    }
    const fixture: BrowserFixture = {
      baseUrl,
      databaseUrl,
      dataDir,
      jwtSecret: JWT_SECRET,
      review,
      sessions,
      scenarios,
    };
    process.env.PV_BROWSER_FIXTURE = JSON.stringify(fixture);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
