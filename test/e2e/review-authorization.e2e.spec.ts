import { acceptInvitation, createCity, createPerson, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

type Caller = 'admin' | 'leader' | 'peer' | 'coordinator' | 'contributor' | 'observer' | 'stranger' | 'otherReviewLeader';
const CALLERS: Caller[] = ['admin', 'leader', 'peer', 'coordinator', 'contributor', 'observer', 'stranger', 'otherReviewLeader'];

/**
 * Each role (and a stranger, a member of another review, and an admin) against each query and
 * mutation of the review lifecycle. "allowed" means the call was not refused for who is calling;
 * it may still be refused for what is missing (e.g. INVALID_TRANSITION).
 */
describe('review authorization matrix', () => {
  let t: TestApp;
  const as = {} as Record<Caller, GraphqlClient>;
  const ids = {} as Record<Caller, string>;
  let reviewId: string;
  let otherReviewId: string;
  let keyFactorId: string;
  let contextFactorId: string;
  let spareId: string;

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    const city = await createCity(t.dataSource, { name: 'Bergen', country: 'NO', timeZone: 'Europe/Oslo' });
    for (const caller of CALLERS) {
      const person = await createPerson(t.dataSource, { email: `${caller}@example.org`, isAdmin: caller === 'admin' });
      ids[caller] = person.id;
      as[caller] = await t.gql.signIn(person.email, TEST_PASSWORD);
    }
    spareId = (await createPerson(t.dataSource, { email: 'spare@example.org' })).id;
    const create =
      'mutation($input: CreateReviewInput!) { createReview(input: $input) { id keyFactorsInScope { id } benchmark { contextFactors { id } } } }';
    const input = { kind: 'PEER_REVIEW', hostCityId: city.id, benchmarkCode: 'EUROCITIES-PCD', scopeKeyFactorNumbers: [1, 2] };
    const review = (await as.admin.ok(create, { input: { ...input, title: 'Bergen 2027' } })).createReview;
    reviewId = review.id;
    keyFactorId = review.keyFactorsInScope[0].id;
    contextFactorId = review.benchmark.contextFactors[0].id;
    otherReviewId = (await as.admin.ok(create, { input: { ...input, title: 'Another city 2027' } })).createReview.id;
    // Everyone joins by accepting the invitation addTeamMember sends.
    const add = 'mutation($id: ID!, $input: AddTeamMemberInput!) { addTeamMember(reviewId: $id, input: $input) { invitation { id } } }';
    const join = async (review: string, personId: string, role: string) =>
      acceptInvitation(t, (await as.admin.ok(add, { id: review, input: { personId, role } })).addTeamMember.invitation.id, TEST_PASSWORD);
    const roles: [Caller, string][] = [
      ['leader', 'EXPERT_LEADER'],
      ['peer', 'PEER'],
      ['coordinator', 'HOST_COORDINATOR'],
      ['contributor', 'HOST_CONTRIBUTOR'],
      ['observer', 'OBSERVER'],
    ];
    for (const [caller, role] of roles) await join(reviewId, ids[caller], role);
    await join(otherReviewId, ids.otherReviewLeader, 'EXPERT_LEADER');
    await as.leader.ok('mutation($id: ID!) { startPreparation(reviewId: $id) { id } }', { id: reviewId });
    // Eight sign-ins and six accepted invitations (argon2 each) on a shared machine.
  }, 180_000);
  afterAll(() => t?.close());

  const operations: Record<
    string,
    { run: (c: GraphqlClient) => Promise<{ errors?: { extensions?: { code?: string } }[] }>; allowed: Caller[] }
  > = {
    'query review': {
      run: (c) => c.request('query($id: ID!) { review(id: $id) { id title status timeline { timeZone } } }', { id: reviewId }),
      allowed: ['admin', 'leader', 'peer', 'coordinator', 'contributor', 'observer'],
    },
    'review.team': {
      run: (c) => c.request('query($id: ID!) { review(id: $id) { team { role person { email } } } }', { id: reviewId }),
      allowed: ['admin', 'leader', 'peer', 'coordinator', 'contributor', 'observer'],
    },
    'review.selfAssessment and contextNotes': {
      run: (c) =>
        c.request('query($id: ID!) { review(id: $id) { selfAssessment { id } contextNotes { id } progress { keyFactorsInScope } } }', {
          id: reviewId,
        }),
      allowed: ['admin', 'leader', 'peer', 'coordinator', 'contributor', 'observer'],
    },
    'review.auditTrail': {
      run: (c) => c.request('query($id: ID!) { review(id: $id) { auditTrail { totalCount } } }', { id: reviewId }),
      allowed: ['admin', 'leader'],
    },
    updateReview: {
      run: (c) =>
        c.request('mutation($id: ID!) { updateReview(reviewId: $id, input: { timeline: { selfAssessmentDue: "2027-02-01" } }) { id } }', {
          id: reviewId,
        }),
      allowed: ['admin', 'leader'],
    },
    'addTeamMember (peer)': {
      run: async (c) => {
        const result = await c.request(
          'mutation($id: ID!, $p: ID!) { addTeamMember(reviewId: $id, input: { personId: $p, role: PEER }) { invitation { id } } }',
          { id: reviewId, p: spareId },
        );
        const invitationId = (result.data as { addTeamMember?: { invitation?: { id: string } } } | null)?.addTeamMember?.invitation?.id;
        if (invitationId)
          await as.admin.ok('mutation($id: ID!, $i: ID!) { withdrawTeamInvitation(reviewId: $id, invitationId: $i) { id } }', {
            id: reviewId,
            i: invitationId,
          });
        return result;
      },
      allowed: ['admin', 'leader'],
    },
    'addTeamMember (host contributor)': {
      run: async (c) => {
        const result = await c.request(
          'mutation($id: ID!, $p: ID!) { addTeamMember(reviewId: $id, input: { personId: $p, role: HOST_CONTRIBUTOR }) { invitation { id } } }',
          { id: reviewId, p: spareId },
        );
        const invitationId = (result.data as { addTeamMember?: { invitation?: { id: string } } } | null)?.addTeamMember?.invitation?.id;
        if (invitationId)
          await as.admin.ok('mutation($id: ID!, $i: ID!) { withdrawTeamInvitation(reviewId: $id, invitationId: $i) { id } }', {
            id: reviewId,
            i: invitationId,
          });
        return result;
      },
      allowed: ['admin', 'leader', 'coordinator'],
    },
    'saveSelfAssessmentEntry (unassigned entry)': {
      run: (c) =>
        c.request(
          'mutation($id: ID!, $kf: ID!) { saveSelfAssessmentEntry(reviewId: $id, keyFactorId: $kf, input: { narrative: "text" }) { id } }',
          { id: reviewId, kf: keyFactorId },
        ),
      allowed: ['admin', 'coordinator'],
    },
    assignSelfAssessmentEntry: {
      run: (c) =>
        c.request(
          'mutation($id: ID!, $kf: ID!, $who: ID) { assignSelfAssessmentEntry(reviewId: $id, keyFactorId: $kf, assigneeId: $who) { id } }',
          { id: reviewId, kf: keyFactorId, who: null },
        ),
      allowed: ['admin', 'coordinator'],
    },
    saveContextNote: {
      run: (c) =>
        c.request(
          'mutation($id: ID!, $cf: ID!) { saveContextNote(reviewId: $id, contextFactorId: $cf, note: "Competences are shared.") { id } }',
          { id: reviewId, cf: contextFactorId },
        ),
      allowed: ['admin', 'coordinator', 'contributor'],
    },
    submitSelfAssessment: {
      run: (c) => c.request('mutation($id: ID!) { submitSelfAssessment(reviewId: $id) { id } }', { id: reviewId }),
      allowed: ['admin', 'coordinator'],
    },
    'openSelfAssessment (transition)': {
      run: (c) => c.request('mutation($id: ID!) { openSelfAssessment(reviewId: $id) { id } }', { id: reviewId }),
      allowed: ['admin', 'leader'],
    },
    'cancelReview (transition)': {
      // The review stays open: a refused reason shows the caller got past authorization.
      run: (c) => c.request('mutation($id: ID!) { cancelReview(reviewId: $id, reason: "") { id } }', { id: reviewId }),
      allowed: ['admin', 'leader'],
    },
  };

  const refusedFor = (code: string | undefined) => code === 'FORBIDDEN' || code === 'UNAUTHENTICATED';

  it.each(Object.keys(operations))('%s: allowed exactly for its roles', async (name) => {
    const operation = operations[name];
    const outcome: Record<string, string> = {};
    for (const caller of CALLERS) {
      const result = await operation.run(as[caller]);
      outcome[caller] = refusedFor(result.errors?.[0]?.extensions?.code) ? 'refused' : 'allowed';
    }
    const expected = Object.fromEntries(CALLERS.map((c) => [c, operation.allowed.includes(c) ? 'allowed' : 'refused']));
    expect(outcome).toEqual(expected);
  });

  it('an anonymous caller is refused everything with UNAUTHENTICATED', async () => {
    for (const operation of Object.values(operations)) {
      const result = await operation.run(t.gql);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a member of one review reads nothing of another, and does not even see it listed', async () => {
    const list = await as.otherReviewLeader.ok('{ reviews { totalCount nodes { id } } }');
    expect(list.reviews).toEqual({ totalCount: 1, nodes: [{ id: otherReviewId }] });
    const result = await as.otherReviewLeader.request('query($id: ID!) { review(id: $id) { title } }', { id: reviewId });
    expect(result.errors?.[0]).toMatchObject({ message: 'You are not a member of this review.', extensions: { code: 'FORBIDDEN' } });
    expect(result.data).toBeNull();
    const adminList = await as.admin.ok('{ reviews { totalCount } }');
    expect(adminList.reviews.totalCount).toBe(2);
  });

  it('says which role an operation needs when a member lacks it', async () => {
    const result = await as.peer.request('mutation($id: ID!) { submitSelfAssessment(reviewId: $id) { id } }', { id: reviewId });
    expect(result.errors?.[0].message).toBe('Only the host coordinator can do this; you are the peer.');
  });
});
