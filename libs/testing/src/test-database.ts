// Relative imports: jest's globalSetup loads this file outside the module-name mapping.
import { quoteIdent, withAdminClient, withDatabaseName } from '../../platform/src/database/admin-database';
import { runMigrations } from '../../platform/src/database/migration-tools';
import { randomBytes } from 'node:crypto';

/** Base server for tests; scripts/test.mjs sets it to the PostgreSQL it found or started. */
export const baseDatabaseUrl = () =>
  process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Creates the run's template database and migrates it once; every test file copies it. */
export async function createTemplateDatabase(): Promise<string> {
  const name = `pv_template_${process.pid}_${randomBytes(3).toString('hex')}`;
  const url = withDatabaseName(baseDatabaseUrl(), name);
  await withAdminClient(url, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  await runMigrations(url);
  return name;
}

/** A fresh copy of the template (CREATE DATABASE ... TEMPLATE): real migrations, no shared state. */
export async function createDatabaseFromTemplate(template: string): Promise<string> {
  const name = `pv_test_${randomBytes(6).toString('hex')}`;
  const url = withDatabaseName(baseDatabaseUrl(), name);
  await withAdminClient(url, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`));
  return url;
}

export async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await withAdminClient(url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}
