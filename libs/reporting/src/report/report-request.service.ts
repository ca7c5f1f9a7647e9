import { Injectable } from '@nestjs/common';
import { badInput, CurrentUser, isLanguage, LANGUAGES, notFound } from '@peervisit/platform';
import { assertAllowed, AuditLog, ReviewAccessService } from '@peervisit/review';
import { Review } from '@peervisit/review/entities';
import { DataSource } from 'typeorm';
import { ReportAnnouncer } from './report-live';
import { ReportQueue } from './report-queue';
import { Report } from './report.entity';

/** Asking for a new version of a review's follow-up report. */
@Injectable()
export class ReportRequestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly queue: ReportQueue,
    private readonly announcer: ReportAnnouncer,
    private readonly audit: AuditLog,
  ) {}

  /** A new version, queued; the worker renders it, in `language` (default: the review's working language). */
  async request(user: CurrentUser, reviewId: string, language?: string | null): Promise<Report> {
    await this.access.require(user, reviewId, 'report.generate');
    if (language !== undefined && language !== null && !isLanguage(language)) {
      throw badInput(`The report was not requested: language: one of ${LANGUAGES.join(', ')}`, [
        { path: 'language', message: `one of ${LANGUAGES.join(', ')}` },
      ]);
    }
    const report = await this.dataSource.transaction(async (manager) => {
      const review = await manager.findOne(Review, { where: { id: reviewId }, lock: { mode: 'pessimistic_write' } });
      if (!review) throw notFound(`Review ${reviewId}`);
      assertAllowed(review, 'requestReport');
      const version = ((await manager.getRepository(Report).maximum('version', { reviewId })) ?? 0) + 1;
      const saved = await manager.save(
        manager.create(Report, {
          reviewId,
          version,
          requestedById: user.personId,
          files: {},
          language: language ?? review.workingLanguage,
        }),
      );
      await this.audit.record(manager, {
        reviewId,
        actorId: user.personId,
        action: 'report.request',
        entityType: 'Report',
        entityId: saved.id,
        after: { version, language: saved.language },
      });
      return saved;
    });
    await this.queue.enqueue(report);
    await this.announcer.announce(report);
    return report;
  }
}
