import { createCity, createPerson, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/** Two indicators of one question each, so a city's scores follow directly from its answers. */
const COMPARISON_INDEX = {
  code: 'COMPARE-INDEX',
  title: { en: 'Comparison Index' },
  source: { organisation: 'PeerVisit', attribution: 'Test fixture written by PeerVisit.' },
  indicators: [
    {
      code: 'MEDIA',
      number: 1,
      name: { en: 'Media' },
      weight: 1,
      questions: [
        {
          code: 'M1',
          text: { en: 'How many intercultural media actions a year?' },
          type: 'NUMBER',
          dataType: 'INPUT',
          thresholds: [0, 1, 2, 3, 4].map((n) => ({ min: n, points: n })),
        },
      ],
    },
    {
      code: 'LANGUAGE',
      number: 2,
      name: { en: 'Language' },
      weight: 1,
      questions: [
        {
          code: 'L1',
          text: { en: 'Are minority languages taught?' },
          type: 'YES_NO',
          dataType: 'INPUT',
          options: [
            { code: 'YES', label: { en: 'Yes' }, points: 1 },
            { code: 'NO', label: { en: 'No' }, points: 0 },
          ],
        },
      ],
    },
  ],
};

/**
 * The city against the network (issue 23): the distribution per indicator is shown only when at
 * least 5 cities have published an Index on the same definition version; each city counts once, with
 * its latest published assessment; another version does not count; the city's own earlier
 * assessments form its history.
 */
describe('the Index comparison with the network', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  let stranger: GraphqlClient;
  const readers: GraphqlClient[] = [];
  const assessments: string[] = [];

  const comparison = `query($a: ID!) { iccIndexComparison(assessmentId: $a) {
    available comparableCities minimumCities message
    indicators { code name cityScore cities min median mean max scores }
    similarSize { available comparableCities message indicators { code } }
    overall { cityScore cities median }
    history { assessmentId definitionVersion overall } } }`;

  /** A whole assessment, run by the secretariat (who may do every step): M1 = actions (0–4 → 0–100), L1 = YES/NO. */
  async function publishedIndex(cityId: string, actions: number, languages: boolean, version = 1): Promise<string> {
    const { startIccIndexAssessment: a } = await admin.ok(
      'mutation($input: StartIccIndexAssessmentInput!) { startIccIndexAssessment(input: $input) { id } }',
      { input: { cityId, definitionCode: 'COMPARE-INDEX', definitionVersion: version, dueDate: '2027-06-30' } },
    );
    const save =
      'mutation($a: ID!, $q: String!, $input: IccIndexAnswerInput!) { saveIccIndexAnswer(assessmentId: $a, questionCode: $q, input: $input) { version } }';
    await admin.ok(save, { a: a.id, q: 'M1', input: { number: actions } });
    await admin.ok(save, { a: a.id, q: 'L1', input: { option: languages ? 'YES' : 'NO' } });
    await admin.ok('mutation($a: ID!) { submitIccIndexAssessment(assessmentId: $a) { status } }', { a: a.id });
    await admin.ok('mutation($a: ID!) { publishIccIndexAssessment(assessmentId: $a) { status } }', { a: a.id });
    return a.id;
  }

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const a = await createPerson(t.dataSource, { isAdmin: true });
    admin = await t.gql.signIn(a.email, TEST_PASSWORD);
    const s = await createPerson(t.dataSource, { fullName: 'Stan Stranger' });
    stranger = await t.gql.signIn(s.email, TEST_PASSWORD);
    await admin.ok('mutation($d: JSON!) { importIccIndexDefinition(document: $d, publish: true) { outcome } }', { d: COMPARISON_INDEX });
    // Version 2: same content, another version; its assessments are not comparable with version 1's.
    await admin.ok('mutation($d: JSON!) { importIccIndexDefinition(document: $d, publish: true) { outcome } }', {
      d: { ...COMPARISON_INDEX, version: 2 },
    });
    // Population from the directory: Oslo is far bigger than the others.
    const cities: [string, number][] = [
      ['Bergen', 100_000],
      ['Oslo', 700_000],
      ['Lisbon', 150_000],
      ['Reggio Emilia', 180_000],
      ['Botkyrka', 95_000],
      ['Neuchâtel', 45_000],
    ];
    for (const [i, [name, population]] of cities.entries()) {
      const city = await createCity(t.dataSource, { name });
      await t.dataSource.query('UPDATE city SET population = $1 WHERE id = $2', [population, city.id]);
      const [org] = await t.dataSource.query(
        "INSERT INTO organisation (name, kind, city_id) VALUES ($1, 'CITY_ADMINISTRATION', $2) RETURNING id",
        [`${name} city administration`, city.id],
      );
      const p = await createPerson(t.dataSource, { fullName: `Reader of ${name}` });
      await t.dataSource.query('UPDATE person SET organisation_id = $1 WHERE id = $2', [org.id, p.id]);
      readers.push(await t.gql.signIn(p.email, TEST_PASSWORD));
      (assessments as any)[`city${i}`] = city.id;
    }
  });
  afterAll(() => t?.close());

  const cityId = (i: number) => (assessments as any)[`city${i}`] as string;

  it('is not shown while fewer than 5 cities have published on the same version, and says why', async () => {
    // Media scores 0, 25, 50, 75 (actions 0–3); languages yes, no, yes, no.
    for (let i = 0; i < 4; i++) assessments.push(await publishedIndex(cityId(i), i, i % 2 === 0));
    // A fifth city, but on version 2: it does not count for version 1.
    await publishedIndex(cityId(5), 4, true, 2);
    const { iccIndexComparison: c } = await readers[0].ok(comparison, { a: assessments[0] });
    expect(c).toMatchObject({ available: false, comparableCities: 4, minimumCities: 5, indicators: [], overall: null });
    expect(c.message).toBe(
      'The comparison with cities of the network is shown when at least 5 have published an Index on COMPARE-INDEX version 1; 4 have so far.',
    );
  });

  it('shows the distribution per indicator from the fifth city on, each city once with its latest assessment', async () => {
    assessments.push(await publishedIndex(cityId(4), 4, true)); // media 100, languages 100
    const { iccIndexComparison: c } = await readers[2].ok(comparison, { a: assessments[2] });
    expect(c).toMatchObject({
      available: true,
      comparableCities: 5,
      message: 'Compared with 5 cities of the network that published an Index on COMPARE-INDEX version 1.',
    });
    expect(c.indicators).toEqual([
      { code: 'MEDIA', name: 'Media', cityScore: 50, cities: 5, min: 0, median: 50, mean: 50, max: 100, scores: [0, 25, 50, 75, 100] },
      {
        code: 'LANGUAGE',
        name: 'Language',
        cityScore: 100,
        cities: 5,
        min: 0,
        median: 100,
        mean: 60,
        max: 100,
        scores: [0, 0, 100, 100, 100],
      },
    ]);
    // Overall per city: (0+100)/2=50, (25+0)/2=12.5, (50+100)/2=75, (75+0)/2=37.5, (100+100)/2=100.
    expect(c.overall).toEqual({ cityScore: 75, cities: 5, median: 50 });
    // Cities of Lisbon's size (75 000 to 300 000): Bergen, Lisbon, Reggio Emilia, Botkyrka; not Oslo.
    expect(c.similarSize).toEqual({
      available: false,
      comparableCities: 4,
      message:
        'The comparison with cities of similar size is shown when at least 5 have published an Index on COMPARE-INDEX version 1; 4 have so far.',
      indicators: [],
    });

    // Bergen's second Index replaces its first in the network; both are in its history.
    const second = await publishedIndex(cityId(0), 4, false); // media 100, languages 0 → 50
    const { iccIndexComparison: after } = await readers[0].ok(comparison, { a: second });
    expect(after.comparableCities).toBe(5);
    expect(after.indicators[0].scores).toEqual([25, 50, 75, 100, 100]);
    expect(after.history).toEqual([
      { assessmentId: assessments[0], definitionVersion: 1, overall: 50 },
      { assessmentId: second, definitionVersion: 1, overall: 50 },
    ]);
  });

  it("refuses another city's or a stranger's look at a city's comparison", async () => {
    for (const client of [stranger, readers[1]]) {
      const refused = await client.request(comparison, { a: assessments[2] });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.data).toBeNull();
    }
  });
});
