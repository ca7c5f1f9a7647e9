import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { CurrentUser, sendJobId } from '@peervisit/platform';
import { MOVE_VISIT_STATEMENTS, MoveVisitService, ReviewChanges } from '@peervisit/review';
import { countQueries, createReviewFixture, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import type { Queue } from 'bullmq';
import { AppModule } from '../../apps/api/src/app.module';

/**
 * Moving a visit in one operation (issue #22): a fixed number of SQL statements whatever the number
 * of sessions, the reminders recomputed once and their jobs queued in one addBulk; or only a set of
 * sessions, inside the window.
 */
describe('moveVisit: the whole visit or a set of sessions, in a bounded number of statements', () => {
  let t: TestApp;
  let mover: MoveVisitService;
  let changes: ReviewChanges;
  let queue: Queue;

  /** A review in PREPARATION, its visit 9-12 March 2027 in Oslo, `sessions` sessions with every team member assigned. */
  const seed = async (sessions: number) => {
    const f = await createReviewFixture(t.dataSource, {
      status: 'PREPARATION',
      visitStart: '2027-03-09T07:00:00Z',
      visitEnd: '2027-03-12T17:00:00Z',
    });
    const team = [f.people.leader, f.people.peer, f.people.peer2].map((p) => p.id);
    const ids: string[] = (
      await t.dataSource.query(
        `INSERT INTO visit_session (review_id, kind, title, starts_at, ends_at, created_by_id)
         SELECT $1, 'INTERVIEW', 'Session ' || g, $2::timestamptz + (g % 4) * interval '1 day' + (g / 4) * interval '30 minutes',
                $2::timestamptz + (g % 4) * interval '1 day' + (g / 4) * interval '30 minutes' + interval '25 minutes', $3
           FROM generate_series(0, $4::int - 1) g RETURNING id`,
        [f.reviewId, '2027-03-09T08:00:00Z', f.people.leader.id, sessions],
      )
    ).map((r: { id: string }) => r.id);
    await t.dataSource.query(
      `INSERT INTO session_assignment (session_id, person_id, part) SELECT s, p, 'PARTICIPANT' FROM unnest($1::uuid[]) s CROSS JOIN unnest($2::uuid[]) p`,
      [ids, team],
    );
    // The reminders as the programme's last change planned them.
    await changes.transaction(t.dataSource, f.reviewId, async () => undefined);
    const leader: CurrentUser = { personId: f.people.leader.id, email: f.people.leader.email, isAdmin: false };
    return { f, ids, leader };
  };

  const sessionsOf = (reviewId: string): Promise<{ id: string; starts_at: Date; version: number }[]> =>
    t.dataSource.query('SELECT id, starts_at, version FROM visit_session WHERE review_id = $1 ORDER BY title', [reviewId]);
  /** Scheduled session reminders, and those due at their session's current start minus their offset. */
  const reminders = async (reviewId: string) =>
    (
      await t.dataSource.query(
        // A reminder days before the session is due that many days before it; the day before, at 18:00
        // the evening before in the recipient's own zone.
        `SELECT count(*)::int AS total,
                count(*) FILTER (WHERE m.due_at = CASE WHEN (m.data->>'daysBefore')::int = 1
                  THEN ((((s.starts_at - interval '1 day') AT TIME ZONE p.time_zone)::date + time '18:00') AT TIME ZONE p.time_zone)
                  ELSE s.starts_at - (m.data->>'daysBefore')::int * interval '1 day' END)::int AS matching
           FROM outbox_message m JOIN visit_session s ON s.id = (m.data->>'sessionId')::uuid JOIN person p ON p.id = m.recipient_id
          WHERE m.review_id = $1 AND m.status = 'SCHEDULED' AND m.template = 'session-reminder'`,
        [reviewId],
      )
    )[0] as { total: number; matching: number };

  /** Dedupe keys of the review's scheduled rows with no delayed job for their current version. */
  const scheduledWithoutJob = async (reviewId: string) => {
    const rows: { id: string; version: number; dedupe_key: string }[] = await t.dataSource.query(
      "SELECT id, version, dedupe_key FROM outbox_message WHERE review_id = $1 AND status = 'SCHEDULED'",
      [reviewId],
    );
    const missing = [];
    for (const row of rows) {
      const job = await queue.getJob(sendJobId(row));
      if (!job || (await job.getState()) !== 'delayed') missing.push(row.dedupe_key);
    }
    return missing;
  };

  /** Counts the statements of `run`, and the calls to the mail queue's add and addBulk (spies that call through). */
  const counted = async <T>(run: () => Promise<T>) => {
    const spiedAdd = jest.spyOn(queue, 'add');
    const spiedBulk = jest.spyOn(queue, 'addBulk');
    try {
      const { count, result } = await countQueries(t.dataSource, run);
      return { count, result, add: spiedAdd.mock.calls.length, addBulk: spiedBulk.mock.calls.length };
    } finally {
      spiedAdd.mockRestore();
      spiedBulk.mockRestore();
    }
  };

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    mover = t.app.get(MoveVisitService);
    changes = t.app.get(ReviewChanges);
    queue = t.app.get<Queue>(getQueueToken('mail'), { strict: false });
  });
  afterAll(() => t?.close());

  it('moves the whole visit in the statements its structure says, the same at 4 and 40 sessions, under 50; reminders follow, queued in one addBulk', async () => {
    const seen: number[] = [];
    for (const size of [4, 40]) {
      const { f, ids, leader } = await seed(size);
      // What the review's `review.changed` handlers cost on their own (recompute in the transaction, jobs after
      // commit), measured on a transaction that changes nothing: BEGIN and COMMIT are in MOVE_VISIT_STATEMENTS.
      const handlers =
        (await countQueries(t.dataSource, () => changes.transaction(t.dataSource, f.reviewId, async () => undefined))).count - 2;
      const before = await sessionsOf(f.reviewId);
      const move = await counted(() => mover.move(leader, f.reviewId, 7));
      expect(move.count).toBe(MOVE_VISIT_STATEMENTS.length + handlers);
      expect(move.count).toBeLessThanOrEqual(50);
      seen.push(move.count);
      expect(move.addBulk).toBe(1);
      expect(move.add).toBe(0);

      const after = await sessionsOf(f.reviewId);
      expect(after.map((s) => [s.id, s.starts_at.getTime() - 7 * 86_400_000, s.version])).toEqual(
        before.map((s) => [s.id, s.starts_at.getTime(), s.version + 1]),
      );
      expect(after.map((s) => s.id).sort()).toEqual([...ids].sort());
      const [review] = await t.dataSource.query('SELECT visit_starts_at, visit_ends_at FROM review WHERE id = $1', [f.reviewId]);
      expect([review.visit_starts_at.toISOString(), review.visit_ends_at.toISOString()]).toEqual([
        '2027-03-16T07:00:00.000Z',
        '2027-03-19T17:00:00.000Z',
      ]);
      const planned = await reminders(f.reviewId);
      expect(planned.total).toBeGreaterThanOrEqual(size * 3);
      expect(planned.matching).toBe(planned.total);
      expect(await scheduledWithoutJob(f.reviewId)).toEqual([]);
      const audit = await t.dataSource.query(
        "SELECT action, count(*)::int AS n FROM audit_entry WHERE review_id = $1 AND action LIKE 'programme.%' GROUP BY action ORDER BY action",
        [f.reviewId],
      );
      expect(audit).toEqual([
        { action: 'programme.move', n: 1 },
        { action: 'programme.update', n: size },
      ]);
    }
    expect(seen[0]).toBe(seen[1]);
  });

  it('moves only the sessions named, inside the window that stays, and refuses (writing nothing) sessions that would leave it or are not the review’s', async () => {
    const { f, ids, leader } = await seed(8);
    const before = await sessionsOf(f.reviewId);
    // Sessions on 9 March moved a day later stay inside 9-12 March.
    const first = before.filter((s) => s.starts_at.toISOString().startsWith('2027-03-09'));
    const handlers =
      (await countQueries(t.dataSource, () => changes.transaction(t.dataSource, f.reviewId, async () => undefined))).count - 2;
    const move = await counted(() =>
      mover.move(
        leader,
        f.reviewId,
        1,
        first.map((s) => s.id.toUpperCase()),
      ),
    );
    // No window to rewrite.
    expect(move.count).toBe(MOVE_VISIT_STATEMENTS.length - 1 + handlers);
    const after = await sessionsOf(f.reviewId);
    expect(after.map((s) => [s.id, s.starts_at.toISOString(), s.version])).toEqual(
      before.map((s) => {
        const moved = first.some((m) => m.id === s.id);
        return [s.id, new Date(s.starts_at.getTime() + (moved ? 86_400_000 : 0)).toISOString(), s.version + (moved ? 1 : 0)];
      }),
    );
    const [review] = await t.dataSource.query('SELECT visit_starts_at FROM review WHERE id = $1', [f.reviewId]);
    expect(review.visit_starts_at.toISOString()).toBe('2027-03-09T07:00:00.000Z');
    const planned = await reminders(f.reviewId);
    expect(planned.matching).toBe(planned.total);
    expect(await scheduledWithoutJob(f.reviewId)).toEqual([]);

    const leader2 = await t.gql.signIn(f.people.leader.email, TEST_PASSWORD);
    const peer: GraphqlClient = await t.gql.signIn(f.people.peer.email, TEST_PASSWORD);
    const mutation = 'mutation($id: ID!, $days: Int!, $s: [ID!]) { moveVisit(reviewId: $id, days: $days, sessionIds: $s) { id } }';
    const unchanged = await sessionsOf(f.reviewId);
    const audits = (await t.dataSource.query('SELECT count(*)::int AS n FROM audit_entry WHERE review_id = $1', [f.reviewId]))[0].n;
    const refusals = [
      // 12 March + 1 day is outside the window.
      [await leader2.request(mutation, { id: f.reviewId, days: 1, s: [ids[3]] }), 'BAD_USER_INPUT', /outside the visit window/],
      [
        await leader2.request(mutation, { id: f.reviewId, days: 1, s: [randomUUID()] }),
        'BAD_USER_INPUT',
        /Not planned sessions of this review/,
      ],
      [await leader2.request(mutation, { id: f.reviewId, days: 1, s: [] }), 'BAD_USER_INPUT', /Name from 1 to 500 sessions/],
      [await peer.request(mutation, { id: f.reviewId, days: 1, s: [ids[0]] }), 'FORBIDDEN', /./],
    ] as const;
    for (const [answer, code, message] of refusals) {
      expect(answer.errors?.[0].extensions?.code).toBe(code);
      expect(answer.errors?.[0].message).toMatch(message);
    }
    expect(await sessionsOf(f.reviewId)).toEqual(unchanged);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM audit_entry WHERE review_id = $1', [f.reviewId]))[0].n).toBe(audits);
  });
});
