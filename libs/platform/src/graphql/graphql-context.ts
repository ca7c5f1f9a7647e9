import type { IncomingMessage } from 'node:http';
import { CurrentUser } from '../auth/current-user';
import { LoaderRegistry } from './loader-registry';

/**
 * The request a GraphQL operation came with: over HTTP, Fastify's request; for a subscription
 * (graphql-ws over WebSocket), the HTTP upgrade request that opened the socket. `user` is the person
 * whose access token was verified (by the AuthGuard over HTTP, at connection for a subscription).
 */
export type GraphqlRequest = IncomingMessage & { user?: CurrentUser };

export interface GraphqlContext {
  req: GraphqlRequest;
  /** Per-request DataLoaders; for a subscription, new for each event it sends. */
  loaders: LoaderRegistry;
  /** Subscriptions only: what the client sent in connection_init (e.g. Authorization). */
  connectionParams?: Readonly<Record<string, unknown>>;
}

/** What graphql-ws gives the context factory and the hooks: the socket's upgrade request, and what was verified. */
export interface SubscriptionConnection {
  connectionParams?: Readonly<Record<string, unknown>>;
  extra: { request: GraphqlRequest };
}

/** Fastify's request (only its marker is needed here: the raw Node request it wraps). */
interface FastifyLikeRequest {
  raw: IncomingMessage;
}

/** Builds the context for an HTTP request (`{ req }`, from Apollo) or a subscription (`{ connectionParams, extra }`, from graphql-ws). */
export function createGraphqlContext(source: { req: GraphqlRequest } | SubscriptionConnection | FastifyLikeRequest): GraphqlContext {
  if ('req' in source && source.req) return { req: source.req, loaders: new LoaderRegistry() };
  // Apollo's Fastify integration passes Fastify's request itself, which carries the headers, the
  // socket and the client address (request.ip, honouring trustProxy) as the code here reads them.
  if ('raw' in source) return { req: source as unknown as GraphqlRequest, loaders: new LoaderRegistry() };
  const { connectionParams, extra } = source as SubscriptionConnection;
  return { req: extra.request, loaders: new LoaderRegistry(), connectionParams };
}

/**
 * The signed-in person in a field resolver that takes graphql-js' own arguments (parent, args,
 * context), as `@Me()` gives it to a decorated one. Without parameter decorators Nest calls a field
 * resolver directly instead of through its per-call wrapper (pipes, an async function, several
 * promises): what a whole review, with thousands of fields, costs (docs/performance.md §4).
 */
export const userOf = (ctx: GraphqlContext): CurrentUser => ctx.req.user as CurrentUser;
