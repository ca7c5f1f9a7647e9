/**
 * Where the API's main thread spends its time under the evidence-logging load (not part of the
 * suite: a tool for whoever works on issue #9's target). Boots the same API and review as the bench,
 * runs the 50-client logEvidence load and then a trivial authenticated query (`{ me { id } }`) under
 * the same load, each with the V8 CPU profiler on the API thread, and prints throughput, p95 and the
 * functions and packages with the most self time. The difference between the two phases is what the
 * evidence path itself costs; the rest is the HTTP/Nest/Apollo stack that every request pays.
 *
 *   node -r @swc-node/register scripts/bench/evidence-profile.ts [seconds] [--save dir]
 *
 * With --save, each phase's .cpuprofile is written to dir (open it in Chrome DevTools). PROFILE_MODES
 * (comma-separated load modes, e.g. graphql-batch) picks other phases than logEvidence and the probe.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { loadConfig } from '@peervisit/platform';
import { percentile, round, withBenchContext } from './bench';
import { seedBenchReview, startBenchApi } from './evidence-fixture';
import { LoadPlan, runLoad } from './http-load';
import { ProfileNode, summarise } from './evidence-profile-summary';

async function main() {
  const seconds = Number(process.argv[2] ?? 6);
  const saveAt = process.argv.indexOf('--save');
  const saveDir = saveAt > 0 ? process.argv[saveAt + 1] : undefined;
  const config = loadConfig();
  await withBenchContext(config.databaseUrl, config.redisUrl, 'evidence-profile', seconds, async (context) => {
    const api = await startBenchApi();
    try {
      const review = await seedBenchReview(api, { peers: 50, sessions: 12, stakeholders: 8 });
      const base: Omit<LoadPlan, 'mode' | 'seconds'> = {
        concurrency: 50,
        batchSize: 20,
        url: api.url,
        databaseUrl: context.databaseUrl,
        reviewId: review.reviewId,
        keyFactorIds: review.keyFactorIds,
        sessions: review.sessions,
        peers: review.peers,
        probeQuery: '{ me { id } }',
      };
      const session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      for (const mode of (process.env.PROFILE_MODES?.split(',') ?? ['graphql', 'graphql-probe']) as LoadPlan['mode'][]) {
        await runLoad({ ...base, mode, seconds: 2 }); // warm-up, not profiled
        await session.post('Profiler.start');
        const outcome = await runLoad({ ...base, mode, seconds });
        const { profile } = await session.post('Profiler.stop');
        const perSecond = round((outcome.requests * 1000) / outcome.elapsedMs);
        process.stdout.write(
          `\n=== ${mode === 'graphql' ? 'logEvidence' : mode === 'graphql-batch' ? 'logEvidenceBatch of 20' : base.probeQuery}: ${perSecond} requests/s, p50 ${round(percentile(outcome.latenciesMs, 50))} ms, p95 ${round(percentile(outcome.latenciesMs, 95))} ms, ${outcome.errors} errors ${outcome.errorSamples.join(' | ')}\n`,
        );
        process.stdout.write(`${summarise(profile as unknown as { nodes: ProfileNode[]; samples: number[] }, 40)}\n`);
        if (saveDir) {
          mkdirSync(saveDir, { recursive: true });
          writeFileSync(join(saveDir, `${mode}.cpuprofile`), JSON.stringify(profile));
        }
      }
      session.disconnect();
    } finally {
      await api.close();
    }
  });
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
