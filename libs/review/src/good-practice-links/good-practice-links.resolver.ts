import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GoodPractice } from '@peervisit/catalogue/entities';
import { CurrentUser, GraphqlContext, Me } from '@peervisit/platform';
import { GoodPracticeLinksService } from './good-practice-links.service';
import { GoodPracticeSuggestion } from './good-practice-links.types';

@Resolver()
export class GoodPracticeLinksResolver {
  constructor(private readonly links: GoodPracticeLinksService) {}

  @Mutation(() => GoodPractice, {
    description:
      'Drafts a good practice from a piece of evidence (expert leader, peers): host city, country, title and purpose filled in, linked to the evidence.',
  })
  promoteEvidenceToGoodPractice(
    @Me() user: CurrentUser,
    @Args('evidenceId', { type: () => ID }) evidenceId: string,
    @Args('mainFieldOfAction', { description: 'ICC field-of-action code, e.g. "1" or "3a" (evidence has none).' })
    mainFieldOfAction: string,
  ) {
    return this.links.promoteEvidence(user, evidenceId, mainFieldOfAction);
  }

  @Mutation(() => GoodPractice, {
    description:
      'Drafts a good practice from a recommendation (expert leader, peers): host city, country, title and purpose filled in, linked to the recommendation.',
  })
  promoteRecommendationToGoodPractice(
    @Me() user: CurrentUser,
    @Args('recommendationId', { type: () => ID }) recommendationId: string,
    @Args('mainFieldOfAction', { description: 'ICC field-of-action code, e.g. "1" or "3a".' }) mainFieldOfAction: string,
  ) {
    return this.links.promoteRecommendation(user, recommendationId, mainFieldOfAction);
  }

  @Query(() => [GoodPracticeSuggestion], {
    description: 'Published good practices close to a recommendation, best first, each with why (for whoever reads the recommendation).',
  })
  suggestGoodPractices(
    @Me() user: CurrentUser,
    @Args('recommendationId', { type: () => ID }) recommendationId: string,
    @Args('first', { type: () => Int, defaultValue: 5, description: 'How many (1-20).' }) first: number,
    @Context() ctx: GraphqlContext,
  ) {
    return this.links.suggest(user, recommendationId, first, ctx);
  }
}
