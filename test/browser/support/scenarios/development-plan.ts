import { createReviewFixture } from '@peervisit/testing';
import { DataSource } from 'typeorm';

/** What the development plan's browser test (development-plan.browser.ts) is given. */
export interface DevelopmentPlanScenario {
  reviewId: string;
  people: Record<'leader' | 'coordinator' | 'contributor', { id: string; email: string }>;
  recommendation: { id: string; text: string };
}

/**
 * A review in FEEDBACK whose host city accepted one recommendation and has no plan yet: its
 * contributor adds the first action on a phone and updates its progress; the expert leader reads it.
 */
export async function prepare(dataSource: DataSource): Promise<DevelopmentPlanScenario> {
  const review = await createReviewFixture(dataSource, { status: 'FEEDBACK', scope: [1, 2], cityName: 'Trondheim' });
  const text = 'Publish a yearly diversity statement, in the languages the city speaks.';
  const [row] = await dataSource.query(
    `INSERT INTO recommendation (review_id, text, key_factor_ids, priority, horizon, created_by_id, host_response, responded_at, responded_by_id)
     VALUES ($1, $2, $3, 'HIGH', 'QUICK_WIN', $4, 'ACCEPTED', now(), $5) RETURNING id`,
    [review.reviewId, text, [review.keyFactors[0].id], review.people.leader.id, review.people.coordinator.id],
  );
  const { leader, coordinator, contributor } = review.people;
  return {
    reviewId: review.reviewId,
    people: { leader, coordinator, contributor } as DevelopmentPlanScenario['people'],
    recommendation: { id: row.id as string, text },
  };
}
