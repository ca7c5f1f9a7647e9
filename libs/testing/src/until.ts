import type { Queue } from 'bullmq';

/** Polls `probe` until it answers something truthy, and returns that; fails after the timeout, naming what it waited for. */
export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30000): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** A positive signal: what it means, and a probe that holds once it has been seen. */
export interface Signal {
  what: string;
  probe: () => Promise<boolean>;
}

/**
 * Proof that something did not happen. A fixed sleep passes just as well on a system that did
 * nothing, so this first waits for `after`, the signal that the work which could have caused it
 * has been done, and only then looks. `happened` answers what it found: nothing (undefined, false,
 * 0, an empty list) or what went wrong, which the error then shows.
 */
export async function never(what: string, after: Signal, happened: () => unknown, timeoutMs = 30000): Promise<void> {
  await until(after.what, async () => (await after.probe()) || undefined, timeoutMs);
  const found = await happened();
  if (found && !(Array.isArray(found) && found.length === 0))
    throw new Error(`Expected ${what} never to happen, but after ${after.what} it did: ${JSON.stringify(found)}`);
}

/**
 * The signal that a repeatable job (a sweeper) has looked again: `runs` runs of `name` on `queue`
 * started after `since` (epoch ms) and completed, and the `drained` queues hold no job that is
 * still to run (so nothing it or anyone else queued is pending).
 */
export function ranAgain(queue: Queue, name: string, since: number, runs: number, drained: Queue[] = []): Signal {
  return {
    what: `${runs} run(s) of ${queue.name}/${name} started after ${new Date(since).toISOString()}${drained.length ? `, with ${drained.map((q) => q.name).join(', ')} drained` : ''}`,
    probe: async () => {
      // Newest first; the repeatable jobs of a test run are far fewer than this.
      const completed = await queue.getJobs(['completed'], 0, 499);
      if (completed.filter((job) => job.name === name && (job.processedOn ?? 0) > since).length < runs) return false;
      for (const q of drained) {
        const counts = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
        if (Object.values(counts).some((n) => n > 0)) return false;
      }
      return true;
    },
  };
}
