import { createPerson, createReviewFixture } from '@peervisit/testing';
import { DataSource } from 'typeorm';

/**
 * The host city's test (host-self-assessment.browser.ts): a review of Ålesund in its self-assessment,
 * three key factors in scope, due in ten days, the visit a month ahead. Key factor 01 has no entry
 * yet (the coordinator assigns it to Carl Contributor in the test); 02 is assigned to a second
 * contributor, Dora Department, who answered four of its five guide questions and gave no rating, and
 * the expert leader sent it back with a reason; 03 has nothing and nobody. The programme already has
 * a focus group on the first day of the visit with a stakeholder the city invites.
 */
export async function prepare(dataSource: DataSource) {
  const day = 24 * 3600 * 1000;
  const review = await createReviewFixture(dataSource, {
    status: 'SELF_ASSESSMENT',
    scope: [1, 2, 3],
    timeZone: 'Europe/Oslo',
    cityName: 'Ålesund',
    visitStart: new Date(Date.now() + 30 * day).toISOString(),
    visitEnd: new Date(Date.now() + 31 * day).toISOString(),
  });
  await dataSource.query("UPDATE review SET self_assessment_due_at = now() + interval '10 days' WHERE id = $1", [review.reviewId]);
  const dora = await createPerson(dataSource, { fullName: 'Dora Department' });
  await dataSource.query("INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, 'HOST_CONTRIBUTOR')", [
    review.reviewId,
    dora.id,
  ]);

  const questions: Record<string, { id: string; position: number; text: string }[]> = {};
  for (const k of review.keyFactors) {
    questions[k.id] = await dataSource.query('SELECT id, position, text FROM guide_question WHERE key_factor_id = $1 ORDER BY position', [
      k.id,
    ]);
  }
  const second = review.keyFactors[1];
  const answers = questions[second.id]
    .slice(0, -1)
    .map((q) => ({ guideQuestionId: q.id, answer: `Dora's answer to question ${q.position}.` }));
  const [entry] = await dataSource.query(
    `INSERT INTO self_assessment_entry (review_id, key_factor_id, answers, narrative, status, assignee_id, version, updated_by_id)
     VALUES ($1, $2, $3, 'The city council funds three intercultural centres.', 'DRAFT', $4, 3, $4) RETURNING id`,
    [review.reviewId, second.id, JSON.stringify(answers), dora.id],
  );
  const sentBackReason = 'Say how many residents the centres reached in 2024, and rate the key factor.';
  await dataSource.query(
    `INSERT INTO self_assessment_return (entry_id, review_id, reason, sent_by_id, entry_version, notified_ids) VALUES ($1, $2, $3, $4, 3, $5)`,
    [entry.id, review.reviewId, sentBackReason, review.people.leader.id, [dora.id]],
  );
  const [stakeholder] = await dataSource.query(
    "INSERT INTO stakeholder (city_id, name, position, category, consent_to_be_named) VALUES ($1, 'Jonas Vik', 'Chair of the youth council', 'CIVIL_SOCIETY', true) RETURNING id",
    [review.city.id],
  );
  const [focusGroup] = await dataSource.query(
    `INSERT INTO visit_session (review_id, kind, title, starts_at, ends_at, location, created_by_id)
     VALUES ($1, 'FOCUS_GROUP', 'Focus group with the youth council', now() + interval '30 days' + interval '2 hours', now() + interval '30 days' + interval '3 hours', 'Youth house', $2) RETURNING id`,
    [review.reviewId, review.people.leader.id],
  );
  await dataSource.query('INSERT INTO session_stakeholder (session_id, stakeholder_id) VALUES ($1, $2)', [focusGroup.id, stakeholder.id]);
  return { ...review, dora, questions, sentBackReason, focusGroupId: focusGroup.id as string };
}
