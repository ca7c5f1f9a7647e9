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
 * The reminders follow `review.changed` in both phases: whatever transaction publishes it (a service's,
 * the invitation acceptance's, any other), its rows get their jobs when that transaction commits, and
 * only then; nothing has to remember the transaction for a later commit.
 */
describe('ReminderService (jobs at the commit of the transaction that changed the review)', () => {
  let t: TestApp;
  let queue: Queue;
  let changes: ReviewChanges;
  let f: Awaited<ReturnType<typeof createReviewFixture>>;
  let session: string;
  const move = "UPDATE visit_session SET starts_at = starts_at + interval '1 day', ends_at = ends_at + interval '1 day' WHERE id = $1";
  const withoutJob = () => scheduledWithoutJob(t.dataSource, queue, f.reviewId);
  const versions = async () => new Map((await scheduledRowsOf(t.dataSource, f.reviewId)).map((r) => [r.dedupe_key, r.version]));

  beforeAll(async () => {
    process.env.WORKERS_IN_PROCESS = 'false';
    t = await createTestApp({ imports: [NotificationsModule] });
    await t.app.get(CatalogueSeed).run();
    queue = t.app.get<Queue>(getQueueToken('mail'), { strict: false });
    changes = t.app.get(ReviewChanges);
    const person = await createPerson(t.dataSource, { isAdmin: true });
    const admin: CurrentUser = { personId: person.id, email: person.email, isAdmin: true };
    f = await createReviewFixture(t.dataSource, {
      status: 'PREPARATION',
      visitStart: '2027-03-10T07:00:00Z',
      visitEnd: '2027-03-14T17:00:00Z',
    });
    session = (
      await t.app.get(VisitService).schedule(admin, f.reviewId, {
        kind: VisitSessionKind.INTERVIEW,
        title: 'Interview',
        start: '2027-03-11T09:00',
        end: '2027-03-11T09:45',
        assignments: [{ personId: f.people.peer.id, part: 'NOTE_TAKER' as never }],
      })
    ).id;
  });
  afterAll(() => t?.close());

  it('a change published in a plain transaction has its rows queued at that commit, not before', async () => {
    const before = await versions();
    await t.dataSource.transaction(async (m) => {
      await m.query(move, [session]);
      await changes.changed(m, f.reviewId);
      // Recomputed in the transaction, not committed yet: the new versions are invisible outside it and have no job.
      expect(await versions()).toEqual(before);
    });
    const rewritten = [...(await versions())].filter(([key, version]) => before.get(key) !== version).map(([key]) => key);
    // The peer's two session reminders (7 days and 1 day before) moved, and have their jobs.
    expect(rewritten.filter((key) => key.includes(session))).toHaveLength(2);
    expect(await withoutJob()).toEqual([]);
  });
});
