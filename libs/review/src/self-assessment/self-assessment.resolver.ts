import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ContextFactor, KeyFactor } from '@peervisit/catalogue';
import { CurrentUser, GraphqlContext, groupInOrder, Me } from '@peervisit/platform';
import { DataSource, In } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { Review } from '../review/review.entity';
import { ContextNote } from './context-note.entity';
import { SelfAssessmentEntry } from './self-assessment-entry.entity';
import { SelfAssessmentEntryInput } from './self-assessment.inputs';
import { SelfAssessmentService } from './self-assessment.service';

@Resolver(() => SelfAssessmentEntry)
export class SelfAssessmentResolver {
  constructor(
    private readonly selfAssessment: SelfAssessmentService,
    private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => SelfAssessmentEntry, { description: 'Saves the given fields of one key factor\'s entry. Pass expectedVersion to be told when someone saved in between.' })
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

  @Mutation(() => Review, { description: 'Host coordinator: submits the self-assessment; refused with the list of incomplete key factors.' })
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
    return ctx.loaders
      .get<string, KeyFactor | null>('KeyFactorById', async (ids) => {
        const rows = await this.dataSource.getRepository(KeyFactor).findBy({ id: In([...ids]) });
        return ids.map((id) => rows.find((r) => r.id === id) ?? null);
      })
      .load(entry.keyFactorId);
  }
}

@Resolver(() => ContextNote)
export class ContextNoteResolver {
  constructor(private readonly dataSource: DataSource) {}

  @ResolveField(() => ContextFactor)
  contextFactor(@Parent() note: ContextNote, @Context() ctx: GraphqlContext) {
    return ctx.loaders
      .get<string, ContextFactor | null>('ContextFactorById', async (ids) => {
        const rows = await this.dataSource.getRepository(ContextFactor).findBy({ id: In([...ids]) });
        return ids.map((id) => rows.find((r) => r.id === id) ?? null);
      })
      .load(note.contextFactorId);
  }
}

@Resolver(() => Review)
export class ReviewSelfAssessmentResolver {
  constructor(
    private readonly entries: SelfAssessmentService,
    private readonly access: ReviewAccessService,
  ) {}

  @ResolveField(() => [SelfAssessmentEntry], { description: 'Entries saved so far (key factors without one have no entry yet).' })
  async selfAssessment(@Parent() review: Review, @Me() user: CurrentUser, @Context() ctx: GraphqlContext) {
    await this.access.require(user, review.id, 'selfAssessment.read', ctx);
    return ctx.loaders.get<string, SelfAssessmentEntry[]>('Review.selfAssessment', async (ids) => groupInOrder(ids, await this.entries.entries(ids), (e) => e.reviewId)).load(review.id);
  }

  @ResolveField(() => [ContextNote])
  async contextNotes(@Parent() review: Review, @Me() user: CurrentUser, @Context() ctx: GraphqlContext) {
    await this.access.require(user, review.id, 'selfAssessment.read', ctx);
    return ctx.loaders.get<string, ContextNote[]>('Review.contextNotes', async (ids) => groupInOrder(ids, await this.entries.contextNotes(ids), (n) => n.reviewId)).load(review.id);
  }
}
