import { createPerson, createReviewFixture } from '@peervisit/testing';
import { DataSource } from 'typeorm';

/**
 * The paraphrase prompt (quote-paraphrase.browser.ts): a review of Quimper during its visit, a peer on
 * its team, and two of the city's stakeholders: Nadia Nocite, who did not agree to be quoted, and
 * Quentin Quotable, who did (a consent record, and the current state it gives).
 */
export async function prepare(dataSource: DataSource) {
  const review = await createReviewFixture(dataSource, { status: 'VISIT', scope: [1], cityName: 'Quimper' });
  const peer = await createPerson(dataSource, { fullName: 'Paul Paraphrase', email: 'paul.paraphrase@example.org' });
  await dataSource.query("INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, 'PEER')", [review.reviewId, peer.id]);
  const [nadia, quentin]: { id: string }[] = await dataSource.query(
    `INSERT INTO stakeholder (name, category, city_id, consent_to_be_quoted) VALUES
       ('Nadia Nocite', 'RESIDENT', $1, false), ('Quentin Quotable', 'CITY_OFFICIAL', $1, true) RETURNING id`,
    [review.city.id],
  );
  await dataSource.query(
    "INSERT INTO stakeholder_consent (stakeholder_id, kind, given, method, recorded_by_id) VALUES ($1, 'QUOTED', true, 'IN_WRITING', $2)",
    [quentin.id, review.people.leader.id],
  );
  return { reviewId: review.reviewId, peer, nadia, quentin };
}
