import { randomUUID } from 'node:crypto';
import { createPerson, createReviewFixture, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import bergen from '../../libs/catalogue/src/data/icc-good-practice-bergen.json';
import { AppModule } from '../../apps/api/src/app.module';

type Fixture = Awaited<ReturnType<typeof createReviewFixture>>;
const WITHHELD = '[name withheld]';

/**
 * The API pieces of the expert leader's workspace: linking catalogue good practices to a
 * recommendation, the "view as host" preview (the same anonymiser as the host's own reads), and the
 * rigour check of a conclusion before it is saved.
 */
describe("the expert leader's workspace API", () => {
  let t: TestApp;
  let f: Fixture;
  let other: Fixture;
  const as = {} as Record<'admin' | 'leader' | 'peer' | 'coordinator', GraphqlClient>;
  let practiceId: string;
  let draftPracticeId: string;
  let recommendationId: string;

  const recommendationFields = 'id linkedGoodPractices { id title status }';
  const link = `mutation($r: ID!, $g: ID!) { linkGoodPractice(recommendationId: $r, goodPracticeId: $g) { ${recommendationFields} } }`;
  const unlink = `mutation($r: ID!, $g: ID!) { unlinkGoodPractice(recommendationId: $r, goodPracticeId: $g) { ${recommendationFields} } }`;
  const preview = `query($r: ID!) { hostPreview(reviewId: $r) { reviewId visibleToHost
    conclusions { keyFactorCode status rating summary strengths areasToDevelop }
    recommendations { id text priority horizon suggestedOwner keyFactorCodes } } }`;
  const rigour =
    'query($r: ID!, $rating: Int, $ids: [ID!]!) { draftConclusionRigour(reviewId: $r, rating: $rating, evidenceIds: $ids) { code message } }';
  const addRecommendation = 'mutation($r: ID!, $input: RecommendationInput!) { addRecommendation(reviewId: $r, input: $input) { id } }';
  const count = async (sql: string, params: unknown[]) => (await t.dataSource.query(sql, params))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    f = await createReviewFixture(t.dataSource, { status: 'DELIBERATION', scope: [1, 2] });
    other = await createReviewFixture(t.dataSource, { status: 'VISIT', scope: [1] });
    const admin = await createPerson(t.dataSource, { isAdmin: true });
    as.admin = await t.gql.signIn(admin.email, TEST_PASSWORD);
    for (const who of ['leader', 'peer', 'coordinator'] as const) as[who] = await t.gql.signIn(f.people[who].email, TEST_PASSWORD);
    await t.dataSource.query(
      `INSERT INTO stakeholder (name, category, consent_to_be_named, city_id) VALUES ('Amira Haddad', 'MIGRANT_ORGANISATION', false, $1), ('Olivia Open', 'CITY_OFFICIAL', true, $1)`,
      [f.city.id],
    );
    const imported = (await as.admin.ok('mutation($d: JSON!) { importGoodPractice(document: $d) { id } }', { d: bergen }))
      .importGoodPractice.id as string;
    await as.admin.ok('mutation($id: ID!) { submitGoodPractice(id: $id) { id } }', { id: imported });
    await as.admin.ok('mutation($id: ID!) { publishGoodPractice(id: $id) { id } }', { id: imported });
    practiceId = imported;
    draftPracticeId = (
      await as.admin.ok('mutation($d: JSON!) { importGoodPractice(document: $d) { id } }', {
        d: { ...bergen, action: { ...bergen.action, title: 'A draft, not yet published' } },
      })
    ).importGoodPractice.id;
    recommendationId = (
      await as.peer.ok(addRecommendation, {
        r: f.reviewId,
        input: {
          text: "Follow Amira's advice: fund the forum that Haddad runs.",
          suggestedOwner: 'The office Amira Haddad works with',
          keyFactorIds: [f.keyFactors[0].id],
          priority: 'HIGH',
          horizon: 'QUICK_WIN',
        },
      })
    ).addRecommendation.id;
  });
  afterAll(() => t?.close());

  describe('good practices linked to a recommendation', () => {
    it('a peer links a published practice once, however often asked, with one audit entry; unlinking removes it', async () => {
      expect((await as.peer.ok(link, { r: recommendationId, g: practiceId })).linkGoodPractice.linkedGoodPractices).toEqual([
        { id: practiceId, title: bergen.action.title, status: 'PUBLISHED' },
      ]);
      expect((await as.leader.ok(link, { r: recommendationId, g: practiceId })).linkGoodPractice.linkedGoodPractices).toHaveLength(1);
      expect(
        await count('SELECT count(*)::int AS n FROM recommendation_good_practice WHERE recommendation_id = $1', [recommendationId]),
      ).toBe(1);
      expect(
        await count("SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = $1 AND action = 'recommendation.linkGoodPractice'", [
          recommendationId,
        ]),
      ).toBe(1);
      // The host city reads the link with the recommendation, from the feedback session on.
      const read = 'query($r: ID!) { reviewRecommendations(reviewId: $r) { id linkedGoodPractices { id } } }';
      expect((await as.leader.ok(read, { r: f.reviewId })).reviewRecommendations[0].linkedGoodPractices).toEqual([{ id: practiceId }]);

      expect((await as.peer.ok(unlink, { r: recommendationId, g: practiceId })).unlinkGoodPractice.linkedGoodPractices).toEqual([]);
      expect((await as.peer.ok(unlink, { r: recommendationId, g: practiceId })).unlinkGoodPractice.linkedGoodPractices).toEqual([]);
      expect(
        await count("SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = $1 AND action = 'recommendation.unlinkGoodPractice'", [
          recommendationId,
        ]),
      ).toBe(1);
    });

    it('refuses a draft practice, an unknown id, the host city, and a withdrawn recommendation, writing nothing', async () => {
      const before = await count('SELECT count(*)::int AS n FROM recommendation_good_practice', []);
      expect((await as.peer.request(link, { r: recommendationId, g: draftPracticeId })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await as.peer.request(link, { r: recommendationId, g: randomUUID() })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await as.peer.request(link, { r: randomUUID(), g: practiceId })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await as.coordinator.request(link, { r: recommendationId, g: practiceId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const withdrawn = (
        await as.peer.ok(addRecommendation, {
          r: f.reviewId,
          input: { text: 'To be withdrawn.', keyFactorIds: [f.keyFactors[1].id], priority: 'LOW', horizon: 'LONG_TERM' },
        })
      ).addRecommendation.id;
      await as.peer.ok('mutation($id: ID!) { withdrawRecommendation(recommendationId: $id, reason: "Merged into another") { id } }', {
        id: withdrawn,
      });
      const refused = await as.peer.request(link, { r: withdrawn, g: practiceId });
      expect(refused.errors?.[0]).toMatchObject({
        message: 'This recommendation was withdrawn; its good practices no longer change.',
        extensions: { code: 'INVALID_TRANSITION' },
      });
      expect(await count('SELECT count(*)::int AS n FROM recommendation_good_practice', [])).toBe(before);
    });
  });

  describe('view as host', () => {
    it('shows the team the findings with names withheld exactly as the host city reads them', async () => {
      const save =
        'mutation($r: ID!, $kf: ID!, $input: ConclusionInput!) { saveConclusion(reviewId: $r, keyFactorId: $kf, input: $input) { id version } }';
      const saved = (
        await as.peer.ok(save, {
          r: f.reviewId,
          kf: f.keyFactors[0].id,
          input: {
            rating: 3,
            summary: 'Amira Haddad told us the forum is open; Olivia Open agreed.',
            strengths: 'Amira noted that the forum meets every month.',
            areasToDevelop: 'More budget.',
          },
        })
      ).saveConclusion;
      const { hostPreview } = await as.leader.ok(preview, { r: f.reviewId });
      expect(hostPreview).toMatchObject({ reviewId: f.reviewId, visibleToHost: false });
      expect(hostPreview.conclusions).toEqual([
        {
          keyFactorCode: f.keyFactors[0].code,
          status: 'DRAFT',
          rating: 3,
          summary: `${WITHHELD} told us the forum is open; Olivia Open agreed.`,
          strengths: `${WITHHELD} noted that the forum meets every month.`,
          areasToDevelop: 'More budget.',
        },
      ]);
      // Only the recommendations not withdrawn.
      expect(hostPreview.recommendations).toEqual([
        {
          id: recommendationId,
          text: `Follow ${WITHHELD}'s advice: fund the forum that ${WITHHELD} runs.`,
          priority: 'HIGH',
          horizon: 'QUICK_WIN',
          suggestedOwner: `The office ${WITHHELD} works with`,
          keyFactorCodes: [f.keyFactors[0].code],
        },
      ]);
      // The team's own reads keep its words.
      expect(
        (await as.leader.ok('query($r: ID!) { reviewConclusions(reviewId: $r) { summary } }', { r: f.reviewId })).reviewConclusions[0]
          .summary,
      ).toContain('Amira Haddad');

      // From the feedback session on, the host city's own read is the preview, word for word.
      await as.leader.ok('mutation($c: ID!, $v: Int!) { agreeConclusion(conclusionId: $c, expectedVersion: $v) { id } }', {
        c: saved.id,
        v: saved.version,
      });
      await t.dataSource.query("UPDATE review SET status = 'FEEDBACK' WHERE id = $1", [f.reviewId]);
      const host = await as.coordinator.ok(
        'query($r: ID!) { reviewConclusions(reviewId: $r) { summary strengths areasToDevelop } reviewRecommendations(reviewId: $r) { text suggestedOwner } }',
        { r: f.reviewId },
      );
      const after = (await as.leader.ok(preview, { r: f.reviewId })).hostPreview;
      expect(after.visibleToHost).toBe(true);
      expect(host.reviewConclusions).toEqual(
        after.conclusions.map(({ summary, strengths, areasToDevelop }: Record<string, string>) => ({ summary, strengths, areasToDevelop })),
      );
      expect(host.reviewRecommendations).toEqual(
        after.recommendations.map(({ text, suggestedOwner }: Record<string, string>) => ({ text, suggestedOwner })),
      );
      await t.dataSource.query("UPDATE review SET status = 'DELIBERATION' WHERE id = $1", [f.reviewId]);
    });

    it('is for the review team: the host city and strangers are refused', async () => {
      expect((await as.coordinator.request(preview, { r: f.reviewId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const stranger = await t.gql.signIn(other.people.peer.email, TEST_PASSWORD);
      expect((await stranger.request(preview, { r: f.reviewId })).errors?.[0].message).toBe('You are not a member of this review.');
    });
  });

  describe('the rigour check of a draft', () => {
    it('says what the saved check would say, counting only this review’s evidence that is not retracted', async () => {
      expect(
        (await as.peer.ok(rigour, { r: f.reviewId, rating: 3, ids: [] })).draftConclusionRigour.map((i: { code: string }) => i.code),
      ).toEqual(['NO_EVIDENCE']);
      const observation = randomUUID();
      const document = randomUUID();
      const elsewhere = randomUUID();
      // Inserted as logged (the logging rules are the evidence tests' subject).
      const insert = `INSERT INTO evidence (id, review_id, source, key_factor_ids, statement, stance, logged_by_id, observed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, now())`;
      await t.dataSource.query(insert, [
        observation,
        f.reviewId,
        'OBSERVATION',
        [f.keyFactors[0].id],
        'Nobody knew of the forum.',
        'CONTRADICTS',
        f.people.peer.id,
      ]);
      await t.dataSource.query(insert, [
        document,
        f.reviewId,
        'DOCUMENT',
        [f.keyFactors[0].id],
        'The strategy does not name the forum.',
        'CONTRADICTS',
        f.people.peer.id,
      ]);
      await t.dataSource.query(insert, [
        elsewhere,
        other.reviewId,
        'DOCUMENT',
        [other.keyFactors[0].id],
        'Elsewhere.',
        'SUPPORTS',
        other.people.peer.id,
      ]);

      expect(
        (await as.peer.ok(rigour, { r: f.reviewId, rating: null, ids: [observation] })).draftConclusionRigour.map(
          (i: { code: string }) => i.code,
        ),
      ).toEqual(['SINGLE_SOURCE_TYPE']);
      // Another review's item does not count as a second source type.
      expect(
        (await as.peer.ok(rigour, { r: f.reviewId, rating: null, ids: [observation, elsewhere] })).draftConclusionRigour.map(
          (i: { code: string }) => i.code,
        ),
      ).toEqual(['SINGLE_SOURCE_TYPE']);
      const high = (await as.peer.ok(rigour, { r: f.reviewId, rating: 4, ids: [observation, document] })).draftConclusionRigour;
      expect(high).toEqual([{ code: 'EVIDENCE_CONTRADICTS_RATING', message: 'rated 4 but 2 of 2 cited items contradict the key factor' }]);
      await as.leader.ok('mutation($id: ID!) { retractEvidence(evidenceId: $id, reason: "Misheard") { id } }', { id: document });
      expect(
        (await as.peer.ok(rigour, { r: f.reviewId, rating: 4, ids: [observation, document] })).draftConclusionRigour.map(
          (i: { code: string }) => i.code,
        ),
      ).toEqual(['SINGLE_SOURCE_TYPE', 'EVIDENCE_CONTRADICTS_RATING']);
    });

    it('refuses ids that are not evidence ids, a rating off the scale, and the host city', async () => {
      const bad = await as.peer.request(rigour, { r: f.reviewId, rating: 3, ids: ['nope'] });
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const offScale = await as.peer.request(rigour, { r: f.reviewId, rating: 9, ids: [] });
      expect(offScale.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        problems: [{ path: 'rating', message: 'must be one of 1, 2, 3, 4' }],
      });
      expect((await as.coordinator.request(rigour, { r: f.reviewId, rating: 3, ids: [] })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });
});
