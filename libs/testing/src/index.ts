export * from './factories';
export * from './graphql-client';
export * from './mail-capture';
export * from './smtp-sink';
export * from './test-app';
export * from './test-database';
