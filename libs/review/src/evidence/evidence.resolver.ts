import { Args, Context, ID, Int, Mutation, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { KeyFactor } from '@peervisit/catalogue/entities';
import { Person } from '@peervisit/directory/entities';
import { CurrentUser, GraphqlContext, groupInOrder, Me } from '@peervisit/platform';
import { ReviewLiveStreams } from '../access/review-live-streams';
import { AnonymisationService } from '../anonymisation/anonymisation.service';
import { QuoteShown } from '../anonymisation/quote-rule';
import { ReviewLoaders } from '../review/review-loaders';
import { Evidence, EvidenceRevision } from './evidence.entity';
import { EvidenceInput, EvidenceListArgs, EvidencePatch } from './evidence.inputs';
import { EvidenceService } from './evidence.service';
import { EvidenceConnection, EvidenceCoverage, EvidenceLogResult } from './evidence.types';

/** The pub-sub channel of a review's evidence changes. */
export const evidenceChannel = (reviewId: string) => `evidence.${reviewId}`;

@Resolver(() => Evidence)
export class EvidenceResolver {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly loaders: ReviewLoaders,
    private readonly live: ReviewLiveStreams,
    private readonly anonymisation: AnonymisationService,
  ) {}

  @Subscription(() => Evidence, {
    description: 'Evidence logged, edited or retracted in a review, live (review team only). Works across API instances.',
    // Payloads travel as JSON through Redis: turn the dates back into dates.
    resolve: (payload: { evidenceChanged: Evidence }) => reviveDates(payload.evidenceChanged),
  })
  evidenceChanged(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return this.live.open(user, reviewId, 'evidence.read', evidenceChannel(reviewId));
  }

  @Mutation(() => EvidenceLogResult, {
    description: 'Logs one item. The same id again with the same content returns it (ALREADY_THERE); with other content it is a CONFLICT.',
  })
  logEvidence(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string, @Args('input') input: EvidenceInput) {
    return this.evidence.log(user, reviewId, input);
  }

  @Mutation(() => [EvidenceLogResult], {
    description: 'Logs many items (an offline phone syncing); answers per item, storing the valid ones whatever the others.',
  })
  logEvidenceBatch(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('items', { type: () => [EvidenceInput] }) items: EvidenceInput[],
  ) {
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
  reviewEvidence(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args() args: EvidenceListArgs,
    @Context() ctx: GraphqlContext,
  ) {
    return this.evidence.list(user, reviewId, args, ctx);
  }

  @Query(() => EvidenceCoverage)
  async evidenceCoverage(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Context() ctx: GraphqlContext,
  ): Promise<EvidenceCoverage> {
    const { keyFactors } = await this.evidence.coverage(user, reviewId, ctx);
    return { keyFactors, lackingInterviewOrFocusGroup: keyFactors.filter((k) => k.lacksInterviewOrFocusGroup).map((k) => k.keyFactor) };
  }

  @ResolveField(() => [EvidenceRevision], { description: 'Every edit, oldest first.' })
  revisions(evidence: Evidence, _args: unknown, ctx: GraphqlContext) {
    // Never edited: no revision rows (each edit stores one and adds one to `revision`). Answered now,
    // so most items of a whole review complete without a promise.
    if (evidence.revision === 1) return [];
    return ctx.loaders
      .get<string, EvidenceRevision[]>('Evidence.revisions', async (ids) =>
        groupInOrder(ids, await this.evidence.revisions(ids), (r) => r.evidenceId),
      )
      .load(evidence.id);
  }

  @Query(() => [Evidence], {
    description:
      'Quotes from stakeholders who have not agreed to be quoted and have no paraphrase yet: readers outside the team see “paraphrase pending” until one is written (review team only).',
  })
  quotesNeedingParaphrase(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return this.evidence.quotesNeedingParaphrase(user, reviewId);
  }

  @ResolveField(() => QuoteShown, {
    description: 'How readers outside the team (the host city, reports) get the quote: verbatim, as the paraphrase, or as pending.',
  })
  async quoteShown(evidence: Evidence, _args: unknown, ctx: GraphqlContext): Promise<QuoteShown> {
    return ctx.loaders
      .get<Evidence, QuoteShown>('Evidence.quoteShown', async (items) =>
        (await this.anonymisation.quotesAsShown([...items])).map((q) => q.shown),
      )
      .load(evidence);
  }

  @ResolveField(() => Boolean, { description: 'A quote from someone who has not agreed to be quoted, still without a paraphrase.' })
  async needsParaphrase(evidence: Evidence, _args: unknown, ctx: GraphqlContext): Promise<boolean> {
    return (await this.quoteShown(evidence, _args, ctx)) === QuoteShown.PENDING;
  }

  @ResolveField(() => Person)
  loggedBy(evidence: Evidence, _args: unknown, ctx: GraphqlContext) {
    return this.loaders.of(ctx).personOf(evidence.reviewId, evidence.loggedById);
  }

  @ResolveField(() => [KeyFactor])
  keyFactors(evidence: Evidence, _args: unknown, ctx: GraphqlContext) {
    return this.loaders.of(ctx).keyFactorsOf(evidence.reviewId, evidence.keyFactorIds);
  }
}

function reviveDates(evidence: Evidence): Evidence {
  const date = (v: Date | string | null) => (v === null ? null : new Date(v));
  return {
    ...evidence,
    observedAt: date(evidence.observedAt)!,
    recordedAt: date(evidence.recordedAt)!,
    retractedAt: date(evidence.retractedAt),
  };
}
