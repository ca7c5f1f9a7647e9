import { Args, ID, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Person } from '@peervisit/directory/entities';
import { CurrentUser, GraphqlContext, Me } from '@peervisit/platform';
import { ReviewLoaders } from '../review/review-loaders';
import { EvidenceContributorsService } from './evidence-contributors.service';
import { KeyFactorContributor } from './evidence-contributors.types';

@Resolver(() => KeyFactorContributor)
export class EvidenceContributorsResolver {
  constructor(
    private readonly contributors: EvidenceContributorsService,
    private readonly loaders: ReviewLoaders,
  ) {}

  @Query(() => [KeyFactorContributor], { description: 'Who logged evidence on each key factor, and how much (review team only).' })
  evidenceContributors(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return this.contributors.byKeyFactor(user, reviewId);
  }

  @ResolveField(() => Person)
  person(row: KeyFactorContributor, _args: unknown, ctx: GraphqlContext) {
    return this.loaders.of(ctx).person.load(row.personId);
  }
}
