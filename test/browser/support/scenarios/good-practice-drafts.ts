import { createPerson, createReviewFixture } from '@peervisit/testing';
import { DataSource } from 'typeorm';

/**
 * good-practice-drafts.browser.ts: a review of Drammen in deliberation (evidence and a recommendation
 * are added through the API by the test, once the API runs), and the network secretariat (an admin).
 */
export async function prepare(dataSource: DataSource) {
  const review = await createReviewFixture(dataSource, { status: 'DELIBERATION', scope: [1, 2], cityName: 'Drammen' });
  const secretariat = await createPerson(dataSource, { fullName: 'Siri Secretariat', isAdmin: true });
  return { ...review, secretariat };
}
