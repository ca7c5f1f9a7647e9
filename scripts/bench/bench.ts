/**
 * What every benchmark returns, and the helpers they share. A figure is measured side by side with
 * its baseline in the same run and judged by the ratio where it has one, so a noisy machine moves
 * both and not the verdict.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDatabase, quoteIdent, runMigrations, withAdminClient, withDatabaseName } from '@peervisit/platform';

export interface BenchFigure {
  /** What was measured, e.g. "throughput", "p95 latency". */
  name: string;
  value: number;
  unit: string;
  /** The same figure for the baseline measured in the same run (e.g. the plain-INSERT floor). */
  baseline?: number;
  /** value / baseline (or whatever the target is stated on), when there is a baseline. */
  ratio?: number;
  /** The target in words, e.g. "≥ 0.25 of floor", "< 50 ms". */
  target?: string;
  /** Whether the target was met; undefined when the figure has no target (information only). */
  pass?: boolean;
}

export interface BenchResult {
  /** Short id, e.g. "evidence-logging". */
  bench: string;
  title: string;
  figures: BenchFigure[];
  /** Anything else worth keeping in the JSON (raw series, parameters). */
  details?: Record<string, unknown>;
}

export interface BenchContext {
  /** A fresh, migrated database of this bench's own (dropped afterwards). */
  databaseUrl: string;
  redisUrl: string;
  /** A BullMQ key prefix of this bench's own. */
  queuePrefix: string;
  /** A scratch DATA_DIR (removed afterwards). */
  dataDir: string;
  /** Seconds a timed phase should run (BENCH_SECONDS; default 10, shorter for smoke runs). */
  seconds: number;
  log(message: string): void;
}

export interface Bench {
  name: string;
  title: string;
  run(context: BenchContext): Promise<BenchResult>;
}

/** Percentile (nearest rank) of an unsorted list of numbers; 0 for an empty list. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** Milliseconds since `start` (a process.hrtime.bigint()). */
export const msSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Sets up the context of one bench: its own database (migrated), queue prefix and data directory,
 * exported to process.env too so that loadConfig() inside an app booted by the bench sees them.
 * NODE_ENV=production, as deployed (docker/): graphql-js, for one, checks every type in development
 * and test (`instanceOf`), which production skips. The signing secret is new for each bench.
 */
export async function withBenchContext<T>(
  baseDatabaseUrl: string,
  redisUrl: string,
  name: string,
  seconds: number,
  run: (context: BenchContext) => Promise<T>,
): Promise<T> {
  const suffix = `${name.replace(/[^a-z0-9]/g, '_')}_${randomBytes(3).toString('hex')}`;
  const databaseUrl = withDatabaseName(baseDatabaseUrl, `pv_bench_${suffix}`);
  const dataDir = mkdtempSync(join(tmpdir(), `peervisit-bench-${name}-`));
  const queuePrefix = `pvbench_${suffix}`;
  await ensureDatabase(databaseUrl);
  await runMigrations(databaseUrl);
  const saved = { ...process.env };
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: queuePrefix,
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
  });
  try {
    return await run({ databaseUrl, redisUrl, queuePrefix, dataDir, seconds, log: (m) => process.stderr.write(`[bench ${name}] ${m}\n`) });
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    const dbName = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
    await withAdminClient(databaseUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(dbName)} WITH (FORCE)`));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
