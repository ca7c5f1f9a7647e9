import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { ModuleRef } from '@nestjs/core';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { formatGraphqlError } from '../errors/format-graphql-error';
import { complexityPlugin } from './complexity.plugin';
import { depthLimitRule } from './depth-limit.rule';
import { GraphqlContext } from './graphql-context';
import { LoaderRegistry } from './loader-registry';

/** Apollo at /graphql, code-first; the schema is emitted in memory and checked against schema.graphql by a test. */
export const GraphqlModule = GraphQLModule.forRootAsync<ApolloDriverConfig>({
  driver: ApolloDriver,
  inject: [APP_CONFIG, ModuleRef],
  useFactory: (config: AppConfig, moduleRef: ModuleRef): ApolloDriverConfig => ({
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: config.explorerEnabled,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    context: ({ req }: { req: GraphqlContext['req'] }): GraphqlContext => ({ req, loaders: new LoaderRegistry() }),
    formatError: formatGraphqlError(config.nodeEnv !== 'production'),
    validationRules: [depthLimitRule(config.graphqlMaxDepth)],
    plugins: [complexityPlugin(() => moduleRef.get(GraphQLSchemaHost, { strict: false }).schema, config.graphqlMaxComplexity)],
  }),
});
