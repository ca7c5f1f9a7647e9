import { createPerson, createReviewFixture } from '@peervisit/testing';
import { DataSource } from 'typeorm';

/**
 * good-practice-translations.browser.ts: the network secretariat (an admin, reading English) and a
 * French-speaking reader ("fr" on her account; her browser says English), who is also the host
 * coordinator of a review of Nantes in its self-assessment (to read the benchmark's key factors in
 * French). The practices are made through the API by the test, once it runs.
 */
export async function prepare(dataSource: DataSource) {
  const secretariat = await createPerson(dataSource, { fullName: 'Siri Secretariat', isAdmin: true });
  const reader = await createPerson(dataSource, { fullName: 'Aurélie Lectrice', email: 'aurelie.lectrice@ville-nantes.example.fr' });
  await dataSource.query("UPDATE person SET locale = 'fr', time_zone = 'Europe/Paris' WHERE id = $1", [reader.id]);
  const review = await createReviewFixture(dataSource, { status: 'SELF_ASSESSMENT', scope: [1, 2], cityName: 'Nantes' });
  await dataSource.query("INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, 'HOST_COORDINATOR')", [
    review.reviewId,
    reader.id,
  ]);
  return { secretariat, reader, review: { id: review.reviewId, keyFactorId: review.keyFactors[0].id } };
}
