import { createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import type { Client } from 'pg';
import { AppModule } from '../../apps/api/src/app.module';
import { seedReportableReview } from './report-review';
import { AppProcess, connectDatabase, startWorker, stopProcesses, waitFor, waitForWorker } from './processes';

/** Enough evidence that assembling and rendering the report takes a second or more (scripts/report-scale.ts: ~1.4 s for 20,000). */
const EVIDENCE_ITEMS = 30000;
/** How long the report may take to be READY once the second worker is up (BullMQ's lock of 15 s must expire first). */
const RECOVERY_LIMIT_MS = 60000;

describe('The worker SIGKILLed while rendering a report', () => {
  const processes: AppProcess[] = [];
  let t: TestApp | undefined;
  let db: Client | undefined;

  afterAll(async () => {
    await stopProcesses(processes);
    await t?.close();
    await db?.end();
  });

  it('the report is rendered by the next worker within a bounded time, not left generating', async () => {
    // The API without workers; the rendering happens in worker processes started here.
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const f = await seedReportableReview(t, EVIDENCE_ITEMS);
    const peer: GraphqlClient = await t.gql.signIn(f.people.peer.email, TEST_PASSWORD);
    db = await connectDatabase();
    const report = async () =>
      (await db!.query(`SELECT status, started_at, generated_at, failure_reason, files FROM report WHERE review_id = $1`, [f.reviewId]))
        .rows[0] as { status: string; files: Record<string, string>; failure_reason: string | null } | undefined;

    const env = { LOG_LEVEL: 'log', OUTBOX_SWEEP_INTERVAL_MS: '1000' };
    const first = startWorker('worker-1', env);
    processes.push(first);
    await waitForWorker(first);

    const { requestReport } = await peer.ok<{ requestReport: { id: string; status: string } }>(
      'mutation($r: ID!) { requestReport(reviewId: $r) { id status } }',
      { r: f.reviewId },
    );
    expect(requestReport.status).toBe('QUEUED');

    // Kill the worker as soon as it has claimed the report (status GENERATING), mid-render.
    await waitFor(
      async () => (await report())?.status === 'GENERATING',
      'the first worker to claim the report',
      30000,
      async () => JSON.stringify({ report: await report(), stdout: first.stdout().slice(-1500) }),
      20,
    );
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const afterKill = await report();
    // Had it finished already, this test would prove nothing: the render must take longer than the kill.
    expect(afterKill).toMatchObject({ status: 'GENERATING', files: {} });

    // Nothing moves while no worker runs.
    await new Promise((r) => setTimeout(r, 1000));
    expect((await report())?.status).toBe('GENERATING');

    const second = startWorker('worker-2', env);
    processes.push(second);
    await waitForWorker(second);
    const recoveredMs = await waitFor(
      async () => ['READY', 'FAILED'].includes((await report())?.status ?? ''),
      'the report to be rendered by the second worker',
      RECOVERY_LIMIT_MS,
      async () => JSON.stringify({ report: await report(), stdout: second.stdout().slice(-2000) }),
      250,
    );
    const final = await report();
    console.log(
      `report-worker-kill: ${EVIDENCE_ITEMS} evidence items; worker-1 killed while GENERATING; READY ${recoveredMs} ms after worker-2 was up`,
    );
    expect(final).toMatchObject({ status: 'READY', failure_reason: null });
    expect(Object.keys(final!.files).sort()).toEqual(['docx', 'html', 'pdf']);
    expect(second.stdout()).toContain(`Report ${requestReport.id}: its worker died while rendering; rendering it again`);

    // The files are there and readable, through the real download endpoint.
    const download = async (format: string) => {
      const response = await fetch(`${t!.url}/reports/${requestReport.id}/${format}`, {
        headers: { authorization: `Bearer ${peer.token}` },
      });
      expect(response.status).toBe(200);
      return Buffer.from(await response.arrayBuffer());
    };
    expect((await download('pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await download('docx')).subarray(0, 2).toString()).toBe('PK');
    expect((await download('html')).toString()).toContain('Conclusion on key factor');
  }, 150000);
});
