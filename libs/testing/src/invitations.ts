import { createHash } from 'node:crypto';
import { capturedMail } from './mail-capture';
import { TestApp } from './test-app';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * The secret link token of an invitation (by its id), as the invitee would read it: from the email
 * once the mail worker sent it, or, in an app without workers, from the outbox row still waiting
 * to be sent. Waits up to `timeoutMs` for either.
 */
export async function invitationToken(t: TestApp, invitationId: string, timeoutMs = 15000): Promise<string> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const [row] = await t.dataSource.query('SELECT email, token_hash FROM auth_token WHERE id = $1', [invitationId]);
    if (!row) throw new Error(`No invitation ${invitationId}`);
    const waiting: { secret: string }[] = await t.dataSource.query(
      "SELECT data->>'secret' AS secret FROM outbox_message WHERE recipient_email = $1 AND template = 'invitation' AND data ? 'secret'",
      [row.email],
    );
    const mailed = (await capturedMail())
      .filter((m) => m.to === row.email)
      .map((m) => /accept-invitation\?token=([A-Za-z0-9_-]+)/.exec(m.text)?.[1] ?? '');
    const token = [...waiting.map((w) => w.secret), ...mailed].find((secret) => sha256(secret) === row.token_hash);
    if (token) return token;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The invitation ${invitationId} was neither mailed nor waiting in the outbox within ${timeoutMs} ms`);
}

/** Accepts an invitation over GraphQL as its invitee (with their password; a name too for a new account). */
export async function acceptInvitation(
  t: TestApp,
  invitationId: string,
  password: string,
  fullName?: string,
): Promise<{ accessToken: string; refreshToken: string; payload: Record<string, unknown> }> {
  const token = await invitationToken(t, invitationId);
  const data = await t.gql.ok<{ acceptInvitation: { accessToken: string; refreshToken: string; payload: Record<string, unknown> } }>(
    'mutation($t: String!, $p: String!, $n: String) { acceptInvitation(token: $t, password: $p, fullName: $n) { accessToken refreshToken payload } }',
    { t: token, p: password, n: fullName ?? null },
  );
  return data.acceptInvitation;
}
