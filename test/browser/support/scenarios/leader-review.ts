import { createPerson, createReviewFixture } from '@peervisit/testing';
import { DataSource } from 'typeorm';

/**
 * The expert leader's test (leader-workspace.browser.ts) has a review of its own, so what it changes
 * (the team, the programme, the dates, the status) never shows in the notebook's. It starts in
 * preparation with no self-assessment due date. The host city has written its entries (every guide
 * question answered and rated) and submitted them. The visit window runs from four days ago to
 * today, so that a feedback session the leader schedules on its first day (after moving it by two
 * days) has taken place. An earlier, closed review of the same city, led by the same expert leader
 * with agreed ratings, gives the ratings a history. An admin stands for the network secretariat.
 */
export async function prepare(dataSource: DataSource) {
  const osloDay = (offsetDays: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(Date.now() + offsetDays * 24 * 3600 * 1000),
    );
  const review = await createReviewFixture(dataSource, {
    status: 'PREPARATION',
    scope: [1, 2, 3],
    timeZone: 'Europe/Oslo',
    cityName: 'Tromsø',
    visitStart: `${osloDay(-4)}T06:00:00Z`,
    visitEnd: `${osloDay(0)}T17:00:00Z`,
  });
  const selfRatings = [2, 3, 1];
  for (const [i, keyFactor] of review.keyFactors.entries()) {
    const questions: { id: string; position: number }[] = await dataSource.query(
      'SELECT id, position FROM guide_question WHERE key_factor_id = $1 ORDER BY position',
      [keyFactor.id],
    );
    const answers = questions.map((q, n) => ({
      guideQuestionId: q.id,
      answer: i === 0 && n === 0 ? 'The council adopted an intercultural strategy in 2024.' : `Our answer to question ${q.position}.`,
    }));
    await dataSource.query(
      `INSERT INTO self_assessment_entry (review_id, key_factor_id, answers, rating, narrative, status, assignee_id) VALUES ($1, $2, $3, $4, $5, 'SUBMITTED', $6)`,
      [
        review.reviewId,
        keyFactor.id,
        JSON.stringify(answers),
        selfRatings[i],
        i === 0 ? 'We consult migrant organisations before every budget.' : '',
        i === 0 ? review.people.contributor.id : null,
      ],
    );
  }
  await dataSource.query('UPDATE review SET self_assessment_submitted_at = now() WHERE id = $1', [review.reviewId]);

  const [before] = await dataSource.query(
    `INSERT INTO review (title, kind, host_city_id, benchmark_id, scope_key_factor_ids, status, created_by_id, created_at)
     SELECT 'Review of Tromsø, 2024', kind, host_city_id, benchmark_id, scope_key_factor_ids, 'CLOSED', created_by_id, now() - interval '2 years' FROM review WHERE id = $1 RETURNING id`,
    [review.reviewId],
  );
  await dataSource.query("INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, 'EXPERT_LEADER')", [
    before.id,
    review.people.leader.id,
  ]);
  for (const [i, keyFactor] of review.keyFactors.entries()) {
    await dataSource.query(
      `INSERT INTO conclusion (review_id, key_factor_id, rating, summary, status, agreed_at, agreed_by_id) VALUES ($1, $2, $3, 'As agreed in 2024.', 'AGREED', now() - interval '2 years', $4)`,
      [before.id, keyFactor.id, [1, 2, 2][i], review.people.leader.id],
    );
  }
  // The network secretariat, who publishes the good practice the leader links.
  const secretariat = await createPerson(dataSource, { fullName: 'Stella Secretariat', isAdmin: true });
  return { ...review, secretariat };
}
