import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { ModuleRef } from '@nestjs/core';
import { AccessTokenService } from '../auth/access-token.service';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { formatGraphqlError } from '../errors/format-graphql-error';
import { PUB_SUB, PubSub } from '../pubsub/pub-sub';
import { complexityPlugin } from './complexity.plugin';
import { depthLimitRule } from './depth-limit.rule';
import { createGraphqlContext } from './graphql-context';
import { graphqlWsOptions } from './subscriptions';

/**
 * Apollo at /graphql, code-first; the schema is emitted in memory and checked against schema.graphql by a test.
 * Subscriptions: graphql-ws on the same path (see subscriptions.ts), events through the Redis PUB_SUB.
 */
export const GraphqlModule = GraphQLModule.forRootAsync<ApolloDriverConfig>({
  driver: ApolloDriver,
  inject: [APP_CONFIG, ModuleRef, PUB_SUB],
  useFactory: (config: AppConfig, moduleRef: ModuleRef, pubSub: PubSub): ApolloDriverConfig => {
    const getSchema = () => moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
    const formatError = formatGraphqlError(config.nodeEnv !== 'production');
    return {
      path: '/graphql',
      autoSchemaFile: true,
      sortSchema: true,
      playground: false,
      introspection: config.explorerEnabled,
      includeStacktraceInErrorResponses: false,
      csrfPrevention: true,
      // HTTP: Apollo passes { req, res }; a subscription: graphql-ws passes { connectionParams, extra }.
      context: createGraphqlContext,
      formatError,
      validationRules: [depthLimitRule(config.graphqlMaxDepth)],
      plugins: [complexityPlugin(getSchema, config.graphqlMaxComplexity)],
      subscriptions: {
        'graphql-ws': graphqlWsOptions({
          path: '/graphql',
          tokens: new AccessTokenService(config),
          getSchema,
          maxDepth: config.graphqlMaxDepth,
          maxComplexity: config.graphqlMaxComplexity,
          formatError,
          pubSub,
        }),
      },
    };
  },
});
