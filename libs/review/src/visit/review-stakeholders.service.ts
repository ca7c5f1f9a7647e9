import { Injectable } from '@nestjs/common';
import { StakeholderInput, StakeholderService } from '@peervisit/directory';
import { Stakeholder } from '@peervisit/directory/entities';
import { CurrentUser, GraphqlContext } from '@peervisit/platform';
import { DataSource } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { Review } from '../review/review.entity';

/** The host city's stakeholders as a review's team sees and registers them. */
@Injectable()
export class ReviewStakeholders {
  constructor(
    private readonly access: ReviewAccessService,
    private readonly stakeholders: StakeholderService,
    private readonly dataSource: DataSource,
  ) {}

  /** Registers someone of the host city the team will meet (in the host city, whatever the input says). */
  async register(user: CurrentUser, reviewId: string, input: Omit<StakeholderInput, 'cityId'>): Promise<Stakeholder> {
    await this.access.require(user, reviewId, 'stakeholder.register');
    const review = await this.access.reviewOrFail(reviewId);
    return this.stakeholders.save({ ...input, cityId: review.hostCityId }, undefined, user.personId);
  }

  async ofReview(user: CurrentUser, review: Review, ctx: GraphqlContext): Promise<Stakeholder[]> {
    await this.access.require(user, review.id, 'stakeholder.read', ctx);
    return this.dataSource.getRepository(Stakeholder).find({ where: { cityId: review.hostCityId }, order: { createdAt: 'ASC' } });
  }
}
