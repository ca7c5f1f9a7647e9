import { ApolloServerPlugin } from '@apollo/server';
import { AppError, ErrorCode } from '../errors/app-error';
import { graphqlErrorOf } from '../errors/format-graphql-error';
import { GraphqlContext } from './graphql-context';

/** Requests in flight per key; a key is dropped when its last request ends. */
export class InFlightRequests {
  private readonly counts = new Map<string, number>();

  /** Counts a request for `key` unless `limit` are already in flight; says whether it was counted. */
  tryStart(key: string, limit: number): boolean {
    const count = this.counts.get(key) ?? 0;
    if (count >= limit) return false;
    this.counts.set(key, count + 1);
    return true;
  }

  end(key: string): void {
    const count = (this.counts.get(key) ?? 1) - 1;
    if (count > 0) this.counts.set(key, count);
    else this.counts.delete(key);
  }

  inFlight(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}

export interface ConcurrencyLimits {
  /** GraphQL requests one account may have in flight at once. */
  perAccount: number;
  /** The same for requests without a valid access token, per client address. */
  perAddress: number;
  /** The account of a bearer token, or undefined when it is not a valid one. */
  accountOf: (token: string) => string | undefined | Promise<string | undefined>;
}

function bearerToken(header: unknown): string | undefined {
  return typeof header === 'string' && /^Bearer /i.test(header) ? header.slice(7).trim() || undefined : undefined;
}

/**
 * Limits the GraphQL requests in flight at once per account (per client address when anonymous),
 * so that one client cannot hold every database connection with parallel requests: past the limit a
 * request is refused with TOO_MANY_REQUESTS (HTTP 429) before it runs, and the client retries when
 * one of its requests has answered. Counted in this process (API_PROCESSES multiplies it).
 */
export function concurrencyLimitPlugin(limits: ConcurrencyLimits, inFlight = new InFlightRequests()): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart({ contextValue }) {
      const req = contextValue.req;
      const token = bearerToken(req.headers?.authorization);
      let account: string | undefined;
      try {
        account = token ? await limits.accountOf(token) : undefined;
      } catch {
        account = undefined; // an invalid token counts as anonymous; the AuthGuard refuses it where it matters
      }
      const address = (req as { ip?: string }).ip ?? req.socket?.remoteAddress ?? 'unknown';
      const key = account ? `account:${account}` : `address:${address}`;
      const limit = account ? limits.perAccount : limits.perAddress;
      const started = inFlight.tryStart(key, limit);
      let ended = false;
      return {
        async didResolveOperation() {
          if (started) return;
          const who = account ? 'your account' : 'your address';
          throw graphqlErrorOf(
            new AppError(
              ErrorCode.TOO_MANY_REQUESTS,
              `${limit} requests from ${who} are already running; send this one again when one of them has answered.`,
              {
                limit,
                retryAfterSeconds: 1,
              },
            ),
          );
        },
        async willSendResponse() {
          if (!started || ended) return;
          ended = true;
          inFlight.end(key);
        },
      };
    },
  };
}
