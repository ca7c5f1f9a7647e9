import { Queue } from 'bullmq';
import { createServer } from 'node:net';
import { redisConnectionOptions } from '@peervisit/platform';
import { AppProcess, connectDatabase, startProcess, startWorker, stopProcesses, waitFor, waitForWorker } from '../fault/processes';

/** A port nothing listens on now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

type LogLine = { level?: string; context?: string; msg?: string; requestId?: string; job?: string };

/**
 * The API and the worker as separate processes (as in production): a request's id reaches the
 * outbox row it schedules and the worker's log line for sending it; the worker answers health checks.
 */
describe('request ids across processes, and the worker health port', () => {
  const processes: AppProcess[] = [];
  let apiPort: number;
  let healthPort: number;
  let worker: AppProcess;

  beforeAll(async () => {
    [apiPort, healthPort] = await Promise.all([freePort(), freePort()]);
    worker = startWorker('worker', { WORKER_HEALTH_PORT: String(healthPort) });
    const api = startProcess('api', 'apps/api/src/main.ts', { PORT: String(apiPort), WORKERS_IN_PROCESS: 'false' });
    processes.push(worker, api);
    await waitForWorker(worker, 60000);
    await waitFor(
      () => api.stdout().includes('PeerVisit API listening') || api.child.exitCode !== null,
      'the API to listen',
      60000,
      () => api.stderr().slice(-2000),
    );
  }, 130000);
  afterAll(() => stopProcesses(processes));

  it('the worker answers liveness and readiness on WORKER_HEALTH_PORT, and nothing else', async () => {
    const live = await fetch(`http://127.0.0.1:${healthPort}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: 'ok', pid: worker.child.pid });
    const ready = await fetch(`http://127.0.0.1:${healthPort}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', checks: { postgres: { status: 'up' }, redis: { status: 'up' } } });
    expect((await fetch(`http://127.0.0.1:${healthPort}/metrics`)).status).toBe(404);
  });

  it('a reset email requested with X-Request-Id is sent by the worker under that id, and its row records it', async () => {
    const requestId = `trace-reset-${Date.now()}`;
    const db = await connectDatabase();
    await db
      .query("INSERT INTO person (email, full_name, password_hash) VALUES ('someone@example.org', 'Some One', 'not-a-hash')")
      .finally(() => db.end());
    const response = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ query: 'mutation { requestPasswordReset(email: "someone@example.org") }' }),
    });
    expect(response.headers.get('x-request-id')).toBe(requestId);
    expect(await response.json()).toEqual({ data: { requestPasswordReset: true } });

    const sent = () => (worker.logs() as LogLine[]).find((l) => l.context === 'OutboxSender' && l.msg?.startsWith('Sent message'));
    await waitFor(
      () => sent() !== undefined,
      'the worker to log the sending',
      30000,
      async () => {
        const db = await connectDatabase();
        const { rows } = await db.query('SELECT status, request_id, last_error, attempts FROM outbox_message').finally(() => db.end());
        return `${JSON.stringify(rows)}; worker: ${worker
          .stdout()
          .split('\n')
          .filter((l) => !l.includes('InstanceLoader'))
          .join('\n')
          .slice(-3000)}; api: ${processes[1]
          .stdout()
          .split('\n')
          .filter((l) => !l.includes('InstanceLoader') && !l.includes('RouterExplorer'))
          .join('\n')
          .slice(-3000)}`;
      },
    );
    expect(sent()).toMatchObject({ requestId, job: expect.stringMatching(/^mail\/send-outbox-message\//) });

    const after = await connectDatabase();
    try {
      const { rows } = await after.query("SELECT request_id, status FROM outbox_message WHERE template = 'password-reset'");
      expect(rows).toEqual([{ request_id: requestId, status: 'SENT' }]);
    } finally {
      await after.end();
    }
  });

  it('a message whose job was lost is re-queued by the sweeper and still sent under the request that scheduled it', async () => {
    await stopProcesses([worker]);
    const requestId = `trace-swept-${Date.now()}`;
    const response = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ query: 'mutation { requestPasswordReset(email: "someone@example.org") }' }),
    });
    expect(await response.json()).toEqual({ data: { requestPasswordReset: true } });
    // Redis loses the job (as after a flush): only the row remembers the request now.
    const mail = new Queue('mail', {
      connection: redisConnectionOptions(process.env.REDIS_URL as string),
      prefix: process.env.QUEUE_PREFIX,
    });
    try {
      expect(await mail.getJobCounts('waiting', 'delayed')).toMatchObject({ waiting: 1, delayed: 0 });
      await mail.drain(true);
      expect(await mail.getJobCounts('waiting', 'delayed')).toMatchObject({ waiting: 0, delayed: 0 });
    } finally {
      await mail.close();
    }

    const sweeper = startWorker('worker-2', { OUTBOX_SWEEP_INTERVAL_MS: '500' });
    processes.push(sweeper);
    await waitForWorker(sweeper, 60000);
    const lines = () => sweeper.logs() as LogLine[];
    const sent = () => lines().find((l) => l.context === 'OutboxSender' && l.msg?.startsWith('Sent message'));
    await waitFor(
      () => sent() !== undefined,
      'the re-queued message to be sent',
      30000,
      () => sweeper.stdout().slice(-3000),
    );
    const swept = lines().find((l) => l.msg?.startsWith('Sweeper queued 1 due message'));
    // The sweep ran under an id of its own; the send under the one of the request that caused it.
    expect(swept?.requestId).toBeDefined();
    expect(swept?.requestId).not.toBe(requestId);
    expect(sent()).toMatchObject({ requestId, job: expect.stringMatching(/^mail\/send-outbox-message\//) });
  }, 120000);
});
