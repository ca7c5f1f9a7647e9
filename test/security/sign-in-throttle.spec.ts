import { AuthService } from '@peervisit/directory';
import { createPerson, createTestApp, GraphqlResponse, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import Redis from 'ioredis';
import { AppModule } from '../../apps/api/src/app.module';

const MAX_FAILURES = 3;
const MAX_FAILURES_PER_IP = 8;
const MAX_FAILURES_PER_ACCOUNT = 6;
const SIGN_IN = 'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { accessToken } }';

/**
 * Password sign-in throttling over real HTTP, counted in the real Redis (rate-limiter-flexible):
 * per email from one address, per address, per email from new addresses; nobody can lock a person
 * out, because failures elsewhere never block the person's own address and a reset always works.
 */
describe('sign-in throttling', () => {
  let t: TestApp;
  let redis: Redis;
  let ipCounter = 0;
  // Each test signs in from its own documentation-range addresses, so the per-IP count of one test
  // does not reach into another (the app trusts X-Forwarded-For from loopback, as createHttpAdapter sets).
  const freshIp = () => `198.51.100.${++ipCounter}`;

  beforeAll(async () => {
    Object.assign(process.env, {
      SIGN_IN_MAX_FAILURES: String(MAX_FAILURES),
      SIGN_IN_MAX_FAILURES_PER_IP: String(MAX_FAILURES_PER_IP),
      SIGN_IN_MAX_FAILURES_PER_ACCOUNT: String(MAX_FAILURES_PER_ACCOUNT),
      SIGN_IN_LOCKOUT_SECONDS: '900',
    });
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  });
  afterAll(async () => {
    redis?.disconnect();
    await t?.close();
    for (const name of [
      'SIGN_IN_MAX_FAILURES',
      'SIGN_IN_MAX_FAILURES_PER_IP',
      'SIGN_IN_MAX_FAILURES_PER_ACCOUNT',
      'SIGN_IN_LOCKOUT_SECONDS',
    ])
      delete process.env[name];
  });

  async function signIn(email: string, password: string, ip: string): Promise<GraphqlResponse> {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', 'x-forwarded-for': ip },
      body: JSON.stringify({ query: SIGN_IN, variables: { email, password } }),
    });
    return (await response.json()) as GraphqlResponse;
  }
  const codeOf = (r: GraphqlResponse) => r.errors?.[0]?.extensions?.code ?? 'OK';
  async function failTimes(email: string, times: number, ip: string) {
    for (let i = 0; i < times; i++) expect(codeOf(await signIn(email, 'not-the-password', ip))).toBe('UNAUTHENTICATED');
  }
  const prefixKeys = async () => (await redis.keys(`${process.env.QUEUE_PREFIX}:sign-in:*`)).sort();

  it(`refuses the email from an address after ${MAX_FAILURES} failures there, even with the right password, saying when to try again`, async () => {
    const person = await createPerson(t.dataSource, { email: 'locked@example.org' });
    const ip = freshIp();
    await failTimes(person.email, MAX_FAILURES, ip);
    const refused = await signIn(person.email, TEST_PASSWORD, ip);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]).toMatchObject({
      message: 'Too many failed sign-ins: try again in 15 minutes, or reset your password (requestPasswordReset).',
      extensions: { code: 'TOO_MANY_ATTEMPTS' },
    });
    const { retryAfterSeconds, retryAt } = refused.errors![0].extensions as { retryAfterSeconds: number; retryAt: string };
    expect(retryAfterSeconds).toBeGreaterThan(800);
    expect(retryAfterSeconds).toBeLessThanOrEqual(900);
    expect(Math.abs(Date.parse(retryAt) - (Date.now() + retryAfterSeconds * 1000))).toBeLessThan(60_000);
  });

  // The lockout used to be per email from anywhere: five wrong passwords by anyone locked the person out.
  it("an attacker's failures do not lock the person out: the right password from the person's own address still works", async () => {
    const person = await createPerson(t.dataSource, { email: 'target@example.org' });
    const attacker = freshIp();
    await failTimes(person.email, MAX_FAILURES, attacker);
    expect(codeOf(await signIn(person.email, TEST_PASSWORD, attacker))).toBe('TOO_MANY_ATTEMPTS');
    expect(codeOf(await signIn(person.email, TEST_PASSWORD, freshIp()))).toBe('OK');
  });

  it('counts the email normalised: case and spaces do not give more attempts', async () => {
    const person = await createPerson(t.dataSource, { email: 'mixed.case@example.org' });
    const ip = freshIp();
    await failTimes(' Mixed.Case@Example.ORG', 1, ip);
    await failTimes('MIXED.CASE@example.org ', 1, ip);
    await failTimes(person.email, 1, ip);
    expect(codeOf(await signIn(person.email, TEST_PASSWORD, ip))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('throttles an unknown email exactly like a known one, so the refusal reveals no account', async () => {
    await createPerson(t.dataSource, { email: 'known@example.org' });
    const known = freshIp();
    const unknown = freshIp();
    await failTimes('known@example.org', MAX_FAILURES, known);
    await failTimes('nobody-here@example.org', MAX_FAILURES, unknown);
    const a = await signIn('known@example.org', TEST_PASSWORD, known);
    const b = await signIn('nobody-here@example.org', TEST_PASSWORD, unknown);
    expect(codeOf(a)).toBe('TOO_MANY_ATTEMPTS');
    // Same code, same message, same extensions (up to the clock): nothing tells the two apart.
    const shape = (r: GraphqlResponse) => ({
      message: r.errors?.[0].message,
      keys: Object.keys(r.errors?.[0].extensions ?? {}).sort(),
      data: r.data ?? null,
    });
    expect(shape(b)).toEqual(shape(a));
  });

  it('a successful sign-in resets the count of the email from that address', async () => {
    const person = await createPerson(t.dataSource, { email: 'forgetful@example.org' });
    const ip = freshIp();
    await failTimes(person.email, MAX_FAILURES - 1, ip);
    expect(codeOf(await signIn(person.email, TEST_PASSWORD, ip))).toBe('OK');
    await failTimes(person.email, MAX_FAILURES - 1, ip);
    expect(codeOf(await signIn(person.email, TEST_PASSWORD, ip))).toBe('OK');
  });

  it(`refuses an address after ${MAX_FAILURES_PER_IP} failures over any emails, and only that address`, async () => {
    const person = await createPerson(t.dataSource, { email: 'bystander@example.org' });
    const attacker = freshIp();
    // Spread over many emails, each below its own limit.
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await failTimes(`guess-${i % 4}@example.org`, 1, attacker);
    expect(codeOf(await signIn(person.email, TEST_PASSWORD, attacker))).toBe('TOO_MANY_ATTEMPTS');
    expect(codeOf(await signIn(person.email, TEST_PASSWORD, freshIp()))).toBe('OK');
  });

  // Without an atomic count before the check, every request that arrives while the count is below the
  // limit is let through to the password check: 30 parallel requests were 30 guesses.
  it(`verifies at most ${MAX_FAILURES} of 30 parallel wrong sign-ins for one email from one address`, async () => {
    const person = await createPerson(t.dataSource, { email: 'stampede@example.org' });
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 30 }, () => signIn(person.email, 'not-the-password', ip)));
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(MAX_FAILURES);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(30 - MAX_FAILURES);
  });

  it(`a botnet gets at most ${MAX_FAILURES_PER_ACCOUNT} guesses at one account; the person still gets in from an address they used, or with a reset`, async () => {
    const person = await createPerson(t.dataSource, { email: 'botnet-target@example.org' });
    const home = freshIp();
    expect(codeOf(await signIn(person.email, TEST_PASSWORD, home))).toBe('OK');
    // Thirty addresses at once, one guess each: only the per-account limit applies.
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(person.email, 'not-the-password', `203.0.113.${i + 1}`)));
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(30 - MAX_FAILURES_PER_ACCOUNT);
    // A new address is kept out, saying how to get in...
    const elsewhere = await signIn(person.email, TEST_PASSWORD, freshIp());
    expect(elsewhere.errors?.[0]).toMatchObject({
      extensions: { code: 'TOO_MANY_ATTEMPTS' },
      message: expect.stringContaining('sign in from a device or network you have used before'),
    });
    // ...the address the person signed in from before is not...
    expect(codeOf(await signIn(person.email, TEST_PASSWORD, home))).toBe('OK');
    // ...and a password reset lets them in from anywhere.
    await t.app.get(AuthService).requestPasswordReset(person.email);
    const [row] = await t.dataSource.query(
      "SELECT data->>'secret' AS secret FROM outbox_message WHERE template = 'password-reset' AND recipient_email = $1",
      [person.email],
    );
    await t.gql.ok('mutation($t: String!) { resetPassword(token: $t, newPassword: "botnet-proof-password") { accessToken } }', {
      t: row.secret,
    });
    expect(codeOf(await signIn(person.email, 'botnet-proof-password', freshIp()))).toBe('OK');
  });

  it('does not count a successful sign-in against the address', async () => {
    const ip = freshIp();
    const person = await createPerson(t.dataSource, { email: 'regular@example.org' });
    for (let i = 0; i < MAX_FAILURES_PER_IP - 1; i++) await failTimes(`typo-${i}@example.org`, 1, ip);
    for (let i = 0; i < MAX_FAILURES_PER_IP + 1; i++) expect(codeOf(await signIn(person.email, TEST_PASSWORD, ip))).toBe('OK');
    // The address still has exactly one failure left.
    await failTimes('one-more@example.org', 1, ip);
    expect(codeOf(await signIn(person.email, TEST_PASSWORD, ip))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('keeps its counts in Redis under QUEUE_PREFIX, without the emails in clear, and lifts the lock when the window ends', async () => {
    const person = await createPerson(t.dataSource, { email: 'patient@example.org' });
    const ip = freshIp();
    await failTimes(person.email, MAX_FAILURES, ip);
    expect(codeOf(await signIn(person.email, TEST_PASSWORD, ip))).toBe('TOO_MANY_ATTEMPTS');
    const keys = (await prefixKeys()).filter((key) => !key.includes(':known:'));
    expect(keys.length).toBeGreaterThan(0);
    expect((await prefixKeys()).join(' ')).not.toContain('@');
    for (const key of keys) {
      const ttl = await redis.ttl(key);
      expect({ key, ttlInWindow: ttl > 0 && ttl <= 900 }).toEqual({ key, ttlInWindow: true });
    }
    // End every window now (rather than wait 15 minutes): Redis expires the counts for real.
    for (const key of keys) await redis.pexpire(key, 200);
    const until = Date.now() + 15_000;
    while ((await prefixKeys()).some((key) => !key.includes(':known:')) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect((await prefixKeys()).filter((key) => !key.includes(':known:'))).toEqual([]);
    expect(codeOf(await signIn(person.email, TEST_PASSWORD, ip))).toBe('OK');
  });
});
