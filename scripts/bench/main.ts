/**
 * The benchmark suite (`npm run bench [-- name ...]`). Runs each bench on its own database, prints
 * one table and writes every figure, with the machine it ran on, to bench/results/<time>.json and
 * bench/results/latest.json. Exit code 1 when a target was missed (the table says which).
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, release, platform } from 'node:os';
import { join } from 'node:path';
import { loadConfig, withAdminClient } from '@peervisit/platform';
import Redis from 'ioredis';
import { Bench, BenchResult, round, withBenchContext } from './bench';
import { BENCHES } from './benches';

async function machine(databaseUrl: string, redisUrl: string) {
  const postgres = await withAdminClient(databaseUrl, async (c) => (await c.query('SHOW server_version')).rows[0].server_version as string);
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const redisVersion = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown';
  redis.disconnect();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout: the figures still stand, without a commit
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    os: `${platform()} ${release()}`,
    node: process.version,
    postgres,
    redis: redisVersion,
    commit,
  };
}

function table(results: BenchResult[]): string {
  const rows = [['bench', 'figure', 'value', 'baseline', 'ratio', 'target', 'verdict']];
  for (const r of results) {
    for (const f of r.figures) {
      rows.push([
        r.bench,
        f.name,
        `${round(f.value)} ${f.unit}`,
        f.baseline === undefined ? '' : `${round(f.baseline)} ${f.unit}`,
        f.ratio === undefined ? '' : String(round(f.ratio, 3)),
        f.target ?? '',
        f.pass === undefined ? '' : f.pass ? 'met' : 'MISSED',
      ]);
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !BENCHES.some((b) => b.name === w));
  if (unknown.length) {
    console.error(`Unknown bench: ${unknown.join(', ')}. Known: ${BENCHES.map((b) => b.name).join(', ')}`);
    process.exit(2);
  }
  const selected: Bench[] = wanted.length ? BENCHES.filter((b) => wanted.includes(b.name)) : BENCHES;
  const config = loadConfig();
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const startedAt = new Date();
  // What a paired run varies and how busy the machine was, written with its figures.
  const loadAverageAtStart = round(loadavg()[0], 2);
  const apiStack = process.env.API_STACK_VARIANT || 'standard';
  const results: BenchResult[] = [];
  for (const bench of selected) {
    process.stderr.write(`[bench] ${bench.name}: ${bench.title}\n`);
    results.push(await withBenchContext(config.databaseUrl, config.redisUrl, bench.name, seconds, (context) => bench.run(context)));
  }
  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    seconds,
    apiStack,
    loadAverageAtStart,
    machine: await machine(config.databaseUrl, config.redisUrl),
    results,
  };
  const dir = join(process.cwd(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  writeFileSync(join(dir, `${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(table(results));
  console.log(
    `\nMachine: ${report.machine.cores} × ${report.machine.cpu}, ${report.machine.memoryGiB} GiB, ${report.machine.os}, Node ${report.machine.node}, PostgreSQL ${report.machine.postgres}, Redis ${report.machine.redis}`,
  );
  console.log(`Figures written to bench/results/${stamp}.json and bench/results/latest.json`);
  const missed = results.flatMap((r) => r.figures.filter((f) => f.pass === false).map((f) => `${r.bench}: ${f.name}`));
  if (missed.length) {
    console.log(`Targets missed: ${missed.join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
