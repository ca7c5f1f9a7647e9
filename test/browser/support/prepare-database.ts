/**
 * Makes the browser tests' database (run by global-setup.ts with node -r @swc-node/register): a
 * fresh database from the migrations, the shipped catalogue, and a review in its visit with a full
 * team (review-fixtures.ts). Prints the fixture as JSON on its last line.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CatalogueModule, CatalogueSeed } from '@peervisit/catalogue';
import { ensureDatabase, JsonLogger, loadConfig, PlatformModule, runMigrations } from '@peervisit/platform';
import { createReviewFixture } from '@peervisit/testing';
import { DataSource } from 'typeorm';

@Module({ imports: [PlatformModule, CatalogueModule] })
class PrepareModule {}

async function main() {
  const config = loadConfig();
  await ensureDatabase(config.databaseUrl);
  await runMigrations(config.databaseUrl);
  const app = await NestFactory.createApplicationContext(PrepareModule, { logger: new JsonLogger('error') });
  try {
    await app.get(CatalogueSeed).run();
    const day = 24 * 3600 * 1000;
    // The visit runs from two days ago to two days ahead, so the whole of today (in Oslo) is a visit day.
    const fixture = await createReviewFixture(app.get(DataSource), {
      status: 'VISIT',
      scope: [1, 2, 3, 4, 5, 6, 7, 8],
      timeZone: 'Europe/Oslo',
      // A fixed name (the database is this run's own), so the screenshots stay the same between runs.
      cityName: 'Bergen',
      visitStart: new Date(Date.now() - 2 * day).toISOString(),
      visitEnd: new Date(Date.now() + 2 * day).toISOString(),
    });
    const leaderReview = await prepareLeaderReview(app.get(DataSource));
    const findingsReview = await prepareFindingsReview(app.get(DataSource));
    process.stdout.write(`${JSON.stringify({ ...fixture, leaderReview, findingsReview })}\n`);
  } finally {
    await app.close();
  }
}

/**
 * The expert leader's tests (leader-prep.browser.ts) get a review of their own, so what they change
 * (the team, the programme, the dates) never shows in the notebook's: in self-assessment, the visit a
 * week ahead, and the host city's entry for key factor 01 written and submitted.
 */
async function prepareLeaderReview(dataSource: DataSource) {
  const osloDay = (offsetDays: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(Date.now() + offsetDays * 24 * 3600 * 1000),
    );
  const review = await createReviewFixture(dataSource, {
    status: 'SELF_ASSESSMENT',
    scope: [1, 2, 3, 4],
    timeZone: 'Europe/Oslo',
    cityName: 'Tromsø',
    visitStart: `${osloDay(7)}T06:00:00Z`,
    visitEnd: `${osloDay(9)}T17:00:00Z`,
  });
  const [question] = await dataSource.query('SELECT id FROM guide_question WHERE key_factor_id = $1 ORDER BY position LIMIT 1', [
    review.keyFactors[0].id,
  ]);
  await dataSource.query(
    `INSERT INTO self_assessment_entry (review_id, key_factor_id, answers, rating, narrative, status, assignee_id) VALUES ($1, $2, $3, 2, $4, 'SUBMITTED', $5)`,
    [
      review.reviewId,
      review.keyFactors[0].id,
      JSON.stringify([{ guideQuestionId: question.id, answer: 'The council adopted an intercultural strategy in 2024.' }]),
      'We consult migrant organisations before every budget.',
      review.people.contributor.id,
    ],
  );
  await dataSource.query('UPDATE review SET self_assessment_submitted_at = now() WHERE id = $1', [review.reviewId]);
  return review;
}

/**
 * The findings and report test (leader-findings.browser.ts) gets its own review: in its visit (from
 * three days ago to tomorrow), with the city's self-assessment ratings, a stakeholder who did not
 * consent to be named, and an earlier, closed review of the same city led by the same expert leader
 * with agreed ratings, so the ratings have a history.
 */
async function prepareFindingsReview(dataSource: DataSource) {
  const day = 24 * 3600 * 1000;
  const review = await createReviewFixture(dataSource, {
    status: 'VISIT',
    scope: [1, 2, 3],
    timeZone: 'Europe/Oslo',
    cityName: 'Stavanger',
    visitStart: new Date(Date.now() - 3 * day).toISOString(),
    visitEnd: new Date(Date.now() + day).toISOString(),
  });
  const [self, earlier] = [
    [2, 3, 1],
    [1, 2, 2],
  ];
  for (const [i, k] of review.keyFactors.entries()) {
    await dataSource.query(
      `INSERT INTO self_assessment_entry (review_id, key_factor_id, answers, rating, narrative, status) VALUES ($1, $2, '[]', $3, '', 'SUBMITTED')`,
      [review.reviewId, k.id, self[i]],
    );
  }
  await dataSource.query(
    "INSERT INTO stakeholder (name, category, consent_to_be_named, city_id) VALUES ('Amira Haddad', 'MIGRANT_ORGANISATION', false, $1)",
    [review.city.id],
  );
  const [before] = await dataSource.query(
    `INSERT INTO review (title, kind, host_city_id, benchmark_id, scope_key_factor_ids, status, created_by_id, created_at)
     SELECT 'Review of Stavanger, 2024', kind, host_city_id, benchmark_id, scope_key_factor_ids, 'CLOSED', created_by_id, now() - interval '2 years' FROM review WHERE id = $1 RETURNING id`,
    [review.reviewId],
  );
  await dataSource.query("INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, 'EXPERT_LEADER')", [
    before.id,
    review.people.leader.id,
  ]);
  for (const [i, k] of review.keyFactors.entries()) {
    await dataSource.query(
      `INSERT INTO conclusion (review_id, key_factor_id, rating, summary, status, agreed_at, agreed_by_id) VALUES ($1, $2, $3, 'As agreed in 2024.', 'AGREED', now() - interval '2 years', $4)`,
      [before.id, k.id, earlier[i], review.people.leader.id],
    );
  }
  return review;
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
