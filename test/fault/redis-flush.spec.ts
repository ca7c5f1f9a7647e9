import { getQueueToken } from '@nestjs/bullmq';
import { OutboxService, redisConnectionOptions } from '@peervisit/platform';
import { createTestApp, never, ranAgain, SmtpSink, startSmtpSink, TestApp } from '@peervisit/testing';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { AppModule } from '../../apps/api/src/app.module';
import { AppProcess, countBy, INVITATION_DATA, startWorker, stopProcesses, waitFor, waitForWorker } from './processes';

const KEYS = [1, 2, 3, 4, 5].map((n) => `flush-test-${n}`);
const messageIdOf = (key: string) => `<${key}@peervisit>`;

/** Every key of this test file's BullMQ prefix (never the whole Redis: other test files share it). */
async function keysUnderPrefix(redis: Redis): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${process.env.QUEUE_PREFIX}:*`, 'COUNT', 500);
    found.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  return found;
}

describe('Redis flushed with reminders scheduled', () => {
  const processes: AppProcess[] = [];
  let t: TestApp | undefined;
  let sink: SmtpSink | undefined;
  let redis: Redis | undefined;

  afterAll(async () => {
    await stopProcesses(processes);
    await t?.close();
    await sink?.stop();
    redis?.disconnect();
  });

  it('the sweeper restores the lost jobs: all 5 messages are delivered, each exactly once', async () => {
    // The API alone (no workers in the process), as in a deployment with a separate worker.
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    await t.dataSource.query(
      `INSERT INTO outbox_message (dedupe_key, template, recipient_email, data, due_at, message_id)
       SELECT key, 'invitation', key || '@example.org', $2, now(), '<' || key || '@peervisit>' FROM unnest($1::text[]) AS key`,
      [KEYS, JSON.stringify(INVITATION_DATA)],
    );
    expect(await t.app.get(OutboxService).enqueueScheduled({ dedupeKeys: KEYS })).toBe(5);
    const mailQueue = t.app.get<Queue>(getQueueToken('mail'));
    expect(await mailQueue.getJobCounts('waiting', 'delayed')).toMatchObject({ waiting: 5, delayed: 0 });

    // The flush: every key under this file's prefix (SCAN + DEL, not FLUSHALL).
    redis = new Redis({ ...redisConnectionOptions(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'), maxRetriesPerRequest: 1 });
    const before = await keysUnderPrefix(redis);
    expect(before.length).toBeGreaterThan(0);
    await redis.del(...before);
    expect(await keysUnderPrefix(redis)).toEqual([]);
    expect(await mailQueue.getJobCounts('waiting', 'delayed')).toMatchObject({ waiting: 0, delayed: 0 });
    const [stillScheduled] = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE status = 'SCHEDULED'`);
    expect(stillScheduled.n).toBe(5);

    // A worker comes up on the empty Redis; its sweeper finds 5 due rows without a job.
    sink = await startSmtpSink();
    const worker = startWorker('worker', {
      SMTP_URL: sink.url,
      OUTBOX_SWEEP_INTERVAL_MS: '500',
      OUTBOX_RETRY_DELAY_MS: '200',
      LOG_LEVEL: 'log',
    });
    processes.push(worker);
    await waitForWorker(worker);
    const sentAfterMs = await waitFor(
      async () => (await t!.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE status = 'SENT'`))[0].n === 5,
      'all 5 rows to be SENT',
      30000,
      async () =>
        JSON.stringify({
          rows: await t!.dataSource.query(`SELECT dedupe_key, status, attempts, last_error FROM outbox_message`),
          stdout: worker.stdout().slice(-2000),
        }),
    );
    // Two more sweeps, started after the last send, with no send job left: nothing more may arrive.
    const maintenanceQueue = t.app.get<Queue>(getQueueToken('maintenance'));
    await never('a second copy of any message', ranAgain(maintenanceQueue, 'sweep-outbox', Date.now(), 2, [mailQueue]), () =>
      [...countBy(sink!.received, (m) => m.messageId)].filter(([, n]) => n > 1),
    );

    const copies = countBy(sink.received, (m) => m.messageId);
    console.log(
      `redis-flush: ${sink.received.length} messages delivered for 5 rows, SENT ${sentAfterMs} ms after the worker started; copies per Message-ID: ${JSON.stringify(Object.fromEntries(copies))}`,
    );
    expect(Object.fromEntries(copies)).toEqual(Object.fromEntries(KEYS.map((k) => [messageIdOf(k), 1])));
    const rows = await t.dataSource.query(`SELECT dedupe_key AS key, status, attempts FROM outbox_message ORDER BY dedupe_key`);
    expect(rows).toEqual(KEYS.map((key) => ({ key, status: 'SENT', attempts: 1 })));
    expect(worker.stdout()).toContain('Sweeper queued 5 due message(s) and 0 stuck one(s)');
  }, 60000);
});
