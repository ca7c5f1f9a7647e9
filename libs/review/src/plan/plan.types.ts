import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Recommendation } from '../recommendation/recommendation.entity';
import { PlanAction } from './plan-action.entity';

@ObjectType({ description: "One point of the plan's progress over time (the plan-progress chart's PlanProgressPoint)." })
export class PlanProgressPoint {
  @Field({ description: 'The day, YYYY-MM-DD (host city time).' }) date: string;
  @Field(() => Float, { description: "The plan's progress at the end of that day, 0 to 100." }) progress: number;
}

@ObjectType({ description: 'An accepted or partly accepted recommendation with its actions.' })
export class RecommendationPlan {
  @Field(() => Recommendation) recommendation: Recommendation;
  @Field(() => Float, { nullable: true, description: 'Weighted from its actions (dropped ones left out); null without any.' })
  progress: number | null;
  @Field(() => [PlanAction], { description: 'Its actions, oldest first, dropped ones included.' }) actions: PlanAction[];
}

@ObjectType({ description: "A recommendation from outside the review that joins the city's plan (the Intercultural Cities Index's)." })
export class ExternalRecommendationView {
  @Field(() => ID) id: string;
  @Field({ description: 'What it comes from, e.g. the Index and when it was published.' }) source: string;
  @Field(() => String, { nullable: true, description: 'What it is about within its source (an indicator); null for the whole.' })
  about: string | null;
  @Field() text: string;
}

@ObjectType({ description: "An external recommendation with this review's actions on it." })
export class ExternalRecommendationPlan {
  @Field(() => ExternalRecommendationView) recommendation: ExternalRecommendationView;
  @Field(() => Float, { nullable: true, description: 'Weighted from its actions (dropped ones left out); null without any.' })
  progress: number | null;
  @Field(() => [PlanAction], { description: 'Its actions, oldest first, dropped ones included.' }) actions: PlanAction[];
}

@ObjectType({ description: "The host city's development plan: its actions per accepted recommendation, and its progress." })
export class DevelopmentPlan {
  @Field(() => ID) reviewId: string;
  @Field(() => Float, {
    nullable: true,
    description: "The mean of the recommendations' progress (external ones included); null before any action.",
  })
  progress: number | null;
  @Field({ description: 'Whether I may add and change actions now (my role and the review status).' }) canEdit: boolean;
  @Field({ description: 'Today in the host city (YYYY-MM-DD): an action due before it and not done or dropped is overdue.' })
  today: string;
  @Field(() => [RecommendationPlan]) recommendations: RecommendationPlan[];
  @Field(() => [ExternalRecommendationPlan], {
    description: "The city's recommendations from outside the review (its latest published Intercultural Cities Index's), same rules.",
  })
  externalRecommendations: ExternalRecommendationPlan[];
  @Field(() => [PlanProgressPoint], { description: 'The progress at the end of each day it changed, oldest first.' })
  progressHistory: PlanProgressPoint[];
}

@ObjectType({ description: "Someone who may be responsible for an action of the city's own plan." })
export class CityPlanPerson {
  @Field(() => ID) id: string;
  @Field() fullName: string;
}

@ObjectType({
  description:
    "The city's own development plan, without a review: its Intercultural Cities Index recommendations and the actions on them (before any expert visit).",
})
export class CityDevelopmentPlan {
  @Field(() => ID) cityId: string;
  @Field(() => Float, { nullable: true, description: "The mean of the recommendations' progress; null before any action." })
  progress: number | null;
  @Field({ description: "Whether I may add and change actions (the city's staff, its Index coordinator, the secretariat)." })
  canEdit: boolean;
  @Field({ description: 'Today in the city (YYYY-MM-DD): an action due before it and not done or dropped is overdue.' })
  today: string;
  @Field(() => [ExternalRecommendationPlan], { description: "Its latest published Index's recommendations, with the actions on them." })
  externalRecommendations: ExternalRecommendationPlan[];
  @Field(() => [CityPlanPerson], { description: "Who may be responsible for an action: the city's staff and its Index coordinator." })
  people: CityPlanPerson[];
}

@ObjectType({ description: "A review's development plan in figures (for the city's timeline)." })
export class PlanSummary {
  @Field(() => Float, { nullable: true }) progress: number | null;
  @Field(() => Int) actions: number;
  @Field(() => Int) done: number;
  @Field(() => Int) overdue: number;
}
