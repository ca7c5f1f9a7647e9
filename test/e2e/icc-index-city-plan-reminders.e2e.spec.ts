import { getQueueToken } from '@nestjs/bullmq';
import { formatInZone, parseInZone } from '@peervisit/review';
import {
  createCity,
  createPerson,
  createTestApp,
  GraphqlClient,
  ranAgain,
  SmtpSink,
  startSmtpSink,
  TEST_PASSWORD,
  TestApp,
  until,
} from '@peervisit/testing';
import type { Queue } from 'bullmq';
import { AppModule } from '../../apps/api/src/app.module';
import { REPORT_INDEX } from './icc-index-report.fixture';

const DAY = 24 * 3600 * 1000;

/**
 * The reminders of a city's own development plan (issue 23: a city with a published Index and no
 * review): the plan-action reminders and escalations of a review's plan, with the Index coordinator
 * in the host coordinator's place, through the real pipeline (outbox, BullMQ jobs, sweeper, renderer,
 * SMTP). Time is moved as in development-plan-reminders.e2e.spec.ts.
 */
describe("the city's own development plan's reminders", () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let coordinator: GraphqlClient;
  let coordinatorPerson: { id: string; email: string };
  let staff: { id: string; email: string };
  let admin: { id: string; email: string };
  let cityId: string;
  let assessmentId: string;
  let actionId: string;
  let dueOn: string;
  let timeZone: string;

  const add = 'mutation($rec: ID!, $input: PlanActionInput!) { addPlanAction(recommendationId: $rec, input: $input) { id reviewId } }';
  const update = 'mutation($a: ID!, $input: PlanActionInput!) { updatePlanAction(actionId: $a, input: $input) { id status } }';
  const rows = (
    keyLike: string,
  ): Promise<{ template: string; recipient_id: string; review_id: string | null; due_at: Date; status: string }[]> =>
    t.dataSource.query(
      'SELECT template, recipient_id, review_id, due_at, status FROM outbox_message WHERE dedupe_key LIKE $1 ORDER BY due_at, dedupe_key',
      [keyLike],
    );
  const dueNow = (keyLike: string) =>
    t.dataSource.query(
      "UPDATE outbox_message SET due_at = now() - interval '1 second', version = version + 1 WHERE dedupe_key LIKE $1 AND status = 'SCHEDULED'",
      [keyLike],
    );
  const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));
  const settled = () => ranAgain(t.app.get<Queue>(getQueueToken('maintenance')), 'sweep-outbox', Date.now(), 2);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    Object.assign(process.env, { SMTP_URL: smtp.url, OUTBOX_RETRY_DELAY_MS: '100', OUTBOX_SWEEP_INTERVAL_MS: '300' });
    t = await createTestApp({ module: AppModule.register({ workers: true }) });
    admin = await createPerson(t.dataSource, { isAdmin: true, fullName: 'Sam Secretariat' });
    const adminClient = await t.gql.signIn(admin.email, TEST_PASSWORD);
    coordinatorPerson = await createPerson(t.dataSource, { fullName: 'Cora Coordinator' });
    coordinator = await t.gql.signIn(coordinatorPerson.email, TEST_PASSWORD);
    cityId = (await createCity(t.dataSource, { name: 'Botkyrka' })).id;
    [{ time_zone: timeZone }] = await t.dataSource.query('SELECT time_zone FROM city WHERE id = $1', [cityId]);
    const [org] = await t.dataSource.query(
      "INSERT INTO organisation (name, kind, city_id) VALUES ($1, 'CITY_ADMINISTRATION', $2) RETURNING id",
      ['Botkyrka municipality', cityId],
    );
    staff = await createPerson(t.dataSource, { fullName: 'Sofia Staff' });
    await t.dataSource.query('UPDATE person SET organisation_id = $1 WHERE id = $2', [org.id, staff.id]);
    await adminClient.ok('mutation($d: JSON!) { importIccIndexDefinition(document: $d, publish: true) { outcome } }', { d: REPORT_INDEX });
    const { startIccIndexAssessment: assessment } = await adminClient.ok(
      'mutation($input: StartIccIndexAssessmentInput!) { startIccIndexAssessment(input: $input) { id } }',
      {
        input: {
          cityId,
          definitionCode: 'REPORT-INDEX',
          dueDate: formatInZone(new Date(Date.now() + 60 * DAY), 'UTC').slice(0, 10),
          coordinatorId: coordinatorPerson.id,
        },
      },
    );
    assessmentId = assessment.id;
    const save =
      'mutation($a: ID!, $q: String!, $input: IccIndexAnswerInput!) { saveIccIndexAnswer(assessmentId: $a, questionCode: $q, input: $input) { version } }';
    await coordinator.ok(save, { a: assessmentId, q: 'M1', input: { number: 1 } });
    await coordinator.ok(save, { a: assessmentId, q: 'L1', input: { option: 'YES' } });
    await coordinator.ok(save, { a: assessmentId, q: 'S1', input: { option: 'NO' } });
    await coordinator.ok('mutation($a: ID!) { submitIccIndexAssessment(assessmentId: $a) { status } }', { a: assessmentId });
    await adminClient.ok(
      'mutation($a: ID!, $t: String!, $i: String) { addIccIndexRecommendation(assessmentId: $a, text: $t, indicatorCode: $i) { id } }',
      { a: assessmentId, t: 'Open a newsroom traineeship for residents born abroad.', i: 'MEDIA' },
    );
    await adminClient.ok('mutation($a: ID!) { publishIccIndexAssessment(assessmentId: $a) { status } }', { a: assessmentId });
    dueOn = formatInZone(new Date(Date.now() + 5 * DAY), timeZone).slice(0, 10);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('an action of the city plan plans the default reminders: responsible, then the Index coordinator, then the secretariat', async () => {
    const [{ id: recommendationId }] = await t.dataSource.query('SELECT id FROM icc_index_recommendation WHERE assessment_id = $1', [
      assessmentId,
    ]);
    const { addPlanAction: action } = await coordinator.ok(add, {
      rec: recommendationId,
      input: {
        description: 'Open a newsroom traineeship',
        owner: 'Communication department',
        responsibleId: staff.id,
        startsOn: formatInZone(new Date(), timeZone).slice(0, 10),
        dueOn,
        term: 'QUICK_WIN',
      },
    });
    expect(action.reviewId).toBeNull();
    actionId = action.id;
    expect(await t.dataSource.query('SELECT id FROM review')).toEqual([]);
    const nine = parseInZone(`${dueOn}T09:00`, timeZone)!.getTime();
    expect(
      (await rows(`city-plan:${cityId}:%`)).map((r) => [r.template, r.recipient_id, r.review_id, r.due_at.toISOString(), r.status]),
    ).toEqual([
      // 7 days before is already past (due in 5 days), beyond the grace: not planned.
      ['plan-action-due', staff.id, null, new Date(nine + DAY).toISOString(), 'SCHEDULED'],
      ['plan-action-escalated', coordinatorPerson.id, null, new Date(nine + 14 * DAY).toISOString(), 'SCHEDULED'],
      ['plan-action-escalated', admin.id, null, new Date(nine + 30 * DAY).toISOString(), 'SCHEDULED'],
    ]);
  });

  it('the real jobs send the overdue reminder to the person responsible and the escalation to the Index coordinator, linking the Index', async () => {
    await dueNow(`city-plan:${cityId}:plan:${actionId}:%`);
    const due = await until('the reminder to the person responsible', async () => mailsTo(staff.email)[0]);
    expect(due.subject).toMatch(/^Overdue since .*: Open a newsroom traineeship$/);
    expect(due.text).toContain('Botkyrka');
    expect(due.text).toContain(`/index/${assessmentId}`);

    await dueNow(`city-plan:${cityId}:plan-escalation:${actionId}:host:%`);
    const host = await until('the escalation to the Index coordinator', async () => mailsTo(coordinatorPerson.email)[0]);
    expect(host.subject).toBe("Overdue action in Botkyrka's development plan: Open a newsroom traineeship");
    expect(host.text).toContain('Sofia Staff is responsible');
    expect(host.text).toContain(`/index/${assessmentId}`);
    expect(host.text).toContain('you coordinate the Intercultural Cities Index of Botkyrka');
    expect((await rows(`city-plan:${cityId}:%`)).map((r) => r.status)).toEqual(['SENT', 'SENT', 'SCHEDULED']);
  });

  it('marking the action done cancels the pending escalation, and nothing more is sent', async () => {
    await coordinator.ok(update, { a: actionId, input: { status: 'DONE', progress: 100 } });
    expect((await rows(`city-plan:${cityId}:%`)).map((r) => r.status)).toEqual(['SENT', 'SENT', 'CANCELLED']);
    await settled();
    expect(mailsTo(admin.email)).toEqual([]);
  });
});
