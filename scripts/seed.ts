/**
 * `npm run seed`: migrates, then loads the shipped catalogue (benchmarks, fields of action), which
 * every installation needs. `npm run seed -- --demo` also loads the demo data (development only: its
 * accounts share a password the README publishes, so it is refused with NODE_ENV=production).
 * Safe to run again.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CatalogueModule, CatalogueSeed } from '@peervisit/catalogue';
import { DirectoryModule } from '@peervisit/directory';
import { ConfigError, ensureDatabase, JsonLogger, loadConfig, PlatformModule, runMigrations } from '@peervisit/platform';
import { ReviewModule } from '@peervisit/review';
import { NotificationsModule } from '@peervisit/notifications';
import { ReportingModule } from '@peervisit/reporting';
import { IccIndexModule, IccIndexSeed } from '@peervisit/icc-index';
import { DataSource } from 'typeorm';
import { loadDemoDirectory } from './demo-data';
import { loadDemoReview } from './demo-review';
import { loadDemoVisit } from './demo-visit';
import { loadDemoGoodPractices } from './demo-good-practices';

@Module({ imports: [PlatformModule, CatalogueModule, DirectoryModule, ReviewModule, NotificationsModule, ReportingModule, IccIndexModule] })
class SeedModule {}

/** What stops the seed, said plainly (no stack). */
class Refusal extends Error {}

async function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--demo');
  if (unknown.length) throw new Refusal(`Unknown argument ${unknown.join(' ')}. Usage: npm run seed [-- --demo]`);
  const demo = args.includes('--demo');
  const config = loadConfig();
  // Checked before anything is written: production never gets the demo's published password.
  if (demo && config.nodeEnv === 'production') {
    throw new Refusal(
      'The demo data is for development only (its accounts share a published password), so it is not loaded with NODE_ENV=production. Drop --demo; create the first administrator with npm run admin:create -- --email <address> --name "<name>".',
    );
  }
  if (await ensureDatabase(config.databaseUrl)) console.log(`Created database ${new URL(config.databaseUrl).pathname.slice(1)}.`);
  const applied = await runMigrations(config.databaseUrl);
  console.log(applied.length ? `Migrated: ${applied.join(', ')}` : 'The database schema is up to date.');
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: new JsonLogger('warn') });
  try {
    await app.get(CatalogueSeed).run();
    // The Intercultural Cities Index's indicator structure, with illustrative questions (docs/icc-index.md).
    await app.get(IccIndexSeed).run();
    console.log('Catalogue loaded.');
    if (demo) {
      await loadDemoDirectory(app.get(DataSource));
      console.log(`Demo directory loaded; demo review: ${await loadDemoReview(app)}; demo visit: ${await loadDemoVisit(app)}.`);
      console.log(`Demo good practices: ${await loadDemoGoodPractices(app)}.`);
    }
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Refusal || error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : error);
  process.exit(1);
});
