import { GraphQLSchemaHost } from '@nestjs/graphql';
import { createTestApp, GraphqlClient, GraphqlResponse, subscribe, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import fc from 'fast-check';
import {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { AppModule } from '../../apps/api/src/app.module';
import { buildAccessFixture } from './access-fixture';
import { OperationWalker, stringFor } from './operation-walker';

/** Fixed, so a failure is reproduced by running the file again; 25 runs per operation take about 46 s here (FUZZ_RUNS, FUZZ_SEED to vary). */
const SEED = Number(process.env.FUZZ_SEED ?? 132_026);
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 25);
/**
 * Limits that would otherwise stop a fuzzer sending a thousand requests from one address and account,
 * or refuse its selections (every field three levels deep) on cost before the arguments reach a resolver.
 */
const GENEROUS = {
  SIGN_IN_MAX_FAILURES_PER_IP: '100000',
  RATE_LIMIT_PER_IP: '10000000',
  RATE_LIMIT_PER_ACCOUNT: '10000000',
  GRAPHQL_MAX_COMPLEXITY: '20000',
};

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const UUID = '6f1c2a3e-1b2c-4d3e-8f4a-5b6c7d8e9f00';

/** Strings that have broken servers: NUL, lone surrogates, SQL and LIKE syntax, huge, inherited property names, bad dates. */
const hostileString = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    "' OR 1=1 --",
    '%_\\',
    '',
    ' ',
    '\uD800',
    'x'.repeat(10_001),
    '🙂'.repeat(300),
    'constructor',
    '__proto__',
    'toString',
    '2027-02-30',
    '0000-01-01T00:00:00Z',
    '275760-09-13T00:00',
    '2027-03-10T25:61',
    'Europe/Nowhere',
    'NaN',
    '-1',
    '1e309',
    '../../etc/passwd',
    'null',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ maxLength: 20, unit: 'binary' }),
  fc.string({ maxLength: 10 }).map((s) => `${s}\u0000${s}`),
);

/** Cursors: random bytes, and base64url JSON that looks like ours but is not (wrong types, wrong ids, too long). */
const hostileCursor = fc.oneof(
  hostileString,
  fc.jsonValue({ maxDepth: 2 }).map(b64),
  fc.tuple(fc.jsonValue({ maxDepth: 1 }), fc.oneof(fc.uuid(), hostileString)).map(b64),
  fc.constantFrom(
    b64(['x', 'y']),
    b64(['2027-01-01T00:00:00.000Z', 'not-a-uuid']),
    b64([{ a: 1 }, UUID]),
    b64(['0000-01-01T00:00:00.000Z', UUID]),
    b64([2 ** 40, UUID]),
    b64(['\u0000', UUID]),
    b64(['a'.repeat(5000), UUID]),
  ),
);

const hostileInt = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1, 100, 101, 2_147_483_647, -2_147_483_648, 2 ** 31, 2 ** 53, 1.5));
const hostileFloat = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 1e308, -1e308, 5e-324));
const hostileDateTime = fc.oneof(
  fc.date({ min: new Date(-62198755200000), max: new Date(253402300799000), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('0001-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '-000001-01-01T00:00:00.000Z', '2027-02-30T10:00:00Z'),
  hostileString,
);
const hostileJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant({ 'key\u0000': 'value' }),
  fc.constant({ text: 'a\u0000b' }),
  hostileString.map((s) => ({ s })),
);

/** Values for a GraphQL input type: hostile ones, and sometimes plausible ones (real ids of review A), so that resolvers run further. */
function arbitraryFor(type: GraphQLInputType, name: string, ids: string[], depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return arbitraryFor(type.ofType as GraphQLInputType, name, ids, depth);
  const nullable = (value: fc.Arbitrary<unknown>) => fc.oneof({ weight: 6, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
  if (isListType(type)) return nullable(fc.array(arbitraryFor(type.ofType as GraphQLInputType, name, ids, depth), { maxLength: 3 }));
  if (isEnumType(type))
    return nullable(
      fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.value)) },
        { weight: 1, arbitrary: fc.constant('NOT_A_VALUE') },
      ),
    );
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant(null);
    const fields = Object.values(type.getFields());
    const model = Object.fromEntries(fields.map((f) => [f.name, arbitraryFor(f.type, f.name, ids, depth + 1)]));
    return nullable(fc.record(model, { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) }));
  }
  if (!isScalarType(type)) return fc.constant(null);
  const plausible = stringFor(name);
  switch (type.name) {
    case 'ID':
      return nullable(
        fc.oneof(
          fc.constantFrom(...ids),
          fc.uuid(),
          fc.uuid().map((u) => u.toUpperCase()),
          hostileString,
          fc.integer().map(String),
          fc.uuid().map((u) => `${u}\u0000`),
        ),
      );
    case 'String':
      return nullable(
        /^(after|before|cursor)$/.test(name)
          ? hostileCursor
          : fc.oneof({ weight: 1, arbitrary: fc.constant(plausible) }, { weight: 3, arbitrary: hostileString }),
      );
    case 'Int':
      return nullable(hostileInt);
    case 'Float':
      return nullable(hostileFloat);
    case 'Boolean':
      return nullable(fc.boolean());
    case 'DateTime':
      return nullable(hostileDateTime);
    case 'JSON':
      return nullable(hostileJson);
    default:
      return nullable(fc.oneof(fc.constant(plausible), hostileString));
  }
}

interface FuzzedOperation {
  kind: 'query' | 'mutation' | 'subscription';
  field: string;
  document: string;
  args: readonly GraphQLArgument[];
}

/** Every argument of a root field as a variable (optional ones too, unlike the access walk), and its data two levels deep. */
function fuzzedOperation(walker: OperationWalker, kind: FuzzedOperation['kind'], field: GraphQLField<unknown, unknown>): FuzzedOperation {
  const declarations = field.args.map((a) => `$${a.name}: ${String(a.type)}`);
  const args = field.args.map((a) => `${a.name}: $${a.name}`);
  const document = `${kind} Fuzz_${field.name}${declarations.length ? `(${declarations.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${walker.selection(field.type)} }`;
  return { kind, field: field.name, document, args: field.args };
}

function operationsOf(schema: GraphQLSchema, walker: OperationWalker): FuzzedOperation[] {
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ] as const;
  return roots.flatMap(([kind, type]) => Object.values(type?.getFields() ?? {}).map((field) => fuzzedOperation(walker, kind, field)));
}

/**
 * Property-based test over the live schema: for every argument of every query, mutation and
 * subscription, hostile strings, ids, cursors, numbers, dates and JSON (fast-check, fixed seed). The
 * property: no answer is a 5xx or INTERNAL_SERVER_ERROR, and the server logs nothing at error level.
 * Input errors are the caller's, answered with a 4xx code that says what to fix.
 */
describe('hostile input never gets a 500', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof buildAccessFixture>>;
  let operations: FuzzedOperation[];
  const logLines: string[] = [];
  let restoreStdout: () => void;

  beforeAll(async () => {
    Object.assign(process.env, GENEROUS);
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    f = await buildAccessFixture(t);
    const schema = t.app.get(GraphQLSchemaHost).schema;
    operations = operationsOf(schema, new OperationWalker(schema, f.ids));
    // Every log line the app writes (JsonLogger writes JSON lines to stdout): none may be an error.
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      logLines.push(String(chunk));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
    restoreStdout = () => (process.stdout.write = write);
  });
  afterAll(async () => {
    restoreStdout?.();
    await t?.close();
    for (const name of Object.keys(GENEROUS)) delete process.env[name];
  });

  const errorLines = () => logLines.filter((line) => /"level":"error"/.test(line));
  const internal = (answer: GraphqlResponse) => answer.errors?.filter((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR') ?? [];

  /** The callers: a member of review A (reaches its objects), an admin, and no one. Tokens a mutation ended are replaced. */
  async function callers(): Promise<Record<'leader' | 'admin' | 'anonymous', GraphqlClient>> {
    const fresh = async (client: GraphqlClient, email: string) =>
      (await client.request('{ me { id } }')).data?.me ? client : t.gql.signIn(email, TEST_PASSWORD);
    f.leaderA = await fresh(f.leaderA, f.a.people.leader.email);
    f.asAdmin = await fresh(f.asAdmin, f.admin.email);
    return { leader: f.leaderA, admin: f.asAdmin, anonymous: t.gql };
  }

  async function post(client: GraphqlClient, document: string, variables: Record<string, unknown>) {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'apollo-require-preflight': 'true',
        ...(client.token ? { authorization: `Bearer ${client.token}` } : {}),
      },
      body: JSON.stringify({ query: document, variables }),
    });
    return { status: response.status, answer: (await response.json()) as GraphqlResponse };
  }

  describe('the cases the probe found, one by one: a 4xx with a stable code, and no error-level log line', () => {
    let logged: number;
    beforeEach(() => (logged = errorLines().length));
    afterEach(() => expect(errorLines().slice(logged)).toEqual([]));

    it('a NUL character in a string argument, a variable, an input field or a JSON value', async () => {
      const { leader } = await callers();
      const answers = [
        await leader.request('query($r: ID!, $s: String) { reviewEvidence(reviewId: $r, search: $s) { totalCount } }', {
          r: f.ids.reviewId,
          s: 'a\u0000b',
        }),
        await leader.request(`query { reviewEvidence(reviewId: "${f.ids.reviewId}", search: "a\\u0000b") { totalCount } }`),
        await leader.request('mutation($r: ID!, $i: ReviewStakeholderInput!) { registerStakeholder(reviewId: $r, input: $i) { id } }', {
          r: f.ids.reviewId,
          i: { category: 'CITY_OFFICIAL', name: 'Nul\u0000Name', consentToBeNamed: false },
        }),
        await f.asAdmin.request('mutation($d: JSON!) { importBenchmark(document: $d) { outcome } }', { d: { code: 'X', 'key\u0000': 1 } }),
      ];
      for (const answer of answers) {
        expect(answer.errors?.[0]).toMatchObject({
          extensions: {
            code: 'BAD_USER_INPUT',
            problems: [expect.objectContaining({ message: expect.stringMatching(/^must not contain the NUL character \(\\u0000\)/) })],
          },
        });
      }
      expect(answers[3].errors?.[0].extensions?.problems).toEqual([
        { path: '$d', message: 'must not contain the NUL character (\\u0000) in a key' },
      ]);
      expect(answers[0].errors?.[0].message).toBe('The request was not run: $s: must not contain the NUL character (\\u0000).');
    });

    it('an id that is not a UUID, as an argument or inside an input object', async () => {
      const { leader } = await callers();
      const asArgument = await leader.request('{ review(id: "not-a-uuid") { id } }');
      expect(asArgument.errors?.[0]).toMatchObject({
        message: 'The request was not run: id: must be an id this API gave out (a UUID).',
        extensions: { code: 'BAD_USER_INPUT', problems: [{ path: 'id', message: 'must be an id this API gave out (a UUID)' }] },
      });
      const inInput = await f.asAdmin.request(
        'mutation($id: ID!, $i: StakeholderInput!) { updateStakeholder(id: $id, input: $i) { id } }',
        {
          id: f.ids.stakeholderId,
          i: { category: 'CITY_OFFICIAL', cityId: f.ids.cityId, organisationId: '-1', consentToBeNamed: false },
        },
      );
      expect(inInput.errors?.[0]).toMatchObject({
        extensions: {
          code: 'BAD_USER_INPUT',
          problems: [{ path: 'input.organisationId', message: 'must be an id this API gave out (a UUID)' }],
        },
      });
      // A batch of evidence still answers per item (its ids are checked by the service with the rest of the item).
      const batch = await leader.request(
        'mutation($r: ID!, $items: [EvidenceInput!]!) { logEvidenceBatch(reviewId: $r, items: $items) { id outcome } }',
        {
          r: f.ids.reviewId,
          items: [{ id: 'phone-item-7', source: 'OBSERVATION', keyFactorIds: [f.ids.keyFactorId], statement: 'Seen.', stance: 'SUPPORTS' }],
        },
      );
      expect(batch.data?.logEvidenceBatch).toEqual([{ id: 'phone-item-7', outcome: 'INVALID' }]);
    });

    it('a forged pagination cursor, whatever it holds', async () => {
      const { leader } = await callers();
      const real = await leader.ok<{ cities: { pageInfo: { endCursor: string } } }>('{ cities(first: 1) { pageInfo { endCursor } } }');
      const [sort, id] = JSON.parse(Buffer.from(real.cities.pageInfo.endCursor, 'base64url').toString('utf8')) as [unknown, string];
      for (const cursor of [
        b64(['x', 'y']),
        b64([sort, 'not-a-uuid']),
        b64([{ a: 1 }, id]),
        b64([12, id]),
        b64(['a\u0000', id]),
        'not base64 at all',
        'x'.repeat(5000),
        b64([sort]),
      ]) {
        const answer = await leader.request('query($a: String) { cities(after: $a) { totalCount } }', { a: cursor });
        expect({ cursor, error: answer.errors?.[0] }).toMatchObject({
          cursor,
          error: { extensions: { code: 'BAD_USER_INPUT', problems: [{ path: 'after', message: 'not a cursor this list issued' }] } },
        });
      }
      // The cursor this list issued still works (the refusals are about forging, not about cursors).
      expect(
        (await leader.request('query($a: String) { cities(after: $a) { totalCount } }', { a: real.cities.pageInfo.endCursor })).errors,
      ).toBeUndefined();
      // A cursor of a list sorted by time does not fit a list sorted by name, and the other way round.
      const evidence = await leader.ok<{ reviewEvidence: { pageInfo: { endCursor: string } } }>(
        `{ reviewEvidence(reviewId: "${f.ids.reviewId}", first: 1) { pageInfo { endCursor } } }`,
      );
      const crossed = await leader.request('query($a: String) { cities(after: $a) { totalCount } }', {
        a: evidence.reviewEvidence.pageInfo.endCursor,
      });
      expect(crossed.errors ?? []).toEqual([]); // a time is a valid name to sort after: no error, just a page
      const back = await leader.request('query($r: ID!, $a: String) { reviewEvidence(reviewId: $r, after: $a) { totalCount } }', {
        r: f.ids.reviewId,
        a: real.cities.pageInfo.endCursor,
      });
      expect(back.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    });

    it('GET /reports/<id>/constructor, __proto__ and toString: 400, not an inherited property', async () => {
      const { leader } = await callers();
      // A report ready with one file, as the worker leaves it.
      await t.dataSource.query(`UPDATE report SET status = 'READY', files = '{"html": "reports/none.html"}' WHERE id = $1`, [
        f.ids.reportId,
      ]);
      for (const format of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
        const response = await fetch(`${t.url}/reports/${f.ids.reportId}/${format}`, {
          headers: { authorization: `Bearer ${leader.token}` },
        });
        expect({ format, status: response.status }).toEqual({ format, status: 400 });
        expect(await response.json()).toEqual({ code: 'BAD_USER_INPUT', message: `Reports come as html, pdf, docx; not ${format}.` });
      }
      const asset = await fetch(`${t.url}/explorer/assets/constructor`);
      expect(asset.status).toBe(404);
    });

    it('a body over the size limit: 413 PAYLOAD_TOO_LARGE; a body that is not JSON: 400', async () => {
      const big = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
        body: JSON.stringify({ query: '{ me { id } }', variables: { x: 'x'.repeat(200_000) } }),
      });
      expect(big.status).toBe(413);
      expect(await big.json()).toEqual({
        code: 'PAYLOAD_TOO_LARGE',
        message: expect.stringMatching(/^The request body is over the size limit of \d+ bytes\./),
      });
      const broken = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
        body: '{"query": ',
      });
      expect(broken.status).toBe(400);
      expect(await broken.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
    });

    it("a NUL character in an upload's form fields: 400, nothing stored", async () => {
      const before = Number((await t.dataSource.query('SELECT count(*) AS n FROM document'))[0].n);
      const form = new FormData();
      form.append('title', 'Annual\u0000report');
      form.append('type', 'ANNUAL_REPORT');
      form.append('file', new Blob(['%PDF-1.4\n'], { type: 'application/pdf' }), 'a.pdf');
      const response = await fetch(`${t.url}/reviews/${f.b.reviewId}/documents`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${f.otherMember.token}` },
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: 'BAD_USER_INPUT',
        problems: [{ path: 'form.title', message: 'must not contain the NUL character (\\u0000)' }],
      });
      expect(Number((await t.dataSource.query('SELECT count(*) AS n FROM document'))[0].n)).toBe(before);
    });
  });

  it('fuzzes every argument of every operation: no INTERNAL_SERVER_ERROR, no 5xx, no error-level log line', async () => {
    const started = Date.now();
    const ids = Object.values(f.ids);
    const failures: string[] = [];
    let requests = 0;
    /** What the failing request was answered, for the failure message. */
    let lastAnswer = '';
    // Queries first, then mutations (which may end the review or a session), then subscriptions.
    for (const op of operations) {
      const clients = await callers();
      const variables = fc.record(Object.fromEntries(op.args.map((a) => [a.name, arbitraryFor(a.type, a.name, ids, 0)])));
      const caller = fc.constantFrom<keyof typeof clients>('leader', 'admin', 'anonymous');
      const logged = errorLines().length;
      const result = await fc.check(
        fc.asyncProperty(caller, variables, async (who, values) => {
          requests++;
          if (op.kind === 'subscription') {
            // Over graphql-ws, as the member of another review (A's leader would be subscribed and wait for events).
            // A refused socket (closed before it subscribed) is not a 500: it says why in its close reason.
            const subscription = await subscribe(t.url, f.otherMember.token, op.document, values).catch(() => null);
            if (!subscription) return true;
            try {
              const first = await subscription.next(50).catch(() => null);
              lastAnswer = JSON.stringify(first);
              return !first || internal(first).length === 0;
            } finally {
              await subscription.close();
            }
          }
          const { status, answer } = await post(clients[who], op.document, values);
          lastAnswer = `HTTP ${status} ${JSON.stringify(answer)}`;
          return status < 500 && internal(answer).length === 0;
        }),
        { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
      if (result.failed) failures.push(`${op.field}: ${fc.stringify(result.counterexample)} answered ${lastAnswer.slice(0, 400)}`);
      const newErrors = errorLines().slice(logged);
      if (newErrors.length) failures.push(`${op.field} logged at error level: ${newErrors[0].slice(0, 400)}`);
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    process.stderr.write(
      `hostile-input: ${operations.length} operations, ${requests} requests in ${seconds} s (seed ${SEED}, ${RUNS_PER_OPERATION} runs each)\n`,
    );
    expect(failures).toEqual([]);
    expect(operations.length).toBeGreaterThan(90);
  }, 600_000);
});
