import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import jwt from 'jsonwebtoken';
import { loadConfig } from '../config/config.schema';
import { AccessTokenService } from './access-token.service';
import { AuthGuard } from './auth.guard';
import { AdminOnly, Public } from './authorization.decorators';
import { SessionStore } from './session-store';

/** Route handlers as a resolver or controller would declare them. */
class Routes {
  @Public() open() {}
  signedIn() {}
  @AdminOnly() adminOnly() {}
}

describe('AuthGuard', () => {
  // Sessions as SessionStore answers them (the real one, on PostgreSQL, is tested in test/security/sessions.spec.ts).
  const ended = new Set<string>();
  const sessions = { isActive: async (id: string) => !ended.has(id) } as SessionStore;
  const tokens = new AccessTokenService(loadConfig({}), sessions);
  const guard = new AuthGuard(new Reflector(), tokens);
  const bearer = (personId: string, isAdmin = false, sessionId = `session-of-${personId}`) =>
    `Bearer ${tokens.issue({ personId, email: `${personId}@example.org`, isAdmin, sessionId }).token}`;

  function context(handler: keyof Routes, authorization?: string): ExecutionContext {
    const request = { headers: authorization ? { authorization } : {} };
    return {
      getType: () => 'http',
      getHandler: () => Routes.prototype[handler],
      getClass: () => Routes,
      switchToHttp: () => ({ getRequest: () => request }),
    } as unknown as ExecutionContext;
  }

  it('lets anyone through a @Public route, and only a signed-in person through the others', async () => {
    await expect(guard.canActivate(context('open'))).resolves.toBe(true);
    await expect(guard.canActivate(context('signedIn'))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(guard.canActivate(context('signedIn', bearer('peer')))).resolves.toBe(true);
    await expect(guard.canActivate(context('signedIn', 'Bearer forged.token.value'))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    // A client refreshing with a stale token still in its header reaches the public operation.
    await expect(guard.canActivate(context('open', 'Bearer forged.token.value'))).resolves.toBe(true);
  });

  it('refuses a token whose session has ended, and one without a session', async () => {
    const token = bearer('leaver', false, 'session-to-end');
    await expect(guard.canActivate(context('signedIn', token))).resolves.toBe(true);
    ended.add('session-to-end');
    await expect(guard.canActivate(context('signedIn', token))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/^Your session has ended/),
    });
    const config = loadConfig({});
    const sessionless = jwt.sign({ sub: 'old', email: 'old@example.org', admin: false }, config.jwtSecret, {
      algorithm: 'HS256',
      issuer: 'peervisit',
      expiresIn: 60,
    });
    await expect(guard.canActivate(context('signedIn', `Bearer ${sessionless}`))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('keeps @AdminOnly routes to admins', async () => {
    await expect(guard.canActivate(context('adminOnly', bearer('peer')))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only the network secretariat (an admin) can do this.',
    });
    await expect(guard.canActivate(context('adminOnly', bearer('admin', true)))).resolves.toBe(true);
  });
});
