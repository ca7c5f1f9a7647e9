import { Injectable } from '@nestjs/common';
import { KeyFactor } from '@peervisit/catalogue/entities';
import { Person } from '@peervisit/directory/entities';
import { badInput, CurrentUser, invalidTransition, notFound, OutboxService } from '@peervisit/platform';
import { DataSource, In, IsNull } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { AuditLog } from '../audit/audit-log.service';
import { Review } from '../review/review.entity';
import { assertAllowed } from '../review/review-capabilities';
import { ReviewChanges } from '../review/review-changes';
import { ReviewRole, TeamMember } from '../team/team-member.entity';
import { EntryStatus, SelfAssessmentEntry } from './self-assessment-entry.entity';
import { SelfAssessmentReturn } from './self-assessment-return.entity';

export const SELF_ASSESSMENT_RETURNED_TEMPLATE = 'self-assessment-returned';
const MAX_REASON = 4000;

/**
 * The expert leader sends one self-assessment entry back to the host city with a reason: the entry
 * opens for editing again (and a submitted self-assessment must be submitted again), and whoever it
 * is assigned to (else the host coordinators) is told by email.
 */
@Injectable()
export class SelfAssessmentReturnService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditLog,
    private readonly changes: ReviewChanges,
    private readonly outbox: OutboxService,
  ) {}

  async sendBack(user: CurrentUser, reviewId: string, keyFactorId: string, reason: string): Promise<SelfAssessmentEntry> {
    await this.access.require(user, reviewId, 'review.edit');
    const text = (reason ?? '').trim();
    if (!text) throw badInput('Say what the host city should change.', [{ path: 'reason', message: 'required' }]);
    if (text.length > MAX_REASON)
      throw badInput(`The reason is too long (at most ${MAX_REASON} characters).`, [
        { path: 'reason', message: `at most ${MAX_REASON} characters` },
      ]);
    return this.changes.transaction(this.dataSource, reviewId, async (manager) => {
      const review = await manager.findOne(Review, { where: { id: reviewId }, lock: { mode: 'pessimistic_write' } });
      if (!review) throw notFound(`Review ${reviewId}`);
      assertAllowed(review, 'sendBackSelfAssessment');
      const entry = await manager.findOne(SelfAssessmentEntry, { where: { reviewId, keyFactorId }, lock: { mode: 'pessimistic_write' } });
      const keyFactor = await manager.findOneBy(KeyFactor, { id: keyFactorId, benchmarkId: review.benchmarkId });
      if (!keyFactor || (review.scopeKeyFactorIds && !review.scopeKeyFactorIds.includes(keyFactorId))) {
        throw badInput("This key factor is not in the review's scope.", [{ path: 'keyFactorId', message: 'not in scope' }]);
      }
      if (!entry)
        throw invalidTransition(
          `The host city has not written anything for key factor ${keyFactor.code} yet; there is nothing to send back.`,
        );
      const before = { status: entry.status, selfAssessmentSubmittedAt: review.selfAssessmentSubmittedAt };
      entry.status = EntryStatus.DRAFT;
      entry.version += 1;
      await manager.save(entry);
      // A submitted self-assessment with an entry open again is no longer submitted: the coordinator submits it again.
      if (review.selfAssessmentSubmittedAt) {
        review.selfAssessmentSubmittedAt = null;
        await manager.save(review);
      }
      const hosts = await manager.findBy(TeamMember, {
        reviewId,
        removedAt: IsNull(),
        role: In([ReviewRole.HOST_COORDINATOR, ReviewRole.HOST_CONTRIBUTOR]),
      });
      const assignee = entry.assigneeId ? hosts.find((m) => m.personId === entry.assigneeId) : undefined;
      const recipientIds = assignee
        ? [assignee.personId]
        : hosts.filter((m) => m.role === ReviewRole.HOST_COORDINATOR).map((m) => m.personId);
      const row = await manager.save(
        manager.create(SelfAssessmentReturn, {
          entryId: entry.id,
          reviewId,
          reason: text,
          sentById: user.personId,
          entryVersion: entry.version,
          notifiedIds: recipientIds,
        }),
      );
      const people = recipientIds.length ? await manager.findBy(Person, { id: In(recipientIds) }) : [];
      for (const person of people) {
        await this.outbox.schedule(manager, {
          dedupeKey: `notice:${SELF_ASSESSMENT_RETURNED_TEMPLATE}:${row.id}:${person.id}`,
          template: SELF_ASSESSMENT_RETURNED_TEMPLATE,
          recipientId: person.id,
          recipientEmail: person.email,
          reviewId,
          data: { returnId: row.id },
          dueAt: new Date(),
        });
      }
      await this.audit.record(manager, {
        reviewId,
        actorId: user.personId,
        action: 'selfAssessment.sendBack',
        entityType: 'SelfAssessmentEntry',
        entityId: entry.id,
        before,
        after: { status: entry.status, reason: text, notifiedIds: recipientIds },
      });
      return entry;
    });
  }

  /** Every send-back of these entries, newest first. */
  returnsOf(entryIds: readonly string[]): Promise<SelfAssessmentReturn[]> {
    return this.dataSource.getRepository(SelfAssessmentReturn).find({ where: { entryId: In([...entryIds]) }, order: { sentAt: 'DESC' } });
  }
}
