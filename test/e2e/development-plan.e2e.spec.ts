import * as XLSX from '@e965/xlsx';
import { randomUUID } from 'node:crypto';
import { createPerson, createReviewFixture, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp, until } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

type Fixture = Awaited<ReturnType<typeof createReviewFixture>>;

/**
 * The development plan (issue 20), through the API on a real database: only accepted or partly
 * accepted recommendations take actions; the host city edits, the team, observers and the
 * secretariat read; bad input is refused with every problem at once and writes nothing; progress is
 * weighted (dropped actions left out); every change is kept with its note and document; the plan is
 * in the next report version, the recommendations export and the city's timeline.
 */
describe('the development plan, end to end', () => {
  let t: TestApp;
  let f: Fixture;
  let other: Fixture;
  const as = {} as Record<'admin' | 'leader' | 'peer' | 'coordinator' | 'contributor' | 'observer' | 'stranger', GraphqlClient>;
  const rec = {} as Record<'accepted' | 'partly' | 'noted', string>;
  const action = {} as Record<'website' | 'course' | 'dropped' | 'training', string>;

  const add = `mutation($r: ID!, $input: PlanActionInput!) { addPlanAction(recommendationId: $r, input: $input) {
      id recommendationId description owner responsibleId startsOn dueOn term status progress weight version responsible { fullName } } }`;
  const update = `mutation($a: ID!, $input: PlanActionInput!) { updatePlanAction(actionId: $a, input: $input) {
      id status progress weight dropReason version history { changes note status progress documentId document { title } changedBy { fullName } } } }`;
  const plan = `query($r: ID!) { developmentPlan(reviewId: $r) { reviewId progress canEdit today
      progressHistory { date progress }
      recommendations { recommendation { id hostResponse } progress actions { id description status progress weight dropReason } } } }`;

  const counts = async () =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*)::int FROM plan_action) AS actions, (SELECT count(*)::int FROM plan_action_change) AS changes,
                (SELECT count(*)::int FROM audit_entry WHERE action LIKE 'plan.%') AS audits`,
      )
    )[0] as { actions: number; changes: number; audits: number };

  const insertRecommendation = async (fixture: Fixture, text: string, response: string | null, comment: string | null = null) => {
    const [row] = await t.dataSource.query(
      `INSERT INTO recommendation (review_id, text, key_factor_ids, priority, horizon, created_by_id, host_response, host_comment)
       VALUES ($1, $2, $3, 'HIGH', 'QUICK_WIN', $4, $5, $6) RETURNING id`,
      [fixture.reviewId, text, [fixture.keyFactors[0].id], fixture.people.leader.id, response, comment],
    );
    return row.id as string;
  };

  const upload = async (client: GraphqlClient, reviewId: string, title: string) => {
    const form = new FormData();
    form.append('title', title);
    form.append('type', 'MONITORING_DATA');
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n% plan\n')], { type: 'application/pdf' }), 'plan.pdf');
    const response = await fetch(`${t.url}/reviews/${reviewId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.token}` },
      body: form,
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };

  const valid = () => ({
    description: 'Publish the diversity statement on the city website',
    owner: 'Communications department',
    responsibleId: f.people.contributor.id,
    startsOn: '2027-01-10',
    dueOn: '2027-06-30',
    term: 'QUICK_WIN',
  });

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: true }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    f = await createReviewFixture(t.dataSource, { status: 'FEEDBACK', scope: [1, 2] });
    other = await createReviewFixture(t.dataSource, { status: 'FEEDBACK', scope: [1] });
    for (const who of ['leader', 'peer', 'coordinator', 'contributor', 'observer'] as const)
      as[who] = await t.gql.signIn(f.people[who].email, TEST_PASSWORD);
    as.stranger = await t.gql.signIn(other.people.coordinator.email, TEST_PASSWORD);
    as.admin = await t.gql.signIn((await createPerson(t.dataSource, { isAdmin: true })).email, TEST_PASSWORD);
    rec.accepted = await insertRecommendation(f, 'Publish a diversity statement.', 'ACCEPTED');
    rec.partly = await insertRecommendation(
      f,
      'Train front-desk staff in intercultural communication.',
      'PARTLY_ACCEPTED',
      'Front desk only.',
    );
    rec.noted = await insertRecommendation(f, 'Open a city-wide diversity council.', 'NOTED', 'Not this term.');
  });
  afterAll(() => t?.close());

  it('only an accepted or partly accepted recommendation takes actions; a noted one is refused and nothing is written', async () => {
    const before = await counts();
    const refused = await as.coordinator.request(add, { r: rec.noted, input: valid() });
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringContaining('accepted or partly accepted'),
      extensions: { code: 'INVALID_TRANSITION' },
    });
    expect(await counts()).toEqual(before);
  });

  it('bad input: every problem at once, as BAD_USER_INPUT, and nothing is written', async () => {
    const foreign = await upload(as.stranger, other.reviewId, "Another city's plan");
    const before = await counts();
    const refused = await as.coordinator.request(add, {
      r: rec.accepted,
      input: {
        description: '   ',
        responsibleId: f.people.leader.id,
        startsOn: '2027-02-30',
        dueOn: '2026-12-31',
        term: 'QUICK_WIN',
        status: 'DROPPED',
        progress: 150,
        weight: 0,
        documentId: foreign,
      },
    });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/^The action was not added: /);
    expect(refused.errors?.[0].extensions?.problems).toEqual([
      { path: 'description', message: 'say what will be done' },
      { path: 'owner', message: 'say which department or organisation owns it' },
      { path: 'responsibleId', message: 'must be a host coordinator or contributor of this review' },
      { path: 'startsOn', message: '2027-02-30 is not a calendar date' },
      { path: 'dropReason', message: 'say why the action is dropped' },
      { path: 'progress', message: 'must be a whole number from 0 to 100' },
      { path: 'weight', message: 'must be a whole number from 1 to 100' },
      { path: 'documentId', message: `${foreign} is not a document of this review` },
    ]);
    // A due day before the start, on its own.
    const early = await as.coordinator.request(add, { r: rec.accepted, input: { ...valid(), dueOn: '2027-01-01' } });
    expect(early.errors?.[0].extensions?.problems).toEqual([{ path: 'dueOn', message: 'is before the start (2027-01-10)' }]);
    // An id that is not a UUID is refused before anything runs; an unknown one is NOT_FOUND.
    expect((await as.coordinator.request(add, { r: randomUUID(), input: valid() })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('who may edit: the host coordinator and contributors; the team, observers and strangers are refused', async () => {
    const before = await counts();
    for (const who of ['leader', 'peer', 'observer', 'stranger'] as const) {
      const refused = await as[who].request(add, { r: rec.accepted, input: valid() });
      expect([who, refused.errors?.[0].extensions?.code]).toEqual([who, 'FORBIDDEN']);
    }
    expect(await counts()).toEqual(before);

    const website = (await as.contributor.ok(add, { r: rec.accepted, input: { ...valid(), progress: 50, weight: 3 } })).addPlanAction;
    expect(website).toMatchObject({
      recommendationId: rec.accepted,
      status: 'PLANNED',
      progress: 50,
      weight: 3,
      version: 1,
      responsible: { fullName: 'Carl Contributor' },
    });
    action.website = website.id;
    action.course = (
      await as.coordinator.ok(add, {
        r: rec.accepted,
        input: { ...valid(), description: 'Run an intercultural course', term: 'LONGER_TERM', status: 'DONE', dueOn: '2027-12-31' },
      })
    ).addPlanAction.id;
    action.dropped = (
      await as.coordinator.ok(add, {
        r: rec.accepted,
        input: { ...valid(), description: 'Print leaflets', progress: 10, weight: 5 },
      })
    ).addPlanAction.id;
    action.training = (
      await as.coordinator.ok(add, {
        r: rec.partly,
        input: { ...valid(), description: 'Train the front desk', responsibleId: f.people.coordinator.id, progress: 20 },
      })
    ).addPlanAction.id;
    // Added DONE: at 100 without saying so.
    const [course] = await t.dataSource.query('SELECT status::text, progress FROM plan_action WHERE id = $1', [action.course]);
    expect(course).toEqual({ status: 'DONE', progress: 100 });
  });

  it('the capability table decides when: a cancelled review refuses plan changes', async () => {
    const cancelledRec = await insertRecommendation(other, 'Something accepted.', 'ACCEPTED');
    await t.dataSource.query("UPDATE review SET status = 'CANCELLED' WHERE id = $1", [other.reviewId]);
    const before = await counts();
    const refused = await as.stranger.request(add, {
      r: cancelledRec,
      input: { ...valid(), responsibleId: other.people.contributor.id },
    });
    expect(refused.errors?.[0]).toMatchObject({
      message: 'The development plan can change while the review is in feedback, reporting, follow-up or closed; it is CANCELLED.',
      extensions: { code: 'INVALID_TRANSITION' },
    });
    expect(await counts()).toEqual(before);
    await t.dataSource.query("UPDATE review SET status = 'FEEDBACK' WHERE id = $1", [other.reviewId]);
  });

  it('progress is weighted: dropped actions are left out, a done one counts 100; the plan is the mean of its recommendations', async () => {
    // Dropping needs a reason; a reason without dropping is refused.
    const noReason = await as.coordinator.request(update, { a: action.dropped, input: { status: 'DROPPED' } });
    expect(noReason.errors?.[0].extensions?.problems).toEqual([{ path: 'dropReason', message: 'say why the action is dropped' }]);
    const strayReason = await as.coordinator.request(update, { a: action.website, input: { dropReason: 'No budget' } });
    expect(strayReason.errors?.[0].extensions?.problems).toEqual([
      { path: 'dropReason', message: 'only a dropped action has a reason to be dropped' },
    ]);
    const dropped = (
      await as.coordinator.ok(update, { a: action.dropped, input: { status: 'DROPPED', dropReason: 'Everything is online now.' } })
    ).updatePlanAction;
    expect(dropped).toMatchObject({ status: 'DROPPED', dropReason: 'Everything is online now.', version: 2 });

    const read = (await as.leader.ok(plan, { r: f.reviewId })).developmentPlan;
    const accepted = read.recommendations.find((r: { recommendation: { id: string } }) => r.recommendation.id === rec.accepted);
    const partly = read.recommendations.find((r: { recommendation: { id: string } }) => r.recommendation.id === rec.partly);
    // website 50 × 3 + course 100 × 1 (done), leaflets dropped: 250 / 4.
    expect(accepted.progress).toBe(62.5);
    expect(partly.progress).toBe(20);
    expect(read.progress).toBe(41.3);
    expect(read.recommendations.map((r: { recommendation: { id: string } }) => r.recommendation.id).sort()).toEqual(
      [rec.accepted, rec.partly].sort(),
    );
    expect(read.canEdit).toBe(false);
    expect((await as.contributor.ok(plan, { r: f.reviewId })).developmentPlan.canEdit).toBe(true);
  });

  it('every change is kept with its note and document; a change based on an old version is a CONFLICT', async () => {
    const evidence = await upload(as.contributor, f.reviewId, 'Website statistics');
    const changed = (
      await as.contributor.ok(update, {
        a: action.website,
        input: { progress: 70, status: 'UNDER_WAY', note: 'The statement is drafted.', documentId: evidence, expectedVersion: 1 },
      })
    ).updatePlanAction;
    expect(changed.version).toBe(2);
    expect(changed.history).toEqual([
      expect.objectContaining({ status: 'PLANNED', progress: 50, note: '', documentId: null, changedBy: { fullName: 'Carl Contributor' } }),
      {
        changes: { status: { from: 'PLANNED', to: 'UNDER_WAY' }, progress: { from: 50, to: 70 } },
        note: 'The statement is drafted.',
        status: 'UNDER_WAY',
        progress: 70,
        documentId: evidence,
        document: { title: 'Website statistics' },
        changedBy: { fullName: 'Carl Contributor' },
      },
    ]);
    expect(changed.history[0].changes).toMatchObject({
      description: { from: null, to: valid().description },
      weight: { from: null, to: 3 },
    });
    const [audit] = await t.dataSource.query(
      "SELECT actor_id, before, after FROM audit_entry WHERE entity_id = $1 AND action = 'plan.updateAction'",
      [action.website],
    );
    expect(audit).toMatchObject({
      actor_id: f.people.contributor.id,
      before: { progress: 50, status: 'PLANNED' },
      after: { progress: 70, status: 'UNDER_WAY', note: 'The statement is drafted.', documentId: evidence },
    });

    const before = await counts();
    const stale = await as.coordinator.request(update, { a: action.website, input: { progress: 90, expectedVersion: 1 } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(await counts()).toEqual(before);

    // The progress over time: one point today (host time), the plan as it stands now.
    const read = (await as.observer.ok(plan, { r: f.reviewId })).developmentPlan;
    // accepted: (70 × 3 + 100) / 4 = 77.5; partly: 20; the mean, 48.75, to one decimal.
    expect(read.progress).toBe(48.8);
    expect(read.progressHistory).toEqual([{ date: read.today, progress: 48.8 }]);
  });

  it('the secretariat and the team read the plan; a member of another review does not', async () => {
    expect((await as.admin.ok(plan, { r: f.reviewId })).developmentPlan.progress).toBe(48.8);
    expect((await as.peer.ok(plan, { r: f.reviewId })).developmentPlan.recommendations).toHaveLength(2);
    expect((await as.stranger.request(plan, { r: f.reviewId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("the city's timeline shows the plan in figures, to those who may read it", async () => {
    const summary = 'query($r: ID!) { review(id: $r) { planSummary { progress actions done overdue } } }';
    expect((await as.coordinator.ok(summary, { r: f.reviewId })).review.planSummary).toEqual({
      progress: 48.8,
      actions: 3,
      done: 1,
      overdue: 0,
    });
  });

  it('the next report version carries the plan (HTML, and the model with planProgress)', async () => {
    const { requestReport } = await as.peer.ok('mutation($r: ID!) { requestReport(reviewId: $r) { id } }', { r: f.reviewId });
    await until(
      'the report to be ready',
      async () => {
        const [row] = await t.dataSource.query('SELECT status FROM report WHERE id = $1', [requestReport.id]);
        if (row.status === 'FAILED') throw new Error('the report failed');
        return row.status === 'READY' ? row : undefined;
      },
      60_000,
    );
    const html = await (
      await fetch(`${t.url}/reports/${requestReport.id}/html`, { headers: { authorization: `Bearer ${as.leader.token}` } })
    ).text();
    expect(html).toContain('<h2 id="plan-h">The development plan</h2>');
    expect(html).toContain('Overall progress: 48.8%');
    expect(html).toContain('Publish the diversity statement on the city website');
    expect(html).toContain('Dropped: Everything is online now.');
    expect(html).not.toContain('Open a city-wide diversity council.</h3>');
    const { assembleReportModel } = await import('@peervisit/reporting');
    const model = await assembleReportModel(t.dataSource.manager, f.reviewId);
    expect(model.plan?.recommendations.map((r) => [r.progress, r.actions.length])).toEqual([
      [77.5, 3],
      [20, 1],
    ]);
    expect(model.planProgress).toHaveLength(1);
    expect(model.planProgress[0].progress).toBe(48.8);
  });

  it('the recommendations export has the plan: progress and actions per recommendation, and a sheet of actions', async () => {
    const response = await fetch(`${t.url}/exports/reviews/${f.reviewId}/recommendations.xlsx`, {
      headers: { authorization: `Bearer ${as.coordinator.token}` },
    });
    expect(response.status).toBe(200);
    const book = XLSX.read(Buffer.from(await response.arrayBuffer()));
    expect(book.SheetNames).toEqual(['Recommendations', 'Progress reports', 'Plan actions']);
    const main = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets.Recommendations, { defval: '' });
    const byText = (text: string) => main.find((r) => r.Recommendation === text)!;
    expect(byText('Publish a diversity statement.')['Plan progress (%)']).toBe(77.5);
    expect(byText('Publish a diversity statement.')['Plan actions']).toBe(
      [
        'Publish the diversity statement on the city website (Communications department; Quick win; 2027-01-10 – 2027-06-30; Under way; 70%)',
        'Run an intercultural course (Communications department; Longer term; 2027-01-10 – 2027-12-31; Done; 100%)',
        'Print leaflets (Communications department; Quick win; 2027-01-10 – 2027-06-30; Dropped: Everything is online now.; 10%)',
      ].join('\n'),
    );
    expect(byText('Open a city-wide diversity council.')['Plan progress (%)']).toBe('');
    const actions = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['Plan actions'], { defval: '' });
    const stored: { description: string; progress: number; weight: number }[] = await t.dataSource.query(
      'SELECT a.description, a.progress, a.weight FROM plan_action a JOIN recommendation r ON r.id = a.recommendation_id WHERE a.review_id = $1',
      [f.reviewId],
    );
    expect(actions.map((a) => [a.Action, a['Progress (%)'], a.Weight]).sort()).toEqual(
      stored.map((s) => [s.description, s.progress, s.weight]).sort(),
    );
  });
});
