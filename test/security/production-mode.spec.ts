import { getIntrospectionQuery } from 'graphql';
import { createPerson, createTestApp, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/** NODE_ENV=production: no introspection, no explorer, no internals in errors. */
describe('production mode', () => {
  let t: TestApp;

  beforeAll(async () => {
    Object.assign(process.env, { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-chars' });
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
  });
  afterAll(async () => {
    await t?.close();
    process.env.NODE_ENV = 'test';
    delete process.env.JWT_SECRET;
  });

  it('refuses introspection, whole or by __type', async () => {
    for (const query of [getIntrospectionQuery(), '{ __type(name: "Review") { fields { name } } }', '{ __schema { types { name } } }']) {
      const result = await t.gql.request(query);
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(result.errors?.[0].message).toMatch(/introspection is not allowed/i);
    }
  });

  it('does not serve the explorer or its assets', async () => {
    for (const path of ['/explorer', '/explorer/assets/graphiql.js', '/explorer/assets/react.js']) {
      const response = await fetch(`${t.url}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
  });

  it('signs in with the production secret, and errors carry no stack trace or internals', async () => {
    const person = await createPerson(t.dataSource, { email: 'prod@example.org' });
    const gql = await t.gql.signIn(person.email, TEST_PASSWORD);
    // An id that is not a uuid reaches PostgreSQL in some resolvers, others refuse it; either way no internals leave.
    const answers = [
      await gql.request('{ review(id: "not-a-uuid") { id } }'),
      await gql.request('{ report(id: "not-a-uuid") { id } }'),
      await gql.request('{ city(id: "not-a-uuid") { id } }'),
      await gql.request('{ me { id nosuchfield } }'),
      await t.gql.request('{ me { id } }'),
    ];
    for (const answer of answers) {
      const text = JSON.stringify(answer);
      expect(answer.errors?.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/stacktrace|\bat [\w.<>]+ \(|node_modules|\.ts:\d+|QueryFailedError|invalid input syntax|SELECT /i);
    }
    const rest = await fetch(`${t.url}/documents/not-a-uuid/file`, { headers: { authorization: `Bearer ${gql.token}` } });
    expect(JSON.stringify(await rest.json())).not.toMatch(/stack|node_modules|\.ts:\d+/i);
  });

  it('suggests no field, argument, type or enum value ("Did you mean …?"), to anyone', async () => {
    const person = await createPerson(t.dataSource, { email: 'prod-suggestions@example.org' });
    const gql = await t.gql.signIn(person.email, TEST_PASSWORD);
    const attempts: [string, Record<string, unknown>?][] = [
      ['{ me { fullNam } }'],
      ['{ reviw(id: "00000000-0000-4000-8000-000000000000") { id } }'],
      ['{ cities(fist: 1) { totalCount } }'],
      ['query($r: Reviw) { me { id } }'],
      [
        'mutation($id: ID!, $r: HostResponse!) { respondToRecommendation(recommendationId: $id, response: $r) { id } }',
        { id: '00000000-0000-4000-8000-000000000000', r: 'ACCEPT' },
      ],
      ['mutation { signIn(emal: "x@example.org", password: "x") { accessToken } }'],
    ];
    for (const client of [t.gql, gql]) {
      for (const [query, variables] of attempts) {
        const answer = await client.request(query, variables);
        expect({ query, code: answer.errors?.[0]?.extensions?.code }).toEqual({ query, code: 'BAD_USER_INPUT' });
        expect({ query, text: JSON.stringify(answer) }).not.toEqual({ query, text: expect.stringMatching(/Did you mean/i) });
      }
    }
    // The refusal still says what is wrong.
    expect((await gql.request('{ me { fullNam } }')).errors?.[0].message).toBe('Cannot query field "fullNam" on type "Person".');
  });
});
