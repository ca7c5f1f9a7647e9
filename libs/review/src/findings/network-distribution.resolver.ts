import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, GraphqlContext, Me } from '@peervisit/platform';
import { NetworkDistributionService } from './network-distribution.service';
import { NetworkDistribution } from './network-distribution.types';

@Resolver(() => NetworkDistribution)
export class NetworkDistributionResolver {
  constructor(private readonly distribution: NetworkDistributionService) {}

  @Query(() => NetworkDistribution, {
    description:
      "The network's agreed ratings per key factor in scope, counted per rating across cities, with this review's rating: only for key factors at least 5 cities rated (readers of the review's findings).",
  })
  networkDistribution(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string, @Context() ctx: GraphqlContext) {
    return this.distribution.forReview(user, reviewId, ctx);
  }
}
