import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { GraphqlResponse } from './graphql-client';

/** The socket was closed (e.g. the server refused the connection): code and reason as the server gave them. */
export class SubscriptionClosedError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(`The subscription's socket was closed: ${code} ${reason}`);
    this.name = 'SubscriptionClosedError';
  }
}

export interface TestSubscription<T = Record<string, any>> {
  /** The next result the server sent (data and/or errors); rejects after timeoutMs, or if the subscription ended or its socket closed. */
  next(timeoutMs?: number): Promise<GraphqlResponse<T>>;
  /** Resolves if nothing arrives within ms; rejects with what arrived otherwise. */
  expectNothing(ms?: number): Promise<void>;
  /** Completes the subscription and closes its socket. */
  close(): Promise<void>;
}

type Event<T> = { kind: 'next'; value: GraphqlResponse<T> } | { kind: 'error'; error: Error } | { kind: 'complete' };

const DEFAULT_TIMEOUT_MS = 5000;

/**
 * Subscribes over graphql-ws (on its own WebSocket) to `${baseUrl}/graphql`, sending
 * `connectionParams: { Authorization: 'Bearer <token>' }` when a token is given.
 *
 * Resolves once the subscription listens: the server has confirmed it (its ping { subscribed }),
 * or already answered (an error, or a result). So an event published after `await subscribe(...)`,
 * on any API instance, reaches it. Rejects with SubscriptionClosedError when the server closes the
 * socket first (e.g. 4403 for a missing or invalid token), or after timeoutMs.
 */
export async function subscribe<T = Record<string, any>>(
  baseUrl: string,
  token: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
  options: { timeoutMs?: number } = {},
): Promise<TestSubscription<T>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const events: Event<T>[] = [];
  const waiters: ((event: Event<T>) => void)[] = [];
  const push = (event: Event<T>) => {
    const waiter = waiters.shift();
    if (waiter) waiter(event);
    else events.push(event);
  };
  let listening!: () => void;
  const ready = new Promise<void>((resolve) => (listening = resolve));
  let closeError: SubscriptionClosedError | undefined;

  const client: Client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
    on: {
      ping: (received, payload) => {
        if (received && payload && 'subscribed' in payload) listening();
      },
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string | Buffer };
        if (code !== 1000) closeError = new SubscriptionClosedError(code, String(reason));
      },
    },
  });

  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        push({ kind: 'next', value: value as GraphqlResponse<T> });
        listening();
      },
      error: (error) => {
        // An operation refused before it ran (validation, limits): a result with errors, as over HTTP.
        if (Array.isArray(error)) push({ kind: 'next', value: { errors: error } });
        else push({ kind: 'error', error: toError(error, closeError) });
        listening();
      },
      complete: () => {
        push({ kind: 'complete' });
        listening();
      },
    },
  );

  const take = (ms: number) =>
    new Promise<Event<T> | undefined>((resolve) => {
      const queued = events.shift();
      if (queued) return resolve(queued);
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        resolve(undefined);
      }, ms);
      const waiter = (event: Event<T>) => {
        clearTimeout(timer);
        resolve(event);
      };
      waiters.push(waiter);
    });

  const close = async () => {
    unsubscribe();
    await client.dispose();
  };

  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  const outcome = await Promise.race([ready.then(() => 'ready' as const), timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    await close();
    throw new Error(`The subscription did not start within ${timeoutMs} ms.`);
  }
  // A connection refused before any result: report the close, not an empty subscription.
  if (events.length === 1 && events[0].kind === 'error' && events[0].error instanceof SubscriptionClosedError) {
    await close();
    throw events[0].error;
  }

  return {
    async next(ms = timeoutMs) {
      const event = await take(ms);
      if (!event) throw new Error(`No subscription result within ${ms} ms.`);
      if (event.kind === 'error') throw event.error;
      if (event.kind === 'complete') throw new Error('The subscription completed: no more results.');
      return event.value;
    },
    async expectNothing(ms = 300) {
      const event = await take(ms);
      if (event)
        throw new Error(`Expected nothing from the subscription, got ${JSON.stringify(event.kind === 'next' ? event.value : event)}`);
    },
    close,
  };
}

/** graphql-ws hands the sink a CloseEvent or an Error (GraphQL errors are handled above). */
function toError(error: unknown, closeError: SubscriptionClosedError | undefined): Error {
  if (error instanceof Error) return error;
  if (error && typeof error === 'object' && 'code' in error && 'reason' in error) {
    return (
      closeError ?? new SubscriptionClosedError(Number((error as { code: number }).code), String((error as { reason: unknown }).reason))
    );
  }
  return new Error(String(error));
}
