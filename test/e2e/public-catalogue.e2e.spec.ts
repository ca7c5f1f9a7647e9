import { readGoodPracticeDocx } from '@peervisit/catalogue';
import { createPerson, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/**
 * The public good-practice catalogue (issue 18): published practices are read, filtered, searched
 * and exported to Word without signing in; drafts and submitted ones stay their author's and the
 * secretariat's, whatever an anonymous caller asks for (a list by status, an id, the Word export,
 * the filters' cities).
 */
describe('the public good-practice catalogue, signed out', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  let author: GraphqlClient;
  let anonymous: GraphqlClient;
  const ids = {} as Record<'bergen' | 'oslo' | 'lisbon' | 'draft' | 'submitted', string>;

  const practice = (city: string, country: string, title: string, period: string, criteria: object, purpose: string) => ({
    contact: { city, country, department: 'Diversity Section', contactPerson: 'Kari Nordmann' },
    action: {
      title,
      mainFieldOfAction: '1',
      furtherFieldsOfAction: ['5'],
      mainPurpose: `${title}, in short`,
      implementationPeriod: period,
    },
    description: { purpose, stimulus: 'Political commitment.', process: 'Step by step.', impact: 'Measured.', keyReferenceDocuments: [] },
    criteria,
  });
  const met = (justification: string) => ({ met: true, justification });
  const notMet = { met: false, justification: '' };

  const importJson = 'mutation($d: JSON!) { importGoodPractice(document: $d) { id } }';
  const create = 'mutation($input: GoodPracticeInput!) { createGoodPractice(input: $input) { id status } }';
  const submit = 'mutation($id: ID!) { submitGoodPractice(id: $id) { id status } }';
  const publish = 'mutation($id: ID!) { publishGoodPractice(id: $id) { id status } }';
  const browse = `query($search: String, $country: String, $city: String, $year: Int, $foa: String, $criteria: [GoodPracticeCriterionKey!], $status: GoodPracticeStatus, $first: Int, $after: String) {
    goodPractices(search: $search, country: $country, city: $city, year: $year, fieldOfAction: $foa, criteria: $criteria, status: $status, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id title status } } }`;
  const get = `query($id: ID!) { goodPractice(id: $id) { id title status city country department contactPerson mainPurpose implementationPeriod
    purpose stimulus process impact keyReferenceDocuments { title url } criteria { key label met justification }
    mainFieldOfAction { code title } furtherFieldsOfAction { code title } revisions { version } } }`;
  const facets = 'query { goodPracticeFacets { cities { city country count } countries { country count } firstYear lastYear } }';
  const titles = async (client: GraphqlClient, variables: Record<string, unknown> = {}) =>
    ((await client.ok(browse, variables)).goodPractices.nodes as { title: string }[]).map((n) => n.title);
  const docx = (id: string, token?: string) =>
    fetch(`${t.url}/good-practices/${id}/export.docx`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    const adminPerson = await createPerson(t.dataSource, { isAdmin: true, fullName: 'Sam Secretariat' });
    const authorPerson = await createPerson(t.dataSource, { fullName: 'Ada Author' });
    admin = await t.gql.signIn(adminPerson.email, TEST_PASSWORD);
    author = await t.gql.signIn(authorPerson.email, TEST_PASSWORD);
    anonymous = t.gql;

    const published = async (document: object) => {
      const { importGoodPractice } = await admin.ok(importJson, { d: document });
      await admin.ok(submit, { id: importGoodPractice.id });
      await admin.ok(publish, { id: importGoodPractice.id });
      return importGoodPractice.id as string;
    };
    ids.bergen = await published(
      practice(
        'Bergen',
        'NO',
        'Public statement as an intercultural city',
        '2019-2021',
        { goalOriented: met('It sets goals.'), highlyImpacting: met('An action plan followed.'), contextSensitive: notMet },
        'The city council adopted a public statement of its intentions as an intercultural city.',
      ),
    );
    ids.oslo = await published(
      practice(
        'Oslo',
        'NO',
        'Paired schools across districts',
        '2016-',
        { goalOriented: met('Fewer segregated schools.'), highlyImpacting: notMet },
        'Schools in different districts were paired to combat educational segregation.',
      ),
    );
    ids.lisbon = await published(
      practice('Lisbon', 'PT', 'Neighbourhood mediators', '2012-2014', {}, 'Mediators from the neighbourhood settle conflicts.'),
    );
    // The author's draft, in a city nobody has published from, and a submitted one: neither is public.
    const draftInput = {
      contact: { city: 'Secretville', country: 'FI' },
      action: { title: 'Unpublished draft about mediators', mainFieldOfAction: '1', implementationPeriod: '1999' },
      description: { purpose: 'Mediators in a draft that is not public.' },
      criteria: [{ key: 'goalOriented', met: true }],
    };
    ids.draft = (await author.ok(create, { input: draftInput })).createGoodPractice.id;
    ids.submitted = (
      await author.ok(create, {
        input: { ...draftInput, action: { ...draftInput.action, title: 'Submitted one about mediators' } },
      })
    ).createGoodPractice.id;
    await author.ok(submit, { id: ids.submitted });
  });
  afterAll(() => t?.close());

  it('lists the published practices, newest first, to anyone; drafts and submitted ones never', async () => {
    const { goodPractices } = await anonymous.ok(browse, {});
    expect(goodPractices.totalCount).toBe(3);
    expect(goodPractices.nodes.map((n: { id: string }) => n.id)).toEqual([ids.lisbon, ids.oslo, ids.bergen]);
    expect(goodPractices.nodes.every((n: { status: string }) => n.status === 'PUBLISHED')).toBe(true);
    // Paged like the signed-in listing.
    const first = (await anonymous.ok(browse, { first: 2 })).goodPractices;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await anonymous.ok(browse, { first: 2, after: first.pageInfo.endCursor })).goodPractices;
    expect(second.nodes.map((n: { id: string }) => n.id)).toEqual([ids.bergen]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    // The words of the draft find nothing for an anonymous caller.
    expect(await titles(anonymous, { search: 'mediators' })).toEqual(['Neighbourhood mediators']);
  });

  it('an anonymous caller asking for drafts or submitted ones is told to sign in, and gets none', async () => {
    for (const status of ['DRAFT', 'SUBMITTED']) {
      const result = await anonymous.request(browse, { status });
      expect(result.data?.goodPractices ?? null).toBeNull();
      expect(result.errors?.[0]).toMatchObject({
        message: 'Sign in to list drafts and submitted good practices: only their authors and the network secretariat see them.',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    // The author still lists their own.
    expect(await titles(author, { status: 'DRAFT' })).toEqual(['Unpublished draft about mediators']);
    expect(await titles(author, { status: 'SUBMITTED' })).toEqual(['Submitted one about mediators']);
  });

  it('reads one published practice in every section of the template, without its revisions', async () => {
    const { goodPractice } = await anonymous.ok(get, { id: ids.bergen });
    expect(goodPractice).toMatchObject({
      id: ids.bergen,
      status: 'PUBLISHED',
      title: 'Public statement as an intercultural city',
      city: 'Bergen',
      country: 'NO',
      department: 'Diversity Section',
      contactPerson: 'Kari Nordmann',
      implementationPeriod: '2019-2021',
      stimulus: 'Political commitment.',
      mainFieldOfAction: { code: '1' },
      furtherFieldsOfAction: [{ code: '5' }],
      revisions: null,
    });
    expect(goodPractice.criteria.map((c: { key: string; met: boolean | null }) => [c.key, c.met])).toEqual([
      ['goalOriented', true],
      ['customerResponsive', null],
      ['contextSensitive', false],
      ['highlyImpacting', true],
      ['capableOfBeingModelled', null],
      ['canBeGeneralised', null],
    ]);
  });

  it('a draft or submitted id is NOT_FOUND for an anonymous caller, exactly like an id that does not exist', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const answers = [];
    for (const id of [ids.draft, ids.submitted, unknown]) {
      const result = await anonymous.request(get, { id });
      expect(result.data?.goodPractice ?? null).toBeNull();
      answers.push({ code: result.errors?.[0].extensions?.code, message: result.errors?.[0].message.replace(id, '<id>') });
    }
    expect(answers).toEqual([answers[0], answers[0], answers[0]]);
    expect(answers[0]).toEqual({ code: 'NOT_FOUND', message: 'Good practice <id> was not found.' });
    // Not an id at all: bad input, not a server error.
    expect((await anonymous.request(get, { id: 'not-a-uuid' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // Its author still reads it.
    expect((await author.ok(get, { id: ids.draft })).goodPractice).toMatchObject({ status: 'DRAFT', revisions: [{ version: 1 }] });
    // A token that does not verify is no key to a draft: the caller is treated as signed out.
    const forged = anonymous.as('not.a.token');
    expect((await forged.request(get, { id: ids.draft })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await titles(forged, { search: 'mediators' })).toEqual(['Neighbourhood mediators']);
  });

  it('filters by criteria met (all of them), alone and with the other filters, signed in or not', async () => {
    expect(await titles(anonymous, { criteria: ['goalOriented'] })).toEqual([
      'Paired schools across districts',
      'Public statement as an intercultural city',
    ]);
    expect(await titles(anonymous, { criteria: ['goalOriented', 'highlyImpacting'] })).toEqual([
      'Public statement as an intercultural city',
    ]);
    // Assessed as not met is not met.
    expect(await titles(anonymous, { criteria: ['contextSensitive'] })).toEqual([]);
    expect(await titles(anonymous, { criteria: ['goalOriented', 'goalOriented'] })).toHaveLength(2);
    expect(await titles(anonymous, { criteria: [] })).toHaveLength(3);
    expect(await titles(anonymous, { criteria: ['goalOriented'], country: 'no', year: 2020, foa: '1', search: 'statement' })).toEqual([
      'Public statement as an intercultural city',
    ]);
    expect(await titles(anonymous, { criteria: ['goalOriented'], city: 'oslo' })).toEqual(['Paired schools across districts']);
    // Drafts of the author are filtered the same way.
    expect(await titles(author, { status: 'DRAFT', criteria: ['goalOriented'] })).toEqual(['Unpublished draft about mediators']);
    expect(await titles(author, { status: 'DRAFT', criteria: ['canBeGeneralised'] })).toEqual([]);
    // A criterion that is not one of the six is refused as bad input, not a server error.
    const wrong = await anonymous.request(browse, { criteria: ['beautiful'] });
    expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badYear = await anonymous.request(browse, { year: 99 });
    expect(badYear.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', problems: [{ path: 'year' }] } });
  });

  it('gives the filters: the cities, countries and years of published practices only, and the fields of action', async () => {
    const { goodPracticeFacets } = await anonymous.ok(facets);
    expect(goodPracticeFacets).toEqual({
      cities: [
        { city: 'Bergen', country: 'NO', count: 1 },
        { city: 'Lisbon', country: 'PT', count: 1 },
        { city: 'Oslo', country: 'NO', count: 1 },
      ],
      countries: [
        { country: 'NO', count: 2 },
        { country: 'PT', count: 1 },
      ],
      firstYear: 2012,
      // Oslo's practice is ongoing ("2016-"): it runs to this year.
      lastYear: new Date().getFullYear(),
    });
    const { fieldsOfAction } = await anonymous.ok('query { fieldsOfAction { code title subFields { code title } } }');
    expect(fieldsOfAction).toHaveLength(16);
  });

  it('exports a published practice to Word for anyone; a draft is 404 signed out and for others, and its author still gets it', async () => {
    const file = await docx(ids.bergen);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.headers.get('cache-control')).toBe('private, no-store');
    const read = await readGoodPracticeDocx(Buffer.from(await file.arrayBuffer()));
    expect(read.problems).toEqual([]);
    expect(read.document?.action.title).toBe('Public statement as an intercultural city');

    for (const id of [ids.draft, ids.submitted, '00000000-0000-4000-8000-000000000000']) {
      const refused = await docx(id);
      expect({ id, status: refused.status }).toEqual({ id, status: 404 });
      expect(await refused.text()).not.toContain('Unpublished draft');
      expect((await docx(id, 'not.a.token')).status).toBe(404);
    }
    expect((await docx(ids.draft, author.token)).status).toBe(200);
  });

  it('everything else about good practices still needs a sign-in', async () => {
    const drafting = await anonymous.request(create, {
      input: { contact: { city: 'Oslo' }, action: { title: 'x', mainFieldOfAction: '1' }, description: {} },
    });
    expect(drafting.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await anonymous.request(submit, { id: ids.draft })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(
      (await anonymous.request('query($id: ID!) { goodPracticeExport(id: $id) }', { id: ids.bergen })).errors?.[0].extensions?.code,
    ).toBe('UNAUTHENTICATED');
    const [{ n }] = await t.dataSource.query("SELECT count(*)::int AS n FROM good_practice WHERE status = 'DRAFT'");
    expect(n).toBe(1);
  });
});
