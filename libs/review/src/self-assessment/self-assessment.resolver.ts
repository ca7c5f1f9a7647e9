import { Args, Context, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ContextFactor, KeyFactor } from '@peervisit/catalogue/entities';
import { Person } from '@peervisit/directory/entities';
import { CurrentUser, GraphqlContext, Me, userOf } from '@peervisit/platform';
import { ReviewLoaders } from '../review/review-loaders';
import { ReviewQueries } from '../review/review-queries.service';
import { Review } from '../review/review.entity';
import { ContextNote } from './context-note.entity';
import { SelfAssessmentEntry } from './self-assessment-entry.entity';
import { SelfAssessmentEntryInput } from './self-assessment.inputs';
import { SelfAssessmentService } from './self-assessment.service';
import { SelfAssessmentProgress } from './self-assessment.types';

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

  @Query(() => SelfAssessmentProgress, {
    description:
      'What the self-assessment still needs, per key factor and guide question, before submitSelfAssessment can succeed (a host contributor sees the key factors assigned to them).',
  })
  selfAssessmentProgress(@Me() user: CurrentUser, @Context() ctx: GraphqlContext, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return this.selfAssessment.progress(user, reviewId, ctx);
  }

  @ResolveField(() => Person, { nullable: true, description: 'The host contributor (or coordinator) asked to fill it.' })
  assignee(entry: SelfAssessmentEntry, _args: unknown, ctx: GraphqlContext) {
    return entry.assigneeId ? this.loaders.of(ctx).personOf(entry.reviewId, entry.assigneeId) : null;
  }

  @ResolveField(() => Person, { nullable: true, description: 'Who saved the current version.' })
  updatedBy(entry: SelfAssessmentEntry, _args: unknown, ctx: GraphqlContext) {
    return entry.updatedById ? this.loaders.of(ctx).personOf(entry.reviewId, entry.updatedById) : null;
  }

  @ResolveField(() => Boolean, { description: 'Copied from the previous review and not edited since.' })
  unchangedSinceCarryOver(entry: SelfAssessmentEntry) {
    return entry.carriedOverFromId !== null && entry.version === 1;
  }

  @ResolveField(() => KeyFactor)
  keyFactor(entry: SelfAssessmentEntry, _args: unknown, ctx: GraphqlContext) {
    return this.loaders.of(ctx).keyFactor.load(entry.keyFactorId);
  }
}

@Resolver(() => ContextNote)
export class ContextNoteResolver {
  constructor(private readonly loaders: ReviewLoaders) {}

  @ResolveField(() => ContextFactor)
  contextFactor(note: ContextNote, _args: unknown, ctx: GraphqlContext) {
    return this.loaders.of(ctx).contextFactor.load(note.contextFactorId);
  }
}

@Resolver(() => Review)
export class ReviewSelfAssessmentResolver {
  constructor(
    private readonly queries: ReviewQueries,
    private readonly entries: SelfAssessmentService,
  ) {}

  @ResolveField(() => [SelfAssessmentEntry], {
    description:
      'Entries saved so far (key factors without one have no entry yet). A host contributor sees only the entries assigned to them.',
  })
  selfAssessment(review: Review, _args: unknown, ctx: GraphqlContext) {
    const user = userOf(ctx);
    return this.entries.visibleEntries(user, review, ctx);
  }

  @ResolveField(() => [ContextNote])
  contextNotes(review: Review, _args: unknown, ctx: GraphqlContext) {
    const user = userOf(ctx);
    return this.queries.contextNotes(user, review, ctx);
  }
}
