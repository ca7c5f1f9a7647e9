import { createReviewFixture } from '@peervisit/testing';
import { DataSource } from 'typeorm';

/** What the host city's follow-up test (host-follow-up.browser.ts) is given. */
export interface HostFollowUpScenario {
  reviewId: string;
  earlierReviewId: string;
  city: { id: string; name: string };
  keyFactors: { id: string; number: number; code: string }[];
  people: Record<'leader' | 'peer' | 'peer2' | 'coordinator' | 'contributor' | 'observer', { id: string; email: string }>;
  /** The three recommendations, HIGH, MEDIUM then LOW priority (the order the API lists them). */
  recommendations: { id: string; text: string }[];
  /** Quoted in a conclusion; did not consent to be named. */
  unnamed: string;
  interview: string;
}

/**
 * A city reviewed twice. The earlier review (2023) is closed, with agreed ratings, and the same
 * coordinator. The current one is in FEEDBACK: its visit (in Oslo time) ran from ten to six days ago,
 * with an interview of two stakeholders (one who did not consent to be named, quoted in the first key
 * factor's conclusion) and a feedback session on its last day; every conclusion is agreed, and there
 * are three recommendations. Nothing was answered yet. The report is requested and published by the
 * test through the API (it needs the running workers).
 */
export async function prepare(dataSource: DataSource): Promise<HostFollowUpScenario> {
  const DAY = 24 * 3600 * 1000;
  const at = (days: number, utcTime: string) => `${new Date(Date.now() + days * DAY).toISOString().slice(0, 10)}T${utcTime}Z`;
  const review = await createReviewFixture(dataSource, {
    status: 'FEEDBACK',
    scope: [1, 2, 3],
    timeZone: 'Europe/Oslo',
    cityName: 'Drammen',
    visitStart: at(-10, '06:00:00'),
    visitEnd: at(-6, '17:00:00'),
  });
  const { leader, peer, coordinator } = review.people;
  const unnamed = 'Amal Yousef';

  const stakeholder = async (name: string, position: string, category: string, consent: boolean) =>
    (
      await dataSource.query(
        'INSERT INTO stakeholder (name, position, category, consent_to_be_named, city_id) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [name, position, category, consent, review.city.id],
      )
    )[0].id as string;
  const amal = await stakeholder(unnamed, 'youth worker', 'CIVIL_SOCIETY', false);
  const ingrid = await stakeholder('Ingrid Berg', 'head of the integration office', 'CITY_OFFICIAL', true);

  const session = async (kind: string, title: string, start: string, end: string, location: string) =>
    (
      await dataSource.query(
        `INSERT INTO visit_session (review_id, kind, title, starts_at, ends_at, location, key_factor_ids, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [review.reviewId, kind, title, start, end, location, [review.keyFactors[0].id], leader.id],
      )
    )[0].id as string;
  const interview = 'Interview with the integration office';
  const interviewId = await session('INTERVIEW', interview, at(-8, '08:00:00'), at(-8, '09:30:00'), 'Rådhuset, room 3');
  const feedbackId = await session('FEEDBACK_SESSION', 'Feedback to the city', at(-6, '12:00:00'), at(-6, '13:00:00'), 'Council chamber');
  for (const [sessionId, personId, part] of [
    [interviewId, peer.id, 'INTERVIEWER'],
    [interviewId, leader.id, 'NOTE_TAKER'],
    [feedbackId, leader.id, 'PARTICIPANT'],
  ])
    await dataSource.query('INSERT INTO session_assignment (session_id, person_id, part) VALUES ($1, $2, $3)', [sessionId, personId, part]);
  for (const stakeholderId of [amal, ingrid])
    await dataSource.query('INSERT INTO session_stakeholder (session_id, stakeholder_id) VALUES ($1, $2)', [interviewId, stakeholderId]);

  const conclusions = [
    {
      rating: 3,
      summary: `${unnamed} told us the youth council meets the mayor every month.`,
      strengths: 'A standing youth council with a budget of its own.',
      areasToDevelop: 'Publish what the council asked for and what came of it.',
    },
    {
      rating: 2,
      summary: 'Diversity is part of the hiring rules, not yet of the promotions.',
      strengths: 'Anonymous applications in every department.',
      areasToDevelop: 'Track promotions by background.',
    },
    {
      rating: 2,
      summary: 'The libraries run language cafés in four languages.',
      strengths: 'Volunteers from the communities lead them.',
      areasToDevelop: 'Reach the districts without a library.',
    },
  ];
  for (const [i, keyFactor] of review.keyFactors.entries()) {
    const c = conclusions[i];
    await dataSource.query(
      `INSERT INTO conclusion (review_id, key_factor_id, rating, summary, strengths, areas_to_develop, status, agreed_at, agreed_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, 'AGREED', now() - interval '6 days', $7)`,
      [review.reviewId, keyFactor.id, c.rating, c.summary, c.strengths, c.areasToDevelop, leader.id],
    );
  }

  const recommendations: { id: string; text: string }[] = [];
  for (const [i, [text, priority, horizon]] of [
    ['Publish the requests of the youth council and the answers of the city every year.', 'HIGH', 'QUICK_WIN'],
    ['Track promotions by background and report them to the council.', 'MEDIUM', 'MEDIUM_TERM'],
    ['Open a language café in every district without a library.', 'LOW', 'LONG_TERM'],
  ].entries()) {
    const [row] = await dataSource.query(
      `INSERT INTO recommendation (review_id, text, key_factor_ids, priority, horizon, suggested_owner, created_by_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now() - interval '6 days' + $8 * interval '1 minute') RETURNING id`,
      [review.reviewId, text, [review.keyFactors[i].id], priority, horizon, i === 0 ? "Mayor's office" : null, leader.id, i],
    );
    recommendations.push({ id: row.id, text });
  }

  // The earlier review, closed, with the same coordinator and agreed ratings.
  const [earlier] = await dataSource.query(
    `INSERT INTO review (title, kind, host_city_id, benchmark_id, scope_key_factor_ids, status, visit_starts_at, visit_ends_at, created_by_id, created_at)
     SELECT 'Review of Drammen, 2023', kind, host_city_id, benchmark_id, scope_key_factor_ids, 'CLOSED', now() - interval '3 years', now() - interval '3 years' + interval '3 days', created_by_id, now() - interval '3 years'
       FROM review WHERE id = $1 RETURNING id`,
    [review.reviewId],
  );
  for (const [personId, role] of [
    [leader.id, 'EXPERT_LEADER'],
    [coordinator.id, 'HOST_COORDINATOR'],
  ])
    await dataSource.query('INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, $3)', [earlier.id, personId, role]);
  for (const [i, keyFactor] of review.keyFactors.entries()) {
    await dataSource.query(
      `INSERT INTO conclusion (review_id, key_factor_id, rating, summary, status, agreed_at, agreed_by_id)
       VALUES ($1, $2, $3, 'As agreed in 2023.', 'AGREED', now() - interval '3 years' + interval '20 days', $4)`,
      [earlier.id, keyFactor.id, [1, 2, 1][i], leader.id],
    );
  }

  return {
    reviewId: review.reviewId,
    earlierReviewId: earlier.id,
    city: { id: review.city.id, name: review.city.name },
    keyFactors: review.keyFactors,
    people: Object.fromEntries(
      Object.entries(review.people).map(([role, p]) => [role, { id: p.id, email: p.email }]),
    ) as HostFollowUpScenario['people'],
    recommendations,
    unnamed,
    interview,
  };
}
