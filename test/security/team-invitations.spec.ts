import { createReviewFixture, createTestApp, GraphqlClient, invitationToken, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

const INVITE =
  'mutation($r: ID!, $e: String!, $role: ReviewRole!) { addTeamMember(reviewId: $r, input: { email: $e, role: $role }) { invitation { id email role expiresAt invitedBy { email } } } }';
const LIST = 'query($r: ID!) { teamInvitations(reviewId: $r) { id email role } }';
const WITHDRAW = 'mutation($r: ID!, $i: ID!) { withdrawTeamInvitation(reviewId: $r, invitationId: $i) { id } }';
const RESEND = 'mutation($r: ID!, $i: ID!) { resendTeamInvitation(reviewId: $r, invitationId: $i) { id expiresAt } }';
const ACCEPT = 'mutation($t: String!) { acceptInvitation(token: $t, password: "a-good-password", fullName: "New Person") { payload } }';

/** Pending invitations are listed, withdrawn and resent by whoever may invite to that review, and only they. */
describe('pending team invitations', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof createReviewFixture>>;
  let leader: GraphqlClient;
  let coordinator: GraphqlClient;
  let peer: GraphqlClient;

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    f = await createReviewFixture(t.dataSource, { status: 'PREPARATION' });
    leader = await t.gql.signIn(f.people.leader.email, TEST_PASSWORD);
    coordinator = await t.gql.signIn(f.people.coordinator.email, TEST_PASSWORD);
    peer = await t.gql.signIn(f.people.peer.email, TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  const codeOf = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code ?? 'OK';
  const invite = async (who: GraphqlClient, email: string, role: string) =>
    (await who.ok(INVITE, { r: f.reviewId, e: email, role })).addTeamMember.invitation;

  it('lists the pending invitations to whoever may send them: the leader all, the host coordinator host contributors, others none', async () => {
    const peerInvite = await invite(leader, 'new.peer@example.org', 'PEER');
    const contributorInvite = await invite(coordinator, 'new.contributor@example.org', 'HOST_CONTRIBUTOR');
    expect(peerInvite).toMatchObject({ email: 'new.peer@example.org', role: 'PEER', invitedBy: { email: f.people.leader.email } });
    expect((await leader.ok(LIST, { r: f.reviewId })).teamInvitations).toEqual([
      { id: peerInvite.id, email: 'new.peer@example.org', role: 'PEER' },
      { id: contributorInvite.id, email: 'new.contributor@example.org', role: 'HOST_CONTRIBUTOR' },
    ]);
    expect((await coordinator.ok(LIST, { r: f.reviewId })).teamInvitations).toEqual([
      { id: contributorInvite.id, email: 'new.contributor@example.org', role: 'HOST_CONTRIBUTOR' },
    ]);
    expect(codeOf(await peer.request(LIST, { r: f.reviewId }))).toBe('FORBIDDEN');
    expect(codeOf(await coordinator.request(WITHDRAW, { r: f.reviewId, i: peerInvite.id }))).toBe('FORBIDDEN');
    // A second invitation to the same address is refused, saying what to do instead.
    const again = await leader.request(INVITE, { r: f.reviewId, e: 'New.Peer@example.org', role: 'OBSERVER' });
    expect(again.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringContaining('resend it (resendTeamInvitation) or withdraw it'),
    });
  });

  it("a withdrawn invitation's link stops working and it leaves the list", async () => {
    const invitation = await invite(leader, 'withdrawn@example.org', 'OBSERVER');
    const token = await invitationToken(t, invitation.id);
    await leader.ok(WITHDRAW, { r: f.reviewId, i: invitation.id });
    const refused = await t.gql.request(ACCEPT, { t: token });
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: 'This invitation was withdrawn or replaced by a newer one. Ask the person who invited you.',
    });
    expect((await leader.ok(LIST, { r: f.reviewId })).teamInvitations.map((i: { email: string }) => i.email)).not.toContain(
      'withdrawn@example.org',
    );
    expect(codeOf(await leader.request(WITHDRAW, { r: f.reviewId, i: invitation.id }))).toBe('CONFLICT');
  });

  it('a resent invitation (even an expired one) has a new link and lifetime; the old link stops working, the new one lets the person join', async () => {
    const invitation = await invite(leader, 'resent@example.org', 'PEER');
    const oldToken = await invitationToken(t, invitation.id);
    await t.dataSource.query("UPDATE auth_token SET expires_at = now() - interval '1 day' WHERE id = $1", [invitation.id]);
    expect((await leader.ok(LIST, { r: f.reviewId })).teamInvitations.map((i: { id: string }) => i.id)).not.toContain(invitation.id);
    const resent = (await leader.ok(RESEND, { r: f.reviewId, i: invitation.id })).resendTeamInvitation;
    expect(Date.parse(resent.expiresAt)).toBeGreaterThan(Date.now() + 13 * 86_400_000);
    const newToken = await invitationToken(t, invitation.id);
    expect(newToken).not.toBe(oldToken);
    expect(codeOf(await t.gql.request(ACCEPT, { t: oldToken }))).toBe('BAD_USER_INPUT');
    const accepted = await t.gql.ok(ACCEPT, { t: newToken });
    expect(accepted.acceptInvitation.payload).toMatchObject({ reviewId: f.reviewId, role: 'PEER' });
    expect(codeOf(await leader.request(RESEND, { r: f.reviewId, i: invitation.id }))).toBe('CONFLICT');
  });
});
