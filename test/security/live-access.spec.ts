import { randomUUID } from 'node:crypto';
import {
  createReviewFixture,
  createTestApp,
  GraphqlClient,
  subscribe,
  SubscriptionClosedError,
  TEST_PASSWORD,
  TestApp,
  TestSubscription,
} from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

const EVIDENCE_FEED = 'subscription($r: ID!) { evidenceChanged(reviewId: $r) { id statement } }';
const REPORT_FEED = 'subscription($r: ID!) { reportChanged(reviewId: $r) { id } }';
// Generous waits: the machine running the suite may be busy; each wait ends as soon as its result arrives.
const WAIT = { timeoutMs: 15000 };
const LOG = 'mutation($r: ID!, $input: EvidenceInput!) { logEvidence(reviewId: $r, input: $input) { outcome } }';

type Fixture = Awaited<ReturnType<typeof createReviewFixture>>;

/**
 * Membership changes take effect on live streams and feeds at once: every subscription checks its
 * reader's access before each event and when the review's team or status changes, the socket checks
 * its access token before each event and closes when it expires, and the private calendar feed is
 * read against the current team. Real API, real graphql-ws clients, real Redis and PostgreSQL.
 */
describe('live streams and feeds end when access ends', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
  });
  afterAll(async () => {
    await t?.close();
  });

  const item = (f: Fixture, statement: string) => ({
    id: randomUUID(),
    source: 'OBSERVATION',
    keyFactorIds: [f.keyFactors[0].id],
    statement,
    stance: 'SUPPORTS',
  });

  /** Logs an item as the second peer and waits for a subscriber who still may read to receive it. */
  async function logSeenBy(f: Fixture, witness: TestSubscription, statement: string) {
    const peer2 = await t.gql.signIn(f.people.peer2.email, TEST_PASSWORD);
    await peer2.ok(LOG, { r: f.reviewId, input: item(f, statement) });
    expect((await witness.next()).data?.evidenceChanged.statement).toBe(statement);
  }

  /** The stream's last result is this error, and then it is over. */
  async function expectEnded(feed: TestSubscription, code: string, message: RegExp) {
    const last = await feed.next();
    expect(last.data?.evidenceChanged ?? last.data?.reportChanged ?? null).toBeNull();
    expect(last.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code } });
    await expect(feed.next()).rejects.toThrow('The subscription completed');
  }

  /** A session in the review with the person assigned, and their private calendar feed URL. */
  async function sessionInCalendar(f: Fixture, person: { id: string; email: string }) {
    const [session] = await t.dataSource.query(
      `INSERT INTO visit_session (review_id, kind, title, starts_at, ends_at, created_by_id)
       VALUES ($1, 'INTERVIEW', $2, '2027-03-10T09:00:00Z', '2027-03-10T10:00:00Z', $3) RETURNING id`,
      [f.reviewId, `Interview ${randomUUID().slice(0, 8)}`, f.people.leader.id],
    );
    await t.dataSource.query("INSERT INTO session_assignment (session_id, person_id, part) VALUES ($1, $2, 'INTERVIEWER')", [
      session.id,
      person.id,
    ]);
    const me = await t.gql.signIn(person.email, TEST_PASSWORD);
    const { resetMyCalendarFeed } = await me.ok<{ resetMyCalendarFeed: { url: string } }>('mutation { resetMyCalendarFeed { url } }');
    const path = new URL(resetMyCalendarFeed.url).pathname;
    return { sessionId: session.id as string, read: async () => (await fetch(`${t.url}${path}`)).text() };
  }

  /**
   * The peer and the leader each subscribed to the review's evidence, both having received a first
   * item (so both listen and may read); then `steps`, then both sockets closed.
   */
  async function withFeeds(
    f: Fixture,
    steps: (c: { peer: GraphqlClient; leader: GraphqlClient; feed: TestSubscription; leaderFeed: TestSubscription }) => Promise<void>,
  ) {
    const peer = await t.gql.signIn(f.people.peer.email, TEST_PASSWORD);
    const leader = await t.gql.signIn(f.people.leader.email, TEST_PASSWORD);
    const feed = await subscribe(t.url, tokenOf(peer), EVIDENCE_FEED, { r: f.reviewId }, WAIT);
    const leaderFeed = await subscribe(t.url, tokenOf(leader), EVIDENCE_FEED, { r: f.reviewId }, WAIT);
    try {
      await logSeenBy(f, leaderFeed, 'While the peer may read.');
      expect((await feed.next()).data?.evidenceChanged.statement).toBe('While the peer may read.');
      await steps({ peer, leader, feed, leaderFeed });
    } finally {
      await feed.close();
      await leaderFeed.close();
    }
  }

  const memberId = async (f: Fixture, personId: string) =>
    (
      await t.dataSource.query('SELECT id FROM team_member WHERE review_id = $1 AND person_id = $2 AND removed_at IS NULL', [
        f.reviewId,
        personId,
      ])
    )[0].id as string;

  it('removeTeamMember ends the removed peer’s evidence stream at once, and their calendar drops the review’s sessions', async () => {
    const f = await createReviewFixture(t.dataSource, { status: 'VISIT', scope: [1] });
    const calendar = await sessionInCalendar(f, f.people.peer);
    expect(await calendar.read()).toContain(`session-${calendar.sessionId}-`);

    await withFeeds(f, async ({ peer, leader, feed, leaderFeed }) => {
      await leader.ok('mutation($r: ID!, $m: ID!) { removeTeamMember(reviewId: $r, memberId: $m) { removedAt } }', {
        r: f.reviewId,
        m: await memberId(f, f.people.peer.id),
      });
      // Ended by the removal itself, before any new evidence.
      await expectEnded(feed, 'FORBIDDEN', /not a member of this review/);

      await logSeenBy(f, leaderFeed, 'After the removal.');
      expect(await calendar.read()).not.toContain(calendar.sessionId);
      // Subscribing again is refused.
      const again = await subscribe(t.url, tokenOf(peer), EVIDENCE_FEED, { r: f.reviewId }, WAIT);
      await expectEnded(again, 'FORBIDDEN', /not a member of this review/).finally(() => again.close());
    });
  });

  it('a role that may not read evidence gets no further event, even when nothing announced the change', async () => {
    const f = await createReviewFixture(t.dataSource, { status: 'VISIT', scope: [1] });
    await withFeeds(f, async ({ feed, leaderFeed }) => {
      // The role changes in the database alone (no pub-sub message): only the per-event check can catch it.
      await t.dataSource.query("UPDATE team_member SET role = 'OBSERVER' WHERE review_id = $1 AND person_id = $2", [
        f.reviewId,
        f.people.peer.id,
      ]);
      await logSeenBy(f, leaderFeed, 'Not for observers.');
      await expectEnded(feed, 'FORBIDDEN', /Only the expert leader or peer can do this; you are the observer/);
    });
  });

  it('cancelling the review ends every live stream of it, and calendars drop its sessions', async () => {
    const f = await createReviewFixture(t.dataSource, { status: 'VISIT', scope: [1] });
    const calendar = await sessionInCalendar(f, f.people.peer);
    expect(await calendar.read()).toContain(calendar.sessionId);
    const peer = await t.gql.signIn(f.people.peer.email, TEST_PASSWORD);
    const leader = await t.gql.signIn(f.people.leader.email, TEST_PASSWORD);
    const evidence = await subscribe(t.url, tokenOf(peer), EVIDENCE_FEED, { r: f.reviewId }, WAIT);
    const reports = await subscribe(t.url, tokenOf(leader), REPORT_FEED, { r: f.reviewId }, WAIT);
    try {
      await leader.ok('mutation($r: ID!) { cancelReview(reviewId: $r, reason: "The city withdrew.") { status } }', { r: f.reviewId });
      await expectEnded(evidence, 'FORBIDDEN', /cancelled/);
      await expectEnded(reports, 'FORBIDDEN', /cancelled/);
      expect(await calendar.read()).not.toContain(calendar.sessionId);
    } finally {
      await evidence.close();
      await reports.close();
    }
  });

  it('signing out closes the session’s socket at once, and nothing more reaches it', async () => {
    const f = await createReviewFixture(t.dataSource, { status: 'VISIT', scope: [1] });
    await withFeeds(f, async ({ peer, feed, leaderFeed }) => {
      await peer.ok('mutation { signOut }');
      // Closed by the revocation itself, before any new evidence.
      await expect(feed.next()).rejects.toMatchObject({ code: 4403, reason: 'UNAUTHENTICATED: your session has ended; sign in again.' });
      await logSeenBy(f, leaderFeed, 'After signing out.');
    });
  });

  describe('with 10-second access tokens', () => {
    let short: TestApp;
    beforeAll(async () => {
      // Long enough to sign in and subscribe on a busy machine, short enough to wait for.
      process.env.ACCESS_TOKEN_TTL_SECONDS = '10';
      try {
        short = await createTestApp({ module: AppModule.register({ workers: false }) });
      } finally {
        delete process.env.ACCESS_TOKEN_TTL_SECONDS;
      }
    });
    afterAll(async () => {
      await short?.close();
    });

    it('closes the socket when its access token expires; the client reconnects with a fresh token', async () => {
      const f = await createReviewFixture(t.dataSource, { status: 'VISIT', scope: [1] });
      const feed = await subscribe(
        short.url,
        tokenOf(await short.gql.signIn(f.people.peer.email, TEST_PASSWORD)),
        EVIDENCE_FEED,
        { r: f.reviewId },
        WAIT,
      );
      try {
        const closed = await feed.next(25000).then(
          (result) => ({ result }),
          (error: unknown) => error,
        );
        expect(closed).toBeInstanceOf(SubscriptionClosedError);
        expect(closed).toMatchObject({ code: 4403, reason: 'UNAUTHENTICATED: your access token expired; reconnect with a fresh one.' });
      } finally {
        await feed.close();
      }
      const fresh = await subscribe(
        short.url,
        tokenOf(await short.gql.signIn(f.people.peer.email, TEST_PASSWORD)),
        EVIDENCE_FEED,
        { r: f.reviewId },
        WAIT,
      );
      try {
        await (
          await short.gql.signIn(f.people.peer2.email, TEST_PASSWORD)
        ).ok(LOG, { r: f.reviewId, input: item(f, 'After reconnecting.') });
        expect((await fresh.next()).data?.evidenceChanged.statement).toBe('After reconnecting.');
      } finally {
        await fresh.close();
      }
    });
  });
});

/** The bearer token a signed-in test client sends. */
const tokenOf = (client: GraphqlClient) => client.token as string;
