import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode, HTTP_STATUS_OF } from '../errors/app-error';
import { Metrics } from './metrics';

const CODE_OF_STATUS = new Map<number, string>(Object.entries(HTTP_STATUS_OF).map(([code, status]) => [status, code]));

/** Paths answered outside Nest's router, so without a route pattern of their own. */
const MOUNTED = ['/admin/queues', '/metrics'];

/**
 * Counts and times every plain HTTP request (GraphQL is counted per operation by its plugin). The
 * route label is the matched pattern (/documents/:id, not the id), so ids never become series.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: Metrics) {}

  use(req: Request, res: Response, next: NextFunction) {
    const path = req.originalUrl.split('?')[0];
    if (path === '/graphql') return next();
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      // Nest's controller routes are registered at the root with their whole pattern; a wildcard
      // pattern is a middleware's (Nest mounts middleware on {*path}), not the route that answered.
      const pattern = (req.route as { path?: unknown } | undefined)?.path;
      const route =
        typeof pattern === 'string' && !pattern.includes('*')
          ? pattern
          : (MOUNTED.find((m) => path === m || path.startsWith(`${m}/`)) ?? 'unmatched');
      const method = METHODS.has(req.method) ? req.method : 'OTHER';
      this.metrics.httpRequests.inc({ route, method, status: String(res.statusCode) });
      this.metrics.httpDuration.observe({ route, method }, Number(process.hrtime.bigint() - started) / 1e9);
      if (res.statusCode >= 400) {
        const code =
          CODE_OF_STATUS.get(res.statusCode) ?? (res.statusCode >= 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_USER_INPUT);
        this.metrics.errors.inc({ code, surface: 'http' });
      }
    });
    next();
  }
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
