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
 * With --save, each phase's .cpuprofile is written to dir (open it in Chrome DevTools).
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { loadConfig } from '@peervisit/platform';
import { percentile, round, withBenchContext } from './bench';
import { seedBenchReview, startBenchApi } from './evidence-fixture';
import { LoadPlan, runLoad } from './http-load';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}

/** Self time per function and per package (node_modules/<name>, our code, node internals). */
function summarise(profile: { nodes: ProfileNode[]; samples: number[] }, top: number): string {
  const total = profile.samples.length;
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const node of profile.nodes) {
    if (!node.hitCount) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^file:\/\//, '');
    const pkg =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ??
      (file.includes('/libs/') || file.includes('/apps/') ? 'peervisit' : file ? 'node' : functionName || '(vm)');
    const key = `${functionName || '(anonymous)'} ${file.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + node.hitCount);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + node.hitCount);
  }
  const rows = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, hits]) => `  ${String(round((hits / total) * 100, 1)).padStart(5)} %  ${name}`)
      .join('\n');
  return `self time by package:\n${rows(byPackage)}\nself time by function:\n${rows(byFunction)}`;
}

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
      for (const mode of ['graphql', 'graphql-probe'] as const) {
        await runLoad({ ...base, mode, seconds: 2 }); // warm-up, not profiled
        await session.post('Profiler.start');
        const outcome = await runLoad({ ...base, mode, seconds });
        const { profile } = await session.post('Profiler.stop');
        const perSecond = round((outcome.requests * 1000) / outcome.elapsedMs);
        process.stdout.write(
          `\n=== ${mode === 'graphql' ? 'logEvidence' : base.probeQuery}: ${perSecond} requests/s, p50 ${round(percentile(outcome.latenciesMs, 50))} ms, p95 ${round(percentile(outcome.latenciesMs, 95))} ms, ${outcome.errors} errors ${outcome.errorSamples.join(' | ')}\n`,
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
