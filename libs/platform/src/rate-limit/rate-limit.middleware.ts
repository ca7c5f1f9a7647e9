import { Injectable, NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AccessTokenService } from '../auth/access-token.service';
import { ErrorCode } from '../errors/app-error';
import { sendJson } from '../http/raw-response';
import { RequestRateLimiter } from './request-rate-limiter';

/** Health checks come from the load balancer's one address, often; throttling them would take the instance out. */
const NOT_LIMITED = ['/health'];

/**
 * Counts every HTTP request (GraphQL, uploads, downloads, calendar feeds) against the client IP and,
 * when it carries a valid access token, the person; over either limit it answers 429 with
 * Retry-After and the code TOO_MANY_REQUESTS, in GraphQL's shape on /graphql.
 */
@Injectable()
export class RateLimitMiddleware implements NestMiddleware {
  constructor(
    private readonly limiter: RequestRateLimiter,
    private readonly tokens: AccessTokenService,
  ) {}

  /** `ip` and `originalUrl` are set by Fastify's middleware runner (the address honours trustProxy: loopback). */
  async use(req: IncomingMessage & { ip?: string; originalUrl?: string }, res: ServerResponse, next: () => void) {
    const path = (req.originalUrl ?? req.url ?? '/').split('?')[0];
    if (NOT_LIMITED.some((p) => path === p || path.startsWith(`${p}/`))) return next();
    const refused = await this.limiter.consume({ ip: req.ip ?? req.socket.remoteAddress ?? 'unknown', personId: await this.personOf(req) });
    if (!refused) return next();
    const message = `Too many requests from ${refused.over === 'ip' ? 'this address' : 'your account'}: try again in ${refused.retryAfterSeconds} s.`;
    const details = { code: ErrorCode.TOO_MANY_REQUESTS, retryAfterSeconds: refused.retryAfterSeconds };
    res.setHeader('Retry-After', String(refused.retryAfterSeconds));
    sendJson(res, 429, path === '/graphql' ? { errors: [{ message, extensions: details }] } : { ...details, message });
  }

  /** The person a valid bearer token names; an invalid one counts only against the address (the AuthGuard refuses it). */
  private async personOf(req: IncomingMessage): Promise<string | undefined> {
    const header = req.headers.authorization;
    if (typeof header !== 'string' || !/^Bearer /i.test(header)) return undefined;
    try {
      return (await this.tokens.authenticate(header.slice(7).trim())).personId;
    } catch {
      return undefined;
    }
  }
}
