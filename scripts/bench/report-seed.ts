/**
 * Seeds a review whose follow-up report is big, straight in SQL (seeding is not what is measured):
 * all 13 key factors, a team, 30 stakeholders met in 60 sessions, `items` evidence items spread
 * over the sessions, key factors, sources and stances, an agreed conclusion per key factor citing
 * evidence, and 40 recommendations. Used by the reports bench and scripts/report-scale.ts.
 */
import { BenchmarkService, CatalogueSeed, FieldOfActionService } from '@peervisit/catalogue';
import { DataSource } from 'typeorm';

/** Loads the shipped benchmark and fields of action (idempotent). */
export async function seedReportCatalogue(ds: DataSource): Promise<void> {
  await new CatalogueSeed(new BenchmarkService(ds), new FieldOfActionService(ds)).run();
}

export interface SeededReportReview {
  reviewId: string;
  items: number;
}

export async function seedReportReview(ds: DataSource, items: number, label = `${items}`): Promise<SeededReportReview> {
  if (!Number.isInteger(items) || items < 1) throw new Error(`The number of evidence items must be a whole number above 0; got ${items}.`);
  return ds.transaction(async (m) => {
    const [benchmark] = await m.query("SELECT id FROM benchmark WHERE code = 'EUROCITIES-PCD' ORDER BY version DESC LIMIT 1");
    if (!benchmark) throw new Error('The EUROCITIES-PCD benchmark is not loaded; run seedReportCatalogue first.');
    const [city] = await m.query("INSERT INTO city (name, country, time_zone) VALUES ($1, 'NO', 'Europe/Oslo') RETURNING id", [
      `Scaleville ${label}`,
    ]);
    const people: { id: string }[] = await m.query(
      `INSERT INTO person (email, full_name)
       SELECT 'scale-' || $1 || '-' || g || '@example.org', 'Scale Person ' || g FROM generate_series(1, 6) g RETURNING id`,
      [label.replace(/[^a-z0-9]/gi, '')],
    );
    const leader = people[0].id;
    const [review] = await m.query(
      `INSERT INTO review (title, kind, host_city_id, benchmark_id, status, visit_starts_at, visit_ends_at, created_by_id)
       VALUES ($1, 'PEER_REVIEW', $2, $3, 'FEEDBACK', now() - interval '20 days', now() - interval '15 days', $4) RETURNING id`,
      [`Scale review (${items} items)`, city.id, benchmark.id, leader],
    );
    const roles = ['EXPERT_LEADER', 'PEER', 'PEER', 'PEER', 'OBSERVER', 'HOST_COORDINATOR'];
    await m.query(
      `INSERT INTO team_member (review_id, person_id, role) SELECT $1, p, r::review_role FROM unnest($2::uuid[], $3::text[]) AS t(p, r)`,
      [review.id, people.map((p) => p.id), roles],
    );
    // Stakeholders in several categories, some consenting to be named, so the anonymisation rules run.
    await m.query(
      `INSERT INTO stakeholder (city_id, category, name, position, consent_to_be_named)
       SELECT $1, (ARRAY['CITY_OFFICIAL','CIVIL_SOCIETY','MIGRANT_ORGANISATION','BUSINESS','RESIDENT','ACADEMIA'])[1 + g % 6]::stakeholder_category,
              'Stakeholder ' || g, 'Position ' || g, g % 3 = 0
         FROM generate_series(1, 30) g`,
      [city.id],
    );
    await m.query(
      `INSERT INTO visit_session (review_id, kind, title, starts_at, ends_at, key_factor_ids, created_by_id)
       SELECT $1, (ARRAY['INTERVIEW','FOCUS_GROUP','SITE_VISIT','INTERVIEW'])[1 + g % 4]::visit_session_kind, 'Session ' || g,
              now() - interval '20 days' + g * interval '1 hour', now() - interval '20 days' + g * interval '1 hour' + interval '45 minutes',
              ARRAY(SELECT id FROM key_factor WHERE benchmark_id = $2 AND number IN (1 + g % 13, 1 + (g + 5) % 13)), $3
         FROM generate_series(1, 60) g`,
      [review.id, benchmark.id, leader],
    );
    await m.query(
      `INSERT INTO session_stakeholder (session_id, stakeholder_id)
       SELECT s.id, st.id FROM (SELECT id, row_number() OVER (ORDER BY title) AS n FROM visit_session WHERE review_id = $1) s
         JOIN (SELECT id, row_number() OVER (ORDER BY name) AS n FROM stakeholder WHERE city_id = $2) st ON (st.n + s.n) % 10 = 0`,
      [review.id, city.id],
    );
    await m.query(
      `INSERT INTO evidence (id, review_id, session_id, source, key_factor_ids, statement, quote, stance, logged_by_id, observed_at, stakeholder_category)
       SELECT gen_random_uuid(), $1, (SELECT id FROM visit_session WHERE review_id = $1 AND title = 'Session ' || (1 + g % 60)),
              (ARRAY['INTERVIEW','FOCUS_GROUP','OBSERVATION','DOCUMENT'])[1 + g % 4]::evidence_source,
              ARRAY(SELECT id FROM key_factor WHERE benchmark_id = $2 AND number IN (1 + g % 13, 1 + (g * 7) % 13)),
              'Observation ' || g || ' of how the city works with its residents, as a peer would note it between interviews.',
              CASE WHEN g % 10 = 0 THEN 'Quote ' || g || ': we learnt to plan the service with the people who use it.' ELSE NULL END,
              (ARRAY['SUPPORTS','CONTRADICTS','NEUTRAL']::evidence_stance[])[1 + g % 3], $3, now() - interval '18 days',
              (ARRAY['CITY_OFFICIAL','CIVIL_SOCIETY','MIGRANT_ORGANISATION','BUSINESS','RESIDENT','ACADEMIA'])[1 + g % 6]::stakeholder_category
         FROM generate_series(1, $4::int) g`,
      [review.id, benchmark.id, leader, items],
    );
    // An agreed conclusion per key factor, citing up to 25 of its evidence items.
    await m.query(
      `INSERT INTO conclusion (review_id, key_factor_id, summary, strengths, areas_to_develop, evidence_ids, status, rating, agreed_at, agreed_by_id)
       SELECT $1, k.id, 'The city ' || k.number || ' summary, drawn from the interviews and documents.', 'Strengths for key factor ' || k.number,
              'Areas to develop for key factor ' || k.number,
              ARRAY(SELECT e.id FROM evidence e WHERE e.review_id = $1 AND k.id = ANY(e.key_factor_ids) ORDER BY e.statement LIMIT 25),
              'AGREED', 1 + k.number % 4, now(), $2
         FROM key_factor k WHERE k.benchmark_id = $3`,
      [review.id, leader, benchmark.id],
    );
    await m.query(
      `INSERT INTO recommendation (review_id, text, key_factor_ids, priority, horizon, suggested_owner, created_by_id)
       SELECT $1, 'Recommendation ' || g || ': involve residents in designing the service before it is commissioned.',
              ARRAY(SELECT id FROM key_factor WHERE benchmark_id = $2 AND number = 1 + g % 13),
              (ARRAY['HIGH','MEDIUM','LOW'])[1 + g % 3]::recommendation_priority, (ARRAY['QUICK_WIN','MEDIUM_TERM','LONG_TERM'])[1 + g % 3]::recommendation_horizon,
              'Department ' || g % 5, $3
         FROM generate_series(1, 40) g`,
      [review.id, benchmark.id, leader],
    );
    return { reviewId: review.id as string, items };
  });
}
