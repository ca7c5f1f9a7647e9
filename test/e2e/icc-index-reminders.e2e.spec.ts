import { getQueueToken } from '@nestjs/bullmq';
import { formatInZone, parseInZone } from '@peervisit/review';
import {
  createCity,
  createPerson,
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
const ZONE = 'Europe/Oslo';
const day = (offsetDays: number) => formatInZone(new Date(Date.now() + offsetDays * DAY), ZONE).slice(0, 10);
const nineOn = (date: string) => parseInZone(`${date}T09:00`, ZONE)!.getTime();

/** Two indicators, two questions each: the coordinator assigns one indicator to a contributor. */
const REMINDER_INDEX = {
  code: 'REMINDER-INDEX',
  title: { en: 'Reminder Index' },
  source: { organisation: 'PeerVisit', attribution: 'Test fixture written by PeerVisit.' },
  indicators: ['EDUCATION', 'MEDIA'].map((code, i) => ({
    code,
    number: i + 1,
    name: { en: code === 'EDUCATION' ? 'Education system' : 'Media' },
    weight: 1,
    questions: [1, 2].map((n) => ({
      code: `${code}-${n}`,
      text: { en: `${code} question ${n}` },
      type: 'PERCENTAGE',
      dataType: 'FACT',
      thresholds: [
        { min: 0, points: 0 },
        { min: 50, points: 1 },
      ],
    })),
  })),
};

/**
 * An Index assessment's reminders through the real pipeline (outbox rows planned in the change's
 * transaction, BullMQ jobs, the sweeper, the renderer, SMTP), time moved as in
 * development-plan-reminders.e2e.spec.ts: a planned row is made due now and the real job sends it.
 */
describe('Index reminders, end to end', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let admin: { id: string; email: string };
  const people = {} as Record<'coordinator' | 'contributor' | 'expert', { id: string; email: string }>;
  const as = {} as Record<'admin' | 'coordinator' | 'contributor', GraphqlClient>;
  let cityId: string;
  let assessmentId: string;
  const dueDate = day(20);
  const analysisDueDate = day(80);

  const rows = (keyLike: string): Promise<{ dedupe_key: string; template: string; recipient_id: string; due_at: Date; status: string }[]> =>
    t.dataSource.query(
      'SELECT dedupe_key, template, recipient_id, due_at, status FROM outbox_message WHERE dedupe_key LIKE $1 ORDER BY due_at, dedupe_key',
      [keyLike],
    );
  const dueNow = (keyLike: string) =>
    t.dataSource.query(
      "UPDATE outbox_message SET due_at = now() - interval '1 second', version = version + 1 WHERE dedupe_key LIKE $1 AND status = 'SCHEDULED'",
      [keyLike],
    );
  const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));
  const settled = () => ranAgain(t.app.get<Queue>(getQueueToken('maintenance')), 'sweep-outbox', Date.now(), 2);
  const save = (who: GraphqlClient, q: string, n: number) =>
    who.ok(
      'mutation($a: ID!, $q: String!, $n: Float) { saveIccIndexAnswer(assessmentId: $a, questionCode: $q, input: { number: $n }) { id } }',
      { a: assessmentId, q, n },
    );
  const key = (rest: string) => `icc-index-reminder:${assessmentId}:${rest}`;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    Object.assign(process.env, { SMTP_URL: smtp.url, OUTBOX_RETRY_DELAY_MS: '100', OUTBOX_SWEEP_INTERVAL_MS: '300' });
    t = await createTestApp({ module: AppModule.register({ workers: true }) });
    admin = await createPerson(t.dataSource, { isAdmin: true, fullName: 'Sam Secretariat' });
    people.coordinator = await createPerson(t.dataSource, { fullName: 'Cora Coordinator' });
    people.contributor = await createPerson(t.dataSource, { fullName: 'Eddie Education' });
    people.expert = await createPerson(t.dataSource, { fullName: 'Xena Expert' });
    as.admin = await t.gql.signIn(admin.email, TEST_PASSWORD);
    as.coordinator = await t.gql.signIn(people.coordinator.email, TEST_PASSWORD);
    as.contributor = await t.gql.signIn(people.contributor.email, TEST_PASSWORD);
    await as.admin.ok('mutation($d: JSON!) { importIccIndexDefinition(document: $d, publish: true) { outcome } }', { d: REMINDER_INDEX });
    cityId = (await createCity(t.dataSource, { name: 'Ljubljana', country: 'SI', timeZone: ZONE })).id;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('a timeline with an analysis due date after the questionnaire; a date that is not one is refused, nothing started', async () => {
    const start = 'mutation($input: StartIccIndexAssessmentInput!) { startIccIndexAssessment(input: $input) { id analysisDueDate } }';
    const input = {
      cityId,
      definitionCode: 'REMINDER-INDEX',
      dueDate,
      coordinatorId: people.coordinator.id,
      expertIds: [people.expert.id],
    };
    const bad = await as.admin.request(start, { input: { ...input, analysisDueDate: day(10) } });
    expect(bad.errors?.[0].extensions?.problems).toEqual([
      { path: 'analysisDueDate', message: `must be after the questionnaire's due date (${dueDate})` },
    ]);
    expect(await t.dataSource.query('SELECT id FROM icc_index_assessment')).toEqual([]);
    const { startIccIndexAssessment: a } = await as.admin.ok(start, { input: { ...input, analysisDueDate } });
    expect(a.analysisDueDate).toBe(analysisDueDate);
    assessmentId = a.id;
  });

  it('plans the coordinator before the due date, the secretariat after it, and the experts before the analysis is due', async () => {
    await as.coordinator.ok(
      'mutation($a: ID!) { assignIccIndexQuestions(assessmentId: $a, input: { indicatorCodes: ["EDUCATION"], department: "Education", assigneeId: $p }) { id } }'.replace(
        '$p',
        `"${people.contributor.id}"`,
      ),
      { a: assessmentId },
    );
    const at = nineOn(dueDate);
    const analysisAt = nineOn(analysisDueDate);
    expect((await rows(key('%'))).map((r) => [r.dedupe_key.slice(key('').length), r.recipient_id, r.due_at.getTime(), r.status])).toEqual(
      [
        [`answers:${people.coordinator.id}:14d`, people.coordinator.id, at - 14 * DAY, 'SCHEDULED'],
        [`answers:${people.contributor.id}:14d`, people.contributor.id, at - 14 * DAY, 'SCHEDULED'],
        [`answers:${people.coordinator.id}:3d`, people.coordinator.id, at - 3 * DAY, 'SCHEDULED'],
        [`answers:${people.contributor.id}:3d`, people.contributor.id, at - 3 * DAY, 'SCHEDULED'],
        [`answers-overdue:${admin.id}:-1d`, admin.id, at + DAY, 'SCHEDULED'],
        [`analysis:${people.expert.id}:7d`, people.expert.id, analysisAt - 7 * DAY, 'SCHEDULED'],
        [`analysis-overdue:${admin.id}:-1d`, admin.id, analysisAt + DAY, 'SCHEDULED'],
      ].sort((x, y) => (x[2] as number) - (y[2] as number) || String(x[0]).localeCompare(String(y[0]))),
    );
  });

  it('reminds each contributor of their own open questions, and the coordinator of all of them, as the real job sends it', async () => {
    await save(as.contributor, 'EDUCATION-1', 60);
    await dueNow(key('answers:%:14d'));
    const contributor = await until('the contributor reminded', async () => mailsTo(people.contributor.email)[0]);
    expect(contributor.subject).toMatch(/^Index questionnaire of Ljubljana due /);
    expect(contributor.text).toContain('1 question is still open for you:');
    expect(contributor.text).toContain('- EDUCATION-2 (Education system)');
    expect(contributor.text).not.toContain('MEDIA-1');
    expect(contributor.text).toContain(`/index/${assessmentId}`);
    const coordinator = await until('the coordinator reminded', async () => mailsTo(people.coordinator.email)[0]);
    expect(coordinator.text).toContain('3 questions are still open for you:');
    expect(coordinator.text).toContain('- MEDIA-2 (Media)');
  });

  it("once a contributor's questions are all answered, their reminders are cancelled; the coordinator's stay", async () => {
    await save(as.contributor, 'EDUCATION-2', 20);
    const left = await rows(key('answers:%:3d'));
    expect(left.map((r) => [r.recipient_id, r.status])).toEqual(
      expect.arrayContaining([
        [people.contributor.id, 'CANCELLED'],
        [people.coordinator.id, 'SCHEDULED'],
      ]),
    );
  });

  it('tells the secretariat when the questionnaire is overdue, once', async () => {
    await dueNow(key('answers-overdue:%'));
    const mail = await until('the secretariat told', async () => mailsTo(admin.email)[0]);
    expect(mail.subject).toBe('Index questionnaire of Ljubljana overdue');
    expect(mail.text).toContain('has not been submitted');
    await never('a second copy', settled(), () => mailsTo(admin.email).length !== 1);
  });

  it('after submission the questionnaire reminders end; after publication the next Index is reminded 24 months on', async () => {
    await save(as.coordinator, 'MEDIA-1', 70);
    await save(as.coordinator, 'MEDIA-2', 80);
    await as.coordinator.ok('mutation($a: ID!) { submitIccIndexAssessment(assessmentId: $a) { status } }', { a: assessmentId });
    expect((await rows(key('answers:%'))).filter((r) => r.status === 'SCHEDULED')).toEqual([]);
    expect((await rows(key('analysis:%'))).map((r) => r.status)).toEqual(['SCHEDULED']);
    const { publishIccIndexAssessment: published } = await as.admin.ok(
      'mutation($a: ID!) { publishIccIndexAssessment(assessmentId: $a) { publishedAt } }',
      { a: assessmentId },
    );
    expect((await rows(key('analysis%'))).map((r) => r.status)).toEqual(['CANCELLED', 'CANCELLED']);
    const next = await rows(key('next:%'));
    const expected = new Date(published.publishedAt);
    expected.setUTCMonth(expected.getUTCMonth() + 24);
    expect(next.map((r) => [r.recipient_id, r.due_at.toISOString()]).sort()).toEqual(
      [
        [admin.id, expected.toISOString()],
        [people.coordinator.id, expected.toISOString()],
      ].sort(),
    );
    await dueNow(key('next:%'));
    const mail = await until('the coordinator told the next Index is due', async () =>
      mailsTo(people.coordinator.email).find((m) => m.subject === 'The next Intercultural Cities Index of Ljubljana is due'),
    );
    expect(mail.text).toContain('24 months ago');
    await until('the secretariat told too', async () => mailsTo(admin.email).find((m) => m.subject.startsWith('The next Intercultural')));
    // A message reaches the SMTP server before its row is marked sent: the next test reschedules
    // these rows, so both must be done first.
    await until('both marked sent', async () => (await rows(key('next:%'))).every((r) => r.status === 'SENT'));
  });

  it('a new assessment of the city ends the earlier one\'s "next Index" reminders', async () => {
    // As if they were still to come (they were sent above): scheduled again, a month from now.
    await t.dataSource.query(
      "UPDATE outbox_message SET status = 'SCHEDULED', sent_at = NULL, due_at = now() + interval '30 days', version = version + 1 WHERE dedupe_key LIKE $1",
      [key('next:%')],
    );
    await as.admin.ok('mutation($input: StartIccIndexAssessmentInput!) { startIccIndexAssessment(input: $input) { id } }', {
      input: { cityId, definitionCode: 'REMINDER-INDEX', dueDate: day(60) },
    });
    expect((await rows(key('next:%'))).map((r) => r.status)).toEqual(['CANCELLED', 'CANCELLED']);
  });
});
