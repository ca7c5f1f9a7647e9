import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The folder of every migration; one timeline for the whole schema. */
export const MIGRATIONS_GLOB = join(__dirname, 'migrations', '*.{ts,js}');

/**
 * Options shared by the Nest app, the migration CLI and the test harness.
 * Entities are passed in by the caller: platform knows no feature lib (dependencies point one way).
 */
export function dataSourceOptions(
  databaseUrl: string,
  entities: DataSourceOptions['entities'],
  poolSize = 10,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    extra: { max: poolSize },
  };
}
