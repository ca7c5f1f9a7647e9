import {
  acceptInvitation,
  createCity,
  waitForMail,
  createPerson,
  createTestApp,
  GraphqlClient,
  TEST_PASSWORD,
  TestApp,
} from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/**
 * A peer review walked from DRAFT to VISIT over HTTP, refused at each guard with a message naming
 * what is missing, then allowed once it is there.
 */
describe('review lifecycle, end to end', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  let leader: GraphqlClient;
  let contributorA: GraphqlClient;
  let contributorB: GraphqlClient;
  let coordinator: GraphqlClient;
  let people: Record<string, { id: string; email: string }>;
  let reviewId: string;
  let keyFactors: { id: string; code: string; guideQuestions: { id: string }[] }[];
  let cityId: string;

  const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    // Workers in-process: the invitation goes out through the outbox queue.
    t = await createTestApp({ module: AppModule.register({ workers: true }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    cityId = (await createCity(t.dataSource, { name: 'Bergen', country: 'NO', timeZone: 'Europe/Oslo' })).id;
    people = {
      admin: await createPerson(t.dataSource, { email: 'secretariat@example.org', isAdmin: true }),
      leader: await createPerson(t.dataSource, { email: 'leader@example.org' }),
      peer: await createPerson(t.dataSource, { email: 'peer@example.org' }),
      contributorA: await createPerson(t.dataSource, { email: 'kari@example.org' }),
      contributorB: await createPerson(t.dataSource, { email: 'ola@example.org' }),
    };
    admin = await t.gql.signIn(people.admin.email, TEST_PASSWORD);
    leader = await t.gql.signIn(people.leader.email, TEST_PASSWORD);
    contributorA = await t.gql.signIn(people.contributorA.email, TEST_PASSWORD);
    contributorB = await t.gql.signIn(people.contributorB.email, TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  it('the secretariat opens a review in DRAFT on the published benchmark, scoped to key factors 1, 4 and 9', async () => {
    const { createReview } = await admin.ok(
      `mutation($input: CreateReviewInput!) { createReview(input: $input) {
        id status kind benchmark { code version }
        keyFactorsInScope { id code guideQuestions { id } }
      } }`,
      {
        input: {
          title: 'Bergen peer review 2027',
          kind: 'PEER_REVIEW',
          hostCityId: cityId,
          benchmarkCode: 'EUROCITIES-PCD',
          scopeKeyFactorNumbers: [1, 4, 9],
        },
      },
    );
    expect(createReview).toMatchObject({ status: 'DRAFT', kind: 'PEER_REVIEW', benchmark: { code: 'EUROCITIES-PCD', version: 1 } });
    expect(createReview.keyFactorsInScope.map((k: { code: string }) => k.code)).toEqual(['01', '04', '09']);
    reviewId = createReview.id;
    keyFactors = createReview.keyFactorsInScope;
  });

  it('refuses bad input with every problem listed and writes nothing', async () => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM review');
    const result = await admin.request('mutation($input: CreateReviewInput!) { createReview(input: $input) { id } }', {
      input: {
        title: ' ',
        kind: 'PEER_REVIEW',
        hostCityId: cityId,
        benchmarkCode: 'EUROCITIES-PCD',
        scopeKeyFactorNumbers: [4, 14],
        timeline: { visitStart: 'soon' },
      },
    });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.problems).toEqual([
      { path: 'title', message: 'must not be empty' },
      { path: 'scopeKeyFactorNumbers', message: 'the benchmark has no key factor 14' },
      { path: 'timeline.visitStart', message: '"soon" is not a date; write e.g. 2027-03-10T09:00 (time in Europe/Oslo) or an ISO instant' },
    ]);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM review')).toEqual(before);
  });

  it('DRAFT → PREPARATION needs an expert leader on the team', async () => {
    const refused = await admin.request('mutation($id: ID!) { startPreparation(reviewId: $id) { status } }', { id: reviewId });
    expect(refused.errors?.[0]).toMatchObject({
      message: 'The review cannot move to PREPARATION yet. It needs an expert leader on the team.',
      extensions: { code: 'INVALID_TRANSITION', missing: ['an expert leader on the team'] },
    });
    const invited = await admin.ok(
      'mutation($id: ID!, $input: AddTeamMemberInput!) { addTeamMember(reviewId: $id, input: $input) { invitation { id } } }',
      {
        id: reviewId,
        input: { personId: people.leader.id, role: 'EXPERT_LEADER' },
      },
    );
    await acceptInvitation(t, invited.addTeamMember.invitation.id, TEST_PASSWORD);
    const moved = await leader.ok('mutation($id: ID!) { startPreparation(reviewId: $id) { status } }', { id: reviewId });
    expect(moved.startPreparation.status).toBe('PREPARATION');
  });

  it('a move the table does not have is refused, saying where the review can go', async () => {
    const result = await leader.request('mutation($id: ID!) { startReporting(reviewId: $id) { status } }', { id: reviewId });
    expect(result.errors?.[0]).toMatchObject({
      message: 'A peer review cannot move from PREPARATION to REPORTING. From PREPARATION it can move to SELF_ASSESSMENT or CANCELLED.',
      extensions: { code: 'INVALID_TRANSITION' },
    });
  });

  it('PREPARATION → SELF_ASSESSMENT needs a peer, a host coordinator and a due date; everyone is invited, with or without an account, and the answer is the same', async () => {
    const refused = await leader.request('mutation($id: ID!) { openSelfAssessment(reviewId: $id) { status } }', { id: reviewId });
    expect(refused.errors?.[0].message).toBe(
      'The review cannot move to SELF_ASSESSMENT yet. It needs at least one peer on the team; a host coordinator on the team; and a self-assessment due date in the timeline.',
    );
    const add =
      'mutation($id: ID!, $input: AddTeamMemberInput!) { addTeamMember(reviewId: $id, input: $input) { member { id } invitedEmail invitation { id email role } } }';
    const peerInvited = (await leader.ok(add, { id: reviewId, input: { email: 'Peer@Example.org', role: 'PEER' } })).addTeamMember;
    const invited = await leader.ok(add, { id: reviewId, input: { email: 'Ingrid@Bergen.example', role: 'HOST_COORDINATOR' } });
    // An existing account and a new address get answers of the same shape: nothing says which has an account.
    expect(peerInvited).toEqual({
      member: null,
      invitedEmail: 'peer@example.org',
      invitation: { id: expect.any(String), email: 'peer@example.org', role: 'PEER' },
    });
    expect(invited.addTeamMember).toEqual({
      member: null,
      invitedEmail: 'ingrid@bergen.example',
      invitation: { id: expect.any(String), email: 'ingrid@bergen.example', role: 'HOST_COORDINATOR' },
    });
    // The peer is not on the team until they accept.
    expect(
      (await leader.ok('query($id: ID!) { review(id: $id) { team { person { email } } } }', { id: reviewId })).review.team.map(
        (m: { person: { email: string } }) => m.person.email,
      ),
    ).not.toContain('peer@example.org');
    await acceptInvitation(t, peerInvited.invitation.id, TEST_PASSWORD);

    const mail = await waitForMail((m) => m.to === 'ingrid@bergen.example');
    expect(mail.subject).toContain('Bergen peer review 2027');
    const token = /accept-invitation\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    const accepted = await t.gql.ok(
      'mutation($t: String!) { acceptInvitation(token: $t, password: "ingrid-password", fullName: "Ingrid Solheim") { accessToken payload } }',
      { t: token },
    );
    expect(accepted.acceptInvitation.payload).toMatchObject({ reviewId, role: 'HOST_COORDINATOR' });
    coordinator = t.gql.as(accepted.acceptInvitation.accessToken);
    const { review } = await coordinator.ok('query($id: ID!) { review(id: $id) { myRoles } }', { id: reviewId });
    expect(review.myRoles).toEqual(['HOST_COORDINATOR']);

    await leader.ok('mutation($id: ID!, $input: UpdateReviewInput!) { updateReview(reviewId: $id, input: $input) { id } }', {
      id: reviewId,
      input: { timeline: { selfAssessmentDue: '2027-02-15T12:00' } },
    });
    const moved = await leader.ok(
      'mutation($id: ID!) { openSelfAssessment(reviewId: $id) { status timeline { selfAssessmentDue { instant local } } } }',
      { id: reviewId },
    );
    expect(moved.openSelfAssessment).toEqual({
      status: 'SELF_ASSESSMENT',
      timeline: { selfAssessmentDue: { instant: '2027-02-15T11:00:00.000Z', local: '2027-02-15T12:00:00+01:00' } },
    });
  });

  it('SELF_ASSESSMENT → VISIT needs the submitted self-assessment of every key factor in scope, and the visit dates', async () => {
    const refused = await leader.request('mutation($id: ID!) { startVisit(reviewId: $id) { status } }', { id: reviewId });
    expect(refused.errors?.[0]).toMatchObject({
      message:
        'The review cannot move to VISIT yet. It needs a submitted self-assessment entry for key factors 01, 04, 09; and the visit start and end in the timeline.',
      extensions: { code: 'INVALID_TRANSITION' },
    });
  });

  it('submitting an incomplete self-assessment lists what each key factor lacks', async () => {
    const result = await coordinator.request('mutation($id: ID!) { submitSelfAssessment(reviewId: $id) { id } }', { id: reviewId });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toBe(
      'The self-assessment was not submitted: key factors 01, 04, 09 are incomplete (01: no entry; 04: no entry; 09: no entry).',
    );
  });

  it('two contributors filling different entries at the same time lose nothing; a stale save is refused', async () => {
    const add = 'mutation($id: ID!, $input: AddTeamMemberInput!) { addTeamMember(reviewId: $id, input: $input) { invitation { id } } }';
    for (const person of [people.contributorA, people.contributorB]) {
      const { addTeamMember } = await coordinator.ok(add, { id: reviewId, input: { personId: person.id, role: 'HOST_CONTRIBUTOR' } });
      await acceptInvitation(t, addTeamMember.invitation.id, TEST_PASSWORD);
    }
    const [kf01, kf04, kf09] = keyFactors;
    const assign =
      'mutation($id: ID!, $kf: ID!, $who: ID) { assignSelfAssessmentEntry(reviewId: $id, keyFactorId: $kf, assigneeId: $who) { assigneeId } }';
    await coordinator.ok(assign, { id: reviewId, kf: kf04.id, who: people.contributorA.id });
    await coordinator.ok(assign, { id: reviewId, kf: kf09.id, who: people.contributorB.id });

    const save = `mutation($id: ID!, $kf: ID!, $input: SelfAssessmentEntryInput!, $v: Int) {
      saveSelfAssessmentEntry(reviewId: $id, keyFactorId: $kf, input: $input, expectedVersion: $v) { version rating answers { guideQuestionId answer } } }`;
    const fill = (kf: (typeof keyFactors)[number], who: string) => ({
      answers: kf.guideQuestions.map((q, i) => ({ guideQuestionId: q.id, answer: `${who}: answer ${i + 1}` })),
      rating: 3,
      narrative: `${who} wrote this.`,
    });
    // Both at once, many times over: each keeps its own entry.
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all([
        contributorA.request(save, { id: reviewId, kf: kf04.id, input: fill(kf04, `Kari ${round}`) }),
        contributorB.request(save, { id: reviewId, kf: kf09.id, input: fill(kf09, `Ola ${round}`) }),
      ]);
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    }
    const rows = await t.dataSource.query(
      'SELECT key_factor_id, narrative, version FROM self_assessment_entry WHERE review_id = $1 ORDER BY narrative',
      [reviewId],
    );
    expect(rows).toEqual([
      { key_factor_id: kf04.id, narrative: 'Kari 4 wrote this.', version: 7 },
      { key_factor_id: kf09.id, narrative: 'Ola 4 wrote this.', version: 7 },
    ]);

    // A contributor edits only the entry assigned to them.
    const notMine = await contributorA.request(save, { id: reviewId, kf: kf09.id, input: { narrative: 'overwrite' } });
    expect(notMine.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: 'The entry for key factor 09 is assigned to someone else; the host coordinator can assign it to you.',
    });
    // A save based on an old version is refused instead of silently overwriting.
    const stale = await contributorA.request(save, { id: reviewId, kf: kf04.id, input: { narrative: 'from an old tab' }, v: 3 });
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(stale.errors?.[0].message).toBe(
      'Someone saved the entry for key factor 04 after you opened it (your version 3, now 7). Reload it, then save again.',
    );
    // A rating off the benchmark's scale says what the scale is.
    const badRating = await coordinator.request(save, { id: reviewId, kf: kf01.id, input: { rating: 7 } });
    expect(badRating.errors?.[0].extensions?.problems).toEqual([
      {
        path: 'rating',
        message: 'must be one of 1, 2, 3, 4 (1 = Not in place, 2 = Partly in place, 3 = Largely in place, 4 = Fully in place)',
      },
    ]);

    // Half of key factor 01: the submission names exactly what is missing.
    await coordinator.ok(save, {
      id: reviewId,
      kf: kf01.id,
      input: { answers: [{ guideQuestionId: kf01.guideQuestions[0].id, answer: 'Yes, since 2019.' }] },
    });
    const refused = await coordinator.request('mutation($id: ID!) { submitSelfAssessment(reviewId: $id) { id } }', { id: reviewId });
    expect(refused.errors?.[0].message).toBe(
      'The self-assessment was not submitted: key factor 01 is incomplete (01: guide questions 2, 3, 4 unanswered, no rating).',
    );
    await coordinator.ok(save, { id: reviewId, kf: kf01.id, input: fill(kf01, 'Ingrid') });
    const submitted = await coordinator.ok(
      'mutation($id: ID!) { submitSelfAssessment(reviewId: $id) { selfAssessmentSubmittedAt progress { entriesComplete selfAssessmentSubmitted } } }',
      { id: reviewId },
    );
    expect(submitted.submitSelfAssessment.progress).toEqual({ entriesComplete: 3, selfAssessmentSubmitted: true });
    const afterSubmit = await contributorA.request(save, { id: reviewId, kf: kf04.id, input: { narrative: 'late change' } });
    expect(codeOf(afterSubmit)).toBe('INVALID_TRANSITION');
  });

  it('then needs only the visit dates; a visit that ends before it starts is refused', async () => {
    const refused = await leader.request('mutation($id: ID!) { startVisit(reviewId: $id) { status } }', { id: reviewId });
    expect(refused.errors?.[0].message).toBe('The review cannot move to VISIT yet. It needs the visit start and end in the timeline.');
    const update =
      'mutation($id: ID!, $input: UpdateReviewInput!) { updateReview(reviewId: $id, input: $input) { timeline { timeZone visitStart { local } visitEnd { instant } } } }';
    const backwards = await leader.request(update, {
      id: reviewId,
      input: { timeline: { visitStart: '2027-03-12T09:00', visitEnd: '2027-03-10T17:00' } },
    });
    expect(backwards.errors?.[0].extensions?.problems).toEqual([{ path: 'timeline', message: 'the visit must end after it starts' }]);
    const ok = await leader.ok(update, {
      id: reviewId,
      input: { timeline: { visitStart: '2027-03-10T09:00', visitEnd: '2027-03-12T17:00' } },
    });
    expect(ok.updateReview.timeline).toEqual({
      timeZone: 'Europe/Oslo',
      visitStart: { local: '2027-03-10T09:00:00+01:00' },
      visitEnd: { instant: '2027-03-12T16:00:00.000Z' },
    });
    const moved = await leader.ok('mutation($id: ID!) { startVisit(reviewId: $id) { status } }', { id: reviewId });
    expect(moved.startVisit.status).toBe('VISIT');
  });

  it('keeps an audit trail of who changed what, with before and after, for the expert leader', async () => {
    const query = 'query($id: ID!) { review(id: $id) { auditTrail(first: 100) { totalCount nodes { action actorId before after } } } }';
    const { review } = await leader.ok(query, { id: reviewId });
    const actions = review.auditTrail.nodes.map((n: { action: string }) => n.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'review.create',
        'team.invite',
        'team.join',
        'review.transition',
        'review.update',
        'selfAssessment.assign',
        'selfAssessment.save',
        'selfAssessment.submit',
      ]),
    );
    const toVisit = review.auditTrail.nodes.find(
      (n: { action: string; after: { status?: string } }) => n.action === 'review.transition' && n.after.status === 'VISIT',
    );
    expect(toVisit).toMatchObject({ actorId: people.leader.id, before: { status: 'SELF_ASSESSMENT' }, after: { status: 'VISIT' } });
    const save = review.auditTrail.nodes.find(
      (n: { action: string; after: { narrative?: string } }) =>
        n.action === 'selfAssessment.save' && n.after.narrative === 'Kari 4 wrote this.',
    );
    expect(save.before.narrative).toBe('Kari 3 wrote this.');
    expect(codeOf(await contributorA.request(query, { id: reviewId }))).toBe('FORBIDDEN');
  });

  it('cancelling needs a reason and is recorded', async () => {
    const noReason = await leader.request('mutation($id: ID!) { cancelReview(reviewId: $id, reason: " ") { status } }', { id: reviewId });
    expect(noReason.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: 'Say why the review moves to CANCELLED.',
    });
    const cancelled = await leader.ok(
      'mutation($id: ID!) { cancelReview(reviewId: $id, reason: "The city asked to postpone.") { status cancellationReason } }',
      { id: reviewId },
    );
    expect(cancelled.cancelReview).toEqual({ status: 'CANCELLED', cancellationReason: 'The city asked to postpone.' });
    const again = await leader.request('mutation($id: ID!) { startVisit(reviewId: $id) { status } }', { id: reviewId });
    expect(again.errors?.[0].message).toBe('A peer review cannot move from CANCELLED to VISIT.');
  });
});
