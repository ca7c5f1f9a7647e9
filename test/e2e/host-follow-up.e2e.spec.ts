import { randomUUID } from 'node:crypto';
import { createReviewFixture, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

type Fixture = Awaited<ReturnType<typeof createReviewFixture>>;

/**
 * The host city's follow-up (issue 18): "partly accepted" as an answer, which like a rejection must
 * say why; progress reports that name the review's documents; and the reminders coming up, each
 * reader seeing the ones that concern them.
 */
describe("the host city's follow-up, end to end", () => {
  let t: TestApp;
  let f: Fixture;
  let other: Fixture;
  const as = {} as Record<'leader' | 'peer' | 'coordinator' | 'contributor' | 'observer' | 'stranger', GraphqlClient>;
  const rec = {} as Record<'a' | 'b', string>;

  const respond =
    'mutation($id: ID!, $response: HostResponse!, $comment: String) { respondToRecommendation(recommendationId: $id, response: $response, comment: $comment) { id hostResponse hostComment } }';
  const report = `mutation($id: ID!, $input: FollowUpInput!) { reportFollowUp(recommendationId: $id, input: $input) {
      id followUpStatus followUpUpdates { status note asOf documentIds documents { id title downloadPath retractedAt } reportedBy { fullName } } } }`;
  const upcoming = 'query($r: ID!) { upcomingReminders(reviewId: $r) { template dueAt dueLocal recipientId recipientName sessionId } }';
  const setCheckpoints =
    'mutation($r: ID!, $dates: [String!]) { updateReview(reviewId: $r, input: { timeline: { followUpCheckpoints: $dates } }) { id } }';

  const addRecommendation = async (text: string) => {
    const [row] = await t.dataSource.query(
      `INSERT INTO recommendation (review_id, text, key_factor_ids, priority, horizon, created_by_id) VALUES ($1, $2, $3, 'HIGH', 'QUICK_WIN', $4) RETURNING id`,
      [f.reviewId, text, [f.keyFactors[0].id], f.people.leader.id],
    );
    return row.id as string;
  };

  /** A document uploaded as the host city does it: multipart, then named in the progress report. */
  const upload = async (client: GraphqlClient, reviewId: string, title: string) => {
    const form = new FormData();
    form.append('title', title);
    form.append('type', 'MONITORING_DATA');
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n% progress\n')], { type: 'application/pdf' }), 'progress.pdf');
    const response = await fetch(`${t.url}/reviews/${reviewId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.token}` },
      body: form,
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    f = await createReviewFixture(t.dataSource, { status: 'FEEDBACK', scope: [1, 2] });
    other = await createReviewFixture(t.dataSource, { status: 'FEEDBACK', scope: [1] });
    for (const who of ['leader', 'peer', 'coordinator', 'contributor', 'observer'] as const)
      as[who] = await t.gql.signIn(f.people[who].email, TEST_PASSWORD);
    as.stranger = await t.gql.signIn(other.people.coordinator.email, TEST_PASSWORD);
    rec.a = await addRecommendation('Publish the diversity statement on the city website.');
    rec.b = await addRecommendation('Train front-desk staff in intercultural communication.');
  });
  afterAll(() => t?.close());

  it('"partly accepted" is an answer that must say why, like a rejection; it is stored and can be changed', async () => {
    const missing = await as.coordinator.request(respond, { id: rec.a, response: 'PARTLY_ACCEPTED', comment: '  ' });
    expect(missing.errors?.[0]).toMatchObject({
      message: 'The answer was not saved: comment: say which part the city accepts, and why not the rest',
      extensions: {
        code: 'BAD_USER_INPUT',
        problems: [{ path: 'comment', message: 'say which part the city accepts, and why not the rest' }],
      },
    });
    expect((await t.dataSource.query('SELECT host_response FROM recommendation WHERE id = $1', [rec.a]))[0].host_response).toBeNull();
    // Only the coordinator answers.
    expect(
      (await as.contributor.request(respond, { id: rec.a, response: 'PARTLY_ACCEPTED', comment: 'The website only.' })).errors?.[0]
        .extensions?.code,
    ).toBe('FORBIDDEN');

    const answered = (
      await as.coordinator.ok(respond, { id: rec.a, response: 'PARTLY_ACCEPTED', comment: 'The website, yes; the council reading, no.' })
    ).respondToRecommendation;
    expect(answered).toMatchObject({ hostResponse: 'PARTLY_ACCEPTED', hostComment: 'The website, yes; the council reading, no.' });
    const [row] = await t.dataSource.query('SELECT host_response::text, host_comment, responded_by_id FROM recommendation WHERE id = $1', [
      rec.a,
    ]);
    expect(row).toEqual({
      host_response: 'PARTLY_ACCEPTED',
      host_comment: 'The website, yes; the council reading, no.',
      responded_by_id: f.people.coordinator.id,
    });
    const [audit] = await t.dataSource.query(
      "SELECT before, after FROM audit_entry WHERE entity_id = $1 AND action = 'recommendation.respond' ORDER BY at DESC LIMIT 1",
      [rec.a],
    );
    expect([audit.before.hostResponse, audit.after.hostResponse]).toEqual([null, 'PARTLY_ACCEPTED']);
    // Accepting needs no reason.
    expect((await as.coordinator.ok(respond, { id: rec.b, response: 'ACCEPTED' })).respondToRecommendation.hostResponse).toBe('ACCEPTED');
  });

  it('a progress report names documents of the review; foreign, unknown and retracted ones are refused, all at once', async () => {
    const monitoring = await upload(as.contributor, f.reviewId, 'Website statistics 2027');
    const retracted = await upload(as.coordinator, f.reviewId, 'Old statistics');
    await as.coordinator.ok('mutation($d: ID!) { retractDocument(documentId: $d, reason: "Wrong year") { id } }', { d: retracted });
    const foreign = await upload(as.stranger, other.reviewId, "Another city's data");
    const unknown = randomUUID();
    const today = new Date().toISOString().slice(0, 10);
    const asOf = '2027-01-15' < today ? '2027-01-15' : today;

    const refused = await as.contributor.request(report, {
      id: rec.a,
      input: {
        status: 'IN_PROGRESS',
        note: 'The statement is online.',
        asOf,
        documentIds: [monitoring, foreign, unknown, retracted, 'nope'],
      },
    });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].extensions?.problems).toEqual([
      { path: 'documentIds[1]', message: `${foreign} is not a document of this review` },
      { path: 'documentIds[2]', message: `${unknown} is not a document of this review` },
      { path: 'documentIds[3]', message: '"Old statistics" was retracted' },
      { path: 'documentIds[4]', message: 'nope is not a document of this review' },
    ]);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM follow_up_update'))[0].n).toBe(0);

    const saved = (
      await as.contributor.ok(report, {
        id: rec.a,
        input: { status: 'IN_PROGRESS', note: 'The statement is online.', asOf, documentIds: [monitoring, monitoring.toUpperCase()] },
      })
    ).reportFollowUp;
    expect(saved.followUpStatus).toBe('IN_PROGRESS');
    expect(saved.followUpUpdates).toEqual([
      {
        status: 'IN_PROGRESS',
        note: 'The statement is online.',
        asOf,
        documentIds: [monitoring],
        documents: [{ id: monitoring, title: 'Website statistics 2027', downloadPath: `/documents/${monitoring}/file`, retractedAt: null }],
        reportedBy: { fullName: 'Carl Contributor' },
      },
    ]);
    const [row] = await t.dataSource.query('SELECT document_ids FROM follow_up_update WHERE recommendation_id = $1', [rec.a]);
    expect(row.document_ids).toEqual([monitoring]);
    // Without documents, as before.
    const plain = (await as.coordinator.ok(report, { id: rec.b, input: { status: 'NOT_STARTED', note: 'Budget asked for.', asOf } }))
      .reportFollowUp;
    expect(plain.followUpUpdates[0]).toMatchObject({ documentIds: [], documents: [], reportedBy: { fullName: 'Coco Coordinator' } });
  });

  it('the reminders coming up: the leader sees all, the host city those to its people, anyone else their own', async () => {
    const year = new Date().getUTCFullYear();
    await as.leader.ok(setCheckpoints, { r: f.reviewId, dates: [`${year + 1}-06-01T09:00`, `${year + 2}-01-15T09:00`] });
    const coordinator = (await as.coordinator.ok(upcoming, { r: f.reviewId })).upcomingReminders;
    // The two checkpoints, then the next assessment 30 months after the visit (2027-03-10 in the fixture).
    expect(coordinator.map((r: { template: string }) => r.template)).toEqual([
      'follow-up-checkpoint',
      'follow-up-checkpoint',
      'next-assessment',
    ]);
    expect(coordinator[0]).toMatchObject({
      dueLocal: `${year + 1}-06-01T09:00:00+02:00`,
      recipientId: f.people.coordinator.id,
      recipientName: 'Coco Coordinator',
      sessionId: null,
    });
    expect(new Date(coordinator[0].dueAt).toISOString()).toBe(`${year + 1}-06-01T07:00:00.000Z`);
    expect(coordinator[2].dueLocal.slice(0, 10)).toBe('2029-09-10');
    // A contributor sees the host city's reminders too; an observer only their own (none).
    expect((await as.contributor.ok(upcoming, { r: f.reviewId })).upcomingReminders).toEqual(coordinator);
    expect((await as.observer.ok(upcoming, { r: f.reviewId })).upcomingReminders).toEqual([]);
    expect((await as.peer.ok(upcoming, { r: f.reviewId })).upcomingReminders).toEqual([]);

    // A session for the peer in ten days (written directly: the programme no longer changes in FEEDBACK),
    // then any change of the review plans its reminders again: the leader sees the peer's session
    // reminders, the peer their own, the host city none of them.
    const [session] = await t.dataSource.query(
      `INSERT INTO visit_session (review_id, kind, title, starts_at, ends_at, created_by_id)
       VALUES ($1, 'INTERVIEW', 'Interview with the mayor', now() + interval '10 days', now() + interval '10 days 1 hour', $2) RETURNING id`,
      [f.reviewId, f.people.leader.id],
    );
    await t.dataSource.query("INSERT INTO session_assignment (session_id, person_id, part) VALUES ($1, $2, 'INTERVIEWER')", [
      session.id,
      f.people.peer.id,
    ]);
    await as.leader.ok(setCheckpoints, {
      r: f.reviewId,
      dates: [`${year + 1}-06-01T09:00`, `${year + 2}-01-15T09:00`, `${year + 2}-06-01T09:00`],
    });
    const leader = (await as.leader.ok(upcoming, { r: f.reviewId })).upcomingReminders;
    expect(leader.filter((r: { template: string }) => r.template === 'session-reminder')).toHaveLength(2);
    const peer = (await as.peer.ok(upcoming, { r: f.reviewId })).upcomingReminders;
    expect(peer.map((r: { template: string; sessionId: string }) => [r.template, r.sessionId])).toEqual([
      ['session-reminder', session.id],
      ['session-reminder', session.id],
    ]);
    const host = (await as.coordinator.ok(upcoming, { r: f.reviewId })).upcomingReminders;
    expect(host.map((r: { template: string }) => r.template)).toEqual([
      'follow-up-checkpoint',
      'follow-up-checkpoint',
      'follow-up-checkpoint',
      'next-assessment',
    ]);
    expect(host.every((r: { recipientId: string }) => r.recipientId === f.people.coordinator.id)).toBe(true);

    // A sent or cancelled row is no longer coming up.
    await t.dataSource.query(
      "UPDATE outbox_message SET status = 'SENT', sent_at = now() WHERE review_id = $1 AND template = 'next-assessment'",
      [f.reviewId],
    );
    expect(
      (await as.coordinator.ok(upcoming, { r: f.reviewId })).upcomingReminders.map((r: { template: string }) => r.template),
    ).not.toContain('next-assessment');

    // Members of other reviews learn nothing; a malformed id is not found.
    expect((await as.stranger.request(upcoming, { r: f.reviewId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await as.leader.request(upcoming, { r: randomUUID() })).errors?.[0].extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
  });
});
