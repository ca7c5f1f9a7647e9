import { getQueueToken } from '@nestjs/bullmq';
import { OutboxService } from '@peervisit/platform';
import {
  createPerson,
  createTestApp,
  never,
  OwnRedis,
  ranAgain,
  SmtpSink,
  startOwnRedis,
  startSmtpSink,
  TestApp,
} from '@peervisit/testing';
import type { Queue } from 'bullmq';
import { AppModule } from '../../apps/api/src/app.module';
import { AppProcess, countBy, INVITATION_DATA, sleep, startWorker, stopProcesses, waitFor, waitForWorker } from './processes';

/** Load before the outage, during it, and after Redis is back. */
const PHASE_MS = 5000;
/** How soon /health must notice Redis gone, and notice it back (the probe answers within 2 s). */
const HEALTH_LIMIT_MS = 10000;

interface Health {
  status: string;
  checks: { postgres: { status: string }; redis: { status: string; error?: string } };
}

describe('Redis restarted (without persistence) under load', () => {
  const processes: AppProcess[] = [];
  let redis: OwnRedis | undefined;
  let sink: SmtpSink | undefined;
  let t: TestApp | undefined;
  const sharedRedisUrl = process.env.REDIS_URL;

  afterAll(async () => {
    await stopProcesses(processes);
    await t?.close();
    await sink?.stop();
    await redis?.stop();
    process.env.REDIS_URL = sharedRedisUrl;
  });

  it('/health reports Redis down, then up again without a restart, and every due message is delivered (at most one duplicate each)', async () => {
    redis = await startOwnRedis();
    sink = await startSmtpSink();
    // The API (in this process) and the worker (a child process) both on this Redis only.
    process.env.REDIS_URL = redis.url;
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const worker = startWorker('worker', {
      REDIS_URL: redis.url,
      SMTP_URL: sink.url,
      OUTBOX_SWEEP_INTERVAL_MS: '500',
      OUTBOX_RETRY_DELAY_MS: '200',
      OUTBOX_SENDING_TIMEOUT_MS: '15000',
      LOG_LEVEL: 'log',
    });
    processes.push(worker);
    await waitForWorker(worker);
    const people = await Promise.all(
      Array.from({ length: 10 }, (_, i) => createPerson(t!.dataSource, { email: `redis-restart-${i}@example.org` })),
    );
    const outbox = t.app.get(OutboxService);

    const health = async (): Promise<{ code: number; body: Health }> => {
      const response = await fetch(`${t!.url}/health`);
      return { code: response.status, body: (await response.json()) as Health };
    };
    expect(await health()).toMatchObject({ code: 200, body: { status: 'ok' } });

    // Load: reminders scheduled as the reminder service does (row in a transaction, then a delayed
    // job), due 1-4 s later, so delayed jobs sit in Redis when it goes; plus password resets
    // through GraphQL (a message due at once, queued after commit).
    let producing = true;
    let reminders = 0;
    const enqueueFailures: string[] = [];
    const reminderLoop = (async () => {
      while (producing) {
        const key = `redis-restart-reminder-${++reminders}`;
        await t!.dataSource.transaction((manager) =>
          outbox.schedule(manager, {
            dedupeKey: key,
            template: 'invitation',
            recipientEmail: `${key}@example.org`,
            data: INVITATION_DATA,
            dueAt: new Date(Date.now() + 1000 + Math.random() * 3000),
          }),
        );
        // Not awaited: while Redis is away the job cannot be added; the row in PostgreSQL stays the truth.
        void outbox.enqueueScheduled({ dedupeKeys: [key] }).catch((e) => enqueueFailures.push(String(e)));
        await sleep(100);
      }
    })();
    const resets = { ok: 0, failed: 0, slowestMs: 0, errors: new Set<string>() };
    const resetLoop = (async () => {
      let n = 0;
      while (producing) {
        const started = Date.now();
        const result = await t!.gql.request('mutation($e: String!) { requestPasswordReset(email: $e) }', {
          e: people[n++ % people.length].email,
        });
        resets.slowestMs = Math.max(resets.slowestMs, Date.now() - started);
        if (result.errors?.length) {
          resets.failed++;
          resets.errors.add(`${result.errors[0].extensions?.code}: ${result.errors[0].message}`);
        } else resets.ok++;
        await sleep(150);
      }
    })();

    await sleep(PHASE_MS);
    const keysBefore = await redisKeyCount(redis.url);

    // Redis goes away, with everything in it.
    await redis.stop();
    const downAfterMs = await waitFor(
      async () => {
        const h = await health();
        return h.code === 503 && h.body.checks.redis.status === 'down' && h.body.checks.postgres.status === 'up';
      },
      '/health to report Redis down',
      HEALTH_LIMIT_MS,
      async () => JSON.stringify(await health()),
      200,
    );
    await sleep(PHASE_MS);

    // Back on the same port, empty.
    await redis.start();
    const upAfterMs = await waitFor(
      async () => (await health()).code === 200,
      '/health to report ok again',
      HEALTH_LIMIT_MS + 20000,
      async () => JSON.stringify(await health()),
      200,
    );
    await sleep(PHASE_MS);
    producing = false;
    await Promise.all([reminderLoop, resetLoop]);

    // Every message due is delivered: the sweeper re-queues the rows whose jobs Redis lost.
    const [{ total }] = await t.dataSource.query(`SELECT count(*)::int AS total FROM outbox_message`);
    const statuses = async () =>
      Object.fromEntries(
        (await t!.dataSource.query(`SELECT status, count(*)::int AS n FROM outbox_message GROUP BY status`)).map(
          (r: { status: string; n: number }) => [r.status, r.n],
        ),
      );
    const sentAfterMs = await waitFor(
      async () => (await statuses()).SENT === total,
      `all ${total} messages to be SENT`,
      60000,
      async () =>
        JSON.stringify({
          statuses: await statuses(),
          received: sink!.received.length,
          stdout: worker.stdout().slice(-2000),
          stderr: worker.stderr().slice(-1000),
        }),
      250,
    );
    // Two more sweeps, started after the last send, with no send job left: nothing more may arrive.
    const [maintenanceQueue, mailQueue] = (['maintenance', 'mail'] as const).map((name) => t!.app.get<Queue>(getQueueToken(name)));
    await never('a third copy of any message', ranAgain(maintenanceQueue, 'sweep-outbox', Date.now(), 2, [mailQueue]), () =>
      [...countBy(sink!.received, (m) => m.messageId)].filter(([, n]) => n > 2),
    );

    const ids: string[] = (await t.dataSource.query(`SELECT message_id FROM outbox_message`)).map(
      (r: { message_id: string }) => r.message_id,
    );
    const copies = countBy(sink.received, (m) => m.messageId);
    const duplicates = [...copies.values()].filter((n) => n > 1).length;
    console.log(
      `redis-restart: ${total} messages (${reminders} reminders, ${resets.ok} password resets answered, ${resets.failed} refused: ${JSON.stringify([...resets.errors])}; ` +
        `slowest reset ${resets.slowestMs} ms); ${keysBefore} Redis keys lost; /health down ${downAfterMs} ms after the stop, ok ${upAfterMs} ms after the start; ` +
        `all SENT ${sentAfterMs} ms after the load stopped; ${sink.received.length} deliveries, ${duplicates} duplicated; ${enqueueFailures.length} enqueues failed`,
    );
    expect(keysBefore).toBeGreaterThan(0);
    expect(worker.child.exitCode).toBeNull(); // the worker rode it out, no restart
    // The sweepers' schedule, lost with Redis's data, was registered again on reconnection.
    expect(worker.stdout()).toContain('Scheduled maintenance/sweep-outbox again after Redis reconnected');
    // None lost; at most one duplicate each (the outbox's documented promise).
    expect(ids.filter((id) => !copies.has(id))).toEqual([]);
    expect([...copies.keys()].filter((id) => !ids.includes(id))).toEqual([]);
    expect([...copies.values()].every((n) => n <= 2)).toBe(true);
    // The API answers GraphQL normally again.
    expect(await t.gql.request('mutation($e: String!) { requestPasswordReset(email: $e) }', { e: people[0].email })).toEqual({
      data: { requestPasswordReset: true },
    });
    expect(resets.ok).toBeGreaterThan(0);
    process.env.REDIS_URL = sharedRedisUrl;
  }, 180000);
});

async function redisKeyCount(url: string): Promise<number> {
  const { default: Redis } = await import('ioredis');
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    return await client.dbsize();
  } finally {
    client.disconnect();
  }
}
