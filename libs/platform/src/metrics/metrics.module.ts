import { Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { Metrics } from './metrics';
import { MetricsEndpointMiddleware } from './metrics-endpoint.middleware';
import { RoutePatternHook } from './route-pattern.hook';

/** Counters for every HTTP request, and GET /metrics. Global so the GraphQL module can reach Metrics. */
@Global()
@Module({ providers: [Metrics, RoutePatternHook], exports: [Metrics] })
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(HttpMetricsMiddleware, MetricsEndpointMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
