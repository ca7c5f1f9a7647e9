import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';

/** Where a request keeps the pattern of the route that answers it (/documents/:id/file), for HttpMetricsMiddleware. */
export const ROUTE_PATTERN_OF = Symbol('routePattern');

export const routePatternOf = (req: IncomingMessage): string | undefined => (req as { [ROUTE_PATTERN_OF]?: string })[ROUTE_PATTERN_OF];

/**
 * Nest's middleware runs before Fastify's router has said which route answers; this hook, run once
 * it has, writes the route's pattern on the request (none for an unknown path).
 */
@Injectable()
export class RoutePatternHook implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit() {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return; // an application context without HTTP (scripts)
    fastify.addHook('onRequest', (request, _reply, done) => {
      (request.raw as { [ROUTE_PATTERN_OF]?: string })[ROUTE_PATTERN_OF] = request.routeOptions.url;
      done();
    });
  }
}
