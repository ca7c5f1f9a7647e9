import { createCity, createPerson, createReviewFixture, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/** Two indicators of one yes/no question each: a city's scores are 0 or 100 per indicator. */
const LINKS_INDEX = {
  code: 'LINKS-INDEX',
  title: { en: 'Links Index' },
  source: { organisation: 'PeerVisit', attribution: 'Test fixture written by PeerVisit.' },
  indicators: ['WELCOME', 'GOVERNANCE'].map((code, i) => ({
    code,
    number: i + 1,
    name: { en: code === 'WELCOME' ? 'Welcoming of new arrivals' : 'Governance', fr: code === 'WELCOME' ? 'Accueil' : 'Gouvernance' },
    weight: 1,
    questions: [
      {
        code: `${code}-1`,
        text: { en: `Does the city have a ${code.toLowerCase()} policy?` },
        type: 'YES_NO',
        dataType: 'INPUT',
        options: [
          { code: 'YES', label: { en: 'Yes' }, points: 1 },
          { code: 'NO', label: { en: 'No' }, points: 0 },
        ],
      },
    ],
  })),
};

/**
 * The Index and the rest of PeerVisit (issue 23): the directory's share of foreign-born residents and
 * the comparison group it gives; the expert visit of the city seeing its latest published Index and
 * confirming it per indicator; the Index's recommendations in the city's development plan.
 */
describe('the Index linked to the directory, the expert visit and the development plan', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  let f: Awaited<ReturnType<typeof createReviewFixture>>;
  const as = {} as Record<'leader' | 'peer' | 'coordinator' | 'contributor' | 'observer', GraphqlClient>;
  const others: { id: string; share: number }[] = [];
  let assessmentId: string;
  let recommendationIds: string[];

  /** Runs a whole assessment as the secretariat: answers, submission, recommendations, publication. */
  async function publish(cityId: string, answers: [string, string][], recommendations: [string | null, string][] = []): Promise<string> {
    const { startIccIndexAssessment: a } = await admin.ok(
      'mutation($input: StartIccIndexAssessmentInput!) { startIccIndexAssessment(input: $input) { id } }',
      { input: { cityId, definitionCode: 'LINKS-INDEX', dueDate: '2027-06-30' } },
    );
    for (const [q, option] of answers)
      await admin.ok(
        'mutation($a: ID!, $q: String!, $o: String) { saveIccIndexAnswer(assessmentId: $a, questionCode: $q, input: { option: $o }) { id } }',
        { a: a.id, q, o: option },
      );
    await admin.ok('mutation($a: ID!) { submitIccIndexAssessment(assessmentId: $a) { status } }', { a: a.id });
    for (const [indicator, text] of recommendations)
      await admin.ok(
        'mutation($a: ID!, $i: String, $t: String!) { addIccIndexRecommendation(assessmentId: $a, indicatorCode: $i, text: $t) { id } }',
        {
          a: a.id,
          i: indicator,
          t: text,
        },
      );
    await admin.ok('mutation($a: ID!) { publishIccIndexAssessment(assessmentId: $a) { status } }', { a: a.id });
    return a.id;
  }

  const setShare = (id: string, share: unknown) =>
    admin.request('mutation($id: ID!, $input: CityInput!) { updateCity(id: $id, input: $input) { foreignBornShare population } }', {
      id,
      input: { name: 'Share city', country: 'NO', timeZone: 'Europe/Oslo', population: 50000, foreignBornShare: share },
    });

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    const a = await createPerson(t.dataSource, { isAdmin: true, fullName: 'Sam Secretariat' });
    admin = await t.gql.signIn(a.email, TEST_PASSWORD);
    await admin.ok('mutation($d: JSON!) { importIccIndexDefinition(document: $d, publish: true) { outcome } }', { d: LINKS_INDEX });
    f = await createReviewFixture(t.dataSource, { status: 'VISIT', scope: [1], cityName: 'Bergen', timeZone: 'Europe/Oslo' });
    for (const who of ['leader', 'peer', 'coordinator', 'contributor', 'observer'] as const)
      as[who] = await t.gql.signIn(f.people[who].email, TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  describe("the directory's share of foreign-born residents", () => {
    it('is refused outside 0 to 100, saying what to fix, and nothing is written', async () => {
      const res = await setShare(f.city.id, 101);
      expect(res.errors?.[0]).toMatchObject({
        extensions: {
          code: 'BAD_USER_INPUT',
          problems: [{ path: 'foreignBornShare', message: 'a share of residents is a percentage from 0 to 100' }],
        },
      });
      expect((await setShare(f.city.id, -0.5)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const [city] = await t.dataSource.query('SELECT foreign_born_share FROM city WHERE id = $1', [f.city.id]);
      expect(city.foreign_born_share).toBeNull();
    });

    it('is saved by the secretariat, kept by an update that leaves it out, and refused to anyone else', async () => {
      expect((await setShare(f.city.id, 20)).data?.updateCity.foreignBornShare).toBe(20);
      const kept = await admin.ok(
        'mutation($id: ID!, $input: CityInput!) { updateCity(id: $id, input: $input) { foreignBornShare population } }',
        { id: f.city.id, input: { name: 'Bergen', country: 'NO', timeZone: 'Europe/Oslo', population: 60000 } },
      );
      expect(kept.updateCity).toEqual({ foreignBornShare: 20, population: 60000 });
      const refused = await as.coordinator.request('mutation($id: ID!, $input: CityInput!) { updateCity(id: $id, input: $input) { id } }', {
        id: f.city.id,
        input: { name: 'Bergen', country: 'NO', timeZone: 'Europe/Oslo', foreignBornShare: 99 },
      });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('the expert visit sees the Index', () => {
    const visitQuery = `query($r: ID!, $l: String) { review(id: $r) { iccIndex(language: $l) {
      assessmentId definitionCode definitionVersion overall canConfirm confirmRefusal
      indicators { code name score computedScore confirmation { verdict note version recordedById recordedByName recordedAt } } } } }`;
    const confirm = `mutation($r: ID!, $i: String!, $v: IccIndexVisitVerdict!, $n: String, $e: Int) {
      confirmIccIndexResult(reviewId: $r, indicatorCode: $i, verdict: $v, note: $n, expectedVersion: $e) {
        indicators { code confirmation { verdict note version recordedByName } } } }`;

    it('is nothing while the city has no published Index', async () => {
      expect((await as.leader.ok(visitQuery, { r: f.reviewId })).review.iccIndex).toBeNull();
      const res = await as.peer.request(confirm, { r: f.reviewId, i: 'WELCOME', v: 'CONFIRMED' });
      expect(res.errors?.[0]).toMatchObject({
        message: 'The city has no published Index yet: there is no result for the visit to confirm.',
        extensions: { code: 'INVALID_TRANSITION' },
      });
    });

    it("shows the city's latest published Index beside the review, per indicator, to the team", async () => {
      // An older Index, then the latest: the visit sees the latest only.
      await publish(f.city.id, [
        ['WELCOME-1', 'NO'],
        ['GOVERNANCE-1', 'NO'],
      ]);
      assessmentId = await publish(
        f.city.id,
        [
          ['WELCOME-1', 'YES'],
          ['GOVERNANCE-1', 'NO'],
        ],
        [
          ['WELCOME', 'Open a one-stop welcome desk for new arrivals.'],
          [null, 'Publish an intercultural strategy adopted by the council.'],
        ],
      );
      const { review } = await as.leader.ok(visitQuery, { r: f.reviewId, l: 'fr' });
      expect(review.iccIndex).toMatchObject({
        assessmentId,
        definitionCode: 'LINKS-INDEX',
        definitionVersion: 1,
        overall: 50,
        canConfirm: true,
        confirmRefusal: null,
        indicators: [
          { code: 'WELCOME', name: 'Accueil', score: 100, computedScore: 100, confirmation: null },
          { code: 'GOVERNANCE', name: 'Gouvernance', score: 0, computedScore: 0, confirmation: null },
        ],
      });
      // The team's confirmations are read like its conclusions: by the host city from the feedback on.
      const early = await as.coordinator.request(visitQuery, { r: f.reviewId });
      expect(early.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('records per indicator whether the visit confirms it, with a note, who and when; every problem named', async () => {
      const before = Date.now();
      const first = await as.peer.ok(confirm, { r: f.reviewId, i: 'WELCOME', v: 'CONFIRMED' });
      expect(first.confirmIccIndexResult.indicators[0].confirmation).toEqual({
        verdict: 'CONFIRMED',
        note: '',
        version: 1,
        recordedByName: 'Piet Peer',
      });
      const noNote = await as.leader.request(confirm, { r: f.reviewId, i: 'GOVERNANCE', v: 'NOT_CONFIRMED' });
      expect(noNote.errors?.[0]).toMatchObject({
        extensions: {
          code: 'BAD_USER_INPUT',
          problems: [{ path: 'note', message: 'say what the visit saw that differs from the Index result' }],
        },
      });
      const unknown = await as.leader.request(confirm, { r: f.reviewId, i: 'MEDIA', v: 'CONFIRMED' });
      expect(unknown.errors?.[0].extensions?.problems).toEqual([
        { path: 'indicatorCode', message: 'no indicator has the code MEDIA (WELCOME, GOVERNANCE)' },
      ]);
      await as.leader.ok(confirm, {
        r: f.reviewId,
        i: 'GOVERNANCE',
        v: 'PARTLY_CONFIRMED',
        n: 'The council adopted a strategy last month, after the questionnaire.',
      });
      // A change based on an old version is refused; the current one is kept.
      const stale = await as.peer.request(confirm, { r: f.reviewId, i: 'WELCOME', v: 'NOT_CONFIRMED', n: 'Desk closed.', e: 0 });
      expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
      const changed = await as.peer.ok(confirm, {
        r: f.reviewId,
        i: 'WELCOME',
        v: 'PARTLY_CONFIRMED',
        n: 'Desk open two days a week.',
        e: 1,
      });
      expect(changed.confirmIccIndexResult.indicators[0].confirmation).toMatchObject({ verdict: 'PARTLY_CONFIRMED', version: 2 });

      const { review } = await as.leader.ok(visitQuery, { r: f.reviewId });
      const governance = review.iccIndex.indicators[1].confirmation;
      expect(governance).toMatchObject({
        verdict: 'PARTLY_CONFIRMED',
        recordedById: f.people.leader.id,
        recordedByName: 'Lena Leader',
      });
      expect(new Date(governance.recordedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
      const audit = await t.dataSource.query(
        "SELECT action, actor_id FROM audit_entry WHERE review_id = $1 AND action = 'iccIndex.confirmResult' ORDER BY at",
        [f.reviewId],
      );
      expect(audit.map((e: { actor_id: string }) => e.actor_id)).toEqual([f.people.peer.id, f.people.leader.id, f.people.peer.id]);
    });

    it('is refused to the host city, and once the review is past the findings work (the status table)', async () => {
      const host = await as.coordinator.request(confirm, { r: f.reviewId, i: 'WELCOME', v: 'CONFIRMED' });
      expect(host.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      await t.dataSource.query("UPDATE review SET status = 'FEEDBACK' WHERE id = $1", [f.reviewId]);
      const late = await as.leader.request(confirm, { r: f.reviewId, i: 'WELCOME', v: 'CONFIRMED' });
      expect(late.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
      const { review } = await as.leader.ok(visitQuery, { r: f.reviewId });
      expect(review.iccIndex.canConfirm).toBe(false);
      expect(review.iccIndex.confirmRefusal).toBe('Conclusions are drawn during the visit and deliberation; the review is in FEEDBACK.');
      // Now the host city reads it, and may not confirm.
      expect((await as.coordinator.ok(visitQuery, { r: f.reviewId })).review.iccIndex).toMatchObject({
        canConfirm: false,
        confirmRefusal: null,
      });
      const rows = await t.dataSource.query(
        'SELECT verdict FROM icc_index_visit_confirmation WHERE review_id = $1 ORDER BY indicator_code',
        [f.reviewId],
      );
      expect(rows.map((r: { verdict: string }) => r.verdict)).toEqual(['PARTLY_CONFIRMED', 'PARTLY_CONFIRMED']);
    });
  });

  describe("the Index's recommendations in the city's development plan", () => {
    const planQuery = `query($r: ID!) { developmentPlan(reviewId: $r) { progress canEdit
      externalRecommendations { recommendation { id source about text } progress actions { id progress history { progress } } } } }`;
    const add =
      'mutation($rec: ID!, $r: ID, $input: PlanActionInput!) { addPlanAction(recommendationId: $rec, reviewId: $r, input: $input) { id externalRecommendationId recommendationId } }';
    const input = () => ({
      description: 'Open the welcome desk',
      owner: 'Integration office',
      responsibleId: f.people.contributor.id,
      startsOn: '2027-01-04',
      dueOn: '2027-03-01',
      term: 'QUICK_WIN',
    });

    it("lists the city's latest published Index recommendations in the review's plan", async () => {
      const { developmentPlan } = await as.coordinator.ok(planQuery, { r: f.reviewId });
      expect(developmentPlan.canEdit).toBe(true);
      expect(developmentPlan.externalRecommendations.map((x: { recommendation: object }) => x.recommendation)).toEqual([
        {
          id: expect.any(String),
          source: expect.stringMatching(/^Intercultural Cities Index \(LINKS-INDEX version 1\), published \d{4}-\d{2}-\d{2}$/),
          about: 'Welcoming of new arrivals',
          text: 'Open a one-stop welcome desk for new arrivals.',
        },
        expect.objectContaining({ about: null, text: 'Publish an intercultural strategy adopted by the council.' }),
      ]);
      recommendationIds = developmentPlan.externalRecommendations.map((x: { recommendation: { id: string } }) => x.recommendation.id);
    });

    it('takes actions by the plan rules: its city only, every problem at once', async () => {
      const elsewhere = await createReviewFixture(t.dataSource, { status: 'FEEDBACK', scope: [1], cityName: 'Lisbon' });
      const otherCoordinator = await t.gql.signIn(elsewhere.people.coordinator.email, TEST_PASSWORD);
      // Without a review the action would go to the city's own plan, which another city's coordinator may not change.
      const noReview = await otherCoordinator.request(add, { rec: recommendationIds[0], input: input() });
      expect(noReview.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const wrongCity = await otherCoordinator.request(add, { rec: recommendationIds[0], r: elsewhere.reviewId, input: input() });
      expect(wrongCity.errors?.[0].extensions?.problems).toEqual([
        { path: 'reviewId', message: "must be a review of the recommendation's city" },
      ]);
      const bad = await as.coordinator.request(add, {
        rec: recommendationIds[0],
        r: f.reviewId,
        input: { ...input(), owner: ' ', dueOn: '2026-12-01' },
      });
      expect(bad.errors?.[0].extensions?.problems).toEqual([
        { path: 'owner', message: 'say which department or organisation owns it' },
        { path: 'dueOn', message: 'is before the start (2027-01-04)' },
      ]);
      const observer = await as.observer.request(add, { rec: recommendationIds[0], r: f.reviewId, input: input() });
      expect(observer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await t.dataSource.query('SELECT id FROM plan_action WHERE external_recommendation_id IS NOT NULL')).toEqual([]);
    });

    it('has the same progress, history, summary and reminders as a review recommendation', async () => {
      const { addPlanAction: action } = await as.coordinator.ok(add, { rec: recommendationIds[0], r: f.reviewId, input: input() });
      expect(action).toMatchObject({ externalRecommendationId: recommendationIds[0], recommendationId: null });
      await as.contributor.ok(
        'mutation($a: ID!) { updatePlanAction(actionId: $a, input: { progress: 40, note: "Premises found." }) { id } }',
        {
          a: action.id,
        },
      );
      const { developmentPlan } = await as.coordinator.ok(planQuery, { r: f.reviewId });
      expect(developmentPlan.progress).toBe(40);
      expect(developmentPlan.externalRecommendations[0]).toMatchObject({
        progress: 40,
        actions: [{ id: action.id, progress: 40, history: [{ progress: 0 }, { progress: 40 }] }],
      });
      const { review } = await as.coordinator.ok('query($r: ID!) { review(id: $r) { planSummary { progress actions done overdue } } }', {
        r: f.reviewId,
      });
      expect(review.planSummary).toEqual({ progress: 40, actions: 1, done: 0, overdue: 0 });
      // The plan's reminders: the person responsible, then the escalations, as for any action.
      const rows = await t.dataSource.query('SELECT template, recipient_id FROM outbox_message WHERE dedupe_key LIKE $1 ORDER BY due_at', [
        `%plan%${action.id}%`,
      ]);
      expect(rows.map((r: { template: string }) => r.template)).toEqual([
        'plan-action-due',
        'plan-action-due',
        'plan-action-escalated',
        'plan-action-escalated',
      ]);
      expect(rows[0].recipient_id).toBe(f.people.contributor.id);
    });
  });

  describe('comparison by share of foreign-born residents', () => {
    const query = `query($a: ID!) { iccIndexComparison(assessmentId: $a) {
      similarForeignBorn { available comparableCities message indicators { code cityScore cities scores } } } }`;

    it('groups the cities within 5 percentage points of the share, by the rule of at least 5', async () => {
      // Bergen (20 %) has published; five more cities, one far from the others.
      for (const [name, share] of [
        ['Drammen', 18],
        ['Tromsø', 22],
        ['Stavanger', 24.5],
        ['Trondheim', 16],
        ['Botkyrka', 40],
      ] as [string, number][]) {
        const city = await createCity(t.dataSource, { name, country: 'NO', timeZone: 'Europe/Oslo' });
        expect((await setShare(city.id, share)).errors).toBeUndefined();
        others.push({ id: city.id, share });
      }
      const ids: string[] = [];
      for (const [i, city] of others.entries())
        ids.push(
          await publish(city.id, [
            ['WELCOME-1', i % 2 ? 'YES' : 'NO'],
            ['GOVERNANCE-1', 'YES'],
          ]),
        );
      const bergen = (await admin.ok(query, { a: assessmentId })).iccIndexComparison.similarForeignBorn;
      expect(bergen).toMatchObject({
        available: true,
        comparableCities: 5,
        message: 'Compared with 5 cities with a similar share of foreign-born residents that published an Index on LINKS-INDEX version 1.',
      });
      expect(bergen.indicators[0]).toEqual({ code: 'WELCOME', cityScore: 100, cities: 5, scores: [0, 0, 100, 100, 100] });
      const botkyrka = (await admin.ok(query, { a: ids[4] })).iccIndexComparison.similarForeignBorn;
      expect(botkyrka).toMatchObject({ available: false, comparableCities: 1, indicators: [] });
      expect(botkyrka.message).toBe(
        'The comparison with cities with a similar share of foreign-born residents is shown when at least 5 have published an Index on LINKS-INDEX version 1; 1 has so far.',
      );
    });

    it('says so when the directory has no share for the city', async () => {
      await t.dataSource.query('UPDATE city SET foreign_born_share = NULL WHERE id = $1', [others[0].id]);
      const [row] = await t.dataSource.query("SELECT id FROM icc_index_assessment WHERE city_id = $1 AND status = 'PUBLISHED'", [
        others[0].id,
      ]);
      const c = (await admin.ok(query, { a: row.id })).iccIndexComparison.similarForeignBorn;
      expect(c).toMatchObject({
        available: false,
        message: 'The directory has no share of foreign-born residents for this city, so there is no group of cities with a similar share.',
      });
    });
  });
});
