import { Args, Context, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { KeyFactor, KeyFactorExample } from '@peervisit/catalogue/entities';
import { Person } from '@peervisit/directory/entities';
import { CurrentUser, GraphqlContext, groupInOrder, Me, oneInOrder, userOf } from '@peervisit/platform';
import { AnonymisationService } from '../anonymisation/anonymisation.service';
import { Document } from '../document/document.entity';
import { ReviewLoaders } from '../review/review-loaders';
import { Review } from '../review/review.entity';
import { FollowUpUpdate, HostResponse, Recommendation } from './recommendation.entity';
import { FollowUpInput, RecommendationInput } from './recommendation.inputs';
import { RecommendationService } from './recommendation.service';

@Resolver(() => Recommendation)
export class RecommendationResolver {
  constructor(
    private readonly recommendations: RecommendationService,
    private readonly anonymisation: AnonymisationService,
    private readonly loaders: ReviewLoaders,
  ) {}

  @Mutation(() => Recommendation, { description: 'Adds a recommendation (expert leader, peers; visit to reporting).' })
  addRecommendation(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('input') input: RecommendationInput,
  ) {
    return this.recommendations.add(user, reviewId, input);
  }

  @Mutation(() => Recommendation, { description: 'Replaces what the team wrote; the audit trail keeps the previous values.' })
  updateRecommendation(
    @Me() user: CurrentUser,
    @Args('recommendationId', { type: () => ID }) recommendationId: string,
    @Args('input') input: RecommendationInput,
  ) {
    return this.recommendations.update(user, recommendationId, input);
  }

  @Mutation(() => Recommendation, { description: 'Withdraws a recommendation, keeping it with the reason; it is hidden from lists.' })
  withdrawRecommendation(
    @Me() user: CurrentUser,
    @Args('recommendationId', { type: () => ID }) recommendationId: string,
    @Args('reason') reason: string,
  ) {
    return this.recommendations.withdraw(user, recommendationId, reason);
  }

  @Mutation(() => Recommendation, {
    description:
      "The host coordinator's answer, from the feedback session on; PARTLY_ACCEPTED, NOTED and REJECTED say why. It can be changed later.",
  })
  respondToRecommendation(
    @Me() user: CurrentUser,
    @Args('recommendationId', { type: () => ID }) recommendationId: string,
    @Args('response', { type: () => HostResponse }) response: HostResponse,
    @Args('comment', { type: () => String, nullable: true }) comment?: string | null,
  ) {
    return this.recommendations.respond(user, recommendationId, response, comment);
  }

  @Mutation(() => Recommendation, {
    description: 'Reports progress on an answered recommendation (host coordinator and contributors); every report is kept.',
  })
  reportFollowUp(
    @Me() user: CurrentUser,
    @Args('recommendationId', { type: () => ID }) recommendationId: string,
    @Args('input') input: FollowUpInput,
  ) {
    return this.recommendations.reportFollowUp(user, recommendationId, input);
  }

  @Query(() => [Recommendation], {
    description:
      "A review's recommendations, HIGH priority first (the team always; the host city and observers from the feedback session on).",
  })
  reviewRecommendations(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('includeWithdrawn', { nullable: true, defaultValue: false, description: 'Also the withdrawn ones (review team only).' })
    includeWithdrawn: boolean,
    @Context() ctx: GraphqlContext,
  ) {
    return this.recommendations.list(user, reviewId, includeWithdrawn ?? false, ctx);
  }

  @Query(() => [Recommendation], {
    description: "Recommendations of the host city's earlier reviews that are still open (not implemented, abandoned or withdrawn).",
  })
  openRecommendationsFromEarlierReviews(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Context() ctx: GraphqlContext,
  ) {
    return this.recommendations.openFromEarlierReviews(user, reviewId, ctx);
  }

  @Query(() => [Recommendation], { description: "Every recommendation of a city's reviews that I may read (newest review first)." })
  cityRecommendations(@Me() user: CurrentUser, @Args('cityId', { type: () => ID }) cityId: string, @Context() ctx: GraphqlContext) {
    return this.recommendations.ofCity(user, cityId, ctx);
  }

  // Team-written text: the host city and observers read it through the report's anonymiser. What the
  // city writes itself (its answer, its progress notes) is its own and shown as written.
  @ResolveField(() => String)
  text(recommendation: Recommendation, _args: unknown, ctx: GraphqlContext) {
    const user = userOf(ctx);
    return this.anonymisation.forReader(user, recommendation.reviewId, recommendation.text, ctx);
  }

  @ResolveField(() => String, { nullable: true, description: 'The department or body suggested to own it.' })
  suggestedOwner(recommendation: Recommendation, _args: unknown, ctx: GraphqlContext) {
    const user = userOf(ctx);
    return this.anonymisation.forReader(user, recommendation.reviewId, recommendation.suggestedOwner, ctx);
  }

  @ResolveField(() => String, { nullable: true })
  withdrawalReason(recommendation: Recommendation, _args: unknown, ctx: GraphqlContext) {
    const user = userOf(ctx);
    return this.anonymisation.forReader(user, recommendation.reviewId, recommendation.withdrawalReason, ctx);
  }

  @ResolveField(() => Review)
  review(recommendation: Recommendation, _args: unknown, ctx: GraphqlContext) {
    return this.loaders.of(ctx).review.load(recommendation.reviewId);
  }

  @ResolveField(() => [KeyFactor])
  keyFactors(recommendation: Recommendation, _args: unknown, ctx: GraphqlContext) {
    return this.loaders.of(ctx).keyFactorsOf(recommendation.reviewId, recommendation.keyFactorIds);
  }

  @ResolveField(() => [KeyFactorExample], { description: 'The related good practices (city examples of the benchmark).' })
  async relatedExamples(recommendation: Recommendation, _args: unknown, ctx: GraphqlContext) {
    const loader = ctx.loaders.get<string, KeyFactorExample | null>('KeyFactorExampleById', async (ids) =>
      oneInOrder(ids, await this.recommendations.examplesByIds(ids), (e) => e.id),
    );
    return (await loader.loadMany(recommendation.relatedExampleIds)).filter(Boolean);
  }

  @ResolveField(() => [FollowUpUpdate], { description: 'Every progress report, oldest first (by asOf, then when reported).' })
  async followUpUpdates(recommendation: Recommendation, _args: unknown, ctx: GraphqlContext) {
    const updates = await ctx.loaders
      .get<string, FollowUpUpdate[]>('Recommendation.followUpUpdates', async (ids) =>
        groupInOrder(ids, await this.recommendations.followUpUpdatesOf(ids), (u) => u.recommendationId),
      )
      .load(recommendation.id);
    // The review goes along, so the reporter is found among the review's people (one statement).
    return updates.map((u): UpdateInReview => Object.assign(new FollowUpUpdate(), u, { reviewId: recommendation.reviewId }));
  }

  @ResolveField(() => Person, { nullable: true, description: 'Who answered for the city.' })
  respondedBy(recommendation: Recommendation, _args: unknown, ctx: GraphqlContext) {
    return recommendation.respondedById ? this.loaders.of(ctx).personOf(recommendation.reviewId, recommendation.respondedById) : null;
  }
}

/** A follow-up report as Recommendation.followUpUpdates hands it on: with its recommendation's review. */
type UpdateInReview = FollowUpUpdate & { reviewId?: string };

/** A progress report's documents and reporter; it is reached only through a recommendation the reader may read. */
@Resolver(() => FollowUpUpdate)
export class FollowUpUpdateResolver {
  constructor(
    private readonly recommendations: RecommendationService,
    private readonly loaders: ReviewLoaders,
  ) {}

  @ResolveField(() => [Document], { description: 'The documents the report names, retracted ones included (with their retraction).' })
  async documents(update: FollowUpUpdate, _args: unknown, ctx: GraphqlContext) {
    if (!update.documentIds?.length) return [];
    const loader = ctx.loaders.get<string, Document | null>('DocumentById', async (ids) =>
      oneInOrder(ids, await this.recommendations.documentsByIds(ids), (d) => d.id),
    );
    return (await loader.loadMany(update.documentIds)).filter((d): d is Document => !!d && !(d instanceof Error));
  }

  @ResolveField(() => Person, { nullable: true, description: 'Who reported it.' })
  reportedBy(update: UpdateInReview, _args: unknown, ctx: GraphqlContext) {
    const loaders = this.loaders.of(ctx);
    return update.reviewId ? loaders.personOf(update.reviewId, update.reportedById) : loaders.person.load(update.reportedById);
  }
}
