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
import { noStorePlugin } from './no-store.plugin';
import { boundedStringify } from './response-size';
import { depthLimitRule } from './depth-limit.rule';
import { createGraphqlContext } from './graphql-context';
import { graphqlWsOptions } from './subscriptions';

// graphql-jit is loaded only when a bench variant asks for it (`require`: TypeScript's nodenext
// rules would want a `.js` file name for `import()`).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadJitExecutor = (): typeof import('./jit-executor') => require('./jit-executor');

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
      // Stack variants, only for the paired runs of `npm run bench -- graphql-stack` (API_STACK_VARIANT,
      // docs/performance.md): without Apollo's store of parsed and validated documents; graphql-jit as executor;
      // with Apollo's cache-control plugin (below).
      ...(config.stack.documentCache ? {} : { documentStore: null }),
      ...(config.stack.executor === 'graphql-jit' ? { gateway: loadJitExecutor().jitGateway(getSchema) } : {}),
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
