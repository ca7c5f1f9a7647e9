import { getQueueToken } from '@nestjs/bullmq';
import { OutboxService, WorkersModule } from '@peervisit/platform';
import { NotificationsModule } from '@peervisit/notifications';
import { ReportingModule } from '@peervisit/reporting';
import { capturedMail, createPerson, createTestApp, TEST_PASSWORD, TestApp, waitForMail } from '@peervisit/testing';
import { Queue, QueueEvents } from 'bullmq';
import { AuthService, DirectoryModule } from '@peervisit/directory';

describe('AuthService (on a fresh database, with the workers running on Redis)', () => {
  let t: TestApp;
  let auth: AuthService;
  const joined: { personId: string; payload: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    // Every job of the queue registry needs its handler before the workers start, hence the other modules.
    t = await createTestApp({ imports: [DirectoryModule, NotificationsModule, ReportingModule, WorkersModule.forRoot()] });
    auth = t.app.get(AuthService);
    auth.onInvitationAccepted('test-team', async (_manager, person, payload) => {
      joined.push({ personId: person.id, payload });
    });
  });
  afterAll(() => t?.close());

  const invite = async (email: string) => {
    const inviter = await createPerson(t.dataSource, { email: `inviter-${Date.now()}@example.org`, isAdmin: true });
    const invitedBy = await auth.me(inviter.id);
    const invitation = await auth.invite(t.dataSource.manager, {
      email,
      kind: 'test-team',
      payload: { reviewId: 'r-1', role: 'PEER' },
      invitedBy,
      reviewTitle: 'Peer review of Bergen',
      roleLabel: 'peer',
    });
    // Outside a review's transaction, queue the message as the review lib does after its commit.
    await t.app.get(OutboxService).enqueueScheduled({ dedupeKeys: [`notice:invitation:${invitation.id}`] });
    return invitation;
  };

  it('signs in with the right password only, whatever the case of the email', async () => {
    const person = await createPerson(t.dataSource, { email: 'elena@example.org' });
    await expect(auth.signIn('ELENA@example.org', TEST_PASSWORD)).resolves.toMatchObject({ person: { id: person.id } });
    await expect(auth.signIn('elena@example.org', 'wrong')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(auth.signIn('nobody@example.org', TEST_PASSWORD)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses an expired password-reset token, saying it expired', async () => {
    await createPerson(t.dataSource, { email: 'pieter@example.org' });
    await auth.requestPasswordReset('pieter@example.org');
    const mail = await waitForMail((m) => m.to === 'pieter@example.org');
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] as string;
    await t.dataSource.query("UPDATE auth_token SET expires_at = now() - interval '1 minute' WHERE email = 'pieter@example.org'");
    await expect(auth.resetPassword(token, 'a-long-new-password')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/^This password-reset link expired on /),
    });
  });

  it('accepting an invitation creates the account and runs the handler of its kind, once', async () => {
    const { token } = await invite('new.peer@example.org');
    const mail = await waitForMail((m) => m.to === 'new.peer@example.org');
    expect(mail.subject).toContain('Peer review of Bergen');
    expect(mail.text).toContain(token);

    await expect(auth.acceptInvitation(token, 'a-good-password')).rejects.toMatchObject({
      details: { problems: [{ path: 'fullName', message: 'give your name for your new account' }] },
    });
    const accepted = await auth.acceptInvitation(token, 'a-good-password', { fullName: 'New Peer' });
    expect(accepted.person).toMatchObject({ email: 'new.peer@example.org', fullName: 'New Peer' });
    expect(joined).toEqual([{ personId: accepted.person.id, payload: { reviewId: 'r-1', role: 'PEER', kind: 'test-team' } }]);
    await expect(auth.signIn('new.peer@example.org', 'a-good-password')).resolves.toBeDefined();
    await expect(auth.acceptInvitation(token, 'a-good-password', { fullName: 'New Peer' })).rejects.toMatchObject({
      message: 'This invitation has already been used.',
    });
  });

  it('an existing account accepts with its own password, and a wrong one changes nothing', async () => {
    const existing = await createPerson(t.dataSource, { email: 'kari@example.org' });
    const { token } = await invite('kari@example.org');
    await expect(auth.acceptInvitation(token, 'not-her-password')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const [row] = await t.dataSource.query("SELECT used_at FROM auth_token WHERE email = 'kari@example.org' AND purpose = 'INVITATION'");
    expect(row.used_at).toBeNull(); // the failed attempt rolled back
    const accepted = await auth.acceptInvitation(token, TEST_PASSWORD);
    expect(accepted.person.id).toBe(existing.id);
  });

  it('a new account chooses its time zone and language when accepting, and a wrong one is refused saying what to write', async () => {
    const { token } = await invite('zoned@example.org');
    await expect(
      auth.acceptInvitation(token, 'a-good-password', { fullName: 'Zoned', timeZone: 'Mars/Olympus', locale: 'not a tag!' }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: {
        problems: [
          { path: 'timeZone', message: '"Mars/Olympus" is not an IANA time zone; expected e.g. Europe/Oslo' },
          {
            path: 'locale',
            message: '"not a tag!" is not a BCP 47 language tag; expected one of en, fr, de (or a regional form such as fr-CH)',
          },
        ],
      },
    });
    expect(await t.dataSource.query("SELECT id FROM person WHERE email = 'zoned@example.org'")).toEqual([]);
    // A well-formed tag of a language PeerVisit does not ship is refused too: the person would get English.
    await expect(
      auth.acceptInvitation(token, 'a-good-password', { fullName: 'Zoned', timeZone: 'America/Sao_Paulo', locale: 'pt-BR' }),
    ).rejects.toMatchObject({
      details: {
        problems: [
          { path: 'locale', message: 'PeerVisit is not available in "pt-BR"; choose one of en, fr, de (or a regional form such as fr-CH)' },
        ],
      },
    });
    const accepted = await auth.acceptInvitation(token, 'a-good-password', {
      fullName: 'Zoned',
      timeZone: 'America/Sao_Paulo',
      locale: 'fr-ch',
    });
    expect(accepted.person).toMatchObject({ timeZone: 'America/Sao_Paulo', locale: 'fr-CH' });
    expect(accepted.refreshToken).toEqual(expect.any(String));
  });

  it('a reset asked for an address without an account is queued like any other, then dropped at send time: only the account is mailed', async () => {
    await createPerson(t.dataSource, { email: 'has-account@example.org' });
    await auth.requestPasswordReset('has-account@example.org');
    await auth.requestPasswordReset('no-account@example.org');
    await waitForMail((m) => m.to === 'has-account@example.org');
    const statusOf = async () =>
      (await t.dataSource.query("SELECT status FROM outbox_message WHERE recipient_email = 'no-account@example.org'"))[0]?.status;
    const until = Date.now() + 15000;
    while ((await statusOf()) !== 'CANCELLED' && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(
      await t.dataSource.query("SELECT status, last_error FROM outbox_message WHERE recipient_email = 'no-account@example.org'"),
    ).toEqual([{ status: 'CANCELLED', last_error: 'no account has this address' }]);
    expect((await capturedMail()).filter((m) => m.to === 'no-account@example.org')).toEqual([]);
    // And its token resets nothing.
    const [row] = await t.dataSource.query(
      "SELECT data->>'secret' AS secret FROM outbox_message WHERE recipient_email = 'no-account@example.org'",
    );
    await expect(auth.resetPassword(row.secret, 'a-long-new-password')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'This password-reset link is not valid. Check you copied the whole link.',
    });
  });

  it('the maintenance worker purges tokens that can no longer be used, through a real BullMQ job', async () => {
    await invite('stale@example.org');
    await t.dataSource.query("UPDATE auth_token SET expires_at = now() - interval '8 days' WHERE email = 'stale@example.org'");
    const queue = t.app.get<Queue>(getQueueToken('maintenance'));
    const events = new QueueEvents('maintenance', { connection: queue.opts.connection, prefix: queue.opts.prefix });
    try {
      await events.waitUntilReady();
      const job = await queue.add('purge-expired-tokens', {});
      const result = await job.waitUntilFinished(events, 20000);
      expect(result).toEqual({ removed: 1 });
    } finally {
      await events.close();
    }
    expect(await t.dataSource.query("SELECT id FROM auth_token WHERE email = 'stale@example.org'")).toEqual([]);
    // The hourly schedule was registered idempotently at start-up.
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toContain('purge-expired-tokens');
  });
});
