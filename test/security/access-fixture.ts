import { createPerson, createReviewFixture, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { randomUUID } from 'node:crypto';

/** Text put into every object of the target review, so a leak of its content is easy to spot. */
export const MARKER = 'SECRET-A';

/**
 * Review A with one object of every kind an operation can name (session, stakeholder, evidence,
 * uploaded document, conclusion, recommendation, report, good-practice draft), created through the
 * real API by A's expert leader; review B, whose expert leader is the "member of another review".
 */
export async function buildAccessFixture(t: TestApp) {
  const a = await createReviewFixture(t.dataSource, { status: 'VISIT', scope: [1, 2] });
  const b = await createReviewFixture(t.dataSource, { status: 'VISIT' });
  const admin = await createPerson(t.dataSource, { email: 'secretariat@example.org', isAdmin: true });
  const asAdmin = await t.gql.signIn(admin.email, TEST_PASSWORD);
  const leaderA = await t.gql.signIn(a.people.leader.email, TEST_PASSWORD);
  const otherMember = await t.gql.signIn(b.people.leader.email, TEST_PASSWORD);
  const r = a.reviewId;
  const kf = a.keyFactors[0].id;

  const organisationId = (
    await asAdmin.ok('mutation($i: OrganisationInput!) { createOrganisation(input: $i) { id } }', {
      i: { kind: 'CITY_ADMINISTRATION', name: 'Host city hall', cityId: a.city.id },
    })
  ).createOrganisation.id as string;
  const stakeholderId = (
    await leaderA.ok('mutation($r: ID!, $i: ReviewStakeholderInput!) { registerStakeholder(reviewId: $r, input: $i) { id } }', {
      r,
      i: { category: 'CITY_OFFICIAL', name: `${MARKER} official`, organisationId, consentToBeNamed: true },
    })
  ).registerStakeholder.id as string;
  const sessionId = (
    await leaderA.ok('mutation($r: ID!, $i: VisitSessionInput!) { scheduleVisitSession(reviewId: $r, input: $i) { id } }', {
      r,
      i: {
        title: `${MARKER} interview`,
        kind: 'INTERVIEW',
        start: '2027-03-10T10:00',
        end: '2027-03-10T11:00',
        keyFactorIds: [kf],
        assignments: [{ personId: a.people.leader.id, part: 'INTERVIEWER' }],
      },
    })
  ).scheduleVisitSession.id as string;
  const evidenceId = randomUUID();
  await leaderA.ok('mutation($r: ID!, $i: EvidenceInput!) { logEvidence(reviewId: $r, input: $i) { outcome } }', {
    r,
    i: {
      id: evidenceId,
      keyFactorIds: [kf],
      source: 'INTERVIEW',
      stance: 'SUPPORTS',
      statement: `${MARKER} statement about language courses`,
      sessionId,
    },
  });
  const documentId = await uploadDocument(t.url, leaderA.token!, r, { title: `${MARKER} annual report`, type: 'ANNUAL_REPORT' });
  const conclusionId = (
    await leaderA.ok(
      'mutation($r: ID!, $k: ID!, $i: ConclusionInput!) { saveConclusion(reviewId: $r, keyFactorId: $k, input: $i) { id } }',
      {
        r,
        k: kf,
        i: { summary: `${MARKER} conclusion`, rating: 2, evidenceIds: [evidenceId] },
      },
    )
  ).saveConclusion.id as string;
  await t.dataSource.query("UPDATE review SET status = 'DELIBERATION' WHERE id = $1", [r]);
  const recommendationId = (
    await leaderA.ok('mutation($r: ID!, $i: RecommendationInput!) { addRecommendation(reviewId: $r, input: $i) { id } }', {
      r,
      i: { text: `${MARKER} recommendation`, priority: 'HIGH', horizon: 'QUICK_WIN', keyFactorIds: [kf] },
    })
  ).addRecommendation.id as string;
  const goodPracticeId = (
    await leaderA.ok('mutation($e: ID!) { promoteEvidenceToGoodPractice(evidenceId: $e, mainFieldOfAction: "1") { id } }', {
      e: evidenceId,
    })
  ).promoteEvidenceToGoodPractice.id as string;
  await t.dataSource.query("UPDATE review SET status = 'FEEDBACK' WHERE id = $1", [r]);
  // An action of A's development plan (issue 20), on the recommendation once accepted.
  await asAdmin.ok('mutation($id: ID!) { respondToRecommendation(recommendationId: $id, response: ACCEPTED) { id } }', {
    id: recommendationId,
  });
  const actionId = (
    await asAdmin.ok('mutation($r: ID!, $i: PlanActionInput!) { addPlanAction(recommendationId: $r, input: $i) { id } }', {
      r: recommendationId,
      i: {
        description: `${MARKER} action`,
        owner: 'Town hall',
        responsibleId: a.people.coordinator.id,
        startsOn: '2027-01-01',
        dueOn: '2027-06-30',
        term: 'QUICK_WIN',
      },
    })
  ).addPlanAction.id as string;
  const reportId = (await leaderA.ok('mutation($r: ID!) { requestReport(reviewId: $r) { id } }', { r })).requestReport.id as string;
  const [member] = await t.dataSource.query("SELECT id FROM team_member WHERE review_id = $1 AND role = 'PEER' LIMIT 1", [r]);
  const [contextFactor] = await t.dataSource.query('SELECT id FROM context_factor WHERE benchmark_id = $1 LIMIT 1', [a.benchmarkId]);
  const feedUrl = (await leaderA.ok('mutation { resetMyCalendarFeed { url } }')).resetMyCalendarFeed.url as string;
  const invitationId = (
    await leaderA.ok(
      'mutation($r: ID!) { addTeamMember(reviewId: $r, input: { email: "invitee-a@example.org", role: OBSERVER }) { invitation { id } } }',
      { r },
    )
  ).addTeamMember.invitation.id as string;
  const [leaderSession] = await t.dataSource.query('SELECT id FROM auth_session WHERE person_id = $1 LIMIT 1', [a.people.leader.id]);
  // An Intercultural Cities Index assessment of A's city (issue 23), with A's leader as its expert and a marked answer.
  await asAdmin.ok('mutation($d: JSON!) { importIccIndexDefinition(document: $d, publish: true) { outcome } }', {
    d: {
      code: 'ACCESS-INDEX',
      title: { en: 'Access Index' },
      source: { organisation: 'PeerVisit', attribution: 'Test fixture.' },
      indicators: [
        {
          code: 'A',
          number: 1,
          name: { en: 'A' },
          weight: 1,
          questions: [{ code: 'Q1', text: { en: 'Q?' }, type: 'TEXT', dataType: 'FACT' }],
        },
      ],
    },
  });
  const assessmentId = (
    await asAdmin.ok('mutation($i: StartIccIndexAssessmentInput!) { startIccIndexAssessment(input: $i) { id } }', {
      i: {
        cityId: a.city.id,
        definitionCode: 'ACCESS-INDEX',
        dueDate: '2027-05-31',
        coordinatorId: a.people.coordinator.id,
        expertIds: [a.people.leader.id],
      },
    })
  ).startIccIndexAssessment.id as string;
  await asAdmin.ok(
    'mutation($a: ID!) { saveIccIndexAnswer(assessmentId: $a, questionCode: "Q1", input: { text: "SECRET-A answer" }) { version } }',
    {
      a: assessmentId,
    },
  );

  const ids = {
    reviewId: r,
    previousReviewId: r,
    sessionId,
    evidenceId,
    documentId,
    conclusionId,
    recommendationId,
    actionId,
    reportId,
    stakeholderId,
    organisationId,
    goodPracticeId,
    memberId: member.id as string,
    keyFactorId: kf,
    contextFactorId: contextFactor.id as string,
    cityId: a.city.id,
    hostCityId: a.city.id,
    personId: a.people.peer.id,
    assigneeId: a.people.contributor.id,
    loggedById: a.people.peer.id,
    invitationId,
    assessmentId,
    'iccIndexAssessment.id': assessmentId,
    // Admin-only (mergePeople): refused to everyone here before anything is looked up.
    keepId: a.people.peer.id,
    mergeId: a.people.peer2.id,
    // `id` arguments, by the field that takes them.
    'review.id': r,
    'report.id': reportId,
    'city.id': a.city.id,
    'updateCity.id': a.city.id,
    'updateOrganisation.id': organisationId,
    'updatePerson.id': a.people.leader.id,
    'updateStakeholder.id': stakeholderId,
    'goodPractice.id': goodPracticeId,
    'goodPracticeExport.id': goodPracticeId,
    'updateGoodPractice.id': goodPracticeId,
    'submitGoodPractice.id': goodPracticeId,
    'publishGoodPractice.id': goodPracticeId,
    'returnGoodPracticeToDraft.id': goodPracticeId,
    'translateGoodPractice.id': goodPracticeId,
    // A's expert leader's session: ending it is for its owner only.
    'endSession.id': leaderSession.id as string,
    // Admin-only; there is no outbox row of A's to name, and the guard refuses before any lookup.
    'retryOutboxMessage.id': randomUUID(),
  };
  // What must never show in another person's answer: A's object ids and its marked text.
  const secrets = [
    r,
    sessionId,
    evidenceId,
    documentId,
    conclusionId,
    recommendationId,
    actionId,
    reportId,
    stakeholderId,
    goodPracticeId,
    invitationId,
    assessmentId,
    MARKER,
  ];
  return { a, b, admin, asAdmin, leaderA, otherMember, ids, secrets, feedUrl };
}

export async function uploadDocument(
  baseUrl: string,
  token: string | undefined,
  reviewId: string,
  fields: { title: string; type: string },
  file?: Blob,
  fileName = 'report.pdf',
) {
  const response = await postDocument(
    baseUrl,
    token,
    reviewId,
    fields,
    file ?? new Blob(['%PDF-1.4\n% SECRET-A document\n'], { type: 'application/pdf' }),
    fileName,
  );
  if (response.status !== 201) throw new Error(`Upload failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

export function postDocument(
  baseUrl: string,
  token: string | undefined,
  reviewId: string,
  fields: { title: string; type: string },
  file: Blob,
  fileName: string,
) {
  const form = new FormData();
  form.append('title', fields.title);
  form.append('type', fields.type);
  form.append('file', file, fileName);
  return fetch(`${baseUrl}/reviews/${reviewId}/documents`, {
    method: 'POST',
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

/**
 * A fingerprint of the database: every table's row count, and a checksum of every row of review A
 * (all tables with a review_id, the review itself, its city and team's people).
 */
export async function databaseFingerprint(t: TestApp, reviewId: string): Promise<Record<string, string>> {
  const tables: { table_name: string }[] = await t.dataSource.query(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY table_name",
  );
  const withReview: { table_name: string }[] = await t.dataSource.query(
    "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'review_id' ORDER BY table_name",
  );
  const print: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::text AS n FROM "${table_name}"`);
    print[`count:${table_name}`] = n;
  }
  const checksum = async (label: string, sql: string) => {
    const [{ sum }] = await t.dataSource.query(
      `SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '-') AS sum FROM (${sql}) x`,
      [reviewId],
    );
    print[label] = sum;
  };
  for (const { table_name } of withReview) await checksum(`rows:${table_name}`, `SELECT * FROM "${table_name}" WHERE review_id = $1`);
  await checksum('rows:review', 'SELECT * FROM review WHERE id = $1');
  await checksum('rows:city', 'SELECT c.* FROM city c JOIN review r ON r.host_city_id = c.id WHERE r.id = $1');
  await checksum('rows:person', 'SELECT p.* FROM person p JOIN team_member m ON m.person_id = p.id WHERE m.review_id = $1');
  return print;
}

export type Client = GraphqlClient;
