import { createPerson, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/**
 * The Intercultural Cities Index definition as a versioned catalogue (issue 23): the shipped
 * illustrative version is seeded published; export and import round-trip; a published version never
 * changes; a draft is replaced in place; bad documents are refused with every problem and write
 * nothing; texts fall back to English; only the secretariat imports and publishes.
 */
describe('the Intercultural Cities Index definition, end to end', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  let someone: GraphqlClient;

  const importDoc = `mutation($d: JSON!, $p: Boolean) { importIccIndexDefinition(document: $d, publish: $p) { outcome definition { code version status illustrative } } }`;
  const exportDoc = 'query($c: String!, $v: Int) { iccIndexDefinitionExport(code: $c, version: $v) }';
  const publish = 'mutation($c: String!, $v: Int!) { publishIccIndexDefinition(code: $c, version: $v) { status publishedAt } }';
  const read = `query($c: String!, $v: Int, $l: String) { iccIndexDefinition(code: $c, version: $v) {
    code version status illustrative title(language: $l) illustrativeNotice(language: $l) attribution
    indicators(language: $l) { code number name weight questions { code text type dataType requiresReference illustrative maxPoints options { code label points } thresholds { min points } } }
    composites(language: $l) { code name indicatorCodes } } }`;
  const count = async () => Number((await t.dataSource.query('SELECT count(*) AS n FROM icc_index_definition'))[0].n);

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { IccIndexSeed } = await import('@peervisit/icc-index');
    await t.app.get(IccIndexSeed).run();
    await t.app.get(IccIndexSeed).run(); // idempotent
    const a = await createPerson(t.dataSource, { isAdmin: true, fullName: 'Sam Secretariat' });
    const s = await createPerson(t.dataSource, { fullName: 'Sol Someone' });
    admin = await t.gql.signIn(a.email, TEST_PASSWORD);
    someone = await t.gql.signIn(s.email, TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  it('ships the 14 indicators and the composite, published once, every question marked as illustrative and credited', async () => {
    expect(await count()).toBe(1);
    const { iccIndexDefinition: d } = await someone.ok(read, { c: 'ICC-INDEX' });
    expect(d).toMatchObject({ code: 'ICC-INDEX', version: 1, status: 'PUBLISHED', illustrative: true });
    expect(d.indicators).toHaveLength(14);
    expect(d.indicators.map((i: any) => i.name)).toContain('Intelligence/competence');
    expect(d.composites).toEqual([
      {
        code: 'URBAN-POLICIES',
        name: 'Urban policies through the intercultural lens',
        indicatorCodes: ['EDUCATION', 'NEIGHBOURHOODS', 'PUBLIC-SERVICES', 'BUSINESS-LABOUR', 'CULTURAL-CIVIL', 'PUBLIC-SPACES'],
      },
    ]);
    expect(d.illustrativeNotice).toMatch(/written by PeerVisit, not the official/);
    expect(d.attribution).toMatch(/not the Council of Europe's questionnaire/);
    expect(d.indicators.flatMap((i: any) => i.questions).every((q: any) => q.illustrative)).toBe(true);
    const q = d.indicators[0].questions.find((x: any) => x.code === '01.1');
    expect(q).toMatchObject({ type: 'YES_NO', dataType: 'INPUT', requiresReference: true, maxPoints: 2 });
  });

  it('round-trips: the export imports as a new version with the same content, and re-importing it changes nothing', async () => {
    const { iccIndexDefinitionExport: v1 } = await someone.ok(exportDoc, { c: 'ICC-INDEX', v: 1 });
    expect(v1.version).toBe(1);
    const again = await admin.ok(importDoc, { d: v1 });
    expect(again.importIccIndexDefinition).toMatchObject({ outcome: 'unchanged', definition: { version: 1, status: 'PUBLISHED' } });

    const { version: _v, ...withoutVersion } = v1;
    const created = await admin.ok(importDoc, { d: withoutVersion });
    expect(created.importIccIndexDefinition).toMatchObject({ outcome: 'created', definition: { version: 2, status: 'DRAFT' } });
    const { iccIndexDefinitionExport: v2 } = await someone.ok(exportDoc, { c: 'ICC-INDEX', v: 2 });
    expect({ ...v2, version: 1 }).toEqual(v1);
  });

  it('replaces a draft in place; publishing freezes it, and a different document under it is a CONFLICT naming the next version', async () => {
    const { iccIndexDefinitionExport: v2 } = await admin.ok(exportDoc, { c: 'ICC-INDEX', v: 2 });
    const official = {
      ...v2,
      illustrative: false,
      title: { en: 'Intercultural Cities Index', fr: 'Indice des cités interculturelles' },
      indicators: v2.indicators.map((i: any) => ({
        ...i,
        name: i.code === 'MEDIA' ? { en: 'Media', fr: 'Médias' } : i.name,
        questions: i.questions.map((q: any) => ({ ...q, illustrative: false })),
      })),
    };
    delete official.illustrativeNotice;
    const updated = await admin.ok(importDoc, { d: official });
    expect(updated.importIccIndexDefinition).toMatchObject({
      outcome: 'updated',
      definition: { version: 2, status: 'DRAFT', illustrative: false },
    });

    const published = await admin.ok(publish, { c: 'ICC-INDEX', v: 2 });
    expect(published.publishIccIndexDefinition.status).toBe('PUBLISHED');

    const before = await count();
    const changed = {
      ...official,
      indicators: official.indicators.map((i: any) => ({ ...i, weight: i.code === 'GOVERNANCE' ? 2 : i.weight })),
    };
    const refused = await admin.request(importDoc, { d: changed });
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toBe(
      'Version 2 of ICC-INDEX is published and cannot change. Import the change as a new version (omit "version" to take 3).',
    );
    expect(await count()).toBe(before);
    const { iccIndexDefinitionExport: still } = await admin.ok(exportDoc, { c: 'ICC-INDEX', v: 2 });
    expect(still.indicators.find((i: any) => i.code === 'GOVERNANCE').weight).toBe(1);

    // The latest published version is the default, and translations fall back to English.
    const { iccIndexDefinition: fr } = await someone.ok(read, { c: 'ICC-INDEX', l: 'fr' });
    expect(fr).toMatchObject({ version: 2, title: 'Indice des cités interculturelles', illustrative: false, illustrativeNotice: null });
    expect(fr.indicators.find((i: any) => i.code === 'MEDIA').name).toBe('Médias');
    expect(fr.indicators.find((i: any) => i.code === 'LANGUAGE').name).toBe('Language');
  });

  it('refuses a bad document with every problem listed, and writes nothing', async () => {
    const before = await count();
    const { iccIndexDefinitionExport: v1 } = await admin.ok(exportDoc, { c: 'ICC-INDEX', v: 1 });
    const bad = {
      ...v1,
      version: undefined,
      title: { fr: 'Sans anglais' },
      indicators: [
        { ...v1.indicators[0], weight: 0 },
        { ...v1.indicators[1], questions: [{ ...v1.indicators[1].questions[0], type: 'NUMBER' }] },
        ...v1.indicators.slice(2),
      ],
      composites: [{ code: 'X', name: { en: 'X' }, indicators: ['NOPE'] }],
    };
    const refused = await admin.request(importDoc, { d: bad });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].extensions?.problems).toEqual(
      expect.arrayContaining([
        { path: 'title', message: 'title needs its English text ("en")' },
        { path: 'indicators[0].weight', message: 'weight must be above 0' },
      ]),
    );
    // Structural problems come once the shape is right.
    const second = await admin.request(importDoc, {
      d: {
        ...v1,
        version: undefined,
        indicators: [{ ...v1.indicators[1], questions: [{ ...v1.indicators[1].questions[0], type: 'NUMBER' }] }],
        composites: [{ code: 'X', name: { en: 'X' }, indicators: ['NOPE'] }],
      },
    });
    expect(second.errors?.[0].extensions?.problems).toEqual([
      { path: 'indicators[0].questions[0].options', message: 'a NUMBER question is scored by thresholds, not options' },
      { path: 'composites[0].indicators[0]', message: 'no indicator has the code NOPE' },
    ]);
    expect(await count()).toBe(before);
  });

  it('lets only the secretariat import and publish', async () => {
    const { iccIndexDefinitionExport: v1 } = await admin.ok(exportDoc, { c: 'ICC-INDEX', v: 1 });
    const { version: _v, ...doc } = v1;
    const before = await count();
    for (const [query, variables] of [
      [importDoc, { d: doc }],
      [publish, { c: 'ICC-INDEX', v: 1 }],
    ] as const) {
      const refused = await someone.request(query, variables);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await count()).toBe(before);
  });
});
