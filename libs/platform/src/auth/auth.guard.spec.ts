import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { loadConfig } from '../config/config.schema';
import { AccessTokenService } from './access-token.service';
import { AuthGuard } from './auth.guard';
import { AdminOnly, Public, ReviewRoles } from './authorization.decorators';
import { ReviewAccess } from './review-access';

/** Route handlers as a resolver or controller would declare them. */
class Routes {
  @Public() open() {}
  signedIn() {}
  @AdminOnly() adminOnly() {}
  @ReviewRoles(['EXPERT_LEADER']) leaderOnly() {}
}

// Who has which role in which review (what the review lib answers from the team table).
const roles: Record<string, string[]> = { 'leader:r1': ['EXPERT_LEADER'], 'peer:r1': ['PEER'] };
const reviewAccess: ReviewAccess = { rolesOf: async (personId, reviewId) => roles[`${personId}:${reviewId}`] ?? [] };

describe('AuthGuard', () => {
  const tokens = new AccessTokenService(loadConfig({}));
  const guard = new AuthGuard(new Reflector(), tokens, reviewAccess);
  const bearer = (personId: string, isAdmin = false) => `Bearer ${tokens.issue({ personId, email: `${personId}@example.org`, isAdmin }).token}`;

  function context(handler: keyof Routes, authorization?: string, params: Record<string, string> = {}): ExecutionContext {
    const request = { headers: authorization ? { authorization } : {}, params };
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
  });

  it('keeps @AdminOnly routes to admins', async () => {
    await expect(guard.canActivate(context('adminOnly', bearer('peer')))).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Only the network secretariat (an admin) can do this.' });
    await expect(guard.canActivate(context('adminOnly', bearer('admin', true)))).resolves.toBe(true);
  });

  it('checks the role a @ReviewRoles route declares in the review its argument names', async () => {
    await expect(guard.canActivate(context('leaderOnly', bearer('leader'), { reviewId: 'r1' }))).resolves.toBe(true);
    await expect(guard.canActivate(context('leaderOnly', bearer('peer'), { reviewId: 'r1' }))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'This needs one of the review roles EXPERT_LEADER; you are PEER.',
    });
    await expect(guard.canActivate(context('leaderOnly', bearer('leader'), { reviewId: 'r2' }))).rejects.toMatchObject({ message: 'You are not a member of this review.' });
    await expect(guard.canActivate(context('leaderOnly', bearer('admin', true), { reviewId: 'r2' }))).resolves.toBe(true);
  });
});
