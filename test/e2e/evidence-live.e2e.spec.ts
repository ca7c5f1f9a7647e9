import { randomUUID } from 'node:crypto';
import { countQueries, createReviewFixture, createTestApp, subscribe, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/** The live feed of evidence across two API instances, and the coverage board's fixed SQL cost. */
describe('evidence live and coverage cost', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    // Two API instances on the same database and Redis, as behind a load balancer.
    a = await createTestApp({ module: AppModule.register({ workers: false }) });
    b = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await a.app.get(CatalogueSeed).run();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const logMutation = 'mutation($r: ID!, $input: EvidenceInput!) { logEvidence(reviewId: $r, input: $input) { outcome } }';
  const observation = (keyFactorIds: string[], statement = 'A multilingual welcome desk at the city hall.') => ({
    id: randomUUID(),
    source: 'OBSERVATION',
    keyFactorIds,
    statement,
    stance: 'SUPPORTS',
  });

  it('an item logged through instance A reaches a subscriber connected to instance B', async () => {
    const f = await createReviewFixture(a.dataSource, { status: 'VISIT', scope: [1, 2] });
    const peerOnA = await a.gql.signIn(f.people.peer.email, TEST_PASSWORD);
    const leaderOnB = await b.gql.signIn(f.people.leader.email, TEST_PASSWORD);
    const token = leaderOnB.token as string;
    const feed = await subscribe(
      b.url,
      token,
      'subscription($r: ID!) { evidenceChanged(reviewId: $r) { id statement stance observedAt loggedBy { id } keyFactors { code } } }',
      { r: f.reviewId },
    );
    try {
      const item = observation([f.keyFactors[1].id]);
      await peerOnA.ok(logMutation, { r: f.reviewId, input: item });
      const event = await feed.next();
      expect(event.errors).toBeUndefined();
      expect(event.data?.evidenceChanged).toMatchObject({
        id: item.id,
        statement: item.statement,
        loggedBy: { id: f.people.peer.id },
        keyFactors: [{ code: '02' }],
      });
      expect(new Date(event.data?.evidenceChanged.observedAt).getTime()).not.toBeNaN();
      // A retry of the same item is not news.
      await peerOnA.ok(logMutation, { r: f.reviewId, input: item });
      await feed.expectNothing(300);
      // Another review's evidence does not reach this feed.
      const other = await createReviewFixture(a.dataSource, { status: 'VISIT', scope: [1] });
      const otherPeer = await a.gql.signIn(other.people.peer.email, TEST_PASSWORD);
      await otherPeer.ok(logMutation, { r: other.reviewId, input: observation([other.keyFactors[0].id]) });
      await feed.expectNothing(300);
    } finally {
      await feed.close();
    }
  });

  it('the host city cannot subscribe to raw evidence', async () => {
    const f = await createReviewFixture(a.dataSource, { status: 'VISIT', scope: [1] });
    const coordinator = await b.gql.signIn(f.people.coordinator.email, TEST_PASSWORD);
    const feed = await subscribe(b.url, coordinator.token as string, 'subscription($r: ID!) { evidenceChanged(reviewId: $r) { id } }', {
      r: f.reviewId,
    });
    try {
      const event = await feed.next();
      expect(event.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    } finally {
      await feed.close();
    }
  });

  it('the coverage board costs the same number of SQL statements for 2 key factors and 3 items as for 13 and 60', async () => {
    const query = `query($r: ID!) { evidenceCoverage(reviewId: $r) {
      keyFactors { keyFactor { code heading } total bySource { source count } byStance { stance count } lacksInterviewOrFocusGroup }
      lackingInterviewOrFocusGroup { code } } }`;
    const measure = async (scope: number[] | undefined, items: number) => {
      const f = await createReviewFixture(a.dataSource, { status: 'VISIT', scope });
      const peer = await a.gql.signIn(f.people.peer.email, TEST_PASSWORD);
      const batch = Array.from({ length: items }, (_, i) =>
        observation([f.keyFactors[i % f.keyFactors.length].id], `Observation number ${i}.`),
      );
      await peer.ok('mutation($r: ID!, $items: [EvidenceInput!]!) { logEvidenceBatch(reviewId: $r, items: $items) { outcome } }', {
        r: f.reviewId,
        items: batch,
      });
      const { count, result } = await countQueries(a.dataSource, () => peer.ok(query, { r: f.reviewId }));
      return {
        count,
        keyFactors: result.evidenceCoverage.keyFactors.length,
        total: result.evidenceCoverage.keyFactors.reduce((n: number, k: { total: number }) => n + k.total, 0),
      };
    };
    const small = await measure([1, 2], 3);
    const large = await measure(undefined, 60);
    expect(small).toMatchObject({ keyFactors: 2, total: 3 });
    expect(large).toMatchObject({ keyFactors: 13, total: 60 });
    expect(large.count).toBe(small.count);
    expect(small.count).toBeLessThanOrEqual(5);
  });
});
