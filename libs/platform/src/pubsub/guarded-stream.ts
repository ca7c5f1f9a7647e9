import type { PubSub } from './pub-sub';

/**
 * The payload published on a recheck trigger: "check access again" (it is never sent to a client).
 * Recheck triggers share the stream's one Redis iterator with the data triggers, so the marker is how
 * the stream tells them apart.
 */
export const RECHECK_ACCESS = { recheckAccess: true } as const;

const isRecheck = (value: unknown) =>
  typeof value === 'object' && value !== null && (value as { recheckAccess?: unknown }).recheckAccess === true;

/**
 * A live stream that lasts only as long as its reader may read it. `allowed()` runs before each event
 * is handed on and whenever a `recheckOn` trigger fires (e.g. the team or the status of a review
 * changed); when it throws (FORBIDDEN, NOT_FOUND...), the stream stops listening and its next() throws
 * that error, which subscriptions.ts sends to the client as the stream's last result.
 */
export function guardedStream<T>(
  pubSub: Pick<PubSub, 'asyncIterableIterator'>,
  options: { triggers: readonly string[]; recheckOn: readonly string[]; allowed: () => Promise<unknown> },
): AsyncIterableIterator<T> {
  const source = pubSub.asyncIterableIterator<T | typeof RECHECK_ACCESS>([...options.triggers, ...options.recheckOn]);
  let ended = false;
  const end = async () => {
    ended = true;
    await source.return?.();
  };
  const stream: AsyncIterableIterator<T> = {
    async next(): Promise<IteratorResult<T>> {
      while (!ended) {
        const result = await source.next();
        if (result.done || ended) break;
        try {
          await options.allowed();
        } catch (error) {
          await end();
          throw error;
        }
        if (!isRecheck(result.value)) return result as IteratorResult<T>;
      }
      return { done: true, value: undefined };
    },
    async return(): Promise<IteratorResult<T>> {
      await end();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}
