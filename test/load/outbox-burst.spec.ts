import { redisConnectionOptions } from '@peervisit/platform';
import { never, ranAgain, SmtpSink, startSmtpSink } from '@peervisit/testing';
import { Queue } from 'bullmq';
import type { Client } from 'pg';
import {
  AppProcess,
  connectDatabase,
  countBy,
  INVITATION_DATA,
  startWorker,
  stopProcesses,
  waitFor,
  waitForWorker,
} from '../fault/processes';

const COUNT = 1000;

describe('An outbox burst', () => {
  const processes: AppProcess[] = [];
  let sink: SmtpSink | undefined;
  let db: Client | undefined;
  // This file's queues (its prefix is set in the per-file beforeAll), read only to see the workers' sweeps and what is left to send.
  const queues: Queue[] = [];
  const queue = (name: string) => {
    queues.push(
      new Queue(name, {
        connection: redisConnectionOptions(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'),
        prefix: process.env.QUEUE_PREFIX,
      }),
    );
    return queues[queues.length - 1];
  };

  afterAll(async () => {
    await stopProcesses(processes);
    await Promise.all(queues.map((q) => q.close()));
    await sink?.stop();
    await db?.end();
  });

  const statusCounts = async () =>
    Object.fromEntries(
      (await db!.query(`SELECT status, count(*)::int AS n FROM outbox_message GROUP BY status`)).rows.map((r) => [r.status, r.n]),
    ) as Record<string, number>;

  it('1,000 reminders due at the same moment, with two worker processes running, are all sent, each once', async () => {
    sink = await startSmtpSink();
    db = await connectDatabase();
    await db.query(
      `INSERT INTO outbox_message (dedupe_key, template, recipient_email, data, due_at, message_id)
         SELECT 'burst-' || n, 'invitation', 'person' || n || '@example.org', $1, now(), '<burst-' || n || '@peervisit>'
           FROM generate_series(1, $2::int) AS n`,
      [JSON.stringify(INVITATION_DATA), COUNT],
    );
    const expectedIds = (await db.query(`SELECT message_id FROM outbox_message ORDER BY message_id`)).rows.map(
      (r) => r.message_id as string,
    );
    expect(new Set(expectedIds).size).toBe(COUNT);

    // Each worker names itself in EHLO (nodemailer's `name`, from the URL), so the sink can tell who sent what.
    const env = (name: string) => ({
      SMTP_URL: `${sink!.url}/?name=${name}`,
      OUTBOX_SWEEP_INTERVAL_MS: '500',
      OUTBOX_RETRY_DELAY_MS: '200',
      LOG_LEVEL: 'log',
    });
    const workers = [startWorker('worker-a', env('worker-a')), startWorker('worker-b', env('worker-b'))];
    processes.push(...workers);
    await Promise.all(workers.map((w) => waitForWorker(w, 45000)));

    const started = Date.now();
    await waitFor(
      async () => (await statusCounts()).SENT === COUNT,
      `all ${COUNT} rows to be SENT`,
      120000,
      async () =>
        JSON.stringify({
          statuses: await statusCounts(),
          received: sink!.received.length,
          a: workers[0].stdout().slice(-800),
          b: workers[1].stdout().slice(-800),
        }),
      250,
    );
    const tookMs = Date.now() - started;
    // Two more sweeps, started after the last send, with no send job left: nothing more may arrive.
    await never('a second copy of any message', ranAgain(queue('maintenance'), 'sweep-outbox', Date.now(), 2, [queue('mail')]), () =>
      [...countBy(sink!.received, (m) => m.messageId)].filter(([, n]) => n > 1),
    );

    const byId = countBy(sink.received, (m) => m.messageId);
    const split = Object.fromEntries(
      countBy(
        sink.deliveries.filter((d) => d.outcome === 'accepted'),
        (d) => d.clientName,
      ),
    );
    const sweeps = workers.map((w) =>
      w
        .logs()
        .filter((l) => l.msg?.startsWith('Sweeper queued'))
        .map((l) => l.msg),
    );
    console.log(
      `outbox-burst: ${COUNT} rows SENT ${tookMs} ms after both workers were up; sink received ${sink.received.length} messages, ` +
        `${byId.size} distinct Message-IDs; split between workers ${JSON.stringify(split)}; sweeper runs that queued something: ` +
        `worker-a ${JSON.stringify(sweeps[0])}, worker-b ${JSON.stringify(sweeps[1])}`,
    );
    if (Object.keys(split).length < 2) console.log(`outbox-burst: only ${Object.keys(split).join(', ')} sent messages this time`);

    expect(await statusCounts()).toEqual({ SENT: COUNT });
    expect(sink.received).toHaveLength(COUNT);
    expect([...byId.keys()].sort()).toEqual(expectedIds);
    expect([...byId.values()].every((n) => n === 1)).toBe(true);
    // Every message came from one of the two workers.
    expect(Object.keys(split).every((name) => name === 'worker-a' || name === 'worker-b')).toBe(true);
    const [{ attempts }] = (await db.query(`SELECT max(attempts)::int AS attempts FROM outbox_message`)).rows;
    expect(attempts).toBe(1);
  }, 170000);
});
