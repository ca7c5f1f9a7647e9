/**
 * Migrations: `npm run migration:run`, `npm run migration:revert`,
 * `npm run migration:generate -- AddSomething` (diffs the entities against a scratch database
 * migrated to the latest, and writes the difference as a new migration).
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureDatabase,
  loadConfig,
  quoteIdent,
  renderMigration,
  revertLastMigration,
  runMigrations,
  schemaDiff,
  withAdminClient,
  withDatabaseName,
} from '@peervisit/platform';
import { ALL_ENTITIES } from '../apps/api/src/entities';

async function main() {
  const [command, name] = process.argv.slice(2);
  const { databaseUrl } = loadConfig();
  if (command === 'run') {
    await ensureDatabase(databaseUrl);
    const applied = await runMigrations(databaseUrl);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  } else if (command === 'revert') {
    await revertLastMigration(databaseUrl);
    console.log('Reverted the last migration.');
  } else if (command === 'generate') {
    if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))
      throw new Error('Give the migration a PascalCase name: npm run migration:generate -- AddReviews');
    const scratch = withDatabaseName(databaseUrl, `peervisit_migration_${process.pid}`);
    await ensureDatabase(scratch);
    try {
      await runMigrations(scratch);
      const diff = await schemaDiff(scratch, ALL_ENTITIES);
      if (!diff.up.length) return console.log('The entities and the migrations agree: nothing to generate.');
      const timestamp = Date.now();
      const file = join(__dirname, '../libs/platform/src/database/migrations', `${timestamp}-${name}.ts`);
      writeFileSync(file, renderMigration(`${name}${timestamp}`, diff));
      console.log(`Wrote ${file} (${diff.up.length} statements).`);
    } finally {
      await withAdminClient(scratch, (c) =>
        c.query(`DROP DATABASE IF EXISTS ${quoteIdent(new URL(scratch).pathname.slice(1))} WITH (FORCE)`),
      );
    }
  } else {
    throw new Error('Usage: migrate.ts run | revert | generate <Name>');
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
