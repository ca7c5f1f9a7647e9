import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  badInput,
  conflict,
  CurrentUser,
  FILE_STORAGE,
  FileStorage,
  forbidden,
  invalidTransition,
  isUuid,
  JobHandler,
  notFound,
  OutboxService,
  PUB_SUB,
  PubSub,
  APP_CONFIG,
  AppConfig,
} from '@peervisit/platform';
import { Review, ReviewAccessService, ReviewChanges, ReviewRole, ReviewStatus, TeamMember } from '@peervisit/review';
import { Person } from '@peervisit/directory';
import type { Job, Queue } from 'bullmq';
import { Readable } from 'node:stream';
import { DataSource, IsNull } from 'typeorm';
import { assembleReportModel, contentHash } from '../model/report-model';
import { REPORT_FORMATS } from './report-formats';
import { Report, ReportStatus } from './report.entity';

const REPORTABLE = [ReviewStatus.FEEDBACK, ReviewStatus.REPORTING, ReviewStatus.FOLLOW_UP, ReviewStatus.CLOSED];
/** A report still "generating" after this long is taken to have lost its worker, and is rendered again. */
const STUCK_AFTER_MS = 10 * 60 * 1000;

export const reportChannel = (reviewId: string) => `report.${reviewId}`;

/** Follow-up reports: versions, rendering in the background, publication, authorized downloads. */
@Injectable()
export class ReportService {
  private readonly logger = new Logger('Reports');

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly outbox: OutboxService,
    @InjectQueue('reports') private readonly queue: Queue,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(PUB_SUB) private readonly pubSub: PubSub,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly changes: ReviewChanges,
  ) {}

  /** A new version, queued; the worker renders it. */
  async request(user: CurrentUser, reviewId: string): Promise<Report> {
    await this.access.require(user, reviewId, 'report.generate');
    const report = await this.dataSource.transaction(async (manager) => {
      const review = await manager.findOne(Review, { where: { id: reviewId }, lock: { mode: 'pessimistic_write' } });
      if (!review) throw notFound(`Review ${reviewId}`);
      if (!REPORTABLE.includes(review.status)) throw invalidTransition(`A report is generated once feedback has been given; the review is in ${review.status}.`);
      const version = ((await manager.getRepository(Report).maximum('version', { reviewId })) ?? 0) + 1;
      return manager.save(manager.create(Report, { reviewId, version, requestedById: user.personId, files: {} }));
    });
    await this.enqueue(report);
    await this.announce(report);
    return report;
  }

  private enqueue(report: Pick<Report, 'id'>, suffix = '') {
    return this.queue.add('render-report', { id: report.id }, { jobId: `report-${report.id}${suffix}`, attempts: 3, backoff: { type: 'exponential', delay: 5000 } });
  }

  private async announce(report: Report) {
    await this.pubSub.publish(reportChannel(report.reviewId), { reportChanged: { ...report, formats: report.formats } }).catch((e) => this.logger.warn(`Could not announce report ${report.id}: ${e}`));
  }

  /** The worker: claims the report, assembles the model in one snapshot, renders every format, stores them. */
  @JobHandler({ queue: 'reports', name: 'render-report' })
  async render(job: Job<{ id: string }>): Promise<{ outcome: string }> {
    // BullMQ hands a job out again once its worker stopped renewing the lock (killed mid-render):
    // the "generating" report is then taken to be that worker's, and this run takes it over at once
    // instead of skipping it and leaving it generating until the sweeper's timeout.
    const takeOverStalled = (job.stalledCounter ?? 0) > 0;
    // BullMQ also calls a job stalled when its worker is alive but did not renew the lock in time
    // (event loop blocked, Redis away): that worker may still finish. Each claim gets its number,
    // and only the last claim may write the result.
    const [claimed]: [{ id: string; render_attempt: number }[], number] = await this.dataSource.query(
      `UPDATE report SET status = 'GENERATING', started_at = now(), render_attempt = render_attempt + 1
        WHERE id = $1 AND (status = 'QUEUED' OR (status = 'GENERATING' AND ($3 OR started_at < now() - make_interval(secs => $2::float / 1000))))
        RETURNING id, render_attempt`,
      [job.data.id, STUCK_AFTER_MS, takeOverStalled],
    );
    if (claimed.length && takeOverStalled) this.logger.warn(`Report ${job.data.id}: its worker died while rendering; rendering it again`);
    if (!claimed.length) return { outcome: 'skipped: not queued (already rendered or being rendered)' };
    const claim = claimed[0].render_attempt;
    let report = await this.dataSource.getRepository(Report).findOneByOrFail({ id: job.data.id });
    await this.announce(report);
    const stored: string[] = [];
    /** Writes this run's result only if its claim is still the report's last one; answers whether it did. */
    const finish = async (sql: string, params: unknown[]) => {
      const [rows]: [{ id: string }[], number] = await this.dataSource.query(`${sql} WHERE id = $1 AND status = 'GENERATING' AND render_attempt = $2 RETURNING id`, [
        report.id,
        claim,
        ...params,
      ]);
      return rows.length > 0;
    };
    let outcome: string;
    try {
      const model = await this.dataSource.transaction('REPEATABLE READ', (manager) => assembleReportModel(manager, report.reviewId));
      const files: Record<string, string> = {};
      for (const [format, renderer] of Object.entries(REPORT_FORMATS)) {
        const bytes = await renderer.render(model);
        const saved = await this.storage.put(Readable.from([bytes]), { prefix: `reports/${report.reviewId}` });
        stored.push(saved.key);
        files[format] = saved.key;
      }
      const written = await finish(`UPDATE report SET status = 'READY', content_hash = $3, files = $4, generated_at = now(), failure_reason = NULL`, [
        contentHash(model),
        JSON.stringify(files),
      ]);
      outcome = written ? 'READY' : 'discarded';
    } catch (error) {
      for (const key of stored.splice(0)) await this.storage.delete(key).catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      const written = await finish(`UPDATE report SET status = 'FAILED', failure_reason = $3`, [reason.slice(0, 2000)]);
      this.logger.error(`Report ${report.id} failed: ${reason}`);
      outcome = written ? 'FAILED' : 'discarded';
    }
    if (outcome === 'discarded') {
      // Another worker took this version over (this one was taken for dead): its result stands.
      for (const key of stored) await this.storage.delete(key).catch(() => undefined);
      this.logger.warn(`Report ${report.id}: render attempt ${claim} was taken over by a later one; its result is discarded`);
      return { outcome: `discarded: render attempt ${claim} was taken over` };
    }
    report = await this.dataSource.getRepository(Report).findOneByOrFail({ id: report.id });
    await this.announce(report);
    return { outcome: report.status };
  }

  /** Re-queues reports whose worker died while rendering (and queued ones whose job Redis lost). */
  @JobHandler({ queue: 'maintenance', name: 'sweep-reports', everyMs: (config) => config.outboxSweepIntervalMs })
  async sweep(): Promise<{ requeued: number }> {
    const rows: { id: string; status: string }[] = await this.dataSource.query(
      `SELECT id, status FROM report WHERE status = 'QUEUED' OR (status = 'GENERATING' AND started_at < now() - make_interval(secs => $1::float / 1000))`,
      [STUCK_AFTER_MS],
    );
    let requeued = 0;
    for (const row of rows) {
      const job = await this.queue.getJob(`report-${row.id}`);
      const state = job ? await job.getState() : 'missing';
      if (row.status === 'GENERATING' || state === 'missing' || state === 'completed' || state === 'failed') {
        await this.enqueue(row, `-sweep-${Date.now()}`);
        requeued++;
      }
    }
    return { requeued };
  }

  /**
   * The expert leader publishes a ready version: the host city can read it from then on, and the
   * host coordinator and the team are told through the outbox.
   */
  async publish(user: CurrentUser, reportId: string): Promise<Report> {
    const existing = await this.reportOrFail(reportId);
    await this.access.require(user, existing.reviewId, 'report.publish');
    if (existing.status !== ReportStatus.READY) throw invalidTransition(`Only a ready report can be published; version ${existing.version} is ${existing.status}.`);
    if (existing.published) return existing;
    // Through ReviewChanges: the reminders recompute in the same transaction (follow-up checkpoints
    // count from publication) and are queued after commit, with the messages below.
    const report = await this.changes.transaction(this.dataSource, existing.reviewId, async (manager) => {
      await manager.update(Report, { id: reportId }, { published: true, publishedAt: new Date(), publishedById: user.personId });
      const review = await manager.findOneByOrFail(Review, { id: existing.reviewId });
      const members = await manager.findBy(TeamMember, { reviewId: review.id, removedAt: IsNull() });
      const recipients = members.filter((m) => [ReviewRole.EXPERT_LEADER, ReviewRole.PEER, ReviewRole.HOST_COORDINATOR].includes(m.role));
      for (const member of recipients) {
        const person = await manager.findOneByOrFail(Person, { id: member.personId });
        await this.outbox.schedule(manager, {
          dedupeKey: `notice:report-published:${reportId}:${person.id}`,
          template: 'report-published',
          recipientId: person.id,
          recipientEmail: person.email,
          reviewId: review.id,
          data: { reportId, version: existing.version, link: `${this.config.publicUrl}/reports/${reportId}/pdf` },
          dueAt: new Date(),
        });
      }
      return manager.findOneByOrFail(Report, { id: reportId });
    });
    await this.announce(report);
    return report;
  }

  /** Versions the caller may see: the team all of them, the host city and observers the published ones. */
  async list(user: CurrentUser, reviewId: string): Promise<Report[]> {
    const roles = await this.access.require(user, reviewId, 'report.read');
    const all = await this.dataSource.getRepository(Report).find({ where: { reviewId }, order: { version: 'DESC' } });
    return this.seesDrafts(user, roles) ? all : all.filter((r) => r.published);
  }

  async get(user: CurrentUser, reportId: string): Promise<Report> {
    const report = await this.reportOrFail(reportId);
    const roles = await this.access.require(user, report.reviewId, 'report.read');
    if (!report.published && !this.seesDrafts(user, roles)) throw forbidden('The host city sees a report once the expert leader has published it.');
    return report;
  }

  async open(user: CurrentUser, reportId: string, format: string): Promise<{ stream: Readable; mediaType: string; fileName: string }> {
    const report = await this.get(user, reportId);
    // Own properties only: `format` comes from the URL, and "constructor" or "__proto__" are inherited names.
    const spec = Object.hasOwn(REPORT_FORMATS, format) ? REPORT_FORMATS[format] : undefined;
    if (!spec) throw badInput(`Reports come as ${Object.keys(REPORT_FORMATS).join(', ')}; not ${format}.`);
    const key = report.files && Object.hasOwn(report.files, format) ? report.files[format] : undefined;
    if (report.status !== ReportStatus.READY || !key) throw conflict(`Version ${report.version} is ${report.status.toLowerCase()}; it has no ${format} yet.`);
    const review = await this.dataSource.getRepository(Review).findOneByOrFail({ id: report.reviewId });
    return { stream: await this.storage.get(key), mediaType: spec.mediaType, fileName: `${review.title} - report v${report.version}.${spec.extension}` };
  }

  private seesDrafts(user: CurrentUser, roles: ReviewRole[]) {
    return user.isAdmin || roles.includes(ReviewRole.EXPERT_LEADER) || roles.includes(ReviewRole.PEER);
  }

  private async reportOrFail(reportId: string): Promise<Report> {
    const report = isUuid(reportId) ? await this.dataSource.getRepository(Report).findOneBy({ id: reportId }) : null;
    if (!report) throw notFound(`Report ${reportId}`);
    return report;
  }
}
