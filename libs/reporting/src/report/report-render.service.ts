import { Inject, Injectable, Logger } from '@nestjs/common';
import { FILE_STORAGE, FileStorage, JobHandler } from '@peervisit/platform';
import type { Job } from 'bullmq';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { assembleReportModel, contentHash } from '../model/report-model';
import { REPORT_FORMATS } from './report-formats';
import { ReportAnnouncer } from './report-live';
import { STUCK_AFTER_MS } from './report-queue';
import { Report } from './report.entity';

/** The worker side: renders a queued version in every format and stores the files. */
@Injectable()
export class ReportRenderService {
  private readonly logger = new Logger('Reports');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly announcer: ReportAnnouncer,
  ) {}

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
    await this.announcer.announce(report);
    const stored: string[] = [];
    /** Writes this run's result only if its claim is still the report's last one; answers whether it did. */
    const finish = async (sql: string, params: unknown[]) => {
      const [rows]: [{ id: string }[], number] = await this.dataSource.query(
        `${sql} WHERE id = $1 AND status = 'GENERATING' AND render_attempt = $2 RETURNING id`,
        [report.id, claim, ...params],
      );
      return rows.length > 0;
    };
    let outcome: string;
    try {
      const model = await this.dataSource.transaction('REPEATABLE READ', (manager) =>
        assembleReportModel(manager, report.reviewId, report.language),
      );
      const files: Record<string, string> = {};
      for (const [format, renderer] of Object.entries(REPORT_FORMATS)) {
        const bytes = await renderer.render(model);
        const saved = await this.storage.put(Readable.from([bytes]), { prefix: `reports/${report.reviewId}` });
        stored.push(saved.key);
        files[format] = saved.key;
      }
      const written = await finish(
        `UPDATE report SET status = 'READY', content_hash = $3, files = $4, generated_at = now(), failure_reason = NULL`,
        [contentHash(model), JSON.stringify(files)],
      );
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
    await this.announcer.announce(report);
    return { outcome: report.status };
  }
}
