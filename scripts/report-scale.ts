/**
 * `node -r @swc-node/register scripts/report-scale.ts [items]`: renders a follow-up report of a
 * review with all 13 key factors and many evidence items (10,000 by default) in all three formats,
 * on a scratch database it creates and drops, and prints the time and peak memory. The benchmark
 * suite (issue #9) will record these figures; this shows the render does not run out of memory.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { BenchmarkService, CatalogueSeed, FieldOfActionService } from '@peervisit/catalogue';
import { dataSourceOptions, ensureDatabase, loadConfig, quoteIdent, runMigrations, withAdminClient, withDatabaseName } from '@peervisit/platform';
import { assembleReportModel, REPORT_FORMATS } from '@peervisit/reporting';
import { ALL_ENTITIES } from '../apps/api/src/entities';

async function main() {
  const items = Number(process.argv[2] ?? 10000);
  const scratch = withDatabaseName(loadConfig().databaseUrl, `peervisit_report_scale_${process.pid}`);
  await ensureDatabase(scratch);
  const ds = await new DataSource(dataSourceOptions(scratch, ALL_ENTITIES, 2)).initialize();
  try {
    await runMigrations(scratch);
    await new CatalogueSeed(new BenchmarkService(ds), new FieldOfActionService(ds)).run();
    const [city] = await ds.query("INSERT INTO city (name, country, time_zone) VALUES ('Scaleville', 'NO', 'Europe/Oslo') RETURNING id");
    const [person] = await ds.query("INSERT INTO person (email, full_name) VALUES ('scale@example.org', 'Scale Test') RETURNING id");
    const [benchmark] = await ds.query("SELECT id FROM benchmark WHERE code = 'EUROCITIES-PCD'");
    const [review] = await ds.query(
      "INSERT INTO review (title, kind, host_city_id, benchmark_id, status, visit_starts_at, visit_ends_at, created_by_id) VALUES ('Scale review', 'PEER_REVIEW', $1, $2, 'FEEDBACK', now(), now() + interval '1 day', $3) RETURNING id",
      [city.id, benchmark.id, person.id],
    );
    await ds.query(
      `INSERT INTO evidence (id, review_id, source, key_factor_ids, statement, quote, stance, logged_by_id, observed_at, stakeholder_category)
       SELECT gen_random_uuid(), $1, 'OBSERVATION', ARRAY[(SELECT id FROM key_factor WHERE benchmark_id = $2 AND number = 1 + g % 13)],
              'Observation ' || g || ' of how the city works with its residents, as a peer would note it between interviews.',
              CASE WHEN g % 10 = 0 THEN 'Quote ' || g ELSE NULL END, (ARRAY['SUPPORTS','CONTRADICTS','NEUTRAL']::evidence_stance[])[1 + g % 3], $3, now(), 'CITY_OFFICIAL'
         FROM generate_series(1, $4::int) g`,
      [review.id, benchmark.id, person.id, items],
    );
    let peak = process.memoryUsage().rss;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const started = Date.now();
    const model = await assembleReportModel(ds.manager, review.id);
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
    await withAdminClient(scratch, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(new URL(scratch).pathname.slice(1))} WITH (FORCE)`));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
