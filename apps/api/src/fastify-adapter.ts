import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppConfig } from '@peervisit/platform';
import { createServer, RequestListener } from 'node:http';

/**
 * API_STACK_VARIANT=fastify, a bench variant only (docs/performance.md says what does not run on it
 * yet): the same slow-client deadlines as TimeoutExpressAdapter, for Fastify's server.
 */
export function fastifyAdapter({ httpHeadersTimeoutMs: headersTimeout, httpRequestTimeoutMs: requestTimeout }: AppConfig) {
  const connectionsCheckingInterval = Math.max(100, Math.min(1000, Math.floor(headersTimeout / 4)));
  return new FastifyAdapter({
    trustProxy: 'loopback',
    serverFactory: (handler: RequestListener) => createServer({ headersTimeout, requestTimeout, connectionsCheckingInterval }, handler),
  });
}
