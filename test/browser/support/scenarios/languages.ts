import { createPerson, createReviewFixture } from '@peervisit/testing';
import { DataSource } from 'typeorm';

/** What the languages test (languages.browser.ts) is given. */
export interface LanguagesScenario {
  /** Host coordinator of a review of Lyon, whose language is French. */
  francophone: { id: string; email: string };
  review: { id: string; title: string };
}

/**
 * A French-speaking host coordinator ("fr" on her account, the browser in English): the coordinator of
 * a review of Lyon in preparation, whose visit runs from 10 to 12 March 2027 in Lyon's time.
 */
export async function prepare(dataSource: DataSource): Promise<LanguagesScenario> {
  const review = await createReviewFixture(dataSource, {
    status: 'PREPARATION',
    scope: [1, 2],
    cityName: 'Lyon',
    timeZone: 'Europe/Paris',
    visitStart: '2027-03-10T08:00:00Z',
    visitEnd: '2027-03-12T16:00:00Z',
  });
  const francophone = await createPerson(dataSource, { fullName: 'Camille Fournier', email: 'camille.fournier@mairie-lyon.example.fr' });
  await dataSource.query("UPDATE person SET locale = 'fr', time_zone = 'Europe/Paris' WHERE id = $1", [francophone.id]);
  await dataSource.query("INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, 'HOST_COORDINATOR')", [
    review.reviewId,
    francophone.id,
  ]);
  const title = 'Évaluation de Lyon, 2027';
  await dataSource.query('UPDATE review SET title = $1 WHERE id = $2', [title, review.reviewId]);
  return { francophone, review: { id: review.reviewId, title } };
}
