/**
 * `node -r @swc-node/register scripts/report-scale.ts [items]`: renders a follow-up report of a
 * review with all 13 key factors and many evidence items (10,000 by default) in all three formats,
 * on a scratch database it creates and drops, and prints the time and peak memory. `npm run bench
 * -- reports` records the same render at several sizes, against a baseline (docs/performance.md).
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import {
  dataSourceOptions,
  ensureDatabase,
  loadConfig,
  quoteIdent,
  runMigrations,
  withAdminClient,
  withDatabaseName,
} from '@peervisit/platform';
import { assembleReportModel, REPORT_FORMATS } from '@peervisit/reporting';
import { ALL_ENTITIES } from '../apps/api/src/entities';
import { seedReportCatalogue, seedReportReview } from './bench/report-seed';

async function main() {
  const items = Number(process.argv[2] ?? 10000);
  if (!Number.isInteger(items) || items < 1)
    throw new Error(`Give the number of evidence items as a whole number above 0 (got "${process.argv[2]}").`);
  const scratch = withDatabaseName(loadConfig().databaseUrl, `peervisit_report_scale_${process.pid}`);
  await ensureDatabase(scratch);
  const ds = await new DataSource(dataSourceOptions(scratch, ALL_ENTITIES, 2)).initialize();
  try {
    await runMigrations(scratch);
    await seedReportCatalogue(ds);
    const { reviewId } = await seedReportReview(ds, items);
    let peak = process.memoryUsage().rss;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const started = Date.now();
    const model = await assembleReportModel(ds.manager, reviewId);
    const lines = [`model: ${Date.now() - started} ms (${model.keyFactors.length} key factors, ${items} evidence items)`];
    for (const [format, renderer] of Object.entries(REPORT_FORMATS)) {
      const t = Date.now();
      const bytes = await renderer.render(model);
      lines.push(`${format}: ${Date.now() - t} ms, ${bytes.length} bytes`);
    }
    clearInterval(sample);
    lines.push(`total ${Date.now() - started} ms; peak resident memory ${(peak / 1048576).toFixed(0)} MiB`);
    console.log(lines.join('\n'));
  } finally {
    await ds.destroy();
    await withAdminClient(scratch, (c) =>
      c.query(`DROP DATABASE IF EXISTS ${quoteIdent(new URL(scratch).pathname.slice(1))} WITH (FORCE)`),
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
