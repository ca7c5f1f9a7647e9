import { GraphQLSchemaHost } from '@nestjs/graphql';
import { BYTES_PER_COST, DEFAULT_PAGE_SIZE, OperationCosts } from '@peervisit/platform';
import { createPerson, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { parse } from 'graphql';
import { Client } from 'pg';
import { AppModule } from '../../apps/api/src/app.module';
import { buildAccessFixture } from './access-fixture';
import { OperationWalker } from './operation-walker';

/** Limits set low for this file, so that they can be reached for real. */
const LIMITS = {
  GRAPHQL_MAX_RESPONSE_BYTES: '100000',
  GRAPHQL_MAX_CONCURRENT_PER_ACCOUNT: '2',
  GRAPHQL_MAX_CONCURRENT_PER_IP: '2',
  DATABASE_STATEMENT_TIMEOUT_MS: '4000',
};

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
    Object.assign(process.env, LIMITS);
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    const person = await createPerson(t.dataSource, { email: 'limits@example.org', isAdmin: true });
    admin = await t.gql.signIn(person.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
    for (const name of Object.keys(LIMITS)) delete process.env[name];
  });

  async function post(body: unknown, token = admin.token) {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[]; data?: unknown },
    };
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
    const aliases = Array.from(
      { length: 60 },
      (_, i) => `c${i}: createCity(input: $i) { id name country timeZone createdAt population iccMemberSince eurocitiesCharterSignatory }`,
    ).join('\n');
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
    const { body } = await post({
      query: `mutation(${Object.keys(variables)
        .map((k) => `$${k}: CityInput!`)
        .join(', ')}) { ${aliases} }`,
      variables,
    });
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

  describe('cost that matches the work, a bounded answer, and no client holding the pool', () => {
    const exportAliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `e${i}: benchmarkExport(code: "EUROCITIES-PCD")`).join(' ')} }`;

    it('prices every query of the live schema at about its answer: at most BYTES_PER_COST bytes per unit of cost', async () => {
      // The access fixture gives every query something to return (a review with one of everything, the seeded catalogue).
      const f = await buildAccessFixture(t);
      const schema = t.app.get(GraphQLSchemaHost).schema;
      const costs = new OperationCosts(() => schema);
      // An unknown id points at nothing; but a "field.argument" key must stay undefined, so that the
      // walker falls back to the argument's own id (reviewId) rather than asking for nothing.
      const ids = new Proxy(f.ids as Record<string, string>, {
        get: (known, name: string) => known[name] ?? (name.includes('.') ? undefined : '00000000-0000-4000-8000-000000000000'),
      });
      const queries = new OperationWalker(schema, ids).operations().filter((o) => o.kind === 'query');
      const tooCheap: string[] = [];
      let measured = 0;
      for (const op of queries) {
        const cost = costs.cost(parse(op.document), undefined, op.variables);
        for (const caller of [f.leaderA, f.asAdmin]) {
          const answer = await caller.request(op.document, op.variables);
          const bytes = Buffer.byteLength(JSON.stringify(answer));
          if (answer.data?.[op.field] != null) measured++;
          if (bytes > cost * BYTES_PER_COST) tooCheap.push(`${op.field}: ${bytes} bytes for a cost of ${cost}`);
        }
      }
      expect(tooCheap).toEqual([]);
      // Most queries returned data, so the sizes above are of real answers.
      expect(measured).toBeGreaterThan(queries.length);
    });

    it('refuses thousands of aliases of a JSON export before running any (costed at 1, 3,300 of them answered 116 MB)', async () => {
      const started = Date.now();
      const { status, body } = await post({ query: exportAliases(2000) });
      expect(status).toBe(400);
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', maxComplexity: 5000 } });
      expect(body.errors?.[0].message).toMatch(/^The query costs \d+, above the limit of 5000\./);
      // Refused on its cost alone: none of the 2,000 exports was built (one takes tens of milliseconds).
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    it(`refuses to send an answer over GRAPHQL_MAX_RESPONSE_BYTES (${LIMITS.GRAPHQL_MAX_RESPONSE_BYTES} here) with a clear error, not a 500`, async () => {
      // Two exports (about 70 kB) fit; three (about 105 kB) cost less than the limit but answer more than the bytes allowed.
      expect((await post({ query: exportAliases(2) })).body.errors).toBeUndefined();
      const { status, body } = await post({ query: exportAliases(3) });
      expect(status).toBe(200);
      expect(body.data ?? null).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'RESPONSE_TOO_LARGE', maxBytes: 100000 } });
      expect(body.errors?.[0].message).toMatch(
        /^The answer is \d+ bytes, above the limit of 100000, and was not sent\. Ask for fewer fields/,
      );
    });

    /** Holds an exclusive lock on a table from outside the app, so that requests reading it stay in flight for real. */
    async function lockTable(table: string) {
      const client = new Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query('BEGIN');
      await client.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
      const waiting = async () =>
        Number(
          (
            await client.query(
              "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
            )
          ).rows[0].n,
        );
      const until = async (n: number) => {
        for (const deadline = Date.now() + 5000; (await waiting()) < n;) {
          if (Date.now() > deadline) throw new Error(`Fewer than ${n} statements waited for the lock on ${table}`);
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      return { until, waiting, release: async () => (await client.query('ROLLBACK'), await client.end()) };
    }

    it('answers TOO_MANY_REQUESTS (429) to a third request of one account while two are running; others and later requests go through', async () => {
      const other = await t.gql.signIn((await createPerson(t.dataSource, { email: 'other-limits@example.org' })).email, TEST_PASSWORD);
      const lock = await lockTable('city');
      let running: Promise<unknown>[] = [];
      try {
        running = [admin.request('{ cities { totalCount } }'), admin.request('{ cities { totalCount } }')];
        await lock.until(2);
        const third = await post({ query: '{ me { id } }' });
        expect(third.status).toBe(429);
        expect(third.body.errors?.[0]).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS', limit: 2 } });
        expect(third.body.errors?.[0].message).toBe(
          '2 requests from your account are already running; send this one again when one of them has answered.',
        );
        // Another account is not held up by this one.
        expect((await other.request('{ me { email } }')).data?.me.email).toBe('other-limits@example.org');
      } finally {
        await lock.release();
      }
      for (const answer of (await Promise.all(running)) as { errors?: unknown }[]) expect(answer.errors).toBeUndefined();
      expect((await post({ query: '{ me { id } }' })).status).toBe(200);
    });

    it('counts requests without a token per client address', async () => {
      const lock = await lockTable('person');
      const signIn = 'mutation { signIn(email: "limits@example.org", password: "a-wrong-password") { accessToken } }';
      let running: Promise<unknown>[] = [];
      try {
        running = [t.gql.request(signIn), t.gql.request(signIn)];
        await lock.until(2);
        const third = await t.gql.request('mutation { requestPasswordReset(email: "limits@example.org") }');
        expect(third.errors?.[0]).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' } });
        expect(third.errors?.[0].message).toMatch(/^2 requests from your address are already running/);
      } finally {
        await lock.release();
      }
      await Promise.all(running);
    });

    it(`cancels a statement after DATABASE_STATEMENT_TIMEOUT_MS (${LIMITS.DATABASE_STATEMENT_TIMEOUT_MS} ms here), so a request cannot hold a pooled connection for long`, async () => {
      const lock = await lockTable('city');
      try {
        const started = Date.now();
        const pending = admin.request('{ cities { totalCount } }');
        await lock.until(1);
        const answer = await pending;
        const took = Date.now() - started;
        // Answered (with an error) while the lock is still held: PostgreSQL cancelled the statement.
        expect(answer.errors?.[0]).toBeDefined();
        expect(took).toBeGreaterThanOrEqual(3500);
        expect(took).toBeLessThan(10000);
        expect(await lock.waiting()).toBe(0);
      } finally {
        await lock.release();
      }
    });
  });
});
