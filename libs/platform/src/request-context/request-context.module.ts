import { Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { RequestContextHooks } from './request-context.hooks';
import { RequestIdMiddleware } from './request-id.middleware';

/**
 * Gives every HTTP request (GraphQL included) its request id. Global because Nest mounts the
 * middleware of global modules first: the id must be set before any other middleware answers.
 */
@Global()
@Module({ providers: [RequestContextHooks] })
export class RequestContextModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(RequestIdMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
