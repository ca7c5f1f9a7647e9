import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { forbidden, unauthenticated } from '../errors/app-error';
import { AccessTokenService } from './access-token.service';
import { ADMIN_ONLY, IS_PUBLIC, REVIEW_ROLES, ReviewRolesOptions, requestOf } from './authorization.decorators';
import { REVIEW_ACCESS, ReviewAccess } from './review-access';

/**
 * The one guard, installed globally: authenticated by default, @Public to open a route,
 * @AdminOnly for the secretariat, @ReviewRoles for a role in the review an argument names.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    @Optional() @Inject(REVIEW_ACCESS) private readonly reviewAccess?: ReviewAccess,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    const header = request.headers?.authorization;
    const bearer = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    if (bearer && !request.user) {
      try {
        request.user = await this.tokens.authenticate(bearer);
      } catch (error) {
        // A public operation does not need the token: an expired one sent along (a client refreshing
        // its session with refreshSession) must not stand in the way.
        if (!isPublic) throw error;
      }
    }
    if (isPublic) return true;
    const user = request.user;
    if (!user) throw unauthenticated();

    if (this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, targets) && !user.isAdmin) {
      throw forbidden('Only the network secretariat (an admin) can do this.');
    }
    const reviewRoles = this.reflector.getAllAndOverride<ReviewRolesOptions>(REVIEW_ROLES, targets);
    if (reviewRoles && !user.isAdmin) {
      const args =
        context.getType<string>() === 'graphql'
          ? GqlExecutionContext.create(context).getArgs()
          : { ...(context.switchToHttp().getRequest<{ params?: Record<string, string> }>().params ?? {}) };
      const reviewId = findArg(args, reviewRoles.reviewIdArg ?? 'reviewId');
      if (!reviewId || !this.reviewAccess) throw forbidden('You are not a member of this review.');
      const roles = await this.reviewAccess.rolesOf(user.personId, reviewId);
      if (!roles.some((r) => reviewRoles.roles.includes(r))) {
        throw forbidden(
          roles.length
            ? `This needs one of the review roles ${reviewRoles.roles.join(', ')}; you are ${roles.join(', ')}.`
            : 'You are not a member of this review.',
        );
      }
    }
    return true;
  }
}

/** Finds the argument at the top level or one level down (inside an input object). */
function findArg(args: Record<string, unknown>, name: string): string | undefined {
  if (typeof args[name] === 'string') return args[name] as string;
  for (const value of Object.values(args)) {
    if (value && typeof value === 'object' && typeof (value as Record<string, unknown>)[name] === 'string') {
      return (value as Record<string, string>)[name];
    }
  }
  return undefined;
}
