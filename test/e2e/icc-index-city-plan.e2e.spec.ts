import { createCity, createPerson, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';
import { REPORT_INDEX } from './icc-index-report.fixture';

/**
 * The city's own development plan (issue 23): a city with a published Index and no review yet (the
 * ICC order: the Index before the expert visit) takes actions on its Index recommendations. The
 * Index's coordinator and the city's staff edit it, the secretariat too; a stranger neither reads nor edits it.
 */
describe("the city's own development plan, without a review", () => {
  let t: TestApp;
  let admin: GraphqlClient;
  let coordinator: GraphqlClient;
  let stranger: GraphqlClient;
  let cityId: string;
  let staffId: string;
  let strangerId: string;
  let recommendationIds: string[];
  let actionId: string;

  const planQuery = `query($c: ID!) { cityDevelopmentPlan(cityId: $c) { cityId progress canEdit today people { id fullName }
    externalRecommendations { recommendation { id source about text } progress
      actions { id reviewId externalRecommendationId progress status version responsible { fullName } history { progress note changedBy { fullName } } } } } }`;
  const add =
    'mutation($rec: ID!, $input: PlanActionInput!) { addPlanAction(recommendationId: $rec, input: $input) { id reviewId externalRecommendationId version } }';
  const update =
    'mutation($a: ID!, $input: PlanActionInput!) { updatePlanAction(actionId: $a, input: $input) { id progress status version } }';
  const input = () => ({
    description: 'Open a newsroom traineeship',
    owner: 'Communication department',
    responsibleId: staffId,
    startsOn: '2027-01-04',
    dueOn: '2027-06-30',
    term: 'LONGER_TERM',
  });

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const a = await createPerson(t.dataSource, { isAdmin: true });
    admin = await t.gql.signIn(a.email, TEST_PASSWORD);
    const c = await createPerson(t.dataSource, { fullName: 'Cora Coordinator' });
    coordinator = await t.gql.signIn(c.email, TEST_PASSWORD);
    const s = await createPerson(t.dataSource, { fullName: 'Stan Stranger' });
    strangerId = s.id;
    stranger = await t.gql.signIn(s.email, TEST_PASSWORD);
    cityId = (await createCity(t.dataSource, { name: 'Botkyrka' })).id;
    const [org] = await t.dataSource.query(
      "INSERT INTO organisation (name, kind, city_id) VALUES ($1, 'CITY_ADMINISTRATION', $2) RETURNING id",
      ['Botkyrka municipality', cityId],
    );
    const staff = await createPerson(t.dataSource, { fullName: 'Sofia Staff' });
    await t.dataSource.query('UPDATE person SET organisation_id = $1 WHERE id = $2', [org.id, staff.id]);
    staffId = staff.id;
    await admin.ok('mutation($d: JSON!) { importIccIndexDefinition(document: $d, publish: true) { outcome } }', { d: REPORT_INDEX });
    const { startIccIndexAssessment: assessment } = await admin.ok(
      'mutation($input: StartIccIndexAssessmentInput!) { startIccIndexAssessment(input: $input) { id } }',
      { input: { cityId, definitionCode: 'REPORT-INDEX', dueDate: '2027-06-30', coordinatorId: c.id } },
    );
    const save =
      'mutation($a: ID!, $q: String!, $input: IccIndexAnswerInput!) { saveIccIndexAnswer(assessmentId: $a, questionCode: $q, input: $input) { version } }';
    await coordinator.ok(save, { a: assessment.id, q: 'M1', input: { number: 1 } });
    await coordinator.ok(save, { a: assessment.id, q: 'L1', input: { option: 'YES' } });
    await coordinator.ok(save, { a: assessment.id, q: 'S1', input: { option: 'NO' } });
    await coordinator.ok('mutation($a: ID!) { submitIccIndexAssessment(assessmentId: $a) { status } }', { a: assessment.id });
    for (const [i, text] of [
      ['MEDIA', 'Open a newsroom traineeship for residents born abroad.'],
      [null, 'Repeat the Index in two years.'],
    ])
      await admin.ok(
        'mutation($a: ID!, $t: String!, $i: String) { addIccIndexRecommendation(assessmentId: $a, text: $t, indicatorCode: $i) { id } }',
        { a: assessment.id, t: text, i },
      );
    await admin.ok('mutation($a: ID!) { publishIccIndexAssessment(assessmentId: $a) { status } }', { a: assessment.id });
  });
  afterAll(() => t?.close());

  it("lists the published Index's recommendations to the coordinator, who may edit; the city's staff may be responsible", async () => {
    expect(await t.dataSource.query('SELECT id FROM review')).toEqual([]);
    const { cityDevelopmentPlan: plan } = await coordinator.ok(planQuery, { c: cityId });
    expect(plan).toMatchObject({ cityId, progress: null, canEdit: true, today: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(plan.people).toEqual([
      { id: expect.any(String), fullName: 'Cora Coordinator' },
      { id: staffId, fullName: 'Sofia Staff' },
    ]);
    expect(plan.externalRecommendations.map((r: { recommendation: object }) => r.recommendation)).toEqual([
      {
        id: expect.any(String),
        source: expect.stringMatching(/^Intercultural Cities Index \(REPORT-INDEX version 1\), published \d{4}-\d{2}-\d{2}$/),
        about: 'Media and communication',
        text: 'Open a newsroom traineeship for residents born abroad.',
      },
      expect.objectContaining({ about: null, text: 'Repeat the Index in two years.' }),
    ]);
    recommendationIds = plan.externalRecommendations.map((r: { recommendation: { id: string } }) => r.recommendation.id);
  });

  it('refuses a stranger (reading and adding) and bad input, every problem at once, writing nothing', async () => {
    expect((await stranger.request(planQuery, { c: cityId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await stranger.request(add, { rec: recommendationIds[0], input: input() })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await coordinator.request(add, {
      rec: recommendationIds[0],
      input: { ...input(), responsibleId: strangerId, dueOn: '2026-12-01', documentId: staffId },
    });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((bad.errors?.[0].extensions?.problems as { path: string }[]).map((p) => p.path).sort()).toEqual([
      'documentId',
      'dueOn',
      'responsibleId',
    ]);
    expect(await t.dataSource.query('SELECT id FROM plan_action')).toEqual([]);
  });

  it("takes the coordinator's action, without a review, and its progress with history", async () => {
    const { addPlanAction: action } = await coordinator.ok(add, { rec: recommendationIds[0], input: input() });
    expect(action).toMatchObject({ reviewId: null, externalRecommendationId: recommendationIds[0], version: 1 });
    actionId = action.id;
    const { updatePlanAction: updated } = await coordinator.ok(update, {
      a: actionId,
      input: { status: 'UNDER_WAY', progress: 40, note: 'First trainee hired.', expectedVersion: 1 },
    });
    expect(updated).toMatchObject({ progress: 40, status: 'UNDER_WAY', version: 2 });
    const stale = await coordinator.request(update, { a: actionId, input: { progress: 50, expectedVersion: 1 } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const { cityDevelopmentPlan: plan } = await admin.ok(planQuery, { c: cityId });
    expect(plan.progress).toBe(40);
    expect(plan.canEdit).toBe(true);
    expect(plan.externalRecommendations[0]).toMatchObject({
      progress: 40,
      actions: [
        {
          id: actionId,
          reviewId: null,
          progress: 40,
          status: 'UNDER_WAY',
          responsible: { fullName: 'Sofia Staff' },
          history: [
            { progress: 0, note: '', changedBy: { fullName: 'Cora Coordinator' } },
            { progress: 40, note: 'First trainee hired.', changedBy: { fullName: 'Cora Coordinator' } },
          ],
        },
      ],
    });
    expect(plan.externalRecommendations[1]).toMatchObject({ progress: null, actions: [] });
  });

  it("refuses a stranger's change, and the table refuses an action with neither review nor Index recommendation", async () => {
    const refused = await stranger.request(update, { a: actionId, input: { progress: 90 } });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [row] = await t.dataSource.query('SELECT progress, version FROM plan_action WHERE id = $1', [actionId]);
    expect(row).toEqual({ progress: 40, version: 2 });
    await expect(
      t.dataSource.query(
        `INSERT INTO plan_action (review_id, recommendation_id, external_recommendation_id, description, owner, responsible_id, starts_on, due_on, term, version, created_by_id)
         SELECT NULL, id, NULL, 'x', 'x', $1, '2027-01-01', '2027-02-01', 'QUICK_WIN', 1, $1 FROM plan_action LIMIT 1`,
        [staffId],
      ),
    ).rejects.toThrow(/plan_action_review_or_external/);
  });
});
