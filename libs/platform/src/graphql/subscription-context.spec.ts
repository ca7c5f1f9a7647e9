import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessTokenService } from '../auth/access-token.service';
import { AuthGuard } from '../auth/auth.guard';
import { SessionStore } from '../auth/session-store';
import { requestOf } from '../auth/authorization.decorators';
import { loadConfig } from '../config/config.schema';
import { createGraphqlContext, GraphqlContext, GraphqlRequest } from './graphql-context';
import { LoaderRegistry } from './loader-registry';
import { bearerOf } from './subscriptions';

class Routes {
  subscription() {}
}

/** An ExecutionContext as Nest builds it for a GraphQL resolver: [root, args, context, info]. */
function graphqlContext(ctx: unknown): ExecutionContext {
  const args = [undefined, {}, ctx, {}];
  return {
    getType: () => 'graphql',
    getArgs: () => args,
    getArgByIndex: (i: number) => args[i],
    getHandler: () => Routes.prototype.subscription,
    getClass: () => Routes,
  } as unknown as ExecutionContext;
}

const upgradeRequest = (headers: Record<string, string> = {}) => ({ headers }) as unknown as GraphqlRequest;

describe('GraphQL context for subscriptions', () => {
  const tokens = new AccessTokenService(loadConfig({}), { isActive: async () => true } as unknown as SessionStore);
  const guard = new AuthGuard(new Reflector(), tokens);
  const user = { personId: 'p1', email: 'p1@example.org', isAdmin: false };

  it('finds the bearer token in connectionParams (any case), else in the upgrade request', () => {
    expect(bearerOf({ Authorization: 'Bearer abc' })).toBe('abc');
    expect(bearerOf({ authorization: 'bearer abc ' })).toBe('abc');
    expect(bearerOf({}, upgradeRequest({ authorization: 'Bearer fromHeader' }))).toBe('fromHeader');
    expect(bearerOf({ Authorization: 'abc' })).toBeUndefined();
    expect(bearerOf({ Authorization: 'Bearer ' })).toBeUndefined();
    expect(bearerOf(undefined)).toBeUndefined();
  });

  it('builds the same context shape from Apollo ({ req }) and from graphql-ws ({ connectionParams, extra })', () => {
    const req = upgradeRequest();
    const http = createGraphqlContext({ req });
    expect(http.req).toBe(req);
    expect(http.loaders).toBeInstanceOf(LoaderRegistry);

    const socketRequest = Object.assign(upgradeRequest(), { user });
    const ws = createGraphqlContext({ connectionParams: { Authorization: 'Bearer x' }, extra: { request: socketRequest } });
    expect(ws.req).toBe(socketRequest);
    expect(ws.loaders).toBeInstanceOf(LoaderRegistry);
    expect(ws.connectionParams).toEqual({ Authorization: 'Bearer x' });
  });

  it('lets the AuthGuard through a subscription whose connection was authenticated, and @Me() sees the person', async () => {
    const ctx: GraphqlContext = createGraphqlContext({ extra: { request: Object.assign(upgradeRequest(), { user }) } });
    await expect(guard.canActivate(graphqlContext(ctx))).resolves.toBe(true);
    expect(requestOf(graphqlContext(ctx)).user).toEqual(user);
    // graphql-ws' own context (no factory in between) works too.
    expect(requestOf(graphqlContext({ extra: { request: { headers: {}, user } } })).user).toEqual(user);
  });

  it('makes the AuthGuard refuse an anonymous subscription', async () => {
    const ctx = createGraphqlContext({ extra: { request: upgradeRequest() } });
    await expect(guard.canActivate(graphqlContext(ctx))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
