import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { REQUEST_CONTEXT_OF, RequestContext, runWithRequestContext } from './request-context';

/**
 * Fastify reads a request's body after the middleware ran, in callbacks of the socket's own that do
 * not carry the middleware's async context: the handler (a route, Apollo) is run inside the
 * request's context again, so its log lines, errors and jobs carry the request id.
 */
@Injectable()
export class RequestContextHooks implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit() {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return; // an application context without HTTP (scripts)
    fastify.addHook('preHandler', (request, _reply, done) => {
      const context = (request.raw as { [REQUEST_CONTEXT_OF]?: RequestContext })[REQUEST_CONTEXT_OF];
      if (context) runWithRequestContext(context, done);
      else done();
    });
  }
}
