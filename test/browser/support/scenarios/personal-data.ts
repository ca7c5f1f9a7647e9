import { createPerson, createReviewFixture } from '@peervisit/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * The personal-data test (personal-data.browser.ts): a peer of a review of Aarhus who logged two
 * evidence items, a leader who logged one, an administrator, and an observer who asked to be erased.
 */
export async function prepare(dataSource: DataSource) {
  const review = await createReviewFixture(dataSource, { status: 'VISIT', scope: [1], cityName: 'Aarhus' });
  const peer = await createPerson(dataSource, { fullName: 'Petra Portabel', email: 'petra.portabel@example.org' });
  await dataSource.query("INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, 'PEER')", [review.reviewId, peer.id]);
  const admin = await createPerson(dataSource, {
    fullName: 'Dana Protection',
    email: 'dana.protection@network.example.org',
    isAdmin: true,
  });
  const log = (by: string, statement: string) =>
    dataSource.query(
      `INSERT INTO evidence (id, review_id, source, key_factor_ids, statement, stance, logged_by_id, observed_at)
       VALUES ($1, $2, 'OBSERVATION', $3, $4, 'SUPPORTS', $5, now())`,
      [randomUUID(), review.reviewId, [review.keyFactors[0].id], statement, by],
    );
  await log(peer.id, 'The library lends books in twelve languages.');
  await log(peer.id, 'Signs at the town hall are in Danish only.');
  await log(review.people.leader.id, 'The council has an intercultural strategy.');
  const leaving = await createPerson(dataSource, { fullName: 'Erik Eraseme', email: 'erik.eraseme@example.org' });
  await dataSource.query("INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, 'OBSERVER')", [review.reviewId, leaving.id]);
  return { reviewId: review.reviewId, peer, admin, leaving };
}
