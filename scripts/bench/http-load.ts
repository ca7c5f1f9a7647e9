/**
 * Runs one load phase (http-load-worker.ts) in a worker thread and waits for its outcome. A thread
 * rather than the main one because the API under test runs on the main thread: clients there would
 * wait behind the server's own work and add it to every latency.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LoadOutcome, LoadPlan } from './http-load-worker';

export type { LoadOutcome, LoadPlan };

export function runLoad(plan: LoadPlan): Promise<LoadOutcome> {
  const file = join(__dirname, 'http-load-worker.ts');
  // The worker compiles TypeScript the way the parent does (@swc-node/register).
  const worker = new Worker(`require('@swc-node/register'); require(${JSON.stringify(file)});`, { eval: true, workerData: plan });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { outcome?: LoadOutcome; error?: string }) => {
      void worker.terminate();
      if (message.outcome) resolve(message.outcome);
      else reject(new Error(`Load phase ${plan.mode} failed: ${message.error}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`Load worker exited with ${code} before answering`)));
  });
}
