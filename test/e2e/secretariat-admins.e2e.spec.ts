import { createPerson, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/**
 * The secretariat's administrators: making a person one and removing the rights (recorded with who
 * did it, the sessions of someone who lost them ended), the network always keeping one administrator
 * (whichever mutation tries, and when two try at once), and a person's sessions as an administrator
 * sees and ends them.
 */
describe('administrators and their sessions (secretariat)', () => {
  let t: TestApp;
  let alice: { id: string; email: string };
  let bob: { id: string; email: string };
  let asAlice: GraphqlClient;

  const setAdmin = 'mutation($p: ID!, $a: Boolean!) { setAdministrator(personId: $p, isAdmin: $a) { id isAdmin } }';
  const sessions = 'query($p: ID!) { personSessions(personId: $p) { id userAgent current createdAt lastUsedAt } }';
  const endSession = 'mutation($s: ID!) { endPersonSession(sessionId: $s) }';
  const me = '{ me { id isAdmin } }';
  const isAdmin = async (id: string) =>
    (await t.dataSource.query('SELECT is_admin FROM person WHERE id = $1', [id]))[0].is_admin as boolean;
  const changesOf = (id: string): Promise<{ granted: boolean; changed_by_id: string | null }[]> =>
    t.dataSource.query('SELECT granted, changed_by_id FROM admin_rights_change WHERE person_id = $1 ORDER BY at, id', [id]);
  /** A sign-in with a User-Agent, as a browser would make it. */
  const signInAs = async (email: string, userAgent: string) => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', 'user-agent': userAgent },
      body: JSON.stringify({
        query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }',
        variables: { e: email, p: TEST_PASSWORD },
      }),
    });
    const body = (await response.json()) as { data: { signIn: { accessToken: string } } };
    return t.gql.as(body.data.signIn.accessToken);
  };

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    alice = await createPerson(t.dataSource, { fullName: 'Alice Admin', isAdmin: true });
    bob = await createPerson(t.dataSource, { fullName: 'Bob Person' });
    asAlice = await t.gql.signIn(alice.email, TEST_PASSWORD);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM person WHERE is_admin'))[0].n).toBe(1);
  });
  afterAll(() => t?.close());

  it('an administrator makes a person one: recorded with who did it; the list and the history show it', async () => {
    expect((await asAlice.ok(setAdmin, { p: bob.id, a: true })).setAdministrator).toEqual({ id: bob.id, isAdmin: true });
    expect(await isAdmin(bob.id)).toBe(true);
    expect(await changesOf(bob.id)).toEqual([{ granted: true, changed_by_id: alice.id }]);
    // Asking again changes nothing and records nothing.
    await asAlice.ok(setAdmin, { p: bob.id, a: true });
    expect(await changesOf(bob.id)).toHaveLength(1);

    const { administrators } = await asAlice.ok<{ administrators: { fullName: string }[] }>('{ administrators { fullName } }');
    expect(administrators.map((a) => a.fullName)).toEqual(['Alice Admin', 'Bob Person']);
    const { adminRightsChanges } = await asAlice.ok<{
      adminRightsChanges: {
        totalCount: number;
        nodes: { granted: boolean; person: { id: string }; changedBy: { fullName: string } | null }[];
      };
    }>('query($p: ID) { adminRightsChanges(personId: $p) { totalCount nodes { granted person { id } changedBy { fullName } } } }', {
      p: bob.id,
    });
    expect(adminRightsChanges).toEqual({
      totalCount: 1,
      nodes: [{ granted: true, person: { id: bob.id }, changedBy: { fullName: 'Alice Admin' } }],
    });
    // Bob's next sign-in carries the flag.
    const asBob = await t.gql.signIn(bob.email, TEST_PASSWORD);
    expect((await asBob.ok(me)).me).toEqual({ id: bob.id, isAdmin: true });
  });

  it("an administrator sees a person's sessions (with their browser) and ends one: its token stops working at once, the other keeps working", async () => {
    const laptop = await signInAs(bob.email, 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0');
    const phone = await signInAs(bob.email, 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Safari/604.1');
    const listed = (await asAlice.ok<{ personSessions: { id: string; userAgent: string; current: boolean }[] }>(sessions, { p: bob.id }))
      .personSessions;
    expect(listed.map((s) => s.userAgent)).toEqual(
      expect.arrayContaining([expect.stringContaining('Firefox'), expect.stringContaining('iPhone')]),
    );
    expect(listed.every((s) => !s.current)).toBe(true);
    const phoneSession = listed.find((s) => s.userAgent.includes('iPhone'))!;

    expect((await asAlice.ok(endSession, { s: phoneSession.id })).endPersonSession).toBe(true);
    expect((await phone.request(me)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await laptop.ok(me)).me.id).toBe(bob.id);
    const [row] = await t.dataSource.query('SELECT revoked_at, revoked_reason FROM auth_session WHERE id = $1', [phoneSession.id]);
    expect(row.revoked_at).not.toBeNull();
    expect(row.revoked_reason).toBe('ended by an administrator');
    const after = (await asAlice.ok<{ personSessions: { id: string }[] }>(sessions, { p: bob.id })).personSessions;
    expect(after.map((s) => s.id)).not.toContain(phoneSession.id);
    // Her own list marks the session she is using.
    const own = (await asAlice.ok<{ personSessions: { current: boolean }[] }>(sessions, { p: alice.id })).personSessions;
    expect(own.filter((s) => s.current)).toHaveLength(1);
  });

  it('clear errors for an unknown person or session, and every one of these is refused to anyone else (FORBIDDEN)', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await asAlice.request(sessions, { p: unknown })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await asAlice.request(endSession, { s: unknown })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await asAlice.request(setAdmin, { p: unknown, a: true })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const carol = await createPerson(t.dataSource, { fullName: 'Carol Nobody' });
    const asCarol = await t.gql.signIn(carol.email, TEST_PASSWORD);
    for (const [q, v] of [
      [setAdmin, { p: carol.id, a: true }],
      [sessions, { p: alice.id }],
      [endSession, { s: unknown }],
      ['{ administrators { id } }', {}],
      ['{ adminRightsChanges { totalCount } }', {}],
    ] as const) {
      expect((await asCarol.request(q, v)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await isAdmin(carol.id)).toBe(false);
  });

  it("removing the rights ends the person's sessions at once, and is recorded", async () => {
    const asBob = await t.gql.signIn(bob.email, TEST_PASSWORD);
    expect((await asAlice.ok(setAdmin, { p: bob.id, a: false })).setAdministrator).toEqual({ id: bob.id, isAdmin: false });
    expect((await asBob.request(me)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await asAlice.ok<{ personSessions: unknown[] }>(sessions, { p: bob.id })).personSessions).toEqual([]);
    expect(await changesOf(bob.id)).toEqual([
      { granted: true, changed_by_id: alice.id },
      { granted: false, changed_by_id: alice.id },
    ]);
  });

  it('the last administrator cannot remove their own rights, by setAdministrator or updatePerson (CONFLICT, nothing changed)', async () => {
    const refused = await asAlice.request(setAdmin, { p: alice.id, a: false });
    expect(refused.errors?.[0]).toMatchObject({
      message: 'You are the last administrator: make someone else an administrator first, so that the network keeps one.',
      extensions: { code: 'CONFLICT' },
    });
    const viaUpdate = await asAlice.request('mutation($id: ID!, $input: PersonInput!) { updatePerson(id: $id, input: $input) { id } }', {
      id: alice.id,
      input: { email: alice.email, fullName: 'Alice Admin', isAdmin: false },
    });
    expect(viaUpdate.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await isAdmin(alice.id)).toBe(true);
    expect(await changesOf(alice.id)).toEqual([]);
    // Her session was not ended by the refused change.
    expect((await asAlice.ok(me)).me).toEqual({ id: alice.id, isAdmin: true });
  });

  it('createPerson and updatePerson follow the same rules: recorded with who did it', async () => {
    const { createPerson: dora } = await asAlice.ok<{ createPerson: { id: string; isAdmin: boolean } }>(
      'mutation($input: PersonInput!) { createPerson(input: $input) { id isAdmin } }',
      { input: { email: 'dora@example.org', fullName: 'Dora Secretariat', isAdmin: true, password: 'dora-password-18' } },
    );
    expect(dora.isAdmin).toBe(true);
    expect(await changesOf(dora.id)).toEqual([{ granted: true, changed_by_id: alice.id }]);
    // Now Alice is not the last one, and may step down through updatePerson.
    await asAlice.ok('mutation($id: ID!, $input: PersonInput!) { updatePerson(id: $id, input: $input) { id } }', {
      id: alice.id,
      input: { email: alice.email, fullName: 'Alice Admin', isAdmin: false },
    });
    expect(await isAdmin(alice.id)).toBe(false);
    expect(await changesOf(alice.id)).toEqual([{ granted: false, changed_by_id: alice.id }]);
    expect((await asAlice.request(me)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('two administrators removing each other at the same moment: one succeeds, the other is refused, one remains', async () => {
    const erin = await createPerson(t.dataSource, { fullName: 'Erin Admin', isAdmin: true });
    const [dora] = await t.dataSource.query("SELECT id, email FROM person WHERE email = 'dora@example.org'");
    // Only Dora and Erin are administrators now.
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM person WHERE is_admin'))[0].n).toBe(2);
    const asDora = await t.gql.signIn(dora.email, 'dora-password-18');
    const asErin = await t.gql.signIn(erin.email, TEST_PASSWORD);
    const results = await Promise.all([
      asDora.request(setAdmin, { p: erin.id, a: false }),
      asErin.request(setAdmin, { p: dora.id, a: false }),
    ]);
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK');
    // The second one's token may already be revoked by the first (UNAUTHENTICATED), or it ran and found it would leave none (CONFLICT).
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'OK').every((c) => c === 'CONFLICT' || c === 'UNAUTHENTICATED')).toBe(true);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM person WHERE is_admin'))[0].n).toBe(1);
  });
});
