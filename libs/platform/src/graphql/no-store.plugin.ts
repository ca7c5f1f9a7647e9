import type { ApolloServerPlugin } from '@apollo/server';

/**
 * `Cache-Control: no-store` on every GraphQL answer that has no Cache-Control yet: what Apollo's
 * cache-control plugin sends when no field declares a cache hint (none here: every answer depends
 * on who asks), without that plugin's hook on every field resolved (docs/performance.md §4, §5).
 */
export const noStorePlugin = (): ApolloServerPlugin => ({
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
});
