import { cacheExchange, Client, fetchExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient } from 'graphql-ws';
import { currentAccessToken, refreshSession } from '../auth/refresh';
import { readSession } from '../auth/session';

const hasUnauthenticated = (body: unknown) =>
  Array.isArray((body as { errors?: unknown[] })?.errors) &&
  (body as { errors: { extensions?: { code?: string } }[] }).errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');

/**
 * fetch for urql: sends the current access token (refreshed first when it has expired) and, when the
 * API still answers UNAUTHENTICATED (revoked, clock skew), refreshes once and sends the request again.
 */
export async function authenticatedFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const send = (token: string | null) =>
    fetch(input, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  const token = await currentAccessToken();
  const response = await send(token);
  if (!token) return response;
  const body = await response
    .clone()
    .json()
    .catch(() => null);
  if (!hasUnauthenticated(body)) return response;
  const outcome = await refreshSession(token);
  return outcome.kind === 'refreshed' ? send(outcome.session.accessToken) : response;
}

const wsUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

/**
 * The one GraphQL client (urql): queries and mutations over fetch, subscriptions over graphql-ws.
 * `language` is the one the app is shown in, sent as Accept-Language: the API gives texts it
 * translates (benchmark texts, error messages) in it, rather than in the browser's own languages.
 */
export function createGraphqlClient(language: string): Client {
  const ws = createWsClient({
    url: wsUrl(),
    lazy: true,
    // A phone loses the network often: keep reconnecting, each time with a fresh token.
    retryAttempts: Infinity,
    shouldRetry: () => true,
    connectionParams: async () => {
      const token = (await currentAccessToken()) ?? readSession()?.accessToken;
      return token ? { authorization: `Bearer ${token}` } : {};
    },
  });
  return new Client({
    url: '/graphql',
    fetch: authenticatedFetch,
    fetchOptions: { headers: { 'accept-language': language } },
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
}
