import { getQueueToken } from '@nestjs/bullmq';
import { formatInZone, parseInZone } from '@peervisit/review';
import {
  createPerson,
  createReviewFixture,
  createTestApp,
  GraphqlClient,
  never,
  ranAgain,
  SmtpSink,
  startSmtpSink,
  TEST_PASSWORD,
  TestApp,
  until,
} from '@peervisit/testing';
import type { Queue } from 'bullmq';
import { AppModule } from '../../apps/api/src/app.module';

const DAY = 24 * 3600 * 1000;

/**
 * The development plan's reminders and the report's due date, through the real pipeline: outbox
 * rows planned in the change's transaction, BullMQ jobs, the sweeper, the renderer, SMTP. Time is
 * moved as in reminders.e2e.spec.ts: a planned row is made due now (a new version, so the sweeper
 * queues a fresh job) and the real job sends it.
 */
describe('development plan reminders, end to end', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let f: Awaited<ReturnType<typeof createReviewFixture>>;
  let admin: { id: string; email: string };
  const as = {} as Record<'leader' | 'coordinator' | 'contributor', GraphqlClient>;
  let recommendationId: string;
  let actionId: string;
  let dueOn: string;

  const add = 'mutation($r: ID!, $input: PlanActionInput!) { addPlanAction(recommendationId: $r, input: $input) { id version } }';
  const update = 'mutation($a: ID!, $input: PlanActionInput!) { updatePlanAction(actionId: $a, input: $input) { id version } }';
  const rows = (keyLike: string): Promise<{ dedupe_key: string; template: string; recipient_id: string; due_at: Date; status: string }[]> =>
    t.dataSource.query(
      'SELECT dedupe_key, template, recipient_id, due_at, status FROM outbox_message WHERE dedupe_key LIKE $1 ORDER BY due_at, dedupe_key',
      [keyLike],
    );
  /** "Time travel": makes scheduled rows due now (a new version, so the sweeper queues a fresh job). */
  const dueNow = (keyLike: string) =>
    t.dataSource.query(
      "UPDATE outbox_message SET due_at = now() - interval '1 second', version = version + 1 WHERE dedupe_key LIKE $1 AND status = 'SCHEDULED'",
      [keyLike],
    );
  const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));
  /** The sweeper (which queues any due scheduled row) has looked twice since now: anything due would be on its way. */
  const settled = () => ranAgain(t.app.get<Queue>(getQueueToken('maintenance')), 'sweep-outbox', Date.now(), 2);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    Object.assign(process.env, { SMTP_URL: smtp.url, OUTBOX_RETRY_DELAY_MS: '100', OUTBOX_SWEEP_INTERVAL_MS: '300' });
    t = await createTestApp({ module: AppModule.register({ workers: true }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    admin = await createPerson(t.dataSource, { isAdmin: true, fullName: 'Sam Secretariat' });
    f = await createReviewFixture(t.dataSource, { status: 'FEEDBACK', scope: [1] });
    for (const who of ['leader', 'coordinator', 'contributor'] as const) as[who] = await t.gql.signIn(f.people[who].email, TEST_PASSWORD);
    const [row] = await t.dataSource.query(
      `INSERT INTO recommendation (review_id, text, key_factor_ids, priority, horizon, created_by_id, host_response)
       VALUES ($1, 'Publish a diversity statement.', $2, 'HIGH', 'QUICK_WIN', $3, 'ACCEPTED') RETURNING id`,
      [f.reviewId, [f.keyFactors[0].id], f.people.leader.id],
    );
    recommendationId = row.id;
    dueOn = formatInZone(new Date(Date.now() + 10 * DAY), 'Europe/Oslo').slice(0, 10);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('an action plans its reminders: the person responsible 7 days before and the day after, then the coordinator, then the secretariat', async () => {
    const added = await as.coordinator.ok(add, {
      r: recommendationId,
      input: {
        description: 'Publish the statement online',
        owner: 'Communications department',
        responsibleId: f.people.contributor.id,
        startsOn: formatInZone(new Date(), 'Europe/Oslo').slice(0, 10),
        dueOn,
        term: 'QUICK_WIN',
      },
    });
    actionId = added.addPlanAction.id;
    const nine = parseInZone(`${dueOn}T09:00`, 'Europe/Oslo')!.getTime();
    expect((await rows(`%plan%${actionId}%`)).map((r) => [r.template, r.recipient_id, r.due_at.toISOString(), r.status])).toEqual([
      ['plan-action-due', f.people.contributor.id, new Date(nine - 7 * DAY).toISOString(), 'SCHEDULED'],
      ['plan-action-due', f.people.contributor.id, new Date(nine + DAY).toISOString(), 'SCHEDULED'],
      ['plan-action-escalated', f.people.coordinator.id, new Date(nine + 14 * DAY).toISOString(), 'SCHEDULED'],
      ['plan-action-escalated', admin.id, new Date(nine + 30 * DAY).toISOString(), 'SCHEDULED'],
    ]);
  });

  it('as each moment comes, the real job sends it: reminder, overdue reminder, then the escalations, once each', async () => {
    await dueNow(`%plan:${actionId}:%:7d`);
    const before = await until('the reminder before the due day', async () => mailsTo(f.people.contributor.email)[0]);
    expect(before.subject).toMatch(/^Due .*: Publish the statement online$/);
    expect(before.text).toContain('Communications department');

    await dueNow(`%plan:${actionId}:%:-1d`);
    const overdue = await until('the overdue reminder', async () => mailsTo(f.people.contributor.email)[1]);
    expect(overdue.subject).toMatch(/^Overdue since /);

    await dueNow(`%plan-escalation:${actionId}:host:%`);
    const host = await until('the escalation to the coordinator', async () => mailsTo(f.people.coordinator.email)[0]);
    expect(host.subject).toMatch(/^Overdue action in .*'s development plan: Publish the statement online$/);
    expect(host.text).toContain('Carl Contributor is responsible');

    await dueNow(`%plan-escalation:${actionId}:secretariat:%`);
    const secretariat = await until('the escalation to the secretariat', async () => mailsTo(admin.email)[0]);
    expect(secretariat.text).toContain('network secretariat');
    expect(secretariat.text).toContain(`/reviews/${f.reviewId}/plan`);

    // A later change plans the reminders again: the sent ones stay sent, and nothing goes twice.
    await as.contributor.ok(update, { a: actionId, input: { progress: 30, note: 'Drafted.' } });
    expect((await rows(`%plan%${actionId}%`)).map((r) => r.status)).toEqual(['SENT', 'SENT', 'SENT', 'SENT']);
    await never('a second copy of any of them', settled(), () =>
      [f.people.contributor.email, f.people.coordinator.email, admin.email].filter(
        (email) => mailsTo(email).length !== (email === f.people.contributor.email ? 2 : 1),
      ),
    );
  });

  it('a done action is not chased: its planned reminders are cancelled, and one already queued is dropped at send time', async () => {
    const second = await as.coordinator.ok(add, {
      r: recommendationId,
      input: {
        description: 'Train the front desk',
        owner: 'HR department',
        responsibleId: f.people.coordinator.id,
        startsOn: formatInZone(new Date(), 'Europe/Oslo').slice(0, 10),
        dueOn,
        term: 'LONGER_TERM',
      },
    });
    const id = second.addPlanAction.id;
    expect((await rows(`%plan%${id}%`)).every((r) => r.status === 'SCHEDULED')).toBe(true);
    const sentBefore = smtp.received.length;
    await as.coordinator.ok(update, { a: id, input: { status: 'DONE' } });
    expect((await rows(`%plan%${id}%`)).map((r) => r.status)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED', 'CANCELLED']);
    // As if its job had been queued before the change: the renderer finds the action done and drops it.
    await t.dataSource.query(
      "UPDATE outbox_message SET status = 'SCHEDULED', last_error = NULL, due_at = now() - interval '1 second', version = version + 1 WHERE dedupe_key LIKE $1",
      [`%plan:${id}:%:7d`],
    );
    const dropped = await until('the renderer to drop it', async () => {
      const [row] = await t.dataSource.query('SELECT status, last_error FROM outbox_message WHERE dedupe_key LIKE $1', [
        `%plan:${id}:%:7d`,
      ]);
      return row.status === 'CANCELLED' && row.last_error ? row : undefined;
    });
    expect(dropped.last_error).toBe('the action is done');
    expect(smtp.received.length).toBe(sentBefore);
  });

  it('offsets may now be negative (days after the date), but not for rules counted in months; out of range is refused', async () => {
    const set =
      'mutation($r: ID!, $k: ReminderRuleKind!, $o: [Float!]!) { setReminderRule(reviewId: $r, kind: $k, enabled: true, offsets: $o) { kind offsets } }';
    const rules = await as.leader.ok(set, { r: f.reviewId, k: 'PLAN_ACTION_ESCALATE_HOST', o: [-7, -21] });
    expect(rules.setReminderRule.find((r: { kind: string }) => r.kind === 'PLAN_ACTION_ESCALATE_HOST').offsets).toEqual([-7, -21]);
    const months = await as.leader.request(set, { r: f.reviewId, k: 'NEXT_ASSESSMENT', o: [-1] });
    expect(months.errors?.[0]).toMatchObject({
      message: 'Offsets of this rule are months after the date: numbers from 0 to 1200.',
      extensions: { code: 'BAD_USER_INPUT', problems: [{ path: 'offsets', message: 'out of range: -1' }] },
    });
    const far = await as.leader.request(set, { r: f.reviewId, k: 'PLAN_ACTION_DUE', o: [3, -1300] });
    expect(far.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'offsets', message: 'out of range: -1300' }],
    });
    expect(
      await t.dataSource.query("SELECT kind FROM reminder_rule WHERE review_id = $1 AND kind IN ('NEXT_ASSESSMENT', 'PLAN_ACTION_DUE')", [
        f.reviewId,
      ]),
    ).toEqual([]);
    // The open action's escalations are planned again at once: the new offsets scheduled, the one already sent kept as sent.
    const nine = parseInZone(`${dueOn}T09:00`, 'Europe/Oslo')!.getTime();
    const escalations = await rows(`%plan-escalation:${actionId}:host:%`);
    expect(escalations.map((r) => [r.dedupe_key.split(':').pop(), r.status]).sort()).toEqual([
      ['-14d', 'SENT'],
      ['-21d', 'SCHEDULED'],
      ['-7d', 'SCHEDULED'],
    ]);
    expect(escalations.filter((r) => r.status === 'SCHEDULED').map((r) => r.due_at.toISOString())).toEqual([
      new Date(nine + 7 * DAY).toISOString(),
      new Date(nine + 21 * DAY).toISOString(),
    ]);
  });

  it("the report's due date: the leader is reminded before it, the secretariat when it passes", async () => {
    const reportDue = formatInZone(new Date(Date.now() + 20 * DAY), 'Europe/Oslo').slice(0, 16);
    await as.leader.ok('mutation($r: ID!, $d: String) { updateReview(reviewId: $r, input: { timeline: { reportDue: $d } }) { id } }', {
      r: f.reviewId,
      d: reportDue,
    });
    const at = parseInZone(reportDue, 'Europe/Oslo')!.getTime();
    expect((await rows('%report-%')).map((r) => [r.template, r.recipient_id, r.due_at.toISOString()])).toEqual([
      ['report-due', f.people.leader.id, new Date(at - 14 * DAY).toISOString()],
      ['report-due', f.people.leader.id, new Date(at - 3 * DAY).toISOString()],
      ['report-overdue', admin.id, new Date(at).toISOString()],
    ]);
    await dueNow('%report-due:%:14d');
    const leaderMail = await until('the report reminder', async () => mailsTo(f.people.leader.email)[0]);
    expect(leaderMail.subject).toMatch(/^Report due /);
    await dueNow('%report-overdue:%');
    const late = await until('the secretariat told', async () => mailsTo(admin.email).find((m) => m.subject.startsWith('Report overdue')));
    expect(late.text).toContain('Lena Leader leads the peer team');
  });
});
