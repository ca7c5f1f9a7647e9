import { createPerson, createReviewFixture, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

type Fixture = Awaited<ReturnType<typeof createReviewFixture>>;

const DAY = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

/**
 * The secretariat's network view of the follow-up (networkFollowUp): per host city, its open
 * recommendations and those whose follow-up checkpoint passed without a progress report, with the
 * checkpoints the reminders use (the timeline's own dates, or the rule's months after the report was
 * published, none when the review turned them off). And the queues' counts beside the outbox.
 */
describe('the network view of the follow-up, and the queue counts (secretariat)', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  let member: GraphqlClient;
  /** Checkpoints on its timeline, 60 and 10 days ago. */
  let timeline: Fixture;
  /** No timeline checkpoints; report published 7 months ago (the default rule: 6 and 12 months after). */
  let published: Fixture;
  /** Like `published`, but the review turned its checkpoint reminders off. */
  let remindersOff: Fixture;
  /** Still in the visit: its recommendations are not the city's yet. */
  let visiting: Fixture;
  const rec = {} as Record<
    'silent' | 'reportedBetween' | 'reportedBeforeFirst' | 'implemented' | 'withdrawn' | 'rejected' | 'published' | 'off',
    string
  >;

  const query = `{ networkFollowUp {
    city { id name } openRecommendations overdueFollowUps nextCheckpoint
    overdue { checkpoint lastReportedAt recommendation { id text review { id title } } }
  } }`;
  type Row = {
    city: { id: string; name: string };
    openRecommendations: number;
    overdueFollowUps: number;
    nextCheckpoint: string | null;
    overdue: { checkpoint: string; lastReportedAt: string | null; recommendation: { id: string; text: string; review: { id: string } } }[];
  };
  const network = async () => (await admin.ok<{ networkFollowUp: Row[] }>(query)).networkFollowUp;
  const cityRow = (rows: Row[], f: Fixture) => rows.find((r) => r.city.id === f.city.id);

  const addRecommendation = async (
    f: Fixture,
    text: string,
    fields: { hostResponse?: string | null; followUpStatus?: string; withdrawn?: boolean } = {},
  ): Promise<string> => {
    const [row] = await t.dataSource.query(
      `INSERT INTO recommendation (review_id, text, key_factor_ids, priority, horizon, created_by_id, host_response, follow_up_status, withdrawn_at, withdrawal_reason)
       VALUES ($1, $2, $3, 'HIGH', 'QUICK_WIN', $4, $5, $6, $7, $8) RETURNING id`,
      [
        f.reviewId,
        text,
        [f.keyFactors[0].id],
        f.people.leader.id,
        fields.hostResponse === undefined ? 'ACCEPTED' : fields.hostResponse,
        fields.followUpStatus ?? 'NOT_STARTED',
        fields.withdrawn ? new Date() : null,
        fields.withdrawn ? 'Merged into another.' : null,
      ],
    );
    return row.id;
  };
  const progressAt = (recommendationId: string, f: Fixture, reportedAt: Date) =>
    t.dataSource.query(
      `INSERT INTO follow_up_update (recommendation_id, status, note, as_of, reported_by_id, reported_at) VALUES ($1, 'IN_PROGRESS', 'Working on it.', $2, $3, $4)`,
      [recommendationId, reportedAt.toISOString().slice(0, 10), f.people.coordinator.id, reportedAt],
    );
  const publishReport = (f: Fixture, at: Date) =>
    t.dataSource.query(
      `INSERT INTO report (review_id, version, status, requested_by_id, published, published_at) VALUES ($1, 1, 'READY', $2, true, $3)`,
      [f.reviewId, f.people.leader.id, at],
    );

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    const adminPerson = await createPerson(t.dataSource, { isAdmin: true });
    admin = await t.gql.signIn(adminPerson.email, TEST_PASSWORD);

    timeline = await createReviewFixture(t.dataSource, { status: 'FOLLOW_UP', cityName: 'Botkyrka', scope: [1, 2] });
    member = await t.gql.signIn(timeline.people.coordinator.email, TEST_PASSWORD);
    await t.dataSource.query('UPDATE review SET follow_up_checkpoints = $2 WHERE id = $1', [timeline.reviewId, [daysAgo(60), daysAgo(10)]]);
    rec.silent = await addRecommendation(timeline, 'Publish the diversity statement.');
    rec.reportedBetween = await addRecommendation(timeline, 'Train front-desk staff.', { followUpStatus: 'IN_PROGRESS' });
    await progressAt(rec.reportedBetween, timeline, daysAgo(30));
    rec.reportedBeforeFirst = await addRecommendation(timeline, 'Collect data by origin.', { followUpStatus: 'IN_PROGRESS' });
    await progressAt(rec.reportedBeforeFirst, timeline, daysAgo(90));
    rec.implemented = await addRecommendation(timeline, 'Name a diversity officer.', { followUpStatus: 'IMPLEMENTED' });
    rec.withdrawn = await addRecommendation(timeline, 'Rename the office.', { withdrawn: true });
    rec.rejected = await addRecommendation(timeline, 'Move the town hall.', { hostResponse: 'REJECTED' });

    published = await createReviewFixture(t.dataSource, { status: 'FOLLOW_UP', cityName: 'Reggio Emilia', scope: [1] });
    await publishReport(published, daysAgo(213)); // about seven months
    rec.published = await addRecommendation(published, 'Open a migrant advisory council.');

    remindersOff = await createReviewFixture(t.dataSource, { status: 'FOLLOW_UP', cityName: 'Limassol', scope: [1] });
    await publishReport(remindersOff, daysAgo(213));
    await t.dataSource.query(
      `INSERT INTO reminder_rule (review_id, kind, enabled, offsets) VALUES ($1, 'FOLLOW_UP_CHECKPOINT', false, '{6,12}')`,
      [remindersOff.reviewId],
    );
    rec.off = await addRecommendation(remindersOff, 'Publish the budget by neighbourhood.');

    visiting = await createReviewFixture(t.dataSource, { status: 'VISIT', cityName: 'Neuchâtel', scope: [1] });
    await addRecommendation(visiting, 'Not shared with the city yet.', { hostResponse: null });
  });
  afterAll(() => t?.close());

  it('counts per city the open recommendations (not implemented, abandoned or withdrawn) of reviews whose findings the city has', async () => {
    const rows = await network();
    expect(cityRow(rows, timeline)?.openRecommendations).toBe(4); // silent, reportedBetween, reportedBeforeFirst, rejected
    expect(cityRow(rows, published)?.openRecommendations).toBe(1);
    expect(cityRow(rows, remindersOff)?.openRecommendations).toBe(1);
    expect(cityRow(rows, visiting)).toBeUndefined();
  });

  it('is overdue when the latest checkpoint passed with no progress report since the one before it; a rejected one is not followed up', async () => {
    const row = cityRow(await network(), timeline)!;
    expect(row.overdueFollowUps).toBe(2);
    expect(row.overdue.map((o) => o.recommendation.id).sort()).toEqual([rec.silent, rec.reportedBeforeFirst].sort());
    const silent = row.overdue.find((o) => o.recommendation.id === rec.silent)!;
    expect(Math.abs(new Date(silent.checkpoint).getTime() - daysAgo(10).getTime())).toBeLessThan(60_000);
    expect(silent.lastReportedAt).toBeNull();
    expect(silent.recommendation).toMatchObject({ text: 'Publish the diversity statement.', review: { id: timeline.reviewId } });
    const early = row.overdue.find((o) => o.recommendation.id === rec.reportedBeforeFirst)!;
    expect(Math.abs(new Date(early.lastReportedAt!).getTime() - daysAgo(90).getTime())).toBeLessThan(60_000);
    // Both checkpoints have passed and none is planned.
    expect(row.nextCheckpoint).toBeNull();
  });

  it("uses the reminders' checkpoints when the timeline has none: 6 and 12 months after the report was published; none when they are turned off", async () => {
    const rows = await network();
    const byRule = cityRow(rows, published)!;
    expect(byRule.overdue.map((o) => o.recommendation.id)).toEqual([rec.published]);
    const sixMonths = new Date(daysAgo(213));
    sixMonths.setUTCMonth(sixMonths.getUTCMonth() + 6);
    expect(Math.abs(new Date(byRule.overdue[0].checkpoint).getTime() - sixMonths.getTime())).toBeLessThan(3 * DAY);
    const twelveMonths = new Date(daysAgo(213));
    twelveMonths.setUTCMonth(twelveMonths.getUTCMonth() + 12);
    expect(Math.abs(new Date(byRule.nextCheckpoint!).getTime() - twelveMonths.getTime())).toBeLessThan(3 * DAY);
    expect(cityRow(rows, remindersOff)).toMatchObject({ overdueFollowUps: 0, overdue: [], nextCheckpoint: null });
  });

  it('lists the most overdue cities first', async () => {
    const names = (await network()).map((r) => r.city.name);
    expect(names.indexOf('Botkyrka')).toBeLessThan(names.indexOf('Reggio Emilia'));
    expect(names.indexOf('Reggio Emilia')).toBeLessThan(names.indexOf('Limassol'));
  });

  it('a progress report from the city (through the API) clears the overdue follow-up', async () => {
    await member.ok(
      'mutation($id: ID!, $input: FollowUpInput!) { reportFollowUp(recommendationId: $id, input: $input) { id followUpStatus } }',
      {
        id: rec.silent,
        input: { status: 'IN_PROGRESS', note: 'Drafted; goes to the council in May.', asOf: new Date().toISOString().slice(0, 10) },
      },
    );
    const row = cityRow(await network(), timeline)!;
    expect(row.overdue.map((o) => o.recommendation.id)).toEqual([rec.reportedBeforeFirst]);
    expect(row.overdueFollowUps).toBe(1);
  });

  it("is the secretariat's: anyone else is refused (FORBIDDEN)", async () => {
    const result = await member.request(query);
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(result.data?.networkFollowUp ?? null).toBeNull();
  });

  it('queue counts: every queue with its jobs by state, a retried message waiting in the mail queue; refused to others', async () => {
    const counts = `{ queueCounts { name waiting active delayed failed completed } }`;
    const before = (await admin.ok<{ queueCounts: { name: string; waiting: number }[] }>(counts)).queueCounts;
    expect(before.map((q) => q.name)).toEqual(['mail', 'reminders', 'reports', 'maintenance']);
    const [failed] = await t.dataSource.query(
      `INSERT INTO outbox_message (dedupe_key, template, recipient_email, data, due_at, status, attempts, last_error, message_id)
       VALUES ('network-test:failed', 'password-reset', 'nobody@example.org', '{}', now(), 'FAILED', 5, 'SMTP 421 try later', '<network-test@peervisit>') RETURNING id`,
    );
    await admin.ok('mutation($id: ID!) { retryOutboxMessage(id: $id) { id status } }', { id: failed.id });
    // No worker in this app: the job waits in the mail queue.
    const after = (await admin.ok<{ queueCounts: { name: string; waiting: number }[] }>(counts)).queueCounts;
    const mail = (list: { name: string; waiting: number }[]) => list.find((q) => q.name === 'mail')!.waiting;
    expect(mail(after)).toBe(mail(before) + 1);
    expect((await member.request(counts)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
