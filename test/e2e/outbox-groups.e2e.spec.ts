import { getQueueToken } from '@nestjs/bullmq';
import { MESSAGE_RENDERER, MessageRenderer, OutboxService, sendJobId } from '@peervisit/platform';
import { OutboxMessage } from '@peervisit/platform/entities';
import { countQueries, createTestApp, SmtpSink, startSmtpSink, TestApp, until } from '@peervisit/testing';
import type { Queue } from 'bullmq';
import { Client } from 'pg';
import { AppModule } from '../../apps/api/src/app.module';

const PEOPLE = 30;
const SESSIONS = 2;
const LOCALES = ['en-GB', 'fr-FR', 'de-DE'];
const ZONES = ['Europe/Oslo', 'America/New_York', 'Asia/Tokyo'];
const OPTED_OUT = 'group-2@example.org';
/** An invite as a parser reads it: unfolded, LF line ends, without DTSTAMP (the time it was made). */
const invite = (ics: string | undefined) =>
  (ics ?? '')
    .replace(/\r?\n[ \t]/g, '')
    .replace(/\r\n/g, '\n')
    .replace(/^DTSTAMP:.*\n/m, '')
    .trim();

/**
 * Due messages sent at the same time go through grouped statements (OutboxSender: one claim and one
 * mark per group; NotificationsRenderer: one read per kind of thing). Each message must still be
 * the one it would be alone — its recipient's language, zone and invite — and each row must end as
 * it would alone: sent once, or cancelled, or waited for while another transaction holds it.
 */
describe('due messages sent together', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let outbox: OutboxService;
  let mail: Queue;
  let reviewId: string;

  const rows = (where = 'TRUE', params: Record<string, unknown> = {}) =>
    t.dataSource.getRepository(OutboxMessage).createQueryBuilder('m').where(where, params).orderBy('m.dedupeKey').getMany();
  const statuses = async (ids: string[]) =>
    Object.fromEntries(
      (
        await t.dataSource.query(`SELECT status, count(*)::int AS n FROM outbox_message WHERE id = ANY($1::uuid[]) GROUP BY status`, [ids])
      ).map((r: { status: string; n: number }) => [r.status, r.n]),
    ) as Record<string, number>;
  /** Makes rows due now again, as a new version (as a reschedule would). */
  const dueAgain = (ids: string[]) =>
    t.dataSource.query(
      `UPDATE outbox_message SET status = 'SCHEDULED', version = version + 1, attempts = 0, due_at = now() WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  const sendable = async (count: number) =>
    (await rows('m.reviewId = :reviewId AND m.recipientEmail <> :optedOut', { reviewId, optedOut: OPTED_OUT })).slice(0, count);
  const copies = (messageId: string) => sink.deliveries.filter((d) => d.outcome === 'accepted' && d.mail.messageId === messageId).length;

  beforeAll(async () => {
    sink = await startSmtpSink();
    Object.assign(process.env, { SMTP_URL: sink.url, OUTBOX_SWEEP_INTERVAL_MS: '600000' });
    t = await createTestApp({ module: AppModule.register({ workers: true }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    outbox = t.app.get(OutboxService);
    mail = t.app.get<Queue>(getQueueToken('mail'));
    reviewId = await t.dataSource.transaction(async (m) => {
      const [benchmark] = await m.query("SELECT id FROM benchmark WHERE code = 'EUROCITIES-PCD' ORDER BY version DESC LIMIT 1");
      const [city] = await m.query("INSERT INTO city (name, country, time_zone) VALUES ('Groupville', 'NO', 'Europe/Oslo') RETURNING id");
      const people: { id: string }[] = await m.query(
        `INSERT INTO person (email, full_name, locale, time_zone)
         SELECT 'group-' || g || '@example.org', 'Group Person ' || g, ($2::text[])[1 + g % 3], ($3::text[])[1 + g % 3]
           FROM generate_series(1, $1::int) g RETURNING id`,
        [PEOPLE, LOCALES, ZONES],
      );
      const [review] = await m.query(
        `INSERT INTO review (title, kind, host_city_id, benchmark_id, status, visit_starts_at, visit_ends_at, created_by_id)
         VALUES ('Grouped sends', 'PEER_REVIEW', $1, $2, 'VISIT', '2027-03-10T08:00:00Z', '2027-03-12T17:00:00Z', $3) RETURNING id`,
        [city.id, benchmark.id, people[0].id],
      );
      await m.query(`INSERT INTO team_member (review_id, person_id, role) SELECT $1, p, 'PEER' FROM unnest($2::uuid[]) p`, [
        review.id,
        people.map((p) => p.id),
      ]);
      await m.query(
        `INSERT INTO visit_session (review_id, kind, title, starts_at, ends_at, created_by_id, location)
         SELECT $1, 'INTERVIEW', 'Interview ' || g, timestamptz '2027-03-10T09:00:00Z' + g * interval '2 hours',
                timestamptz '2027-03-10T10:00:00Z' + g * interval '2 hours', $2, 'Room ' || g
           FROM generate_series(1, $3::int) g`,
        [review.id, people[0].id, SESSIONS],
      );
      await m.query(
        `INSERT INTO session_assignment (session_id, person_id, part)
         SELECT s.id, p, 'PARTICIPANT' FROM visit_session s CROSS JOIN unnest($2::uuid[]) p WHERE s.review_id = $1`,
        [review.id, people.map((p) => p.id)],
      );
      // One of them turned optional reminders off: that row is cancelled, in the same groups as the others.
      await m.query(`UPDATE person SET optional_reminders_off = true WHERE email = $1`, [OPTED_OUT]);
      await m.query(
        `INSERT INTO outbox_message (dedupe_key, template, recipient_id, recipient_email, review_id, data, optional, due_at, message_id)
         SELECT 'group:' || s.title || ':' || p.email, 'session-reminder', p.id, p.email, $1::uuid,
                jsonb_build_object('sessionId', s.id, 'daysBefore', 1), true, now() + interval '1 day', '<' || gen_random_uuid() || '@peervisit>'
           FROM visit_session s JOIN session_assignment a ON a.session_id = s.id JOIN person p ON p.id = a.person_id
          WHERE s.review_id = $1::uuid`,
        [review.id],
      );
      return review.id as string;
    });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('60 session reminders due at once: claimed and marked in groups, each email as it would be alone, the opted-out one cancelled', async () => {
    await t.dataSource.query(`UPDATE outbox_message SET due_at = now() WHERE review_id = $1`, [reviewId]);
    const due = await rows('m.reviewId = :reviewId', { reviewId });
    expect(due).toHaveLength(PEOPLE * SESSIONS);
    const ids = due.map((r) => r.id);

    const { statements } = await countQueries(t.dataSource, async () => {
      await outbox.addJobs(due);
      await until('every row sent or cancelled', async () => {
        const s = await statuses(ids);
        return (s.SENT ?? 0) + (s.CANCELLED ?? 0) === ids.length;
      });
    });
    expect(await statuses(ids)).toEqual({ SENT: PEOPLE * SESSIONS - SESSIONS, CANCELLED: SESSIONS });
    const claims = statements.filter((sql) => /UPDATE outbox_message m SET status = 'SENDING'/.test(sql)).length;
    const marks = statements.filter((sql) => /UPDATE outbox_message m SET status = 'SENT'/.test(sql)).length;
    console.log(`outbox-groups: ${due.length} messages, ${claims} claim and ${marks} mark statements`);
    // Groups form as the jobs arrive (16 at a time at most); alone, each message would take one of each.
    expect(claims).toBeGreaterThan(0);
    expect(claims).toBeLessThan(due.length);
    expect(marks).toBeLessThan(due.length - SESSIONS);

    const renderer = t.app.get<MessageRenderer>(MESSAGE_RENDERER, { strict: false });
    const sent = await rows('m.reviewId = :reviewId', { reviewId });
    for (const row of sent) {
      if (row.status === 'CANCELLED') {
        expect(row.lastError).toBe('the recipient turned optional reminders off');
        expect(copies(row.messageId)).toBe(0);
        continue;
      }
      expect(row).toMatchObject({ status: 'SENT', attempts: 1 });
      expect(copies(row.messageId)).toBe(1);
      const delivered = sink.received.find((m) => m.messageId === row.messageId)!;
      // Rendered alone now, the same row gives the same email (the invite's DTSTAMP aside).
      const alone = await renderer.render(row);
      if ('skip' in alone) throw new Error(`skipped: ${alone.skip}`);
      expect(delivered.subject).toBe(alone.subject);
      expect(delivered.text.trim()).toBe(alone.text.trim());
      expect(delivered.to).toContain(row.recipientEmail);
      expect(delivered.calendar?.toLowerCase()).toContain(`mailto:${row.recipientEmail}`);
      expect(invite(delivered.calendar)).toBe(invite(alone.icalEvent?.content));
    }
    // Each language came out: the three locales' subjects differ.
    expect(
      new Set(sent.filter((r) => r.status === 'SENT').map((r) => sink.received.find((m) => m.messageId === r.messageId)!.subject)).size,
    ).toBeGreaterThanOrEqual(LOCALES.length);
  }, 120000);

  it('a row another transaction holds is not skipped: its job waits for it and sends it once, after the others', async () => {
    await dueAgain((await sendable(4)).map((r) => r.id));
    const [held, ...others] = await sendable(4);
    const holder = new Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM outbox_message WHERE id = $1 FOR UPDATE', [held.id]);
      await outbox.addJobs([held, ...others]);
      await until('the rows not held to be sent', async () => (await statuses(others.map((r) => r.id))).SENT === others.length);
      // Its job runs (the grouped claim skipped the row; the single-row claim waits for the lock).
      await until('its job to be running', async () => (await (await mail.getJob(sendJobId(held)))?.getState()) === 'active');
      expect(await statuses([held.id])).toEqual({ SCHEDULED: 1 });
      await holder.query('COMMIT');
    } finally {
      await holder.end();
    }
    await until('the held row to be sent', async () => (await statuses([held.id])).SENT === 1);
    expect(copies(held.messageId)).toBe(2); // once in the first test, once now (a new version)
  }, 60000);

  it('two jobs for the same row in one group: one sends it, the other finds it taken', async () => {
    await dueAgain([(await sendable(1))[0].id]);
    const [row] = await sendable(1);
    const before = copies(row.messageId);
    await Promise.all([outbox.addJobs([row]), outbox.addJobs([row], '-again')]);
    await until('both jobs to finish', async () => {
      const states = await Promise.all([sendJobId(row), `${sendJobId(row)}-again`].map(async (id) => (await mail.getJob(id))?.getState()));
      return states.every((s) => s === 'completed');
    });
    expect(copies(row.messageId)).toBe(before + 1);
    expect((await rows('m.id = :id', { id: row.id }))[0]).toMatchObject({ status: 'SENT', attempts: 1 });
  }, 60000);
});
