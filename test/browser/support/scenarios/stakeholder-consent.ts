import { createReviewFixture } from '@peervisit/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * The consent and paraphrase screens (stakeholder-consent.browser.ts): a review of Concarneau during its
 * visit, led by the fixture's leader, with two of the city's stakeholders who agreed to nothing: Carla
 * Consent, whose consent is recorded and withdrawn in the test, and Nils Nocite, quoted by a peer in an
 * item without a paraphrase (so it waits in the leader's list). The host coordinator records consent too.
 */
export async function prepare(dataSource: DataSource) {
  const review = await createReviewFixture(dataSource, { status: 'VISIT', scope: [1], cityName: 'Concarneau' });
  const [carla, nils]: { id: string }[] = await dataSource.query(
    `INSERT INTO stakeholder (name, position, category, city_id) VALUES
       ('Carla Consent', 'youth worker', 'CIVIL_SOCIETY', $1), ('Nils Nocite', NULL, 'RESIDENT', $1) RETURNING id`,
    [review.city.id],
  );
  const quoteId = randomUUID();
  await dataSource.query(
    `INSERT INTO evidence (id, review_id, source, key_factor_ids, statement, quote, quoted_stakeholder_id, stance, logged_by_id, observed_at)
     VALUES ($1, $2, 'OBSERVATION', $3, 'Residents of the harbour district say nobody consults them.', 'We were never asked what we think', $4, 'CONTRADICTS', $5, now())`,
    [quoteId, review.reviewId, [review.keyFactors[0].id], nils.id, review.people.peer.id],
  );
  return { reviewId: review.reviewId, leader: review.people.leader, coordinator: review.people.coordinator, carla, nils, quoteId };
}
