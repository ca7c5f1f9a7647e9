import { DEFAULT_PAGE_SIZE } from '@peervisit/platform';
import { createPerson, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/**
 * Depth and cost limits refuse a whole document before anything runs; batched HTTP bodies are
 * refused; aliases cannot multiply one expensive field past the cost limit.
 */
describe('query depth, cost and batching limits', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  const cityCount = async () => Number((await t.dataSource.query('SELECT count(*) AS n FROM city'))[0].n);
  const city = { name: 'Limitville', country: 'NO', timeZone: 'Europe/Oslo' };

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    const person = await createPerson(t.dataSource, { email: 'limits@example.org', isAdmin: true });
    admin = await t.gql.signIn(person.email, TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  async function post(body: unknown, token = admin.token) {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[]; data?: unknown } };
  }

  it('refuses a document with an operation past the depth limit, and runs none of it (not even its mutation)', async () => {
    const before = await cityCount();
    const nested = Array.from({ length: 10 }).reduce<string>((inner) => `subFields { ${inner} }`, 'code');
    const { body } = await post({
      query: `mutation Create($i: CityInput!) { createCity(input: $i) { id } }\nquery Deep { fieldsOfAction { ${nested} } }`,
      operationName: 'Create',
      variables: { i: city },
    });
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(body.errors?.[0].message).toBe('The query is nested 11 levels deep; the limit is 10. Split it into smaller queries.');
    expect(body.data ?? null).toBeNull();
    expect(await cityCount()).toBe(before);
  });

  it('refuses a mutation whose aliases cost past the limit, and runs none of them', async () => {
    const before = await cityCount();
    // 60 aliases of one write: each mutation field costs 100 plus its fields, together past 5000.
    const aliases = Array.from({ length: 60 }, (_, i) => `c${i}: createCity(input: $i) { id name country timeZone createdAt population iccMemberSince eurocitiesCharterSignatory }`).join('\n');
    const { body } = await post({ query: `mutation($i: CityInput!) { ${aliases} }`, variables: { i: city } });
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(body.errors?.[0].message).toMatch(/^The query costs \d+, above the limit of 5000\. Ask for fewer fields or smaller pages\.$/);
    expect(body.data ?? null).toBeNull();
    expect(await cityCount()).toBe(before);
  });

  it('lets a request carry a few writes (the mutation cost is not a ban on aliases)', async () => {
    const before = await cityCount();
    const aliases = Array.from({ length: 3 }, (_, i) => `c${i}: createCity(input: $i${i}) { id }`).join('\n');
    const variables = Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`i${i}`, { ...city, name: `Aliasville ${i}` }]));
    const { body } = await post({ query: `mutation(${Object.keys(variables).map((k) => `$${k}: CityInput!`).join(', ')}) { ${aliases} }`, variables });
    expect(body.errors).toBeUndefined();
    expect(await cityCount()).toBe(before + 3);
  });

  it('prices a page size asked for, so one list field asked for a huge page is refused too', async () => {
    const { body } = await post({ query: '{ benchmarks(first: 100000) { nodes { keyFactors { guideQuestions { text } } } } }' });
    expect(body.errors?.[0].message).toMatch(/above the limit of 5000/);
  });

  it(`prices an omitted page size as the ${DEFAULT_PAGE_SIZE} items paginate returns, not as one`, async () => {
    // 300 fields per city: one page of 20 costs about 6000, past 5000; one city costs about 300.
    const fields = Array.from({ length: 300 }, (_, i) => `f${i}: name`).join(' ');
    const omitted = await post({ query: `{ cities { nodes { ${fields} } } }` });
    const asNull = await post({ query: `query($n: Int) { cities(first: $n) { nodes { ${fields} } } }`, variables: { n: null } });
    const explicit = await post({ query: `{ cities(first: ${DEFAULT_PAGE_SIZE}) { nodes { ${fields} } } }` });
    const costs = [omitted, asNull, explicit].map(({ body }) => {
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(body.data ?? null).toBeNull();
      return Number(/^The query costs (\d+), above the limit of 5000\./.exec(body.errors?.[0].message ?? '')?.[1]);
    });
    // The same price whether the default page is asked for or implied.
    expect(costs[0]).toBeGreaterThan(5000);
    expect(costs).toEqual([costs[2], costs[2], costs[2]]);
    // A page of one is cheap enough, so the refusals above are about the page size.
    const small = await post({ query: `{ cities(first: 1) { nodes { ${fields} } } }` });
    expect(small.body.errors).toBeUndefined();
  });

  it('refuses a batch (an array of operations in one body) and runs none of them', async () => {
    const before = await cityCount();
    const one = { query: 'mutation($i: CityInput!) { createCity(input: $i) { id } }', variables: { i: city } };
    const { status, body } = await post(Array.from({ length: 50 }, () => one));
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toMatch(/batch/i);
    expect(await cityCount()).toBe(before);
    // A single operation of the same kind goes through (the refusal above is about the batch).
    expect((await post(one)).body.errors).toBeUndefined();
    expect(await cityCount()).toBe(before + 1);
  });
});
