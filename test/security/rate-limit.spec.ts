import { createPerson, createTestApp, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import Redis from 'ioredis';
import { AppModule } from '../../apps/api/src/app.module';

const PER_IP = 6;
const PER_ACCOUNT = 9;
const WINDOW_SECONDS = 5;

/**
 * The global request rate limit over real HTTP, counted in the real Redis (rate-limiter-flexible):
 * per client IP and per signed-in person, shared by every API instance, answered with 429,
 * TOO_MANY_REQUESTS and Retry-After, and lifted when the window ends.
 */
describe('global rate limit', () => {
  let a: TestApp;
  let b: TestApp;
  let redis: Redis;
  let ipCounter = 0;
  // Each test sends from its own documentation-range address (the app trusts X-Forwarded-For from loopback, as createHttpAdapter sets).
  const freshIp = () => `203.0.113.${++ipCounter}`;

  beforeAll(async () => {
    Object.assign(process.env, {
      RATE_LIMIT_PER_IP: String(PER_IP),
      RATE_LIMIT_PER_ACCOUNT: String(PER_ACCOUNT),
      RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
    });
    try {
      // Two instances on the same Redis, as behind a load balancer.
      a = await createTestApp({ module: AppModule.register({ workers: false }) });
      b = await createTestApp({ module: AppModule.register({ workers: false }) });
    } finally {
      for (const name of ['RATE_LIMIT_PER_IP', 'RATE_LIMIT_PER_ACCOUNT', 'RATE_LIMIT_WINDOW_SECONDS']) delete process.env[name];
    }
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  });
  afterAll(async () => {
    redis?.disconnect();
    await a?.close();
    await b?.close();
  });

  const post = (t: TestApp, ip: string, query: string, token?: string, variables?: Record<string, unknown>) =>
    fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'apollo-require-preflight': 'true',
        'x-forwarded-for': ip,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  const signIn = async (email: string, ip: string) => {
    const response = await post(
      a,
      ip,
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }',
      undefined,
      { e: email, p: TEST_PASSWORD },
    );
    return ((await response.json()) as { data: { signIn: { accessToken: string } } }).data.signIn.accessToken;
  };

  async function expectRefused(response: Response) {
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    return { retryAfter, body: (await response.json()) as Record<string, any> };
  }

  it(`refuses the ${PER_IP + 1}th request from one address in a window, counted across instances, not other addresses`, async () => {
    const ip = freshIp();
    for (let i = 0; i < PER_IP; i++) expect((await post(i % 2 ? a : b, ip, '{ __typename }')).status).toBe(200);
    const { body } = await expectRefused(await post(a, ip, '{ __typename }'));
    expect(body).toEqual({
      errors: [
        {
          message: expect.stringMatching(/^Too many requests from this address: try again in \d+ s\.$/),
          extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) },
        },
      ],
    });
    // Plain HTTP routes are counted too, and answer in their own shape.
    const rest = await expectRefused(
      await fetch(`${b.url}/documents/00000000-0000-4000-8000-000000000000/file`, {
        headers: { 'x-forwarded-for': ip, accept: 'application/json' },
      }),
    );
    expect(rest.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) });
    // Another address is not affected; health checks are never limited.
    expect((await post(a, freshIp(), '{ __typename }')).status).toBe(200);
    expect((await fetch(`${a.url}/health`, { headers: { 'x-forwarded-for': ip } })).status).not.toBe(429);
    // Counted in Redis under this installation's prefix.
    expect(await redis.keys(`${process.env.QUEUE_PREFIX}:rate:ip*`)).not.toHaveLength(0);
  });

  it(`refuses a person's ${PER_ACCOUNT + 1}th request in a window from any address, while anonymous requests from those addresses pass`, async () => {
    const person = await createPerson(a.dataSource, { email: 'busy@example.org' });
    const token = await signIn(person.email, freshIp());
    for (let i = 0; i < PER_ACCOUNT; i++) expect((await post(i % 2 ? a : b, freshIp(), '{ me { id } }', token)).status).toBe(200);
    const ip = freshIp();
    const { body } = await expectRefused(await post(b, ip, '{ me { id } }', token));
    expect(body.errors[0]).toMatchObject({
      message: expect.stringMatching(/^Too many requests from your account/),
      extensions: { code: 'TOO_MANY_REQUESTS' },
    });
    expect((await post(b, ip, '{ __typename }')).status).toBe(200);
  });

  it('lets the address in again once Retry-After has passed', async () => {
    const ip = freshIp();
    for (let i = 0; i < PER_IP; i++) await post(a, ip, '{ __typename }');
    const { retryAfter } = await expectRefused(await post(a, ip, '{ __typename }'));
    // The wait it announced is enough.
    await new Promise((r) => setTimeout(r, retryAfter * 1000 + 200));
    expect((await post(a, ip, '{ __typename }')).status).toBe(200);
  });
});
