/**
 * Reminders, part 1: a visit of 15 and of 60 sessions with 8 team members in each (240 and 960 session
 * reminders planned) is moved two weeks later in one operation, moveVisit (issue #22): the window and
 * every session, the reminders recomputed once and their jobs queued in one addBulk. Measured: the
 * time until every reminder is re-planned in the outbox and its job queued, against the plain SQL that
 * rewrites the same outbox rows, and the SQL statements, which must not grow with the sessions.
 */
import { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { CurrentUser, sendJobId } from '@peervisit/platform';
import { MoveVisitService, ReviewChanges } from '@peervisit/review';
import { VisitSessionKind } from '@peervisit/review/entities';
import type { Queue } from 'bullmq';
import { countQueries } from '@peervisit/testing';
import { DataSource } from 'typeorm';
import { BenchFigure, msSince, round } from './bench';

const SIZES = [15, 60];
const PEOPLE = 8;
const DAYS = 5;
const SHIFT_DAYS = 14;
const SESSION_OFFSETS_DAYS = [7, 1];
const TARGET_MS = 500;
/** Issue #22's bound, whatever the number of sessions; move-visit.spec.ts asserts the exact count from the code's structure. */
const STATEMENT_LIMIT = 50;

interface Seeded {
  reviewId: string;
  admin: CurrentUser;
  sessions: { id: string; kind: VisitSessionKind; title: string; startsAt: Date; endsAt: Date; keyFactorIds: string[] }[];
  team: string[];
  stakeholdersBySession: Map<string, string[]>;
}

/** The review, its team and programme, straight in SQL (the set-up is not what is measured). */
async function seed(ds: DataSource, count: number): Promise<Seeded> {
  return ds.transaction(async (m) => {
    const [benchmark] = await m.query("SELECT id FROM benchmark WHERE code = 'EUROCITIES-PCD' ORDER BY version DESC LIMIT 1");
    const [city] = await m.query("INSERT INTO city (name, country, time_zone) VALUES ($1, 'NO', 'Europe/Oslo') RETURNING id", [
      `Moveville ${count}`,
    ]);
    const [admin] = await m.query(
      "INSERT INTO person (email, full_name, is_admin) VALUES ($1, 'Bench Secretariat', true) RETURNING id, email",
      [`secretariat-${count}@bench.example.org`],
    );
    const people: { id: string }[] = await m.query(
      `INSERT INTO person (email, full_name) SELECT 'move-' || $2::int || '-' || g || '@bench.example.org', 'Team Member ' || g FROM generate_series(1, $1::int + 1) g RETURNING id`,
      [PEOPLE, count],
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
    const perDay = count / DAYS;
    for (let i = 0; i < count; i++) {
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
    // Days before the session, that many days before it; the day before, at 18:00 the evening before in
    // the recipient's own zone (as test/e2e/move-visit.e2e.spec.ts checks).
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE m.due_at = CASE WHEN (m.data->>'daysBefore')::int = 1
              THEN ((((s.starts_at - interval '1 day') AT TIME ZONE p.time_zone)::date + time '18:00') AT TIME ZONE p.time_zone)
              ELSE s.starts_at - (m.data->>'daysBefore')::int * interval '1 day' END)::int AS matching
       FROM outbox_message m JOIN visit_session s ON s.id = (m.data->>'sessionId')::uuid JOIN person p ON p.id = m.recipient_id
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

/** One move of the whole visit (moveVisit) of a review with `sessions` sessions, checked and counted. */
async function moveOnce(app: INestApplication, sessions: number, log: (m: string) => void) {
  const ds = app.get(DataSource);
  const queue = app.get<Queue>(getQueueToken('mail'), { strict: false });
  const mover = app.get(MoveVisitService);
  const changes = app.get(ReviewChanges);
  const s = await seed(ds, sessions);
  // Plan the reminders once, as the programme's last change would have.
  await changes.transaction(ds, s.reviewId, async () => undefined);
  const expected = sessions * PEOPLE * SESSION_OFFSETS_DAYS.length;
  const before = await sessionReminders(ds, s.reviewId);
  if (before.total !== expected || before.matching !== expected)
    throw new Error(`Planned ${before.total} session reminders (${before.matching} at the right time); expected ${expected}.`);
  const jobsBefore = (await queue.getJobCounts('delayed')).delayed;
  const addBulk = queue.addBulk.bind(queue);
  let bulkCalls = 0;
  queue.addBulk = (jobs) => (bulkCalls++, addBulk(jobs));
  let totalMs = 0;
  // The statement count is the figure the machine's load cannot move.
  const { count: statements } = await countQueries(ds, async () => {
    const started = process.hrtime.bigint();
    await mover.move(s.admin, s.reviewId, SHIFT_DAYS);
    totalMs = msSince(started);
  }).finally(() => (queue.addBulk = addBulk));
  const jobsAdded = (await queue.getJobCounts('delayed')).delayed - jobsBefore;
  const after = await sessionReminders(ds, s.reviewId);
  const jobs = await rowsWithLiveJob(ds, queue, s.reviewId);
  log(
    `${sessions} sessions × ${PEOPLE} people moved by moveVisit in ${round(totalMs)} ms, ${statements} SQL statements, ${jobsAdded} new jobs in ${bulkCalls} addBulk call(s); ` +
      `${after.matching}/${after.total} session reminders at their new time, ${jobs.withJob}/${jobs.rows} scheduled rows with a delayed job of their version`,
  );
  // Baseline: the plain SQL that rewrites the same rows (moves them back, in one statement).
  const b = process.hrtime.bigint();
  const [, rewritten]: [unknown, number] = await ds.query(
    `UPDATE outbox_message SET due_at = due_at - $2::int * interval '1 day', version = version + 1, updated_at = now()
      WHERE review_id = $1 AND status = 'SCHEDULED' AND template = 'session-reminder'`,
    [s.reviewId, SHIFT_DAYS],
  );
  const baselineMs = msSince(b);
  const correct = after.total === expected && after.matching === expected && jobs.withJob === jobs.rows && rewritten === expected;
  return { sessions, expected, totalMs, baselineMs, statements, jobsAdded, bulkCalls, after, jobs, correct, rewritten };
}

export async function benchVisitMove(
  app: INestApplication,
  log: (m: string) => void,
): Promise<{ figures: BenchFigure[]; details: Record<string, unknown> }> {
  const runs = [];
  for (const sessions of SIZES) runs.push(await moveOnce(app, sessions, log));
  const [small, large] = runs;
  return {
    figures: [
      {
        name: `move visit: ${large.sessions} sessions × ${PEOPLE} people`,
        value: large.totalMs,
        unit: 'ms',
        baseline: large.baselineMs,
        ratio: large.totalMs / large.baselineMs,
        target: `< ${TARGET_MS} ms`,
        pass: large.totalMs < TARGET_MS,
      },
      {
        name: `move visit: ${small.sessions} sessions × ${PEOPLE} people (info)`,
        value: small.totalMs,
        unit: 'ms',
        baseline: small.baselineMs,
      },
      ...runs.map((r) => ({
        name: `move visit: SQL statements, ${r.sessions} sessions`,
        value: r.statements,
        unit: 'statements',
        target: `≤ ${STATEMENT_LIMIT}, the same at ${SIZES.join(' and ')} sessions`,
        pass: r.statements <= STATEMENT_LIMIT && r.statements === small.statements,
      })),
      ...runs.map((r) => ({
        name: `move visit: jobs queued, ${r.sessions} sessions`,
        value: r.jobsAdded,
        unit: 'jobs',
        target: `${r.expected + 1} (one per rewritten row), in one addBulk`,
        pass: r.jobsAdded === r.expected + 1 && r.bulkCalls === 1,
      })),
      ...runs.map((r) => ({
        name: `move visit: reminders right after the move, ${r.sessions} sessions`,
        value: r.after.matching,
        unit: `of ${r.expected}`,
        target: `${r.expected}, each with its job`,
        pass: r.correct,
      })),
    ],
    details: {
      method:
        `moveVisit (MoveVisitService.move) by ${SHIFT_DAYS} days of a review in PREPARATION with ${PEOPLE} people assigned to every session and reminders ${SESSION_OFFSETS_DAYS.join(' and ')} days before each; ` +
        'statements counted with countQueries on the DataSource (BEGIN and COMMIT included) from the call to its return, after-commit job queuing included. Baseline: the one plain UPDATE that rewrites the same reminder rows.',
      runs: runs.map((r) => ({
        sessions: r.sessions,
        remindersPlanned: r.expected,
        ms: round(r.totalMs),
        baselineMs: round(r.baselineMs),
        sqlStatements: r.statements,
        jobsAdded: r.jobsAdded,
        addBulkCalls: r.bulkCalls,
        scheduledRows: r.jobs.rows,
        rowsWithDelayedJob: r.jobs.withJob,
        baselineRowsRewritten: r.rewritten,
      })),
    },
  };
}
