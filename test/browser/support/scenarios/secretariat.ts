import { createPerson, createReviewFixture } from '@peervisit/testing';
import { DataSource } from 'typeorm';

/**
 * The secretariat's test (secretariat-directory.browser.ts): an administrator; someone who is not
 * one; a closed review of Lublin to start the next one from (with a self-assessment entry to carry
 * over), led by the fixture's leader, with "maria rossi" as a peer; an open review of Cascais to
 * cancel; and "Maria Rossi", the same person as "maria rossi" with another email.
 */
export async function prepare(dataSource: DataSource) {
  const admin = await createPerson(dataSource, {
    fullName: 'Sara Secretariat',
    email: 'sara.secretariat@icc-network.example.org',
    isAdmin: true,
  });
  const outsider = await createPerson(dataSource, { fullName: 'Otto Outsider', email: 'otto.outsider@example.org' });
  const keep = await createPerson(dataSource, { fullName: 'Maria Rossi', email: 'maria.rossi@comune.example.it' });
  const duplicate = await createPerson(dataSource, { fullName: 'maria rossi', email: 'm.rossi@mail.example.com' });
  await createPerson(dataSource, { fullName: 'Jonas Berg', email: 'jonas.berg@kommune.example.no' });
  await createPerson(dataSource, { fullName: 'Aisha Khan', email: 'aisha.khan@city.example.org' });

  const lublin = await createReviewFixture(dataSource, { status: 'CLOSED', scope: [1, 2], cityName: 'Lublin', timeZone: 'Europe/Warsaw' });
  await dataSource.query("UPDATE review SET title = 'Review of Lublin, 2023', created_at = now() - interval '3 years' WHERE id = $1", [
    lublin.reviewId,
  ]);
  await dataSource.query("INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, 'PEER')", [lublin.reviewId, duplicate.id]);
  await dataSource.query(
    `INSERT INTO self_assessment_entry (review_id, key_factor_id, rating, narrative, status) VALUES ($1, $2, 2, 'Our council adopted an intercultural strategy in 2021.', 'SUBMITTED')`,
    [lublin.reviewId, lublin.keyFactors[0].id],
  );
  const cascais = await createReviewFixture(dataSource, {
    status: 'PREPARATION',
    scope: [1],
    cityName: 'Cascais',
    timeZone: 'Europe/Lisbon',
  });

  return {
    admin,
    outsider,
    keep,
    duplicate,
    lublin: { reviewId: lublin.reviewId, cityId: lublin.city.id },
    cascais: { reviewId: cascais.reviewId, cityId: cascais.city.id },
  };
}
