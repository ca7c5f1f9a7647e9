import { createPerson, createReviewFixture, createTestApp, GraphqlResponse, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

const SIGN_IN =
  'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken expiresAt refreshToken refreshExpiresAt person { id } } }';
const REFRESH = 'mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken refreshToken refreshExpiresAt } }';
const ME = '{ me { id } }';

interface Session {
  accessToken: string;
  refreshToken: string;
  refreshExpiresAt: string;
}

/**
 * Revocable sessions over real HTTP on PostgreSQL and Redis: rotating refresh tokens with reuse
 * detection, sign-out, listing and ending one's sessions, and password resets ending everything.
 */
describe('sessions: short-lived access tokens, rotating refresh tokens, revocation', () => {
  let t: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    // A second API process on the same database and Redis, as API_PROCESSES > 1 runs.
    second = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  const signIn = async (email: string, userAgent = 'jest'): Promise<Session> => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', 'user-agent': userAgent },
      body: JSON.stringify({ query: SIGN_IN, variables: { e: email, p: TEST_PASSWORD } }),
    });
    const body = (await response.json()) as GraphqlResponse<{ signIn: Session }>;
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    return body.data.signIn;
  };
  const codeOf = (r: GraphqlResponse) => r.errors?.[0]?.extensions?.code ?? 'OK';
  const meWith = async (app: TestApp, token: string) => codeOf(await app.gql.as(token).request(ME));
  const refresh = (refreshToken: string) => t.gql.request<{ refreshSession: Session }>(REFRESH, { r: refreshToken });

  it('signIn answers a refresh token valid for REFRESH_TOKEN_TTL_DAYS (30 days) besides the access token', async () => {
    const person = await createPerson(t.dataSource, { email: 'fresh@example.org' });
    const session = await signIn(person.email);
    expect(await meWith(t, session.accessToken)).toBe('OK');
    const days = (Date.parse(session.refreshExpiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    // Only the hash is stored.
    const stored = await t.dataSource.query('SELECT token_hash FROM refresh_token');
    expect(JSON.stringify(stored)).not.toContain(session.refreshToken);
  });

  it('a refresh rotates the token; a used one presented again ends the whole session, its access tokens too', async () => {
    const person = await createPerson(t.dataSource, { email: 'rotating@example.org' });
    const first = await signIn(person.email);
    const next = (await refresh(first.refreshToken)).data!.refreshSession;
    expect(next.refreshToken).not.toBe(first.refreshToken);
    expect(await meWith(t, next.accessToken)).toBe('OK');
    const third = (await refresh(next.refreshToken)).data!.refreshSession;

    // Someone replays the first token (stolen, say): refused, and the session ends for everyone.
    const replay = await refresh(first.refreshToken);
    expect(replay.errors?.[0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringMatching(/^This refresh token was already used/),
    });
    expect(codeOf(await refresh(third.refreshToken))).toBe('UNAUTHENTICATED');
    expect(await meWith(t, third.accessToken)).toBe('UNAUTHENTICATED');
    expect(await meWith(t, first.accessToken)).toBe('UNAUTHENTICATED');
  });

  it('a phone offline for hours refreshes when it is back, and the session slides forward; one unused past its lifetime is refused', async () => {
    const person = await createPerson(t.dataSource, { email: 'offline@example.org' });
    const session = await signIn(person.email);
    // Twenty hours without a word: its access token is long expired, its refresh token is not.
    await t.dataSource.query(
      "UPDATE auth_session SET last_used_at = now() - interval '20 hours', expires_at = now() + interval '29 days' WHERE person_id = $1",
      [person.id],
    );
    // The app sends its stale access token along: the public refresh must not be refused for it.
    const back = await t.gql.as(`${session.accessToken}-stale`).request<{ refreshSession: Session }>(REFRESH, { r: session.refreshToken });
    expect(codeOf(back)).toBe('OK');
    expect(Date.parse(back.data!.refreshSession.refreshExpiresAt)).toBeGreaterThan(Date.now() + 29.9 * 86_400_000);

    await t.dataSource.query("UPDATE auth_session SET expires_at = now() - interval '1 minute' WHERE person_id = $1", [person.id]);
    const late = await refresh(back.data!.refreshSession.refreshToken);
    expect(late.errors?.[0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringMatching(/^This session expired on .* after 30 days without use/),
    });
  });

  it("signOut ends this session at once, on this process and on another one, and leaves the person's other sessions alone", async () => {
    const person = await createPerson(t.dataSource, { email: 'leaving@example.org' });
    const phone = await signIn(person.email, 'phone');
    const laptop = await signIn(person.email, 'laptop');
    // The other process has seen (and remembers) the session as active.
    expect(await meWith(second, phone.accessToken)).toBe('OK');
    expect((await t.gql.as(phone.accessToken).ok<{ signOut: boolean }>('mutation { signOut }')).signOut).toBe(true);
    expect(await meWith(t, phone.accessToken)).toBe('UNAUTHENTICATED');
    const until = Date.now() + 3000;
    while ((await meWith(second, phone.accessToken)) === 'OK' && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(await meWith(second, phone.accessToken)).toBe('UNAUTHENTICATED');
    expect(codeOf(await refresh(phone.refreshToken))).toBe('UNAUTHENTICATED');
    expect(await meWith(t, laptop.accessToken)).toBe('OK');
  });

  it("a person lists their sessions and ends one (a lost phone); nobody can end someone else's", async () => {
    const person = await createPerson(t.dataSource, { email: 'lister@example.org' });
    const other = await createPerson(t.dataSource, { email: 'nosy@example.org' });
    const phone = await signIn(person.email, 'Phone/1.0');
    const laptop = await signIn(person.email, 'Laptop/2.0');
    const nosy = await signIn(other.email);
    const list = (
      await t.gql
        .as(laptop.accessToken)
        .ok<{ mySessions: { id: string; userAgent: string; current: boolean }[] }>(
          '{ mySessions { id createdAt lastUsedAt userAgent current } }',
        )
    ).mySessions;
    expect(list.map((s) => [s.userAgent, s.current]).sort()).toEqual([
      ['Laptop/2.0', true],
      ['Phone/1.0', false],
    ]);
    const phoneId = list.find((s) => s.userAgent === 'Phone/1.0')!.id;
    const refused = await t.gql.as(nosy.accessToken).request('mutation($id: ID!) { endSession(id: $id) }', { id: phoneId });
    expect(codeOf(refused)).toBe('NOT_FOUND');
    expect(await meWith(t, phone.accessToken)).toBe('OK');
    expect(
      (await t.gql.as(laptop.accessToken).ok<{ endSession: boolean }>('mutation($id: ID!) { endSession(id: $id) }', { id: phoneId }))
        .endSession,
    ).toBe(true);
    expect(await meWith(t, phone.accessToken)).toBe('UNAUTHENTICATED');
    expect(await meWith(t, laptop.accessToken)).toBe('OK');
  });

  it('a password reset ends every session and every other reset link; an older link no longer sets a password', async () => {
    const person = await createPerson(t.dataSource, { email: 'reset@example.org' });
    const before = await signIn(person.email);
    const secrets: string[] = [];
    for (let i = 0; i < 2; i++) {
      await t.gql.ok('mutation { requestPasswordReset(email: "reset@example.org") }');
      const [row] = await t.dataSource.query(
        "SELECT data->>'secret' AS secret FROM outbox_message WHERE template = 'password-reset' AND recipient_email = 'reset@example.org' ORDER BY created_at DESC LIMIT 1",
      );
      secrets.push(row.secret);
    }
    const [older, newer] = secrets;
    const reset = await t.gql.ok<{ resetPassword: Session }>(
      'mutation($t: String!) { resetPassword(token: $t, newPassword: "a-new-password-1") { accessToken refreshToken refreshExpiresAt } }',
      { t: newer },
    );
    expect(await meWith(t, reset.resetPassword.accessToken)).toBe('OK');
    expect(await meWith(t, before.accessToken)).toBe('UNAUTHENTICATED');
    expect(codeOf(await refresh(before.refreshToken))).toBe('UNAUTHENTICATED');
    const stale = await t.gql.request(
      'mutation($t: String!) { resetPassword(token: $t, newPassword: "an-attacker-password") { accessToken } }',
      { t: older },
    );
    expect(stale.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/^This password-reset link no longer works/),
    });
    expect(codeOf(await t.gql.request(SIGN_IN, { e: person.email, p: 'a-new-password-1' }))).toBe('OK');
  });

  it("changing one's password ends every session and answers a new one", async () => {
    const person = await createPerson(t.dataSource, { email: 'changer@example.org' });
    const phone = await signIn(person.email);
    const laptop = await signIn(person.email);
    const wrong = await t.gql
      .as(laptop.accessToken)
      .request('mutation { changeMyPassword(currentPassword: "not-it", newPassword: "another-password-2") { accessToken } }');
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    const changed = await t.gql
      .as(laptop.accessToken)
      .ok<{ changeMyPassword: Session }>(
        `mutation { changeMyPassword(currentPassword: "${TEST_PASSWORD}", newPassword: "another-password-2") { accessToken refreshToken refreshExpiresAt } }`,
      );
    expect(await meWith(t, phone.accessToken)).toBe('UNAUTHENTICATED');
    expect(await meWith(t, laptop.accessToken)).toBe('UNAUTHENTICATED');
    expect(await meWith(t, changed.changeMyPassword.accessToken)).toBe('OK');
  });

  it('a peer removed from the team loses the review on the next request, with the same token', async () => {
    const f = await createReviewFixture(t.dataSource);
    const peer = await signIn(f.people.peer.email);
    const leader = await signIn(f.people.leader.email);
    const read = 'query($id: ID!) { review(id: $id) { id } }';
    expect(codeOf(await t.gql.as(peer.accessToken).request(read, { id: f.reviewId }))).toBe('OK');
    const [member] = await t.dataSource.query('SELECT id FROM team_member WHERE review_id = $1 AND person_id = $2', [
      f.reviewId,
      f.people.peer.id,
    ]);
    await t.gql
      .as(leader.accessToken)
      .ok('mutation($r: ID!, $m: ID!) { removeTeamMember(reviewId: $r, memberId: $m) { id } }', { r: f.reviewId, m: member.id });
    const after = await t.gql.as(peer.accessToken).request(read, { id: f.reviewId });
    expect(after.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: 'You are not a member of this review.' });
    expect(await meWith(t, peer.accessToken)).toBe('OK');
  });
});
