import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, CurrentUser, invalidTransition, OutboxService } from '@peervisit/platform';
import { assertAllowed, AuditLog, ReviewAccessService, ReviewChanges } from '@peervisit/review';
import { Review, ReviewRole, TeamMember } from '@peervisit/review/entities';
import { Person } from '@peervisit/directory/entities';
import { DataSource, IsNull } from 'typeorm';
import { ReportAnnouncer } from './report-live';
import { ReportReadService } from './report-read.service';
import { Report, ReportStatus } from './report.entity';

/** Publishing a ready version to the host city. */
@Injectable()
export class ReportPublishService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly changes: ReviewChanges,
    private readonly reads: ReportReadService,
    private readonly announcer: ReportAnnouncer,
    private readonly audit: AuditLog,
  ) {}

  /**
   * The expert leader publishes a ready version: the host city can read it from then on, and the
   * host coordinator and the team are told through the outbox.
   */
  async publish(user: CurrentUser, reportId: string): Promise<Report> {
    const existing = await this.reads.find(reportId);
    await this.access.require(user, existing.reviewId, 'report.publish');
    if (existing.status !== ReportStatus.READY)
      throw invalidTransition(`Only a ready report can be published; version ${existing.version} is ${existing.status}.`);
    if (existing.published) return existing;
    // Through ReviewChanges (`review.changed`): the reminders recompute in the same transaction
    // (follow-up checkpoints count from publication) and are queued after commit, with the messages below.
    const report = await this.changes.transaction(this.dataSource, existing.reviewId, async (manager) => {
      const review = await manager.findOneByOrFail(Review, { id: existing.reviewId });
      assertAllowed(review, 'publishReport');
      await manager.update(Report, { id: reportId }, { published: true, publishedAt: new Date(), publishedById: user.personId });
      await this.audit.record(manager, {
        reviewId: review.id,
        actorId: user.personId,
        action: 'report.publish',
        entityType: 'Report',
        entityId: reportId,
        before: { published: false },
        after: { published: true, version: existing.version },
      });
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
    await this.announcer.announce(report);
    return report;
  }
}
