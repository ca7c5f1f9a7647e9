import { APP_CONFIG, AppConfig } from '@peervisit/platform';
import { createPerson, createTestApp, subscribe, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import jwt from 'jsonwebtoken';
import { AppModule } from '../../apps/api/src/app.module';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Forged and expired access tokens are refused over HTTP (GraphQL and REST) and on the WebSocket. */
describe('tampered and expired access tokens', () => {
  let t: TestApp;
  let valid: string;
  const forged: Record<string, string> = {};
  let expired: string;

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const person = await createPerson(t.dataSource, { email: 'plain@example.org' });
    const admin = await createPerson(t.dataSource, { email: 'boss@example.org', isAdmin: true });
    valid = (await t.gql.signIn(person.email, TEST_PASSWORD)).token as string;
    const [header, payload, signature] = valid.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const secret = t.app.get<AppConfig>(APP_CONFIG).jwtSecret;
    // The payload made admin (another person's id too), the original signature kept.
    forged['changed payload, old signature'] = `${header}.${b64({ ...claims, sub: admin.id, admin: true })}.${signature}`;
    forged['signed with another secret'] = jwt.sign(
      { sub: admin.id, email: admin.email, admin: true },
      'another-secret-that-is-long-enough-1234',
      { algorithm: 'HS256', issuer: 'peervisit', expiresIn: 600 },
    );
    forged['alg none'] = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, admin: true })}.`;
    forged['the right secret, another issuer'] = jwt.sign({ sub: admin.id, email: admin.email, admin: true }, secret, {
      algorithm: 'HS256',
      issuer: 'someone-else',
      expiresIn: 600,
    });
    forged['garbage'] = 'not.a.token';
    // Rightly signed, but without a session (as tokens were before sessions): it could never be revoked.
    const sessionless = { sub: claims.sub, email: claims.email, admin: claims.admin };
    forged['no session (sid) claim'] = jwt.sign(sessionless, secret, { algorithm: 'HS256', issuer: 'peervisit', expiresIn: 600 });

    expired = jwt.sign({ ...claims, iat: Math.floor(Date.now() / 1000) - 3600, exp: Math.floor(Date.now() / 1000) - 60 }, secret, {
      algorithm: 'HS256',
    });
  });
  afterAll(() => t?.close());

  it('the genuine token works (so the refusals below are about the tokens)', async () => {
    expect((await t.gql.as(valid).ok('{ me { email } }')).me.email).toBe('plain@example.org');
  });

  it('refuses every forged token with UNAUTHENTICATED on GraphQL and on REST, and no data', async () => {
    for (const [what, token] of Object.entries(forged)) {
      const result = await t.gql.as(token).request('{ me { id isAdmin } }');
      expect({ what, code: result.errors?.[0]?.extensions?.code, message: result.errors?.[0]?.message, data: result.data ?? null }).toEqual(
        {
          what,
          code: 'UNAUTHENTICATED',
          message: 'The access token is not valid: sign in again.',
          data: null,
        },
      );
      const rest = await fetch(`${t.url}/documents/00000000-0000-4000-8000-000000000000/file`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect({ what, status: rest.status }).toEqual({ what, status: 401 });
    }
  });

  it('refuses an expired token, saying it expired', async () => {
    const result = await t.gql.as(expired).request('{ me { id } }');
    expect(result.errors?.[0]).toMatchObject({
      message: 'Your access token has expired: refresh it (refreshSession) or sign in again.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(result.data ?? null).toBeNull();
  });

  it('closes the subscription socket (4403, UNAUTHENTICATED) for a forged or expired token', async () => {
    const query = 'subscription($r: ID!) { evidenceChanged(reviewId: $r) { id } }';
    const variables = { r: '00000000-0000-4000-8000-000000000000' };
    for (const [what, token] of [...Object.entries(forged), ['expired', expired]]) {
      const outcome = await subscribe(t.url, token, query, variables).then(
        async (s) => (await s.close(), { what, refused: false, reason: '' }),
        (error: { code?: number; reason?: string }) => ({ what, refused: error.code === 4403, reason: error.reason ?? '' }),
      );
      expect(outcome).toMatchObject({ what, refused: true, reason: expect.stringMatching(/^UNAUTHENTICATED: /) });
    }
  });
});
