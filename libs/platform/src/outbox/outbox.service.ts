import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { notFound, conflict } from '../errors/app-error';
import { PageArgs, paginate } from '../pagination/connection';
import { currentRequestId } from '../request-context/request-context';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity';

export interface MessageToSchedule {
  dedupeKey: string;
  template: string;
  recipientId?: string | null;
  recipientEmail: string;
  reviewId?: string | null;
  data?: Record<string, unknown>;
  optional?: boolean;
  /** Now, for messages that go at once. */
  dueAt: Date;
}

export const SEND_JOB = 'send-outbox-message';

/**
 * Longest delay given to a job. Timers cannot wait longer than 2^31-1 ms (about 24 days); a job that
 * wakes before its row is due finds it not due and does nothing, and the sweeper queues the row
 * again when it is.
 */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** The job's id: row id and version, so a job made stale by a later change never matches its row again. */
export const sendJobId = (row: { id: string; version: number }) => `${row.id}-v${row.version}`;

/**
 * Writes outbox rows inside the caller's transaction and queues them after commit. Rows are upserted
 * by dedupe key: rescheduling a reminder bumps its version, and a row already sent stays sent.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger('Outbox');

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue('mail') private readonly mailQueue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Upserts one row (call inside the transaction of the change that causes it). A scheduled,
   * cancelled or failed row with the same key is replaced only when something about it changed; a
   * row being sent or already sent is left alone.
   */
  async schedule(manager: EntityManager, message: MessageToSchedule): Promise<void> {
    await this.scheduleMany(manager, [message]);
  }

  /**
   * Upserts many rows in one statement, with the rules of schedule(). A review's reminders are
   * recomputed on every change to it, so one round trip instead of one per reminder (a visit of 60
   * sessions has about a thousand) is what keeps moving a session quick. Answers how many rows were
   * inserted or changed. When a key is given twice, the last one counts.
   */
  async scheduleMany(manager: EntityManager, messages: MessageToSchedule[]): Promise<number> {
    if (!messages.length) return 0;
    const byKey = new Map(messages.map((m) => [m.dedupeKey, m]));
    // The change that causes a message is traced through its request id, down to the worker's log.
    const requestId = currentRequestId() ?? null;
    const rows = [...byKey.values()].map((m) => ({
      dedupe_key: m.dedupeKey,
      template: m.template,
      recipient_id: m.recipientId ?? null,
      recipient_email: m.recipientEmail,
      review_id: m.reviewId ?? null,
      data: m.data ?? {},
      optional: m.optional ?? false,
      due_at: m.dueAt.toISOString(),
      request_id: requestId,
    }));
    // For an INSERT, TypeORM's query() answers the returned rows.
    const changed: unknown[] = await manager.query(
      `INSERT INTO outbox_message (dedupe_key, template, recipient_id, recipient_email, review_id, data, optional, due_at, request_id, message_id)
       SELECT x.dedupe_key, x.template, x.recipient_id, x.recipient_email, x.review_id, x.data, x.optional, x.due_at, x.request_id, '<' || gen_random_uuid() || '@peervisit>'
         FROM jsonb_to_recordset($1::jsonb) AS x(dedupe_key text, template text, recipient_id uuid, recipient_email text, review_id uuid, data jsonb, optional boolean, due_at timestamptz, request_id text)
       ON CONFLICT (dedupe_key) DO UPDATE SET
         template = EXCLUDED.template, recipient_id = EXCLUDED.recipient_id, recipient_email = EXCLUDED.recipient_email,
         review_id = EXCLUDED.review_id, data = EXCLUDED.data, optional = EXCLUDED.optional, due_at = EXCLUDED.due_at, request_id = EXCLUDED.request_id,
         status = 'SCHEDULED', version = outbox_message.version + 1, attempts = 0, last_error = NULL, updated_at = now()
       WHERE outbox_message.status IN ('SCHEDULED', 'CANCELLED', 'FAILED')
         AND (outbox_message.status <> 'SCHEDULED' OR outbox_message.due_at IS DISTINCT FROM EXCLUDED.due_at
              OR outbox_message.data IS DISTINCT FROM EXCLUDED.data OR outbox_message.recipient_email IS DISTINCT FROM EXCLUDED.recipient_email)
       RETURNING id`,
      [JSON.stringify(rows)],
    );
    return changed.length;
  }

  /**
   * Cancels the scheduled rows under a key prefix that are not in `keep` (reminders no longer valid).
   * `reviewId` null: rows about no review (an Index assessment's), found by the prefix alone.
   */
  async cancelOthers(manager: EntityManager, reviewId: string | null, keyPrefix: string, keep: string[]): Promise<number> {
    const result = await manager.query(
      `UPDATE outbox_message SET status = 'CANCELLED', version = version + 1, updated_at = now()
        WHERE ${reviewId === null ? 'review_id IS NULL AND $1::uuid IS NULL' : 'review_id = $1'}
          AND status = 'SCHEDULED' AND starts_with(dedupe_key, $2) AND NOT (dedupe_key = ANY($3))`,
      [reviewId, keyPrefix, keep],
    );
    return result[1] ?? 0;
  }

  /**
   * After commit: a delayed job per scheduled row of the review (or of the given keys), optionally
   * only the rows written by the transactions that started at the given times (epoch microseconds;
   * a row written in a transaction gets now(), the transaction's start, as updated_at). Adding a
   * job whose id is already in Redis does nothing, so calling this twice is harmless. An after-commit
   * handler passes the committed transaction's manager, whose connection it still holds.
   */
  async enqueueScheduled(
    filter: { reviewId?: string; dedupeKeys?: string[]; writtenByTransactionsStartedAt?: string[] },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const query = manager
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .select(['m.id', 'm.version', 'm.dueAt'])
      .where('m.status = :status', { status: OutboxStatus.SCHEDULED })
      .andWhere(filter.reviewId ? 'm.reviewId = :reviewId' : filter.dedupeKeys ? 'm.dedupeKey IN (:...keys)' : 'false', {
        reviewId: filter.reviewId,
        keys: filter.dedupeKeys?.length ? filter.dedupeKeys : ['-'],
      });
    if (filter.writtenByTransactionsStartedAt) {
      query.andWhere('(extract(epoch FROM m.updatedAt) * 1000000)::bigint = ANY(:started::bigint[])', {
        started: filter.writtenByTransactionsStartedAt,
      });
    }
    const rows: Pick<OutboxMessage, 'id' | 'version' | 'dueAt'>[] = await query.getMany();
    await this.addJobs(rows);
    return rows.length;
  }

  async addJobs(rows: Pick<OutboxMessage, 'id' | 'version' | 'dueAt'>[], jobIdSuffix = ''): Promise<void> {
    if (!rows.length) return;
    const now = Date.now();
    await this.mailQueue.addBulk(
      rows.map((row) => ({
        name: SEND_JOB,
        data: { id: row.id, version: row.version },
        opts: {
          jobId: sendJobId(row) + jobIdSuffix,
          delay: Math.min(MAX_DELAY_MS, Math.max(0, new Date(row.dueAt).getTime() - now)),
          attempts: this.config.outboxMaxAttempts,
          backoff: { type: 'exponential', delay: this.config.outboxRetryDelayMs },
        },
      })),
    );
  }

  list(filter: { status?: OutboxStatus; reviewId?: string }, page: PageArgs) {
    const query = this.dataSource.getRepository(OutboxMessage).createQueryBuilder('message');
    if (filter.status) query.andWhere('message.status = :status', { status: filter.status });
    if (filter.reviewId) query.andWhere('message.reviewId = :reviewId', { reviewId: filter.reviewId });
    return paginate(query, page, 'dueAt', 'DESC');
  }

  /** An admin sends a failed (or cancelled) message again, now. */
  async retry(id: string): Promise<OutboxMessage> {
    // For an UPDATE, TypeORM's query() answers [rows, affected count].
    const [rows]: [OutboxMessage[], number] = await this.dataSource.query(
      `UPDATE outbox_message SET status = 'SCHEDULED', attempts = 0, last_error = NULL, version = version + 1, due_at = now(), updated_at = now()
        WHERE id = $1 AND status IN ('FAILED', 'CANCELLED') RETURNING id`,
      [id],
    );
    const row = await this.dataSource.getRepository(OutboxMessage).findOneBy({ id });
    if (!row) throw notFound(`Outbox message ${id}`);
    if (!rows.length) throw conflict(`Only a failed or cancelled message can be retried; this one is ${row.status}.`);
    await this.addJobs([row]);
    this.logger.log(`Message ${id} (${row.template} to ${row.recipientEmail}) queued again by an admin`);
    return row;
  }
}
