import { randomUUID } from 'node:crypto';
import { createPerson, createReviewFixture, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

type Fixture = Awaited<ReturnType<typeof createReviewFixture>>;

/**
 * Recommendations from drafting to follow-up: the team drafts (visit to reporting), the host city
 * reads them from the feedback session on, answers them and reports progress; the ones still open
 * carry over into the city's next review.
 */
describe('recommendations, end to end', () => {
  let t: TestApp;
  let f: Fixture;
  let other: Fixture;
  const as = {} as Record<'admin' | 'leader' | 'peer' | 'peer2' | 'coordinator' | 'contributor' | 'observer' | 'stranger', GraphqlClient>;
  const rec = {} as Record<'statement' | 'training' | 'data' | 'dropped', string>;
  let outOfScopeKeyFactorId: string;
  let examples: { id: string; city: string; keyFactorNumber: number }[];

  const fields =
    'id text priority horizon suggestedOwner followUpStatus hostResponse hostComment withdrawnAt withdrawalReason keyFactors { code } relatedExamples { id city }';
  const add = `mutation($r: ID!, $input: RecommendationInput!) { addRecommendation(reviewId: $r, input: $input) { ${fields} } }`;
  const update = `mutation($id: ID!, $input: RecommendationInput!) { updateRecommendation(recommendationId: $id, input: $input) { ${fields} } }`;
  const withdraw =
    'mutation($id: ID!, $reason: String!) { withdrawRecommendation(recommendationId: $id, reason: $reason) { id withdrawnAt withdrawalReason } }';
  const respond =
    'mutation($id: ID!, $response: HostResponse!, $comment: String) { respondToRecommendation(recommendationId: $id, response: $response, comment: $comment) { id hostResponse hostComment respondedAt respondedBy { id } } }';
  const report =
    'mutation($id: ID!, $input: FollowUpInput!) { reportFollowUp(recommendationId: $id, input: $input) { id followUpStatus followUpUpdates { status note asOf reportedById } } }';
  const list = 'query($r: ID!, $all: Boolean) { reviewRecommendations(reviewId: $r, includeWithdrawn: $all) { id text priority } }';
  const carried =
    'query($r: ID!) { openRecommendationsFromEarlierReviews(reviewId: $r) { id text followUpStatus review { id title status } } }';
  const ofCity = 'query($c: ID!) { cityRecommendations(cityId: $c) { id review { id } } }';

  const input = (overrides: Record<string, unknown> = {}) => ({
    text: 'Publish the diversity statement on the city website and read it out at the start of each council term.',
    keyFactorIds: [f.keyFactors[0].id],
    priority: 'HIGH',
    horizon: 'QUICK_WIN',
    suggestedOwner: "Mayor's office",
    relatedExampleIds: [examples[0].id],
    ...overrides,
  });
  const setStatus = (reviewId: string, status: string) =>
    t.dataSource.query('UPDATE review SET status = $2 WHERE id = $1', [reviewId, status]);
  const auditOf = (
    entityId: string,
    action: string,
  ): Promise<{ before: Record<string, unknown> | null; after: Record<string, unknown> | null; actor_id: string }[]> =>
    t.dataSource.query('SELECT before, after, actor_id FROM audit_entry WHERE entity_id = $1 AND action = $2 ORDER BY at', [
      entityId,
      action,
    ]);
  const ids = (items: { id: string }[]) => items.map((i) => i.id);

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    f = await createReviewFixture(t.dataSource, { status: 'DELIBERATION', scope: [1, 2, 3] });
    other = await createReviewFixture(t.dataSource, { status: 'FEEDBACK' });
    [{ id: outOfScopeKeyFactorId }] = await t.dataSource.query('SELECT id FROM key_factor WHERE benchmark_id = $1 AND number = 4', [
      f.benchmarkId,
    ]);
    examples = await t.dataSource.query(
      `SELECT e.id, e.city, k.number AS "keyFactorNumber" FROM key_factor_example e JOIN key_factor k ON k.id = e.key_factor_id
        WHERE k.benchmark_id = $1 ORDER BY k.number, e.position`,
      [f.benchmarkId],
    );
    for (const who of ['leader', 'peer', 'peer2', 'coordinator', 'contributor', 'observer'] as const)
      as[who] = await t.gql.signIn(f.people[who].email, TEST_PASSWORD);
    as.stranger = await t.gql.signIn(other.people.leader.email, TEST_PASSWORD);
    as.admin = await t.gql.signIn((await createPerson(t.dataSource, { isAdmin: true })).email, TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  it('the team adds recommendations; a refused one lists every problem at once and writes nothing', async () => {
    const bad = await as.peer.request(add, {
      r: f.reviewId,
      input: input({ text: '   ', keyFactorIds: [], relatedExampleIds: [f.keyFactors[0].id, 'not-an-id'] }),
    });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.problems).toEqual([
      { path: 'text', message: 'must not be empty' },
      { path: 'keyFactorIds', message: 'name at least one key factor the recommendation serves' },
      { path: 'relatedExampleIds', message: `not examples of the review's benchmark: ${f.keyFactors[0].id}, not-an-id` },
    ]);
    expect(bad.errors?.[0].message).toMatch(/^The recommendation was not added: text: must not be empty; keyFactorIds: /);
    const outOfScope = await as.peer.request(add, {
      r: f.reviewId,
      input: input({ keyFactorIds: [f.keyFactors[0].id, outOfScopeKeyFactorId], text: 'x'.repeat(5001) }),
    });
    expect(outOfScope.errors?.[0].extensions?.problems).toEqual([
      { path: 'text', message: 'must be at most 5000 characters' },
      { path: 'keyFactorIds', message: `not key factors in the review's scope: ${outOfScopeKeyFactorId}` },
    ]);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM recommendation'))[0].n).toBe(0);

    const statement = (await as.peer.ok(add, { r: f.reviewId, input: input() })).addRecommendation;
    expect(statement).toMatchObject({
      priority: 'HIGH',
      horizon: 'QUICK_WIN',
      suggestedOwner: "Mayor's office",
      followUpStatus: 'NOT_STARTED',
      hostResponse: null,
      keyFactors: [{ code: '01' }],
      relatedExamples: [{ id: examples[0].id, city: examples[0].city }],
    });
    rec.statement = statement.id;
    // An example of a key factor outside the scope is still a good practice of the benchmark.
    const otherExample = examples.find((e) => e.keyFactorNumber === 4)!;
    rec.training = (
      await as.leader.ok(add, {
        r: f.reviewId,
        input: input({
          text: 'Train front-desk staff in intercultural communication.',
          keyFactorIds: [f.keyFactors[1].id, f.keyFactors[2].id],
          priority: 'LOW',
          horizon: 'LONG_TERM',
          suggestedOwner: null,
          relatedExampleIds: [otherExample.id],
        }),
      })
    ).addRecommendation.id;
    rec.data = (
      await as.peer2.ok(add, {
        r: f.reviewId,
        input: input({
          text: 'Collect data on the diversity of city staff.',
          priority: 'HIGH',
          horizon: 'MEDIUM_TERM',
          relatedExampleIds: [],
        }),
      })
    ).addRecommendation.id;
    rec.dropped = (
      await as.peer.ok(add, {
        r: f.reviewId,
        input: input({ text: 'Open a diversity office.', priority: 'MEDIUM', relatedExampleIds: null }),
      })
    ).addRecommendation.id;
    const [audit] = await auditOf(rec.statement, 'recommendation.add');
    expect(audit).toMatchObject({ actor_id: f.people.peer.id, before: null, after: { text: input().text, priority: 'HIGH' } });
  });

  it('only the expert leader and peers draft; the host city and observers cannot', async () => {
    for (const who of ['coordinator', 'contributor', 'observer'] as const) {
      const refused = await as[who].request(add, { r: f.reviewId, input: input() });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0].message).toMatch(/^Only the expert leader or peer can do this/);
    }
    const stranger = await as.stranger.request(add, { r: f.reviewId, input: input() });
    expect(stranger.errors?.[0]).toMatchObject({ message: 'You are not a member of this review.', extensions: { code: 'FORBIDDEN' } });
  });

  it('an update replaces the fields, lists every problem, and is audited with before and after', async () => {
    const bad = await as.peer2.request(update, {
      id: rec.training,
      input: input({ text: '', keyFactorIds: [outOfScopeKeyFactorId], relatedExampleIds: [randomUUID()] }),
    });
    expect(bad.errors?.[0].extensions?.problems?.map((p) => p.path)).toEqual(['text', 'keyFactorIds', 'relatedExampleIds']);
    expect(bad.errors?.[0].message).toMatch(/^The recommendation was not changed: /);
    const changed = (
      await as.peer2.ok(update, {
        id: rec.training,
        input: input({
          text: 'Train all front-desk staff in intercultural communication within two years.',
          keyFactorIds: [f.keyFactors[1].id],
          priority: 'MEDIUM',
          horizon: 'LONG_TERM',
          suggestedOwner: 'HR department',
          relatedExampleIds: [],
        }),
      })
    ).updateRecommendation;
    expect(changed).toMatchObject({
      priority: 'MEDIUM',
      suggestedOwner: 'HR department',
      keyFactors: [{ code: '02' }],
      relatedExamples: [],
    });
    const [audit] = await auditOf(rec.training, 'recommendation.update');
    expect(audit.actor_id).toBe(f.people.peer2.id);
    expect(audit.before).toMatchObject({
      text: 'Train front-desk staff in intercultural communication.',
      priority: 'LOW',
      suggestedOwner: null,
      keyFactorIds: [f.keyFactors[1].id, f.keyFactors[2].id],
    });
    expect(audit.after).toMatchObject({
      text: 'Train all front-desk staff in intercultural communication within two years.',
      priority: 'MEDIUM',
      suggestedOwner: 'HR department',
      keyFactorIds: [f.keyFactors[1].id],
    });
    expect((await as.peer.request(update, { id: randomUUID(), input: input() })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('withdrawing needs a reason, keeps the recommendation and hides it from lists unless asked', async () => {
    const noReason = await as.peer.request(withdraw, { id: rec.dropped, reason: '  ' });
    expect(noReason.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', problems: [{ path: 'reason', message: 'say why the recommendation is withdrawn' }] },
    });
    expect((await as.observer.request(withdraw, { id: rec.dropped, reason: 'No.' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const done = (await as.peer.ok(withdraw, { id: rec.dropped, reason: 'Covered by the statement recommendation.' }))
      .withdrawRecommendation;
    expect(done.withdrawalReason).toBe('Covered by the statement recommendation.');
    expect(done.withdrawnAt).toBeTruthy();
    const again = await as.leader.request(withdraw, { id: rec.dropped, reason: 'Again.' });
    expect(again.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
    const edit = await as.peer.request(update, { id: rec.dropped, input: input() });
    expect(edit.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
    expect(edit.errors?.[0].message).toMatch(/^This recommendation was withdrawn on \d{4}-\d{2}-\d{2}; add a new one instead\.$/);
    expect(ids((await as.leader.ok(list, { r: f.reviewId })).reviewRecommendations)).not.toContain(rec.dropped);
    expect(ids((await as.leader.ok(list, { r: f.reviewId, all: true })).reviewRecommendations)).toContain(rec.dropped);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM recommendation'))[0].n).toBe(4);
    expect(await auditOf(rec.dropped, 'recommendation.withdraw')).toHaveLength(1);
  });

  it('lists HIGH priority first, then the oldest first', async () => {
    const { reviewRecommendations } = await as.peer.ok(list, { r: f.reviewId });
    expect(reviewRecommendations.map((r: { id: string; priority: string }) => [r.id, r.priority])).toEqual([
      [rec.statement, 'HIGH'],
      [rec.data, 'HIGH'],
      [rec.training, 'MEDIUM'],
    ]);
  });

  it('before the feedback session the host city and observers cannot read recommendations, and the city cannot answer', async () => {
    for (const who of ['coordinator', 'contributor', 'observer'] as const) {
      const refused = await as[who].request(list, { r: f.reviewId });
      expect(refused.errors?.[0]).toMatchObject({
        message: 'The conclusions and recommendations are shared with the host city at the feedback session.',
        extensions: { code: 'FORBIDDEN' },
      });
      expect(refused.data).toBeNull();
    }
    expect((await as.stranger.request(list, { r: f.reviewId })).errors?.[0].message).toBe('You are not a member of this review.');
    const early = await as.coordinator.request(respond, { id: rec.statement, response: 'ACCEPTED' });
    expect(early.errors?.[0]).toMatchObject({
      message: 'The city answers recommendations once feedback has been given. The review is in DELIBERATION.',
      extensions: { code: 'INVALID_TRANSITION' },
    });
    const progress = await as.coordinator.request(report, {
      id: rec.statement,
      input: { status: 'IN_PROGRESS', note: 'Started.', asOf: '2024-01-01' },
    });
    expect(progress.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
  });

  it('from the feedback session on the host city and observers read them (withdrawn ones stay hidden from them)', async () => {
    await setStatus(f.reviewId, 'FEEDBACK');
    for (const who of ['coordinator', 'contributor', 'observer'] as const) {
      const { reviewRecommendations } = await as[who].ok(list, { r: f.reviewId, all: true });
      expect(ids(reviewRecommendations)).toEqual([rec.statement, rec.data, rec.training]);
    }
  });

  it('only the host coordinator answers; REJECTED and NOTED say why; the answer can change and each change is audited', async () => {
    for (const who of ['contributor', 'peer', 'leader', 'observer'] as const) {
      const refused = await as[who].request(respond, { id: rec.statement, response: 'ACCEPTED' });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await as.contributor.request(respond, { id: rec.statement, response: 'ACCEPTED' })).errors?.[0].message).toBe(
      'Only the host coordinator can do this; you are the host contributor.',
    );
    const rejected = await as.coordinator.request(respond, { id: rec.statement, response: 'REJECTED', comment: ' ' });
    expect(rejected.errors?.[0]).toMatchObject({
      message: 'The answer was not saved: comment: say why the city rejects this recommendation',
      extensions: { code: 'BAD_USER_INPUT', problems: [{ path: 'comment', message: 'say why the city rejects this recommendation' }] },
    });
    const noted = await as.coordinator.request(respond, { id: rec.statement, response: 'NOTED' });
    expect(noted.errors?.[0].extensions?.problems).toEqual([
      { path: 'comment', message: 'say why the city only notes this recommendation' },
    ]);
    expect(
      (await t.dataSource.query('SELECT host_response FROM recommendation WHERE id = $1', [rec.statement]))[0].host_response,
    ).toBeNull();

    const accepted = (await as.coordinator.ok(respond, { id: rec.statement, response: 'ACCEPTED' })).respondToRecommendation;
    expect(accepted).toMatchObject({ hostResponse: 'ACCEPTED', hostComment: null, respondedBy: { id: f.people.coordinator.id } });
    const changed = (
      await as.coordinator.ok(respond, {
        id: rec.statement,
        response: 'REJECTED',
        comment: 'The website is being rebuilt; we will revisit in 2028.',
      })
    ).respondToRecommendation;
    expect(changed).toMatchObject({ hostResponse: 'REJECTED', hostComment: 'The website is being rebuilt; we will revisit in 2028.' });
    await as.coordinator.ok(respond, { id: rec.statement, response: 'ACCEPTED', comment: 'After all, yes.' });
    await as.coordinator.ok(respond, { id: rec.training, response: 'NOTED', comment: 'Depends on the training budget.' });
    const audit = await auditOf(rec.statement, 'recommendation.respond');
    expect(audit.map((a) => [a.before?.hostResponse, a.after?.hostResponse])).toEqual([
      [null, 'ACCEPTED'],
      ['ACCEPTED', 'REJECTED'],
      ['REJECTED', 'ACCEPTED'],
    ]);
    expect((await as.coordinator.request(respond, { id: rec.dropped, response: 'ACCEPTED' })).errors?.[0].extensions?.code).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('follow-up: every report is kept, the status follows the latest asOf, future dates and unanswered recommendations are refused', async () => {
    const unanswered = await as.coordinator.request(report, {
      id: rec.data,
      input: { status: 'IN_PROGRESS', note: 'Started.', asOf: '2024-01-01' },
    });
    expect(unanswered.errors?.[0]).toMatchObject({
      message: 'Answer the recommendation (accept, note or reject) before reporting progress.',
      extensions: { code: 'INVALID_TRANSITION' },
    });
    for (const who of ['peer', 'leader', 'observer'] as const) {
      expect(
        (await as[who].request(report, { id: rec.statement, input: { status: 'IN_PROGRESS', note: 'Started.', asOf: '2024-01-01' } }))
          .errors?.[0].extensions?.code,
      ).toBe('FORBIDDEN');
    }
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const bad = await as.contributor.request(report, { id: rec.statement, input: { status: 'IN_PROGRESS', note: ' ', asOf: future } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.problems).toEqual([
      { path: 'note', message: 'say what was done, or why not' },
      {
        path: 'asOf',
        message: expect.stringMatching(new RegExp(`^${future} is in the future \\(today is \\d{4}-\\d{2}-\\d{2} in the host city\\)`)),
      },
    ]);
    expect(
      (await as.contributor.request(report, { id: rec.statement, input: { status: 'IN_PROGRESS', note: 'x', asOf: '2024-02-30' } }))
        .errors?.[0].extensions?.problems,
    ).toEqual([{ path: 'asOf', message: '2024-02-30 is not a calendar date' }]);

    const first = (
      await as.contributor.ok(report, {
        id: rec.statement,
        input: { status: 'IN_PROGRESS', note: 'The statement is drafted.', asOf: '2024-09-01' },
      })
    ).reportFollowUp;
    expect(first.followUpStatus).toBe('IN_PROGRESS');
    // Reported later, but about an earlier date: kept in the history, does not decide the status.
    const backdated = (
      await as.coordinator.ok(report, {
        id: rec.statement,
        input: { status: 'NOT_STARTED', note: 'Nothing happened before the summer.', asOf: '2024-03-01' },
      })
    ).reportFollowUp;
    expect(backdated.followUpStatus).toBe('IN_PROGRESS');
    expect(backdated.followUpUpdates).toEqual([
      { status: 'NOT_STARTED', note: 'Nothing happened before the summer.', asOf: '2024-03-01', reportedById: f.people.coordinator.id },
      { status: 'IN_PROGRESS', note: 'The statement is drafted.', asOf: '2024-09-01', reportedById: f.people.contributor.id },
    ]);
    const done = (
      await as.coordinator.ok(report, {
        id: rec.statement,
        input: { status: 'IMPLEMENTED', note: 'Published on the website.', asOf: '2024-11-15' },
      })
    ).reportFollowUp;
    expect(done.followUpStatus).toBe('IMPLEMENTED');
    expect(done.followUpUpdates.map((u: { asOf: string }) => u.asOf)).toEqual(['2024-03-01', '2024-09-01', '2024-11-15']);
    expect(
      (await t.dataSource.query('SELECT count(*)::int AS n FROM follow_up_update WHERE recommendation_id = $1', [rec.statement]))[0].n,
    ).toBe(3);
    expect(
      (await auditOf(rec.statement, 'recommendation.followUp')).map((a) => [a.before?.followUpStatus, a.after?.followUpStatus]),
    ).toEqual([
      ['NOT_STARTED', 'IN_PROGRESS'],
      ['IN_PROGRESS', 'IN_PROGRESS'],
      ['IN_PROGRESS', 'IMPLEMENTED'],
    ]);
    // A noted recommendation can get progress too.
    expect(
      (
        await as.contributor.ok(report, {
          id: rec.training,
          input: { status: 'IN_PROGRESS', note: 'Budget requested.', asOf: '2024-10-01' },
        })
      ).reportFollowUp.followUpStatus,
    ).toBe('IN_PROGRESS');
  });

  it('once the review is past reporting, the team can no longer add, change or withdraw recommendations', async () => {
    await setStatus(f.reviewId, 'FOLLOW_UP');
    const refused = await as.leader.request(add, { r: f.reviewId, input: input() });
    expect(refused.errors?.[0]).toMatchObject({
      message:
        'Recommendations can be added, changed or withdrawn while the review is in visit, deliberation, feedback or reporting; it is FOLLOW_UP.',
      extensions: { code: 'INVALID_TRANSITION' },
    });
    expect((await as.leader.request(update, { id: rec.data, input: input() })).errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
    expect((await as.leader.request(withdraw, { id: rec.data, reason: 'Late.' })).errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
    // The city keeps reporting progress in the follow-up.
    await as.coordinator.ok(respond, { id: rec.data, response: 'ACCEPTED' });
  });

  describe('the next review of the same city', () => {
    let nextReviewId: string;
    let cancelledReviewId: string;
    let nextLeader: GraphqlClient;

    const insertReview = async (title: string, status: string) => {
      const [row] = await t.dataSource.query(
        `INSERT INTO review (title, kind, host_city_id, benchmark_id, status, created_by_id) VALUES ($1, 'PEER_REVIEW', $2, $3, $4, $5) RETURNING id`,
        [title, f.city.id, f.benchmarkId, status, f.people.leader.id],
      );
      return row.id as string;
    };

    beforeAll(async () => {
      // An earlier review that was cancelled, with a recommendation that never reached the city.
      cancelledReviewId = await insertReview('Cancelled review', 'CANCELLED');
      await t.dataSource.query(
        `INSERT INTO recommendation (review_id, text, key_factor_ids, priority, horizon, created_by_id) VALUES ($1, 'From a cancelled review.', $2, 'HIGH', 'QUICK_WIN', $3)`,
        [cancelledReviewId, [f.keyFactors[0].id], f.people.leader.id],
      );
      nextReviewId = await insertReview('Second review', 'PREPARATION');
      const leader = await createPerson(t.dataSource, { fullName: 'Next Leader' });
      await t.dataSource.query(
        "INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, 'EXPERT_LEADER'), ($1, $3, 'HOST_COORDINATOR')",
        [nextReviewId, leader.id, f.people.coordinator.id],
      );
      nextLeader = await t.gql.signIn(leader.email, TEST_PASSWORD);
    });

    it('lists what is still open from earlier reviews (not implemented, not withdrawn, not from a cancelled review), each with its review', async () => {
      for (const who of [nextLeader, as.coordinator, as.admin]) {
        const { openRecommendationsFromEarlierReviews } = await who.ok(carried, { r: nextReviewId });
        expect(openRecommendationsFromEarlierReviews).toEqual([
          {
            id: rec.data,
            text: 'Collect data on the diversity of city staff.',
            followUpStatus: 'NOT_STARTED',
            review: { id: f.reviewId, title: `Review of ${f.city.name}`, status: 'FOLLOW_UP' },
          },
          {
            id: rec.training,
            text: expect.any(String),
            followUpStatus: 'IN_PROGRESS',
            review: { id: f.reviewId, title: expect.any(String), status: 'FOLLOW_UP' },
          },
        ]);
      }
      // Abandoned ones are closed too.
      await as.coordinator.ok(report, { id: rec.training, input: { status: 'ABANDONED', note: 'No budget.', asOf: '2024-12-01' } });
      expect(ids((await nextLeader.ok(carried, { r: nextReviewId })).openRecommendationsFromEarlierReviews)).toEqual([rec.data]);
      // Nothing is earlier than the first review; a non-member of the next review learns nothing.
      expect((await as.leader.ok(carried, { r: f.reviewId })).openRecommendationsFromEarlierReviews).toEqual([]);
      expect((await as.stranger.request(carried, { r: nextReviewId })).errors?.[0].message).toBe('You are not a member of this review.');
    });

    it("cityRecommendations: admins see all; members see the reviews they may read; a member of another city's review sees none", async () => {
      await setStatus(nextReviewId, 'DELIBERATION');
      const draft = (
        await nextLeader.ok(add, { r: nextReviewId, input: input({ text: 'A draft of the second review.', relatedExampleIds: [] }) })
      ).addRecommendation.id;
      const [cancelledRec] = await t.dataSource.query('SELECT id FROM recommendation WHERE review_id = $1', [cancelledReviewId]);

      const admin = (await as.admin.ok(ofCity, { c: f.city.id })).cityRecommendations;
      expect(new Set(ids(admin))).toEqual(new Set([draft, cancelledRec.id, rec.statement, rec.data, rec.training]));
      expect(admin[0]).toEqual({ id: draft, review: { id: nextReviewId } }); // newest review first
      // The coordinator is on both reviews: the first is past the feedback, the second is the team's draft.
      expect(ids((await as.coordinator.ok(ofCity, { c: f.city.id })).cityRecommendations)).toEqual([rec.statement, rec.data, rec.training]);
      // The next leader is on the second review's team only.
      expect(ids((await nextLeader.ok(ofCity, { c: f.city.id })).cityRecommendations)).toEqual([draft]);
      // A peer of the first review sees it (team), not the second (not a member).
      expect(ids((await as.peer.ok(ofCity, { c: f.city.id })).cityRecommendations)).toEqual([rec.statement, rec.data, rec.training]);
      expect((await as.stranger.ok(ofCity, { c: f.city.id })).cityRecommendations).toEqual([]);
      expect((await as.stranger.request(ofCity, { c: randomUUID() })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      // Once the second review reaches the feedback, the coordinator sees its recommendations too.
      await setStatus(nextReviewId, 'FEEDBACK');
      expect(ids((await as.coordinator.ok(ofCity, { c: f.city.id })).cityRecommendations)).toEqual([
        draft,
        rec.statement,
        rec.data,
        rec.training,
      ]);
    });
  });
});
