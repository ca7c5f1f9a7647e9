import { Args, Context, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Person } from '@peervisit/directory/entities';
import { CurrentUser, GraphqlContext, groupInOrder, Me, oneInOrder, userOf } from '@peervisit/platform';
import { Document } from '../document/document.entity';
import { RecommendationService } from '../recommendation/recommendation.service';
import { ReviewLoaders } from '../review/review-loaders';
import { Review } from '../review/review.entity';
import { PlanAction, PlanActionChange } from './plan-action.entity';
import { PlanActionInput } from './plan.inputs';
import { PlanService } from './plan.service';
import { CityDevelopmentPlan, DevelopmentPlan, PlanSummary } from './plan.types';

@Resolver(() => PlanAction)
export class PlanResolver {
  constructor(
    private readonly plans: PlanService,
    private readonly loaders: ReviewLoaders,
  ) {}

  @Query(() => DevelopmentPlan, {
    description: "The host city's development plan (the team always; the host city and observers from the feedback session on).",
  })
  developmentPlan(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Context() ctx: GraphqlContext,
    @Args('language', { type: () => String, nullable: true, description: 'For the texts of external recommendations (en, fr…).' })
    language?: string,
  ) {
    return this.plans.plan(user, reviewId, ctx, language ?? undefined);
  }

  @Query(() => CityDevelopmentPlan, {
    description:
      "The city's own development plan, without a review: its latest published Index's recommendations and their actions (the readers of the Index results).",
  })
  cityDevelopmentPlan(
    @Me() user: CurrentUser,
    @Args('cityId', { type: () => ID }) cityId: string,
    @Args('language', { type: () => String, nullable: true, description: 'For the texts of the recommendations (en, fr…).' })
    language?: string,
  ) {
    return this.plans.cityPlan(user, cityId, language ?? undefined);
  }

  @Mutation(() => PlanAction, {
    description:
      "Adds an action to an accepted or partly accepted recommendation (host coordinator and contributors), or to one of the city's Index recommendations: with reviewId in that review's plan, without it in the city's own plan (the city's staff, its Index coordinator, the secretariat).",
  })
  addPlanAction(
    @Me() user: CurrentUser,
    @Args('recommendationId', { type: () => ID }) recommendationId: string,
    @Args('input') input: PlanActionInput,
    @Args('reviewId', {
      type: () => ID,
      nullable: true,
      description:
        "The review whose plan takes the action, for an Index recommendation (a review's own belongs to its review); none: the city's own plan.",
    })
    reviewId?: string,
  ) {
    return this.plans.addAction(user, recommendationId, input, reviewId);
  }

  @Mutation(() => PlanAction, { description: 'Changes the fields given of a plan action; every change is kept in its history.' })
  updatePlanAction(@Me() user: CurrentUser, @Args('actionId', { type: () => ID }) actionId: string, @Args('input') input: PlanActionInput) {
    return this.plans.updateAction(user, actionId, input);
  }

  @ResolveField(() => Person, { nullable: true, description: 'The person responsible.' })
  responsible(action: PlanAction, _args: unknown, ctx: GraphqlContext) {
    return this.loaders.of(ctx).personOf(action.reviewId, action.responsibleId);
  }

  @ResolveField(() => [PlanActionChange], { description: 'Every change, oldest first (the first is when it was added).' })
  async history(action: PlanAction, _args: unknown, ctx: GraphqlContext) {
    return ctx.loaders
      .get<string, PlanActionChange[]>('PlanAction.history', async (ids) =>
        groupInOrder(ids, await this.plans.historyOf(ids), (c) => c.actionId),
      )
      .load(action.id);
  }
}

/** A change's author and document; reached only through an action of a plan the reader may read. */
@Resolver(() => PlanActionChange)
export class PlanActionChangeResolver {
  constructor(
    private readonly recommendations: RecommendationService,
    private readonly loaders: ReviewLoaders,
  ) {}

  @ResolveField(() => Person, { nullable: true, description: 'Who made the change.' })
  changedBy(change: PlanActionChange, _args: unknown, ctx: GraphqlContext) {
    return this.loaders.of(ctx).personOf(change.reviewId, change.changedById);
  }

  @ResolveField(() => Document, { nullable: true, description: 'The document the change rests on (retracted ones included).' })
  async document(change: PlanActionChange, _args: unknown, ctx: GraphqlContext) {
    if (!change.documentId) return null;
    const loader = ctx.loaders.get<string, Document | null>('DocumentById', async (ids) =>
      oneInOrder(ids, await this.recommendations.documentsByIds(ids), (d) => d.id),
    );
    return loader.load(change.documentId);
  }
}

/** The plan in the city's timeline: figures per review, null when the reader may not read it yet. */
@Resolver(() => Review)
export class ReviewPlanResolver {
  constructor(private readonly plans: PlanService) {}

  @ResolveField(() => PlanSummary, {
    nullable: true,
    description: 'The development plan in figures (null without actions, or before I may read it).',
  })
  planSummary(review: Review, _args: unknown, ctx: GraphqlContext) {
    return this.plans.summary(userOf(ctx), review.id, ctx);
  }
}
