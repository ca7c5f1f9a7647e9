import { getQueueToken } from '@nestjs/bullmq';
import { CatalogueSeed } from '@peervisit/catalogue';
import { CurrentUser } from '@peervisit/platform';
import { ReviewChanges, VisitService } from '@peervisit/review';
import { VisitSessionKind } from '@peervisit/review/entities';
import { createPerson, createReviewFixture, createTestApp, TestApp } from '@peervisit/testing';
import type { Queue } from 'bullmq';
import { NotificationsModule } from '../notifications.module';
import { scheduledRows as scheduledRowsOf, scheduledWithoutJob } from './reminder-jobs.testing';

/**
 * Two changes of one review overlap: the second starts before the first commits, and publishes its
 * change (recomputing the reminders in its own transaction) and commits after it. Each commit must queue the
 * jobs of exactly the rows its own transaction wrote, with no catching up by hand.
 */
describe('ReminderService (two overlapping changes of one review)', () => {
  let t: TestApp;
  let queue: Queue;
  let changes: ReviewChanges;
  let f: Awaited<ReturnType<typeof createReviewFixture>>;
  const sessions: string[] = [];

  const scheduledRows = () => scheduledRowsOf(t.dataSource, f.reviewId);
  const withoutJob = () => scheduledWithoutJob(t.dataSource, queue, f.reviewId);
  const moveSession =
    "UPDATE visit_session SET starts_at = starts_at + interval '1 day', ends_at = ends_at + interval '1 day' WHERE id = $1";

  beforeAll(async () => {
    process.env.WORKERS_IN_PROCESS = 'false';
    t = await createTestApp({ imports: [NotificationsModule] });
    await t.app.get(CatalogueSeed).run();
    queue = t.app.get<Queue>(getQueueToken('mail'), { strict: false });
    changes = t.app.get(ReviewChanges);
    const visits = t.app.get(VisitService);
    const person = await createPerson(t.dataSource, { isAdmin: true });
    const admin: CurrentUser = { personId: person.id, email: person.email, isAdmin: true };
    f = await createReviewFixture(t.dataSource, {
      status: 'PREPARATION',
      visitStart: '2027-03-10T07:00:00Z',
      visitEnd: '2027-03-14T17:00:00Z',
    });
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

  it('overlapping changes: each commit queues the jobs of the rows its own transaction wrote', async () => {
    expect(await withoutJob()).toEqual([]);
    const first = t.dataSource.createQueryRunner();
    const second = t.dataSource.createQueryRunner();
    try {
      await first.connect();
      await second.connect();
      await first.startTransaction();
      await second.startTransaction();
      // T1 changes session 0 and publishes; T2, on its own connection, changes session 1 meanwhile
      // (it publishes once T1 has committed: both recompute the review's reminders, which lock its rows).
      await first.query(moveSession, [sessions[0]]);
      await changes.changed(first.manager, f.reviewId);
      await second.query(moveSession, [sessions[1]]);
      const versionsBefore = new Map((await scheduledRows()).map((r) => [r.dedupe_key, r.version]));
      const rewrittenSince = async (before: Map<string, number>) =>
        (await scheduledRows())
          .filter((r) => before.get(r.dedupe_key) !== r.version)
          .map((r) => r.dedupe_key)
          .sort();
      const ofSession = async (id: string) =>
        (await scheduledRows())
          .filter((r) => r.dedupe_key.includes(id))
          .map((r) => r.dedupe_key)
          .sort();

      // T1 commits: its rows (session 0: two people, two offsets) are visible and have their jobs;
      // T2's are not visible yet.
      await first.commitTransaction();
      expect(await rewrittenSince(versionsBefore)).toEqual(await ofSession(sessions[0]));
      expect(await rewrittenSince(versionsBefore)).toHaveLength(4);
      expect(await withoutJob()).toEqual([]);
      const afterFirst = new Map((await scheduledRows()).map((r) => [r.dedupe_key, r.version]));

      // T2 publishes and commits after it: its own after-commit handler queues session 1's rows.
      await changes.changed(second.manager, f.reviewId);
      await second.commitTransaction();
      expect(await rewrittenSince(afterFirst)).toEqual(await ofSession(sessions[1]));
      expect(await rewrittenSince(afterFirst)).toHaveLength(4);
      expect(await withoutJob()).toEqual([]);
    } finally {
      for (const runner of [first, second]) {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
    }
  });
});
