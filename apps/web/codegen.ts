import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types every operation of the web app from the committed schema (run from the repository root:
 * `npm run web:codegen`). test/contract/web-codegen.spec.ts fails when the generated files are stale.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/graphql/generated/**'],
  ignoreNoDocuments: false,
  generates: {
    'apps/web/src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true, scalars: { DateTime: 'string', JSON: 'unknown' }, skipTypename: true },
    },
  },
};

export default config;
