import { Args, Context, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { KeyFactor } from '@peervisit/catalogue';
import { Person } from '@peervisit/directory';
import { CurrentUser, GraphqlContext, groupInOrder, Me, oneInOrder } from '@peervisit/platform';
import { DataSource, In } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { AnonymisationService } from '../anonymisation/anonymisation.service';
import { Evidence } from '../evidence/evidence.entity';
import { reviewLoaders } from '../review/review-loaders';
import { Review } from '../review/review.entity';
import { Conclusion, ConclusionRevision } from './conclusion.entity';
import { CrossReviewService } from './cross-review.service';
import { ConclusionInput } from './findings.inputs';
import { FindingsService } from './findings.service';

@ObjectType()
export class RigourIssueType {
  @Field({ description: 'NO_EVIDENCE, SINGLE_SOURCE_TYPE or EVIDENCE_CONTRADICTS_RATING.' }) code: string;
  @Field() message: string;
}

@ObjectType({ description: 'What the expert leader should look at before agreeing a conclusion.' })
export class ConclusionRigour {
  @Field(() => Conclusion) conclusion: Conclusion;
  @Field(() => [RigourIssueType]) issues: RigourIssueType[];
}

@ObjectType({ description: 'The agreed conclusion on the same key factor in an earlier review of the same city.' })
export class EarlierConclusion {
  @Field(() => KeyFactor, { description: "The key factor in this review's benchmark." }) keyFactor: KeyFactor;
  @Field(() => Review) review: Review;
  @Field(() => Int, { nullable: true }) rating: number | null;
  @Field() summary: string;
  @Field() agreedAt: Date;
}

@ObjectType()
export class RatingPoint {
  @Field(() => Review) review: Review;
  @Field({ description: 'When the conclusion was agreed.' }) agreedAt: Date;
  @Field(() => Int, { nullable: true }) rating: number | null;
  @Field(() => Int, { nullable: true, description: "The city's own rating in its self-assessment." }) selfRating: number | null;
}

@ObjectType({ description: "A key factor's ratings for one city across its reviews, oldest first." })
export class KeyFactorRatingHistory {
  @Field({ description: 'The key factor code, stable across benchmark versions (e.g. 04).' }) keyFactorCode: string;
  @Field() heading: string;
  @Field(() => [RatingPoint]) points: RatingPoint[];
}

@ObjectType()
export class RatingCount {
  @Field(() => Int) rating: number;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'Agreed ratings of one key factor across host cities (shared from the feedback session on).' })
export class NetworkKeyFactorRatings {
  @Field(() => KeyFactor) keyFactor: KeyFactor;
  @Field(() => Int) cities: number;
  @Field(() => [RatingCount]) ratings: RatingCount[];
  @Field(() => Number, { nullable: true }) average: number | null;
}

@Resolver(() => Conclusion)
export class FindingsResolver {
  constructor(
    private readonly findings: FindingsService,
    private readonly crossReview: CrossReviewService,
    private readonly access: ReviewAccessService,
    private readonly anonymisation: AnonymisationService,
    private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => Conclusion, { description: 'Saves the given fields of the conclusion on a key factor (expert leader, peers). Changing an existing one needs expectedVersion.' })
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
  agreeConclusion(@Me() user: CurrentUser, @Args('conclusionId', { type: () => ID }) conclusionId: string, @Args('expectedVersion', { type: () => Int }) expectedVersion: number) {
    return this.findings.agree(user, conclusionId, expectedVersion);
  }

  @Mutation(() => Conclusion, { description: 'The expert leader reopens an agreed conclusion, saying why.' })
  reopenConclusion(@Me() user: CurrentUser, @Args('conclusionId', { type: () => ID }) conclusionId: string, @Args('reason') reason: string) {
    return this.findings.reopen(user, conclusionId, reason);
  }

  @Query(() => [Conclusion], { description: 'The review team always; the host city and observers from the feedback session on.' })
  async reviewConclusions(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string, @Context() ctx: GraphqlContext) {
    await this.access.requireFindingsRead(user, reviewId, ctx);
    return this.findings.conclusionsOf([reviewId]);
  }

  @Query(() => [ConclusionRigour], { description: 'Conclusions that cite no evidence, rest on one source type, or cite evidence mostly against their rating.' })
  conclusionRigour(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return this.findings.rigour(user, reviewId);
  }

  @Query(() => [EarlierConclusion], { description: 'For each key factor in scope, the latest agreed conclusion of an earlier review of the same city.' })
  earlierConclusions(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string, @Context() ctx: GraphqlContext) {
    return this.crossReview.earlierConclusions(user, reviewId, ctx);
  }

  @Query(() => [KeyFactorRatingHistory], { description: "A city's agreed ratings per key factor across its reviews (those you may read)." })
  cityRatings(@Me() user: CurrentUser, @Args('cityId', { type: () => ID }) cityId: string) {
    return this.crossReview.cityRatings(user, cityId);
  }

  @Query(() => [NetworkKeyFactorRatings], { description: 'Agreed ratings per key factor across host cities for one benchmark version.' })
  networkRatings(@Args('benchmarkCode') code: string, @Args('version', { type: () => Int }) version: number) {
    return this.crossReview.networkRatings(code, version);
  }

  @ResolveField(() => KeyFactor)
  async keyFactor(@Parent() conclusion: Conclusion, @Context() ctx: GraphqlContext) {
    const [keyFactor] = await reviewLoaders(ctx, this.dataSource).keyFactorsOf(conclusion.reviewId, [conclusion.keyFactorId]);
    return keyFactor ?? null;
  }

  // Team-written text: the host city and observers read it through the report's anonymiser.
  @ResolveField(() => String)
  summary(@Parent() conclusion: Conclusion, @Me() user: CurrentUser, @Context() ctx: GraphqlContext) {
    return this.anonymisation.forReader(user, conclusion.reviewId, conclusion.summary, ctx);
  }

  @ResolveField(() => String)
  strengths(@Parent() conclusion: Conclusion, @Me() user: CurrentUser, @Context() ctx: GraphqlContext) {
    return this.anonymisation.forReader(user, conclusion.reviewId, conclusion.strengths, ctx);
  }

  @ResolveField(() => String)
  areasToDevelop(@Parent() conclusion: Conclusion, @Me() user: CurrentUser, @Context() ctx: GraphqlContext) {
    return this.anonymisation.forReader(user, conclusion.reviewId, conclusion.areasToDevelop, ctx);
  }

  @ResolveField(() => [ConclusionRevision], { description: 'Every saved version, oldest first (the team that drafts them: drafts are never shared with the city).' })
  async revisions(@Parent() conclusion: Conclusion, @Me() user: CurrentUser, @Context() ctx: GraphqlContext) {
    await this.access.require(user, conclusion.reviewId, 'findings.draft', ctx);
    return ctx.loaders.get<string, ConclusionRevision[]>('Conclusion.revisions', async (ids) => groupInOrder(ids, await this.findings.revisionsOf(ids), (r) => r.conclusionId)).load(conclusion.id);
  }

  @ResolveField(() => Person, { nullable: true })
  updatedBy(@Parent() conclusion: Conclusion, @Context() ctx: GraphqlContext) {
    return conclusion.updatedById ? reviewLoaders(ctx, this.dataSource).personOf(conclusion.reviewId, conclusion.updatedById) : null;
  }

  @ResolveField(() => [Evidence], { description: 'The cited evidence (review team only: raw evidence never goes to the host city).' })
  async citedEvidence(@Parent() conclusion: Conclusion, @Me() user: CurrentUser, @Context() ctx: GraphqlContext) {
    await this.access.require(user, conclusion.reviewId, 'evidence.read', ctx);
    const rows = await ctx.loaders
      .get<string, Evidence | null>('EvidenceById', async (ids) => oneInOrder(ids, await this.dataSource.getRepository(Evidence).findBy({ id: In([...ids]) }), (e) => e.id))
      .loadMany(conclusion.evidenceIds);
    return rows.filter((e): e is Evidence => !!e && !(e instanceof Error));
  }
}
