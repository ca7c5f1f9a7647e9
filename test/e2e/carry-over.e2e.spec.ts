import { createPerson, createReviewFixture, createTestApp, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/** The city's next review starts from the previous one: scope and self-assessment copied, marked unchanged until edited. */
describe('starting a review from the previous one', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
  });
  afterAll(() => t?.close());

  it('copies scope, reminder rules and entries, each entry unchanged until someone edits it; only the secretariat may do it', async () => {
    const f = await createReviewFixture(t.dataSource, { status: 'SELF_ASSESSMENT', scope: [1, 4] });
    const coordinator = await t.gql.signIn(f.people.coordinator.email, TEST_PASSWORD);
    const kf1 = (await t.dataSource.query('SELECT id FROM guide_question WHERE key_factor_id = $1 ORDER BY position', [
      f.keyFactors[0].id,
    ])) as { id: string }[];
    await coordinator.ok(
      'mutation($r: ID!, $kf: ID!, $input: SelfAssessmentEntryInput!) { saveSelfAssessmentEntry(reviewId: $r, keyFactorId: $kf, input: $input) { id } }',
      {
        r: f.reviewId,
        kf: f.keyFactors[0].id,
        input: {
          rating: 2,
          narrative: 'We adopted a statement in 2020.',
          answers: [{ guideQuestionId: kf1[1].id, answer: 'The mayor refers to it.' }],
        },
      },
    );

    const leader = await t.gql.signIn(f.people.leader.email, TEST_PASSWORD);
    await leader.ok(
      'mutation($r: ID!) { setReminderRule(reviewId: $r, kind: SELF_ASSESSMENT_DUE, enabled: true, offsets: [21, 7]) { kind } }',
      { r: f.reviewId },
    );
    const admin = await t.gql.signIn((await createPerson(t.dataSource, { isAdmin: true })).email, TEST_PASSWORD);
    const start =
      'mutation($p: ID!, $t: String!) { startReviewFrom(previousReviewId: $p, title: $t) { id status hostCity { id } keyFactorsInScope { code } selfAssessment { id rating narrative unchangedSinceCarryOver keyFactor { code } answers { guideQuestionId answer } } } }';
    const refused = await coordinator.request(start, { p: f.reviewId, t: 'Next review' });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { startReviewFrom: next } = await admin.ok(start, { p: f.reviewId, t: 'Next review' });
    expect(next).toMatchObject({ status: 'DRAFT', hostCity: { id: f.city.id }, keyFactorsInScope: [{ code: '01' }, { code: '04' }] });
    expect(next.selfAssessment).toEqual([
      {
        id: expect.any(String),
        rating: 2,
        narrative: 'We adopted a statement in 2020.',
        unchangedSinceCarryOver: true,
        keyFactor: { code: '01' },
        answers: [{ guideQuestionId: kf1[1].id, answer: 'The mayor refers to it.' }],
      },
    ]);

    // The reminder rules came along.
    expect(await t.dataSource.query('SELECT kind, offsets FROM reminder_rule WHERE review_id = $1', [next.id])).toEqual([
      { kind: 'SELF_ASSESSMENT_DUE', offsets: [21, 7] },
    ]);

    // The city updates it in the new review: from then on it is no longer "unchanged".
    await t.dataSource.query("UPDATE review SET status = 'SELF_ASSESSMENT' WHERE id = $1", [next.id]);
    await t.dataSource.query("INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, 'HOST_COORDINATOR')", [
      next.id,
      f.people.coordinator.id,
    ]);
    const edited = await coordinator.ok(
      'mutation($r: ID!, $kf: ID!) { saveSelfAssessmentEntry(reviewId: $r, keyFactorId: $kf, input: { rating: 3 }) { unchangedSinceCarryOver rating } }',
      { r: next.id, kf: f.keyFactors[0].id },
    );
    expect(edited.saveSelfAssessmentEntry).toEqual({ unchangedSinceCarryOver: false, rating: 3 });
    // The earlier review's entry is untouched.
    expect((await t.dataSource.query('SELECT rating FROM self_assessment_entry WHERE review_id = $1', [f.reviewId]))[0].rating).toBe(2);
  });
});
