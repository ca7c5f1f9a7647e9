import { randomUUID } from 'node:crypto';
import { createReviewFixture, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/** Evidence logging that never loses a word: idempotent ids, batches, revisions, retraction, search, coverage, visibility. */
describe('evidence, end to end', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof createReviewFixture>>;
  let peer: GraphqlClient;
  let peer2: GraphqlClient;
  let leader: GraphqlClient;
  let interviewId: string;
  let focusGroupId: string;
  const ids: Record<string, string> = {};

  const log = `mutation($r: ID!, $input: EvidenceInput!) { logEvidence(reviewId: $r, input: $input) {
    id outcome evidence { id statement revision loggedBy { id } keyFactors { code } } } }`;
  const batch = `mutation($r: ID!, $items: [EvidenceInput!]!) { logEvidenceBatch(reviewId: $r, items: $items) { id outcome message problems { path message } } }`;
  const item = (overrides: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    source: 'INTERVIEW',
    sessionId: interviewId,
    stakeholderCategory: 'POLITICIAN',
    keyFactorIds: [f.keyFactors[0].id],
    statement: 'The mayor says the diversity statement is read out at every council meeting.',
    quote: 'We say it at every meeting, it is who we are.',
    stance: 'SUPPORTS',
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    f = await createReviewFixture(t.dataSource, { status: 'VISIT', scope: [1, 2, 3] });
    leader = await t.gql.signIn(f.people.leader.email, TEST_PASSWORD);
    peer = await t.gql.signIn(f.people.peer.email, TEST_PASSWORD);
    peer2 = await t.gql.signIn(f.people.peer2.email, TEST_PASSWORD);
    const schedule = 'mutation($id: ID!, $input: VisitSessionInput!) { scheduleVisitSession(reviewId: $id, input: $input) { id } }';
    interviewId = (
      await leader.ok(schedule, {
        id: f.reviewId,
        input: { kind: 'INTERVIEW', title: 'Mayor', start: '2027-03-10T10:00', end: '2027-03-10T11:00' },
      })
    ).scheduleVisitSession.id;
    focusGroupId = (
      await leader.ok(schedule, {
        id: f.reviewId,
        input: { kind: 'FOCUS_GROUP', title: 'Migrant council', start: '2027-03-10T13:00', end: '2027-03-10T15:00' },
      })
    ).scheduleVisitSession.id;
  });
  afterAll(() => t?.close());

  it('logs an item under the id the client chose; the same id and content again returns it, other content is a CONFLICT', async () => {
    const first = item();
    ids.mayor = first.id;
    const created = await peer.ok(log, { r: f.reviewId, input: first });
    expect(created.logEvidence).toMatchObject({
      id: first.id,
      outcome: 'CREATED',
      evidence: { revision: 1, loggedBy: { id: f.people.peer.id }, keyFactors: [{ code: '01' }] },
    });
    const retried = await peer.ok(log, { r: f.reviewId, input: first });
    expect(retried.logEvidence).toMatchObject({ id: first.id, outcome: 'ALREADY_THERE' });
    const different = await peer.request(log, { r: f.reviewId, input: { ...first, statement: 'Something else.' } });
    expect(different.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: `Evidence ${first.id} already exists with different content. To change it, edit it (editEvidence); to log something new, use a new id.`,
    });
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM evidence'))[0].n).toBe(1);
  });

  it('a batch answers per item and keeps the valid ones whatever the others', async () => {
    const good = item({
      sessionId: focusGroupId,
      source: 'FOCUS_GROUP',
      stakeholderCategory: 'MIGRANT_ORGANISATION',
      statement: 'Participants had never heard of the diversity statement.',
      quote: null,
      stance: 'CONTRADICTS',
    });
    const observation = item({
      source: 'OBSERVATION',
      sessionId: null,
      stakeholderCategory: null,
      keyFactorIds: [f.keyFactors[1].id],
      statement: 'Posters about the anti-rumour campaign in the city hall lobby.',
      quote: null,
      stance: 'SUPPORTS',
    });
    const noSession = item({ sessionId: null, statement: 'An interview without a session.' });
    const outOfScope = item({ keyFactorIds: ['00000000-0000-0000-0000-000000000000'] });
    const notUuid = item({ id: 'phone-item-7' });
    const results = await peer.ok(batch, {
      r: f.reviewId,
      items: [good, observation, noSession, outOfScope, notUuid, { ...item(), id: ids.mayor }],
    });
    expect(results.logEvidenceBatch).toEqual([
      { id: good.id, outcome: 'CREATED', message: null, problems: [] },
      { id: observation.id, outcome: 'CREATED', message: null, problems: [] },
      {
        id: noSession.id,
        outcome: 'INVALID',
        message: 'The evidence was not logged: sessionId: say which interview it came from',
        problems: [{ path: 'sessionId', message: 'say which interview it came from' }],
      },
      {
        id: outOfScope.id,
        outcome: 'INVALID',
        message: expect.stringContaining("not key factors in the review's scope"),
        problems: [{ path: 'keyFactorIds', message: "not key factors in the review's scope: 00000000-0000-0000-0000-000000000000" }],
      },
      {
        id: 'phone-item-7',
        outcome: 'INVALID',
        message: expect.any(String),
        problems: [{ path: 'id', message: 'must be a UUID the client generated (e.g. crypto.randomUUID())' }],
      },
      { id: ids.mayor, outcome: 'ALREADY_THERE', message: null, problems: [] },
    ]);
    ids.focus = good.id;
    ids.observation = observation.id;
    // Syncing the same batch again (the phone did not get the answer) changes nothing.
    const again = await peer.ok(batch, { r: f.reviewId, items: [good, observation] });
    expect(again.logEvidenceBatch.map((r: { outcome: string }) => r.outcome)).toEqual(['ALREADY_THERE', 'ALREADY_THERE']);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM evidence'))[0].n).toBe(3);
  });

  it('edits keep every revision (who, when, what changed); only the author or the expert leader edits', async () => {
    const edit =
      'mutation($e: ID!, $p: EvidencePatch!, $v: Int) { editEvidence(evidenceId: $e, patch: $p, expectedRevision: $v) { revision statement stance revisions { revision editedById changes } } }';
    const refused = await peer2.request(edit, { e: ids.mayor, p: { statement: 'Not mine to change.' } });
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: 'Only the peer who logged this evidence or the expert leader can edit it.',
    });
    const first = await peer.ok(edit, {
      e: ids.mayor,
      p: { statement: 'The mayor says the diversity statement is read out at council meetings.' },
      v: 1,
    });
    expect(first.editEvidence).toMatchObject({
      revision: 2,
      revisions: [
        {
          revision: 2,
          editedById: f.people.peer.id,
          changes: {
            statement: {
              from: 'The mayor says the diversity statement is read out at every council meeting.',
              to: 'The mayor says the diversity statement is read out at council meetings.',
            },
          },
        },
      ],
    });
    const stale = await leader.request(edit, { e: ids.mayor, p: { stance: 'NEUTRAL' }, v: 1 });
    expect(stale.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: 'Someone edited this evidence after you opened it (your revision 1, now 2). Reload it, then edit again.',
    });
    const second = await leader.ok(edit, { e: ids.mayor, p: { stance: 'NEUTRAL' }, v: 2 });
    expect(second.editEvidence.revisions.map((r: { revision: number; changes: object }) => [r.revision, Object.keys(r.changes)])).toEqual([
      [2, ['statement']],
      [3, ['stance']],
    ]);
  });

  it('retracting needs a reason, hides the item from lists and coverage, and keeps it', async () => {
    const retract =
      'mutation($e: ID!, $reason: String!) { retractEvidence(evidenceId: $e, reason: $reason) { retractedAt retractionReason } }';
    expect((await peer.request(retract, { e: ids.observation, reason: ' ' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const done = await peer.ok(retract, { e: ids.observation, reason: 'The posters were from another city.' });
    expect(done.retractEvidence.retractionReason).toBe('The posters were from another city.');
    const list = 'query($r: ID!, $all: Boolean) { reviewEvidence(reviewId: $r, includeRetracted: $all) { totalCount nodes { id } } }';
    expect((await leader.ok(list, { r: f.reviewId })).reviewEvidence.totalCount).toBe(2);
    expect((await leader.ok(list, { r: f.reviewId, all: true })).reviewEvidence.totalCount).toBe(3);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM evidence'))[0].n).toBe(3);
  });

  it('filters by key factor, session, source, stance and author, searches the text, and pages with cursors', async () => {
    const more = Array.from({ length: 5 }, (_, i) =>
      item({
        statement: `Officials describe the intercultural training programme, cohort ${i + 1}.`,
        quote: null,
        keyFactorIds: [f.keyFactors[2].id],
        stakeholderCategory: 'CITY_OFFICIAL',
      }),
    );
    await peer2.ok(batch, { r: f.reviewId, items: more });
    const q = `query($r: ID!, $kf: ID, $s: ID, $src: EvidenceSource, $st: EvidenceStance, $by: ID, $q: String, $first: Int, $after: String) {
      reviewEvidence(reviewId: $r, keyFactorId: $kf, sessionId: $s, source: $src, stance: $st, loggedById: $by, search: $q, first: $first, after: $after) {
        totalCount nodes { id statement } pageInfo { hasNextPage endCursor } } }`;
    const count = async (vars: Record<string, unknown>) => (await leader.ok(q, { r: f.reviewId, ...vars })).reviewEvidence.totalCount;
    expect(await count({ kf: f.keyFactors[2].id })).toBe(5);
    expect(await count({ s: focusGroupId })).toBe(1);
    expect(await count({ src: 'FOCUS_GROUP' })).toBe(1);
    expect(await count({ st: 'CONTRADICTS' })).toBe(1);
    expect(await count({ by: f.people.peer2.id })).toBe(5);
    // Full-text: stemming finds "trainings"/"training", a quote is searched too, and phrases work.
    expect(await count({ q: 'trainings' })).toBe(5);
    expect(await count({ q: '"every meeting"' })).toBe(1); // only in the quote
    expect(await count({ q: 'posters' })).toBe(0); // retracted
    const page1 = (await leader.ok(q, { r: f.reviewId, kf: f.keyFactors[2].id, first: 3 })).reviewEvidence;
    const page2 = (await leader.ok(q, { r: f.reviewId, kf: f.keyFactors[2].id, first: 3, after: page1.pageInfo.endCursor })).reviewEvidence;
    expect(page1.nodes).toHaveLength(3);
    expect(page2.nodes).toHaveLength(2);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(new Set([...page1.nodes, ...page2.nodes].map((n: { id: string }) => n.id)).size).toBe(5);
  });

  it('filters by stakeholder category, alone and with a key factor', async () => {
    // By now: key factor 01 has the mayor (POLITICIAN) and the focus group (MIGRANT_ORGANISATION); 03 the five CITY_OFFICIAL items.
    const q = `query($r: ID!, $c: StakeholderCategory, $kf: ID) {
      reviewEvidence(reviewId: $r, stakeholderCategory: $c, keyFactorId: $kf) { totalCount nodes { id stakeholderCategory } } }`;
    const list = async (vars: Record<string, unknown>) => (await leader.ok(q, { r: f.reviewId, ...vars })).reviewEvidence;
    const politicians = await list({ c: 'POLITICIAN' });
    expect(politicians).toEqual({ totalCount: 1, nodes: [{ id: ids.mayor, stakeholderCategory: 'POLITICIAN' }] });
    const officials = await list({ c: 'CITY_OFFICIAL' });
    expect(officials.totalCount).toBe(5);
    expect(new Set(officials.nodes.map((n: { stakeholderCategory: string }) => n.stakeholderCategory))).toEqual(new Set(['CITY_OFFICIAL']));
    expect((await list({})).totalCount).toBe(7);
    // With a key factor: both filters apply.
    const kf01 = f.keyFactors[0].id;
    expect((await list({ kf: kf01 })).totalCount).toBe(2);
    const migrants = await list({ kf: kf01, c: 'MIGRANT_ORGANISATION' });
    expect(migrants.totalCount).toBe(1);
    expect(migrants.nodes[0].stakeholderCategory).toBe('MIGRANT_ORGANISATION');
    expect(migrants.nodes[0].id).not.toBe(ids.mayor);
    expect(await list({ kf: kf01, c: 'CITY_OFFICIAL' })).toEqual({ totalCount: 0, nodes: [] });
    expect((await list({ kf: f.keyFactors[2].id, c: 'POLITICIAN' })).totalCount).toBe(0);
    // A category that does not exist is refused by the schema, not a server error.
    const bad = await leader.request(q, { r: f.reviewId, c: 'MAYOR' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.data).toBeUndefined();
  });

  it('coverage: per key factor, counts by source and stance, and the ones lacking interview or focus-group evidence', async () => {
    const { evidenceCoverage } = await leader.ok(
      `query($r: ID!) { evidenceCoverage(reviewId: $r) {
      keyFactors { keyFactor { code } total bySource { source count } byStance { stance count } lacksInterviewOrFocusGroup }
      lackingInterviewOrFocusGroup { code } } }`,
      { r: f.reviewId },
    );
    const kf1 = evidenceCoverage.keyFactors[0];
    expect(kf1.keyFactor.code).toBe('01');
    expect(kf1.total).toBe(2);
    expect(kf1.bySource.filter((s: { count: number }) => s.count)).toEqual([
      { source: 'INTERVIEW', count: 1 },
      { source: 'FOCUS_GROUP', count: 1 },
    ]);
    expect(kf1.byStance.filter((s: { count: number }) => s.count)).toEqual([
      { stance: 'CONTRADICTS', count: 1 },
      { stance: 'NEUTRAL', count: 1 },
    ]);
    // 02 only had the (retracted) observation.
    expect(evidenceCoverage.lackingInterviewOrFocusGroup).toEqual([{ code: '02' }]);
  });

  it('the host city and observers never see raw evidence; they cannot log it either', async () => {
    for (const who of [f.people.coordinator, f.people.contributor, f.people.observer]) {
      const gql = await t.gql.signIn(who.email, TEST_PASSWORD);
      for (const [query, vars] of [
        ['query($r: ID!) { reviewEvidence(reviewId: $r) { totalCount } }', { r: f.reviewId }],
        ['query($r: ID!) { evidenceCoverage(reviewId: $r) { keyFactors { total } } }', { r: f.reviewId }],
        [log, { r: f.reviewId, input: item() }],
      ] as const) {
        const result = await gql.request(query, vars);
        expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(result.data).toBeNull();
      }
    }
  });

  it('once the findings are shared, the host city reads the evidence counts (as the report shows them), never the text', async () => {
    const counts =
      'query($r: ID!) { evidenceCoverage(reviewId: $r) { keyFactors { keyFactor { code } total bySource { source count } } } }';
    const teamView = (await leader.ok(counts, { r: f.reviewId })).evidenceCoverage;
    const [{ status }] = await t.dataSource.query('SELECT status FROM review WHERE id = $1', [f.reviewId]);
    await t.dataSource.query("UPDATE review SET status = 'FEEDBACK' WHERE id = $1", [f.reviewId]);
    try {
      const host = await t.gql.signIn(f.people.coordinator.email, TEST_PASSWORD);
      expect((await host.ok(counts, { r: f.reviewId })).evidenceCoverage).toEqual(teamView);
      expect(teamView.keyFactors.some((k: { total: number }) => k.total > 0)).toBe(true);
      const text = await host.request('query($r: ID!) { reviewEvidence(reviewId: $r) { totalCount } }', { r: f.reviewId });
      expect(text.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    } finally {
      await t.dataSource.query('UPDATE review SET status = $2 WHERE id = $1', [f.reviewId, status]);
    }
  });
});
