import type { ServerResponse } from 'node:http';

/**
 * A JSON answer written on Node's own response: what a middleware has (Fastify runs Nest's middleware
 * on the raw request and response, not on its reply).
 */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
