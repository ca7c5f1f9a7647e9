// One jest run for the whole workspace; each test file gets its own database (libs/testing).
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
    // content-disposition 3 (under @fastify/static, which the queue dashboard serves with) is an ES
    // module only: Node loads it with require() from 20.19, jest's runtime not before Node 24.9.
    '/content-disposition/dist/.+\\.js$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(.*/)?content-disposition/dist/)'],
  moduleNameMapper: {
    '^@peervisit/(platform|charts|catalogue|directory|review|notifications|reporting|icc-index|testing)$': '<rootDir>/libs/$1/src/index.ts',
    '^@peervisit/(platform|catalogue|directory|review|notifications|reporting|icc-index)/entities$': '<rootDir>/libs/$1/src/entities.ts',
  },
  globalSetup: '<rootDir>/libs/testing/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/jest-global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest-per-file-setup.ts'],
  testTimeout: 60000,
  // Three files at a time on two cores: most of a file's time is waiting (the database, Redis, child
  // processes, timers), and a third worker fills it (docs/performance.md, "Loading the API").
  maxWorkers: 3,
};
