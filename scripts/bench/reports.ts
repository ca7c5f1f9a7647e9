/**
 * Reports: time and peak memory to render a review's follow-up report (model from the database,
 * then HTML, PDF and DOCX) at 500, 2,000 and 10,000 evidence items, and how the time grows.
 * Each size is measured in its own child process (scripts/bench/report-measure.ts), which also
 * measures the baseline: reading the same rows from PostgreSQL and serialising them to JSON.
 */
import { spawn } from 'node:child_process';
import { dataSourceOptions } from '@peervisit/platform';
import { DataSource } from 'typeorm';
import { ALL_ENTITIES } from '../../apps/api/src/entities';
import { Bench, BenchFigure, round } from './bench';
import type { ReportMeasurement } from './report-measure';
import { seedReportCatalogue, seedReportReview } from './report-seed';

const SIZES = [500, 2000, 10000];
/** time(10,000) / time(2,000) divided by 5: 1 is linear; up to this much is taken as linear (noise, GC). */
const LINEAR_TOLERANCE = 1.2;
const TWO_THOUSAND_LIMIT_MS = 5000;

function measure(databaseUrl: string, reviewId: string, repeats: number): Promise<ReportMeasurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '-r', '@swc-node/register', 'scripts/bench/report-measure.ts', databaseUrl, reviewId, String(repeats)],
      {
        env: { ...process.env, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) return reject(new Error(`report-measure exited with ${code}: ${err.slice(-2000)}`));
      resolve(JSON.parse(line) as ReportMeasurement);
    });
  });
}

export const reportsBench: Bench = {
  name: 'reports',
  title: 'Follow-up report in HTML, PDF and DOCX at 500, 2,000 and 10,000 evidence items',
  async run(context) {
    const ds = await new DataSource(dataSourceOptions(context.databaseUrl, ALL_ENTITIES, 2)).initialize();
    const reviews: Record<number, string> = {};
    try {
      await seedReportCatalogue(ds);
      for (const size of SIZES) reviews[size] = (await seedReportReview(ds, size)).reviewId;
      await ds.query('ANALYZE');
    } finally {
      await ds.destroy();
    }
    const repeats = Number(process.env.BENCH_REPORT_RUNS ?? 5);
    const results: Record<number, ReportMeasurement> = {};
    for (const size of SIZES) {
      results[size] = await measure(context.databaseUrl, reviews[size], repeats);
      const r = results[size];
      context.log(
        `${size} items: model ${round(r.modelMs)} ms, ${Object.entries(r.formatMs)
          .map(([f, ms]) => `${f} ${round(ms)} ms`)
          .join(
            ', ',
          )}, total ${round(r.totalMs)} ms (rows as JSON ${round(r.baselineMs)} ms); peak RSS ${r.peakRssMiB} MiB, heap ${r.peakHeapMiB} MiB`,
      );
    }

    const figures: BenchFigure[] = [];
    for (const size of SIZES) {
      const r = results[size];
      figures.push({
        name: `all formats, ${size} items`,
        value: r.totalMs,
        unit: 'ms',
        baseline: r.baselineMs,
        ratio: r.totalMs / r.baselineMs,
        ...(size === 2000 ? { target: `< ${TWO_THOUSAND_LIMIT_MS} ms`, pass: r.totalMs < TWO_THOUSAND_LIMIT_MS } : {}),
      });
    }
    for (const size of SIZES) figures.push({ name: `peak RSS, ${size} items`, value: results[size].peakRssMiB, unit: 'MiB' });
    const growth = results[10000].totalMs / results[2000].totalMs / 5;
    figures.push({
      name: 'growth: t(10k)/t(2k)/5',
      value: growth,
      unit: '×',
      target: `≤ ${LINEAR_TOLERANCE} (1 = linear)`,
      pass: growth <= LINEAR_TOLERANCE,
    });
    return {
      bench: 'reports',
      title: reportsBench.title,
      figures,
      details: { sizes: SIZES, runsPerSize: repeats, measurements: results },
    };
  },
};
