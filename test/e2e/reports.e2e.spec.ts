import {
  createReviewFixture,
  createTestApp,
  GraphqlClient,
  subscribe,
  TEST_PASSWORD,
  TestApp,
  until,
  waitForMail,
} from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/** Follow-up reports generated in the background, versioned, published to the city with an email. */
describe('follow-up reports, end to end', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof createReviewFixture>>;
  let leader: GraphqlClient;
  let peer: GraphqlClient;
  let coordinator: GraphqlClient;
  const list = 'query($r: ID!) { reviewReports(reviewId: $r) { id version status formats contentHash published } }';

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: true }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    f = await createReviewFixture(t.dataSource, { status: 'FEEDBACK', scope: [1, 2] });
    for (const [i, kf] of f.keyFactors.entries()) {
      await t.dataSource.query(
        "INSERT INTO conclusion (review_id, key_factor_id, rating, summary, strengths, areas_to_develop, status, agreed_at) VALUES ($1, $2, $3, $4, 'Visible leadership.', 'Reach migrant residents.', 'AGREED', now())",
        [f.reviewId, kf.id, i + 2, `Conclusion on key factor ${kf.code}.`],
      );
    }
    leader = await t.gql.signIn(f.people.leader.email, TEST_PASSWORD);
    peer = await t.gql.signIn(f.people.peer.email, TEST_PASSWORD);
    coordinator = await t.gql.signIn(f.people.coordinator.email, TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  let first: { id: string; contentHash: string };

  it('a peer requests a report: it is queued, rendered by the worker, and its progress is live', async () => {
    const feed = await subscribe(t.url, leader.token, 'subscription($r: ID!) { reportChanged(reviewId: $r) { version status } }', {
      r: f.reviewId,
    });
    try {
      const { requestReport } = await peer.ok('mutation($r: ID!) { requestReport(reviewId: $r) { id version status } }', { r: f.reviewId });
      expect(requestReport).toMatchObject({ version: 1, status: 'QUEUED' });
      const seen: string[] = [];
      while (!seen.includes('READY') && !seen.includes('FAILED')) seen.push((await feed.next(20000)).data?.reportChanged.status);
      expect(seen).toEqual(['QUEUED', 'GENERATING', 'READY']);
    } finally {
      await feed.close();
    }
    const { reviewReports } = await leader.ok(list, { r: f.reviewId });
    expect(reviewReports[0]).toMatchObject({ version: 1, status: 'READY', published: false });
    expect(reviewReports[0].formats).toEqual(['docx', 'html', 'pdf']);
    expect(reviewReports[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
    first = reviewReports[0];
  });

  it('the team downloads the draft; the host city neither sees nor downloads it', async () => {
    const asLeader = await fetch(`${t.url}/reports/${first.id}/html`, { headers: { authorization: `Bearer ${leader.token}` } });
    expect(asLeader.status).toBe(200);
    const html = await asLeader.text();
    expect(html).toContain(f.city.name);
    expect(html).toContain('Conclusion on key factor 01.');
    const pdf = await fetch(`${t.url}/reports/${first.id}/pdf`, { headers: { authorization: `Bearer ${leader.token}` } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const docx = await fetch(`${t.url}/reports/${first.id}/docx`, { headers: { authorization: `Bearer ${leader.token}` } });
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect((await coordinator.ok(list, { r: f.reviewId })).reviewReports).toEqual([]);
    const asCity = await fetch(`${t.url}/reports/${first.id}/html`, { headers: { authorization: `Bearer ${coordinator.token}` } });
    expect(asCity.status).toBe(403);
    expect((await fetch(`${t.url}/reports/${first.id}/html`)).status).toBe(401);
  });

  it('the same data gives the same content hash in a new version', async () => {
    await leader.ok('mutation($r: ID!) { requestReport(reviewId: $r) { id } }', { r: f.reviewId });
    const second = await until('version 2', async () =>
      (await leader.ok(list, { r: f.reviewId })).reviewReports.find(
        (r: { version: number; status: string }) => r.version === 2 && r.status === 'READY',
      ),
    );
    expect(second.contentHash).toBe(first.contentHash);
  });

  it('only the expert leader publishes; the coordinator and the team are emailed, and the city can then read it', async () => {
    const publish = 'mutation($id: ID!) { publishReport(reportId: $id) { published publishedAt } }';
    expect((await peer.request(publish, { id: first.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { publishReport } = await leader.ok(publish, { id: first.id });
    expect(publishReport.published).toBe(true);
    const mail = await waitForMail((m) => m.to === f.people.coordinator.email && /Report published/.test(m.subject));
    expect(mail.text).toContain(`/reports/${first.id}/pdf`);
    await waitForMail((m) => m.to === f.people.peer.email && /Report published/.test(m.subject));
    const { reviewReports } = await coordinator.ok(list, { r: f.reviewId });
    expect(reviewReports.map((r: { version: number }) => r.version)).toEqual([1]);
    const asCity = await fetch(`${t.url}/reports/${first.id}/html`, { headers: { authorization: `Bearer ${coordinator.token}` } });
    expect(asCity.status).toBe(200);
    // Follow-up checkpoints now count from publication: 6 and 12 months, to the host coordinator.
    const checkpoints = await t.dataSource.query(
      "SELECT recipient_id, due_at FROM outbox_message WHERE review_id = $1 AND template = 'follow-up-checkpoint' AND status = 'SCHEDULED' ORDER BY due_at",
      [f.reviewId],
    );
    expect(checkpoints.map((c: { recipient_id: string }) => c.recipient_id)).toEqual([f.people.coordinator.id, f.people.coordinator.id]);
    const months = (d: Date) => (d.getUTCFullYear() - new Date().getUTCFullYear()) * 12 + d.getUTCMonth() - new Date().getUTCMonth();
    expect(checkpoints.map((c: { due_at: Date }) => months(c.due_at))).toEqual([6, 12]);
  });

  it('follow-up needs a published report', async () => {
    const g = await createReviewFixture(t.dataSource, { status: 'REPORTING', scope: [1] });
    const gLeader = await t.gql.signIn(g.people.leader.email, TEST_PASSWORD);
    const refused = await gLeader.request('mutation($r: ID!) { startFollowUp(reviewId: $r) { status } }', { r: g.reviewId });
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'INVALID_TRANSITION' },
      message: 'The review cannot move to FOLLOW_UP yet. It needs a published follow-up report.',
    });
    await t.dataSource.query("UPDATE review SET status = 'REPORTING' WHERE id = $1", [f.reviewId]);
    const moved = await leader.ok('mutation($r: ID!) { startFollowUp(reviewId: $r) { status } }', { r: f.reviewId });
    expect(moved.startFollowUp.status).toBe('FOLLOW_UP');
  });

  it('a report cannot be requested before the feedback session', async () => {
    const g = await createReviewFixture(t.dataSource, { status: 'DELIBERATION', scope: [1] });
    const gPeer = await t.gql.signIn(g.people.peer.email, TEST_PASSWORD);
    const refused = await gPeer.request('mutation($r: ID!) { requestReport(reviewId: $r) { id } }', { r: g.reviewId });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });
  });

  it('a report that cannot be stored is marked failed with the reason, not left generating', async () => {
    const { writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    // A real fault: the storage root is a file, so writing the rendered report fails.
    const root = join(process.env.DATA_DIR as string, 'files');
    rmSync(root, { recursive: true, force: true });
    writeFileSync(root, 'not a directory');
    try {
      const { requestReport } = await peer.ok('mutation($r: ID!) { requestReport(reviewId: $r) { id } }', { r: f.reviewId });
      const failed = await until('the report to fail', async () => {
        const { report } = await leader.ok('query($id: ID!) { report(id: $id) { status failureReason formats } }', {
          id: requestReport.id,
        });
        return report.status === 'FAILED' ? report : undefined;
      });
      expect(failed.failureReason).toMatch(/ENOTDIR|EEXIST|not a directory/i);
      expect(failed.formats).toEqual([]);
    } finally {
      rmSync(root, { force: true });
    }
  });
});
