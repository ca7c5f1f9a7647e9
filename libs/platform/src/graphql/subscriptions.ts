import {
  createSourceEventStream,
  execute,
  ExecutionArgs,
  ExecutionResult,
  getOperationAST,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { CloseCode, Context, MessageType, ServerOptions } from 'graphql-ws';
import jwt from 'jsonwebtoken';
import type { WebSocket } from 'ws';
import { CurrentUser } from '../auth/current-user';
import { SESSIONS_REVOKED } from '../auth/session-store';
import { AppError, ErrorCode } from '../errors/app-error';
import { complexityPlugin } from './complexity.plugin';
import { depthLimitRule } from './depth-limit.rule';
import { inputError } from './input-checks.plugin';
import type { Metrics } from '../metrics/metrics';
import type { PubSub } from '../pubsub/pub-sub';
import { GraphqlContext, GraphqlRequest } from './graphql-context';
import { LoaderRegistry } from './loader-registry';

/** What graphql-ws' `ws` adapter puts in `extra` (Nest types it as unknown). */
type Extra = { socket: WebSocket; request: GraphqlRequest };
type Connection = Context<Record<string, unknown> | undefined, unknown>;
const extraOf = (ctx: Connection) => ctx.extra as Extra;
type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** The graphql-ws server options PeerVisit uses (Nest passes them through to graphql-ws' useServer). */
export type GraphqlWsOptions = Pick<
  ServerOptions<Record<string, unknown> | undefined, unknown>,
  'onConnect' | 'onSubscribe' | 'onOperation' | 'onNext' | 'onError' | 'subscribe'
> & {
  path: string;
  connectionInitWaitTimeout: number;
};

/** The bearer token of a connection: `connectionParams.Authorization` (any case), else the upgrade request's header. */
export function bearerOf(connectionParams: Readonly<Record<string, unknown>> | undefined, request?: GraphqlRequest): string | undefined {
  const param = Object.entries(connectionParams ?? {}).find(([key]) => key.toLowerCase() === 'authorization')?.[1];
  const header = typeof param === 'string' ? param : request?.headers?.authorization;
  return typeof header === 'string' && /^Bearer /i.test(header) ? header.slice(7).trim() || undefined : undefined;
}

/** Close code for a person who already has their maximum of live connections open (graphql-ws clients do not retry it). */
export const TOO_MANY_CONNECTIONS_CLOSE_CODE = CloseCode.TooManyInitialisationRequests;

/** WebSocket close reasons are limited to 123 bytes. */
const closeReason = (text: string) =>
  Buffer.byteLength(text) <= 123
    ? text
    : `${Buffer.from(text)
        .subarray(0, 120)
        .toString()
        .replace(/\uFFFD$/, '')}...`;

/** What one authenticated socket holds: the check of the token it was opened with, run before each event. */
interface LiveConnection {
  /** True while the token is still good; otherwise closes the socket and answers false. */
  stillValid(): Promise<boolean>;
}

/**
 * Subscriptions over graphql-ws on the GraphQL path:
 * - connection_init must carry `{ Authorization: 'Bearer <token>' }`; the token is verified and the
 *   person put on the upgrade request (`context.req.user`), so `@Me()` and the AuthGuard work as over
 *   HTTP. Without a valid token the socket is closed with 4403 and a reason that says why.
 * - the token is verified again before every event, and the socket is closed (4403, UNAUTHENTICATED)
 *   when it expires, when its session is revoked (SESSIONS_REVOKED, at once) or when it is no longer
 *   accepted: a socket never outlives the access it was opened with.
 *   graphql-ws clients reconnect after 4403, calling connectionParams again for a fresh token.
 * - a person has at most `maxConnectionsPerPerson` sockets open on this process; one more is closed
 *   with 4429 and a reason that says so.
 * - only subscriptions: queries and mutations go over HTTP, through Apollo's limits and plugins.
 * - the same depth and cost limits as over HTTP, and the same error formatting.
 * - each event is executed with new DataLoaders, so an event never sees data cached for an earlier one.
 * - a stream that ends because access ended (guardedStream) sends that error as its last result.
 * - once the subscription listens, the server sends a ping { subscribed: id } (see onOperation).
 */
export function graphqlWsOptions(options: {
  path: string;
  /** Verifies an access token (signature, expiry, session): the person, or throws UNAUTHENTICATED. */
  verifyToken: (token: string) => CurrentUser | Promise<CurrentUser>;
  maxConnectionsPerPerson: number;
  getSchema: () => GraphQLSchema;
  maxDepth: number;
  maxComplexity: number;
  formatError: FormatError;
  pubSub: Pick<PubSub, 'whenSubscribed' | 'subscribe'>;
  /** Counts open subscriptions (peervisit_graphql_subscriptions_open). */
  metrics?: Pick<Metrics, 'countSubscription'>;
}): GraphqlWsOptions {
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => options.formatError(error.toJSON(), error));
  const refuse = (ctx: Connection, reason: string, code: number = CloseCode.Forbidden) => {
    extraOf(ctx).socket.close(code, closeReason(reason));
    return false;
  };
  const costCheck = complexityPlugin(options.getSchema, options.maxComplexity);
  const connections = new WeakMap<GraphqlRequest, LiveConnection>();
  const openByPerson = new Map<string, number>();
  /** Open sockets by the session their token belongs to: a revoked session's are closed at once. */
  const socketsBySession = new Map<string, Set<WebSocket>>();
  let listening: Promise<unknown> | undefined;
  const closeRevoked = () =>
    (listening ??= options.pubSub
      .subscribe<{ ids?: string[] }>(SESSIONS_REVOKED, ({ ids }) => {
        for (const id of ids ?? []) {
          for (const socket of socketsBySession.get(id) ?? [])
            socket.close(CloseCode.Forbidden, closeReason(`${ErrorCode.UNAUTHENTICATED}: your session has ended; sign in again.`));
        }
      })
      // Without the message, the check before each event and the expiry timer still end the socket.
      .catch(() => (listening = undefined)));
  const unauthenticatedReason = (error: unknown) =>
    `${ErrorCode.UNAUTHENTICATED}: ${error instanceof AppError ? error.message : 'the access token is not valid.'}`;

  /** Keeps count of the person's open sockets, and closes the socket when its token expires. */
  const track = (ctx: Connection, token: string, user: CurrentUser) => {
    const { socket, request } = extraOf(ctx);
    openByPerson.set(user.personId, (openByPerson.get(user.personId) ?? 0) + 1);
    const expiresInMs = expiryOf(token) - Date.now();
    const expiry = setTimeout(
      () =>
        socket.close(
          CloseCode.Forbidden,
          closeReason(`${ErrorCode.UNAUTHENTICATED}: your access token expired; reconnect with a fresh one.`),
        ),
      Math.min(Math.max(expiresInMs, 0), 2 ** 31 - 1),
    );
    expiry.unref();
    const session = user.sessionId;
    if (session) {
      void closeRevoked();
      socketsBySession.set(session, (socketsBySession.get(session) ?? new Set()).add(socket));
    }
    socket.once('close', () => {
      clearTimeout(expiry);
      const sockets = session ? socketsBySession.get(session) : undefined;
      sockets?.delete(socket);
      if (session && !sockets?.size) socketsBySession.delete(session);
      const open = (openByPerson.get(user.personId) ?? 1) - 1;
      if (open > 0) openByPerson.set(user.personId, open);
      else openByPerson.delete(user.personId);
    });
    connections.set(request, {
      stillValid: async () => {
        try {
          await options.verifyToken(token);
          return socket.readyState === socket.OPEN;
        } catch (error) {
          socket.close(CloseCode.Forbidden, closeReason(unauthenticatedReason(error)));
          return false;
        }
      },
    });
  };

  return {
    path: options.path,
    connectionInitWaitTimeout: 10_000,

    onConnect: async (ctx: Connection) => {
      const token = bearerOf(ctx.connectionParams, extraOf(ctx).request);
      if (!token) return refuse(ctx, `${ErrorCode.UNAUTHENTICATED}: send connectionParams { Authorization: "Bearer <access token>" }.`);
      let user: CurrentUser;
      try {
        user = await options.verifyToken(token);
      } catch (error) {
        return refuse(ctx, unauthenticatedReason(error));
      }
      if ((openByPerson.get(user.personId) ?? 0) >= options.maxConnectionsPerPerson) {
        return refuse(
          ctx,
          `TOO_MANY_CONNECTIONS: you already have ${options.maxConnectionsPerPerson} live connections open; close one first.`,
          TOO_MANY_CONNECTIONS_CLOSE_CODE,
        );
      }
      // Gone while its token was checked: nothing to count (its close event has already fired).
      if (extraOf(ctx).socket.readyState !== extraOf(ctx).socket.OPEN) return false;
      extraOf(ctx).request.user = user;
      track(ctx, token, user);
      return true;
    },

    onSubscribe: async (_ctx, _id, payload) => {
      const schema = options.getSchema();
      let document;
      try {
        document = parse(payload.query);
      } catch (error) {
        return [new GraphQLError((error as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
      }
      const invalid = validate(schema, document, [...specifiedRules, depthLimitRule(options.maxDepth)]);
      if (invalid.length)
        return invalid.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
      const operation = getOperationAST(document, payload.operationName);
      if (operation?.operation !== 'subscription') {
        return [
          new GraphQLError('Only subscriptions go over the WebSocket; send queries and mutations over HTTP (POST /graphql).', {
            extensions: { code: 'BAD_USER_INPUT' },
          }),
        ];
      }
      try {
        const listener = await costCheck.requestDidStart?.({} as never);
        await listener?.didResolveOperation?.({
          request: { operationName: payload.operationName, variables: payload.variables },
          document,
        } as never);
      } catch (error) {
        if (error instanceof GraphQLError) return [error];
        throw error;
      }
      // The same refusal of NUL characters and malformed ids as over HTTP (input-checks.plugin.ts).
      const hostile = inputError(schema, document, payload.operationName, payload.variables ?? undefined);
      if (hostile) return [hostile];
      return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
    },

    subscribe: async (args) => {
      const result = await subscribeWithFreshLoaders(
        args,
        () => connections.get((args.contextValue as GraphqlContext).req)?.stillValid() ?? Promise.resolve(false),
      );
      return options.metrics && Symbol.asyncIterator in result ? options.metrics.countSubscription(result) : result;
    },

    // Tells the client when its subscription listens: a graphql-ws ping { subscribed: id } once Redis
    // has confirmed the subscription (clients answer pings with a pong and otherwise ignore them).
    // Without it a client cannot know when an event published elsewhere will reach it.
    onOperation: async (ctx, id, _payload, _args, result) => {
      if (!(Symbol.asyncIterator in result)) return;
      await options.pubSub.whenSubscribed();
      const socket = extraOf(ctx).socket;
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ type: MessageType.Ping, payload: { subscribed: id } }));
    },

    onNext: (_ctx, _id, _payload, _args, result) => (result.errors?.length ? { ...result, errors: format(result.errors) } : undefined),

    onError: (_ctx, _id, _payload, errors) => format(errors),
  };
}

/**
 * graphql's subscribe, except that
 * - each event is executed with a copy of the context that has new DataLoaders: one subscription
 *   lives for hours, and its loaders must not serve one event's data to the next (graphql's own
 *   subscribe executes every event with the same context object);
 * - `beforeEach` runs before each event; when it answers false the stream ends without the event;
 * - when the event stream throws (a guardedStream whose access ended), that error is the stream's
 *   last result, as a field error of the subscription, and the stream completes.
 */
export async function subscribeWithFreshLoaders(
  args: ExecutionArgs,
  beforeEach: () => Promise<boolean> = async () => true,
): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream;
  const context = args.contextValue as GraphqlContext;
  const field = getOperationAST(args.document, args.operationName)?.selectionSet.selections[0];
  const path = field?.kind === 'Field' ? [(field.alias ?? field.name).value] : [];
  return mapAsyncIterator(
    stream,
    async (event) =>
      (await beforeEach()) ? execute({ ...args, rootValue: event, contextValue: { ...context, loaders: new LoaderRegistry() } }) : END,
    (error) => ({ data: null, errors: [new GraphQLError((error as Error).message, { path, originalError: error as Error })] }),
  );
}

/** What a map function returns to end the mapped stream instead of yielding. */
const END = Symbol('END');

/**
 * Maps an async iterator without an async generator function, so that return() reaches the source
 * at once (an async generator would wait for the pending next(), i.e. for the next event). An error
 * of the source becomes one last value (`lastWord`), then the mapped iterator is done.
 */
function mapAsyncIterator<T, U>(
  source: AsyncIterable<T>,
  map: (value: T) => U | typeof END | Promise<U | typeof END>,
  lastWord: (error: unknown) => U,
): AsyncGenerator<U> {
  const iterator = source[Symbol.asyncIterator]();
  let finished = false;
  const closeSource = async () => {
    try {
      await iterator.return?.();
    } catch {
      // Already failing: the first error is the one to report.
    }
  };
  const mapResult = async (result: IteratorResult<T>): Promise<IteratorResult<U>> => {
    if (result.done || finished) return { done: true, value: undefined };
    try {
      const value = await map(result.value);
      if (value !== END) return { done: false, value };
      finished = true;
      await closeSource();
      return { done: true, value: undefined };
    } catch (error) {
      await closeSource();
      throw error;
    }
  };
  const sourceNext = async (): Promise<IteratorResult<T> | { lastWord: U }> => {
    try {
      return await iterator.next();
    } catch (error) {
      return { lastWord: lastWord(error) };
    }
  };
  const mapped: AsyncGenerator<U> = {
    next: async () => {
      if (finished) return { done: true, value: undefined };
      const result = await sourceNext();
      if ('lastWord' in result) {
        finished = true;
        return { done: false, value: result.lastWord };
      }
      return mapResult(result);
    },
    return: async () => {
      finished = true;
      return iterator.return ? mapResult(await iterator.return()) : { done: true, value: undefined };
    },
    throw: async (error: unknown) => {
      if (iterator.throw) return mapResult(await iterator.throw(error));
      throw error;
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
    async [Symbol.asyncDispose]() {
      await mapped.return(undefined);
    },
  };
  return mapped;
}

/** When a token expires (ms since the epoch); tokens without an exp never do. */
function expiryOf(token: string): number {
  const exp = (jwt.decode(token) as { exp?: unknown } | null)?.exp;
  return typeof exp === 'number' ? exp * 1000 : Number.POSITIVE_INFINITY;
}
