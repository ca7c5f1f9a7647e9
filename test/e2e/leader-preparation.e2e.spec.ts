import { randomUUID } from 'node:crypto';
import { ReminderService } from '@peervisit/notifications';
import {
  capturedMail,
  createPerson,
  createReviewFixture,
  createTestApp,
  GraphqlClient,
  TEST_PASSWORD,
  TestApp,
  waitForMail,
} from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/** The expert leader's preparation API: moving the visit, sending an entry back, changing a role, the printable programme. */
describe("expert leader's preparation, end to end", () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof createReviewFixture>>;
  let leader: GraphqlClient;
  let peer: GraphqlClient;
  let coordinator: GraphqlClient;

  const schedule = `mutation($id: ID!, $input: VisitSessionInput!) { scheduleVisitSession(reviewId: $id, input: $input) { id } }`;
  const move =
    'mutation($id: ID!, $days: Int!) { moveVisit(reviewId: $id, days: $days) { id timeline { visitStart { local } visitEnd { local } } } }';
  const programme =
    'query($id: ID!) { visitProgramme(reviewId: $id) { days { date sessions { title version start { local } end { local } } } } }';
  const sendBack =
    'mutation($id: ID!, $kf: ID!, $reason: String!) { sendBackSelfAssessmentEntry(reviewId: $id, keyFactorId: $kf, reason: $reason) { status version sentBack { reason entryVersion notifiedIds } } }';

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: true }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    // Visit: Friday 26 to Monday 29 March 2027 in Oslo; summer time starts on Sunday 28 March.
    f = await createReviewFixture(t.dataSource, {
      status: 'PREPARATION',
      scope: [1, 2, 3],
      visitStart: '2027-03-26T07:00:00Z',
      visitEnd: '2027-03-29T16:00:00Z',
    });
    leader = await t.gql.signIn(f.people.leader.email, TEST_PASSWORD);
    peer = await t.gql.signIn(f.people.peer.email, TEST_PASSWORD);
    coordinator = await t.gql.signIn(f.people.coordinator.email, TEST_PASSWORD);
    for (const [title, start, end] of [
      ['Interview with the mayor', '2027-03-26T09:00', '2027-03-26T10:00'],
      ['Focus group with youth workers', '2027-03-26T11:00', '2027-03-26T12:30'],
      ['Site visit to the library', '2027-03-27T14:00', '2027-03-27T15:00'],
    ]) {
      await leader.ok(schedule, {
        id: f.reviewId,
        input: {
          kind: 'INTERVIEW',
          title,
          start,
          end,
          location: 'City hall',
          assignments: [{ personId: f.people.peer.id, part: 'INTERVIEWER' }],
        },
      });
    }
  });
  afterAll(() => t?.close());

  it('moveVisit shifts the window and every session by whole days at the same local time, recomputing reminders once', async () => {
    const reminders = t.app.get(ReminderService);
    // A spy that calls through: it counts the replans, the real recomputation still runs.
    const recompute = jest.spyOn(reminders, 'recompute');
    const { moveVisit } = await leader.ok(move, { id: f.reviewId, days: 2 });
    expect(recompute).toHaveBeenCalledTimes(1);
    recompute.mockRestore();
    // Across the change to summer time: 09:00 stays 09:00 (now +02:00).
    expect(moveVisit.timeline.visitStart.local).toBe('2027-03-28T08:00:00+02:00');
    expect(moveVisit.timeline.visitEnd.local).toBe('2027-03-31T18:00:00+02:00');
    const { visitProgramme } = await leader.ok(programme, { id: f.reviewId });
    const sessions = visitProgramme.days.flatMap((d: { sessions: unknown[] }) => d.sessions);
    expect(sessions.map((s: { title: string; start: { local: string }; version: number }) => [s.title, s.start.local, s.version])).toEqual([
      ['Interview with the mayor', '2027-03-28T09:00:00+02:00', 2],
      ['Focus group with youth workers', '2027-03-28T11:00:00+02:00', 2],
      ['Site visit to the library', '2027-03-29T14:00:00+02:00', 2],
    ]);
    // The reminders follow: the peer's one-day reminder of the interview is due the evening before, at
    // 18:00 in the peer's own zone (Europe/Brussels, still UTC+1 that Saturday).
    const [row] = await t.dataSource.query(
      "SELECT due_at FROM outbox_message WHERE review_id = $1 AND status = 'SCHEDULED' AND dedupe_key LIKE '%:session:%' AND dedupe_key LIKE $2 ORDER BY due_at LIMIT 1",
      [f.reviewId, `%${f.people.peer.id}:1d`],
    );
    expect(new Date(row.due_at).toISOString()).toBe('2027-03-27T17:00:00.000Z');
  });

  it('moveVisit refuses 0, more than a year, fractions and a peer, and writes nothing', async () => {
    const before = await leader.ok(programme, { id: f.reviewId });
    for (const days of [0, 400]) {
      const result = await leader.request(move, { id: f.reviewId, days });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await leader.request(move, { id: f.reviewId, days: 1.5 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await peer.request(move, { id: f.reviewId, days: 1 })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await leader.ok(programme, { id: f.reviewId })).toEqual(before);
  });

  it('changeTeamMemberRole ends the old membership and starts a new one; the leader cannot change their own', async () => {
    const team = 'query($id: ID!) { review(id: $id) { team { id role person { id } } } }';
    const members = (await leader.ok(team, { id: f.reviewId })).review.team;
    const peer2 = members.find((m: { person: { id: string } }) => m.person.id === f.people.peer2.id);
    const change =
      'mutation($id: ID!, $m: ID!, $r: ReviewRole!) { changeTeamMemberRole(reviewId: $id, memberId: $m, role: $r) { id role } }';
    const { changeTeamMemberRole } = await leader.ok(change, { id: f.reviewId, m: peer2.id, r: 'OBSERVER' });
    expect(changeTeamMemberRole.role).toBe('OBSERVER');
    expect(changeTeamMemberRole.id).not.toBe(peer2.id);
    const [old] = await t.dataSource.query('SELECT removed_at FROM team_member WHERE id = $1', [peer2.id]);
    expect(old.removed_at).not.toBeNull();
    const self = members.find((m: { person: { id: string } }) => m.person.id === f.people.leader.id);
    expect((await leader.request(change, { id: f.reviewId, m: self.id, r: 'PEER' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await peer.request(change, { id: f.reviewId, m: changeTeamMemberRole.id, r: 'PEER' })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('sends a self-assessment entry back with its reason: the assignee is emailed, a submitted self-assessment is open again', async () => {
    const kf = f.keyFactors[0];
    await t.dataSource.query("UPDATE review SET status = 'SELF_ASSESSMENT' WHERE id = $1", [f.reviewId]);
    await coordinator.ok(
      'mutation($id: ID!, $kf: ID!, $a: ID) { assignSelfAssessmentEntry(reviewId: $id, keyFactorId: $kf, assigneeId: $a) { id } }',
      { id: f.reviewId, kf: kf.id, a: f.people.contributor.id },
    );
    await t.dataSource.query("UPDATE self_assessment_entry SET status = 'SUBMITTED', narrative = 'We hire widely.' WHERE review_id = $1", [
      f.reviewId,
    ]);
    await t.dataSource.query('UPDATE review SET self_assessment_submitted_at = now() WHERE id = $1', [f.reviewId]);

    const empty = await leader.request(sendBack, { id: f.reviewId, kf: kf.id, reason: '   ' });
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await peer.request(sendBack, { id: f.reviewId, kf: kf.id, reason: 'Why?' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const nothing = await leader.request(sendBack, { id: f.reviewId, kf: f.keyFactors[1].id, reason: 'Please answer.' });
    expect(nothing.errors?.[0]).toMatchObject({
      extensions: { code: 'INVALID_TRANSITION' },
      message: expect.stringContaining('nothing to send back'),
    });

    const reason = 'Say where the recruitment figures come from, and for which year.';
    const { sendBackSelfAssessmentEntry } = await leader.ok(sendBack, { id: f.reviewId, kf: kf.id, reason });
    expect(sendBackSelfAssessmentEntry).toMatchObject({
      status: 'DRAFT',
      sentBack: [{ reason, notifiedIds: [f.people.contributor.id], entryVersion: sendBackSelfAssessmentEntry.version }],
    });
    const [review] = await t.dataSource.query('SELECT title, self_assessment_submitted_at FROM review WHERE id = $1', [f.reviewId]);
    expect(review.self_assessment_submitted_at).toBeNull();

    const mail = await waitForMail((m) => m.to.includes(f.people.contributor.email) && m.subject.includes('sent back'));
    expect(mail.subject).toBe(`Key factor ${kf.code} sent back for changes: ${review.title}`);
    expect(mail.text).toContain(reason);
    expect(mail.text).toContain(`/reviews/${f.reviewId}`);
    // The assignee alone: the coordinator was not told.
    expect((await capturedMail()).filter((m) => m.subject.includes('sent back') && m.to.includes(f.people.coordinator.email))).toEqual([]);

    // The contributor can edit it again.
    const contributor = await t.gql.signIn(f.people.contributor.email, TEST_PASSWORD);
    await contributor.ok(
      'mutation($id: ID!, $kf: ID!) { saveSelfAssessmentEntry(reviewId: $id, keyFactorId: $kf, input: { narrative: "We hire widely (HR figures, 2026)." }) { id } }',
      { id: f.reviewId, kf: kf.id },
    );
  });

  it("evidenceContributors counts each person's items per key factor, without retracted ones, for the review team only", async () => {
    const { visitProgramme } = await leader.ok('query($id: ID!) { visitProgramme(reviewId: $id) { days { sessions { id title } } } }', {
      id: f.reviewId,
    });
    const interview = visitProgramme.days[0].sessions[0].id;
    const log = 'mutation($id: ID!, $input: EvidenceInput!) { logEvidence(reviewId: $id, input: $input) { outcome } }';
    const item = (statement: string, keyFactorIds: string[]) => ({
      id: randomUUID(),
      statement,
      keyFactorIds,
      source: 'INTERVIEW',
      stance: 'SUPPORTS',
      sessionId: interview,
    });
    const [kf1, kf2] = f.keyFactors;
    const first = item('The mayor meets migrant organisations monthly.', [kf1.id, kf2.id]);
    await peer.ok(log, { id: f.reviewId, input: first });
    await peer.ok(log, { id: f.reviewId, input: item('A welcome desk opened in 2025.', [kf1.id]) });
    await leader.ok(log, { id: f.reviewId, input: item('The council budget names the strategy.', [kf1.id]) });
    await peer.ok('mutation($e: ID!) { retractEvidence(evidenceId: $e, reason: "Logged twice") { id } }', { e: first.id });
    const query = 'query($id: ID!) { evidenceContributors(reviewId: $id) { keyFactorId items person { fullName } } }';
    const { evidenceContributors } = await leader.ok(query, { id: f.reviewId });
    const byName = (a: { person: { fullName: string } }, b: { person: { fullName: string } }) =>
      a.person.fullName.localeCompare(b.person.fullName);
    expect([...evidenceContributors].sort(byName)).toEqual([
      { keyFactorId: kf1.id, items: 1, person: { fullName: 'Lena Leader' } },
      { keyFactorId: kf1.id, items: 1, person: { fullName: 'Piet Peer' } },
    ]);
    expect(evidenceContributors.filter((c: { keyFactorId: string }) => c.keyFactorId === kf2.id)).toEqual([]);
    expect((await coordinator.request(query, { id: f.reviewId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('serves the programme as a PDF to the team and the host city, and to nobody else', async () => {
    const get = (token?: string) =>
      fetch(`${t.url}/reports/programme/${f.reviewId}/pdf`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const response = await get(coordinator.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get()).status).toBe(401);
    const stranger = await t.gql.signIn((await createPerson(t.dataSource)).email, TEST_PASSWORD);
    expect((await get(stranger.token)).status).toBe(403);
  });
});
