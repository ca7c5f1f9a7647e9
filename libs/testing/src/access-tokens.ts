import { INestApplicationContext } from '@nestjs/common';
import { AccessTokenService, CurrentUser, SessionStore } from '@peervisit/platform';
import { DataSource } from 'typeorm';

/**
 * An access token for someone, backed by a real session row (as signIn would start), for tests whose
 * app has no sign-in (no DirectoryModule) or whose person needs no password.
 */
export async function issueAccessToken(app: INestApplicationContext, user: Omit<CurrentUser, 'sessionId'>): Promise<string> {
  const session = await app
    .get(SessionStore)
    .open(app.get(DataSource).manager, { personId: user.personId, userAgent: 'test', expiresAt: new Date(Date.now() + 24 * 3600 * 1000) });
  return app.get(AccessTokenService).issue({ ...user, sessionId: session.id }).token;
}
