import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { MAIL_TRANSPORT, MailTransport } from '../mail/mail-transport';
import { JobHandler } from '../queue/job-handler.decorator';
import { currentRequestContext } from '../request-context/request-context';
import { isUuid } from '../validation/uuid';
import { GroupedStatement } from './grouped-statement';
import { MESSAGE_RENDERER, MessageRenderer } from './message-renderer';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity';
import { OutboxService, sendJobId } from './outbox.service';

/** Claimable: still this version, due, and scheduled, or "sending" for so long the sender must have died. */
const CLAIMABLE = `m.due_at <= now()
  AND (m.status = 'SCHEDULED' OR (m.status = 'SENDING' AND m.sending_since < now() - make_interval(secs => $3::float / 1000)))`;
const CLAIM_SET = `status = 'SENDING', attempts = m.attempts + 1, sending_since = now(), updated_at = now()`;
const SENT_SET = `status = 'SENT', sent_at = now(), last_error = NULL, data = m.data - 'secret', updated_at = now()`;
const MARKABLE = `m.status IN ('SENDING', 'SCHEDULED', 'FAILED')`;

/** For an UPDATE, TypeORM's query() answers [rows, affected count]. */
type UpdateResult<T> = [T[], number];

/**
 * The send step: claims its row, renders it, sends it, records the outcome. BullMQ may run a job
 * twice (a stalled worker); the claim makes the second run a no-op while the first is alive.
 *
 * The jobs running at the same time claim their rows in one statement and mark them sent in one
 * (GroupedStatement): a burst of due reminders costs two statements per group, not two per message.
 * A grouped statement skips rows another transaction holds rather than wait for them (waiting while
 * holding the group's other rows could deadlock with that transaction); a row the group did not
 * get is tried alone with the single-row statement, which waits as before. So each job ends as it
 * would alone.
 */
@Injectable()
export class OutboxSender {
  private readonly logger = new Logger('OutboxSender');
  private readonly claims = new GroupedStatement<{ id: string; version: number }, OutboxMessage | undefined>((jobs) =>
    this.claimGroup(jobs),
  );
  private readonly marks = new GroupedStatement<{ id: string; provider: string; claim: number }, boolean>((sent) => this.markGroup(sent));

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    // Provided by the notifications lib; without it nothing can be rendered (and sends fail loudly).
    @Optional() @Inject(MESSAGE_RENDERER) private readonly renderer: MessageRenderer | undefined,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue('mail') private readonly mailQueue: Queue,
  ) {}

  @JobHandler({ queue: 'mail', name: 'send-outbox-message' })
  async send(job: Job<{ id: string; version: number }>): Promise<{ outcome: string }> {
    const { id, version } = job.data;
    const message = (await this.claims.call({ id, version })) ?? (await this.claimAlone(id, version));
    if (!message) return { outcome: 'skipped: the row changed, is not due, or is being sent' };
    // Every later update is conditional on still holding this claim: if the send outlived the
    // timeout and another sender took over, this one must not overwrite what that one recorded.
    const claim = message.attempts;
    // From here on the lines are logged under the request that scheduled the message, even when
    // the job was queued again later by the sweeper or an admin.
    const context = currentRequestContext();
    if (context && message.requestId) context.requestId = message.requestId;

    let rendered;
    try {
      if (!this.renderer) throw new Error('No message renderer is installed: load the NotificationsModule.');
      rendered = await this.renderer.render(message);
    } catch (error) {
      return this.failed(message, error, job, claim);
    }
    if ('skip' in rendered) {
      await this.dataSource.query(
        `UPDATE outbox_message SET status = 'CANCELLED', last_error = $2, updated_at = now() WHERE id = $1 AND status = 'SENDING' AND attempts = $3`,
        [id, rendered.skip, claim],
      );
      this.logger.log(`Cancelled message ${id} (${message.template}): ${rendered.skip}`);
      return { outcome: `cancelled: ${rendered.skip}` };
    }
    try {
      const sent = await this.transport.send({
        to: message.recipientEmail,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId: message.messageId,
        attachments: rendered.attachments,
        icalEvent: rendered.icalEvent,
      });
      // One-time secrets (reset codes, invitation codes) are not kept once delivered (SENT_SET).
      const provider = sent.providerMessageId ?? sent.messageId;
      const marked = (await this.marks.call({ id, provider, claim })) || (await this.markAlone(id, provider, claim));
      if (!marked)
        this.logger.warn(
          `Message ${id} was delivered, but another sender had taken it over after ${this.config.outboxSendingTimeoutMs} ms; it may arrive twice`,
        );
      else this.logger.log(`Sent message ${id} (${message.template}, attempt ${claim})`);
      return { outcome: 'sent' };
    } catch (error) {
      return this.failed(message, error, job, claim);
    }
  }

  /** The rows of a group of jobs claimed in one statement; undefined for a job whose row the group did not get. */
  private async claimGroup(jobs: { id: string; version: number }[]): Promise<(OutboxMessage | undefined)[]> {
    const wanted = jobs.filter((j) => isUuid(j.id) && Number.isInteger(j.version));
    if (!wanted.length) return jobs.map(() => undefined);
    const [rows]: UpdateResult<OutboxMessage> = await this.dataSource.query(
      `WITH claimable AS (
         SELECT m.id FROM outbox_message m JOIN unnest($1::uuid[], $2::int[]) AS j(id, version) ON j.id = m.id AND j.version = m.version
          WHERE ${CLAIMABLE}
          FOR UPDATE OF m SKIP LOCKED)
       UPDATE outbox_message m SET ${CLAIM_SET} FROM claimable c WHERE m.id = c.id
       RETURNING ${this.returnedColumns()}`,
      [wanted.map((j) => j.id), wanted.map((j) => j.version), this.config.outboxSendingTimeoutMs],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    // A row claimed once goes to one job; a second job for it in the same group tries alone and finds it being sent.
    return jobs.map((j) => {
      const row = byId.get(j.id);
      if (!row || row.version !== j.version) return undefined;
      byId.delete(j.id);
      return this.dataSource.getRepository(OutboxMessage).create(row);
    });
  }

  /** The single-row claim: waits for a row another transaction holds. */
  private async claimAlone(id: string, version: number): Promise<OutboxMessage | undefined> {
    const [rows]: UpdateResult<OutboxMessage> = await this.dataSource.query(
      `UPDATE outbox_message m SET ${CLAIM_SET} WHERE m.id = $1 AND m.version = $2 AND ${CLAIMABLE} RETURNING ${this.returnedColumns()}`,
      [id, version, this.config.outboxSendingTimeoutMs],
    );
    return rows[0] ? this.dataSource.getRepository(OutboxMessage).create(rows[0]) : undefined;
  }

  /** Marks a group of delivered messages sent in one statement, each only while its sender still holds its claim. */
  private async markGroup(sent: { id: string; provider: string; claim: number }[]): Promise<boolean[]> {
    const [rows]: UpdateResult<{ id: string; attempts: number }> = await this.dataSource.query(
      `WITH markable AS (
         SELECT m.id, j.provider FROM outbox_message m JOIN unnest($1::uuid[], $2::text[], $3::int[]) AS j(id, provider, attempts)
             ON j.id = m.id AND j.attempts = m.attempts
          WHERE ${MARKABLE}
          FOR UPDATE OF m SKIP LOCKED)
       UPDATE outbox_message m SET ${SENT_SET}, provider_message_id = k.provider FROM markable k WHERE m.id = k.id
       RETURNING m.id, m.attempts`,
      [sent.map((s) => s.id), sent.map((s) => s.provider), sent.map((s) => s.claim)],
    );
    const marked = new Set(rows.map((row) => `${row.id}/${row.attempts}`));
    return sent.map((s) => marked.has(`${s.id}/${s.claim}`));
  }

  /** The single-row mark: waits for a row another transaction holds. */
  private async markAlone(id: string, provider: string, claim: number): Promise<boolean> {
    const [, marked]: UpdateResult<unknown> = await this.dataSource.query(
      `UPDATE outbox_message m SET ${SENT_SET}, provider_message_id = $2 WHERE m.id = $1 AND m.attempts = $3 AND ${MARKABLE}`,
      [id, provider, claim],
    );
    return marked > 0;
  }

  /** Every column of the row, named as the entity's properties. */
  private returnedColumns(): string {
    return this.dataSource
      .getMetadata(OutboxMessage)
      .columns.map((column) => `m.${column.databaseName} AS "${column.propertyName}"`)
      .join(', ');
  }

  /** Puts the row back for BullMQ's next attempt (with backoff), or marks it failed after the last one. */
  private async failed(message: OutboxMessage, error: unknown, job: Job, claim: number): Promise<never | { outcome: string }> {
    const reason = error instanceof Error ? error.message : String(error);
    const last = message.attempts >= this.config.outboxMaxAttempts || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const [, updated]: [unknown, number] = await this.dataSource.query(
      `UPDATE outbox_message SET status = $2, last_error = $3, sending_since = NULL, updated_at = now() WHERE id = $1 AND status = 'SENDING' AND attempts = $4`,
      [message.id, last ? OutboxStatus.FAILED : OutboxStatus.SCHEDULED, reason.slice(0, 2000), claim],
    );
    if (!updated) return { outcome: `abandoned: another sender took the message over (${reason})` };
    if (last) {
      this.logger.error(
        `Giving up on message ${message.id} (${message.template} to ${message.recipientEmail}) after ${message.attempts} attempts: ${reason}`,
      );
      return { outcome: `failed: ${reason}` };
    }
    this.logger.warn(`Sending message ${message.id} failed (attempt ${message.attempts}); retrying: ${reason}`);
    throw error instanceof Error ? error : new Error(reason);
  }

  /**
   * The sweeper: any due scheduled row without a live job gets one (a crash between commit and
   * enqueue, or a Redis flush), and a row stuck "sending" past the timeout is sent again.
   */
  @JobHandler({ queue: 'maintenance', name: 'sweep-outbox', everyMs: (config) => config.outboxSweepIntervalMs })
  async sweep(): Promise<{ requeued: number; recovered: number }> {
    const due: OutboxMessage[] = await this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .where("m.status = 'SCHEDULED' AND m.dueAt <= now()")
      .orderBy('m.dueAt')
      .limit(5000)
      .getMany();
    const missing: OutboxMessage[] = [];
    for (const row of due) {
      const job = await this.mailQueue.getJob(sendJobId(row));
      const state = job ? await job.getState() : 'missing';
      if (state === 'missing' || state === 'completed' || state === 'failed' || state === 'unknown') {
        if (job) await job.remove().catch(() => undefined);
        missing.push(row);
      }
    }
    await this.outbox.addJobs(missing);
    const stuck: OutboxMessage[] = await this.dataSource.query(
      `SELECT id, version, due_at AS "dueAt", attempts FROM outbox_message
        WHERE status = 'SENDING' AND sending_since < now() - make_interval(secs => $1::float / 1000) LIMIT 1000`,
      [this.config.outboxSendingTimeoutMs],
    );
    for (const row of stuck) await this.outbox.addJobs([row], `-recover${row.attempts}`);
    if (missing.length || stuck.length) this.logger.log(`Sweeper queued ${missing.length} due message(s) and ${stuck.length} stuck one(s)`);
    return { requeued: missing.length, recovered: stuck.length };
  }
}
