/** `npm run seed`: migrates, then loads the shipped catalogue and the demo data. Safe to run again. */
import 'reflect-metadata';
import { BenchmarkService, CatalogueSeed, FieldOfActionService } from '@peervisit/catalogue';
import { dataSourceOptions, ensureDatabase, loadConfig, runMigrations } from '@peervisit/platform';
import { DataSource } from 'typeorm';
import { ALL_ENTITIES } from '../apps/api/src/entities';
import { loadDemoDirectory } from './demo-data';

async function main() {
  const { databaseUrl } = loadConfig();
  if (await ensureDatabase(databaseUrl)) console.log(`Created database ${new URL(databaseUrl).pathname.slice(1)}.`);
  const applied = await runMigrations(databaseUrl);
  console.log(applied.length ? `Migrated: ${applied.join(', ')}` : 'The database schema is up to date.');
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl, ALL_ENTITIES, 2)).initialize();
  try {
    await new CatalogueSeed(new BenchmarkService(dataSource), new FieldOfActionService(dataSource)).run();
    if (!process.argv.includes('--catalogue-only')) {
      await loadDemoDirectory(dataSource);
      console.log('Demo data loaded.');
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
