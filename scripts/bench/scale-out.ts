/**
 * Scaling out (issue #22, part 7): the API and the worker as separate processes on ports of their
 * own, one of each against BENCH_SCALE_API API processes and BENCH_SCALE_WORKERS worker processes
 * (default 2 and 2), in the order small, large, large, small. The API processes are
 * `apps/api/src/main.ts` (API_PROCESSES=1, queue workers off) each on its own port; the load
 * generator balances its 50 clients round-robin over them (client i → process i mod n), as a load
 * balancer in front would. The workers are `apps/worker/src/main.ts`, each with its health port,
 * all on the bench's queue prefix; the small topology is the first worker alone (the others are
 * started for the large phases and stopped after).
 *
 * Workloads per phase: logEvidence and `{ me { id } }` (50 clients, BENCH_SECONDS / 2 each) and a
 * batch of follow-up reports of a 2,000-item review requested at once (ReportRequestService, as the
 * requestReport mutation does), timed until every one is READY — the reports queue renders one at a
 * time per worker, so this is the worker side's throughput.
 */
import { cpus, loadavg } from 'node:os';
import { ReportRequestService } from '@peervisit/reporting';
import { Bench, BenchFigure, BenchResult, round } from './bench';
import { ApiProcess, AppProcess, freePort, seedBenchReview, startApiProcess, startAppProcess, startBenchApi } from './evidence-fixture';
import { LoadOutcome, LoadPlan, runLoad } from './http-load';
import { seedReportReview } from './report-seed';

const CLIENTS = 50;
const REPORTS = Number(process.env.BENCH_SCALE_REPORTS ?? 8);
const REPORT_ITEMS = 2000;

/** `apps/worker/src/main.ts` in a process of its own, its health checks on a port of its own. */
async function startWorkerProcess(): Promise<AppProcess> {
  return startAppProcess(
    'apps/worker/src/main.ts',
    { WORKER_HEALTH_PORT: String(await freePort()), LOG_LEVEL: 'warn' },
    'The worker',
    (output) => output.includes('PeerVisit worker running'),
  );
}

const perSecond = (o: LoadOutcome) => (o.items * 1000) / Math.max(1, o.elapsedMs);

export const scaleOutBench: Bench = {
  name: 'scale-out',
  title: 'One API and one worker process against several, on ports of their own: small, large, large, small',
  async run(context): Promise<BenchResult> {
    const apiCount = Number(process.env.BENCH_SCALE_API ?? 2);
    const workerCount = Number(process.env.BENCH_SCALE_WORKERS ?? 2);
    const loadBefore = loadavg().map((l) => round(l));
    const api = await startBenchApi();
    const apis: ApiProcess[] = [];
    const workers: AppProcess[] = [];
    try {
      context.log(`seeding a review with ${CLIENTS} peers and a review of ${REPORT_ITEMS} items to report on`);
      const review = await seedBenchReview(api, { peers: CLIENTS, sessions: 12, stakeholders: 8 });
      const reported = await seedReportReview(api.dataSource, REPORT_ITEMS, 'scale');
      const [leader] = await api.dataSource.query(
        "SELECT person_id AS id FROM team_member WHERE review_id = $1 AND role = 'EXPERT_LEADER' LIMIT 1",
        [reported.reviewId],
      );
      const requests = api.app.get(ReportRequestService);
      for (let i = 0; i < apiCount; i++) apis.push(await startApiProcess(1));
      workers.push(await startWorkerProcess());
      const plan = (urls: string[], mode: LoadPlan['mode']): LoadPlan => ({
        mode,
        seconds: Math.max(1, context.seconds / 2),
        concurrency: CLIENTS,
        batchSize: 20,
        url: urls[0],
        urls,
        databaseUrl: context.databaseUrl,
        reviewId: review.reviewId,
        keyFactorIds: review.keyFactorIds,
        sessions: review.sessions,
        peers: review.peers,
        probeQuery: '{ me { id } }',
      });
      const reportsPerSecond = async () => {
        const started = process.hrtime.bigint();
        const ids: string[] = [];
        for (let i = 0; i < REPORTS; i++)
          ids.push((await requests.request({ personId: leader.id, email: '', isAdmin: false }, reported.reviewId)).id);
        for (;;) {
          const [row] = await api.dataSource.query(
            "SELECT count(*) FILTER (WHERE status = 'READY')::int AS ready, count(*) FILTER (WHERE status = 'FAILED')::int AS failed FROM report WHERE id = ANY($1)",
            [ids],
          );
          if (row.failed) throw new Error(`${row.failed} of the reports failed to render`);
          if (row.ready === ids.length) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        return (REPORTS * 1e9) / Number(process.hrtime.bigint() - started);
      };
      const topologies = [
        { name: '1 API + 1 worker', apis: 1, workers: 1 },
        { name: `${apiCount} API + ${workerCount} workers`, apis: apiCount, workers: workerCount },
      ];
      const runs = topologies.map(() => ({ log: [] as LoadOutcome[], me: [] as LoadOutcome[], reports: [] as number[] }));
      const phase = async (t: number) => {
        while (workers.length < topologies[t].workers) workers.push(await startWorkerProcess());
        while (workers.length > topologies[t].workers) await workers.pop()!.close();
        const urls = apis.slice(0, topologies[t].apis).map((a) => a.url);
        const log = await runLoad(plan(urls, 'graphql'));
        const me = await runLoad(plan(urls, 'graphql-probe'));
        const reports = await reportsPerSecond();
        context.log(
          `${topologies[t].name}: logEvidence ${round(perSecond(log))}/s (${log.errors} errors), { me { id } } ${round(perSecond(me))}/s, reports ${round(reports, 3)}/s`,
        );
        runs[t].log.push(log);
        runs[t].me.push(me);
        runs[t].reports.push(reports);
      };
      // Warm-up of every API process and of the first worker (not counted).
      for (const a of apis) await runLoad({ ...plan([a.url], 'graphql'), seconds: 1 });
      await reportsPerSecond();
      for (const t of [0, 1, 1, 0]) await phase(t);

      const pooled = (outcomes: LoadOutcome[]) =>
        (outcomes.reduce((n, o) => n + o.items, 0) * 1000) /
        Math.max(
          1,
          outcomes.reduce((n, o) => n + o.elapsedMs, 0),
        );
      const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
      const [small, large] = runs;
      const figures: BenchFigure[] = [
        {
          name: `logEvidence: ${topologies[1].name} vs ${topologies[0].name}`,
          value: pooled(large.log),
          unit: 'items/s',
          baseline: pooled(small.log),
        },
        {
          name: `{ me { id } }: ${topologies[1].name} vs ${topologies[0].name}`,
          value: pooled(large.me),
          unit: 'req/s',
          baseline: pooled(small.me),
        },
        {
          name: `reports of ${REPORT_ITEMS} items: ${topologies[1].name} vs ${topologies[0].name}`,
          value: mean(large.reports),
          unit: 'reports/s',
          baseline: mean(small.reports),
        },
      ].map((f) => ({ ...f, ratio: f.value / f.baseline }));
      const errors = runs.reduce((n, r) => n + [...r.log, ...r.me].reduce((m, o) => m + o.errors, 0), 0);
      figures.push({ name: 'errors', value: errors, unit: '', target: '0', pass: errors === 0 });
      return {
        bench: 'scale-out',
        title: this.title,
        figures,
        details: {
          method:
            `API processes: apps/api/src/main.ts, API_PROCESSES=1, queue workers off, each on its own port; ${CLIENTS} clients in a worker thread of the bench process, client i sending to API process i mod n. ` +
            `Workers: apps/worker/src/main.ts, each with its own health port. Reports: ${REPORTS} requested at once through ReportRequestService, timed to the last READY. ` +
            'Topologies in the order small, large, large, small; everything (PostgreSQL, Redis, every process, the load generator) on the same machine.',
          cores: cpus().length,
          loadAverage: { before: loadBefore, after: loadavg().map((l) => round(l)) },
          topologies: topologies.map((t, i) => ({
            ...t,
            logEvidencePerSecond: runs[i].log.map((o) => round(perSecond(o))),
            mePerSecond: runs[i].me.map((o) => round(perSecond(o))),
            reportsPerSecond: runs[i].reports.map((r) => round(r, 3)),
            errorSamples: [...runs[i].log, ...runs[i].me].flatMap((o) => o.errorSamples).slice(0, 3),
          })),
        },
      };
    } finally {
      for (const w of workers) await w.close();
      for (const a of apis) await a.close();
      await api.close();
    }
  },
};
