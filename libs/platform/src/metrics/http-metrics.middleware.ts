import { Injectable, NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, HTTP_STATUS_OF } from '../errors/app-error';
import { Metrics } from './metrics';
import { routePatternOf } from './route-pattern.hook';

const CODE_OF_STATUS = new Map<number, string>(Object.entries(HTTP_STATUS_OF).map(([code, status]) => [status, code]));

/** Paths answered outside Nest's router, labelled by where they are mounted. */
const MOUNTED = ['/admin/queues', '/metrics'];

/**
 * Counts and times every plain HTTP request (GraphQL is counted per operation by its plugin). The
 * route label is the matched pattern (/documents/:id, not the id), so ids never become series.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: Metrics) {}

  use(req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: () => void) {
    const path = (req.originalUrl ?? req.url ?? '/').split('?')[0];
    if (path === '/graphql') return next();
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      // The queue dashboard's many routes (and its static files' wildcard) are labelled by its mount.
      const pattern = routePatternOf(req);
      const route =
        MOUNTED.find((m) => path === m || path.startsWith(`${m}/`)) ??
        (pattern !== undefined && !pattern.includes('*') ? pattern : 'unmatched');
      const method = METHODS.has(req.method ?? '') ? (req.method as string) : 'OTHER';
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
