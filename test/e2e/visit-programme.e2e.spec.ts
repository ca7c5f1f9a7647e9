import { createReviewFixture, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/** The visit programme: sessions in the host city's time, no one in two places at once, inside the visit window. */
describe('visit programme, end to end', () => {
  let t: TestApp;
  let fixture: Awaited<ReturnType<typeof createReviewFixture>>;
  let leader: GraphqlClient;
  let coordinator: GraphqlClient;
  let peer: GraphqlClient;
  let mayor: string;
  let youthWorker: string;

  const schedule = `mutation($id: ID!, $input: VisitSessionInput!) { scheduleVisitSession(reviewId: $id, input: $input) {
    id title kind start { local } end { local instant } keyFactors { code } assignments { part person { id } } stakeholders { position } } }`;

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    // Visit: Wednesday 10 and Thursday 11 March 2027, 09:00 to 18:00 in Oslo (UTC+1).
    fixture = await createReviewFixture(t.dataSource, {
      status: 'VISIT',
      scope: [1, 2, 3, 4],
      visitStart: '2027-03-10T08:00:00Z',
      visitEnd: '2027-03-11T17:00:00Z',
    });
    leader = await t.gql.signIn(fixture.people.leader.email, TEST_PASSWORD);
    coordinator = await t.gql.signIn(fixture.people.coordinator.email, TEST_PASSWORD);
    peer = await t.gql.signIn(fixture.people.peer.email, TEST_PASSWORD);
    const register =
      'mutation($id: ID!, $input: ReviewStakeholderInput!) { registerStakeholder(reviewId: $id, input: $input) { id consentToBeNamed category } }';
    const m = await coordinator.ok(register, { id: fixture.reviewId, input: { position: 'Mayor', category: 'POLITICIAN' } });
    expect(m.registerStakeholder).toMatchObject({ consentToBeNamed: false, category: 'POLITICIAN' });
    mayor = m.registerStakeholder.id;
    youthWorker = (
      await coordinator.ok(register, {
        id: fixture.reviewId,
        input: { position: 'Youth worker', category: 'CIVIL_SOCIETY', name: 'Sam', consentToBeNamed: true },
      })
    ).registerStakeholder.id;
  });
  afterAll(() => t?.close());

  it('schedules a session in the host city time, with its key factors, peers and stakeholders', async () => {
    const [kf1, kf2] = fixture.keyFactors;
    const { scheduleVisitSession } = await leader.ok(schedule, {
      id: fixture.reviewId,
      input: {
        kind: 'INTERVIEW',
        title: 'Interview with the mayor',
        start: '2027-03-10T10:00',
        end: '2027-03-10T11:00',
        location: 'City hall',
        keyFactorIds: [kf1.id, kf2.id],
        assignments: [
          { personId: fixture.people.peer.id, part: 'INTERVIEWER' },
          { personId: fixture.people.peer2.id, part: 'NOTE_TAKER' },
        ],
        stakeholderIds: [mayor],
      },
    });
    expect(scheduleVisitSession).toMatchObject({
      title: 'Interview with the mayor',
      start: { local: '2027-03-10T10:00:00+01:00' },
      end: { local: '2027-03-10T11:00:00+01:00', instant: '2027-03-10T10:00:00.000Z' },
      keyFactors: [{ code: '01' }, { code: '02' }],
      stakeholders: [{ position: 'Mayor' }],
    });
    expect(scheduleVisitSession.assignments).toHaveLength(2);
  });

  it('refuses a peer booked into two overlapping sessions, naming both', async () => {
    const result = await leader.request(schedule, {
      id: fixture.reviewId,
      input: {
        kind: 'FOCUS_GROUP',
        title: 'Focus group with youth workers',
        start: '2027-03-10T10:30',
        end: '2027-03-10T12:00',
        assignments: [{ personId: fixture.people.peer.id, part: 'INTERVIEWER' }],
      },
    });
    expect(result.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message:
        'Double booking: Piet Peer is already in "Interview with the mayor" (2027-03-10 10:00–11:00), which overlaps this session (2027-03-10 10:30–12:00).',
    });
  });

  it('refuses a stakeholder met in two overlapping sessions', async () => {
    const result = await leader.request(schedule, {
      id: fixture.reviewId,
      input: {
        kind: 'SITE_VISIT',
        title: 'Visit to the library',
        start: '2027-03-10T10:45',
        end: '2027-03-10T11:30',
        stakeholderIds: [mayor],
      },
    });
    expect(result.errors?.[0].message).toBe(
      'Double booking: Mayor is already in "Interview with the mayor" (2027-03-10 10:00–11:00), which overlaps this session (2027-03-10 10:45–11:30).',
    );
  });

  it('back-to-back sessions are fine', async () => {
    await leader.ok(schedule, {
      id: fixture.reviewId,
      input: {
        kind: 'FOCUS_GROUP',
        title: 'Focus group with youth workers',
        start: '2027-03-10T11:00',
        end: '2027-03-10T12:30',
        keyFactorIds: [fixture.keyFactors[2].id],
        assignments: [{ personId: fixture.people.peer.id, part: 'INTERVIEWER' }],
        stakeholderIds: [youthWorker],
      },
    });
  });

  it('refuses a session outside the visit window, and bad input with every problem', async () => {
    const outside = await leader.request(schedule, {
      id: fixture.reviewId,
      input: { kind: 'BRIEFING', title: 'Late briefing', start: '2027-03-11T17:30', end: '2027-03-11T19:00' },
    });
    expect(outside.errors?.[0].extensions?.problems).toEqual([
      {
        path: 'start',
        message:
          'the session (2027-03-11T17:30:00+01:00 to 2027-03-11T19:00:00+01:00) is outside the visit window (2027-03-10T09:00:00+01:00 to 2027-03-11T18:00:00+01:00)',
      },
    ]);
    const bad = await leader.request(schedule, {
      id: fixture.reviewId,
      input: {
        kind: 'BRIEFING',
        title: '',
        start: '2027-03-10T15:00',
        end: '2027-03-10T14:00',
        keyFactorIds: ['00000000-0000-0000-0000-000000000000'],
        assignments: [{ personId: fixture.people.coordinator.id, part: 'PARTICIPANT' }],
      },
    });
    expect(bad.errors?.[0].extensions?.problems).toEqual([
      { path: 'title', message: 'must not be empty' },
      { path: 'end', message: 'must be after the start' },
      { path: 'keyFactorIds', message: "not key factors in the review's scope: 00000000-0000-0000-0000-000000000000" },
      { path: 'assignments[0].personId', message: 'not the expert leader, a peer or an observer of this review' },
    ]);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM visit_session'))[0].n).toBe(2);
  });

  it('only the expert leader plans the programme; everyone on the review reads it', async () => {
    const refused = await peer.request(schedule, {
      id: fixture.reviewId,
      input: { kind: 'TEAM_MEETING', title: 'Team dinner', start: '2027-03-10T17:00', end: '2027-03-10T18:00' },
    });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { visitProgramme } = await coordinator.ok(
      'query($id: ID!) { visitProgramme(reviewId: $id) { timeZone days { date sessions { title } } uncoveredKeyFactors { code } } }',
      { id: fixture.reviewId },
    );
    expect(visitProgramme).toEqual({
      timeZone: 'Europe/Oslo',
      days: [{ date: '2027-03-10', sessions: [{ title: 'Interview with the mayor' }, { title: 'Focus group with youth workers' }] }],
      uncoveredKeyFactors: [{ code: '04' }],
    });
  });

  it('moving a session re-checks conflicts; a cancelled session frees its people and is kept', async () => {
    const { visitProgramme } = await leader.ok(
      'query($id: ID!) { visitProgramme(reviewId: $id) { days { sessions { id title version } } } }',
      { id: fixture.reviewId },
    );
    const [interview, focusGroup] = visitProgramme.days[0].sessions;
    const update =
      'mutation($s: ID!, $input: VisitSessionInput!, $v: Int) { updateVisitSession(sessionId: $s, input: $input, expectedVersion: $v) { version start { local } } }';
    const clash = await leader.request(update, {
      s: interview.id,
      input: {
        kind: 'INTERVIEW',
        title: 'Interview with the mayor',
        start: '2027-03-10T11:30',
        end: '2027-03-10T12:15',
        assignments: [{ personId: fixture.people.peer.id, part: 'INTERVIEWER' }],
        stakeholderIds: [mayor],
      },
      v: interview.version,
    });
    expect(clash.errors?.[0].message).toContain('Piet Peer is already in "Focus group with youth workers" (2027-03-10 11:00–12:30)');
    const stale = await leader.request(update, {
      s: interview.id,
      input: { kind: 'INTERVIEW', title: 'x', start: '2027-03-11T09:00', end: '2027-03-11T10:00' },
      v: 99,
    });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    await leader.ok('mutation($s: ID!) { cancelVisitSession(sessionId: $s, reason: "The group could not come.") { cancelledAt } }', {
      s: focusGroup.id,
    });
    const moved = await leader.ok(update, {
      s: interview.id,
      input: {
        kind: 'INTERVIEW',
        title: 'Interview with the mayor',
        start: '2027-03-10T11:30',
        end: '2027-03-10T12:15',
        assignments: [{ personId: fixture.people.peer.id, part: 'INTERVIEWER' }],
        stakeholderIds: [mayor],
      },
      v: interview.version,
    });
    expect(moved.updateVisitSession).toEqual({ version: 2, start: { local: '2027-03-10T11:30:00+01:00' } });
    expect(
      (await t.dataSource.query('SELECT cancellation_reason FROM visit_session WHERE id = $1', [focusGroup.id]))[0].cancellation_reason,
    ).toBe('The group could not come.');
  });
});
