import { Args, Context, Field, ID, Int, Mutation, ObjectType, Parent, Query, registerEnumType, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { KeyFactor } from '@peervisit/catalogue';
import { Person } from '@peervisit/directory';
import { ConnectionType, CurrentUser, GraphqlContext, groupInOrder, Me } from '@peervisit/platform';
import { ReviewLiveStreams } from '../access/review-live-streams';
import { DataSource } from 'typeorm';
import { reviewLoaders } from '../review/review-loaders';
import { Evidence, EvidenceRevision, EvidenceSource, EvidenceStance } from './evidence.entity';
import { EvidenceInput, EvidenceListArgs, EvidencePatch } from './evidence.inputs';
import { EvidenceService, LogOutcome } from './evidence.service';

registerEnumType(LogOutcome, { name: 'EvidenceLogOutcome', description: 'CREATED, ALREADY_THERE (same id, same content), CONFLICT (same id, other content), INVALID.' });

/** The pub-sub channel of a review's evidence changes. */
export const evidenceChannel = (reviewId: string) => `evidence.${reviewId}`;

@ObjectType() export class EvidenceConnection extends ConnectionType(Evidence) {}

@ObjectType()
export class InputProblem {
  @Field() path: string;
  @Field() message: string;
}

@ObjectType()
export class EvidenceLogResult {
  @Field(() => ID) id: string;
  @Field(() => LogOutcome) outcome: LogOutcome;
  @Field(() => Evidence, { nullable: true }) evidence: Evidence | null;
  @Field(() => String, { nullable: true, description: 'Why it was refused.' }) message: string | null;
  @Field(() => [InputProblem]) problems: InputProblem[];
}

@ObjectType()
export class SourceCount {
  @Field(() => EvidenceSource) source: EvidenceSource;
  @Field(() => Int) count: number;
}

@ObjectType()
export class StanceCount {
  @Field(() => EvidenceStance) stance: EvidenceStance;
  @Field(() => Int) count: number;
}

@ObjectType()
export class KeyFactorEvidenceCoverage {
  @Field(() => KeyFactor) keyFactor: KeyFactor;
  @Field(() => Int) total: number;
  @Field(() => [SourceCount]) bySource: SourceCount[];
  @Field(() => [StanceCount]) byStance: StanceCount[];
  @Field({ description: 'No interview or focus-group evidence yet.' }) lacksInterviewOrFocusGroup: boolean;
}

@ObjectType({ description: "The expert leader's board during the visit." })
export class EvidenceCoverage {
  @Field(() => [KeyFactorEvidenceCoverage]) keyFactors: KeyFactorEvidenceCoverage[];
  @Field(() => [KeyFactor], { description: 'Key factors in scope with no interview or focus-group evidence yet.' }) lackingInterviewOrFocusGroup: KeyFactor[];
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly dataSource: DataSource,
    private readonly live: ReviewLiveStreams,
  ) {}

  @Subscription(() => Evidence, {
    description: 'Evidence logged, edited or retracted in a review, live (review team only). Works across API instances.',
    // Payloads travel as JSON through Redis: turn the dates back into dates.
    resolve: (payload: { evidenceChanged: Evidence }) => reviveDates(payload.evidenceChanged),
  })
  evidenceChanged(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return this.live.open(user, reviewId, 'evidence.read', evidenceChannel(reviewId));
  }

  @Mutation(() => EvidenceLogResult, { description: 'Logs one item. The same id again with the same content returns it (ALREADY_THERE); with other content it is a CONFLICT.' })
  logEvidence(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string, @Args('input') input: EvidenceInput) {
    return this.evidence.log(user, reviewId, input);
  }

  @Mutation(() => [EvidenceLogResult], { description: 'Logs many items (an offline phone syncing); answers per item, storing the valid ones whatever the others.' })
  logEvidenceBatch(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string, @Args('items', { type: () => [EvidenceInput] }) items: EvidenceInput[]) {
    return this.evidence.logBatch(user, reviewId, items);
  }

  @Mutation(() => Evidence, { description: 'Changes the given fields; the previous values are kept in revisions.' })
  editEvidence(
    @Me() user: CurrentUser,
    @Args('evidenceId', { type: () => ID }) evidenceId: string,
    @Args('patch') patch: EvidencePatch,
    @Args('expectedRevision', { type: () => Int, nullable: true }) expectedRevision?: number,
  ) {
    return this.evidence.edit(user, evidenceId, patch, expectedRevision ?? undefined);
  }

  @Mutation(() => Evidence, { description: 'Hides the item from conclusions and reports, keeping it with the reason.' })
  retractEvidence(@Me() user: CurrentUser, @Args('evidenceId', { type: () => ID }) evidenceId: string, @Args('reason') reason: string) {
    return this.evidence.retract(user, evidenceId, reason);
  }

  @Query(() => EvidenceConnection, { description: 'Evidence of a review, newest first (review team only).' })
  reviewEvidence(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string, @Args() args: EvidenceListArgs, @Context() ctx: GraphqlContext) {
    return this.evidence.list(user, reviewId, args, ctx);
  }

  @Query(() => EvidenceCoverage)
  async evidenceCoverage(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string, @Context() ctx: GraphqlContext): Promise<EvidenceCoverage> {
    const { keyFactors } = await this.evidence.coverage(user, reviewId, ctx);
    return { keyFactors, lackingInterviewOrFocusGroup: keyFactors.filter((k) => k.lacksInterviewOrFocusGroup).map((k) => k.keyFactor) };
  }

  @ResolveField(() => [EvidenceRevision], { description: 'Every edit, oldest first.' })
  revisions(@Parent() evidence: Evidence, @Context() ctx: GraphqlContext) {
    return ctx.loaders.get<string, EvidenceRevision[]>('Evidence.revisions', async (ids) => groupInOrder(ids, await this.evidence.revisions(ids), (r) => r.evidenceId)).load(evidence.id);
  }

  @ResolveField(() => Person)
  loggedBy(@Parent() evidence: Evidence, @Context() ctx: GraphqlContext) {
    return reviewLoaders(ctx, this.dataSource).personOf(evidence.reviewId, evidence.loggedById);
  }

  @ResolveField(() => [KeyFactor])
  keyFactors(@Parent() evidence: Evidence, @Context() ctx: GraphqlContext) {
    return reviewLoaders(ctx, this.dataSource).keyFactorsOf(evidence.reviewId, evidence.keyFactorIds);
  }
}

function reviveDates(evidence: Evidence): Evidence {
  const date = (v: Date | string | null) => (v === null ? null : new Date(v));
  return { ...evidence, observedAt: date(evidence.observedAt)!, recordedAt: date(evidence.recordedAt)!, retractedAt: date(evidence.retractedAt) };
}
