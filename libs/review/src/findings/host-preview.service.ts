import { Injectable } from '@nestjs/common';
import { KeyFactor } from '@peervisit/catalogue/entities';
import { CurrentUser } from '@peervisit/platform';
import { DataSource, In, IsNull } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { allows } from '../review/review-capabilities';
import { AnonymisationService } from '../anonymisation/anonymisation.service';
import { Recommendation } from '../recommendation/recommendation.entity';
import { byPriority } from '../recommendation/recommendation.rules';
import { Conclusion } from './conclusion.entity';
import { HostPreview } from './host-preview';

/**
 * The findings as the host city reads them, for the review team: the same anonymiser, on the same
 * people, as the host's own queries and the report, so what the team checks is what the city gets.
 */
@Injectable()
export class HostPreviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly anonymisation: AnonymisationService,
  ) {}

  async preview(user: CurrentUser, reviewId: string): Promise<HostPreview> {
    await this.access.require(user, reviewId, 'findings.draft');
    const review = await this.access.reviewOrFail(reviewId);
    const [conclusions, recommendations, anonymiser] = await Promise.all([
      this.dataSource.getRepository(Conclusion).findBy({ reviewId: review.id }),
      this.dataSource.getRepository(Recommendation).findBy({ reviewId: review.id, withdrawnAt: IsNull() }),
      this.anonymisation.anonymiserOf(review.id),
    ]);
    const keyFactorIds = [...new Set([...conclusions.map((c) => c.keyFactorId), ...recommendations.flatMap((r) => r.keyFactorIds)])];
    const keyFactors = keyFactorIds.length ? await this.dataSource.getRepository(KeyFactor).findBy({ id: In(keyFactorIds) }) : [];
    const keyFactor = (id: string) => keyFactors.find((k) => k.id === id);
    const text = (value: string) => anonymiser.anonymise(value);
    return {
      reviewId: review.id,
      visibleToHost: allows(review.status, 'readFindingsAsHost'),
      conclusions: conclusions
        .sort((a, b) => (keyFactor(a.keyFactorId)?.number ?? 0) - (keyFactor(b.keyFactorId)?.number ?? 0))
        .map((c) => ({
          keyFactorId: c.keyFactorId,
          keyFactorCode: keyFactor(c.keyFactorId)?.code ?? '',
          keyFactorHeading: keyFactor(c.keyFactorId)?.heading ?? '',
          status: c.status,
          rating: c.rating,
          summary: text(c.summary),
          strengths: text(c.strengths),
          areasToDevelop: text(c.areasToDevelop),
        })),
      recommendations: recommendations.sort(byPriority).map((r) => ({
        id: r.id,
        text: text(r.text),
        priority: r.priority,
        horizon: r.horizon,
        suggestedOwner: r.suggestedOwner ? text(r.suggestedOwner) : null,
        keyFactorCodes: r.keyFactorIds.map((id) => keyFactor(id)?.code ?? '').filter(Boolean),
      })),
    };
  }
}
