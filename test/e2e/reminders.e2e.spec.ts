import { getQueueToken } from '@nestjs/bullmq';
import { OutboxService, sendJobId } from '@peervisit/platform';
import { createReviewFixture, createTestApp, GraphqlClient, never, ranAgain, TEST_PASSWORD, TestApp, until } from '@peervisit/testing';
import type { Queue } from 'bullmq';
import { simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { AppModule } from '../../apps/api/src/app.module';

interface Delivered {
  to: string;
  subject: string;
  text: string;
  messageId?: string;
  calendar?: string;
}

/** A real SMTP server that can be told to refuse messages. */
async function startControllableSmtp() {
  const delivered: Delivered[] = [];
  const control = { refuseNext: 0, refuseAll: false, refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (control.refuseAll || control.refuseNext > 0) {
            control.refuseNext = Math.max(0, control.refuseNext - 1);
            control.refused++;
            const error = new Error('Try again later') as Error & { responseCode: number };
            error.responseCode = 451;
            return callback(error);
          }
          // Unfolded (RFC 5545 folds long lines), so tests can look for whole properties.
          const calendar = mail.attachments
            .find((a) => a.contentType.includes('calendar'))
            ?.content.toString('utf8')
            .replace(/\r?\n[ \t]/g, '');
          delivered.push({
            to: (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text ?? '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            messageId: mail.messageId,
            calendar,
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, delivered, control, stop: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Reminders, invites and retries through the real pipeline: outbox rows, BullMQ jobs, the sweeper, SMTP. */
describe('reminders and calendar invites, end to end', () => {
  let smtp: Awaited<ReturnType<typeof startControllableSmtp>>;
  let t: TestApp;
  let f: Awaited<ReturnType<typeof createReviewFixture>>;
  let leader: GraphqlClient;
  let sessionId: string;

  const row = async (keyLike: string) =>
    (await t.dataSource.query('SELECT * FROM outbox_message WHERE dedupe_key LIKE $1 ORDER BY created_at', [keyLike]))[0];
  /** "Time travel": makes scheduled rows due now (a new version, so the sweeper queues a fresh job). */
  const dueNow = (keyLike: string) =>
    t.dataSource.query(
      "UPDATE outbox_message SET due_at = now() - interval '1 second', version = version + 1 WHERE dedupe_key LIKE $1 AND status = 'SCHEDULED'",
      [keyLike],
    );
  const sessionInput = (start: string, end: string) => ({
    kind: 'INTERVIEW',
    title: 'Interview with the mayor',
    start,
    end,
    location: 'City hall',
    assignments: [{ personId: f.people.peer.id, part: 'INTERVIEWER' }],
  });

  beforeAll(async () => {
    smtp = await startControllableSmtp();
    Object.assign(process.env, {
      SMTP_URL: smtp.url,
      OUTBOX_RETRY_DELAY_MS: '100',
      OUTBOX_SWEEP_INTERVAL_MS: '300',
      OUTBOX_MAX_ATTEMPTS: '3',
    });
    t = await createTestApp({ module: AppModule.register({ workers: true }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    f = await createReviewFixture(t.dataSource, {
      status: 'VISIT',
      scope: [1],
      visitStart: '2027-03-10T08:00:00Z',
      visitEnd: '2027-03-12T17:00:00Z',
    });
    leader = await t.gql.signIn(f.people.leader.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('scheduling a session writes its reminders to the outbox: 7 and 1 day before, and the evening nudge', async () => {
    const { scheduleVisitSession } = await leader.ok(
      'mutation($id: ID!, $input: VisitSessionInput!) { scheduleVisitSession(reviewId: $id, input: $input) { id } }',
      {
        id: f.reviewId,
        input: sessionInput('2027-03-10T10:00', '2027-03-10T11:00'),
      },
    );
    sessionId = scheduleVisitSession.id;
    const rows = await t.dataSource.query(
      "SELECT dedupe_key, template, due_at, status FROM outbox_message WHERE dedupe_key LIKE '%' || $1 || '%' ORDER BY due_at",
      [sessionId],
    );
    expect(
      rows.map((r: { dedupe_key: string; due_at: Date; status: string }) => [
        r.dedupe_key.split(':').slice(2).join(':'),
        r.due_at.toISOString(),
        r.status,
      ]),
    ).toEqual([
      [`session:${sessionId}:${f.people.peer.id}:7d`, '2027-03-03T09:00:00.000Z', 'SCHEDULED'],
      // The evening before, 18:00 in the peer's own zone (Europe/Brussels).
      [`session:${sessionId}:${f.people.peer.id}:1d`, '2027-03-09T17:00:00.000Z', 'SCHEDULED'],
      [`nudge:${sessionId}:${f.people.peer.id}`, '2027-03-10T18:00:00.000Z', 'SCHEDULED'],
    ]);
  });

  it('a moved session: the old reminder is never sent, the new one is, with the updated invite', async () => {
    const before = await row(`%session:${sessionId}:%:7d`);
    await leader.ok('mutation($s: ID!, $input: VisitSessionInput!) { updateVisitSession(sessionId: $s, input: $input) { version } }', {
      s: sessionId,
      input: sessionInput('2027-03-11T10:00', '2027-03-11T11:00'),
    });
    const after = await row(`%session:${sessionId}:%:7d`);
    expect(after).toMatchObject({ id: before.id, status: 'SCHEDULED', due_at: new Date('2027-03-04T09:00:00Z') });
    expect(after.version).toBeGreaterThan(before.version);
    // The job made for the old version fires: it finds its row changed and does nothing.
    const outbox = t.app.get(OutboxService);
    await outbox.addJobs([{ id: before.id, version: before.version, dueAt: new Date() }], '-stale-test');
    const mailQueue = t.app.get<Queue>(getQueueToken('mail'));
    const stale = await until('the stale job to finish', async () => {
      const job = await mailQueue.getJob(`${sendJobId(before)}-stale-test`);
      return job && (await job.isCompleted()) ? job : undefined;
    });
    expect(stale.returnvalue).toEqual({ outcome: 'skipped: the row changed, is not due, or is being sent' });
    expect(smtp.delivered).toEqual([]);
    // Its date comes: the reminder goes out for the new time, with the invite at SEQUENCE 2.
    await dueNow(`%session:${sessionId}:%:7d`);
    const mail = await until('the session reminder', async () => smtp.delivered.find((m) => m.calendar));
    expect(mail.to).toBe(f.people.peer.email);
    expect(mail.calendar).toContain('METHOD:REQUEST');
    // In the host city's zone (Oslo, UTC+1 in March), with its VTIMEZONE.
    expect(mail.calendar).toContain('DTSTART;TZID=Europe/Oslo:20270311T100000');
    expect(mail.calendar).toContain('BEGIN:VTIMEZONE');
    expect(mail.calendar).toContain('SEQUENCE:2');
    expect(mail.calendar).toContain(`UID:session-${sessionId}-${f.people.peer.id}@peervisit`);
    expect((await row(`%session:${sessionId}:%:7d`)).status).toBe('SENT');
  });

  it('moving it again after the invite went out sends the update at once', async () => {
    smtp.delivered.length = 0;
    await leader.ok('mutation($s: ID!, $input: VisitSessionInput!) { updateVisitSession(sessionId: $s, input: $input) { version } }', {
      s: sessionId,
      input: sessionInput('2027-03-11T13:00', '2027-03-11T14:00'),
    });
    const update = await until('the invite update', async () => smtp.delivered.find((m) => m.calendar));
    expect(update.calendar).toContain('SEQUENCE:3');
    expect(update.calendar).toContain('DTSTART;TZID=Europe/Oslo:20270311T130000');
  });

  it('a cancelled session: a cancel goes to whoever had the invite, and no reminder follows', async () => {
    smtp.delivered.length = 0;
    await leader.ok('mutation($s: ID!) { cancelVisitSession(sessionId: $s, reason: "The mayor is ill.") { cancelledAt } }', {
      s: sessionId,
    });
    const cancel = await until('the cancellation', async () => smtp.delivered.find((m) => m.calendar?.includes('METHOD:CANCEL')));
    expect(cancel.calendar).toContain('STATUS:CANCELLED');
    const left = await t.dataSource.query("SELECT dedupe_key, status FROM outbox_message WHERE dedupe_key LIKE 'reminder:%' || $1 || '%'", [
      sessionId,
    ]);
    expect(left.filter((r: { status: string }) => r.status === 'SCHEDULED')).toEqual([]);
    await dueNow(`reminder:%${sessionId}%`);
    // The sweeper queues any due scheduled row: once it has looked twice, a reminder would be on its way.
    const maintenanceQueue = t.app.get<Queue>(getQueueToken('maintenance'));
    await never('a reminder after the cancellation', ranAgain(maintenanceQueue, 'sweep-outbox', Date.now(), 2), () =>
      smtp.delivered.filter((m) => m !== cancel),
    );
    expect(smtp.delivered).toHaveLength(1);
  });

  it('the SMTP server refusing the first attempts: delivered after retries', async () => {
    smtp.delivered.length = 0;
    smtp.control.refuseNext = 2;
    await t.gql.ok(`mutation { requestPasswordReset(email: "${f.people.coordinator.email}") }`);
    const mail = await until('the reset after retries', async () => smtp.delivered.find((m) => m.to === f.people.coordinator.email));
    expect(mail.subject).toMatch(/password/i);
    const sent = await until('the row to be sent', async () => {
      const r = await row('notice:password-reset:%');
      return r?.status === 'SENT' ? r : undefined;
    });
    expect(sent.attempts).toBe(3);
    // The one-time code is not kept once delivered.
    expect(sent.data.secret).toBeUndefined();
  });

  it('the SMTP server refusing every attempt: the row fails, is listed for admins, and an admin retry sends it', async () => {
    smtp.delivered.length = 0;
    smtp.control.refuseAll = true;
    await t.gql.ok(`mutation { requestPasswordReset(email: "${f.people.contributor.email}") }`);
    const failed = await until('the row to fail', async () => {
      const rows = await t.dataSource.query("SELECT * FROM outbox_message WHERE recipient_email = $1 AND status = 'FAILED'", [
        f.people.contributor.email,
      ]);
      return rows[0];
    });
    expect(failed).toMatchObject({ attempts: 3, last_error: expect.stringContaining('Try again later') });
    const { createPerson } = await import('@peervisit/testing');
    const admin = await t.gql.signIn((await createPerson(t.dataSource, { isAdmin: true })).email, TEST_PASSWORD);
    const listed = await admin.ok(
      '{ outboxMessages(status: FAILED) { totalCount nodes { id template recipientEmail attempts lastError } } }',
    );
    expect(listed.outboxMessages.nodes).toEqual([
      {
        id: failed.id,
        template: 'password-reset',
        recipientEmail: f.people.contributor.email,
        attempts: 3,
        lastError: expect.stringContaining('451'),
      },
    ]);
    expect((await leader.request('{ outboxMessages { totalCount } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    smtp.control.refuseAll = false;
    await admin.ok('mutation($id: ID!) { retryOutboxMessage(id: $id) { status } }', { id: failed.id });
    await until('the retried message', async () => smtp.delivered.find((m) => m.to === f.people.contributor.email));
    expect(
      (await admin.ok('{ outboxMessages(status: SENT) { nodes { id } } }')).outboxMessages.nodes.map((n: { id: string }) => n.id),
    ).toContain(failed.id);
  });

  it('optional reminders can be turned off; the reminder is then cancelled, not sent', async () => {
    smtp.delivered.length = 0;
    const peer = await t.gql.signIn(f.people.peer2.email, TEST_PASSWORD);
    await peer.ok('mutation { setMyOptionalReminders(enabled: false) { optionalRemindersOff } }');
    const { scheduleVisitSession } = await leader.ok(
      'mutation($id: ID!, $input: VisitSessionInput!) { scheduleVisitSession(reviewId: $id, input: $input) { id } }',
      {
        id: f.reviewId,
        input: {
          ...sessionInput('2027-03-12T10:00', '2027-03-12T11:00'),
          assignments: [{ personId: f.people.peer2.id, part: 'NOTE_TAKER' }],
        },
      },
    );
    await dueNow(`%session:${scheduleVisitSession.id}:%:7d`);
    const cancelled = await until('the reminder to be cancelled', async () => {
      const r = await row(`%session:${scheduleVisitSession.id}:%:7d`);
      return r?.status === 'CANCELLED' ? r : undefined;
    });
    expect(cancelled.last_error).toBe('the recipient turned optional reminders off');
    expect(smtp.delivered).toEqual([]);
  });

  it('the expert leader edits a reminder rule; the outbox follows', async () => {
    const rules = await leader.ok(
      'mutation($r: ID!) { setReminderRule(reviewId: $r, kind: VISIT_SESSION, enabled: true, offsets: [2]) { kind offsets } }',
      { r: f.reviewId },
    );
    expect(rules.setReminderRule.find((r: { kind: string }) => r.kind === 'VISIT_SESSION').offsets).toEqual([2]);
    const keys = (
      await t.dataSource.query(
        "SELECT dedupe_key FROM outbox_message WHERE review_id = $1 AND status = 'SCHEDULED' AND dedupe_key LIKE '%:session:%'",
        [f.reviewId],
      )
    ).map((r: { dedupe_key: string }) => r.dedupe_key.split(':').pop());
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys)).toEqual(new Set(['2d']));
  });

  it('each person has a private calendar feed of their sessions', async () => {
    const peer = await t.gql.signIn(f.people.peer2.email, TEST_PASSWORD);
    const { resetMyCalendarFeed } = await peer.ok('mutation { resetMyCalendarFeed { url } }');
    const path = new URL(resetMyCalendarFeed.url).pathname;
    const response = await fetch(`${t.url}${path}`);
    expect(response.status).toBe(200);
    const feed = await response.text();
    expect(feed).toContain('BEGIN:VCALENDAR');
    // The session at 09:00 UTC, in the host city's zone (Oslo, UTC+1 in March), with that zone's rules.
    expect(feed).toContain('DTSTART;TZID=Europe/Oslo:20270312T100000');
    expect(feed).toContain('BEGIN:VTIMEZONE');
    const again = await peer.ok('mutation { resetMyCalendarFeed { url } }');
    expect(again.resetMyCalendarFeed.url).not.toBe(resetMyCalendarFeed.url);
    expect((await fetch(`${t.url}${path}`)).status).toBe(404);
  });
  it('self-assessment reminders: the coordinator hears of every open entry, a contributor only of those assigned to them', async () => {
    smtp.delivered.length = 0;
    const g = await createReviewFixture(t.dataSource, { status: 'SELF_ASSESSMENT', scope: [1, 2] });
    const gLeader = await t.gql.signIn(g.people.leader.email, TEST_PASSWORD);
    await gLeader.ok(
      'mutation($r: ID!) { updateReview(reviewId: $r, input: { timeline: { selfAssessmentDue: "2027-02-20T16:00" } }) { id } }',
      { r: g.reviewId },
    );
    // Nothing assigned to the contributor yet: their reminder is dropped at send time.
    await dueNow(`reminder:${g.reviewId}:self-assessment:${g.people.contributor.id}:14d`);
    const skipped = await until('the contributor reminder to be skipped', async () => {
      const r = await row(`reminder:${g.reviewId}:self-assessment:${g.people.contributor.id}:14d`);
      return r?.status === 'CANCELLED' ? r : undefined;
    });
    expect(skipped.last_error).toBe('no open self-assessment entries are assigned to the recipient');
    const coordinator = await t.gql.signIn(g.people.coordinator.email, TEST_PASSWORD);
    await coordinator.ok(
      'mutation($r: ID!, $kf: ID!, $who: ID) { assignSelfAssessmentEntry(reviewId: $r, keyFactorId: $kf, assigneeId: $who) { id } }',
      {
        r: g.reviewId,
        kf: g.keyFactors[1].id,
        who: g.people.contributor.id,
      },
    );
    await dueNow(`reminder:${g.reviewId}:self-assessment:%:3d`);
    const toCoordinator = await until('the coordinator reminder', async () =>
      smtp.delivered.find((m) => m.to === g.people.coordinator.email),
    );
    const toContributor = await until('the contributor reminder', async () =>
      smtp.delivered.find((m) => m.to === g.people.contributor.email),
    );
    expect(toCoordinator.text).toContain('01');
    expect(toCoordinator.text).toContain('02');
    expect(toContributor.text).toContain('02');
    expect(toContributor.text).not.toMatch(/\b01\b/);
  });
});
