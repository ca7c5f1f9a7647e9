/**
 * Child process of the reports bench: renders one review's follow-up report in every format and
 * prints one JSON line with the times and memory. Each size runs in its own process so that its
 * peak resident memory (getrusage maxRSS) is its own, not the high-water mark of a bigger one.
 *
 * node -r @swc-node/register scripts/bench/report-measure.ts <databaseUrl> <reviewId> [repeats]
 */
import 'reflect-metadata';
import { dataSourceOptions } from '@peervisit/platform';
import { assembleReportModel, REPORT_FORMATS } from '@peervisit/reporting';
import { DataSource } from 'typeorm';
import { ALL_ENTITIES } from '../../apps/api/src/entities';

export interface ReportMeasurement {
  /** Median over the timed runs, milliseconds. */
  modelMs: number;
  formatMs: Record<string, number>;
  totalMs: number;
  /** Reading the same rows from PostgreSQL and serialising them to JSON, no rules, no rendering. */
  baselineMs: number;
  bytes: Record<string, number>;
  /** Resident memory once everything is loaded and warmed up, before the timed runs (MiB). */
  rssBeforeMiB: number;
  /** Resident memory high-water mark of this process (MiB). */
  peakRssMiB: number;
  /** Highest heap in use sampled during the timed runs (MiB). */
  peakHeapMiB: number;
  runs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mib = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/** The floor: the rows the report reads, straight from PostgreSQL, serialised to JSON. */
async function readRowsAsJson(ds: DataSource, reviewId: string): Promise<number> {
  const [review] = await ds.query('SELECT * FROM review WHERE id = $1', [reviewId]);
  const rows = await Promise.all([
    ds.query('SELECT * FROM key_factor WHERE benchmark_id = $1', [review.benchmark_id]),
    ds.query('SELECT e.* FROM key_factor_example e JOIN key_factor k ON k.id = e.key_factor_id WHERE k.benchmark_id = $1', [
      review.benchmark_id,
    ]),
    ds.query('SELECT t.*, p.full_name FROM team_member t JOIN person p ON p.id = t.person_id WHERE t.review_id = $1', [reviewId]),
    ds.query('SELECT * FROM visit_session WHERE review_id = $1', [reviewId]),
    ds.query(
      'SELECT ss.*, st.* FROM session_stakeholder ss JOIN visit_session s ON s.id = ss.session_id JOIN stakeholder st ON st.id = ss.stakeholder_id WHERE s.review_id = $1',
      [reviewId],
    ),
    ds.query('SELECT * FROM stakeholder WHERE city_id = $1', [review.host_city_id]),
    ds.query('SELECT * FROM evidence WHERE review_id = $1 AND retracted_at IS NULL', [reviewId]),
    ds.query('SELECT * FROM conclusion WHERE review_id = $1', [reviewId]),
    ds.query('SELECT * FROM recommendation WHERE review_id = $1', [reviewId]),
  ]);
  return JSON.stringify({ review, rows }).length;
}

async function main() {
  const [databaseUrl, reviewId, repeatsArg] = process.argv.slice(2);
  if (!databaseUrl || !reviewId) throw new Error('usage: report-measure.ts <databaseUrl> <reviewId> [repeats]');
  const repeats = Math.max(1, Number(repeatsArg ?? 3));
  const ds = await new DataSource(dataSourceOptions(databaseUrl, ALL_ENTITIES, 4)).initialize();
  try {
    // Warm-up: loads pdfkit's fonts and docx, compiles the code paths, opens the pool's connections.
    const warm = await assembleReportModel(ds.manager, reviewId);
    for (const renderer of Object.values(REPORT_FORMATS)) await renderer.render(warm);
    await readRowsAsJson(ds, reviewId);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peakHeap = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 5);

    const model: number[] = [];
    const formats: Record<string, number[]> = {};
    const totals: number[] = [];
    const baselines: number[] = [];
    const bytes: Record<string, number> = {};
    for (let run = 0; run < repeats; run++) {
      // Baseline and report alternate, so a burst of load on the machine hits both.
      let t = process.hrtime.bigint();
      await readRowsAsJson(ds, reviewId);
      baselines.push(Number(process.hrtime.bigint() - t) / 1e6);

      const started = process.hrtime.bigint();
      const m = await assembleReportModel(ds.manager, reviewId);
      model.push(Number(process.hrtime.bigint() - started) / 1e6);
      for (const [format, renderer] of Object.entries(REPORT_FORMATS)) {
        t = process.hrtime.bigint();
        const out = await renderer.render(m);
        (formats[format] ??= []).push(Number(process.hrtime.bigint() - t) / 1e6);
        bytes[format] = out.length;
      }
      totals.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    clearInterval(sampler);
    const result: ReportMeasurement = {
      modelMs: median(model),
      formatMs: Object.fromEntries(Object.entries(formats).map(([f, v]) => [f, median(v)])),
      totalMs: median(totals),
      baselineMs: median(baselines),
      bytes,
      rssBeforeMiB: mib(rssBefore),
      // maxRSS is in kilobytes.
      peakRssMiB: mib(process.resourceUsage().maxRSS * 1024),
      peakHeapMiB: mib(peakHeap),
      runs: repeats,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await ds.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
