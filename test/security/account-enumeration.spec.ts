import { AuthService } from '@peervisit/directory';
import { countQueries, createPerson, createTestApp, createReviewFixture, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/**
 * Nothing a caller sees tells whether an email has an account: not the answer to a password-reset
 * request, not the work (and so the time) it takes, not the answer to an invitation to a team.
 */
describe('account enumeration', () => {
  let t: TestApp;

  beforeAll(async () => {
    // No workers: every statement on the DataSource below is the request's own.
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
  });
  afterAll(() => t?.close());

  // It used to look the person up and stop when there was none: about 4 ms against 10 ms.
  it('a password-reset request sends the same statements whether or not the address has an account', async () => {
    await createPerson(t.dataSource, { email: 'has-account@example.org' });
    const auth = t.app.get(AuthService);
    // Warm up both paths, so first-use costs are not what is compared.
    await auth.requestPasswordReset('has-account@example.org');
    await auth.requestPasswordReset('no-account@example.org');
    const known = await countQueries(t.dataSource, () => auth.requestPasswordReset('has-account@example.org'));
    const unknown = await countQueries(t.dataSource, () => auth.requestPasswordReset('no-account@example.org'));
    expect(unknown.statements).toEqual(known.statements);
    // Look-up, token, message and the query that queues it: the work of a real reset, both ways.
    expect(known.statements.some((sql) => sql.includes('INSERT INTO "auth_token"'))).toBe(true);
    expect(known.statements.some((sql) => sql.includes('INSERT INTO outbox_message'))).toBe(true);
    // Both answer true over GraphQL.
    for (const email of ['has-account@example.org', 'no-account@example.org']) {
      expect(await t.gql.ok('mutation($e: String!) { requestPasswordReset(email: $e) }', { e: email })).toEqual({
        requestPasswordReset: true,
      });
    }
  });

  it('inviting an address with an account and one without answers the same, and adds nobody until they accept', async () => {
    const f = await createReviewFixture(t.dataSource, { status: 'PREPARATION' });
    const leader: GraphqlClient = await t.gql.signIn(f.people.leader.email, TEST_PASSWORD);
    await createPerson(t.dataSource, { email: 'existing@example.org' });
    const add =
      'mutation($r: ID!, $e: String!) { addTeamMember(reviewId: $r, input: { email: $e, role: PEER }) { member { id } invitedEmail invitation { email role } } }';
    const existing = await leader.request(add, { r: f.reviewId, e: 'Existing@example.org' });
    const nobody = await leader.request(add, { r: f.reviewId, e: 'Nobody@example.org' });
    const shape = (r: typeof existing) => JSON.stringify(r).replace(/existing|nobody/g, 'X');
    expect(shape(existing)).toEqual(shape(nobody));
    expect(existing.data?.addTeamMember).toEqual({
      member: null,
      invitedEmail: 'existing@example.org',
      invitation: { email: 'existing@example.org', role: 'PEER' },
    });
    const team = await leader.ok('query($r: ID!) { review(id: $r) { team { person { email } } } }', { r: f.reviewId });
    expect(team.review.team.map((m: { person: { email: string } }) => m.person.email)).not.toContain('existing@example.org');
  });
});
