import { Args, Context, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Benchmark, BenchmarkService, KeyFactor } from '@peervisit/catalogue';
import { City } from '@peervisit/directory';
import { ConnectionType, CurrentUser, GraphqlContext, Me, notFound, PageArgs } from '@peervisit/platform';
import { DataSource } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { AuditEntry } from '../audit/audit-entry.entity';
import { AuditLog } from '../audit/audit-log.service';
import { SelfAssessmentService } from '../self-assessment/self-assessment.service';
import { ReviewRole } from '../team/team-member.entity';
import { CarryOverService } from './carry-over.service';
import { reviewLoaders } from './review-loaders';
import { CreateReviewInput, ReviewsArgs, TimelineInput, UpdateReviewInput } from './review.inputs';
import { Review, ReviewStatus } from './review.entity';
import { ReviewService } from './review.service';
import { formatInZone } from './zoned-time';

@ObjectType() export class ReviewConnection extends ConnectionType(Review) {}
@ObjectType() export class AuditEntryConnection extends ConnectionType(AuditEntry) {}

@ObjectType({ description: 'An instant, and the same instant on the host city\'s clock.' })
export class ZonedDateTime {
  @Field() instant: Date;
  @Field({ description: 'ISO 8601 local time with offset in the host city, e.g. 2027-03-10T09:00:00+01:00.' }) local: string;
}

@ObjectType()
export class ReviewTimeline {
  @Field({ description: 'The host city\'s IANA time zone.' }) timeZone: string;
  @Field(() => ZonedDateTime, { nullable: true }) selfAssessmentDue: ZonedDateTime | null;
  @Field(() => ZonedDateTime, { nullable: true }) visitStart: ZonedDateTime | null;
  @Field(() => ZonedDateTime, { nullable: true }) visitEnd: ZonedDateTime | null;
  @Field(() => ZonedDateTime, { nullable: true }) conclusionsDue: ZonedDateTime | null;
  @Field(() => ZonedDateTime, { nullable: true }) reportDue: ZonedDateTime | null;
  @Field(() => [ZonedDateTime]) followUpCheckpoints: ZonedDateTime[];
}

@ObjectType()
export class ReviewProgress {
  @Field(() => Int) keyFactorsInScope: number;
  @Field(() => Int, { description: 'Entries with every guide question answered and a rating.' }) entriesComplete: number;
  @Field(() => [String], { description: 'Key factor codes whose entry is not complete yet, with what is missing.' }) incomplete: string[];
  @Field() selfAssessmentSubmitted: boolean;
}

@ObjectType({ description: 'A status the review can move to next, who may move it, and what it still needs.' })
export class ReviewNextStep {
  @Field(() => ReviewStatus) to: ReviewStatus;
  @Field(() => [ReviewRole]) roles: ReviewRole[];
  @Field(() => [String]) missing: string[];
}

@Resolver(() => Review)
export class ReviewResolver {
  constructor(
    private readonly reviewService: ReviewService,
    private readonly access: ReviewAccessService,
    private readonly selfAssessment: SelfAssessmentService,
    private readonly audit: AuditLog,
    private readonly benchmarks: BenchmarkService,
    private readonly carryOver: CarryOverService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => ReviewConnection, { description: 'Reviews I take part in (all of them for the secretariat).' })
  reviews(@Me() user: CurrentUser, @Args() args: ReviewsArgs) {
    return this.reviewService.list(user, { status: args.status, cityId: args.cityId, kind: args.kind }, args);
  }

  @Query(() => Review)
  async review(@Me() user: CurrentUser, @Args('id', { type: () => ID }) id: string, @Context() ctx: GraphqlContext) {
    await this.access.require(user, id, 'review.read', ctx);
    // Through the request's loader: the programme and the coverage of the same query read it too.
    const review = await reviewLoaders(ctx, this.dataSource).review.load(id);
    if (!review) throw notFound(`Review ${id}`);
    return review;
  }

  @Mutation(() => Review, { description: 'Opens a review in DRAFT (network secretariat).' })
  createReview(@Me() user: CurrentUser, @Args('input') input: CreateReviewInput) {
    return this.reviewService.create(user, input);
  }

  @Mutation(() => Review, {
    description: "Opens the city's next review from an earlier one: same kind and scope, and its self-assessment entries copied for the city to update (network secretariat).",
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
  hostCity(@Parent() review: Review, @Context() ctx: GraphqlContext) {
    return reviewLoaders(ctx, this.dataSource).city.load(review.hostCityId);
  }

  @ResolveField(() => Benchmark, { description: 'The pinned benchmark version.' })
  benchmark(@Parent() review: Review) {
    return this.benchmarks.findById(review.benchmarkId);
  }

  @ResolveField(() => [KeyFactor])
  keyFactorsInScope(@Parent() review: Review, @Context() ctx: GraphqlContext) {
    return reviewLoaders(ctx, this.dataSource).keyFactorsInScope(review);
  }

  @ResolveField(() => ReviewTimeline)
  async timeline(@Parent() review: Review, @Context() ctx: GraphqlContext): Promise<ReviewTimeline> {
    const city = (await this.hostCity(review, ctx)) as City;
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
  async progress(@Parent() review: Review, @Context() ctx: GraphqlContext): Promise<ReviewProgress> {
    const inScope = await reviewLoaders(ctx, this.dataSource).keyFactorsInScope(review);
    const incomplete = await this.selfAssessment.incompleteness(review);
    return {
      keyFactorsInScope: inScope.length,
      entriesComplete: inScope.length - incomplete.length,
      incomplete: incomplete.map((k) => `${k.code}: ${k.missing.join(', ')}`),
      selfAssessmentSubmitted: !!review.selfAssessmentSubmittedAt,
    };
  }

  @ResolveField(() => [ReviewRole], { description: 'My roles in this review.' })
  myRoles(@Parent() review: Review, @Me() user: CurrentUser, @Context() ctx: GraphqlContext) {
    return this.access.myRoles(user, review.id, ctx);
  }

  @ResolveField(() => [ReviewNextStep])
  nextSteps(@Parent() review: Review, @Context() ctx: GraphqlContext) {
    return this.reviewService.nextSteps(review, () => reviewLoaders(ctx, this.dataSource).keyFactorsInScope(review));
  }

  @ResolveField(() => AuditEntryConnection, { description: 'Every change to this review (expert leader and secretariat).' })
  async auditTrail(@Parent() review: Review, @Me() user: CurrentUser, @Context() ctx: GraphqlContext, @Args() page: PageArgs) {
    await this.access.require(user, review.id, 'audit.read', ctx);
    return this.audit.trail(review.id, page);
  }
}
