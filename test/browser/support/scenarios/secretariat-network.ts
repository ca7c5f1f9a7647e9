import { BenchmarkService } from '@peervisit/catalogue';
import { createPerson, createReviewFixture } from '@peervisit/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

const DAY = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

/**
 * The secretariat's network view (secretariat-network.browser.ts): an administrator; three cities
 * with agreed ratings on key factors 01-03 (Botkyrka twice: a closed review and one in follow-up,
 * Reggio Emilia and Limassol once, closed), so the network chart has data; Botkyrka's follow-up
 * review has one recommendation whose checkpoint passed without a progress report (overdue), one
 * reported on since, and one implemented; Reggio Emilia has one open recommendation; a checkpoint
 * reminder to Botkyrka's coordinator that failed to send (FAILED in the outbox); a person who is not
 * an administrator (to be made one); and a pilot copy of the benchmark of its own, so that
 * publishing a new version never changes the benchmark other tests' reviews use.
 */
export async function prepare(dataSource: DataSource) {
  const admin = await createPerson(dataSource, { fullName: 'Sam Secretariat', isAdmin: true });
  const nora = await createPerson(dataSource, { fullName: 'Nora Newadmin' });

  const conclusions = async (reviewId: string, keyFactorIds: string[], ratings: number[], agreedById: string, agreedAt: Date) => {
    for (const [i, keyFactorId] of keyFactorIds.entries())
      await dataSource.query(
        `INSERT INTO conclusion (review_id, key_factor_id, rating, summary, status, agreed_at, agreed_by_id) VALUES ($1, $2, $3, 'As agreed with the city.', 'AGREED', $4, $5)`,
        [reviewId, keyFactorId, ratings[i], agreedAt, agreedById],
      );
  };
  const recommendation = async (
    reviewId: string,
    keyFactorId: string,
    createdById: string,
    text: string,
    followUpStatus = 'NOT_STARTED',
  ): Promise<string> =>
    (
      await dataSource.query(
        `INSERT INTO recommendation (review_id, text, key_factor_ids, priority, horizon, created_by_id, host_response, follow_up_status)
         VALUES ($1, $2, $3, 'HIGH', 'MEDIUM_TERM', $4, 'ACCEPTED', $5) RETURNING id`,
        [reviewId, text, [keyFactorId], createdById, followUpStatus],
      )
    )[0].id;

  // Botkyrka: in follow-up now, with checkpoints 90 and 10 days ago; an earlier review closed two years ago.
  const botkyrka = await createReviewFixture(dataSource, {
    status: 'FOLLOW_UP',
    scope: [1, 2, 3],
    cityName: 'Botkyrka',
    timeZone: 'Europe/Stockholm',
  });
  const kfIds = botkyrka.keyFactors.map((k) => k.id);
  await dataSource.query("UPDATE review SET title = 'Peer review of Botkyrka, 2025', follow_up_checkpoints = $2 WHERE id = $1", [
    botkyrka.reviewId,
    [daysAgo(90), daysAgo(10)],
  ]);
  await conclusions(botkyrka.reviewId, kfIds, [2, 3, 3], botkyrka.people.leader.id, daysAgo(200));
  const [earlier] = await dataSource.query(
    `INSERT INTO review (title, kind, host_city_id, benchmark_id, scope_key_factor_ids, status, created_by_id, created_at)
     SELECT 'Peer review of Botkyrka, 2023', kind, host_city_id, benchmark_id, scope_key_factor_ids, 'CLOSED', created_by_id, now() - interval '2 years'
       FROM review WHERE id = $1 RETURNING id`,
    [botkyrka.reviewId],
  );
  await conclusions(earlier.id, kfIds, [1, 2, 2], botkyrka.people.leader.id, daysAgo(730));
  const overdue = await recommendation(
    botkyrka.reviewId,
    kfIds[0],
    botkyrka.people.leader.id,
    'Publish the diversity statement on the city website and report on it to the council every year.',
  );
  const reported = await recommendation(
    botkyrka.reviewId,
    kfIds[1],
    botkyrka.people.leader.id,
    'Train front-desk staff in every department to serve residents in their own language.',
    'IN_PROGRESS',
  );
  await dataSource.query(
    `INSERT INTO follow_up_update (recommendation_id, status, note, as_of, reported_by_id, reported_at) VALUES ($1, 'IN_PROGRESS', 'Two departments trained.', $2, $3, $4)`,
    [reported, daysAgo(30).toISOString().slice(0, 10), botkyrka.people.coordinator.id, daysAgo(30)],
  );
  await recommendation(botkyrka.reviewId, kfIds[2], botkyrka.people.leader.id, 'Name a diversity officer.', 'IMPLEMENTED');

  const reggio = await createReviewFixture(dataSource, {
    status: 'CLOSED',
    scope: [1, 2, 3],
    cityName: 'Reggio Emilia',
    timeZone: 'Europe/Rome',
  });
  await dataSource.query("UPDATE review SET title = 'Peer review of Reggio Emilia, 2024' WHERE id = $1", [reggio.reviewId]);
  await conclusions(reggio.reviewId, kfIds, [4, 3, 4], reggio.people.leader.id, daysAgo(400));
  await recommendation(
    reggio.reviewId,
    kfIds[1],
    reggio.people.leader.id,
    'Open the intercultural council to residents without citizenship.',
  );

  const limassol = await createReviewFixture(dataSource, {
    status: 'CLOSED',
    scope: [1, 2, 3],
    cityName: 'Limassol',
    timeZone: 'Asia/Nicosia',
  });
  await dataSource.query("UPDATE review SET title = 'Peer review of Limassol, 2024' WHERE id = $1", [limassol.reviewId]);
  await conclusions(limassol.reviewId, kfIds, [2, 1, 2], limassol.people.leader.id, daysAgo(300));

  // The second checkpoint's reminder to Botkyrka's coordinator, failed after its retries (SMTP refused it).
  const coordinator = botkyrka.people.coordinator;
  const [failed] = await dataSource.query(
    `INSERT INTO outbox_message (dedupe_key, template, recipient_id, recipient_email, review_id, data, optional, due_at, status, attempts, last_error, message_id)
     VALUES ($1, 'follow-up-checkpoint', $2, $3, $4, $5, true, $6, 'FAILED', 5, '421 4.7.0 smtp.example.org: try again later', $7) RETURNING id`,
    [
      `reminder:${botkyrka.reviewId}:checkpoint:2:${coordinator.id}`,
      coordinator.id,
      coordinator.email,
      botkyrka.reviewId,
      JSON.stringify({ checkpointAt: daysAgo(10).toISOString() }),
      daysAgo(10),
      `<checkpoint-${botkyrka.reviewId}@peervisit>`,
    ],
  );

  // A pilot copy of the shipped benchmark, published: the test exports it, imports a changed copy and publishes that.
  const shipped = JSON.parse(
    readFileSync(
      join(__dirname, '..', '..', '..', '..', 'libs', 'catalogue', 'src', 'data', 'eurocities-promoting-cultural-diversity.benchmark.json'),
      'utf8',
    ),
  );
  const { version: _shipped, ...document } = shipped;
  const pilot = await new BenchmarkService(dataSource).import(
    { ...document, code: 'EUROCITIES-PCD-PILOT', title: `${document.title} (pilot edition)` },
    { publish: true },
  );

  return {
    admin,
    nora,
    cities: { botkyrka: botkyrka.city, reggio: reggio.city, limassol: limassol.city },
    followUpReviewId: botkyrka.reviewId,
    overdueRecommendationId: overdue,
    coordinatorEmail: coordinator.email,
    failedMessageId: failed.id as string,
    pilot: { code: pilot.benchmark.code, version: pilot.benchmark.version },
  };
}
