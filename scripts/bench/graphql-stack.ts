/**
 * The HTTP and GraphQL stack, side by side (issue #22, part 3). The same API runs as deployed in one
 * process per variant, all at once, differing in API_STACK_VARIANT only; 50 clients drive each in
 * turn, in the order A, B, C, C, B, A so that drift on a shared machine weighs on all alike, with
 * three workloads: GET /health/live (the HTTP framework and Nest, no GraphQL), `{ me { id } }` (the
 * whole stack, authentication included, one cached read) and logEvidence (the hot path), then five
 * reads of a whole review of 2,000 items. The plain-INSERT floor of evidence logging (row and audit
 * entry in one statement) runs first and last, for the ratio the issue states.
 *
 * Variants (BENCH_STACK_VARIANTS, comma-separated API_STACK_VARIANT values, the first the reference;
 * default below): standard (Nest on Fastify, Apollo with graphql-jit, no cache-control plugin); graphql-js
 * (Apollo's own executor instead of graphql-jit); document-cache-off; cache-control-plugin (Apollo's,
 * off in the standard stack); or combinations such as graphql-js,cache-control-plugin written with +.
 * Express, measured against Fastify here until the API moved to Fastify, is no longer a variant
 * (docs/performance.md §5).
 * scripts/bench/stack-parity.ts checks that a variant answers as the standard stack does.
 */
import { cpus, loadavg } from 'node:os';
import { Bench, BenchFigure, BenchResult, percentile, round } from './bench';
import { ApiProcess, seedBenchReview, startApiProcess, startBenchApi } from './evidence-fixture';
import { LoadOutcome, LoadPlan, runLoad } from './http-load';
import { runClient, seedWholeReview } from './review-read';

const CLIENTS = 50;

interface Variant {
  name: string;
  env: Record<string, string>;
}

const VARIANTS: Variant[] = (process.env.BENCH_STACK_VARIANTS ?? 'standard,graphql-js')
  .split(',')
  .map((name) => ({ name, env: { API_STACK_VARIANT: name.replace(/\+/g, ',') } }));
/** Whole-review reads per variant and pass (a client process of its own, one request at a time). */
const REVIEW_READS = 5;
const REVIEW_ITEMS = 2000;

const WORKLOADS = [
  { key: 'health', label: 'GET /health/live', mode: 'http-get' },
  { key: 'me', label: '{ me { id } }', mode: 'graphql-probe' },
  { key: 'log', label: 'logEvidence', mode: 'graphql' },
] as const;

type Key = (typeof WORKLOADS)[number]['key'] | 'review';

const rate = (outcomes: LoadOutcome[]) =>
  (outcomes.reduce((n, o) => n + o.items, 0) * 1000) /
  Math.max(
    1,
    outcomes.reduce((n, o) => n + o.elapsedMs, 0),
  );
const p95 = (outcomes: LoadOutcome[]) =>
  percentile(
    outcomes.flatMap((o) => o.latenciesMs),
    95,
  );
const errors = (outcomes: LoadOutcome[]) => outcomes.reduce((n, o) => n + o.errors, 0);

export const graphqlStackBench: Bench = {
  name: 'graphql-stack',
  title: `HTTP/GraphQL stack variants side by side: ${CLIENTS} clients and a whole-review reader, A B C C B A`,
  async run(context): Promise<BenchResult> {
    const loadBefore = loadavg().map((l) => round(l));
    const api = await startBenchApi();
    const served: ApiProcess[] = [];
    try {
      context.log(`seeding a review with ${CLIENTS} peers`);
      const review = await seedBenchReview(api, { peers: CLIENTS, sessions: 12, stakeholders: 8 });
      context.log(`seeding a whole review of ${REVIEW_ITEMS} items`);
      const whole = await seedWholeReview(api, { items: REVIEW_ITEMS, sessions: 60 });
      for (const variant of VARIANTS) served.push(await startApiProcess(1, variant.env));
      const base = (url: string): Omit<LoadPlan, 'mode' | 'seconds'> => ({
        concurrency: CLIENTS,
        batchSize: 20,
        url,
        databaseUrl: context.databaseUrl,
        reviewId: review.reviewId,
        keyFactorIds: review.keyFactorIds,
        sessions: review.sessions,
        peers: review.peers,
        probeQuery: '{ me { id } }',
        getPath: '/health/live',
      });
      const seconds = Math.max(1, context.seconds / 4);
      // CPU time of the API process per request: what a variant costs, much less moved by the other loads on a shared machine than its rate.
      const cpu = Object.fromEntries(
        (['health', 'me', 'log', 'review'] as Key[]).map((k) => [k, VARIANTS.map(() => ({ ms: 0, requests: 0 }))]),
      ) as Record<Key, { ms: number; requests: number }[]>;
      const results = Object.fromEntries(
        (['health', 'me', 'log', 'review'] as Key[]).map((k) => [k, VARIANTS.map((): LoadOutcome[] => [])]),
      ) as Record<Key, LoadOutcome[][]>;
      const floor: LoadOutcome[] = [];
      const runFloor = async () => {
        const outcome = await runLoad({ ...base(served[0].url), mode: 'pg', seconds });
        context.log(`floor: ${round((outcome.items * 1000) / outcome.elapsedMs)} items/s`);
        floor.push(outcome);
      };
      const runVariant = async (v: number) => {
        for (const w of WORKLOADS) {
          const cpuBefore = served[v].cpuMs();
          const outcome = await runLoad({ ...base(served[v].url), mode: w.mode, seconds });
          cpu[w.key][v].ms += served[v].cpuMs() - cpuBefore;
          cpu[w.key][v].requests += outcome.requests;
          context.log(
            `${VARIANTS[v].name}, ${w.label}: ${round((outcome.items * 1000) / outcome.elapsedMs)}/s, p95 ${round(percentile(outcome.latenciesMs, 95))} ms, ${outcome.errors} errors`,
          );
          results[w.key][v].push(outcome);
        }
        const cpuBefore = served[v].cpuMs();
        const { times } = await runClient(served[v].url, whole.review.leader.token, whole.review.reviewId, REVIEW_READS);
        cpu.review[v].ms += served[v].cpuMs() - cpuBefore;
        cpu.review[v].requests += times.length;
        const elapsedMs = times.reduce((a, b) => a + b, 0);
        context.log(`${VARIANTS[v].name}, whole review of ${REVIEW_ITEMS} items: p50 ${round(percentile(times, 50))} ms`);
        results.review[v].push({
          mode: 'graphql',
          elapsedMs,
          requests: times.length,
          items: times.length,
          errors: 0,
          errorSamples: [],
          latenciesMs: times,
        });
      };
      // Warm-up of each (not counted).
      for (const v of VARIANTS.keys()) {
        for (const w of WORKLOADS) await runLoad({ ...base(served[v].url), mode: w.mode, seconds: 1 });
        await runClient(served[v].url, whole.review.leader.token, whole.review.reviewId, 1);
      }
      await runFloor();
      const order = [...VARIANTS.keys(), ...[...VARIANTS.keys()].reverse()];
      for (const v of order) await runVariant(v);
      await runFloor();

      const floorRate = rate(floor);
      const figures: BenchFigure[] = [];
      const p50 = (outcomes: LoadOutcome[]) =>
        percentile(
          outcomes.flatMap((o) => o.latenciesMs),
          50,
        );
      const cpuPer = (k: Key, v: number) => cpu[k][v].ms / Math.max(1, cpu[k][v].requests);
      for (const v of VARIANTS.keys()) {
        if (v === 0) continue;
        for (const k of ['health', 'me', 'log', 'review'] as Key[]) {
          figures.push({
            name: `API CPU per request, ${k === 'review' ? `whole review of ${REVIEW_ITEMS} items` : WORKLOADS.find((w) => w.key === k)!.label}: ${VARIANTS[v].name} vs ${VARIANTS[0].name}`,
            value: cpuPer(k, v),
            unit: 'ms',
            baseline: cpuPer(k, 0),
            ratio: cpuPer(k, v) / cpuPer(k, 0),
          });
        }
        for (const w of WORKLOADS) {
          const [a, b] = [results[w.key][0], results[w.key][v]];
          figures.push({
            name: `${w.label}: ${VARIANTS[v].name} vs ${VARIANTS[0].name}`,
            value: rate(b),
            unit: 'req/s',
            baseline: rate(a),
            ratio: rate(b) / rate(a),
          });
        }
        const [a, b] = [results.review[0], results.review[v]];
        figures.push({
          name: `whole review, ${REVIEW_ITEMS} items, p50: ${VARIANTS[v].name} vs ${VARIANTS[0].name}`,
          value: p50(b),
          unit: 'ms',
          baseline: p50(a),
          ratio: p50(b) / p50(a),
        });
      }
      for (const [v, variant] of VARIANTS.entries()) {
        const [me, health, log] = [results.me[v], results.health[v], results.log[v]];
        figures.push(
          {
            name: `${variant.name}: { me { id } } vs GET /health/live`,
            value: rate(me),
            unit: 'req/s',
            baseline: rate(health),
            ratio: rate(me) / rate(health),
          },
          {
            name: `${variant.name}: { me { id } } vs the evidence floor`,
            value: rate(me),
            unit: 'req/s',
            baseline: floorRate,
            ratio: rate(me) / floorRate,
          },
          {
            name: `${variant.name}: logEvidence vs the evidence floor`,
            value: rate(log),
            unit: 'items/s',
            baseline: floorRate,
            ratio: rate(log) / floorRate,
          },
          { name: `${variant.name}: logEvidence p95`, value: p95(log), unit: 'ms' },
        );
      }
      const allErrors = WORKLOADS.reduce((n, w) => n + results[w.key].reduce((m, r) => m + errors(r), 0), errors(floor));
      figures.push({ name: 'errors', value: allErrors, unit: '', target: '0', pass: allErrors === 0 });
      return {
        bench: 'graphql-stack',
        title: this.title,
        figures,
        details: {
          method:
            `${VARIANTS.length} API processes (apps/api/src/main.ts, API_PROCESSES=1, queue workers off, API_STACK_VARIANT as named) run at once, one per variant; ${CLIENTS} clients in a worker thread of the bench process drive one at a time, ${seconds}s per workload, then ${REVIEW_READS} whole-review reads (${REVIEW_ITEMS} items, WHOLE_REVIEW_QUERY) from a client process of its own; variants in the order A, B, C, C, B, A after a warm-up of each; load average before and after in loadAverage. ` +
            "API CPU per request: the API process's user + system time (/proc/<pid>/stat) over the phase, divided by its requests — the figure a variant is judged on, since other loads on a shared machine move rates far more than CPU per request. " +
            'The evidence floor (row and audit entry in one plain statement per item, 50 pg connections) runs before and after. Everything shares the machine (PostgreSQL, Redis, the three API processes, the load generator).',
          variants: VARIANTS,
          cores: cpus().length,
          loadAverage: { before: loadBefore, after: loadavg().map((l) => round(l)) },
          perWorkload: Object.fromEntries(
            [...WORKLOADS, { key: 'review', label: `whole review of ${REVIEW_ITEMS} items` } as const].map((w) => [
              w.key,
              VARIANTS.map((v, i) => ({
                variant: v.name,
                perSecond: round(rate(results[w.key][i])),
                p50Ms: round(
                  percentile(
                    results[w.key][i].flatMap((o) => o.latenciesMs),
                    50,
                  ),
                ),
                p95Ms: round(p95(results[w.key][i])),
                errors: errors(results[w.key][i]),
                runs: results[w.key][i].map((o) => round((o.items * 1000) / o.elapsedMs)),
                apiCpuMsPerRequest: round(cpu[w.key][i].ms / Math.max(1, cpu[w.key][i].requests), 3),
                errorSamples: results[w.key][i].flatMap((o) => o.errorSamples).slice(0, 3),
              })),
            ]),
          ),
          floor: { itemsPerSecond: round(floorRate), runs: floor.map((o) => round((o.items * 1000) / o.elapsedMs)) },
        },
      };
    } finally {
      for (const s of served) await s.close();
      await api.close();
    }
  },
};
