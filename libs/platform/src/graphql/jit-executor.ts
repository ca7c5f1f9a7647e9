import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { getOperationAST, getVariableValues, GraphQLError, GraphQLSchema } from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/** Compiled documents kept per API process (the oldest is dropped past it, like Apollo's document store). */
const MAX_COMPILED = 1000;

type Gateway = ApolloServerOptionsWithGateway<object>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/**
 * graphql-jit's errors are its own objects (no `extensions` unless the cause had some, locations
 * without nodes); Apollo and our formatError expect graphql-js' errors: the same message, path,
 * locations and cause.
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const converted = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  // Without nodes graphql-js cannot compute the locations; graphql-jit has them.
  (converted as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return converted;
}

/**
 * graphql-jit behind Apollo, the API's executor (API_STACK_VARIANT=graphql-js, a bench variant, runs graphql-js instead: docs/performance.md §4, §5).
 * Apollo's only hook for another executor is its gateway interface: the gateway hands back the
 * schema Nest built and an executor, and Apollo runs everything else as usual — parsing, the
 * document store, validation (depth), the plugins (concurrency, input checks, complexity, metrics),
 * error formatting. The executor compiles each validated document once (keyed by its hash and
 * operation) and runs the same resolvers, so Nest's guards and interceptors still run per field.
 * Not the same: plugins' per-field hooks (willResolveField; Apollo's cache-control plugin) are not
 * called.
 */
export function jitGateway(getSchema: () => GraphQLSchema): Gateway {
  const compiled = new Map<string, CompiledQuery>();
  const executor: Executor = async (context) => {
    const key = `${context.queryHash}:${context.operationName ?? ''}`;
    let query = compiled.get(key);
    if (!query) {
      const result = compileQuery(context.schema, context.document, context.operationName ?? undefined);
      if (!isCompiledQuery(result)) return result;
      query = result;
      if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
      compiled.set(key, query);
    }
    // Variables are checked by graphql-js first, so that a caller's bad value gets graphql-js' own
    // error (tied to the variable's definition: BAD_USER_INPUT); graphql-jit then coerces them again.
    const operation = getOperationAST(context.document, context.operationName);
    const variables = context.request.variables ?? {};
    const checked = operation
      ? getVariableValues(context.schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 })
      : undefined;
    if (checked?.errors) return { errors: checked.errors };
    const result = await query.query(undefined, context.context, variables);
    return result.errors ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
  };
  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: getSchema(), coreSupergraphSdl: '' });
      return () => undefined;
    },
    async stop() {},
  };
}
