import { readFileSync } from 'node:fs';
import { getIntrospectionQuery } from 'graphql';
import { capturedMail, createPerson, createTestApp, TEST_PASSWORD, TestApp, waitForMail } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/**
 * The first slice a person can run, driven over real HTTP against the whole API with the workers
 * in-process: sign in, read the benchmark, import a broken one, reset a password.
 */
describe('foundation, end to end', () => {
  let t: TestApp;
  let admin: { id: string; email: string };
  let peer: { id: string; email: string };

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: true }) });
    // The shipped catalogue, as `npm start` loads it.
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    admin = await createPerson(t.dataSource, { email: 'secretariat@example.org', isAdmin: true });
    peer = await createPerson(t.dataSource, { email: 'peer@example.org' });
  });

  afterAll(() => t?.close());

  it('signs in with email and password and tells who I am', async () => {
    const gql = await t.gql.signIn('Secretariat@Example.org ', TEST_PASSWORD);
    const { me } = await gql.ok('{ me { id email isAdmin } }');
    expect(me).toEqual({ id: admin.id, email: admin.email, isAdmin: true });
  });

  it('refuses a wrong password and an anonymous query with UNAUTHENTICATED', async () => {
    const wrong = await t.gql.request('mutation { signIn(email: "peer@example.org", password: "wrong-password") { accessToken } }');
    expect(wrong.errors?.[0]).toMatchObject({ message: 'The email or password is wrong.', extensions: { code: 'UNAUTHENTICATED' } });
    const anonymous = await t.gql.request('{ me { id } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await t.gql.as('not-a-token').request('{ me { id } }');
    expect(forged.errors?.[0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: 'The access token is not valid: sign in again.',
    });
  });

  it('serves the EUROCITIES benchmark with its 13 key factors, guide questions, examples and context factors', async () => {
    const gql = await t.gql.signIn(peer.email, TEST_PASSWORD);
    const { benchmark } = await gql.ok(`{
      benchmark(code: "EUROCITIES-PCD") {
        title status sourceOrganisation attribution
        ratingScale { value label }
        keyFactors { number code heading headingEditorial statement guideQuestions { position text } examples { city text } }
        contextFactors { number name description }
      }
    }`);
    expect(benchmark.title).toBe('Promoting cultural diversity');
    expect(benchmark.status).toBe('PUBLISHED');
    expect(benchmark.attribution).toContain('EUROCITIES');
    expect(benchmark.keyFactors.map((k: { number: number }) => k.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    for (const keyFactor of benchmark.keyFactors) {
      expect(keyFactor.guideQuestions.length).toBeGreaterThan(0);
      expect(keyFactor.guideQuestions.map((q: { position: number }) => q.position)).toEqual(
        keyFactor.guideQuestions.map((_: unknown, i: number) => i + 1),
      );
    }
    const total = benchmark.keyFactors.reduce((n: number, k: { guideQuestions: unknown[] }) => n + k.guideQuestions.length, 0);
    expect(total).toBe(61);
    // Key factor 04's heading is missing from the source; it is supplied and marked editorial.
    expect(benchmark.keyFactors[3]).toMatchObject({ code: '04', headingEditorial: true });
    expect(benchmark.contextFactors).toHaveLength(7);
    expect(benchmark.keyFactors[0].examples.length).toBeGreaterThan(0);
  });

  it('lists the 16 fields of action with their sub-fields', async () => {
    const gql = await t.gql.signIn(peer.email, TEST_PASSWORD);
    const { fieldsOfAction } = await gql.ok('{ fieldsOfAction { code title subFields { code title } } }');
    expect(fieldsOfAction).toHaveLength(16);
    expect(fieldsOfAction[2].subFields.map((f: { code: string }) => f.code)).toEqual(['3a', '3b', '3c']);
  });

  it('refuses a broken benchmark import with every problem listed, and writes nothing', async () => {
    const gql = await t.gql.signIn(admin.email, TEST_PASSWORD);
    const before = await t.dataSource.query('SELECT (SELECT count(*) FROM benchmark) b, (SELECT count(*) FROM key_factor) k');
    const broken = {
      code: 'ANTI-DISCRIMINATION',
      title: 'Anti-discrimination',
      standard: 'The city prevents discrimination.',
      source: { title: 'A toolkit', organisation: 'EUROCITIES', attribution: 'Credit.' },
      ratingScale: [
        { value: 1, label: 'No', description: 'Not in place' },
        { value: 2, label: 'Yes', description: 'In place' },
      ],
      keyFactors: [
        { number: 1, heading: 'Monitoring', statement: 'The city monitors.', guideQuestions: ['Does it?'] },
        { number: 1, heading: 'Training' },
        { number: 2, heading: 'Complaints', statement: 'There is a complaints procedure.', colour: 'red' },
      ],
    };
    const result = await gql.request('mutation($d: JSON!) { importBenchmark(document: $d) { outcome } }', { d: broken });
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.problems).toEqual(
      expect.arrayContaining([
        { path: 'keyFactors[1].statement', message: 'statement is required' },
        { path: 'keyFactors[1].number', message: 'duplicate number 1 (also at keyFactors[0])' },
        { path: 'keyFactors[2].colour', message: 'unknown field "colour"' },
      ]),
    );
    expect(error?.message).toContain('keyFactors[1].statement');
    const after = await t.dataSource.query('SELECT (SELECT count(*) FROM benchmark) b, (SELECT count(*) FROM key_factor) k');
    expect(after).toEqual(before);
  });

  it('round-trips a benchmark through export and import, and only an admin may import', async () => {
    const gql = await t.gql.signIn(admin.email, TEST_PASSWORD);
    const { benchmarkExport } = await gql.ok('{ benchmarkExport(code: "EUROCITIES-PCD", version: 1) }');
    const shipped = JSON.parse(readFileSync('libs/catalogue/src/data/eurocities-promoting-cultural-diversity.benchmark.json', 'utf8'));
    expect(benchmarkExport).toEqual(shipped);
    const same = await gql.ok('mutation($d: JSON!) { importBenchmark(document: $d) { outcome benchmark { version } } }', {
      d: benchmarkExport,
    });
    expect(same.importBenchmark).toEqual({ outcome: 'unchanged', benchmark: { version: 1 } });
    const peerGql = await t.gql.signIn(peer.email, TEST_PASSWORD);
    const refused = await peerGql.request('mutation($d: JSON!) { importBenchmark(document: $d) { outcome } }', { d: benchmarkExport });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('emails a password-reset link through the outbox and the capture transport, and the emailed token sets a new password', async () => {
    const anonymous = t.gql;
    const asked = await anonymous.ok('mutation { requestPasswordReset(email: "peer@example.org") }');
    expect(asked.requestPasswordReset).toBe(true);
    const unknown = await anonymous.ok('mutation { requestPasswordReset(email: "nobody@example.org") }');
    expect(unknown.requestPasswordReset).toBe(true);
    const mail = await waitForMail((m) => m.to === 'peer@example.org');
    expect(mail.subject).toMatch(/password/i);
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] as string;
    expect(mail.text).toContain(token);
    // Nothing went to the unknown address (the only other message would have been queued with it).
    expect((await capturedMail()).map((m) => m.to)).toEqual(['peer@example.org']);

    const tooShort = await anonymous.request('mutation($t: String!) { resetPassword(token: $t, newPassword: "short") { accessToken } }', {
      t: token,
    });
    expect(tooShort.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: 'The new password must be at least 10 characters long.',
    });

    const reset = await anonymous.ok(
      'mutation($t: String!) { resetPassword(token: $t, newPassword: "a-brand-new-password") { person { email } } }',
      { t: token },
    );
    expect(reset.resetPassword.person.email).toBe('peer@example.org');
    await expect(t.gql.signIn('peer@example.org', 'a-brand-new-password')).resolves.toBeDefined();
    const reused = await anonymous.request(
      'mutation($t: String!) { resetPassword(token: $t, newPassword: "another-new-password") { accessToken } }',
      { t: token },
    );
    expect(reused.errors?.[0].message).toBe('This password-reset link has already been used.');
  });

  it('answers plain HTTP errors with the same stable codes', async () => {
    // Under the API's own paths (other paths are the web app's client routes, see apps/api/src/web-app).
    const missing = await fetch(`${t.url}/health/no-such-route`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers GraphQL with Cache-Control: no-store, signed in or not (every answer depends on who asks)', async () => {
    const signedIn = await t.gql.signIn(admin.email, TEST_PASSWORD);
    const ask = (token?: string) =>
      fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
    const mine = await ask(signedIn.token);
    expect(await mine.json()).toEqual({ data: { me: { id: admin.id } } });
    expect(mine.headers.get('cache-control')).toBe('no-store');
    const anonymous = await ask();
    const refused = (await anonymous.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
  });

  it('reports PostgreSQL and Redis separately on /health', async () => {
    const response = await fetch(`${t.url}/health`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'ok', checks: { postgres: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('serves the explorer and its assets from the installed packages (no CDN)', async () => {
    const page = await (await fetch(`${t.url}/explorer`)).text();
    expect(page).toContain('/explorer/assets/graphiql.js');
    expect(page).not.toMatch(/https?:\/\/(?!localhost)/);
    // The inline script that starts GraphiQL must at least parse.
    const inline = /<script>([\s\S]*?)<\/script>/.exec(page)?.[1] as string;
    expect(() => new Function(inline)).not.toThrow();
    // The explorer loads the schema with the standard introspection query; the limits must let it through.
    const introspection = await t.gql.request(getIntrospectionQuery());
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data?.__schema.types.length).toBeGreaterThan(20);
    for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css']) {
      const response = await fetch(`${t.url}/explorer/assets/${asset}`);
      const body = await response.text();
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
      expect(body.length).toBeGreaterThan(1000);
    }
  });

  it('refuses queries past the depth and cost limits with a message saying what to do', async () => {
    const gql = await t.gql.signIn(admin.email, TEST_PASSWORD);
    // 1 + 10 nested selections = 11 levels, one past the default limit of 10.
    const nested = Array.from({ length: 10 }).reduce<string>((inner) => `subFields { ${inner} }`, 'code');
    const deep = await gql.request(`{ fieldsOfAction { ${nested} } }`);
    expect(deep.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(deep.errors?.[0].message).toContain('the limit is 10');
    const aliases = Array.from(
      { length: 60 },
      (_, i) => `b${i}: benchmarks(first: 100) { nodes { keyFactors { guideQuestions { text } } } }`,
    ).join('\n');
    const costly = await gql.request(`{ ${aliases} }`);
    expect(costly.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(costly.errors?.[0].message).toMatch(/The query costs \d+, above the limit of 5000/);
  });

  it('pages through a connection with cursors', async () => {
    const gql = await t.gql.signIn(admin.email, TEST_PASSWORD);
    for (const name of ['Aarhus', 'Bergen', 'Cork']) {
      await gql.ok('mutation($i: CityInput!) { createCity(input: $i) { id } }', { i: { name, country: 'NO', timeZone: 'Europe/Oslo' } });
    }
    const first = await gql.ok('{ cities(first: 2) { totalCount nodes { name } pageInfo { hasNextPage endCursor } } }');
    expect(first.cities).toMatchObject({ totalCount: 3, nodes: [{ name: 'Aarhus' }, { name: 'Bergen' }], pageInfo: { hasNextPage: true } });
    const second = await gql.ok('query($after: String) { cities(first: 2, after: $after) { nodes { name } pageInfo { hasNextPage } } }', {
      after: first.cities.pageInfo.endCursor,
    });
    expect(second.cities).toEqual({ nodes: [{ name: 'Cork' }], pageInfo: { hasNextPage: false } });
  });
  it('keeps the directory: admins add cities, organisations, people and stakeholders; bad input says what to fix and writes nothing', async () => {
    const gql = await t.gql.signIn(admin.email, TEST_PASSWORD);
    const bad = await gql.request('mutation($i: CityInput!) { createCity(input: $i) { id } }', {
      i: { name: ' ', country: 'Norway', timeZone: 'Bergen/Time', population: -5 },
    });
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [
        { path: 'name', message: 'must not be empty' },
        { path: 'country', message: 'expected a two-letter ISO country code in capitals, e.g. NO' },
        { path: 'timeZone', message: '"Bergen/Time" is not an IANA time zone; expected e.g. Europe/Oslo' },
        { path: 'population', message: 'must not be negative' },
      ],
    });
    expect(await t.dataSource.query("SELECT id FROM city WHERE country = 'Norway'")).toEqual([]);

    const { createCity } = await gql.ok(
      'mutation { createCity(input: { name: "Oslo", country: "NO", timeZone: "Europe/Oslo", eurocitiesCharterSignatory: true }) { id } }',
    );
    const { createOrganisation } = await gql.ok(
      'mutation($c: ID!) { createOrganisation(input: { name: "Oslo migrant forum", kind: MIGRANT_ORGANISATION, cityId: $c }) { id city { name } } }',
      { c: createCity.id },
    );
    expect(createOrganisation.city).toEqual({ name: 'Oslo' });
    const person = await gql.ok(
      'mutation($o: ID!) { createPerson(input: { email: "Amir@Example.org", fullName: "Amir Haddad", organisationId: $o, timeZone: "Europe/Oslo" }) { email organisation { name } } }',
      { o: createOrganisation.id },
    );
    expect(person.createPerson).toEqual({ email: 'amir@example.org', organisation: { name: 'Oslo migrant forum' } });
    const duplicate = await gql.request('mutation { createPerson(input: { email: "amir@example.org", fullName: "Someone Else" }) { id } }');
    expect(duplicate.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: 'Someone already has the email amir@example.org.',
    });

    const nameless = await gql.request('mutation($c: ID!) { createStakeholder(input: { cityId: $c, category: CITY_OFFICIAL }) { id } }', {
      c: createCity.id,
    });
    expect(nameless.errors?.[0].extensions?.problems).toEqual([
      { path: 'position', message: 'give a name or a position, so the team knows whom they met' },
    ]);
    const stakeholder = await gql.ok(
      'mutation($c: ID!, $o: ID!) { createStakeholder(input: { cityId: $c, organisationId: $o, position: "Chair", category: MIGRANT_ORGANISATION }) { name consentToBeNamed organisation { name } city { name } } }',
      { c: createCity.id, o: createOrganisation.id },
    );
    expect(stakeholder.createStakeholder).toEqual({
      name: null,
      consentToBeNamed: false,
      organisation: { name: 'Oslo migrant forum' },
      city: { name: 'Oslo' },
    });

    const someone = await t.gql.signIn((await createPerson(t.dataSource, {})).email, TEST_PASSWORD);
    const refused = await someone.request(
      'mutation { createCity(input: { name: "Nowhere", country: "NO", timeZone: "Europe/Oslo" }) { id } }',
    );
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: 'Only the network secretariat (an admin) can do this.',
    });
  });
});
