import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { ErrorCode } from '../errors/app-error';
import { QUEUE_NAMES } from '../queue/queues';

/** Distinct GraphQL operation names kept as labels; later new names count as "other". */
export const OPERATION_NAMES_KEPT = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const ERROR_CODES = new Set<string>(Object.values(ErrorCode));
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** A scrape must answer even when Redis or PostgreSQL does not: each collector gives up after this. */
const COLLECT_TIMEOUT_MS = 2000;

async function within<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>(
        (_, reject) =>
          (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${COLLECT_TIMEOUT_MS} ms`)), COLLECT_TIMEOUT_MS)),
      ),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The process's metrics, in a registry of its own (not prom-client's global one, so that several
 * apps in one process, as in the tests, do not collide). Counters and histograms are updated as
 * requests finish; pool, queue and outbox gauges are read when Prometheus scrapes.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();

  readonly graphqlRequests = new Counter({
    name: 'peervisit_graphql_requests_total',
    help: 'GraphQL requests over HTTP by operation name (capped, see docs/operations.md), type and outcome (ok, or error when the response has errors).',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly graphqlDuration = new Histogram({
    name: 'peervisit_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to sending its response, by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  readonly httpRequests = new Counter({
    name: 'peervisit_http_requests_total',
    help: 'Plain HTTP requests (not /graphql) by route pattern, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'peervisit_http_request_duration_seconds',
    help: 'Time to answer a plain HTTP request (not /graphql), by route pattern and method.',
    labelNames: ['route', 'method'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'peervisit_errors_total',
    help: 'Errors answered, by stable code (extensions.code; for HTTP routes the code of the status) and surface (graphql or http).',
    labelNames: ['code', 'surface'] as const,
    registers: [this.registry],
  });
  readonly subscriptionsOpen = new Gauge({
    name: 'peervisit_graphql_subscriptions_open',
    help: 'GraphQL subscriptions listening now (over WebSocket) in this process.',
    registers: [this.registry],
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    collectDefaultMetrics({ register: this.registry });
    const pool = () =>
      (this.dataSource.driver as PostgresDriver).master as { totalCount: number; idleCount: number; waitingCount: number } | undefined;
    new Gauge({
      name: 'peervisit_db_pool',
      help: 'PostgreSQL pool of this process: connections in_use and idle, and queries waiting for a connection.',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const p = pool();
        if (!p) return;
        this.set({ state: 'in_use' }, p.totalCount - p.idleCount);
        this.set({ state: 'idle' }, p.idleCount);
        this.set({ state: 'waiting' }, p.waitingCount);
      },
    });
    new Gauge({
      name: 'peervisit_db_pool_max',
      help: 'Largest size of the PostgreSQL pool (DATABASE_POOL_SIZE).',
      registers: [this.registry],
      collect() {
        this.set(config.databasePoolSize);
      },
    });
    const queues = () => QUEUE_NAMES.map((name) => [name, this.moduleRef.get<Queue>(getQueueToken(name), { strict: false })] as const);
    new Gauge({
      name: 'peervisit_queue_jobs',
      help: 'Jobs per BullMQ queue and state (waiting, active, delayed, failed), read from Redis at scrape time.',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        await within(
          Promise.all(
            queues().map(async ([name, queue]) => {
              const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
              for (const [state, count] of Object.entries(counts)) this.set({ queue: name, state }, count);
            }),
          ),
          'queue counts',
        ).catch(() => undefined); // Redis down: no series, and readiness says why
      },
    });
    new Gauge({
      name: 'peervisit_outbox_messages',
      help: 'Outbox messages by status (SCHEDULED, SENDING, SENT, CANCELLED, FAILED).',
      labelNames: ['status'] as const,
      registers: [this.registry],
      collect: async function (this: Gauge<'status'>) {
        const rows: { status: string; count: string }[] = await within(
          dataSource.query('SELECT status, count(*) AS count FROM outbox_message GROUP BY status'),
          'outbox counts',
        ).catch(() => []);
        this.reset();
        for (const status of ['SCHEDULED', 'SENDING', 'SENT', 'CANCELLED', 'FAILED'])
          this.set({ status }, Number(rows.find((r) => r.status === status)?.count ?? 0));
      },
    });
    new Gauge({
      name: 'peervisit_outbox_oldest_due_unsent_age_seconds',
      help: 'How long the oldest message that is due but not sent (SCHEDULED or SENDING) has been due; 0 when none.',
      registers: [this.registry],
      collect: async function (this: Gauge) {
        const rows: { age: string | null }[] = await within(
          dataSource.query(
            "SELECT extract(epoch FROM now() - min(due_at)) AS age FROM outbox_message WHERE status IN ('SCHEDULED', 'SENDING') AND due_at <= now()",
          ),
          'outbox age',
        ).catch(() => []);
        if (rows.length) this.set(Math.max(0, Number(rows[0].age ?? 0)));
      },
    });
  }

  /**
   * The label for a client-chosen operation name: kept when plain and among the first
   * OPERATION_NAMES_KEPT seen, else "other"; "anonymous" when there is none. Bounds the series a
   * client can create.
   */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.operationNames.has(name)) return name;
    if (!OPERATION_NAME.test(name) || this.operationNames.size >= OPERATION_NAMES_KEPT) return 'other';
    this.operationNames.add(name);
    return name;
  }

  /** A stable code, or OTHER for anything else (bounded like every label). */
  errorCodeLabel(code: unknown): string {
    return typeof code === 'string' && ERROR_CODES.has(code) ? code : 'OTHER';
  }

  /** Counts a subscription from when it listens until it ends, however it ends. */
  countSubscription<T>(iterator: AsyncGenerator<T>): AsyncGenerator<T> {
    this.subscriptionsOpen.inc();
    let open = true;
    const closed = () => {
      if (open) this.subscriptionsOpen.dec();
      open = false;
    };
    const settle = async (step: Promise<IteratorResult<T>>) => {
      try {
        const result = await step;
        if (result.done) closed();
        return result;
      } catch (error) {
        closed();
        throw error;
      }
    };
    const counted: AsyncGenerator<T> = {
      next: (...args) => settle(iterator.next(...args)),
      return: (value) => settle(iterator.return(value)).finally(closed),
      throw: (error) => settle(iterator.throw(error)),
      [Symbol.asyncIterator]: () => counted,
      [Symbol.asyncDispose]: async () => void (await counted.return(undefined)),
    };
    return counted;
  }
}
