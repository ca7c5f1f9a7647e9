import { Injectable } from '@nestjs/common';
import { BenchmarkService } from '@peervisit/catalogue';
import { GuideQuestion, KeyFactor } from '@peervisit/catalogue/entities';
import { CurrentUser, isUuid, notFound } from '@peervisit/platform';
import { DataSource, In } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import { SelfAssessmentEntry } from '../self-assessment/self-assessment-entry.entity';
import { TimelineInput } from './review.inputs';
import { Review } from './review.entity';
import { ReviewChanges } from './review-changes';
import { ReviewService } from './review.service';

/**
 * A new review of a city that starts from its previous one: same kind and scope (by key factor
 * number, on the latest published version of the benchmark), and the self-assessment entries copied
 * for the city to update, each marked unchanged until someone edits it; other capabilities copy
 * their own settings on the `review.carriedOver` event (the reminder rules do).
 */
@Injectable()
export class CarryOverService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reviews: ReviewService,
    private readonly benchmarks: BenchmarkService,
    private readonly audit: AuditLog,
    private readonly changes: ReviewChanges,
  ) {}

  async startFrom(user: CurrentUser, previousReviewId: string, input: { title: string; timeline?: TimelineInput }): Promise<Review> {
    const previous = isUuid(previousReviewId) ? await this.dataSource.getRepository(Review).findOneBy({ id: previousReviewId }) : null;
    if (!previous) throw notFound(`Review ${previousReviewId}`);
    const oldBenchmark = await this.benchmarks.findById(previous.benchmarkId);
    const oldKeyFactors = await this.reviews.keyFactorsInScope(previous);
    return this.dataSource.transaction(async (manager) => {
      const review = await this.reviews.create(
        user,
        {
          title: input.title,
          kind: previous.kind,
          hostCityId: previous.hostCityId,
          benchmarkCode: oldBenchmark.code,
          scopeKeyFactorNumbers: previous.scopeKeyFactorIds ? oldKeyFactors.map((k) => k.number) : undefined,
          timeline: input.timeline,
        },
        manager,
      );
      const newKeyFactors = await manager.find(KeyFactor, { where: { benchmarkId: review.benchmarkId } });
      const entries = await manager.findBy(SelfAssessmentEntry, { reviewId: previous.id });
      const questionIds = [...oldKeyFactors, ...newKeyFactors].map((k) => k.id);
      const questions = await manager.findBy(GuideQuestion, { keyFactorId: In(questionIds) });
      let copied = 0;
      for (const entry of entries) {
        const oldKeyFactor = oldKeyFactors.find((k) => k.id === entry.keyFactorId);
        const newKeyFactor = oldKeyFactor && newKeyFactors.find((k) => k.number === oldKeyFactor.number);
        if (!newKeyFactor || (review.scopeKeyFactorIds && !review.scopeKeyFactorIds.includes(newKeyFactor.id))) continue;
        // Answers follow their guide question by position, which survives a new benchmark version.
        const answers = entry.answers.flatMap((a) => {
          const position = questions.find((q) => q.id === a.guideQuestionId)?.position;
          const target = questions.find((q) => q.keyFactorId === newKeyFactor.id && q.position === position);
          return target ? [{ guideQuestionId: target.id, answer: a.answer }] : [];
        });
        await manager.insert(SelfAssessmentEntry, {
          reviewId: review.id,
          keyFactorId: newKeyFactor.id,
          answers,
          rating: entry.rating,
          narrative: entry.narrative,
          carriedOverFromId: entry.id,
          updatedById: user.personId,
        });
        copied++;
      }
      await this.changes.carriedOver(manager, previous.id, review.id);
      await this.audit.record(manager, {
        reviewId: review.id,
        actorId: user.personId,
        action: 'review.carryOver',
        entityType: 'Review',
        entityId: review.id,
        after: { previousReviewId, entriesCopied: copied },
      });
      return review;
    });
  }
}
