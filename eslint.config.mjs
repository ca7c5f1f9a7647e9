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
 * Module boundaries (docs/architecture.md, "Layout and dependency direction"): apps → feature libs → platform.
 * Tags live in each project.json. `type:testing` (libs/testing) may be imported only from spec files,
 * test/ (project `tests`) and scripts/ (project `scripts`).
 */
const BELOW = ['type:platform', 'type:testing']; // the type: constraints decide whether testing is allowed
/**
 * The order among feature libs: catalogue and directory know no other feature lib, review builds on
 * them, notifications and reporting on review (and not on each other). A lib importing one above it
 * or beside it fails lint (test/contract/module-boundaries.spec.ts).
 */
const SCOPES = [
  { sourceTag: 'scope:catalogue', onlyDependOnLibsWithTags: ['scope:catalogue', ...BELOW] },
  { sourceTag: 'scope:directory', onlyDependOnLibsWithTags: ['scope:directory', ...BELOW] },
  { sourceTag: 'scope:review', onlyDependOnLibsWithTags: ['scope:review', 'scope:catalogue', 'scope:directory', ...BELOW] },
  {
    sourceTag: 'scope:notifications',
    onlyDependOnLibsWithTags: ['scope:notifications', 'scope:index', 'scope:review', 'scope:catalogue', 'scope:directory', ...BELOW],
  },
  {
    sourceTag: 'scope:reporting',
    onlyDependOnLibsWithTags: ['scope:reporting', 'scope:index', 'scope:review', 'scope:catalogue', 'scope:directory', ...BELOW],
  },
  // The Intercultural Cities Index (libs/icc-index) sits on review: the expert visit confirms its
  // results and its recommendations join the development plan; review never imports it.
  // Notifications (its reminders) and reporting (its report) sit on it.
  {
    sourceTag: 'scope:index',
    onlyDependOnLibsWithTags: ['scope:index', 'scope:review', 'scope:catalogue', 'scope:directory', ...BELOW],
  },
];
const depConstraints = (testingAllowed) => {
  const testing = testingAllowed ? ['type:testing'] : [];
  return [
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:platform', ...testing] },
    // Feature libs may use the feature libs below them (SCOPES), never apps or the testing lib.
    { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:platform', ...testing] },
    { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', ...testing] },
    { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform', 'type:feature', 'type:testing'] },
    // test/ and scripts/ drive the whole system.
    { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['type:platform', 'type:feature', 'type:testing'] },
    { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:platform', 'type:feature', 'type:testing'] },
    ...SCOPES,
  ];
};

/**
 * What test/ and scripts/ reach by path: they drive the apps (the API's module and entity list, the
 * web app's codegen config), which have no import name, tests check what scripts generate (schema,
 * README table, benchmark fixtures), and both read fixtures; browser tests take the mail reader
 * alone, without the testing lib's barrel (which loads Nest).
 */
const TEST_AND_SCRIPT_PATHS = [
  '../../scripts/**',
  '../../apps/api/src/**',
  '../apps/api/src/**',
  '../../apps/web/codegen',
  '../../libs/catalogue/src/data/*',
  '../libs/catalogue/src/data/*',
  '../../libs/testing/src/mail-capture',
];

const boundaries = (testingAllowed, allow = []) => [
  'error',
  {
    depConstraints: depConstraints(testingAllowed),
    allow,
    // Tests and scripts import some libs after setting the environment (`await import(...)`), which the
    // rule would otherwise read as Angular-style lazy loading and refuse their static imports elsewhere.
    checkDynamicDependenciesExceptions: ['@peervisit/**'],
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
    files: ['test/**/*.ts', 'scripts/**/*.ts', 'scripts/**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(true, TEST_AND_SCRIPT_PATHS),
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
