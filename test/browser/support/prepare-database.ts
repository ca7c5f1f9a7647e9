/**
 * Makes the browser tests' database (run by global-setup.ts with node -r @swc-node/register): a
 * fresh database from the migrations, the shipped catalogue, a review in its visit with a full team
 * (review-fixtures.ts), and each test's own scenario (scenarios/*.ts). Prints the fixture as JSON on
 * its last line.
 */
import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CatalogueModule, CatalogueSeed } from '@peervisit/catalogue';
import { ensureDatabase, JsonLogger, loadConfig, PlatformModule, runMigrations } from '@peervisit/platform';
import { createReviewFixture } from '@peervisit/testing';
import { DataSource } from 'typeorm';

@Module({ imports: [PlatformModule, CatalogueModule] })
class PrepareModule {}

async function main() {
  const config = loadConfig();
  await ensureDatabase(config.databaseUrl);
  await runMigrations(config.databaseUrl);
  const app = await NestFactory.createApplicationContext(PrepareModule, { logger: new JsonLogger('error') });
  try {
    await app.get(CatalogueSeed).run();
    const day = 24 * 3600 * 1000;
    // The visit runs from two days ago to two days ahead, so the whole of today (in Oslo) is a visit day.
    const fixture = await createReviewFixture(app.get(DataSource), {
      status: 'VISIT',
      scope: [1, 2, 3, 4, 5, 6, 7, 8],
      timeZone: 'Europe/Oslo',
      // A fixed name (the database is this run's own), so the screenshots stay the same between runs.
      cityName: 'Bergen',
      visitStart: new Date(Date.now() - 2 * day).toISOString(),
      visitEnd: new Date(Date.now() + 2 * day).toISOString(),
    });
    // A browser test that needs data of its own has a scenario: support/scenarios/<name>.ts, exporting
    // prepare(dataSource); what it returns is the test's scenario('<name>').
    const scenarios: Record<string, unknown> = {};
    const dir = join(__dirname, 'scenarios');
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .sort()) {
      const { prepare } = (await import(join(dir, file))) as { prepare(dataSource: DataSource): Promise<unknown> };
      scenarios[file.replace(/\.ts$/, '')] = await prepare(app.get(DataSource));
    }
    process.stdout.write(`${JSON.stringify({ ...fixture, scenarios })}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
