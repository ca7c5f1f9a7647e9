/**
 * Reminders, part 1: a visit of 60 sessions with 8 team members in each (960 session reminders planned) is
 * moved two weeks later the way a person does it through the API: the visit window in the review's
 * timeline, then each session. Measured: the time until every reminder is re-planned in the outbox
 * and its job queued, against the plain SQL that rewrites the same outbox rows.
 */
import { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { CurrentUser, sendJobId } from '@peervisit/platform';
import { ReviewChanges, ReviewService, VisitService } from '@peervisit/review';
import { VisitSessionKind } from '@peervisit/review/entities';
import type { Queue } from 'bullmq';
import { countQueries } from '@peervisit/testing';
import { DataSource } from 'typeorm';
import { BenchFigure, msSince, percentile, round } from './bench';

const SESSIONS = 60;
const PEOPLE = 8;
const DAYS = 5;
const SHIFT_MS = 14 * 24 * 3600 * 1000;
const SESSION_OFFSETS_DAYS = [7, 1];

interface Seeded {
  reviewId: string;
  admin: CurrentUser;
  sessions: { id: string; kind: VisitSessionKind; title: string; startsAt: Date; endsAt: Date; keyFactorIds: string[] }[];
  team: string[];
  stakeholdersBySession: Map<string, string[]>;
}

/** The review, its team and programme, straight in SQL (the set-up is not what is measured). */
async function seed(ds: DataSource): Promise<Seeded> {
  return ds.transaction(async (m) => {
    const [benchmark] = await m.query("SELECT id FROM benchmark WHERE code = 'EUROCITIES-PCD' ORDER BY version DESC LIMIT 1");
    const [city] = await m.query("INSERT INTO city (name, country, time_zone) VALUES ('Moveville', 'NO', 'Europe/Oslo') RETURNING id");
    const [admin] = await m.query(
      "INSERT INTO person (email, full_name, is_admin) VALUES ('secretariat@bench.example.org', 'Bench Secretariat', true) RETURNING id, email",
    );
    const people: { id: string }[] = await m.query(
      `INSERT INTO person (email, full_name) SELECT 'move-' || g || '@bench.example.org', 'Team Member ' || g FROM generate_series(1, $1::int + 1) g RETURNING id`,
      [PEOPLE],
    );
    // Two months ahead, 08:00 Oslo time; twelve 40-minute sessions a day.
    const day0 = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 2, 1, 7, 0));
    const visitEnd = new Date(day0.getTime() + (DAYS - 1) * 86400000 + 10 * 3600000);
    const [review] = await m.query(
      `INSERT INTO review (title, kind, host_city_id, benchmark_id, status, visit_starts_at, visit_ends_at, created_by_id)
       VALUES ('Visit to move', 'PEER_REVIEW', $1, $2, 'PREPARATION', $3, $4, $5) RETURNING id`,
      [city.id, benchmark.id, day0, visitEnd, admin.id],
    );
    const roles = ['EXPERT_LEADER', ...Array(PEOPLE - 2).fill('PEER'), 'OBSERVER', 'HOST_COORDINATOR'];
    await m.query(
      'INSERT INTO team_member (review_id, person_id, role) SELECT $1, p, r::review_role FROM unnest($2::uuid[], $3::text[]) AS t(p, r)',
      [review.id, people.map((p) => p.id), roles],
    );
    const stakeholders: { id: string }[] = await m.query(
      `INSERT INTO stakeholder (city_id, category, name) SELECT $1, 'CIVIL_SOCIETY', 'Stakeholder ' || g FROM generate_series(1, 20) g RETURNING id`,
      [city.id],
    );
    const keyFactors: { id: string }[] = await m.query('SELECT id FROM key_factor WHERE benchmark_id = $1 ORDER BY number', [benchmark.id]);
    const sessions: Seeded['sessions'] = [];
    const stakeholdersBySession = new Map<string, string[]>();
    const kinds = [VisitSessionKind.INTERVIEW, VisitSessionKind.FOCUS_GROUP, VisitSessionKind.SITE_VISIT];
    const perDay = SESSIONS / DAYS;
    for (let i = 0; i < SESSIONS; i++) {
      const startsAt = new Date(day0.getTime() + Math.floor(i / perDay) * 86400000 + (i % perDay) * 45 * 60000);
      const endsAt = new Date(startsAt.getTime() + 40 * 60000);
      const kind = kinds[i % kinds.length];
      const keyFactorIds = [keyFactors[i % 13].id];
      const [s] = await m.query(
        `INSERT INTO visit_session (review_id, kind, title, starts_at, ends_at, key_factor_ids, created_by_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [review.id, kind, `Session ${i + 1}`, startsAt, endsAt, keyFactorIds, admin.id],
      );
      sessions.push({ id: s.id, kind, title: `Session ${i + 1}`, startsAt, endsAt, keyFactorIds });
      const met = [stakeholders[i % 20].id, stakeholders[(i + 7) % 20].id];
      stakeholdersBySession.set(s.id, met);
      await m.query(`INSERT INTO session_stakeholder (session_id, stakeholder_id) SELECT $1, unnest($2::uuid[])`, [s.id, met]);
    }
    const team = people.slice(0, PEOPLE).map((p) => p.id);
    await m.query(
      `INSERT INTO session_assignment (session_id, person_id, part)
       SELECT s, p, 'PARTICIPANT' FROM unnest($1::uuid[]) s CROSS JOIN unnest($2::uuid[]) p`,
      [sessions.map((s) => s.id), team],
    );
    return { reviewId: review.id, admin: { personId: admin.id, email: admin.email, isAdmin: true }, sessions, team, stakeholdersBySession };
  });
}

/** Scheduled session reminders whose due time matches their session's current start, and all of them. */
async function sessionReminders(ds: DataSource, reviewId: string): Promise<{ total: number; matching: number }> {
  const [row] = await ds.query(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE m.due_at = s.starts_at - (m.data->>'daysBefore')::int * interval '1 day')::int AS matching
       FROM outbox_message m JOIN visit_session s ON s.id = (m.data->>'sessionId')::uuid
      WHERE m.review_id = $1 AND m.status = 'SCHEDULED' AND m.template = 'session-reminder'`,
    [reviewId],
  );
  return row;
}

/** How many scheduled rows of the review have a job for their current version waiting in Redis. */
async function rowsWithLiveJob(ds: DataSource, queue: Queue, reviewId: string): Promise<{ rows: number; withJob: number }> {
  const rows: { id: string; version: number }[] = await ds.query(
    `SELECT id, version FROM outbox_message WHERE review_id = $1 AND status = 'SCHEDULED'`,
    [reviewId],
  );
  let withJob = 0;
  for (const row of rows) {
    const job = await queue.getJob(sendJobId(row));
    if (job && (await job.getState()) === 'delayed') withJob++;
  }
  return { rows: rows.length, withJob };
}

export async function benchVisitMove(
  app: INestApplication,
  log: (m: string) => void,
): Promise<{ figures: BenchFigure[]; details: Record<string, unknown> }> {
  const ds = app.get(DataSource);
  const queue = app.get<Queue>(getQueueToken('mail'), { strict: false });
  const reviews = app.get(ReviewService);
  const visits = app.get(VisitService);
  const changes = app.get(ReviewChanges);
  const s = await seed(ds);
  // Plan the reminders once, as the programme's last change would have.
  await changes.transaction(ds, s.reviewId, async () => undefined);
  const expected = SESSIONS * PEOPLE * SESSION_OFFSETS_DAYS.length;
  const before = await sessionReminders(ds, s.reviewId);
  if (before.total !== expected || before.matching !== expected)
    throw new Error(`Planned ${before.total} session reminders (${before.matching} at the right time); expected ${expected}.`);
  log(`planned ${before.total} session reminders for ${SESSIONS} sessions × ${PEOPLE} people × ${SESSION_OFFSETS_DAYS.length} offsets`);

  const iso = (d: Date) => new Date(d.getTime() + SHIFT_MS).toISOString();
  const [review] = await ds.query('SELECT visit_starts_at, visit_ends_at FROM review WHERE id = $1', [s.reviewId]);
  const perSession: number[] = [];
  const jobsBefore = (await queue.getJobCounts('delayed')).delayed;
  let windowMs = 0;
  let totalMs = 0;
  // The statement count is the figure the machine's load cannot move.
  const { count: statements } = await countQueries(ds, async () => {
    const started = process.hrtime.bigint();
    await reviews.update(s.admin, s.reviewId, {
      timeline: { visitStart: iso(review.visit_starts_at), visitEnd: iso(review.visit_ends_at) },
    });
    windowMs = msSince(started);
    for (const session of s.sessions) {
      const t = process.hrtime.bigint();
      await visits.update(s.admin, session.id, {
        kind: session.kind,
        title: session.title,
        start: iso(session.startsAt),
        end: iso(session.endsAt),
        keyFactorIds: session.keyFactorIds,
        assignments: s.team.map((personId) => ({ personId, part: 'PARTICIPANT' as never })),
        stakeholderIds: s.stakeholdersBySession.get(session.id),
      });
      perSession.push(msSince(t));
    }
    totalMs = msSince(started);
  });
  const jobsAdded = (await queue.getJobCounts('delayed')).delayed - jobsBefore;

  const after = await sessionReminders(ds, s.reviewId);
  const jobs = await rowsWithLiveJob(ds, queue, s.reviewId);
  log(
    `moved in ${round(totalMs)} ms with ${statements} SQL statements and ${jobsAdded} new jobs (window ${round(windowMs)} ms, sessions p50 ${round(percentile(perSession, 50))} ms, p95 ${round(percentile(perSession, 95))} ms)`,
  );
  log(
    `after the move: ${after.matching}/${after.total} session reminders at their new time; ${jobs.withJob}/${jobs.rows} scheduled rows with a delayed job of their version`,
  );

  // Baseline: the plain SQL that rewrites the same rows (moves them back, in one statement).
  const b = process.hrtime.bigint();
  const [, rewritten]: [unknown, number] = await ds.query(
    `UPDATE outbox_message SET due_at = due_at - $2::float8 * interval '1 millisecond', version = version + 1, updated_at = now()
      WHERE review_id = $1 AND status = 'SCHEDULED' AND template = 'session-reminder'`,
    [s.reviewId, SHIFT_MS],
  );
  const baselineMs = msSince(b);
  const correct = after.total === expected && after.matching === expected && jobs.withJob === jobs.rows && rewritten === expected;

  return {
    figures: [
      {
        name: `move visit: ${SESSIONS} sessions × ${PEOPLE} people`,
        value: totalMs,
        unit: 'ms',
        baseline: baselineMs,
        ratio: totalMs / baselineMs,
      },
      { name: 'move visit: one session moved (p95)', value: percentile(perSession, 95), unit: 'ms' },
      { name: 'move visit: SQL statements', value: statements, unit: 'statements' },
      {
        name: 'move visit: jobs queued',
        value: jobsAdded,
        unit: 'jobs',
        target: `${expected + 1} (one per rewritten row)`,
        pass: jobsAdded === expected + 1,
      },
      {
        name: 'move visit: reminders right after the move',
        value: after.matching,
        unit: `of ${expected}`,
        target: `${expected}, each with its job`,
        pass: correct,
      },
    ],
    details: {
      sessions: SESSIONS,
      peoplePerSession: PEOPLE,
      remindersPlanned: expected,
      windowUpdateMs: windowMs,
      sqlStatements: statements,
      jobsAdded,
      perSessionMs: { p50: percentile(perSession, 50), p95: percentile(perSession, 95), max: Math.max(...perSession) },
      scheduledRows: jobs.rows,
      rowsWithDelayedJob: jobs.withJob,
      baselineRowsRewritten: rewritten,
    },
  };
}
