/** `npm run seed`: migrates, then loads the shipped catalogue and the demo data. Safe to run again. */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CatalogueModule, CatalogueSeed } from '@peervisit/catalogue';
import { DirectoryModule } from '@peervisit/directory';
import { ensureDatabase, JsonLogger, loadConfig, PlatformModule, runMigrations } from '@peervisit/platform';
import { ReviewModule } from '@peervisit/review';
import { NotificationsModule } from '@peervisit/notifications';
import { ReportingModule } from '@peervisit/reporting';
import { DataSource } from 'typeorm';
import { loadDemoDirectory } from './demo-data';
import { loadDemoReview } from './demo-review';
import { loadDemoVisit } from './demo-visit';
import { loadDemoGoodPractices } from './demo-good-practices';

@Module({ imports: [PlatformModule, CatalogueModule, DirectoryModule, ReviewModule, NotificationsModule, ReportingModule] })
class SeedModule {}

async function main() {
  const config = loadConfig();
  if (await ensureDatabase(config.databaseUrl)) console.log(`Created database ${new URL(config.databaseUrl).pathname.slice(1)}.`);
  const applied = await runMigrations(config.databaseUrl);
  console.log(applied.length ? `Migrated: ${applied.join(', ')}` : 'The database schema is up to date.');
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: new JsonLogger('warn') });
  try {
    await app.get(CatalogueSeed).run();
    console.log('Catalogue loaded.');
    if (!process.argv.includes('--catalogue-only')) {
      await loadDemoDirectory(app.get(DataSource));
      console.log(`Demo directory loaded; demo review: ${await loadDemoReview(app)}; demo visit: ${await loadDemoVisit(app)}.`);
      console.log(`Demo good practices: ${await loadDemoGoodPractices(app)}.`);
    }
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
