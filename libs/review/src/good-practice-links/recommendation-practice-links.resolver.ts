import { Args, ID, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { GoodPractice } from '@peervisit/catalogue/entities';
import { CurrentUser, GraphqlContext, Me } from '@peervisit/platform';
import { Recommendation } from '../recommendation/recommendation.entity';
import { RecommendationPracticeLinksService } from './recommendation-practice-links.service';

@Resolver(() => Recommendation)
export class RecommendationPracticeLinksResolver {
  constructor(private readonly links: RecommendationPracticeLinksService) {}

  @Mutation(() => Recommendation, {
    description: 'Links a published good practice of the catalogue to a recommendation (expert leader, peers); linking twice is harmless.',
  })
  linkGoodPractice(
    @Me() user: CurrentUser,
    @Args('recommendationId', { type: () => ID }) recommendationId: string,
    @Args('goodPracticeId', { type: () => ID }) goodPracticeId: string,
  ) {
    return this.links.link(user, recommendationId, goodPracticeId);
  }

  @Mutation(() => Recommendation, { description: 'Removes a linked good practice from a recommendation (expert leader, peers).' })
  unlinkGoodPractice(
    @Me() user: CurrentUser,
    @Args('recommendationId', { type: () => ID }) recommendationId: string,
    @Args('goodPracticeId', { type: () => ID }) goodPracticeId: string,
  ) {
    return this.links.unlink(user, recommendationId, goodPracticeId);
  }

  @ResolveField(() => [GoodPractice], {
    description: 'Published good practices of the catalogue the team linked to it, oldest link first.',
  })
  linkedGoodPractices(recommendation: Recommendation, _args: unknown, ctx: GraphqlContext) {
    return ctx.loaders
      .get<string, GoodPractice[]>('Recommendation.linkedGoodPractices', (ids) => this.links.practicesOf(ids))
      .load(recommendation.id);
  }
}
