import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest, RequestPayload } from 'fastify';
import { createServer, RequestListener } from 'node:http';
import { Transform, TransformCallback } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { AppConfig } from '../config/config.schema';
import { BODY_LIMIT_BYTES } from './body-limit';

/**
 * Nest on Fastify (docs/performance.md §5: a quarter to a half less CPU per request than Express)
 * on a Node HTTP server that cuts off slow clients: a request whose headers have not all arrived
 * within HTTP_HEADERS_TIMEOUT_MS, or whose body has not within HTTP_REQUEST_TIMEOUT_MS, is answered
 * 408 and its connection closed, so a client trickling bytes cannot hold a connection (and its
 * memory) for ever. Node checks these deadlines every `connectionsCheckingInterval` (30 s by
 * default, which let a slow client run well past them); here every second, or faster for short
 * limits. WebSocket connections are not requests once upgraded: they are not cut off.
 */
export function createHttpAdapter({
  httpHeadersTimeoutMs: headersTimeout,
  httpRequestTimeoutMs: requestTimeout,
}: Pick<AppConfig, 'httpHeadersTimeoutMs' | 'httpRequestTimeoutMs'>): FastifyAdapter {
  const connectionsCheckingInterval = Math.max(100, Math.min(1000, Math.floor(headersTimeout / 4)));
  return new FastifyAdapter({
    // The client address (rate limits, sign-in throttling) from X-Forwarded-For only when a proxy on this machine sent it.
    trustProxy: 'loopback',
    bodyLimit: BODY_LIMIT_BYTES,
    serverFactory: (handler: RequestListener) => createServer({ headersTimeout, requestTimeout, connectionsCheckingInterval }, handler),
  });
}

/**
 * What every PeerVisit HTTP application needs before its routes are registered (main.ts and the
 * tests' apps): multipart uploads (read by the upload routes themselves, within their own limits)
 * and request bodies sent compressed.
 */
export async function prepareHttpApp(app: NestFastifyApplication): Promise<void> {
  // Loaded here rather than at the top: most of the platform library runs without an HTTP server.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  await app.register(require('@fastify/multipart'), { throwFileSizeLimit: true });
  // A callback hook, not an async one: it runs on every request, and almost all of them pass through untouched.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preParsing', (request, _reply, payload, done) => {
      let body: RequestPayload;
      try {
        body = decompressed(request, payload);
      } catch (error) {
        return done(error as Error);
      }
      done(null, body);
    });
}

const DECOMPRESSORS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/** The types whose body Fastify reads through the preParsing stream (JSON, forms); multipart reads the raw request. */
const INFLATED_TYPES = /^\s*(application\/json|application\/[^;\s]+\+json|application\/x-www-form-urlencoded)\s*(;|$)/i;

const unsupported = (message: string) => Object.assign(new Error(message), { statusCode: 415 });

/**
 * A JSON or form body sent with Content-Encoding gzip, deflate or br is inflated as it is read, and
 * the body limit counts the inflated bytes: past it Fastify answers 413 and stops reading, and the
 * inflater, read by nobody, stops once its buffer is full (a small bomb cannot inflate to gigabytes).
 * `receivedEncodedLength` tells Fastify how many bytes came on the wire, for its Content-Length check.
 * The inflater keeps an error listener for its whole life: a body that ends broken after Fastify
 * stopped reading (a 413, a 415, a GET that sent none) must not become an uncaught 'error' event.
 */
function decompressed(request: FastifyRequest, payload: RequestPayload): RequestPayload {
  const encoding = String(request.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  if (encoding === 'identity' || encoding === '') return payload;
  const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return payload;
  const create = Object.hasOwn(DECOMPRESSORS, encoding) ? DECOMPRESSORS[encoding] : undefined;
  // Client errors (4xx, read by HttpErrorFilter like Fastify's own), as Express' body parsers answered them.
  if (!create) throw unsupported(`unsupported content encoding "${encoding}" (send it as it is, or as gzip, deflate or br)`);
  const type = String(request.headers['content-type'] ?? '');
  if (/^\s*multipart\//i.test(type)) throw unsupported('a multipart upload is read as it is sent: send it without Content-Encoding');
  // Any other type is refused by Fastify without reading the body: nothing to inflate.
  if (!INFLATED_TYPES.test(type)) return payload;
  const inflated = Object.assign(create(), { receivedEncodedLength: 0 });
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      inflated.receivedEncodedLength += chunk.length;
      done(null, chunk);
    },
  });
  inflated.on('error', () => undefined); // Fastify hears of it while it reads; afterwards it is nobody's.
  counter.on('error', (error) => inflated.destroy(error));
  payload.on('error', (error) => inflated.destroy(error));
  payload.pipe(counter).pipe(inflated);
  return inflated;
}
