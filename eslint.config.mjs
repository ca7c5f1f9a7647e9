// Flat ESLint config for the whole workspace (`npm run lint` = `eslint .`; `nx run-many -t lint` lints per project).
// Type-unaware on purpose: fast, no tsconfig program per file.
import { createProjectGraphAsync } from '@nx/devkit';
import nx from '@nx/eslint-plugin';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// @nx/enforce-module-boundaries only reads the *cached* project graph (.nx/workspace-data): on a fresh
// checkout a plain `eslint .` would skip the rule with a warning, and after new imports it would check
// against a stale graph. Computing the graph here (cheap when nothing changed) keeps `eslint .` honest.
await createProjectGraphAsync({ exitOnError: false });

/**
 * Module boundaries (DESIGN.md, "Layout"): apps → feature libs → platform.
 * Tags live in each project.json. `type:testing` (libs/testing) may be imported only from spec files
 * (and from test/ and scripts/, which belong to no Nx project and are therefore not checked by the rule).
 */
const depConstraints = (testingAllowed) => {
  const testing = testingAllowed ? ['type:testing'] : [];
  return [
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:platform', ...testing] },
    // Feature libs may use other feature libs (e.g. review → catalogue/directory), never apps or the testing lib.
    { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:platform', ...testing] },
    { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', ...testing] },
    { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform', 'type:feature', 'type:testing'] },
  ];
};

const boundaries = (testingAllowed) => [
  'error',
  {
    depConstraints: depConstraints(testingAllowed),
    allow: [],
    // A spec file importing @peervisit/testing adds an edge X → testing to the project graph, and
    // testing → platform/feature is legitimate, so those edges would read as project cycles.
    // Cycles that pass through the testing lib are therefore ignored; cycles among
    // apps/feature/platform are still reported (and the tag constraints above still apply).
    ignoredCircularDependencies: [['tag:type:testing', '*']],
  },
];

export default defineConfig(
  globalIgnores(['**/node_modules/', '**/dist/', '**/.data/', '**/coverage/', '**/.nx/', '**/tmp/', 'apps/web/src/graphql/generated/']),
  ...nx.configs['flat/base'],
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs', '**/*.js', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(false),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests may use the testing lib (factories, test app, SMTP sink).
    files: ['**/*.spec.ts', 'test/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(true),
    },
  },
  {
    // jest loads its globalSetup/globalTeardown outside the @peervisit/* name mapping, so these files
    // (and what they import) reach platform code by relative path.
    files: ['libs/testing/src/jest-global-*.ts', 'libs/testing/src/jest-per-file-setup.ts', 'libs/testing/src/test-database.ts'],
    rules: {
      '@nx/enforce-module-boundaries': 'off',
    },
  },
  {
    // Test code only: loose typing is acceptable where it pokes at GraphQL responses and internals.
    files: ['**/*.spec.ts', 'libs/testing/**/*.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // jest.config.js is CommonJS.
    files: ['**/*.js', '**/*.cjs'],
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);
