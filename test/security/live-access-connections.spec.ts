import {
  createReviewFixture,
  createTestApp,
  subscribe,
  SubscriptionClosedError,
  TEST_PASSWORD,
  TestApp,
  TestSubscription,
} from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

const MAX = 2;
const FEED = 'subscription($r: ID!) { evidenceChanged(reviewId: $r) { id } }';

/** WS_MAX_CONNECTIONS_PER_PERSON: one more live connection than allowed is refused, saying why. */
describe('open WebSocket connections per person', () => {
  let t: TestApp;

  beforeAll(async () => {
    process.env.WS_MAX_CONNECTIONS_PER_PERSON = String(MAX);
    try {
      t = await createTestApp({ module: AppModule.register({ workers: false }) });
      const { CatalogueSeed } = await import('@peervisit/catalogue');
      await t.app.get(CatalogueSeed).run();
    } finally {
      delete process.env.WS_MAX_CONNECTIONS_PER_PERSON;
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it(`refuses a person's connection number ${MAX + 1} with 4429 TOO_MANY_CONNECTIONS, other people and a freed slot are not affected`, async () => {
    const f = await createReviewFixture(t.dataSource, { status: 'VISIT', scope: [1] });
    const token = async (email: string) => (await t.gql.signIn(email, TEST_PASSWORD)).token as string;
    const listen = async (email: string) => subscribe(t.url, await token(email), FEED, { r: f.reviewId }, { timeoutMs: 15000 });
    const open: TestSubscription[] = [];
    try {
      // Each subscribe() opens its own socket, listening until closed.
      for (let i = 0; i < MAX; i++) open.push(await listen(f.people.peer.email));
      const refused = await listen(f.people.peer.email).then(
        (s) => (open.push(s), undefined),
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(SubscriptionClosedError);
      expect(refused).toMatchObject({
        code: 4429,
        reason: `TOO_MANY_CONNECTIONS: you already have ${MAX} live connections open; close one first.`,
      });

      open.push(await listen(f.people.leader.email));

      // Closing one frees its slot (counted when the server sees the socket close).
      await open.shift()!.close();
      let again: TestSubscription | undefined;
      for (let attempt = 0; !again && attempt < 50; attempt++) {
        again = await listen(f.people.peer.email).catch(async (error: unknown) => {
          if (!(error instanceof SubscriptionClosedError) || error.code !== 4429) throw error;
          await new Promise((r) => setTimeout(r, 100));
          return undefined;
        });
      }
      expect(again).toBeDefined();
      open.push(again!);
    } finally {
      await Promise.all(open.map((s) => s.close()));
    }
  });
});
