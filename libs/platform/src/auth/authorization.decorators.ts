import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphqlRequest } from '../graphql/graphql-context';
import { CurrentUser } from './current-user';

export const IS_PUBLIC = 'peervisit:isPublic';
export const ADMIN_ONLY = 'peervisit:adminOnly';

/** Open to callers without an access token (sign-in, password reset). Everything else needs one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only the network secretariat (global admin flag). */
export const AdminOnly = () => SetMetadata(ADMIN_ONLY, true);

/**
 * The request of an HTTP route, a GraphQL query or mutation, or a GraphQL subscription (whose
 * context carries the WebSocket's upgrade request, with the person verified at connection).
 */
export function requestOf(context: ExecutionContext): { user?: CurrentUser; headers: Record<string, string | string[] | undefined> } {
  if (context.getType<string>() === 'graphql') {
    const ctx = GqlExecutionContext.create(context).getContext<{ req?: GraphqlRequest; extra?: { request?: GraphqlRequest } }>();
    // { req } from our context factory; { extra } if graphql-ws' own context reached the resolver.
    const request = ctx.req ?? ctx.extra?.request;
    if (!request) throw new Error('The GraphQL context has no request: is the context factory of GraphqlModule in place?');
    return request;
  }
  return context.switchToHttp().getRequest();
}

/** The signed-in person, in a resolver or controller argument. */
export const Me = createParamDecorator((_data: unknown, context: ExecutionContext) => requestOf(context).user);
