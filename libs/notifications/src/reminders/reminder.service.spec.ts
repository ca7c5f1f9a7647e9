import { getQueueToken } from '@nestjs/bullmq';
import { CatalogueSeed } from '@peervisit/catalogue';
import { CurrentUser, OutboxService, sendJobId } from '@peervisit/platform';
import { ReviewChanges, VisitService } from '@peervisit/review';
import { VisitSessionKind } from '@peervisit/review/entities';
import { createPerson, createReviewFixture, createTestApp, TestApp } from '@peervisit/testing';
import type { Queue } from 'bullmq';
import { NotificationsModule } from '../notifications.module';
import { scheduledRows as scheduledRowsOf, scheduledWithoutJob } from './reminder-jobs.testing';

/**
 * Reminders are upserted in one statement and, after commit, only the rows a change wrote get a job.
 * Every scheduled row must still have a job for its current version: that is what sends it.
 */
describe('ReminderService (batched upsert, jobs for the rows a change wrote)', () => {
  let t: TestApp;
  let queue: Queue;
  let visits: VisitService;
  let changes: ReviewChanges;
  let admin: CurrentUser;
  let f: Awaited<ReturnType<typeof createReviewFixture>>;
  const sessions: string[] = [];

  const input = (day: number, hour: number) => ({
    kind: VisitSessionKind.INTERVIEW,
    title: `Interview ${day}-${hour}`,
    start: `2027-03-1${day}T${String(hour).padStart(2, '0')}:00`,
    end: `2027-03-1${day}T${String(hour).padStart(2, '0')}:45`,
    assignments: [
      { personId: f.people.leader.id, part: 'INTERVIEWER' as never },
      { personId: f.people.peer.id, part: 'NOTE_TAKER' as never },
    ],
  });
  const scheduledRows = () => scheduledRowsOf(t.dataSource, f.reviewId);
  const withoutJob = () => scheduledWithoutJob(t.dataSource, queue, f.reviewId);
  const delayedJobs = async () => (await queue.getJobCounts('delayed')).delayed;

  beforeAll(async () => {
    process.env.WORKERS_IN_PROCESS = 'false';
    t = await createTestApp({ imports: [NotificationsModule] });
    await t.app.get(CatalogueSeed).run();
    queue = t.app.get<Queue>(getQueueToken('mail'), { strict: false });
    visits = t.app.get(VisitService);
    changes = t.app.get(ReviewChanges);
    const person = await createPerson(t.dataSource, { isAdmin: true });
    admin = { personId: person.id, email: person.email, isAdmin: true };
    f = await createReviewFixture(t.dataSource, {
      status: 'PREPARATION',
      visitStart: '2027-03-10T07:00:00Z',
      visitEnd: '2027-03-14T17:00:00Z',
    });
    for (const [day, hour] of [
      [0, 9],
      [1, 9],
      [2, 9],
    ])
      sessions.push((await visits.schedule(admin, f.reviewId, input(day, hour))).id);
  });
  afterAll(() => t?.close());

  it('plans every reminder, each with a delayed job for its version', async () => {
    const rows = await scheduledRows();
    // 3 sessions × 2 people × 2 offsets, plus the next-assessment reminder of the coordinator.
    expect(rows.filter((r) => r.dedupe_key.includes(':session:'))).toHaveLength(12);
    expect(await withoutJob()).toEqual([]);
  });

  it('moving one session rewrites its reminders only, and queues jobs for those only', async () => {
    const before = new Map((await scheduledRows()).map((r) => [r.dedupe_key, r.version]));
    const jobsBefore = await delayedJobs();
    // Watches what is handed to Redis (the real queue still does the work).
    const addBulk = jest.spyOn(queue, 'addBulk');
    await visits.update(admin, sessions[0], input(3, 14));
    const handed = addBulk.mock.calls.flatMap(([jobs]) => jobs.map((j) => j.opts?.jobId));
    addBulk.mockRestore();
    const after = await scheduledRows();
    const rewritten = after.filter((r) => before.get(r.dedupe_key) !== r.version).map((r) => r.dedupe_key);
    expect(rewritten.sort()).toEqual(
      after
        .filter((r) => r.dedupe_key.includes(sessions[0]))
        .map((r) => r.dedupe_key)
        .sort(),
    );
    expect(rewritten).toHaveLength(4);
    const moved = after.find((r) => r.dedupe_key.endsWith(`${sessions[0]}:${f.people.peer.id}:1d`));
    // The day before is the evening before, 18:00 in the peer's own zone (Europe/Brussels, UTC+1 in March).
    expect(new Date(moved!.due_at).toISOString()).toBe('2027-03-12T17:00:00.000Z');
    // Jobs for the four rewritten rows only, not for all 13 scheduled ones; the stale jobs stay in
    // Redis and do nothing when they wake.
    expect(handed.sort()).toEqual(
      after
        .filter((r) => rewritten.includes(r.dedupe_key))
        .map((r) => sendJobId(r))
        .sort(),
    );
    expect((await delayedJobs()) - jobsBefore).toBe(4);
    expect(await withoutJob()).toEqual([]);
  });

  it('a rolled-back change queues nothing and leaves every row with its job', async () => {
    const jobsBefore = await delayedJobs();
    await expect(
      t.dataSource.transaction(async (m) => {
        await m.query(
          "UPDATE visit_session SET starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour' WHERE id = $1",
          [sessions[1]],
        );
        await changes.changed(m, f.reviewId);
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    // After-commit handlers are awaited by the commit itself, so nothing can still be on its way here.
    expect(await delayedJobs()).toBe(jobsBefore);
    expect(await withoutJob()).toEqual([]);
  });

  it('the batched upsert keeps the rules of a single one: a sent row is left alone, a repeated key counts once (the last)', async () => {
    const outbox = t.app.get(OutboxService);
    const key = `reminder:${f.reviewId}:session:${sessions[0]}:${f.people.leader.id}:7d`;
    await t.dataSource.query("UPDATE outbox_message SET status = 'SENT', sent_at = now() WHERE dedupe_key = $1", [key]);
    const [sent] = await t.dataSource.query('SELECT version, due_at FROM outbox_message WHERE dedupe_key = $1', [key]);
    const message = (dedupeKey: string, dueAt: string) => ({
      dedupeKey,
      template: 'next-assessment',
      recipientEmail: 'x@example.org',
      reviewId: f.reviewId,
      dueAt: new Date(dueAt),
    });
    const changed = await t.dataSource.transaction((m) =>
      outbox.scheduleMany(m, [
        message(key, '2027-01-01T00:00:00Z'),
        message('bench:repeat', '2027-01-01T00:00:00Z'),
        message('bench:repeat', '2027-02-02T00:00:00Z'),
      ]),
    );
    expect(changed).toBe(1);
    const [still] = await t.dataSource.query('SELECT status, version, due_at FROM outbox_message WHERE dedupe_key = $1', [key]);
    expect(still).toEqual({ status: 'SENT', version: sent.version, due_at: sent.due_at });
    const repeated = await t.dataSource.query("SELECT due_at FROM outbox_message WHERE dedupe_key = 'bench:repeat'");
    expect(repeated.map((r: { due_at: Date }) => new Date(r.due_at).toISOString())).toEqual(['2027-02-02T00:00:00.000Z']);
  });
});
