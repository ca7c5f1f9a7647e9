import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ContextFactor, KeyFactor } from '@peervisit/catalogue/entities';
import { CurrentUser, GraphqlContext, Me } from '@peervisit/platform';
import { ReviewLoaders } from '../review/review-loaders';
import { ReviewQueries } from '../review/review-queries.service';
import { Review } from '../review/review.entity';
import { ContextNote } from './context-note.entity';
import { SelfAssessmentEntry } from './self-assessment-entry.entity';
import { SelfAssessmentEntryInput } from './self-assessment.inputs';
import { SelfAssessmentService } from './self-assessment.service';

@Resolver(() => SelfAssessmentEntry)
export class SelfAssessmentResolver {
  constructor(
    private readonly selfAssessment: SelfAssessmentService,
    private readonly loaders: ReviewLoaders,
  ) {}

  @Mutation(() => SelfAssessmentEntry, {
    description: "Saves the given fields of one key factor's entry. Pass expectedVersion to be told when someone saved in between.",
  })
  saveSelfAssessmentEntry(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('keyFactorId', { type: () => ID }) keyFactorId: string,
    @Args('input') input: SelfAssessmentEntryInput,
    @Args('expectedVersion', { type: () => Int, nullable: true }) expectedVersion?: number,
  ) {
    return this.selfAssessment.save(user, reviewId, keyFactorId, input, expectedVersion ?? undefined);
  }

  @Mutation(() => SelfAssessmentEntry, { description: 'Host coordinator: asks a host contributor to fill an entry (null to unassign).' })
  assignSelfAssessmentEntry(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('keyFactorId', { type: () => ID }) keyFactorId: string,
    @Args('assigneeId', { type: () => ID, nullable: true }) assigneeId: string | null,
  ) {
    return this.selfAssessment.assign(user, reviewId, keyFactorId, assigneeId ?? null);
  }

  @Mutation(() => Review, {
    description: 'Host coordinator: submits the self-assessment; refused with the list of incomplete key factors.',
  })
  submitSelfAssessment(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return this.selfAssessment.submit(user, reviewId);
  }

  @Mutation(() => ContextNote)
  saveContextNote(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('contextFactorId', { type: () => ID }) contextFactorId: string,
    @Args('note') note: string,
  ) {
    return this.selfAssessment.saveContextNote(user, reviewId, contextFactorId, note);
  }

  @ResolveField(() => Boolean, { description: 'Copied from the previous review and not edited since.' })
  unchangedSinceCarryOver(@Parent() entry: SelfAssessmentEntry) {
    return entry.carriedOverFromId !== null && entry.version === 1;
  }

  @ResolveField(() => KeyFactor)
  keyFactor(@Parent() entry: SelfAssessmentEntry, @Context() ctx: GraphqlContext) {
    return this.loaders.of(ctx).keyFactor.load(entry.keyFactorId);
  }
}

@Resolver(() => ContextNote)
export class ContextNoteResolver {
  constructor(private readonly loaders: ReviewLoaders) {}

  @ResolveField(() => ContextFactor)
  contextFactor(@Parent() note: ContextNote, @Context() ctx: GraphqlContext) {
    return this.loaders.of(ctx).contextFactor.load(note.contextFactorId);
  }
}

@Resolver(() => Review)
export class ReviewSelfAssessmentResolver {
  constructor(private readonly queries: ReviewQueries) {}

  @ResolveField(() => [SelfAssessmentEntry], { description: 'Entries saved so far (key factors without one have no entry yet).' })
  selfAssessment(@Parent() review: Review, @Me() user: CurrentUser, @Context() ctx: GraphqlContext) {
    return this.queries.selfAssessmentEntries(user, review, ctx);
  }

  @ResolveField(() => [ContextNote])
  contextNotes(@Parent() review: Review, @Me() user: CurrentUser, @Context() ctx: GraphqlContext) {
    return this.queries.contextNotes(user, review, ctx);
  }
}
