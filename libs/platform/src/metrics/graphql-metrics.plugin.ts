import type { ApolloServerPlugin } from '@apollo/server';
import { Metrics } from './metrics';

/** Apollo plugin: one count and one duration per GraphQL request, and one error count per error sent. */
export function graphqlMetricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      // Until the operation is resolved (a parse or validation error), it has no trustworthy name.
      let operation = 'invalid';
      let type = 'unknown';
      return {
        async didResolveOperation(context) {
          operation = metrics.operationLabel(context.operationName);
          type = context.operation?.operation ?? type;
        },
        async willSendResponse(context) {
          const body = context.response.body;
          const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          for (const error of errors) metrics.errors.inc({ code: metrics.errorCodeLabel(error.extensions?.code), surface: 'graphql' });
          metrics.graphqlRequests.inc({ operation, type, outcome: errors.length ? 'error' : 'ok' });
          metrics.graphqlDuration.observe({ operation, type }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
