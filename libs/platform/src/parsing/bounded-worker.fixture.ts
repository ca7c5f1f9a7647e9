import { isMainThread } from 'node:worker_threads';

/**
 * Tasks for bounded-worker.spec.ts, run inside a bounded worker thread: one that answers, one that
 * never ends, one that keeps allocating, one that throws.
 */
export function echo(input: { text: string }): { echoed: string; inWorker: boolean } {
  return { echoed: input.text, inWorker: !isMainThread };
}

export function spin(): never {
  for (;;) {
    // Busy forever: only terminating the thread ends it.
  }
}

export function hog(): number {
  const kept: string[][] = [];
  for (;;) kept.push(Array.from({ length: 100_000 }, (_, i) => `item ${i} of ${kept.length}`));
}

export function fail(): never {
  throw new Error('the task gave up');
}
