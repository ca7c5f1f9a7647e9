import { Args, Context, Field, ID, InputType, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { KeyFactor } from '@peervisit/catalogue/entities';
import { Person, Stakeholder, StakeholderCategory } from '@peervisit/directory/entities';
import { CurrentUser, GraphqlContext, groupInOrder, Me, userOf } from '@peervisit/platform';
import { inReview } from '../anonymisation/stakeholder-name';
import { ReviewLoaders } from '../review/review-loaders';
import { Review } from '../review/review.entity';
import { ZonedDateTime } from '../review/review.types';
import { formatInZone } from '../review/zoned-time';
import { ReviewStakeholders } from './review-stakeholders.service';
import { SessionAssignment, SessionStakeholder, VisitSession } from './visit-session.entity';
import { VisitSessionInput } from './visit.inputs';
import { VisitService } from './visit.service';
import { VisitProgramme } from './visit.types';

@InputType()
export class ReviewStakeholderInput {
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) position?: string;
  @Field(() => ID, { nullable: true }) organisationId?: string;
  @Field(() => StakeholderCategory) category: StakeholderCategory;
  @Field({ nullable: true, defaultValue: false, description: 'May reports name this person? Default no.' }) consentToBeNamed?: boolean;
}

@Resolver(() => VisitSession)
export class VisitResolver {
  constructor(
    private readonly visits: VisitService,
    private readonly reviewStakeholders: ReviewStakeholders,
    private readonly loaders: ReviewLoaders,
  ) {}

  @Query(() => VisitProgramme)
  async visitProgramme(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Context() ctx: GraphqlContext,
  ): Promise<VisitProgramme> {
    const programme = await this.visits.programme(user, reviewId, ctx);
    const uncoveredKeyFactors = await this.loaders.of(ctx).keyFactorsOf(reviewId, programme.uncoveredKeyFactorIds);
    return { timeZone: programme.timeZone, days: programme.days, uncoveredKeyFactors };
  }

  @Mutation(() => VisitSession, {
    description: 'Expert leader. Refused when someone is double-booked or the session is outside the visit window.',
  })
  scheduleVisitSession(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('input') input: VisitSessionInput,
  ) {
    return this.visits.schedule(user, reviewId, input);
  }

  @Mutation(() => VisitSession)
  updateVisitSession(
    @Me() user: CurrentUser,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('input') input: VisitSessionInput,
    @Args('expectedVersion', { type: () => Int, nullable: true }) expectedVersion?: number,
  ) {
    return this.visits.update(user, sessionId, input, expectedVersion ?? undefined);
  }

  @Mutation(() => VisitSession, { description: 'Cancels a session, keeping it (and its evidence) with the reason.' })
  cancelVisitSession(@Me() user: CurrentUser, @Args('sessionId', { type: () => ID }) sessionId: string, @Args('reason') reason: string) {
    return this.visits.cancel(user, sessionId, reason);
  }

  @Mutation(() => VisitSession, {
    description: 'The host coordinator confirms (or takes back) that a stakeholder of the session will come.',
  })
  confirmStakeholderAttendance(
    @Me() user: CurrentUser,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('stakeholderId', { type: () => ID }) stakeholderId: string,
    @Args('confirmed') confirmed: boolean,
  ) {
    return this.visits.confirmAttendance(user, sessionId, stakeholderId, confirmed);
  }

  @Mutation(() => Stakeholder, {
    description: 'Registers someone of the host city the team will meet (expert leader, peers, host coordinator).',
  })
  async registerStakeholder(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('input') input: ReviewStakeholderInput,
  ) {
    return inReview(await this.reviewStakeholders.register(user, reviewId, input), reviewId);
  }

  @ResolveField(() => ZonedDateTime)
  start(session: VisitSession, _args: unknown, ctx: GraphqlContext) {
    return this.zoned(session, session.startsAt, ctx);
  }

  @ResolveField(() => ZonedDateTime)
  end(session: VisitSession, _args: unknown, ctx: GraphqlContext) {
    return this.zoned(session, session.endsAt, ctx);
  }

  @ResolveField(() => [KeyFactor])
  keyFactors(session: VisitSession, _args: unknown, ctx: GraphqlContext) {
    return this.loaders.of(ctx).keyFactorsOf(session.reviewId, session.keyFactorIds);
  }

  @ResolveField(() => [SessionAssignment])
  async assignments(session: VisitSession, _args: unknown, ctx: GraphqlContext) {
    const assignments = await ctx.loaders
      .get<string, SessionAssignment[]>('VisitSession.assignments', async (ids) =>
        groupInOrder(ids, await this.visits.assignmentsOf(ids), (a) => a.sessionId),
      )
      .load(session.id);
    // The review goes along, so the person assigned is found among the review's people (one statement).
    return assignments.map((a): AssignmentInReview => Object.assign(new SessionAssignment(), a, { reviewId: session.reviewId }));
  }

  @ResolveField(() => [Stakeholder], { description: 'Whom the team meets.' })
  async stakeholders(session: VisitSession, _args: unknown, ctx: GraphqlContext) {
    // The review goes along, so the name is shown as this reader may read it in this review (stakeholder-name.ts).
    return (await this.stakeholderLinks(session, ctx)).map((l) => inReview(l.stakeholder, session.reviewId));
  }

  @ResolveField(() => [ID], { description: 'The stakeholders of this session whose coming the host city has confirmed.' })
  async confirmedStakeholderIds(session: VisitSession, _args: unknown, ctx: GraphqlContext) {
    return (await this.stakeholderLinks(session, ctx)).filter((l) => l.confirmedAt).map((l) => l.stakeholderId);
  }

  private stakeholderLinks(session: VisitSession, ctx: GraphqlContext) {
    return ctx.loaders
      .get<string, (SessionStakeholder & { stakeholder: Stakeholder })[]>('VisitSession.stakeholders', async (ids) =>
        groupInOrder(ids, await this.visits.stakeholdersOf(ids), (s) => s.sessionId),
      )
      .load(session.id);
  }

  private async zoned(session: VisitSession, instant: Date, ctx: GraphqlContext): Promise<ZonedDateTime> {
    const loaders = this.loaders.of(ctx);
    const review = (await loaders.review.load(session.reviewId)) as Review;
    const city = await loaders.city.load(review.hostCityId);
    return { instant, local: formatInZone(instant, city!.timeZone) };
  }
}

/** An assignment as VisitSession.assignments hands it on: with its session's review. */
type AssignmentInReview = SessionAssignment & { reviewId?: string };

@Resolver(() => SessionAssignment)
export class SessionAssignmentResolver {
  constructor(private readonly loaders: ReviewLoaders) {}

  @ResolveField(() => Person)
  person(assignment: AssignmentInReview, _args: unknown, ctx: GraphqlContext) {
    const loaders = this.loaders.of(ctx);
    return assignment.reviewId ? loaders.personOf(assignment.reviewId, assignment.personId) : loaders.person.load(assignment.personId);
  }
}

@Resolver(() => Review)
export class ReviewStakeholdersResolver {
  constructor(private readonly reviewStakeholders: ReviewStakeholders) {}

  @ResolveField(() => [Stakeholder], { description: "The host city's registered stakeholders." })
  async stakeholders(review: Review, _args: unknown, ctx: GraphqlContext) {
    const user = userOf(ctx);
    return (await this.reviewStakeholders.ofReview(user, review, ctx)).map((s) => inReview(s, review.id));
  }
}
