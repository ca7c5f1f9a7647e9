import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import type { ClientBase } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The folder of every migration; one timeline for the whole schema. */
export const MIGRATIONS_GLOB = join(__dirname, 'migrations', '*.{ts,js}');

/**
 * Options shared by the Nest app, the migration CLI and the test harness.
 * Entities are passed in by the caller: platform knows no feature lib (dependencies point one way).
 * `statementTimeoutMs` is PostgreSQL's statement_timeout on every pooled connection: a statement
 * running longer is cancelled (SQLSTATE 57014), so one request cannot hold a connection for long.
 * The app passes DATABASE_STATEMENT_TIMEOUT_MS; migrations and scripts pass nothing (no limit), as a
 * migration may rewrite a large table.
 */
export function dataSourceOptions(
  databaseUrl: string,
  entities: DataSourceOptions['entities'],
  poolSize = 10,
  statementTimeoutMs?: number,
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
    extra: {
      max: poolSize,
      onConnect: listenForConnectionErrors,
      ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
    },
  };
}

const logger = new Logger('Database');

/**
 * pg-pool listens for errors only on idle clients. A connection lost while checked out but between
 * queries (PostgreSQL restarted, pg_terminate_backend, a network cut) emits 'error' with no listener,
 * which crashes the process. With this listener the error is logged; the query in flight or the next
 * one fails (the request gets a clean error), and the pool drops the dead client when it is released.
 */
function listenForConnectionErrors(client: ClientBase): void {
  client.on('error', (error) => logger.warn(`A PostgreSQL connection failed (${error.message}); the pool replaces it`));
}
