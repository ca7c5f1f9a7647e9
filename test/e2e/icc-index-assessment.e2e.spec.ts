import { scoreIndex } from '@peervisit/icc-index';
import { createCity, createPerson, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/** A small Index: two indicators of two questions, each kind of rule once. */
const LIFECYCLE_INDEX = {
  code: 'LIFECYCLE-INDEX',
  title: { en: 'Lifecycle Index' },
  source: { organisation: 'PeerVisit', attribution: 'Test fixture written by PeerVisit.' },
  indicators: [
    {
      code: 'EDU',
      number: 1,
      name: { en: 'Education system' },
      weight: 2,
      questions: [
        {
          code: 'E1',
          text: { en: 'Do schools run intercultural projects?' },
          type: 'YES_NO',
          dataType: 'INPUT',
          requiresReference: true,
          options: [
            { code: 'YES', label: { en: 'Yes' }, points: 2 },
            { code: 'NO', label: { en: 'No' }, points: 0 },
          ],
        },
        {
          code: 'E2',
          text: { en: 'Share of pupils in mixed schools?' },
          type: 'PERCENTAGE',
          dataType: 'FACT',
          thresholds: [
            { min: 0, points: 0 },
            { min: 20, points: 1 },
            { min: 50, points: 2 },
          ],
        },
      ],
    },
    {
      code: 'GOV',
      number: 2,
      name: { en: 'Governance' },
      weight: 1,
      questions: [
        {
          code: 'G1',
          text: { en: 'Is there an advisory body of residents of foreign origin?' },
          type: 'SINGLE_CHOICE',
          dataType: 'INPUT',
          options: [
            { code: 'ELECTED', label: { en: 'Yes, elected' }, points: 2 },
            { code: 'APPOINTED', label: { en: 'Yes, appointed' }, points: 1 },
            { code: 'NONE', label: { en: 'No' }, points: 0 },
          ],
        },
        { code: 'G2', text: { en: 'Describe how residents take part.' }, type: 'TEXT', dataType: 'IMPACT' },
      ],
    },
  ],
  composites: [{ code: 'POLICIES', name: { en: 'Policies' }, indicators: ['EDU'] }],
};

/**
 * An Index assessment through the API (issue 23): started by the secretariat, questions assigned to
 * two departments, a conflicting save refused, submission refused with what is missing and then
 * accepted, the experts' analysis with one corrected score and its reason (the computed score stays
 * visible), publication to the city, and the scores recomputed from the answers and the definition.
 * Every refusal writes nothing.
 */
describe('an Index assessment of a city, end to end', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  let coordinator: GraphqlClient;
  let education: GraphqlClient;
  let citizens: GraphqlClient;
  let expert: GraphqlClient;
  let outsider: GraphqlClient;
  let cityReader: GraphqlClient;
  const ids = {} as Record<'city' | 'coordinator' | 'education' | 'citizens' | 'expert' | 'assessment', string>;
  const emails = {} as Record<string, string>;

  const start = `mutation($input: StartIccIndexAssessmentInput!) { startIccIndexAssessment(input: $input) { id status dueDate cityName expertIds coordinatorId definition { code version } } }`;
  const assign = `mutation($a: ID!, $input: IccIndexAssignmentInput!) { assignIccIndexQuestions(assessmentId: $a, input: $input) { questionCode department assigneeId } }`;
  const save = `mutation($a: ID!, $q: String!, $input: IccIndexAnswerInput!, $v: Int) { saveIccIndexAnswer(assessmentId: $a, questionCode: $q, input: $input, expectedVersion: $v) { questionCode reference version updatedById } }`;
  const submit = 'mutation($a: ID!) { submitIccIndexAssessment(assessmentId: $a) { id status submittedAt } }';
  const comment = `mutation($a: ID!, $i: String!, $c: String!, $v: Int) { commentIccIndexIndicator(assessmentId: $a, indicatorCode: $i, comment: $c, expectedVersion: $v) { id } }`;
  const correct = `mutation($a: ID!, $i: String!, $s: Float!, $r: String!) { correctIccIndexScore(assessmentId: $a, indicatorCode: $i, score: $s, reason: $r) { indicatorCode score computedScore reason correctedById } }`;
  const recommend = `mutation($a: ID!, $i: String, $text: String!) { addIccIndexRecommendation(assessmentId: $a, indicatorCode: $i, text: $text) { id indicatorCode text } }`;
  const publish = 'mutation($a: ID!) { publishIccIndexAssessment(assessmentId: $a) { id status publishedAt } }';
  const read = `query($a: ID!) { iccIndexAssessment(id: $a) { id status missing
    questions { questionCode indicatorCode department assigneeId option options number text reference version answered question { type requiresReference } }
    results { overall overallComputed composites { code score }
      indicators { code computedScore correctedScore score comment commentVersion corrections { score computedScore reason correctedById } }
      recommendations { indicatorCode text } } } }`;
  const codeOf = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
  const answerRows = async () =>
    (await t.dataSource.query('SELECT question_code, value, reference, version FROM icc_index_answer ORDER BY question_code')) as any[];

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const city = await createCity(t.dataSource, { name: 'Lisbon', country: 'PT', timeZone: 'Europe/Lisbon' });
    ids.city = city.id;
    const [org] = await t.dataSource.query(
      "INSERT INTO organisation (name, kind, city_id, country) VALUES ('Lisbon City Council', 'CITY_ADMINISTRATION', $1, 'PT') RETURNING id",
      [city.id],
    );
    const person = async (key: keyof typeof ids | 'admin' | 'outsider' | 'reader', fullName: string, inCity: boolean, isAdmin = false) => {
      const p = await createPerson(t.dataSource, { fullName, isAdmin });
      if (inCity) await t.dataSource.query('UPDATE person SET organisation_id = $1 WHERE id = $2', [org.id, p.id]);
      if (key in ids || ['coordinator', 'education', 'citizens', 'expert'].includes(key)) (ids as any)[key] = p.id;
      emails[key] = p.email;
      return t.gql.signIn(p.email, TEST_PASSWORD);
    };
    admin = await person('admin', 'Sam Secretariat', false, true);
    coordinator = await person('coordinator', 'Cora Coordinator', true);
    education = await person('education', 'Edu Department', true);
    citizens = await person('citizens', 'Cid Citizens Office', true);
    expert = await person('expert', 'Exa Expert', false);
    outsider = await person('outsider', 'Otto Outsider', false);
    cityReader = await person('reader', 'Rita Reader', true);
    await admin.ok('mutation($d: JSON!) { importIccIndexDefinition(document: $d, publish: true) { outcome } }', { d: LIFECYCLE_INDEX });
  });
  afterAll(() => t?.close());

  it('is started by the secretariat only, on a published definition, with a valid due date, one at a time per city', async () => {
    const input = {
      cityId: ids.city,
      definitionCode: 'LIFECYCLE-INDEX',
      dueDate: '2027-03-31',
      coordinatorId: ids.coordinator,
      expertIds: [ids.expert],
    };
    expect(codeOf(await coordinator.request(start, { input }))).toBe('FORBIDDEN');
    const bad = await admin.request(start, { input: { ...input, dueDate: '31/03/2027', definitionCode: 'NO-SUCH-INDEX' } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.problems).toEqual([
      { path: 'dueDate', message: '"31/03/2027" is not a date; write it as YYYY-MM-DD' },
      { path: 'definitionCode', message: 'no Index NO-SUCH-INDEX is published' },
    ]);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM icc_index_assessment'))[0].n).toBe(0);

    const { startIccIndexAssessment: a } = await admin.ok(start, { input });
    expect(a).toMatchObject({
      status: 'IN_PROGRESS',
      dueDate: '2027-03-31',
      cityName: 'Lisbon',
      definition: { code: 'LIFECYCLE-INDEX', version: 1 },
    });
    ids.assessment = a.id;
    const twice = await admin.request(start, { input });
    expect(codeOf(twice)).toBe('CONFLICT');
    expect(twice.errors?.[0].message).toBe(
      'Lisbon already has an Index assessment under way (being answered); publish it before starting another.',
    );
  });

  it('assigns questions to two departments; only the coordinator or the secretariat assigns', async () => {
    const a = ids.assessment;
    expect(
      codeOf(
        await education.request(assign, { a, input: { indicatorCodes: ['EDU'], department: 'Education', assigneeId: ids.education } }),
      ),
    ).toBe('FORBIDDEN');
    const edu = await coordinator.ok(assign, {
      a,
      input: { indicatorCodes: ['EDU'], department: 'Education department', assigneeId: ids.education },
    });
    expect(edu.assignIccIndexQuestions).toEqual([
      { questionCode: 'E1', department: 'Education department', assigneeId: ids.education },
      { questionCode: 'E2', department: 'Education department', assigneeId: ids.education },
    ]);
    const gov = await coordinator.ok(assign, {
      a,
      input: { questionCodes: ['G1', 'G2'], department: "Citizens' office", assigneeId: ids.citizens },
    });
    expect(gov.assignIccIndexQuestions.map((x: any) => x.department)).toEqual(["Citizens' office", "Citizens' office"]);
    const unknown = await coordinator.request(assign, {
      a,
      input: { questionCodes: ['Z9'], department: 'X', assigneeEmail: 'Nobody@Example.org' },
    });
    expect(unknown.errors?.[0].extensions?.problems).toEqual([
      { path: 'questionCodes[0]', message: 'no question has the code Z9' },
      { path: 'assigneeEmail', message: 'nobody in the directory has the email nobody@example.org; the secretariat can add them' },
    ]);
    // A coordinator who knows a colleague by email assigns by it (here: G2 moves to the education department's contributor and back).
    const byEmail = await coordinator.ok(assign, {
      a,
      input: { questionCodes: ['G2'], department: 'Education department', assigneeEmail: emails.education.toUpperCase() },
    });
    expect(byEmail.assignIccIndexQuestions).toEqual([
      { questionCode: 'G2', department: 'Education department', assigneeId: ids.education },
    ]);
    await coordinator.ok(assign, { a, input: { questionCodes: ['G2'], department: "Citizens' office", assigneeId: ids.citizens } });
  });

  it('saves answers with conflict safety: only the assignee (or coordinator), a stale version refused, bad values refused', async () => {
    const a = ids.assessment;
    const notMine = await citizens.request(save, { a, q: 'E1', input: { option: 'YES' } });
    expect(codeOf(notMine)).toBe('FORBIDDEN');
    expect(notMine.errors?.[0].message).toBe("Question E1 is assigned to someone else; the city's Index coordinator can assign it to you.");

    const first = await education.ok(save, { a, q: 'E1', input: { option: 'YES' }, v: 1 });
    expect(first.saveIccIndexAnswer).toMatchObject({ version: 2, updatedById: ids.education });
    // The coordinator, who opened version 1 too, saves on top of it: refused, nothing overwritten.
    const stale = await coordinator.request(save, { a, q: 'E1', input: { option: 'NO' }, v: 1 });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].message).toBe(
      'Someone saved the answer to question E1 after you opened it (your version 1, now 2). Reload it, then save again.',
    );
    const bad = await education.request(save, { a, q: 'E2', input: { number: 150, option: 'YES' } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.problems).toEqual([
      { path: 'option', message: 'question E2 is PERCENTAGE: answer it with "number", not "option"' },
      { path: 'number', message: 'a percentage is between 0 and 100' },
    ]);
    const rows = await answerRows();
    expect(rows.find((r) => r.question_code === 'E1')).toMatchObject({ value: { option: 'YES' }, version: 2 });
    expect(rows.find((r) => r.question_code === 'E2')).toMatchObject({ value: null, version: 1 });
  });

  it('keeps the assessment from strangers and, before publication, from the city and its results from contributors', async () => {
    const a = ids.assessment;
    expect(codeOf(await outsider.request(read, { a }))).toBe('FORBIDDEN');
    expect(codeOf(await cityReader.request(read, { a }))).toBe('FORBIDDEN');
    expect((await outsider.ok('query { iccIndexAssessments { id } }')).iccIndexAssessments).toEqual([]);
    const own = await education.ok(read, { a });
    expect(own.iccIndexAssessment.results).toBeNull();
    expect(own.iccIndexAssessment.questions.find((q: any) => q.questionCode === 'E1')).toMatchObject({
      department: 'Education department',
      option: 'YES',
      answered: true,
      version: 2,
    });
    expect(codeOf(await expert.request(correct, { a, i: 'EDU', s: 10, r: 'Too early to correct anything.' }))).toBe('INVALID_TRANSITION');
  });

  it('refuses submission naming what is missing, then accepts it once complete', async () => {
    const a = ids.assessment;
    expect(codeOf(await education.request(submit, { a }))).toBe('FORBIDDEN');
    const refused = await coordinator.request(submit, { a });
    expect(codeOf(refused)).toBe('INVALID_TRANSITION');
    const missing = [
      'question E1 (Education system) needs an example or reference',
      'question E2 (Education system) has no answer',
      'question G1 (Governance) has no answer',
      'question G2 (Governance) has no answer',
    ];
    expect(refused.errors?.[0].message).toBe(`The questionnaire cannot be submitted yet. Missing: ${missing.join('; ')}.`);
    expect(refused.errors?.[0].extensions?.missing).toEqual(missing);
    expect((await coordinator.ok(read, { a })).iccIndexAssessment.missing).toEqual(missing);
    expect((await t.dataSource.query('SELECT status FROM icc_index_assessment'))[0].status).toBe('IN_PROGRESS');

    await education.ok(save, { a, q: 'E1', input: { reference: 'School board decision 2025/14' }, v: 2 });
    // Two departments saving their own questions at the same moment, each from version 1: no conflict.
    const [e2, g1] = await Promise.all([
      education.ok(save, { a, q: 'E2', input: { number: 35 }, v: 1 }),
      citizens.ok(save, { a, q: 'G1', input: { option: 'APPOINTED' }, v: 1 }),
    ]);
    expect([e2.saveIccIndexAnswer.version, g1.saveIccIndexAnswer.version]).toEqual([2, 2]);
    await citizens.ok(save, { a, q: 'G2', input: { text: 'An advisory council meets monthly.' } });
    const { submitIccIndexAssessment } = await coordinator.ok(submit, { a });
    expect(submitIccIndexAssessment.status).toBe('ANALYSIS');
    expect(codeOf(await education.request(save, { a, q: 'E2', input: { number: 60 } }))).toBe('INVALID_TRANSITION');
  });

  it('lets the experts comment, correct a score only with a reason (the computed one stays visible) and recommend', async () => {
    const a = ids.assessment;
    expect(codeOf(await coordinator.request(correct, { a, i: 'GOV', s: 80, r: 'We think it is better.' }))).toBe('FORBIDDEN');
    const noReason = await expert.request(correct, { a, i: 'GOV', s: 80, r: ' ' });
    expect(noReason.errors?.[0].extensions?.problems).toEqual([
      { path: 'reason', message: 'say why the score is corrected (at least 10 characters)' },
    ]);
    expect(codeOf(await expert.request(correct, { a, i: 'GOV', s: 180, r: 'A long enough reason.' }))).toBe('BAD_USER_INPUT');
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM icc_index_score_correction'))[0].n).toBe(0);

    await expert.ok(comment, { a, i: 'EDU', c: 'Mixed schools are well above the network median.', v: 1 });
    expect(codeOf(await expert.request(comment, { a, i: 'EDU', c: 'Stale edit', v: 1 }))).toBe('CONFLICT');
    const { correctIccIndexScore } = await expert.ok(correct, {
      a,
      i: 'GOV',
      s: 75,
      r: 'The advisory council is in practice elected by the communities (statutes seen during the interviews).',
    });
    // G1 APPOINTED = 1 of 2; G2 is text, not scored → 50.
    expect(correctIccIndexScore).toMatchObject({ indicatorCode: 'GOV', score: 75, computedScore: 50, correctedById: ids.expert });
    await expert.ok(recommend, { a, i: 'GOV', text: 'Give the advisory council a budget of its own.' });
    await expert.ok(recommend, { a, text: 'Adopt an intercultural strategy.' });

    const { results } = (await expert.ok(read, { a })).iccIndexAssessment;
    // EDU: E1 YES 2/2 + E2 35 % → 1/2 = 3/4 → 75; GOV corrected 75 (computed 50).
    expect(results.indicators).toEqual([
      {
        code: 'EDU',
        computedScore: 75,
        correctedScore: null,
        score: 75,
        comment: 'Mixed schools are well above the network median.',
        commentVersion: 2,
        corrections: [],
      },
      {
        code: 'GOV',
        computedScore: 50,
        correctedScore: 75,
        score: 75,
        comment: null,
        commentVersion: 1,
        corrections: [
          {
            score: 75,
            computedScore: 50,
            reason: 'The advisory council is in practice elected by the communities (statutes seen during the interviews).',
            correctedById: ids.expert,
          },
        ],
      },
    ]);
    expect(results.overall).toBe(75); // (2 × 75 + 75) / 3
    expect(results.overallComputed).toBe(66.7); // (2 × 75 + 50) / 3
    expect(results.composites).toEqual([{ code: 'POLICIES', score: 75 }]);
  });

  it('is published by the secretariat only; the city then reads results that recompute from the answers and the definition', async () => {
    const a = ids.assessment;
    expect(codeOf(await expert.request(publish, { a }))).toBe('FORBIDDEN');
    expect(codeOf(await cityReader.request(read, { a }))).toBe('FORBIDDEN');
    const { publishIccIndexAssessment } = await admin.ok(publish, { a });
    expect(publishIccIndexAssessment.status).toBe('PUBLISHED');

    const { iccIndexAssessment: seen } = await cityReader.ok(read, { a });
    expect(seen.results.overall).toBe(75);
    expect(seen.results.indicators[1]).toMatchObject({ computedScore: 50, correctedScore: 75 });
    expect(seen.results.recommendations).toEqual([
      { indicatorCode: 'GOV', text: 'Give the advisory council a budget of its own.' },
      { indicatorCode: null, text: 'Adopt an intercultural strategy.' },
    ]);
    expect((await cityReader.ok('query { iccIndexAssessments { id } }')).iccIndexAssessments).toEqual([{ id: a }]);
    expect(codeOf(await outsider.request(read, { a }))).toBe('FORBIDDEN');

    // Recompute from what the API shows: the definition's export, the answers and the corrections.
    const { iccIndexDefinitionExport: definition } = await cityReader.ok(
      'query { iccIndexDefinitionExport(code: "LIFECYCLE-INDEX", version: 1) }',
    );
    const answers = new Map<string, any>(
      seen.questions.map((q: any) => [q.questionCode, { option: q.option, options: q.options, number: q.number, text: q.text }]),
    );
    const corrections = new Map<string, number>(
      seen.results.indicators.filter((i: any) => i.correctedScore !== null).map((i: any) => [i.code, i.correctedScore]),
    );
    const recomputed = scoreIndex(definition, answers, corrections);
    expect(recomputed.overall).toBe(seen.results.overall);
    expect(recomputed.overallComputed).toBe(seen.results.overallComputed);
    expect(recomputed.indicators.map((i) => [i.code, i.computed, i.final])).toEqual(
      seen.results.indicators.map((i: any) => [i.code, i.computedScore, i.score]),
    );
    // …and the scores kept at publication are the same.
    const [{ published_scores }] = await t.dataSource.query('SELECT published_scores FROM icc_index_assessment WHERE id = $1', [a]);
    expect(published_scores).toEqual(JSON.parse(JSON.stringify(recomputed)));

    // Published results no longer change.
    expect(codeOf(await expert.request(recommend, { a, text: 'Too late.' }))).toBe('INVALID_TRANSITION');
    expect(codeOf(await admin.request(publish, { a }))).toBe('INVALID_TRANSITION');
  });
});
