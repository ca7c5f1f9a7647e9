import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { ModuleRef } from '@nestjs/core';
import { AccessTokenService } from '../auth/access-token.service';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { formatGraphqlError } from '../errors/format-graphql-error';
import { graphqlMetricsPlugin } from '../metrics/graphql-metrics.plugin';
import { Metrics } from '../metrics/metrics';
import { PUB_SUB, PubSub } from '../pubsub/pub-sub';
import { complexityPlugin } from './complexity.plugin';
import { concurrencyLimitPlugin } from './concurrency-limit.plugin';
import { inputChecksPlugin } from './input-checks.plugin';
import { jitGateway } from './jit-executor';
import { noStorePlugin } from './no-store.plugin';
import { boundedStringify } from './response-size';
import { depthLimitRule } from './depth-limit.rule';
import { createGraphqlContext } from './graphql-context';
import { graphqlWsOptions } from './subscriptions';

/**
 * Apollo at /graphql, code-first; the schema is emitted in memory and checked against schema.graphql by a test.
 * Subscriptions: graphql-ws on the same path (see subscriptions.ts), events through the Redis PUB_SUB.
 */
export const GraphqlModule = GraphQLModule.forRootAsync<ApolloDriverConfig>({
  driver: ApolloDriver,
  inject: [APP_CONFIG, ModuleRef, PUB_SUB, Metrics, AccessTokenService],
  useFactory: (
    config: AppConfig,
    moduleRef: ModuleRef,
    pubSub: PubSub,
    metrics: Metrics,
    tokens: AccessTokenService,
  ): ApolloDriverConfig => {
    const getSchema = () => moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
    const formatError = formatGraphqlError(config.nodeEnv !== 'production');
    return {
      path: '/graphql',
      autoSchemaFile: true,
      sortSchema: true,
      playground: false,
      introspection: config.explorerEnabled,
      // No "Did you mean …?" in production: it would spell out the schema that introspection hides.
      hideSchemaDetailsFromClientErrors: config.nodeEnv === 'production',
      stringifyResult: boundedStringify(config.graphqlMaxResponseBytes, formatError),
      includeStacktraceInErrorResponses: false,
      csrfPrevention: true,
      // HTTP: Apollo passes { req, res }; a subscription: graphql-ws passes { connectionParams, extra }.
      context: createGraphqlContext,
      formatError,
      validationRules: [depthLimitRule(config.graphqlMaxDepth)],
      // Queries run compiled by graphql-jit (jit-executor.ts): a whole review in about two thirds of
      // graphql-js' time (docs/performance.md §4). Stack variants, only for paired bench runs
      // (API_STACK_VARIANT): graphql-js as executor; without Apollo's store of parsed and validated
      // documents; with Apollo's cache-control plugin (below).
      ...(config.stack.documentCache ? {} : { documentStore: null }),
      ...(config.stack.executor === 'graphql-jit' ? { gateway: jitGateway(getSchema) } : {}),
      plugins: [
        concurrencyLimitPlugin({
          perAccount: config.graphqlMaxConcurrentPerAccount,
          perAddress: config.graphqlMaxConcurrentPerIp,
          accountOf: async (token) => (await tokens.authenticate(token)).personId,
        }),
        inputChecksPlugin(getSchema),
        complexityPlugin(getSchema, config.graphqlMaxComplexity),
        graphqlMetricsPlugin(metrics),
        // Apollo's cache-control plugin hooks every field resolved, to compute hints no field declares;
        // without it, the same Cache-Control: no-store (docs/performance.md §4).
        ...(config.stack.cacheControlPlugin ? [] : [ApolloServerPluginCacheControlDisabled(), noStorePlugin()]),
      ],
      subscriptions: {
        'graphql-ws': graphqlWsOptions({
          path: '/graphql',
          // The same check as the AuthGuard's: signature, expiry and session.
          verifyToken: (token: string) => tokens.authenticate(token),
          maxConnectionsPerPerson: config.wsMaxConnectionsPerPerson,
          getSchema,
          maxDepth: config.graphqlMaxDepth,
          maxComplexity: config.graphqlMaxComplexity,
          formatError,
          pubSub,
          metrics,
        }),
      },
    };
  },
});
