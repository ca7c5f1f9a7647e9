import { createCity, createPerson, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import mammoth from 'mammoth';
import { spawnSync } from 'node:child_process';
import { AppModule } from '../../apps/api/src/app.module';
import { REPORT_CITIES, REPORT_INDEX } from './icc-index-report.fixture';

/** The PDF's text layer, words separated by single spaces (poppler-utils' pdftotext). */
function pdfText(pdf: Buffer): string {
  const run = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error || run.status !== 0) throw new Error(`pdftotext failed (install poppler-utils): ${run.error?.message ?? run.stderr}`);
  return run.stdout.replace(/\s+/g, ' ');
}

/**
 * The Index report (issue 23): generated from a published assessment in HTML, PDF and Word, with
 * the scores, the corrections and their reasons, the experts' comments and recommendations, the
 * illustrative notice, the comparison with the network (its chart only from 5 comparable cities
 * on, never naming another city) and the city's history; read by whoever reads the published results.
 */
describe('the Index report', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  let expert: GraphqlClient;
  let stranger: GraphqlClient;
  const readers: GraphqlClient[] = [];
  const cityIds: string[] = [];
  let expertId: string;
  let bergen: string;

  const generate = `mutation($a: ID!, $l: String) { generateIccIndexReport(assessmentId: $a, language: $l) {
    id assessmentId version language formats contentHash } }`;

  /** A whole assessment, run by the secretariat with one expert; published unless told otherwise. */
  async function indexOf(cityId: string, actions: number, languages: boolean, spaces: boolean, analyse = false, publish = true) {
    const { startIccIndexAssessment: a } = await admin.ok(
      'mutation($input: StartIccIndexAssessmentInput!) { startIccIndexAssessment(input: $input) { id } }',
      { input: { cityId, definitionCode: 'REPORT-INDEX', dueDate: '2027-06-30', expertIds: [expertId] } },
    );
    const save =
      'mutation($a: ID!, $q: String!, $input: IccIndexAnswerInput!) { saveIccIndexAnswer(assessmentId: $a, questionCode: $q, input: $input) { version } }';
    await admin.ok(save, { a: a.id, q: 'M1', input: { number: actions } });
    await admin.ok(save, { a: a.id, q: 'L1', input: { option: languages ? 'YES' : 'NO' } });
    await admin.ok(save, { a: a.id, q: 'S1', input: { option: spaces ? 'YES' : 'NO' } });
    await admin.ok('mutation($a: ID!) { submitIccIndexAssessment(assessmentId: $a) { status } }', { a: a.id });
    if (analyse) {
      await expert.ok(
        'mutation($a: ID!, $i: String!, $c: String!) { commentIccIndexIndicator(assessmentId: $a, indicatorCode: $i, comment: $c) { id } }',
        {
          a: a.id,
          i: 'MEDIA',
          c: 'Media actions are regular but reach few newcomers.',
        },
      );
      await expert.ok(
        'mutation($a: ID!, $i: String!, $s: Float!, $r: String!) { correctIccIndexScore(assessmentId: $a, indicatorCode: $i, score: $s, reason: $r) { score } }',
        { a: a.id, i: 'LANGUAGE', s: 40, r: 'Only one school teaches a minority language.' },
      );
      await expert.ok(
        'mutation($a: ID!, $t: String!, $i: String) { addIccIndexRecommendation(assessmentId: $a, text: $t, indicatorCode: $i) { id } }',
        {
          a: a.id,
          t: 'Open a newsroom traineeship for residents born abroad.',
          i: 'MEDIA',
        },
      );
      await expert.ok('mutation($a: ID!, $t: String!) { addIccIndexRecommendation(assessmentId: $a, text: $t) { id } }', {
        a: a.id,
        t: 'Repeat the Index in two years.',
      });
    }
    if (publish) await admin.ok('mutation($a: ID!) { publishIccIndexAssessment(assessmentId: $a) { status } }', { a: a.id });
    return a.id as string;
  }

  async function download(client: GraphqlClient | null, id: string, format: string) {
    return fetch(`${t.url}/index-reports/${id}/${format}`, { headers: client ? { authorization: `Bearer ${client.token}` } : {} });
  }

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const a = await createPerson(t.dataSource, { isAdmin: true });
    admin = await t.gql.signIn(a.email, TEST_PASSWORD);
    const e = await createPerson(t.dataSource, { fullName: 'Erika Expert' });
    expertId = e.id;
    expert = await t.gql.signIn(e.email, TEST_PASSWORD);
    const s = await createPerson(t.dataSource, { fullName: 'Stan Stranger' });
    stranger = await t.gql.signIn(s.email, TEST_PASSWORD);
    await admin.ok('mutation($d: JSON!) { importIccIndexDefinition(document: $d, publish: true) { outcome } }', { d: REPORT_INDEX });
    for (const { name, population, foreignBornShare } of REPORT_CITIES) {
      const city = await createCity(t.dataSource, { name });
      await t.dataSource.query('UPDATE city SET population = $1, foreign_born_share = $2 WHERE id = $3', [
        population,
        foreignBornShare,
        city.id,
      ]);
      const [org] = await t.dataSource.query(
        "INSERT INTO organisation (name, kind, city_id) VALUES ($1, 'CITY_ADMINISTRATION', $2) RETURNING id",
        [`${name} city administration`, city.id],
      );
      const p = await createPerson(t.dataSource, { fullName: `Reader of ${name}` });
      await t.dataSource.query('UPDATE person SET organisation_id = $1 WHERE id = $2', [org.id, p.id]);
      readers.push(await t.gql.signIn(p.email, TEST_PASSWORD));
      cityIds.push(city.id);
    }
  });
  afterAll(() => t?.close());

  it('is refused before publication, in an unknown language, and to a stranger or another city', async () => {
    const analysed = await indexOf(cityIds[0], 1, true, true, false, false);
    const early = await admin.request(generate, { a: analysed });
    expect(early.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
    await admin.ok('mutation($a: ID!) { publishIccIndexAssessment(assessmentId: $a) { status } }', { a: analysed });
    const language = await admin.request(generate, { a: analysed, l: 'xx' });
    expect(language.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    for (const client of [stranger, readers[1]]) {
      const refused = await client.request(generate, { a: analysed });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await t.dataSource.query('SELECT id FROM icc_index_report')).toEqual([]);
  });

  it('with 4 comparable cities: scores, names, corrections, comments and history, and no network chart', async () => {
    // Bergen's second Index (the first one is the test above's): media 2 actions → 50, languages yes → 100
    // corrected to 40, spaces yes → 100. Overall (50 + 40 + 2 × 100) / 4 = 72.5; computed 87.5.
    bergen = await indexOf(cityIds[0], 2, true, true, true);
    for (let i = 1; i < 4; i++) await indexOf(cityIds[i], i, i % 2 === 0, false);
    const { generateIccIndexReport: report } = await readers[0].ok(generate, { a: bergen });
    expect(report).toMatchObject({ assessmentId: bergen, version: 1, language: 'en', formats: ['docx', 'html', 'pdf'] });
    expect(report.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const pdf = await download(readers[0], report.id, 'pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    for (const expected of [
      'Intercultural Cities Index: Bergen',
      'Report test Index (REPORT-INDEX, version 1)',
      'Illustrative questions written by PeerVisit for this test, not the official questionnaire.',
      'Overall Index: 72.5 out of 100 (from the answers alone, without the experts’ corrections: 87.5)',
      '1 Media and communication',
      '2 Language teaching',
      '3 Public spaces',
      'Urban policies through the intercultural lens',
      'Score: 40 (computed from the answers: 100)',
      'Reason: Only one school teaches a minority language.',
      'Media actions are regular but reach few newcomers.',
      'Open a newsroom traineeship for residents born abroad.',
      'Repeat the Index in two years.',
      'The comparison with the network is shown when at least 5 cities have published an Index on the same definition version; 4 have so far.',
      // Bergen, Oslo, Lisbon and Reggio Emilia are within 5 points of Bergen's share: 4 of 5.
      'Cities with a similar share of foreign-born residents',
      'The comparison with cities with a similar share of foreign-born residents is shown when at least 5 of them have published an Index on the same definition version; 4 have so far.',
      'The city’s published Indexes',
    ])
      expect(text).toContain(expected.replace(/’/g, "'"));
    // No network chart (its title and axis), and no other city's name.
    expect(text).not.toContain("scores against the network's");
    expect(text).not.toContain('Cities of the network');
    expect(text).not.toContain('against cities with a similar share of foreign-born residents');
    for (const other of ['Oslo', 'Lisbon', 'Reggio Emilia']) expect(text).not.toContain(other);
    // Two published Indexes of Bergen: the history chart is drawn (its axis is in the text layer).
    expect(text).toContain("Bergen's overall Index over its published assessments");
    expect(text).toContain('Score (0–100)');

    const docx = Buffer.from(await (await download(readers[0], report.id, 'docx')).arrayBuffer());
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const { value: raw } = await mammoth.extractRawText({ buffer: docx });
    expect(raw).toContain('Intercultural Cities Index: Bergen');
    expect(raw).toContain('Reason: Only one school teaches a minority language.');
    expect(raw).toContain('3 Public spaces');
    expect(raw).not.toContain("scores against the network's");
    // The history chart as a picture.
    expect(docx.includes('word/media/')).toBe(true);

    const html = await (await download(readers[0], report.id, 'html')).text();
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('data-chart="index-history"');
    expect(html).not.toContain('data-chart="index-network"');
    expect(html).not.toContain('data-chart="index-foreign-born"');
  });

  it('with 6 comparable cities: the network chart, anonymous; in French on request', async () => {
    await indexOf(cityIds[4], 4, true, true);
    await indexOf(cityIds[5], 0, false, true);
    const { generateIccIndexReport: report } = await expert.ok(generate, { a: bergen });
    expect(report.version).toBe(2);
    const text = pdfText(Buffer.from(await (await download(readers[0], report.id, 'pdf')).arrayBuffer()));
    expect(text).toContain('Compared with 6 cities of the network that published an Index on the same definition version');
    expect(text).toContain("Bergen's scores against the network's, per indicator");
    // The chart's legend and axis, drawn as vectors: in the text layer.
    expect(text).toContain('Cities of the network');
    expect(text).toContain('Median');
    // Within 5 points of Bergen's 20 %: Bergen, Oslo, Lisbon, Reggio Emilia, Neuchâtel (not Botkyrka's 40 %).
    expect(text).toContain(
      "Compared with 5 cities whose share of foreign-born residents is within 5 percentage points of the city's (from the directory); no city is named.",
    );
    expect(text).toContain("Bergen's scores against cities with a similar share of foreign-born residents, per indicator");
    // Population from half to twice Bergen's: Bergen, Lisbon, Reggio Emilia, Botkyrka, 4 of 5.
    expect(text).toContain('The comparison with cities of similar size is shown when at least 5 of them');
    for (const other of ['Oslo', 'Lisbon', 'Reggio Emilia', 'Botkyrka', 'Neuchâtel']) expect(text).not.toContain(other);
    const docx = Buffer.from(await (await download(readers[0], report.id, 'docx')).arrayBuffer());
    const { value: raw } = await mammoth.extractRawText({ buffer: docx });
    expect(raw).toContain("Bergen's scores against the network's, per indicator");
    expect(raw).toContain("Bergen's scores against cities with a similar share of foreign-born residents, per indicator");
    const html = await (await download(readers[0], report.id, 'html')).text();
    expect(html).toContain('data-chart="index-foreign-born"');
    expect(html).not.toContain('data-chart="index-similar"');

    const { generateIccIndexReport: french } = await readers[0].ok(generate, { a: bergen, l: 'fr' });
    const frText = pdfText(Buffer.from(await (await download(readers[0], french.id, 'pdf')).arrayBuffer()));
    expect(frText).toContain('Indice des cités interculturelles : Bergen');
    expect(frText).toContain('Enseignement des langues');
    expect(frText).toContain('Les scores de Bergen face à ceux du réseau, par indicateur');
  });

  it('is listed and downloaded by readers of the published results only', async () => {
    const list = 'query($a: ID!) { iccIndexReports(assessmentId: $a) { version language formats } }';
    const { iccIndexReports } = await readers[0].ok(list, { a: bergen });
    expect(iccIndexReports.map((r: { version: number }) => r.version)).toEqual([3, 2, 1]);
    const [id] = (await t.dataSource.query('SELECT id FROM icc_index_report WHERE version = 1 AND assessment_id = $1', [bergen])).map(
      (r: { id: string }) => r.id,
    );
    expect((await download(readers[1], id, 'pdf')).status).toBe(403);
    expect((await download(stranger, id, 'pdf')).status).toBe(403);
    expect((await download(null, id, 'pdf')).status).toBe(401);
    expect((await download(readers[0], id, 'xlsx')).status).toBe(400);
    expect((await stranger.request(list, { a: bergen })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
