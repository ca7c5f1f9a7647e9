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
import type { WebSocket } from 'ws';
import { AccessTokenService } from '../auth/access-token.service';
import { AppError, ErrorCode } from '../errors/app-error';
import { complexityPlugin } from './complexity.plugin';
import { depthLimitRule } from './depth-limit.rule';
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

/** WebSocket close reasons are limited to 123 bytes. */
const closeReason = (text: string) => (Buffer.byteLength(text) <= 123 ? text : `${Buffer.from(text).subarray(0, 120).toString().replace(/\uFFFD$/, '')}...`);

/**
 * Subscriptions over graphql-ws on the GraphQL path:
 * - connection_init must carry `{ Authorization: 'Bearer <token>' }`; the token is verified once and
 *   the person put on the upgrade request (`context.req.user`), so `@Me()` and the AuthGuard work as
 *   over HTTP. Without a valid token the socket is closed with 4403 and a reason that says why.
 * - only subscriptions: queries and mutations go over HTTP, through Apollo's limits and plugins.
 * - the same depth and cost limits as over HTTP, and the same error formatting.
 * - each event is executed with new DataLoaders, so an event never sees data cached for an earlier one.
 * - once the subscription listens, the server sends a ping { subscribed: id } (see onOperation).
 */
export function graphqlWsOptions(options: {
  path: string;
  tokens: AccessTokenService;
  getSchema: () => GraphQLSchema;
  maxDepth: number;
  maxComplexity: number;
  formatError: FormatError;
  pubSub: Pick<PubSub, 'whenSubscribed'>;
}): GraphqlWsOptions {
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => options.formatError(error.toJSON(), error));
  const refuse = (ctx: Connection, reason: string) => {
    extraOf(ctx).socket.close(CloseCode.Forbidden, closeReason(reason));
    return false;
  };
  const costCheck = complexityPlugin(options.getSchema, options.maxComplexity);

  return {
    path: options.path,
    connectionInitWaitTimeout: 10_000,

    onConnect: (ctx: Connection) => {
      const token = bearerOf(ctx.connectionParams, extraOf(ctx).request);
      if (!token) return refuse(ctx, `${ErrorCode.UNAUTHENTICATED}: send connectionParams { Authorization: "Bearer <access token>" }.`);
      try {
        extraOf(ctx).request.user = options.tokens.verify(token);
      } catch (error) {
        return refuse(ctx, `${ErrorCode.UNAUTHENTICATED}: ${error instanceof AppError ? error.message : 'the access token is not valid.'}`);
      }
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
      if (invalid.length) return invalid.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
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
        await listener?.didResolveOperation?.({ request: { operationName: payload.operationName, variables: payload.variables }, document } as never);
      } catch (error) {
        if (error instanceof GraphQLError) return [error];
        throw error;
      }
      return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
    },

    subscribe: subscribeWithFreshLoaders,

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
 * graphql's subscribe, except that each event is executed with a copy of the context that has new
 * DataLoaders: one subscription lives for hours, and its loaders must not serve one event's data to
 * the next. (graphql's own subscribe executes every event with the same context object.)
 */
export async function subscribeWithFreshLoaders(args: ExecutionArgs): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream;
  const context = args.contextValue as GraphqlContext;
  return mapAsyncIterator(stream, (event) => execute({ ...args, rootValue: event, contextValue: { ...context, loaders: new LoaderRegistry() } }));
}

/**
 * Maps an async iterator without an async generator function, so that return() reaches the source
 * at once (an async generator would wait for the pending next(), i.e. for the next event).
 */
function mapAsyncIterator<T, U>(source: AsyncIterable<T>, map: (value: T) => U | Promise<U>): AsyncGenerator<U> {
  const iterator = source[Symbol.asyncIterator]();
  const closeSource = async () => {
    try {
      await iterator.return?.();
    } catch {
      // Already failing: the first error is the one to report.
    }
  };
  const mapResult = async (result: IteratorResult<T>): Promise<IteratorResult<U>> => {
    if (result.done) return { done: true, value: undefined };
    try {
      return { done: false, value: await map(result.value) };
    } catch (error) {
      await closeSource();
      throw error;
    }
  };
  const mapped: AsyncGenerator<U> = {
    next: async () => mapResult(await iterator.next()),
    return: async () => (iterator.return ? mapResult(await iterator.return()) : { done: true, value: undefined }),
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
