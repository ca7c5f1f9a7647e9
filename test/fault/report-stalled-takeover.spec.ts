import { getQueueToken } from '@nestjs/bullmq';
import { createTestApp, GraphqlClient, never, ranAgain, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import type { Queue } from 'bullmq';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Client } from 'pg';
import { AppModule } from '../../apps/api/src/app.module';
import { seedReportableReview } from './report-review';
import { AppProcess, connectDatabase, startWorker, stopProcesses, waitFor, waitForWorker } from './processes';

/** Enough evidence that rendering takes a second or more, so the worker can be frozen mid-render. */
const EVIDENCE_ITEMS = 30000;

/**
 * BullMQ takes a job for stalled when its worker does not renew the lock (15 s), also when that
 * worker is alive but frozen. Here the first worker is frozen (SIGSTOP) mid-render, a second one
 * takes the report over and makes it READY, the leader publishes it; then the first one wakes up
 * and finishes its own render. Its result must be discarded and its files removed.
 */
describe('A frozen worker waking up after its report was taken over', () => {
  const processes: AppProcess[] = [];
  let t: TestApp | undefined;
  let db: Client | undefined;

  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGCONT');
    await stopProcesses(processes);
    await t?.close();
    await db?.end();
  });

  it("keeps the later render's result (and publication); the earlier render's files are deleted", async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const f = await seedReportableReview(t, EVIDENCE_ITEMS);
    const leader: GraphqlClient = await t.gql.signIn(f.people.leader.email, TEST_PASSWORD);
    db = await connectDatabase();
    type Row = { status: string; files: Record<string, string>; content_hash: string | null; render_attempt: number; published: boolean };
    const report = async () =>
      (await db!.query(`SELECT status, files, content_hash, render_attempt, published FROM report WHERE review_id = $1`, [f.reviewId]))
        .rows[0] as Row | undefined;
    const filesOnDisk = async () =>
      (await readdir(join(process.env.DATA_DIR!, 'files', 'reports', f.reviewId)).catch(() => [] as string[]))
        .filter((n) => !n.endsWith('.part'))
        .sort();

    const env = { LOG_LEVEL: 'log', OUTBOX_SWEEP_INTERVAL_MS: '1000' };
    const first = startWorker('worker-1', env);
    processes.push(first);
    await waitForWorker(first);
    const { requestReport } = await leader.ok<{ requestReport: { id: string } }>(
      'mutation($r: ID!) { requestReport(reviewId: $r) { id } }',
      { r: f.reviewId },
    );

    // Freeze the first worker as soon as it has claimed the report: alive, but renewing no lock.
    await waitFor(
      async () => (await report())?.status === 'GENERATING',
      'the first worker to claim the report',
      30000,
      async () => JSON.stringify(await report()),
      20,
    );
    first.child.kill('SIGSTOP');
    // Had it finished already, this test would prove nothing.
    expect(await report()).toMatchObject({ status: 'GENERATING', files: {} });

    const second = startWorker('worker-2', env);
    processes.push(second);
    await waitForWorker(second);
    await waitFor(
      async () => ['READY', 'FAILED'].includes((await report())?.status ?? ''),
      'the second worker to take the report over',
      90000,
      async () => JSON.stringify({ report: await report(), stdout: second.stdout().slice(-2000) }),
      250,
    );
    const taken = (await report())!;
    expect(taken.status).toBe('READY');
    expect(second.stdout()).toContain(`Report ${requestReport.id}: its worker died while rendering; rendering it again`);
    await leader.ok('mutation($id: ID!) { publishReport(reportId: $id) { id } }', { id: requestReport.id });

    // The first worker wakes up and finishes its render.
    first.child.kill('SIGCONT');
    const discarded = `Report ${requestReport.id}: render attempt 1 was taken over by a later one; its result is discarded`;
    await waitFor(
      // Either it says it discarded its result, or (the bug) its result replaced the second one's.
      async () =>
        first.stdout().includes(discarded) ||
        JSON.stringify((await report())?.files) !== JSON.stringify(taken.files) ||
        /Report \S+ failed/.test(first.stdout()),
      'the first worker to finish its render',
      90000,
      async () => JSON.stringify({ report: await report(), stdout: first.stdout().slice(-2000) }),
      250,
    );
    // No late write: looked at once the report sweeper has run again and no render job is left to run.
    const [maintenanceQueue, reportsQueue] = (['maintenance', 'reports'] as const).map((name) => t!.app.get<Queue>(getQueueToken(name)));
    const published = { ...taken, published: true };
    await never('a write to the published report', ranAgain(maintenanceQueue, 'sweep-reports', Date.now(), 1, [reportsQueue]), async () => {
      const now = await report();
      return JSON.stringify(now) === JSON.stringify(published) ? undefined : now;
    });
    expect(await report()).toEqual(published);
    expect(first.stdout()).toContain(discarded);
    // Only the second render's three files remain; the first one's are deleted.
    expect(await filesOnDisk()).toEqual(
      Object.values(taken.files)
        .map((key) => key.split('/').pop())
        .sort(),
    );
    const html = await fetch(`${t.url}/reports/${requestReport.id}/html`, { headers: { authorization: `Bearer ${leader.token}` } });
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('Conclusion on key factor');
  }, 240000);
});
