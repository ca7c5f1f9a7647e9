import { Args, Context, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { KeyFactor } from '@peervisit/catalogue/entities';
import { Person } from '@peervisit/directory/entities';
import { AdminOnly, CurrentUser, GraphqlContext, Me, userOf } from '@peervisit/platform';
import { AnonymisationService } from '../anonymisation/anonymisation.service';
import { Evidence } from '../evidence/evidence.entity';
import { ReviewLoaders } from '../review/review-loaders';
import { Conclusion, ConclusionRevision } from './conclusion.entity';
import { CrossReviewService } from './cross-review.service';
import { FindingsQueries } from './findings-queries.service';
import { ConclusionInput } from './findings.inputs';
import { FindingsService } from './findings.service';
import { ConclusionRigour, EarlierConclusion, KeyFactorRatingHistory, NetworkKeyFactorRatings } from './findings.types';

@Resolver(() => Conclusion)
export class FindingsResolver {
  constructor(
    private readonly findings: FindingsService,
    private readonly crossReview: CrossReviewService,
    private readonly queries: FindingsQueries,
    private readonly anonymisation: AnonymisationService,
    private readonly loaders: ReviewLoaders,
  ) {}

  @Mutation(() => Conclusion, {
    description:
      'Saves the given fields of the conclusion on a key factor (expert leader, peers). Changing an existing one needs expectedVersion.',
  })
  saveConclusion(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('keyFactorId', { type: () => ID }) keyFactorId: string,
    @Args('input') input: ConclusionInput,
    @Args('expectedVersion', { type: () => Int, nullable: true }) expectedVersion?: number,
  ) {
    return this.findings.save(user, reviewId, keyFactorId, input, expectedVersion ?? undefined);
  }

  @Mutation(() => Conclusion, { description: 'The expert leader agrees a conclusion (it needs a rating and a summary).' })
  agreeConclusion(
    @Me() user: CurrentUser,
    @Args('conclusionId', { type: () => ID }) conclusionId: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
  ) {
    return this.findings.agree(user, conclusionId, expectedVersion);
  }

  @Mutation(() => Conclusion, { description: 'The expert leader reopens an agreed conclusion, saying why.' })
  reopenConclusion(
    @Me() user: CurrentUser,
    @Args('conclusionId', { type: () => ID }) conclusionId: string,
    @Args('reason') reason: string,
  ) {
    return this.findings.reopen(user, conclusionId, reason);
  }

  @Query(() => [Conclusion], { description: 'The review team always; the host city and observers from the feedback session on.' })
  reviewConclusions(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string, @Context() ctx: GraphqlContext) {
    return this.queries.conclusions(user, reviewId, ctx);
  }

  @Query(() => [ConclusionRigour], {
    description: 'Conclusions that cite no evidence, rest on one source type, or cite evidence mostly against their rating.',
  })
  conclusionRigour(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return this.findings.rigour(user, reviewId);
  }

  @Query(() => [EarlierConclusion], {
    description: 'For each key factor in scope, the latest agreed conclusion of an earlier review of the same city.',
  })
  earlierConclusions(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string, @Context() ctx: GraphqlContext) {
    return this.crossReview.earlierConclusions(user, reviewId, ctx);
  }

  @Query(() => [KeyFactorRatingHistory], { description: "A city's agreed ratings per key factor across its reviews (those you may read)." })
  cityRatings(@Me() user: CurrentUser, @Args('cityId', { type: () => ID }) cityId: string) {
    return this.crossReview.cityRatings(user, cityId);
  }

  /**
   * The secretariat's: with fewer than five cities a count identifies one, so the network view for
   * everyone else is networkDistribution, which withholds a key factor until five cities rated it.
   */
  @AdminOnly()
  @Query(() => [NetworkKeyFactorRatings], {
    description: 'Agreed ratings per key factor across host cities for one benchmark version (the secretariat only).',
  })
  networkRatings(@Args('benchmarkCode') code: string, @Args('version', { type: () => Int }) version: number) {
    return this.crossReview.networkRatings(code, version);
  }

  @ResolveField(() => KeyFactor)
  async keyFactor(conclusion: Conclusion, _args: unknown, ctx: GraphqlContext) {
    const [keyFactor] = await this.loaders.of(ctx).keyFactorsOf(conclusion.reviewId, [conclusion.keyFactorId]);
    return keyFactor ?? null;
  }

  // Team-written text: the host city and observers read it through the report's anonymiser.
  @ResolveField(() => String)
  summary(conclusion: Conclusion, _args: unknown, ctx: GraphqlContext) {
    const user = userOf(ctx);
    return this.anonymisation.forReader(user, conclusion.reviewId, conclusion.summary, ctx);
  }

  @ResolveField(() => String)
  strengths(conclusion: Conclusion, _args: unknown, ctx: GraphqlContext) {
    const user = userOf(ctx);
    return this.anonymisation.forReader(user, conclusion.reviewId, conclusion.strengths, ctx);
  }

  @ResolveField(() => String)
  areasToDevelop(conclusion: Conclusion, _args: unknown, ctx: GraphqlContext) {
    const user = userOf(ctx);
    return this.anonymisation.forReader(user, conclusion.reviewId, conclusion.areasToDevelop, ctx);
  }

  @ResolveField(() => [ConclusionRevision], {
    description: 'Every saved version, oldest first (the team that drafts them: drafts are never shared with the city).',
  })
  revisions(conclusion: Conclusion, _args: unknown, ctx: GraphqlContext) {
    const user = userOf(ctx);
    return this.queries.revisions(user, conclusion, ctx);
  }

  @ResolveField(() => Person, { nullable: true })
  updatedBy(conclusion: Conclusion, _args: unknown, ctx: GraphqlContext) {
    return conclusion.updatedById ? this.loaders.of(ctx).personOf(conclusion.reviewId, conclusion.updatedById) : null;
  }

  @ResolveField(() => [Evidence], { description: 'The cited evidence (review team only: raw evidence never goes to the host city).' })
  citedEvidence(conclusion: Conclusion, _args: unknown, ctx: GraphqlContext) {
    const user = userOf(ctx);
    return this.queries.citedEvidence(user, conclusion, ctx);
  }
}
