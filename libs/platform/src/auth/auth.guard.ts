import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden, unauthenticated } from '../errors/app-error';
import { currentRequestContext } from '../request-context/request-context';
import { AccessTokenService } from './access-token.service';
import { ADMIN_ONLY, IS_PUBLIC, requestOf } from './authorization.decorators';

/**
 * The one guard, installed globally: authenticated by default, @Public to open a route, @AdminOnly
 * for the secretariat. It decides only from the token; what a person may do with a review's data
 * is decided by the service that owns the data (ReviewAccessService; docs/architecture.md).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
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
    // API error messages are written in the person's language when the request names none (Accept-Language).
    const context_ = currentRequestContext();
    if (context_ && request.user?.language) context_.personLanguage = request.user.language;
    if (isPublic) return true;
    const user = request.user;
    if (!user) throw unauthenticated();

    if (this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, targets) && !user.isAdmin) {
      throw forbidden('Only the network secretariat (an admin) can do this.');
    }
    return true;
  }
}
