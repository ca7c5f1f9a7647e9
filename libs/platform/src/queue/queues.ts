/**
 * The one registry of queues and the jobs each carries. The api (producer) and the worker (consumer)
 * both read it; the worker refuses to start when a job listed here has no handler, or two.
 * One queue per concern, so SMTP can be throttled apart from report rendering.
 */
export const QUEUES = {
  mail: { concurrency: 16, jobs: ['send-outbox-message'] },
  reminders: { concurrency: 2, jobs: [] as string[] },
  // A worker killed mid-render stops renewing its job's lock; with these settings another worker
  // takes the job over within about 20 s instead of up to a minute (BullMQ's 30 s lock + 30 s check).
  // 15 s still leaves a render that blocks the event loop a wide margin.
  reports: { concurrency: 1, jobs: ['render-report'], lockDurationMs: 15000, stalledIntervalMs: 5000 },
  maintenance: { concurrency: 1, jobs: ['purge-expired-tokens', 'sweep-outbox', 'sweep-reports', 'apply-retention'] },
} satisfies Record<string, QueueSpec>;

export interface QueueSpec {
  concurrency: number;
  jobs: string[];
  /** How long a job's lock lasts without renewal before the job counts as stalled (BullMQ lockDuration). */
  lockDurationMs?: number;
  /** How often workers look for stalled jobs (BullMQ stalledInterval). */
  stalledIntervalMs?: number;
}

export type QueueName = keyof typeof QUEUES;
export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

/** BullMQ connection options from a redis:// URL; workers need maxRetriesPerRequest: null. */
export function redisConnectionOptions(redisUrl: string) {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}
