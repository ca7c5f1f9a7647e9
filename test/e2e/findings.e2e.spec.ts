import { randomUUID } from 'node:crypto';
import { createPerson, createReviewFixture, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/** From evidence to agreed conclusions and the feedback session: locking, rigour, guards, visibility, earlier reviews. */
describe('conclusions and feedback, end to end', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof createReviewFixture>>;
  let leader: GraphqlClient;
  let peer: GraphqlClient;
  let peer2: GraphqlClient;
  let coordinator: GraphqlClient;
  const evidence: Record<string, string> = {};
  let conclusion1: string;

  const save = `mutation($r: ID!, $kf: ID!, $input: ConclusionInput!, $v: Int) { saveConclusion(reviewId: $r, keyFactorId: $kf, input: $input, expectedVersion: $v) {
    id version status rating summary updatedBy { fullName } revisions { version summary } } }`;
  const agree = 'mutation($c: ID!, $v: Int!) { agreeConclusion(conclusionId: $c, expectedVersion: $v) { status version agreedAt } }';

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    // The visit took place at the start of November 2026 (before "now" in these tests).
    f = await createReviewFixture(t.dataSource, {
      status: 'DELIBERATION',
      scope: [1, 2],
      visitStart: '2026-11-02T08:00:00Z',
      visitEnd: '2026-11-03T17:00:00Z',
    });
    leader = await t.gql.signIn(f.people.leader.email, TEST_PASSWORD);
    peer = await t.gql.signIn(f.people.peer.email, TEST_PASSWORD);
    peer2 = await t.gql.signIn(f.people.peer2.email, TEST_PASSWORD);
    coordinator = await t.gql.signIn(f.people.coordinator.email, TEST_PASSWORD);
    const schedule = 'mutation($id: ID!, $input: VisitSessionInput!) { scheduleVisitSession(reviewId: $id, input: $input) { id } }';
    const interview = (
      await leader.ok(schedule, {
        id: f.reviewId,
        input: { kind: 'INTERVIEW', title: 'Mayor', start: '2026-11-02T10:00', end: '2026-11-02T11:00' },
      })
    ).scheduleVisitSession.id;
    const log = 'mutation($r: ID!, $input: EvidenceInput!) { logEvidence(reviewId: $r, input: $input) { id } }';
    const item = (key: string, input: Record<string, unknown>) => {
      evidence[key] = randomUUID();
      return peer.ok(log, {
        r: f.reviewId,
        input: { id: evidence[key], keyFactorIds: [f.keyFactors[0].id], stance: 'SUPPORTS', statement: `Evidence ${key}.`, ...input },
      });
    };
    await item('interview', { source: 'INTERVIEW', sessionId: interview, stakeholderCategory: 'POLITICIAN' });
    await item('observation', { source: 'OBSERVATION', stance: 'NEUTRAL' });
    await item('otherKeyFactor', { source: 'OBSERVATION', keyFactorIds: [f.keyFactors[1].id] });
    await item('retracted', { source: 'OBSERVATION' });
    await peer.ok('mutation($e: ID!) { retractEvidence(evidenceId: $e, reason: "Misheard.") { id } }', { e: evidence.retracted });
  });
  afterAll(() => t?.close());

  it('a peer drafts a conclusion citing evidence of that key factor; bad citations are listed', async () => {
    const bad = await peer.request(save, {
      r: f.reviewId,
      kf: f.keyFactors[0].id,
      input: { rating: 9, evidenceIds: [evidence.otherKeyFactor, evidence.retracted, randomUUID()] },
    });
    const problems = bad.errors?.[0].extensions?.problems as { path: string; message: string }[];
    expect(problems.map((p) => p.path)).toEqual(['rating', 'evidenceIds', 'evidenceIds', 'evidenceIds']);
    expect(problems[1].message).toBe(`${evidence.otherKeyFactor} does not bear on key factor 01`);
    expect(problems[2].message).toBe(`${evidence.retracted} was retracted (Misheard.)`);
    const created = await peer.ok(save, {
      r: f.reviewId,
      kf: f.keyFactors[0].id,
      input: { rating: 3, summary: 'A public commitment exists.', evidenceIds: [evidence.interview] },
    });
    expect(created.saveConclusion).toMatchObject({ version: 1, status: 'DRAFT', rating: 3, updatedBy: { fullName: 'Piet Peer' } });
    conclusion1 = created.saveConclusion.id;
  });

  it('two peers editing the same conclusion: the second gets a CONFLICT naming who changed it and the current version; nothing is lost', async () => {
    const first = await peer2.ok(save, { r: f.reviewId, kf: f.keyFactors[0].id, input: { strengths: 'Visible leadership.' }, v: 1 });
    expect(first.saveConclusion.version).toBe(2);
    const late = await peer.request(save, { r: f.reviewId, kf: f.keyFactors[0].id, input: { summary: 'Overwriting?' }, v: 1 });
    expect(late.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT', currentVersion: 2, updatedBy: { id: f.people.peer2.id, fullName: 'Paula Peer' } },
      message:
        'Paula Peer saved the conclusion on key factor 01 after you opened it (you started from version 1; it is now version 2). Reload it to see their change, then save yours.',
    });
    const noVersion = await peer.request(save, { r: f.reviewId, kf: f.keyFactors[0].id, input: { summary: 'x' } });
    expect(noVersion.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const merged = await peer.ok(save, {
      r: f.reviewId,
      kf: f.keyFactors[0].id,
      input: { summary: 'A public commitment exists and is visible.', evidenceIds: [evidence.interview, evidence.observation] },
      v: 2,
    });
    expect(merged.saveConclusion.revisions.map((r: { version: number; summary: string }) => [r.version, r.summary])).toEqual([
      [1, 'A public commitment exists.'],
      [2, 'A public commitment exists.'],
      [3, 'A public commitment exists and is visible.'],
    ]);
  });

  it('the rigour check shows conclusions without evidence or with one kind of source', async () => {
    await peer.ok(save, { r: f.reviewId, kf: f.keyFactors[1].id, input: { rating: 2, summary: 'No strategy yet.' } });
    const { conclusionRigour } = await leader.ok(
      'query($r: ID!) { conclusionRigour(reviewId: $r) { conclusion { keyFactor { code } } issues { code message } } }',
      { r: f.reviewId },
    );
    const byCode = Object.fromEntries(
      conclusionRigour.map((c: { conclusion: { keyFactor: { code: string } }; issues: unknown[] }) => [
        c.conclusion.keyFactor.code,
        c.issues,
      ]),
    );
    expect(byCode['01']).toEqual([]);
    expect(byCode['02']).toEqual([{ code: 'NO_EVIDENCE', message: 'cites no evidence' }]);
  });

  it('only the expert leader agrees; an agreed conclusion changes only after reopening', async () => {
    expect((await peer.request(agree, { c: conclusion1, v: 3 })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const agreed = await leader.ok(agree, { c: conclusion1, v: 3 });
    expect(agreed.agreeConclusion).toMatchObject({ status: 'AGREED', version: 4 });
    const edit = await peer.request(save, { r: f.reviewId, kf: f.keyFactors[0].id, input: { summary: 'Late change' }, v: 4 });
    expect(edit.errors?.[0]).toMatchObject({
      extensions: { code: 'INVALID_TRANSITION' },
      message: 'The conclusion on key factor 01 is agreed; the expert leader must reopen it before it can change.',
    });
    const reopened = await leader.ok(
      'mutation($c: ID!) { reopenConclusion(conclusionId: $c, reason: "The city sent new figures.") { status version } }',
      { c: conclusion1 },
    );
    expect(reopened.reopenConclusion).toEqual({ status: 'DRAFT', version: 5 });
    await leader.ok(agree, { c: conclusion1, v: 5 });
  });

  it('before feedback the host city cannot read the conclusions', async () => {
    const result = await coordinator.request('query($r: ID!) { reviewConclusions(reviewId: $r) { id } }', { r: f.reviewId });
    expect(result.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: 'The conclusions and recommendations are shared with the host city at the feedback session.',
    });
  });

  it('DELIBERATION → FEEDBACK needs every conclusion agreed and a feedback session held', async () => {
    const refused = await leader.request('mutation($r: ID!) { startFeedback(reviewId: $r) { status } }', { r: f.reviewId });
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'INVALID_TRANSITION' },
      message:
        'The review cannot move to FEEDBACK yet. It needs an agreed conclusion for key factor 02; and a feedback session with the city in the programme that has taken place.',
    });
    const kf2 = (
      await leader.ok('query($r: ID!) { reviewConclusions(reviewId: $r) { id version keyFactor { code } } }', { r: f.reviewId })
    ).reviewConclusions.find((c: { keyFactor: { code: string } }) => c.keyFactor.code === '02');
    await leader.ok(agree, { c: kf2.id, v: kf2.version });
    await leader.ok('mutation($id: ID!, $input: VisitSessionInput!) { scheduleVisitSession(reviewId: $id, input: $input) { id } }', {
      id: f.reviewId,
      input: { kind: 'FEEDBACK_SESSION', title: 'Feedback to the city', start: '2026-11-03T15:00', end: '2026-11-03T16:30' },
    });
    const moved = await leader.ok('mutation($r: ID!) { startFeedback(reviewId: $r) { status } }', { r: f.reviewId });
    expect(moved.startFeedback.status).toBe('FEEDBACK');
  });

  it('from feedback on the host city reads conclusions, but never the raw evidence behind them', async () => {
    const { reviewConclusions } = await coordinator.ok(
      'query($r: ID!) { reviewConclusions(reviewId: $r) { rating summary status keyFactor { code } } }',
      { r: f.reviewId },
    );
    expect(reviewConclusions).toHaveLength(2);
    const evidenceField = await coordinator.request('query($r: ID!) { reviewConclusions(reviewId: $r) { citedEvidence { statement } } }', {
      r: f.reviewId,
    });
    expect(evidenceField.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const team = await leader.ok('query($r: ID!) { reviewConclusions(reviewId: $r) { keyFactor { code } citedEvidence { statement } } }', {
      r: f.reviewId,
    });
    expect(team.reviewConclusions.find((c: { keyFactor: { code: string } }) => c.keyFactor.code === '01').citedEvidence).toHaveLength(2);
  });

  it('a later review of the same city shows the earlier conclusion beside each key factor, and the ratings over time', async () => {
    const [later] = await t.dataSource.query(
      `INSERT INTO review (title, kind, host_city_id, benchmark_id, status, created_by_id, created_at)
       VALUES ('Second review', 'PEER_REVIEW', $1, $2, 'VISIT', $3, now() + interval '1 second') RETURNING id`,
      [f.city.id, f.benchmarkId, f.people.leader.id],
    );
    await t.dataSource.query("INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, 'EXPERT_LEADER')", [
      later.id,
      f.people.leader.id,
    ]);
    const { earlierConclusions } = await leader.ok(
      'query($r: ID!) { earlierConclusions(reviewId: $r) { keyFactor { code } rating summary review { id } } }',
      { r: later.id },
    );
    expect(earlierConclusions).toEqual([
      { keyFactor: { code: '01' }, rating: 3, summary: 'A public commitment exists and is visible.', review: { id: f.reviewId } },
      { keyFactor: { code: '02' }, rating: 2, summary: 'No strategy yet.', review: { id: f.reviewId } },
    ]);
    const { cityRatings } = await coordinator.ok(
      'query($c: ID!) { cityRatings(cityId: $c) { keyFactorCode points { rating review { id } } } }',
      { c: f.city.id },
    );
    expect(cityRatings).toEqual([
      { keyFactorCode: '01', points: [{ rating: 3, review: { id: f.reviewId } }] },
      { keyFactorCode: '02', points: [{ rating: 2, review: { id: f.reviewId } }] },
    ]);
    const stranger = await t.gql.signIn(
      (
        await t.dataSource.query(
          "INSERT INTO person (email, full_name, password_hash) SELECT 'nobody@example.org', 'Nobody', password_hash FROM person WHERE id = $1 RETURNING email",
          [f.people.peer.id],
        )
      )[0].email,
      TEST_PASSWORD,
    );
    expect((await stranger.ok('query($c: ID!) { cityRatings(cityId: $c) { keyFactorCode } }', { c: f.city.id })).cityRatings).toEqual([]);
    // The network's counts: the secretariat's alone (one city's count identifies it); a stranger is refused.
    const network =
      '{ networkRatings(benchmarkCode: "EUROCITIES-PCD", version: 1) { keyFactor { code } cities ratings { rating count } average } }';
    expect((await stranger.request(network)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const admin = await t.gql.signIn((await createPerson(t.dataSource, { isAdmin: true })).email, TEST_PASSWORD);
    const { networkRatings } = await admin.ok(network);
    expect(networkRatings[0]).toEqual({ keyFactor: { code: '01' }, cities: 1, ratings: [{ rating: 3, count: 1 }], average: 3 });
    expect(networkRatings[12]).toMatchObject({ cities: 0, ratings: [], average: null });
  });
});
