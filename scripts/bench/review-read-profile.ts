/**
 * Where the API's thread spends its time reading a whole review of 2,000 items (not part of the
 * suite: a tool for issue #22's review-read target). Boots the API in this process, seeds the review
 * as the review-read bench does, and profiles `runs` requests of WHOLE_REVIEW_QUERY sent from a
 * client process of its own, printing self time by package and by function.
 *
 *   node -r @swc-node/register scripts/bench/review-read-profile.ts [items] [runs]
 */
import 'reflect-metadata';
import { Session } from 'node:inspector/promises';
import { loadConfig } from '@peervisit/platform';
import { withBenchContext } from './bench';
import { startBenchApi } from './evidence-fixture';
import { ProfileNode, summarise } from './evidence-profile-summary';
import { runClient, seedWholeReview } from './review-read';

async function main() {
  const items = Number(process.argv[2] ?? 2000);
  const runs = Number(process.argv[3] ?? 5);
  const config = loadConfig();
  await withBenchContext(config.databaseUrl, config.redisUrl, 'review-read-profile', 10, async () => {
    const api = await startBenchApi();
    try {
      const { review } = await seedWholeReview(api, { items, sessions: 60 });
      await runClient(api.url, review.leader.token, review.reviewId, 2);
      const session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      const { times } = await runClient(api.url, review.leader.token, review.reviewId, runs);
      const { profile } = await session.post('Profiler.stop');
      process.stdout.write(`${items} items, ${runs} requests: ${times.map((t) => Math.round(t)).join(', ')} ms\n`);
      process.stdout.write(`${summarise(profile as unknown as { nodes: ProfileNode[]; samples: number[] }, 45)}\n`);
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
