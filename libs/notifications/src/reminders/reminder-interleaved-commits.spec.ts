import { getQueueToken } from '@nestjs/bullmq';
import { CatalogueSeed } from '@peervisit/catalogue';
import { CurrentUser } from '@peervisit/platform';
import { ReviewChanges, VisitService, VisitSessionKind } from '@peervisit/review';
import { createPerson, createReviewFixture, createTestApp, TestApp } from '@peervisit/testing';
import type { Queue } from 'bullmq';
import type { Pool, PoolClient } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { NotificationsModule } from '../notifications.module';
import { scheduledRows as scheduledRowsOf, scheduledWithoutJob } from './reminder-jobs.testing';

/**
 * Two changes of one review overlap: the second notes itself while the first one's after-commit
 * step waits for its status query. The second's rows must still get their jobs at its own commit.
 * The wait is made real: every pooled connection is busy, so the status query queues for one.
 */
describe('ReminderService (two overlapping changes of one review)', () => {
  let t: TestApp;
  let queue: Queue;
  let changes: ReviewChanges;
  let f: Awaited<ReturnType<typeof createReviewFixture>>;
  const sessions: string[] = [];

  const scheduledRows = () => scheduledRowsOf(t.dataSource, f.reviewId);
  const withoutJob = () => scheduledWithoutJob(t.dataSource, queue, f.reviewId);
  const moveSession = "UPDATE visit_session SET starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour' WHERE id = $1";

  beforeAll(async () => {
    process.env.WORKERS_IN_PROCESS = 'false';
    t = await createTestApp({ imports: [NotificationsModule] });
    await t.app.get(CatalogueSeed).run();
    queue = t.app.get<Queue>(getQueueToken('mail'), { strict: false });
    changes = t.app.get(ReviewChanges);
    const visits = t.app.get(VisitService);
    const person = await createPerson(t.dataSource, { isAdmin: true });
    const admin: CurrentUser = { personId: person.id, email: person.email, isAdmin: true };
    f = await createReviewFixture(t.dataSource, { status: 'PREPARATION', visitStart: '2027-03-10T07:00:00Z', visitEnd: '2027-03-14T17:00:00Z' });
    for (const day of [0, 1]) {
      const session = await visits.schedule(admin, f.reviewId, {
        kind: VisitSessionKind.INTERVIEW,
        title: `Interview ${day}`,
        start: `2027-03-1${day}T09:00`,
        end: `2027-03-1${day}T09:45`,
        assignments: [
          { personId: f.people.leader.id, part: 'INTERVIEWER' as never },
          { personId: f.people.peer.id, part: 'NOTE_TAKER' as never },
        ],
      });
      sessions.push(session.id);
    }
  });
  afterAll(() => t?.close());

  it("a change noted while another's after-commit step waits keeps its place, and its rows get their jobs at its commit", async () => {
    expect(await withoutJob()).toEqual([]);
    const pool = (t.dataSource.driver as PostgresDriver).master as Pool;
    const held: PoolClient[] = [];
    const second = t.dataSource.createQueryRunner();
    try {
      // T1 changes session 0 and commits; its after-commit step comes later.
      await t.dataSource.transaction(async (m) => {
        await m.query(moveSession, [sessions[0]]);
        await changes.changed(m, f.reviewId);
      });
      // T2 starts on its own connection and changes session 1, not yet telling the reminders.
      await second.connect();
      await second.startTransaction();
      await second.query(moveSession, [sessions[1]]);

      // Every other pooled connection is taken, so T1's status query has to wait for one.
      while (pool.totalCount < (pool.options.max ?? 10) || pool.idleCount > 0) held.push(await pool.connect());
      const firstAfterCommit = changes.committed(f.reviewId);
      const waitingSince = Date.now();
      while (pool.waitingCount === 0) {
        if (Date.now() - waitingSince > 10000) throw new Error('the after-commit status query never queued for a connection');
        await new Promise((r) => setTimeout(r, 10));
      }
      // Meanwhile T2 recomputes and notes itself (on its own connection).
      await changes.changed(second.manager, f.reviewId);
      // A connection frees up: T1's status query runs (T1 committed, T2 in progress) and its jobs are queued.
      held.pop()!.release();
      await firstAfterCommit;
      for (const client of held.splice(0)) client.release();
      // T1's rows have their jobs (T2's new versions are not visible yet).
      expect(await withoutJob()).toEqual([]);
      const versionsBefore = new Map((await scheduledRows()).map((r) => [r.dedupe_key, r.version]));

      // T2 commits; its own after-commit step must find it still noted.
      await second.commitTransaction();
      await changes.committed(f.reviewId);
      const rewrittenBySecond = (await scheduledRows()).filter((r) => versionsBefore.get(r.dedupe_key) !== r.version).map((r) => r.dedupe_key);
      // Session 1's four reminders (two people, two offsets) are T2's.
      expect(rewrittenBySecond.sort()).toEqual((await scheduledRows()).filter((r) => r.dedupe_key.includes(sessions[1])).map((r) => r.dedupe_key).sort());
      expect(rewrittenBySecond).toHaveLength(4);
      expect(await withoutJob()).toEqual([]);
    } finally {
      for (const client of held) client.release();
      if (second.isTransactionActive) await second.rollbackTransaction();
      await second.release();
    }
  });
});
