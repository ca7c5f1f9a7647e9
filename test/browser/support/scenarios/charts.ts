import { createReviewFixture } from '@peervisit/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** What the charts test (charts.browser.ts) is given. */
export interface ChartsScenario {
  /** Bodø's review in FOLLOW_UP, key factors 11 and 12: its own ratings, the team's, and evidence. */
  reviewId: string;
  city: { id: string; name: string };
  people: Record<'leader' | 'coordinator', { id: string; email: string }>;
  /** A recommendation the city accepted (its development plan is made through the API by the test). */
  recommendationId: string;
  /** Another city's review in FOLLOW_UP on key factor 13, which no other city rated: no distribution. */
  lonely: { reviewId: string; city: string; coordinator: { email: string } };
}

/**
 * The network's distribution needs at least 5 cities: key factors 11 to 13 are rated by no other
 * browser scenario (they use 1 to 8), so the counts here are the whole network's. Bodø (in
 * follow-up) and five other cities (closed reviews) rated key factor 11: six cities, a distribution
 * with Bodø marked; only Bodø rated 12 (withheld). Vardø rated 13 alone (nothing to show).
 * Bodø's review also has self-assessment ratings, evidence of three types of source and a
 * recommendation the city accepted.
 */
export async function prepare(dataSource: DataSource): Promise<ChartsScenario> {
  const agree = async (reviewId: string, keyFactorId: string, rating: number) =>
    dataSource.query(
      `INSERT INTO conclusion (review_id, key_factor_id, rating, summary, status, agreed_at) VALUES ($1, $2, $3, 'Agreed with the city.', 'AGREED', now())`,
      [reviewId, keyFactorId, rating],
    );
  const review = await createReviewFixture(dataSource, { status: 'FOLLOW_UP', scope: [11, 12], cityName: 'Bodø' });
  const [k11, k12] = review.keyFactors;
  await agree(review.reviewId, k11.id, 2);
  await agree(review.reviewId, k12.id, 3);
  for (const [keyFactorId, rating] of [
    [k11.id, 3],
    [k12.id, 2],
  ] as const)
    await dataSource.query('INSERT INTO self_assessment_entry (review_id, key_factor_id, rating) VALUES ($1, $2, $3)', [
      review.reviewId,
      keyFactorId,
      rating,
    ]);
  const evidence: [string, string][] = [
    ['DOCUMENT', k11.id],
    ['DOCUMENT', k11.id],
    ['OBSERVATION', k11.id],
    ['SELF_ASSESSMENT', k12.id],
  ];
  for (const [i, [source, keyFactorId]] of evidence.entries())
    await dataSource.query(
      `INSERT INTO evidence (id, review_id, source, key_factor_ids, statement, stance, logged_by_id, observed_at)
       VALUES ($1, $2, $3, $4, $5, 'SUPPORTS', $6, $7)`,
      [
        randomUUID(),
        review.reviewId,
        source,
        [keyFactorId],
        `Evidence ${i + 1} for the charts.`,
        review.people.peer.id,
        `2027-03-10T0${8 + i}:30:00Z`,
      ],
    );

  const [recommendation] = await dataSource.query(
    `INSERT INTO recommendation (review_id, text, key_factor_ids, priority, horizon, created_by_id, host_response)
     VALUES ($1, 'Set up a mediation service in every district.', $2, 'HIGH', 'QUICK_WIN', $3, 'ACCEPTED') RETURNING id`,
    [review.reviewId, [k11.id], review.people.leader.id],
  );

  for (const [name, rating] of [
    ['Alta', 1],
    ['Harstad', 2],
    ['Narvik', 3],
    ['Mo i Rana', 3],
    ['Kirkenes', 4],
  ] as const) {
    const other = await createReviewFixture(dataSource, { status: 'CLOSED', scope: [11], cityName: name });
    await agree(other.reviewId, other.keyFactors[0].id, rating);
  }

  const lonely = await createReviewFixture(dataSource, { status: 'FOLLOW_UP', scope: [13], cityName: 'Vardø' });
  await agree(lonely.reviewId, lonely.keyFactors[0].id, 2);

  return {
    reviewId: review.reviewId,
    city: { id: review.city.id, name: review.city.name },
    people: {
      leader: { id: review.people.leader.id, email: review.people.leader.email },
      coordinator: { id: review.people.coordinator.id, email: review.people.coordinator.email },
    },
    recommendationId: recommendation.id,
    lonely: { reviewId: lonely.reviewId, city: lonely.city.name, coordinator: { email: lonely.people.coordinator.email } },
  };
}
