import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { ErrorCode } from '../errors/app-error';
import { sendJson } from '../http/raw-response';
import { Metrics } from './metrics';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * GET /metrics in Prometheus' text format, for the holder of METRICS_TOKEN (Authorization: Bearer).
 * Without a token configured the endpoint does not exist (404), so nothing is exposed by default.
 * A middleware rather than a controller: the global AuthGuard would read the bearer as an access token.
 */
@Injectable()
export class MetricsEndpointMiddleware implements NestMiddleware {
  private readonly expected?: Buffer;

  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.expected = config.metricsToken ? digest(config.metricsToken) : undefined;
  }

  async use(req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: (error?: unknown) => void) {
    if (!this.expected || req.method !== 'GET' || (req.originalUrl ?? req.url ?? '').split('?')[0] !== '/metrics') return next();
    const header = req.headers.authorization;
    const presented = typeof header === 'string' && /^Bearer /i.test(header) ? header.slice(7).trim() : '';
    // Compared as digests, in constant time, so the answer's timing says nothing about the token.
    if (!presented || !timingSafeEqual(digest(presented), this.expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      sendJson(res, 401, {
        code: ErrorCode.UNAUTHENTICATED,
        message: 'Send the metrics token (METRICS_TOKEN) as Authorization: Bearer <token>.',
      });
      return;
    }
    try {
      const body = await this.metrics.registry.metrics();
      res.statusCode = 200;
      res.setHeader('Content-Type', this.metrics.registry.contentType);
      res.end(body);
    } catch (error) {
      next(error);
    }
  }
}
