/**
 * Evidence logging under load (issue #9, #22): 50 peers' phones logging one item per request through
 * the real `logEvidence` mutation over HTTP, and batches of 20 through `logEvidenceBatch`, against the
 * physical floor measured in the same run — the same rows, each with its audit entry in the same
 * statement as the API writes them, inserted with plain parameterized statements through `pg` by 50
 * connections. Phases run floor, API, batch, batch, API, floor (each half of BENCH_SECONDS) so that
 * drift on a shared machine and the growing table weigh on all sides alike; a short warm-up of each
 * goes first and is not counted.
 */
import { cpus } from 'node:os';
import { loadConfig } from '@peervisit/platform';
import { Bench, BenchFigure, BenchResult, percentile, round } from './bench';
import { seedBenchReview, startApiProcess, startBenchApi } from './evidence-fixture';
import { LoadOutcome, LoadPlan, runLoad } from './http-load';

const CLIENTS = 50;
const BATCH_SIZE = 20;

interface Totals {
  items: number;
  requests: number;
  errors: number;
  elapsedMs: number;
  latenciesMs: number[];
  errorSamples: string[];
}

function total(outcomes: LoadOutcome[]): Totals {
  return {
    items: outcomes.reduce((n, o) => n + o.items, 0),
    requests: outcomes.reduce((n, o) => n + o.requests, 0),
    errors: outcomes.reduce((n, o) => n + o.errors, 0),
    elapsedMs: outcomes.reduce((n, o) => n + o.elapsedMs, 0),
    latenciesMs: outcomes.flatMap((o) => o.latenciesMs),
    errorSamples: outcomes.flatMap((o) => o.errorSamples).slice(0, 5),
  };
}

const perSecond = (t: Totals) => (t.elapsedMs ? (t.items * 1000) / t.elapsedMs : 0);
const summary = (t: Totals) => ({
  items: t.items,
  requests: t.requests,
  errors: t.errors,
  seconds: round(t.elapsedMs / 1000),
  itemsPerSecond: round(perSecond(t)),
  p50Ms: round(percentile(t.latenciesMs, 50)),
  p95Ms: round(percentile(t.latenciesMs, 95)),
  p99Ms: round(percentile(t.latenciesMs, 99)),
  maxMs: round(Math.max(0, ...t.latenciesMs)),
  errorSamples: t.errorSamples,
});

export const evidenceLoggingBench: Bench = {
  name: 'evidence-logging',
  title: `Evidence logging: ${CLIENTS} concurrent clients through GraphQL vs plain INSERTs`,
  async run(context): Promise<BenchResult> {
    // Seeded through an API in this process (its DataSource also counts the rows at the end); the load
    // goes to the API started as deployed, in a process of its own with API_PROCESSES as configured
    // (default 1: on this 2-core machine, shared with PostgreSQL and the load generator, 2 measured slower).
    const api = await startBenchApi();
    const apiProcesses = loadConfig().apiProcesses;
    let served: Awaited<ReturnType<typeof startApiProcess>> | undefined;
    try {
      context.log(`seeding a review with ${CLIENTS} peers`);
      const review = await seedBenchReview(api, { peers: CLIENTS, sessions: 12, stakeholders: 8 });
      // BENCH_API_IN_PROCESS=1 loads the seeding API in this process instead (the previous rounds' setup), for comparison.
      if (!process.env.BENCH_API_IN_PROCESS) served = await startApiProcess(apiProcesses);
      const apiUrl = served?.url ?? api.url;
      context.log(`API at ${apiUrl} ${served ? `on ${apiProcesses} process(es)` : 'in the bench process'}`);
      const base: Omit<LoadPlan, 'mode' | 'seconds'> = {
        concurrency: CLIENTS,
        batchSize: BATCH_SIZE,
        url: apiUrl,
        databaseUrl: context.databaseUrl,
        reviewId: review.reviewId,
        keyFactorIds: review.keyFactorIds,
        sessions: review.sessions,
        peers: review.peers,
      };
      const phase = async (mode: LoadPlan['mode'], seconds: number) => {
        const cpuBefore = process.cpuUsage();
        const outcome = await runLoad({ ...base, mode, seconds });
        const cpu = process.cpuUsage(cpuBefore);
        context.log(
          `${mode} ${seconds}s: ${outcome.items} items, ${round((outcome.items * 1000) / outcome.elapsedMs)} items/s, p95 ${round(percentile(outcome.latenciesMs, 95))} ms, ${outcome.errors} errors`,
        );
        return { outcome, cpuMs: (cpu.user + cpu.system) / 1000 };
      };

      const warmUp = Math.max(1, Math.min(3, context.seconds / 4));
      const warm = [await phase('pg', warmUp), await phase('graphql', warmUp)];
      const half = context.seconds / 2;
      // Symmetric around the middle, so drift and the growing table weigh alike on all three.
      const floorRuns = [];
      const apiRuns = [];
      const batchRuns = [];
      floorRuns.push(await phase('pg', half));
      apiRuns.push(await phase('graphql', half));
      batchRuns.push(await phase('graphql-batch', half));
      batchRuns.push(await phase('graphql-batch', half));
      apiRuns.push(await phase('graphql', half));
      floorRuns.push(await phase('pg', half));

      // Every item counted as stored must be in the table (and nothing else was written to it).
      const counted = [...warm, ...floorRuns, ...apiRuns, ...batchRuns].reduce((n, r) => n + r.outcome.items, 0);
      const [{ n: stored }] = await api.dataSource.query('SELECT count(*)::int AS n FROM evidence WHERE review_id = $1', [review.reviewId]);
      if (stored !== counted) throw new Error(`The load counted ${counted} stored items but the evidence table holds ${stored}.`);

      const floor = total(floorRuns.map((r) => r.outcome));
      const graphql = total(apiRuns.map((r) => r.outcome));
      const batched = total(batchRuns.map((r) => r.outcome));
      const batchRatio = perSecond(floor) ? perSecond(batched) / perSecond(floor) : 0;
      const batchP95 = percentile(batched.latenciesMs, 95);
      const apiCpuMs = apiRuns.reduce((n, r) => n + r.cpuMs, 0);
      const floorCpuMs = floorRuns.reduce((n, r) => n + r.cpuMs, 0);
      const ratio = perSecond(floor) ? perSecond(graphql) / perSecond(floor) : 0;
      const p95 = percentile(graphql.latenciesMs, 95);

      const figures: BenchFigure[] = [
        {
          name: 'throughput (logEvidence)',
          value: perSecond(graphql),
          unit: 'items/s',
          baseline: perSecond(floor),
          ratio,
          target: '≥ 0.25 of floor',
          pass: ratio >= 0.25,
        },
        { name: 'p50 latency', value: percentile(graphql.latenciesMs, 50), unit: 'ms', baseline: percentile(floor.latenciesMs, 50) },
        { name: 'p95 latency', value: p95, unit: 'ms', baseline: percentile(floor.latenciesMs, 95), target: '< 50 ms', pass: p95 < 50 },
        { name: 'p99 latency', value: percentile(graphql.latenciesMs, 99), unit: 'ms', baseline: percentile(floor.latenciesMs, 99) },
        {
          name: 'errors',
          value: graphql.errors,
          unit: '',
          baseline: floor.errors,
          target: '0',
          pass: graphql.errors === 0 && floor.errors === 0,
        },
        {
          name: `throughput (logEvidenceBatch of ${BATCH_SIZE})`,
          value: perSecond(batched),
          unit: 'items/s',
          baseline: perSecond(floor),
          ratio: batchRatio,
          target: '≥ 1.0 of floor',
          pass: batchRatio >= 1,
        },
        { name: `p95 per batch request`, value: batchP95, unit: 'ms', target: '< 150 ms', pass: batchP95 < 150 },
        {
          name: 'batch errors',
          value: batched.errors,
          unit: '',
          target: '0',
          pass: batched.errors === 0,
        },
      ];
      return {
        bench: 'evidence-logging',
        title: this.title,
        figures,
        details: {
          method:
            `${CLIENTS} clients, one request at a time each, for ${half}s per phase in the order floor, API, batch, batch, API, floor (after a ${warmUp}s warm-up of each, not counted). ` +
            `Each API client signs in as its own peer (${review.peers.length} peers) and sends logEvidence with a client-generated UUID; the floor sends the same rows, each with its audit entry, as one plain INSERT statement per item (evidence and audit_entry, as the API writes them) on ${CLIENTS} pg connections. The batch phases send logEvidenceBatch of ${BATCH_SIZE} items per request. ` +
            `The API runs as deployed: apps/api/src/main.ts in its own process with API_PROCESSES=${apiProcesses} (queue workers off); the load generator runs in a worker thread of the bench process; PostgreSQL runs on the same machine, so all of them share its cores.`,
          cores: cpus().length,
          apiProcesses: served ? apiProcesses : 'in the bench process',
          apiPoolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10),
          graphql: summary(graphql),
          floor: summary(floor),
          batch: { batchSize: BATCH_SIZE, ...summary(batched) },
          // CPU of the bench process (load worker thread; the API now runs elsewhere), as a share of the
          // phases' wall time; the API's and PostgreSQL's own CPU are not included.
          benchProcessCpuPercentOfOneCore: {
            graphqlPhases: round((apiCpuMs / graphql.elapsedMs) * 100),
            floorPhases: round((floorCpuMs / floor.elapsedMs) * 100),
          },
          storedItems: stored,
        },
      };
    } finally {
      await served?.close();
      await api.close();
    }
  },
};
