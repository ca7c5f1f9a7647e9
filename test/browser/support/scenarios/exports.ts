import { createReviewFixture } from '@peervisit/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** What the exports test (exports.browser.ts) is given. */
export interface ExportsScenario {
  reviewId: string;
  city: { id: string; name: string };
  leader: { email: string };
  /** Per key factor in scope: code, the city's self-assessment rating and the team's agreed rating. */
  ratings: { code: string; self: number; team: number }[];
  /** A stakeholder met who did not consent to be named, named in an evidence item. */
  unnamed: string;
  evidence: string[];
}

/**
 * A review of Kristiansand in FEEDBACK: the city's self-assessment ratings and the team's agreed
 * ratings on three key factors, two recommendations (one beginning like a formula), an interview of
 * a stakeholder who did not consent to be named, and two evidence items (one naming her).
 */
export async function prepare(dataSource: DataSource): Promise<ExportsScenario> {
  const review = await createReviewFixture(dataSource, { status: 'FEEDBACK', scope: [1, 2, 3], cityName: 'Kristiansand' });
  const { leader, peer } = review.people;
  const ratings = review.keyFactors.map((k, i) => ({ id: k.id, code: k.code, self: i + 1, team: 3 - i }));
  for (const r of ratings) {
    await dataSource.query('INSERT INTO self_assessment_entry (review_id, key_factor_id, rating) VALUES ($1, $2, $3)', [
      review.reviewId,
      r.id,
      r.self,
    ]);
    await dataSource.query(
      `INSERT INTO conclusion (review_id, key_factor_id, rating, summary, status, agreed_at) VALUES ($1, $2, $3, 'Agreed.', 'AGREED', now())`,
      [review.reviewId, r.id, r.team],
    );
  }
  for (const [text, priority] of [
    ['=HYPERLINK("http://evil.example","Open the plan")', 'HIGH'],
    ['Publish the diversity statement.', 'LOW'],
  ])
    await dataSource.query(
      `INSERT INTO recommendation (review_id, text, key_factor_ids, priority, horizon, created_by_id) VALUES ($1, $2, $3, $4, 'QUICK_WIN', $5)`,
      [review.reviewId, text, [ratings[0].id], priority, leader.id],
    );
  const unnamed = 'Sigrid Skjult';
  const [stakeholder] = await dataSource.query(
    `INSERT INTO stakeholder (city_id, name, category, consent_to_be_named) VALUES ($1, $2, 'CITY_OFFICIAL', false) RETURNING id`,
    [review.city.id, unnamed],
  );
  const [session] = await dataSource.query(
    `INSERT INTO visit_session (review_id, kind, title, starts_at, ends_at, created_by_id)
     VALUES ($1, 'INTERVIEW', 'Interview at the town hall', '2027-03-10T08:00:00Z', '2027-03-10T09:00:00Z', $2) RETURNING id`,
    [review.reviewId, leader.id],
  );
  await dataSource.query('INSERT INTO session_stakeholder (session_id, stakeholder_id) VALUES ($1, $2)', [session.id, stakeholder.id]);
  const evidence = [`${unnamed} says the interpreters are booked weeks ahead.`, 'The website has the diversity statement.'];
  for (const [i, statement] of evidence.entries())
    await dataSource.query(
      `INSERT INTO evidence (id, review_id, source, session_id, stakeholder_category, key_factor_ids, statement, stance, logged_by_id, observed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'SUPPORTS', $8, $9)`,
      [
        randomUUID(),
        review.reviewId,
        i === 0 ? 'INTERVIEW' : 'DOCUMENT',
        i === 0 ? session.id : null,
        i === 0 ? 'CITY_OFFICIAL' : null,
        [ratings[i].id],
        statement,
        peer.id,
        `2027-03-10T0${8 + i}:30:00Z`,
      ],
    );
  return {
    reviewId: review.reviewId,
    city: { id: review.city.id, name: review.city.name },
    leader: { email: leader.email },
    ratings: ratings.map(({ code, self, team }) => ({ code, self, team })),
    unnamed,
    evidence,
  };
}
