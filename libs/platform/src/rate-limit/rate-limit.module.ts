import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { RateLimitMiddleware } from './rate-limit.middleware';
import { RequestRateLimiter } from './request-rate-limiter';

/** The global request rate limit on every HTTP route (see RequestRateLimiter). */
@Module({ providers: [RequestRateLimiter], exports: [RequestRateLimiter] })
export class RateLimitModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(RateLimitMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
