import { createPerson, createTestApp, GraphqlResponse, OwnRedis, startOwnRedis, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import Redis from 'ioredis';
import { AppModule } from '../../apps/api/src/app.module';

/**
 * A session ended on one API process stays ended on the others through a Redis outage and a Redis
 * that comes back empty: checks fall back to PostgreSQL while Redis is away, and the revocation marks
 * are written again from PostgreSQL when it is back.
 */
describe('session revocation when Redis goes away and comes back empty', () => {
  let redis: OwnRedis | undefined;
  const apps: TestApp[] = [];
  const shared = { REDIS_URL: process.env.REDIS_URL, SESSION_CHECK_CACHE_SECONDS: process.env.SESSION_CHECK_CACHE_SECONDS };

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    await redis?.stop();
    for (const [name, value] of Object.entries(shared)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const codeOf = (r: GraphqlResponse) => r.errors?.[0]?.extensions?.code ?? 'OK';
  const meWith = async (app: TestApp, token: string) => codeOf(await app.gql.as(token).request('{ me { id } }'));
  const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs = 20000) => {
    const until = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('refuses the ended session on another process during the outage and after an empty restart, and keeps the others working', async () => {
    redis = await startOwnRedis();
    Object.assign(process.env, { REDIS_URL: redis.url, SESSION_CHECK_CACHE_SECONDS: '1' });
    const a = await createTestApp({ module: AppModule.register({ workers: false }) });
    apps.push(a);
    const b = await createTestApp({ module: AppModule.register({ workers: false }) });
    apps.push(b);
    const person = await createPerson(a.dataSource, { email: 'outage@example.org' });
    const signIn = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }';
    const ended = (await a.gql.ok(signIn, { e: person.email, p: TEST_PASSWORD })).signIn.accessToken as string;
    const kept = (await a.gql.ok(signIn, { e: person.email, p: TEST_PASSWORD })).signIn.accessToken as string;
    expect(await meWith(b, ended)).toBe('OK');
    await a.gql.as(ended).ok('mutation { signOut }');
    await waitFor('process B to refuse the ended session', async () => (await meWith(b, ended)) === 'UNAUTHENTICATED');

    // Redis away: B's cache lapses (1 s) and it asks PostgreSQL.
    await redis.stop();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await meWith(b, ended)).toBe('UNAUTHENTICATED');
    expect(await meWith(b, kept)).toBe('OK');

    // Redis back without any data: the marks are restored from PostgreSQL on reconnection.
    await redis.start();
    const probe = new Redis(redis.url);
    try {
      await waitFor(
        'the revocation mark to be written again',
        async () => (await probe.keys(`${process.env.QUEUE_PREFIX}:session-revoked:*`)).length > 0,
      );
    } finally {
      probe.disconnect();
    }
    await new Promise((r) => setTimeout(r, 1500));
    expect(await meWith(b, ended)).toBe('UNAUTHENTICATED');
    expect(await meWith(b, kept)).toBe('OK');
    // A process started after the restart has never seen the session: it reads the mark too.
    const c = await createTestApp({ module: AppModule.register({ workers: false }) });
    apps.push(c);
    expect(await meWith(c, ended)).toBe('UNAUTHENTICATED');
    expect(await meWith(c, kept)).toBe('OK');
  }, 180_000);
});
