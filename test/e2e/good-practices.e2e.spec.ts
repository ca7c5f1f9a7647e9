import { randomUUID } from 'node:crypto';
import { readGoodPracticeDocx, writeGoodPracticeDocx } from '@peervisit/catalogue';
import { createCity, createPerson, createReviewFixture, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import bergen from '../../libs/catalogue/src/data/icc-good-practice-bergen.json';
import { AppModule } from '../../apps/api/src/app.module';

type Fixture = Awaited<ReturnType<typeof createReviewFixture>>;

/**
 * The good-practice catalogue in the ICC template: drafting with every problem listed, the
 * draft → submitted → published workflow, visibility, optimistic locking and revisions, browsing
 * like the ICC listing, JSON and DOCX import/export, and the review side (promoting evidence and
 * recommendations, suggestions for a recommendation).
 */
describe('good practices, end to end', () => {
  let t: TestApp;
  let f: Fixture;
  const as = {} as Record<'admin' | 'author' | 'other' | 'leader' | 'peer' | 'coordinator' | 'observer', GraphqlClient>;
  const people = {} as Record<'admin' | 'author' | 'other', { id: string; email: string }>;
  let bergenCityId: string;

  const fields = `id status version city cityId country department completedOn contactPerson title mainPurpose implementationPeriod periodStartYear periodEndYear
    purpose stimulus process impact keyReferenceDocuments { title url } criteria { key label met justification } teaser
    mainFieldOfAction { code } furtherFieldsOfAction { code } fieldsOfAction { code title }
    createdById submittedAt publishedAt sourceReviewId sourceEvidenceId sourceRecommendationId`;
  const create = `mutation($input: GoodPracticeInput!) { createGoodPractice(input: $input) { ${fields} } }`;
  const update = `mutation($id: ID!, $input: GoodPracticeInput!, $v: Int!) { updateGoodPractice(id: $id, input: $input, expectedVersion: $v) { ${fields} } }`;
  const submit = 'mutation($id: ID!) { submitGoodPractice(id: $id) { id status version submittedAt } }';
  const back =
    'mutation($id: ID!, $reason: String) { returnGoodPracticeToDraft(id: $id, reason: $reason) { id status version submittedAt } }';
  const publish = 'mutation($id: ID!) { publishGoodPractice(id: $id) { id status version publishedAt } }';
  const get = `query($id: ID!) { goodPractice(id: $id) { ${fields} revisions { version action status document note savedById } } }`;
  const importJson = `mutation($d: JSON!) { importGoodPractice(document: $d) { ${fields} } }`;
  const exportJson = 'query($id: ID!) { goodPracticeExport(id: $id) }';
  const browse = `query($foa: String, $country: String, $city: String, $year: Int, $search: String, $status: GoodPracticeStatus, $first: Int, $after: String) {
    goodPractices(fieldOfAction: $foa, country: $country, city: $city, year: $year, search: $search, status: $status, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id title city country implementationPeriod teaser fieldsOfAction { code } publishedAt } } }`;

  const input = (overrides: { contact?: object; action?: object; description?: object; criteria?: object[] } = {}) => ({
    contact: {
      city: 'Oslo',
      country: 'NO',
      department: 'Education Agency',
      completedOn: '2023-05-02',
      contactPerson: 'Kari Nordmann',
      ...overrides.contact,
    },
    action: {
      title: 'Educational equality in Oslo',
      mainFieldOfAction: '5',
      furtherFieldsOfAction: ['3'],
      mainPurpose: 'Tackling educational segregation through raising standards',
      implementationPeriod: '2016-',
      ...overrides.action,
    },
    description: {
      purpose:
        'The aim of this project is to combat educational segregation through organizational structures, activities and curricula that increase diversity and intercultural learning in public schools. Schools in different districts were paired, and teachers were trained together.',
      stimulus: 'Segregation between schools was growing.',
      process: 'Schools were paired across districts.',
      impact: 'More pupils chose schools outside their district.',
      keyReferenceDocuments: [{ title: 'Oslo school report', url: 'https://example.org/oslo-report' }],
      ...overrides.description,
    },
    criteria: overrides.criteria ?? [{ key: 'goalOriented', met: true, justification: 'It reduces inequalities between schools.' }],
  });
  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  /** Imports a document as the admin and publishes it (returns its id). */
  const published = async (document: object) => {
    const { importGoodPractice } = await as.admin.ok(importJson, { d: document });
    await as.admin.ok(submit, { id: importGoodPractice.id });
    await as.admin.ok(publish, { id: importGoodPractice.id });
    return importGoodPractice.id as string;
  };
  const practice = (
    city: string,
    country: string,
    title: string,
    main: string,
    further: string[],
    period: string | undefined,
    purpose: string,
  ) => ({
    contact: { city, country },
    action: { title, mainFieldOfAction: main, furtherFieldsOfAction: further, ...(period ? { implementationPeriod: period } : {}) },
    description: { purpose, keyReferenceDocuments: [] },
    criteria: {},
  });

  /** The ICC template's own example (Bergen, "Research on structural racism"), with every field of the template filled. */
  const structuralRacism = {
    contact: {
      city: 'Bergen',
      country: 'NO',
      department: 'Diversity and Equality Section',
      completedOn: '2022-06-30',
      contactPerson: 'Ola Nordmann',
    },
    action: {
      title: 'Research on structural racism',
      mainFieldOfAction: '3',
      furtherFieldsOfAction: ['13'],
      mainPurpose:
        'Provoking debate, enabling understanding and stimulating action through research on structural racism in Bergen, Norway',
      implementationPeriod: '12 months, Jan/dec 2021',
    },
    description: {
      purpose:
        'This research initiative was undertaken by Bergen Municipality to establish how minority ethnic populations perceived the way they were treated by the city’s services and how they experienced living in Bergen.',
      stimulus: 'The primary driver for this initiative was political commitment.',
      process:
        'The contracting of an external research team, with expertise in structural racism, was central to the approach taken.\n\nA qualitative aspect to the research involved one-to-one interviews with a small number of minority ethnic people.',
      impact: 'The research report provoked debate. Politicians on the City Council took it seriously.',
      keyReferenceDocuments: [
        {
          title:
            'Sindre Bangstad, Edvard Nergård Larsen & Lise B.Grung, Structural Racism in Bergen, Report 2021/09, Vista Analysis and KIFO, 2021 (Norwegian)',
          url: 'https://example.org/structural-racism-in-bergen',
        },
      ],
    },
    criteria: {
      goalOriented: { met: true, justification: 'It aims at reducing inequalities.' },
      customerResponsive: { met: true, justification: 'It starts from the narratives of minority ethnic people.' },
      contextSensitive: { met: false, justification: '' },
      highlyImpacting: { met: true, justification: 'An action plan and funding followed.' },
      capableOfBeingModelled: { met: true, justification: 'External research team, interviews and a survey.' },
      canBeGeneralised: { met: true, justification: 'Any city can commission such research.' },
    },
  };

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    people.admin = await createPerson(t.dataSource, { isAdmin: true, fullName: 'Sam Secretariat' });
    people.author = await createPerson(t.dataSource, { fullName: 'Ada Author' });
    people.other = await createPerson(t.dataSource, { fullName: 'Otto Other' });
    for (const who of ['admin', 'author', 'other'] as const) as[who] = await t.gql.signIn(people[who].email, TEST_PASSWORD);
    bergenCityId = (await createCity(t.dataSource, { name: 'Bergen', country: 'NO', timeZone: 'Europe/Oslo' })).id;
    f = await createReviewFixture(t.dataSource, { status: 'DELIBERATION', scope: [1, 2, 3] });
    for (const who of ['leader', 'peer', 'coordinator', 'observer'] as const)
      as[who] = await t.gql.signIn(f.people[who].email, TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  const ids: Record<string, string> = {};

  it('refuses a draft with every problem listed at once, and writes nothing', async () => {
    const bad = await as.author.request(create, {
      input: input({
        contact: { city: ' ', country: 'Norway', completedOn: '02/05/2023' },
        action: { title: null, mainFieldOfAction: '99', furtherFieldsOfAction: ['3a', 'zz', '3a'] },
        description: { keyReferenceDocuments: [{ title: '', url: 'not a link' }] },
        criteria: [
          { key: 'goalOriented', met: true },
          { key: 'goalOriented', met: false },
        ],
      }),
    });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.problems).toEqual([
      { path: 'criteria[1].key', message: 'goalOriented is given twice' },
      { path: 'contact.city', message: 'city must not be empty' },
      { path: 'contact.country', message: 'country must be a two-letter ISO code, e.g. NO' },
      { path: 'contact.completedOn', message: 'completedOn must be a date, YYYY-MM-DD' },
      { path: 'action.title', message: 'title is required' },
      { path: 'description.keyReferenceDocuments[0].title', message: 'document title must not be empty' },
      { path: 'description.keyReferenceDocuments[0].url', message: expect.any(String) },
      { path: 'action.mainFieldOfAction', message: '"99" is not an ICC field of action (use a code such as "1" or "3a")' },
      { path: 'action.furtherFieldsOfAction[1]', message: '"zz" is not an ICC field of action (use a code such as "1" or "3a")' },
      { path: 'action.furtherFieldsOfAction[2]', message: '"3a" is listed twice' },
    ]);
    const sameAsMain = await as.author.request(create, { input: input({ action: { furtherFieldsOfAction: ['3', '5'] } }) });
    expect(sameAsMain.errors?.[0].extensions?.problems).toEqual([
      { path: 'action.furtherFieldsOfAction[1]', message: '"5" is already the main field of action' },
    ]);
    expect(bad.errors?.[0].message).toMatch(
      /^The good practice was not saved: criteria\[1\]\.key: goalOriented is given twice; contact\.city: /,
    );
    expect(await count('good_practice')).toBe(0);
  });

  it('drafts one with every field of the template where it belongs', async () => {
    const { createGoodPractice: p } = await as.author.ok(create, { input: input() });
    expect(p).toMatchObject({
      status: 'DRAFT',
      version: 1,
      city: 'Oslo',
      cityId: null,
      country: 'NO',
      department: 'Education Agency',
      completedOn: '2023-05-02',
      contactPerson: 'Kari Nordmann',
      title: 'Educational equality in Oslo',
      mainFieldOfAction: { code: '5' },
      furtherFieldsOfAction: [{ code: '3' }],
      fieldsOfAction: [
        { code: '5', title: 'Education' },
        { code: '3', title: 'Anti-discrimination and equality' },
      ],
      implementationPeriod: '2016-',
      periodStartYear: 2016,
      periodEndYear: null,
      keyReferenceDocuments: [{ title: 'Oslo school report', url: 'https://example.org/oslo-report' }],
      createdById: people.author.id,
      sourceReviewId: null,
    });
    expect(p.criteria).toHaveLength(6);
    expect(p.criteria[0]).toEqual({
      key: 'goalOriented',
      label: 'Goal-oriented',
      met: true,
      justification: 'It reduces inequalities between schools.',
    });
    expect(p.criteria[1]).toEqual({ key: 'customerResponsive', label: 'Customer-responsive', met: null, justification: '' });
    expect(p.teaser.length).toBeLessThanOrEqual(200);
    expect(p.teaser).toMatch(/^The aim of this project is to combat educational segregation .*…$/);
    ids.oslo = p.id;
  });

  it('a draft is seen only by its author and admins', async () => {
    expect((await as.other.request(get, { id: ids.oslo })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await as.other.request(exportJson, { id: ids.oslo })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await as.admin.ok(get, { id: ids.oslo })).goodPractice.id).toBe(ids.oslo);
    expect((await as.author.ok(browse, { status: 'DRAFT' })).goodPractices.nodes.map((n: { id: string }) => n.id)).toEqual([ids.oslo]);
    expect((await as.other.ok(browse, { status: 'DRAFT' })).goodPractices.totalCount).toBe(0);
    expect((await as.admin.ok(browse, { status: 'DRAFT' })).goodPractices.totalCount).toBe(1);
    expect((await as.other.ok(browse, {})).goodPractices.totalCount).toBe(0);
    const edit = await as.other.request(update, { id: ids.oslo, input: input(), v: 1 });
    expect(edit.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a change based on an old version, and keeps every version', async () => {
    const v2 = (
      await as.author.ok(update, { id: ids.oslo, input: input({ action: { title: 'Educational equality in Oslo schools' } }), v: 1 })
    ).updateGoodPractice;
    expect(v2).toMatchObject({ version: 2, title: 'Educational equality in Oslo schools' });
    const stale = await as.admin.request(update, { id: ids.oslo, input: input({ action: { title: 'Overwritten' } }), v: 1 });
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', currentVersion: 2 } });
    expect(stale.errors?.[0].message).toMatch(/you started from version 1; it is now version 2/);
    const v3 = (
      await as.admin.ok(update, {
        id: ids.oslo,
        input: input({ action: { title: 'Educational equality in Oslo' }, description: { stimulus: null } }),
        v: 2,
      })
    ).updateGoodPractice;
    expect(v3).toMatchObject({ version: 3, stimulus: null });
    const { goodPractice } = await as.author.ok(get, { id: ids.oslo });
    expect(
      goodPractice.revisions.map((r: { version: number; action: string; savedById: string }) => [r.version, r.action, r.savedById]),
    ).toEqual([
      [1, 'create', people.author.id],
      [2, 'update', people.author.id],
      [3, 'update', people.admin.id],
    ]);
    expect(goodPractice.revisions[1].document.action.title).toBe('Educational equality in Oslo schools');
    expect(goodPractice.revisions[0].document.description.stimulus).toBe('Segregation between schools was growing.');
    expect(await count('good_practice_revision')).toBe(3);
  });

  it('goes draft → submitted → published; only an admin publishes; a submitted one can go back to draft', async () => {
    const { createGoodPractice: empty } = await as.author.ok(create, {
      input: input({ contact: { country: null }, description: { purpose: null } }),
    });
    const refused = await as.author.request(submit, { id: empty.id });
    expect(refused.errors?.[0]).toMatchObject({
      message: 'The good practice cannot be submitted without a purpose and a country.',
      extensions: { code: 'INVALID_TRANSITION', missing: ['a purpose', 'a country'] },
    });

    expect((await as.other.request(submit, { id: ids.oslo })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const submitted = (await as.author.ok(submit, { id: ids.oslo })).submitGoodPractice;
    expect(submitted).toMatchObject({ status: 'SUBMITTED', version: 4 });
    expect(submitted.submittedAt).toBeTruthy();
    const locked = await as.author.request(update, { id: ids.oslo, input: input(), v: 4 });
    expect(locked.errors?.[0]).toMatchObject({
      extensions: { code: 'INVALID_TRANSITION' },
      message: expect.stringMatching(/^This good practice is submitted; send it back to draft/),
    });

    const notAdmin = await as.author.request(publish, { id: ids.oslo });
    expect(notAdmin.errors?.[0]).toMatchObject({
      message: 'Only the network secretariat (an admin) can do this.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(notAdmin.data).toBeNull();

    const returned = (await as.admin.ok(back, { id: ids.oslo, reason: 'Please add the contact person.' })).returnGoodPracticeToDraft;
    expect(returned).toMatchObject({ status: 'DRAFT', submittedAt: null, version: 5 });
    expect((await as.admin.request(publish, { id: ids.oslo })).errors?.[0]).toMatchObject({
      extensions: { code: 'INVALID_TRANSITION' },
      message: 'A good practice goes from SUBMITTED to PUBLISHED; this one is DRAFT.',
    });
    await as.author.ok(submit, { id: ids.oslo });
    const done = (await as.admin.ok(publish, { id: ids.oslo })).publishGoodPractice;
    expect(done).toMatchObject({ status: 'PUBLISHED', version: 7 });
    const after = await as.author.request(update, { id: ids.oslo, input: input(), v: 7 });
    expect(after.errors?.[0]).toMatchObject({
      message: 'This good practice is published and no longer changes.',
      extensions: { code: 'INVALID_TRANSITION' },
    });
    const { goodPractice } = await as.author.ok(get, { id: ids.oslo });
    expect(goodPractice.revisions.map((r: { action: string; status: string }) => `${r.action}:${r.status}`)).toEqual([
      'create:DRAFT',
      'update:DRAFT',
      'update:DRAFT',
      'submit:SUBMITTED',
      'returnToDraft:DRAFT',
      'submit:SUBMITTED',
      'publish:PUBLISHED',
    ]);
    expect(goodPractice.revisions[4].note).toBe('Please add the contact person.');
  });

  it('a published one is read by everyone, signed in or not (revisions stay with its author and admins)', async () => {
    const { goodPractice } = await as.other.ok(get, { id: ids.oslo });
    expect(goodPractice).toMatchObject({ id: ids.oslo, status: 'PUBLISHED', revisions: null });
    expect((await as.other.ok(browse, {})).goodPractices.nodes.map((n: { id: string }) => n.id)).toEqual([ids.oslo]);
    // The public catalogue (test/e2e/public-catalogue.e2e.spec.ts): no sign-in needed, revisions still private.
    expect((await t.gql.ok(get, { id: ids.oslo })).goodPractice).toMatchObject({ id: ids.oslo, status: 'PUBLISHED', revisions: null });
  });

  it('imports the Bergen example from JSON with every field where the template puts it, and exports it back unchanged', async () => {
    // Importing is the secretariat's (docs/security.md); everyone else drafts with the form.
    expect((await as.author.request(importJson, { d: bergen })).errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: 'Only the network secretariat (an admin) can do this.',
    });
    const invalid = await as.admin.request(importJson, {
      d: { ...bergen, contact: {}, action: { ...bergen.action, mainFieldOfAction: 'Leadership' }, extra: 1 },
    });
    expect(invalid.errors?.[0].extensions?.problems).toEqual([
      { path: 'contact.city', message: 'city is required' },
      { path: 'extra', message: 'unknown field "extra"' },
      { path: 'action.mainFieldOfAction', message: '"Leadership" is not an ICC field of action (use a code such as "1" or "3a")' },
    ]);
    expect(invalid.errors?.[0].message).toMatch(/^The good practice was not imported: /);

    const { importGoodPractice: p } = await as.admin.ok(importJson, { d: bergen });
    expect(p).toMatchObject({
      status: 'DRAFT',
      createdById: people.admin.id,
      city: 'Bergen',
      cityId: bergenCityId,
      country: 'NO',
      department: null,
      completedOn: null,
      contactPerson: null,
      title: bergen.action.title,
      mainFieldOfAction: { code: '1' },
      furtherFieldsOfAction: [{ code: '2' }],
      mainPurpose: bergen.action.mainPurpose,
      implementationPeriod: null,
      purpose: 'The city council of Bergen wanted to formally adopt a public statement of its intentions as an Intercultural city.',
      stimulus: bergen.description.stimulus,
      process: bergen.description.process,
      impact: bergen.description.impact,
      keyReferenceDocuments: [{ title: 'Verden-i-Bergen-plan-for-inkludering-og-mangfold', url: null }],
    });
    expect(p.stimulus).toMatch(/^The primary driver for this initiative was political commitment\./);
    expect(p.process).toMatch(/approved by the city council of Bergen\.\n\nIn addition to the measures/);
    expect(p.impact).toMatch(/are:\n- A course series .*\n- A collaborative project called Bergen Opportunity/s);
    expect(p.criteria.every((c: { met: boolean | null }) => c.met === null)).toBe(true);
    expect((await as.admin.ok(exportJson, { id: p.id })).goodPracticeExport).toEqual(bergen);

    const { importGoodPractice: full } = await as.admin.ok(importJson, { d: structuralRacism });
    expect(full).toMatchObject({
      department: 'Diversity and Equality Section',
      completedOn: '2022-06-30',
      periodStartYear: 2021,
      periodEndYear: 2021,
    });
    expect(full.criteria.find((c: { key: string }) => c.key === 'contextSensitive')).toEqual({
      key: 'contextSensitive',
      label: 'Context-sensitive',
      met: false,
      justification: '',
    });
    expect((await as.admin.ok(exportJson, { id: full.id })).goodPracticeExport).toEqual(structuralRacism);
  });

  it('browses like the ICC listing: field of action (with sub-fields), country, city, year, words; newest published first, page by page', async () => {
    ids.neukolln = await published(
      practice(
        'Berlin-Neukölln',
        'DE',
        'District Mothers',
        '3a',
        [],
        '2016',
        'Migrant mothers reaching out to and integrating other migrant mothers.',
      ),
    );
    ids.amadora = await published(
      practice(
        'Amadora',
        'PT',
        'Don’t Feed the Rumour',
        '4',
        ['2'],
        'From September 2014 to May 2015',
        'Fight against misconceptions, prejudices, rumours and stereotypes about migrants and the city of Amadora.',
      ),
    );
    ids.stavanger = await published(
      practice(
        'Stavanger',
        'NO',
        'Welcoming internationals to the city',
        '14',
        ['8'],
        'Ongoing for several years',
        'Several years ago, the Stavanger Chamber of Commerce started a program to introduce international employees to the city.',
      ),
    );
    ids.bergen = await published(bergen);
    const list = async (vars: Record<string, unknown>) => (await as.other.ok(browse, vars)).goodPractices;
    const titles = async (vars: Record<string, unknown>) => (await list(vars)).nodes.map((n: { city: string }) => n.city);

    const all = await list({});
    expect(all.nodes.map((n: { id: string }) => n.id)).toEqual([ids.bergen, ids.stavanger, ids.amadora, ids.neukolln, ids.oslo]);
    expect(all.nodes[2]).toMatchObject({
      title: 'Don’t Feed the Rumour',
      city: 'Amadora',
      country: 'PT',
      implementationPeriod: 'From September 2014 to May 2015',
      teaser: 'Fight against misconceptions, prejudices, rumours and stereotypes about migrants and the city of Amadora.',
      fieldsOfAction: [{ code: '4' }, { code: '2' }],
    });
    expect(await titles({ foa: '3' })).toEqual(['Berlin-Neukölln', 'Oslo']);
    expect(await titles({ foa: '3a' })).toEqual(['Berlin-Neukölln']);
    expect(await titles({ foa: '2' })).toEqual(['Bergen', 'Amadora']);
    expect(await titles({ foa: '8' })).toEqual(['Stavanger']);
    expect(await titles({ country: 'no' })).toEqual(['Bergen', 'Stavanger', 'Oslo']);
    expect(await titles({ city: 'berlin-neukölln' })).toEqual(['Berlin-Neukölln']);
    expect(await titles({ year: 2015 })).toEqual(['Amadora']);
    expect(await titles({ year: 2016 })).toEqual(['Berlin-Neukölln', 'Oslo']);
    expect(await titles({ year: 2024 })).toEqual(['Oslo']);
    expect(await titles({ year: 2013 })).toEqual([]);
    // Stemming: "rumour" finds "rumours", "mother" finds "mothers", "integrated" finds "integrating".
    expect(await titles({ search: 'rumour' })).toEqual(['Amadora']);
    expect(await titles({ search: 'mother integrated' })).toEqual(['Berlin-Neukölln']);
    expect(await titles({ search: '"intercultural city"' })).toEqual(['Bergen']);
    expect(await titles({ search: 'award' })).toEqual(['Bergen']);
    expect(await titles({ search: 'migrants', country: 'DE' })).toEqual(['Berlin-Neukölln']);
    expect(await titles({ search: 'segregation -oslo' })).toEqual([]);

    const first = await list({ first: 2 });
    expect(first).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
    const second = await list({ first: 2, after: first.pageInfo.endCursor });
    const third = await list({ first: 2, after: second.pageInfo.endCursor });
    expect(third.pageInfo.hasNextPage).toBe(false);
    expect([...first.nodes, ...second.nodes, ...third.nodes].map((n: { id: string }) => n.id)).toEqual(
      all.nodes.map((n: { id: string }) => n.id),
    );

    const unknown = await as.other.request(browse, { foa: '42', country: 'Norway' });
    expect(unknown.errors?.[0].extensions?.problems).toEqual([
      { path: 'fieldOfAction', message: 'no field of action has the code "42"' },
      { path: 'country', message: 'a two-letter ISO code, e.g. NO' },
    ]);
  });

  describe('from a review', () => {
    let evidenceId: string;
    let recommendationId: string;
    const promoteEvidence = `mutation($id: ID!, $foa: String!) { promoteEvidenceToGoodPractice(evidenceId: $id, mainFieldOfAction: $foa) { ${fields} } }`;
    const promoteRecommendation = `mutation($id: ID!, $foa: String!) { promoteRecommendationToGoodPractice(recommendationId: $id, mainFieldOfAction: $foa) { ${fields} } }`;
    const suggest =
      'query($id: ID!, $first: Int) { suggestGoodPractices(recommendationId: $id, first: $first) { score why goodPractice { id city status } } }';

    beforeAll(async () => {
      evidenceId = randomUUID();
      await t.dataSource.query(
        `INSERT INTO evidence (id, review_id, source, key_factor_ids, statement, stance, logged_by_id, observed_at)
         VALUES ($1, $2, 'INTERVIEW', $3, $4, 'SUPPORTS', $5, now())`,
        [
          evidenceId,
          f.reviewId,
          [f.keyFactors[0].id],
          'The mayor opens every council term by reading the city diversity statement aloud. Officials say it sets the tone for the whole administration.',
          f.people.peer.id,
        ],
      );
      const added = await as.peer.ok(
        'mutation($r: ID!, $input: RecommendationInput!) { addRecommendation(reviewId: $r, input: $input) { id } }',
        {
          r: f.reviewId,
          input: {
            text: 'Publish the diversity statement of the city council and give a diversity award each year to services that succeed with diversity.',
            keyFactorIds: [f.keyFactors[0].id],
            priority: 'HIGH',
            horizon: 'QUICK_WIN',
          },
        },
      );
      recommendationId = added.addRecommendation.id;
    });

    it('the team drafts a good practice from a piece of evidence, pre-filled and linked to it', async () => {
      for (const who of ['coordinator', 'observer'] as const) {
        expect((await as[who].request(promoteEvidence, { id: evidenceId, foa: '1' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      expect((await as.other.request(promoteEvidence, { id: evidenceId, foa: '1' })).errors?.[0].message).toBe(
        'You are not a member of this review.',
      );
      expect((await as.peer.request(promoteEvidence, { id: randomUUID(), foa: '1' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const badField = await as.peer.request(promoteEvidence, { id: evidenceId, foa: '77' });
      expect(badField.errors?.[0].extensions?.problems).toEqual([
        { path: 'action.mainFieldOfAction', message: '"77" is not an ICC field of action (use a code such as "1" or "3a")' },
      ]);

      const { promoteEvidenceToGoodPractice: p } = await as.peer.ok(promoteEvidence, { id: evidenceId, foa: '1' });
      expect(p).toMatchObject({
        status: 'DRAFT',
        createdById: f.people.peer.id,
        city: f.city.name,
        cityId: f.city.id,
        country: 'NO',
        title: 'The mayor opens every council term by reading the city diversity statement aloud',
        purpose:
          'The mayor opens every council term by reading the city diversity statement aloud. Officials say it sets the tone for the whole administration.',
        mainFieldOfAction: { code: '1' },
        sourceReviewId: f.reviewId,
        sourceEvidenceId: evidenceId,
        sourceRecommendationId: null,
      });
      // A draft like any other: its author's until published.
      expect((await as.leader.request(get, { id: p.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await as.peer.ok(get, { id: p.id })).goodPractice.revisions.map((r: { action: string }) => r.action)).toEqual(['promote']);
      const again = await as.leader.request(promoteEvidence, { id: evidenceId, foa: '2' });
      expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', goodPracticeId: p.id } });
    });

    it('the team drafts a good practice from a recommendation, pre-filled and linked to it', async () => {
      expect((await as.coordinator.request(promoteRecommendation, { id: recommendationId, foa: '2' })).errors?.[0].extensions?.code).toBe(
        'FORBIDDEN',
      );
      const { promoteRecommendationToGoodPractice: p } = await as.leader.ok(promoteRecommendation, { id: recommendationId, foa: '2' });
      expect(p).toMatchObject({
        status: 'DRAFT',
        createdById: f.people.leader.id,
        city: f.city.name,
        country: 'NO',
        title: 'Publish the diversity statement of the city council and give a diversity award each year to…',
        purpose:
          'Publish the diversity statement of the city council and give a diversity award each year to services that succeed with diversity.',
        mainFieldOfAction: { code: '2' },
        sourceReviewId: f.reviewId,
        sourceEvidenceId: null,
        sourceRecommendationId: recommendationId,
      });
      expect(p.title.length).toBeLessThanOrEqual(100);
    });

    it('suggests published good practices for a recommendation, ranked, with the reasons', async () => {
      const { suggestGoodPractices: s } = await as.peer.ok(suggest, { id: recommendationId });
      expect(s.every((x: { goodPractice: { status: string } }) => x.goodPractice.status === 'PUBLISHED')).toBe(true);
      expect(s[0].goodPractice.id).toBe(ids.bergen);
      expect(s[0].why).toEqual([
        'shares the words "diversity", "statement", "city", "council", "award", "services", "succeed"',
        'same field of action: 1. Leadership and Political commitment (typical of key factor 01 Public commitment)',
        'same field of action: 2. Communication and public awareness on the value of interculturality (typical of key factor 01 Public commitment)',
      ]);
      const scores = s.map((x: { score: number }) => x.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      // Amadora shares a typical field (2) and the word "city"; Oslo (education) shares the word "diversity".
      const amadora = s.find((x: { goodPractice: { id: string } }) => x.goodPractice.id === ids.amadora);
      expect(amadora.why).toContain(
        'same field of action: 2. Communication and public awareness on the value of interculturality (typical of key factor 01 Public commitment)',
      );
      expect(s.find((x: { goodPractice: { id: string } }) => x.goodPractice.id === ids.oslo).why).toEqual(['shares the words "diversity"']);
      expect((await as.peer.ok(suggest, { id: recommendationId, first: 1 })).suggestGoodPractices).toHaveLength(1);
      expect((await as.peer.request(suggest, { id: recommendationId, first: 50 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('suggestions are read like the recommendation: the host city only from the feedback session on', async () => {
      expect((await as.coordinator.request(suggest, { id: recommendationId })).errors?.[0]).toMatchObject({
        message: 'The conclusions and recommendations are shared with the host city at the feedback session.',
        extensions: { code: 'FORBIDDEN' },
      });
      expect((await as.other.request(suggest, { id: recommendationId })).errors?.[0].message).toBe('You are not a member of this review.');
      await t.dataSource.query("UPDATE review SET status = 'FEEDBACK' WHERE id = $1", [f.reviewId]);
      expect((await as.coordinator.ok(suggest, { id: recommendationId })).suggestGoodPractices[0].goodPractice.id).toBe(ids.bergen);
    });
  });

  describe('Word documents over HTTP', () => {
    const post = (client: GraphqlClient, body: Buffer, name = 'practice.docx') => {
      const form = new FormData();
      form.append('file', new Blob([body]), name);
      return fetch(`${t.url}/good-practices/import.docx`, {
        method: 'POST',
        headers: client.token ? { authorization: `Bearer ${client.token}` } : {},
        body: form,
      });
    };
    const download = (client: GraphqlClient, id: string) =>
      fetch(`${t.url}/good-practices/${id}/export.docx`, { headers: client.token ? { authorization: `Bearer ${client.token}` } : {} });

    it('imports a .docx in the template as a draft of the member who sent it, private to them', async () => {
      const docx = await writeGoodPracticeDocx(structuralRacism);
      const created = await post(as.author, docx);
      expect(created.status).toBe(201);
      const body = (await created.json()) as { id: string };
      expect(body).toMatchObject({ status: 'DRAFT', title: 'Research on structural racism', createdById: people.author.id });
      expect((await as.author.ok(exportJson, { id: body.id })).goodPracticeExport).toEqual(structuralRacism);
      // A draft is its author's (and the secretariat's) until published.
      expect((await download(as.other, body.id)).status).toBe(404);
      expect((await download(as.author, body.id)).status).toBe(200);
      const [row] = await t.dataSource.query('SELECT status, created_by_id FROM good_practice WHERE id = $1', [body.id]);
      expect(row).toEqual({ status: 'DRAFT', created_by_id: people.author.id });
    });

    it('imports a .docx in the template as a draft of the secretariat, and exports it back (round trip)', async () => {
      const docx = await writeGoodPracticeDocx(structuralRacism);
      const created = await post(as.admin, docx);
      expect(created.status).toBe(201);
      const body = (await created.json()) as { id: string };
      expect(body).toMatchObject({ status: 'DRAFT', title: 'Research on structural racism', city: 'Bergen', createdById: people.admin.id });
      expect((await as.admin.ok(exportJson, { id: body.id })).goodPracticeExport).toEqual(structuralRacism);

      const file = await download(as.admin, body.id);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="Bergen - Research on structural racism\.docx"/);
      const read = await readGoodPracticeDocx(Buffer.from(await file.arrayBuffer()));
      expect(read.problems).toEqual([]);
      expect(read.document).toEqual(structuralRacism);

      // Authorized like goodPractice(id): a draft is nobody else's business; a published one is everyone's.
      expect((await download(as.other, body.id)).status).toBe(404);
      expect((await download(t.gql, body.id)).status).toBe(404);
      expect((await download(as.other, ids.bergen)).status).toBe(200);
    });

    it('refuses what is not a filled-in template, listing the problems', async () => {
      const notDocx = await post(as.admin, Buffer.from('%PDF-1.4 not a word document'), 'practice.pdf');
      expect(notDocx.status).toBe(400);
      const refusal = await notDocx.json();
      expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'file' }] });
      const invalid = await post(
        as.admin,
        await writeGoodPracticeDocx({ ...structuralRacism, action: { ...structuralRacism.action, title: '' } } as never),
      );
      expect(invalid.status).toBe(400);
      expect(((await invalid.json()) as { problems: { path: string }[] }).problems.map((p: { path: string }) => p.path)).toContain(
        'action.title',
      );
      expect((await post(t.gql, Buffer.from('x'))).status).toBe(401);
      const missing = await fetch(`${t.url}/good-practices/import.docx`, {
        method: 'POST',
        headers: { authorization: `Bearer ${as.admin.token}` },
        body: new FormData(),
      });
      expect(missing.status).toBe(400);
    });
  });
});
