import { Injectable } from '@nestjs/common';
import { GoodPractice, GoodPracticeStatus } from '@peervisit/catalogue/entities';
import { CurrentUser, invalidTransition, isUuid, notFound } from '@peervisit/platform';
import { DataSource, EntityManager, In } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { AuditLog } from '../audit/audit-log.service';
import { Recommendation } from '../recommendation/recommendation.entity';
import { Review } from '../review/review.entity';
import { assertAllowed } from '../review/review-capabilities';
import { RecommendationPracticeLink } from './recommendation-practice-link.entity';

/**
 * The team links published good practices of the catalogue to a recommendation (typically one of the
 * suggestions), while recommendations may be drafted. Linking twice is harmless; unlinking one that is
 * not linked changes nothing.
 */
@Injectable()
export class RecommendationPracticeLinksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditLog,
  ) {}

  async link(user: CurrentUser, recommendationId: string, goodPracticeId: string): Promise<Recommendation> {
    return this.change(user, recommendationId, goodPracticeId, async (manager, recommendation, practice) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(RecommendationPracticeLink)
        .values({ recommendationId: recommendation.id, goodPracticeId: practice.id, linkedById: user.personId })
        .orIgnore()
        .returning(['recommendation_id'])
        .execute();
      return inserted.raw.length > 0 ? 'recommendation.linkGoodPractice' : null;
    });
  }

  async unlink(user: CurrentUser, recommendationId: string, goodPracticeId: string): Promise<Recommendation> {
    return this.change(user, recommendationId, goodPracticeId, async (manager, recommendation, practice) => {
      const removed = await manager.delete(RecommendationPracticeLink, {
        recommendationId: recommendation.id,
        goodPracticeId: practice.id,
      });
      return removed.affected ? 'recommendation.unlinkGoodPractice' : null;
    });
  }

  /** The linked practices of each recommendation, in one statement, oldest link first. */
  async practicesOf(recommendationIds: readonly string[]): Promise<GoodPractice[][]> {
    const links = await this.dataSource
      .getRepository(RecommendationPracticeLink)
      .find({ where: { recommendationId: In([...recommendationIds]) }, order: { linkedAt: 'ASC' } });
    const practices = links.length
      ? await this.dataSource.getRepository(GoodPractice).findBy({ id: In([...new Set(links.map((l) => l.goodPracticeId))]) })
      : [];
    return recommendationIds.map((id) =>
      links
        .filter((l) => l.recommendationId === id)
        .map((l) => practices.find((p) => p.id === l.goodPracticeId))
        // A practice sent back to draft after it was linked is not shown to readers of the recommendation.
        .filter((p): p is GoodPractice => !!p && p.status === GoodPracticeStatus.PUBLISHED),
    );
  }

  private async change(
    user: CurrentUser,
    recommendationId: string,
    goodPracticeId: string,
    apply: (manager: EntityManager, recommendation: Recommendation, practice: GoodPractice) => Promise<string | null>,
  ): Promise<Recommendation> {
    const recommendation = isUuid(recommendationId)
      ? await this.dataSource.getRepository(Recommendation).findOneBy({ id: recommendationId.toLowerCase() })
      : null;
    if (!recommendation) throw notFound(`Recommendation ${recommendationId}`);
    await this.access.require(user, recommendation.reviewId, 'findings.draft');
    const practice = isUuid(goodPracticeId)
      ? await this.dataSource.getRepository(GoodPractice).findOneBy({ id: goodPracticeId.toLowerCase() })
      : null;
    if (!practice || practice.status !== GoodPracticeStatus.PUBLISHED) throw notFound(`Published good practice ${goodPracticeId}`);
    return this.dataSource.transaction(async (manager) => {
      // Share-locked so the review cannot leave the drafting statuses under this change.
      const review = await manager.findOneOrFail(Review, { where: { id: recommendation.reviewId }, lock: { mode: 'pessimistic_read' } });
      assertAllowed(review, 'linkGoodPractices');
      const current = await manager.findOneOrFail(Recommendation, {
        where: { id: recommendation.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (current.withdrawnAt) throw invalidTransition('This recommendation was withdrawn; its good practices no longer change.');
      const action = await apply(manager, current, practice);
      if (action) {
        await this.audit.record(manager, {
          reviewId: review.id,
          actorId: user.personId,
          action,
          entityType: 'Recommendation',
          entityId: current.id,
          after: { goodPracticeId: practice.id },
        });
      }
      return current;
    });
  }
}
