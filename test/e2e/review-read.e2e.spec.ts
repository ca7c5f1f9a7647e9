import { randomUUID } from 'node:crypto';
import { countQueries, createPerson, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';
import {
  missingFromWholeReview,
  seedWholeReview,
  WHOLE_REVIEW_QUERY,
  WHOLE_REVIEW_READS,
  WholeReview,
} from '../../scripts/bench/review-read';

/**
 * Issue #9, reading a whole review in one query: the number of SQL statements is a constant, not a
 * function of how many evidence items the review holds, nor of which statement happens to answer first
 * (the per-request loaders are keyed so that every path to people and key factors shares one batch).
 */
describe('reading a whole review in one query', () => {
  let t: TestApp;
  const SESSIONS = 6;
  const limit = WHOLE_REVIEW_READS.length;
  const reviews: Record<number, { id: string; leader: GraphqlClient }> = {};

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    for (const items of [20, 200]) {
      const { review, leader } = await seedWholeReview(t, { items, sessions: SESSIONS });
      reviews[items] = { id: review.reviewId, leader };
    }
  }, 120_000);
  afterAll(() => t?.close());

  const read = async (items: number) => {
    const answer = await reviews[items].leader.request<WholeReview>(WHOLE_REVIEW_QUERY, { id: reviews[items].id });
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  };

  it('answers with every item, session, conclusion and recommendation, people and key factors filled in', async () => {
    for (const items of [20, 200]) expect(missingFromWholeReview(await read(items), { items, sessions: SESSIONS })).toEqual([]);
  });

  it('sends the same number of statements at 20 and at 200 items, on every run, within the enumerated reads', async () => {
    const counts: Record<number, number[]> = { 20: [], 200: [] };
    let statements: string[] = [];
    await read(20); // warm: first-use compilation, pool connections
    for (let run = 0; run < 4; run++) {
      for (const items of [20, 200]) {
        const counted = await countQueries(t.dataSource, () => read(items));
        counts[items].push(counted.count);
        statements = counted.statements;
      }
    }
    const seen = [...new Set([...counts[20], ...counts[200]])];
    // On failure, the statements of the last request say what was read more than once.
    expect({ seen, statements: seen.length === 1 && seen[0] <= limit ? 'ok' : statements }).toEqual({ seen: [seen[0]], statements: 'ok' });
    expect(seen[0]).toBeLessThanOrEqual(limit);
  });

  it('still names who logged an item when they are not on the team (looked up by id)', async () => {
    const admin = await createPerson(t.dataSource, { fullName: 'Sam Secretariat', isAdmin: true });
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO evidence (id, review_id, source, key_factor_ids, statement, stance, logged_by_id, observed_at, revision)
       SELECT $1, $2, 'OBSERVATION', ARRAY[key_factor_id], 'Seen by the secretariat.', 'NEUTRAL', $3, now() + interval '1 day', 1 FROM conclusion WHERE review_id = $2 LIMIT 1`,
      [id, reviews[20].id, admin.id],
    );
    const client = await t.gql.signIn(admin.email, TEST_PASSWORD);
    const page = await client.ok(
      'query($r: ID!) { reviewEvidence(reviewId: $r, first: 1) { nodes { id loggedBy { fullName } keyFactors { code } } } }',
      { r: reviews[20].id },
    );
    expect(page.reviewEvidence.nodes[0]).toMatchObject({
      id,
      loggedBy: { fullName: 'Sam Secretariat' },
      keyFactors: [{ code: expect.any(String) }],
    });
  });
});
