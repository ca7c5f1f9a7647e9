import { createReviewFixture, TestApp } from '@peervisit/testing';

/**
 * A review in FEEDBACK, ready for its report: 13 agreed conclusions and `items` evidence items
 * inserted by SQL, enough that rendering takes long enough to stop a worker in the middle of it.
 */
export async function seedReportableReview(t: TestApp, items: number) {
  const { CatalogueSeed } = await import('@peervisit/catalogue');
  await t.app.get(CatalogueSeed).run();
  const f = await createReviewFixture(t.dataSource, { status: 'FEEDBACK' });
  for (const kf of f.keyFactors) {
    await t.dataSource.query(
      "INSERT INTO conclusion (review_id, key_factor_id, rating, summary, strengths, areas_to_develop, status, agreed_at) VALUES ($1, $2, 3, $3, 'Visible leadership.', 'Reach migrant residents.', 'AGREED', now())",
      [f.reviewId, kf.id, `Conclusion on key factor ${kf.code}.`],
    );
  }
  await t.dataSource.query(
    `INSERT INTO evidence (id, review_id, source, key_factor_ids, statement, quote, stance, logged_by_id, observed_at, stakeholder_category)
     SELECT gen_random_uuid(), $1, 'OBSERVATION', ARRAY[($2::uuid[])[1 + g % array_length($2::uuid[], 1)]],
            'Observation ' || g || ' of how the city works with its residents.', CASE WHEN g % 10 = 0 THEN 'Quote ' || g END,
            (ARRAY['SUPPORTS','CONTRADICTS','NEUTRAL']::evidence_stance[])[1 + g % 3], $3, now(), 'CITY_OFFICIAL'
       FROM generate_series(1, $4::int) g`,
    [f.reviewId, f.keyFactors.map((k) => k.id), f.people.peer.id, items],
  );
  return f;
}
