import { createReviewFixture, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

type Fixture = Awaited<ReturnType<typeof createReviewFixture>>;

/**
 * The host city confirms who of its stakeholders will come to each meeting of the visit (issue 18,
 * "stakeholders to confirm"): its coordinator only, people the programme has at that session only,
 * not for a cancelled session, and not once the visit is over; each change audited.
 */
describe('stakeholders confirmed for the visit by the host city', () => {
  let t: TestApp;
  let f: Fixture;
  const as = {} as Record<'leader' | 'peer' | 'coordinator' | 'contributor', GraphqlClient>;
  let sessionId: string;
  let amira: string;
  let bo: string;

  const confirm =
    'mutation($s: ID!, $k: ID!, $c: Boolean!) { confirmStakeholderAttendance(sessionId: $s, stakeholderId: $k, confirmed: $c) { id confirmedStakeholderIds } }';
  const programme = 'query($r: ID!) { visitProgramme(reviewId: $r) { days { sessions { id confirmedStakeholderIds } } } }';

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    f = await createReviewFixture(t.dataSource, {
      status: 'SELF_ASSESSMENT',
      scope: [1],
      visitStart: '2027-03-10T08:00:00Z',
      visitEnd: '2027-03-11T17:00:00Z',
    });
    for (const who of ['leader', 'peer', 'coordinator', 'contributor'] as const)
      as[who] = await t.gql.signIn(f.people[who].email, TEST_PASSWORD);
    const register = 'mutation($r: ID!, $input: ReviewStakeholderInput!) { registerStakeholder(reviewId: $r, input: $input) { id } }';
    amira = (
      await as.leader.ok(register, {
        r: f.reviewId,
        input: { name: 'Amira Haddad', category: 'MIGRANT_ORGANISATION', consentToBeNamed: false },
      })
    ).registerStakeholder.id;
    bo = (await as.leader.ok(register, { r: f.reviewId, input: { name: 'Bo Berg', category: 'CITY_OFFICIAL', consentToBeNamed: true } }))
      .registerStakeholder.id;
    sessionId = (
      await as.leader.ok('mutation($r: ID!, $input: VisitSessionInput!) { scheduleVisitSession(reviewId: $r, input: $input) { id } }', {
        r: f.reviewId,
        input: {
          kind: 'FOCUS_GROUP',
          title: 'Focus group with migrant organisations',
          start: '2027-03-10T10:00',
          end: '2027-03-10T11:30',
          stakeholderIds: [amira],
        },
      })
    ).scheduleVisitSession.id;
  }, 120_000);
  afterAll(() => t?.close());

  it('the coordinator confirms and takes back a stakeholder of the session; each change is audited', async () => {
    expect(
      (await as.coordinator.ok(confirm, { s: sessionId, k: amira, c: true })).confirmStakeholderAttendance.confirmedStakeholderIds,
    ).toEqual([amira]);
    // Again: nothing changes, nothing more is written.
    await as.coordinator.ok(confirm, { s: sessionId, k: amira, c: true });
    expect((await as.contributor.ok(programme, { r: f.reviewId })).visitProgramme.days[0].sessions[0].confirmedStakeholderIds).toEqual([
      amira,
    ]);
    const [row] = await t.dataSource.query(
      'SELECT confirmed_at IS NOT NULL AS confirmed, confirmed_by_id FROM session_stakeholder WHERE session_id = $1',
      [sessionId],
    );
    expect(row).toEqual({ confirmed: true, confirmed_by_id: f.people.coordinator.id });

    expect(
      (await as.coordinator.ok(confirm, { s: sessionId, k: amira, c: false })).confirmStakeholderAttendance.confirmedStakeholderIds,
    ).toEqual([]);
    const audit = await t.dataSource.query(
      "SELECT action, actor_id FROM audit_entry WHERE review_id = $1 AND action LIKE 'programme.%onfirmAttendance' ORDER BY at, action",
      [f.reviewId],
    );
    expect(audit).toEqual([
      { action: 'programme.confirmAttendance', actor_id: f.people.coordinator.id },
      { action: 'programme.unconfirmAttendance', actor_id: f.people.coordinator.id },
    ]);
  });

  it('refuses, saying why: someone not at the session, a peer or contributor, a cancelled session, after the visit', async () => {
    const notThere = await as.coordinator.request(confirm, { s: sessionId, k: bo, c: true });
    expect(notThere.errors?.[0]).toMatchObject({
      message:
        'This person is not in the programme of "Focus group with migrant organisations"; ask the expert leader to add them to the session.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    for (const who of ['peer', 'contributor'] as const) {
      expect((await as[who].request(confirm, { s: sessionId, k: amira, c: true })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }

    await t.dataSource.query("UPDATE review SET status = 'DELIBERATION' WHERE id = $1", [f.reviewId]);
    const after = await as.coordinator.request(confirm, { s: sessionId, k: amira, c: true });
    expect(after.errors?.[0]).toMatchObject({
      extensions: { code: 'INVALID_TRANSITION' },
      message: expect.stringMatching(
        /^Attendance can be confirmed while the review is in preparation, self-assessment or visit; it is DELIBERATION\.$/,
      ),
    });
    await t.dataSource.query("UPDATE review SET status = 'VISIT' WHERE id = $1", [f.reviewId]);

    await as.leader.ok('mutation($s: ID!) { cancelVisitSession(sessionId: $s, reason: "The hall is closed.") { id } }', { s: sessionId });
    const cancelled = await as.coordinator.request(confirm, { s: sessionId, k: amira, c: true });
    expect(cancelled.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM session_stakeholder WHERE confirmed_at IS NOT NULL')).toEqual([
      { n: 0 },
    ]);
  });
});
