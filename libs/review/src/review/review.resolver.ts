import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { BenchmarkService } from '@peervisit/catalogue';
import { Benchmark, KeyFactor } from '@peervisit/catalogue/entities';
import { City } from '@peervisit/directory/entities';
import { AdminOnly, CurrentUser, GraphqlContext, Me, PageArgs, userOf } from '@peervisit/platform';
import { SelfAssessmentService } from '../self-assessment/self-assessment.service';
import { ReviewRole } from '../team/team-member.entity';
import { CarryOverService } from './carry-over.service';
import { ReviewLoaders } from './review-loaders';
import { ReviewQueries } from './review-queries.service';
import { CreateReviewInput, ReviewsArgs, TimelineInput, UpdateReviewInput } from './review.inputs';
import { Review, ReviewStatus } from './review.entity';
import { ReviewService } from './review.service';
import { AuditEntryConnection, ReviewConnection, ReviewNextStep, ReviewProgress, ReviewTimeline } from './review.types';
import { formatInZone } from './zoned-time';

@Resolver(() => Review)
export class ReviewResolver {
  constructor(
    private readonly reviewService: ReviewService,
    private readonly queries: ReviewQueries,
    private readonly loaders: ReviewLoaders,
    private readonly selfAssessment: SelfAssessmentService,
    private readonly benchmarks: BenchmarkService,
    private readonly carryOver: CarryOverService,
  ) {}

  @Query(() => ReviewConnection, { description: 'Reviews I take part in (all of them for the secretariat).' })
  reviews(@Me() user: CurrentUser, @Args() args: ReviewsArgs) {
    return this.reviewService.list(user, { status: args.status, cityId: args.cityId, kind: args.kind }, args);
  }

  @Query(() => Review)
  review(@Me() user: CurrentUser, @Args('id', { type: () => ID }) id: string, @Context() ctx: GraphqlContext) {
    return this.queries.get(user, id, ctx);
  }

  @AdminOnly()
  @Mutation(() => Review, { description: 'Opens a review in DRAFT (network secretariat).' })
  createReview(@Me() user: CurrentUser, @Args('input') input: CreateReviewInput) {
    return this.reviewService.create(user, input);
  }

  @AdminOnly()
  @Mutation(() => Review, {
    description:
      "Opens the city's next review from an earlier one: same kind and scope, and its self-assessment entries copied for the city to update (network secretariat).",
  })
  startReviewFrom(
    @Me() user: CurrentUser,
    @Args('previousReviewId', { type: () => ID }) previousReviewId: string,
    @Args('title') title: string,
    @Args('timeline', { type: () => TimelineInput, nullable: true }) timeline?: TimelineInput,
  ) {
    return this.carryOver.startFrom(user, previousReviewId, { title, timeline: timeline ?? undefined });
  }

  @Mutation(() => Review, { description: 'Changes the title, scope or timeline (expert leader).' })
  updateReview(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string, @Args('input') input: UpdateReviewInput) {
    return this.reviewService.update(user, reviewId, input);
  }

  // One mutation per transition; the rules are in review-status-machine.ts.
  @Mutation(() => Review, { description: 'DRAFT → PREPARATION: the expert leader forms the team and plans.' })
  startPreparation(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return this.reviewService.transition(user, reviewId, ReviewStatus.PREPARATION);
  }

  @Mutation(() => Review, { description: 'PREPARATION → SELF_ASSESSMENT: the host city fills its self-assessment.' })
  openSelfAssessment(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return this.reviewService.transition(user, reviewId, ReviewStatus.SELF_ASSESSMENT);
  }

  @Mutation(() => Review, { description: 'SELF_ASSESSMENT → VISIT: needs the submitted self-assessment and the visit dates.' })
  startVisit(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return this.reviewService.transition(user, reviewId, ReviewStatus.VISIT);
  }

  @Mutation(() => Review, { description: 'VISIT → DELIBERATION (or SELF_ASSESSMENT → DELIBERATION for an internal assessment).' })
  startDeliberation(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return this.reviewService.transition(user, reviewId, ReviewStatus.DELIBERATION);
  }

  @Mutation(() => Review, { description: 'DELIBERATION → FEEDBACK.' })
  startFeedback(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return this.reviewService.transition(user, reviewId, ReviewStatus.FEEDBACK);
  }

  @Mutation(() => Review, { description: 'FEEDBACK → REPORTING.' })
  startReporting(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return this.reviewService.transition(user, reviewId, ReviewStatus.REPORTING);
  }

  @Mutation(() => Review, { description: 'REPORTING → FOLLOW_UP.' })
  startFollowUp(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return this.reviewService.transition(user, reviewId, ReviewStatus.FOLLOW_UP);
  }

  @Mutation(() => Review, { description: 'FOLLOW_UP → CLOSED.' })
  closeReview(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return this.reviewService.transition(user, reviewId, ReviewStatus.CLOSED);
  }

  @Mutation(() => Review, { description: 'Any open status → CANCELLED, with a reason.' })
  cancelReview(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string, @Args('reason') reason: string) {
    return this.reviewService.transition(user, reviewId, ReviewStatus.CANCELLED, reason);
  }

  @ResolveField(() => City)
  hostCity(review: Review, _args: unknown, ctx: GraphqlContext) {
    return this.loaders.of(ctx).city.load(review.hostCityId);
  }

  @ResolveField(() => Benchmark, { description: 'The pinned benchmark version.' })
  benchmark(review: Review) {
    return this.benchmarks.findById(review.benchmarkId);
  }

  @ResolveField(() => [KeyFactor])
  keyFactorsInScope(review: Review, _args: unknown, ctx: GraphqlContext) {
    return this.loaders.of(ctx).keyFactorsInScope(review);
  }

  @ResolveField(() => ReviewTimeline)
  async timeline(review: Review, _args: unknown, ctx: GraphqlContext): Promise<ReviewTimeline> {
    const city = (await this.hostCity(review, undefined, ctx)) as City;
    const zoned = (d: Date | null) => (d ? { instant: d, local: formatInZone(d, city.timeZone) } : null);
    return {
      timeZone: city.timeZone,
      selfAssessmentDue: zoned(review.selfAssessmentDueAt),
      visitStart: zoned(review.visitStartsAt),
      visitEnd: zoned(review.visitEndsAt),
      conclusionsDue: zoned(review.conclusionsDueAt),
      reportDue: zoned(review.reportDueAt),
      followUpCheckpoints: (review.followUpCheckpoints ?? []).map((d) => zoned(new Date(d))!),
    };
  }

  @ResolveField(() => ReviewProgress)
  async progress(review: Review, _args: unknown, ctx: GraphqlContext): Promise<ReviewProgress> {
    const inScope = await this.loaders.of(ctx).keyFactorsInScope(review);
    const incomplete = await this.selfAssessment.incompleteness(review);
    return {
      keyFactorsInScope: inScope.length,
      entriesComplete: inScope.length - incomplete.length,
      incomplete: incomplete.map((k) => `${k.code}: ${k.missing.join(', ')}`),
      selfAssessmentSubmitted: !!review.selfAssessmentSubmittedAt,
    };
  }

  @ResolveField(() => [ReviewRole], { description: 'My roles in this review.' })
  myRoles(review: Review, _args: unknown, ctx: GraphqlContext) {
    const user = userOf(ctx);
    return this.queries.myRoles(user, review.id, ctx);
  }

  @ResolveField(() => [ReviewNextStep])
  nextSteps(review: Review, _args: unknown, ctx: GraphqlContext) {
    return this.reviewService.nextSteps(review, () => this.loaders.of(ctx).keyFactorsInScope(review));
  }

  @ResolveField(() => AuditEntryConnection, { description: 'Every change to this review (expert leader and secretariat).' })
  auditTrail(@Parent() review: Review, @Me() user: CurrentUser, @Context() ctx: GraphqlContext, @Args() page: PageArgs) {
    return this.queries.auditTrail(user, review.id, page, ctx);
  }
}
