import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, GraphqlContext, Me } from '@peervisit/platform';
import { Review } from '@peervisit/review/entities';
import { IndexVisitVerdict } from './index-visit-confirmation.entity';
import { IndexVisitService } from './index-visit.service';
import { VisitIndexView } from './index-visit.types';

/** The city's Index on its review (the expert visit), and the team's confirmations. */
@Resolver(() => Review)
export class IndexVisitResolver {
  constructor(private readonly visits: IndexVisitService) {}

  @ResolveField(() => VisitIndexView, {
    nullable: true,
    description:
      "The host city's latest published Intercultural Cities Index with the team's confirmations (null when it has none); read like the findings.",
  })
  iccIndex(
    @Parent() review: Review,
    @Me() user: CurrentUser,
    @Context() ctx: GraphqlContext,
    @Args('language', { type: () => String, nullable: true }) language?: string,
  ) {
    return this.visits.forReview(user, review.id, language ?? undefined, ctx);
  }

  @Mutation(() => VisitIndexView, {
    description:
      "Records whether the visit confirms one indicator's Index result (the expert leader and peers, while conclusions may be drafted).",
  })
  confirmIccIndexResult(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('indicatorCode') indicatorCode: string,
    @Args('verdict', { type: () => IndexVisitVerdict }) verdict: IndexVisitVerdict,
    @Args('note', { type: () => String, nullable: true }) note?: string,
    @Args('expectedVersion', { type: () => Int, nullable: true }) expectedVersion?: number,
    @Args('language', { type: () => String, nullable: true }) language?: string,
  ) {
    return this.visits.confirm(user, reviewId, { indicatorCode, verdict, note, expectedVersion }, language ?? undefined);
  }
}
