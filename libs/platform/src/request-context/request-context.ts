import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line of one request (or one job) carries. Mutable: a job learns its request id from its row. */
export interface RequestContext {
  requestId: string;
  /** For a queue job: queue/name/id, so its lines can be told apart from the request's. */
  job?: string;
  /** The language of the request's Accept-Language header, when it names a shipped one. */
  acceptLanguage?: string;
  /** The signed-in person's language (from the access token), set by the AuthGuard. */
  personLanguage?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Where an HTTP request keeps its context (RequestIdMiddleware sets it, RequestContextHooks enters it again). */
export const REQUEST_CONTEXT_OF = Symbol('requestContext');

/** The header a request id comes in and goes out with. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * An incoming id is kept only when it is short and plain (letters, digits, . _ : -), so a client or
 * proxy cannot put newlines, JSON or megabytes into every log line; anything else gets a new id.
 */
const WELL_FORMED = /^[A-Za-z0-9._:-]{1,128}$/;

export function acceptRequestId(incoming: unknown): string {
  return typeof incoming === 'string' && WELL_FORMED.test(incoming) ? incoming : randomUUID();
}

export function isWellFormedRequestId(value: unknown): value is string {
  return typeof value === 'string' && WELL_FORMED.test(value);
}

/** Runs `fn` (and everything it starts, awaits or schedules) with this context. */
export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
