import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConclusionStatus } from './conclusion.entity';
import { RecommendationHorizon, RecommendationPriority } from '../recommendation/recommendation.entity';

@ObjectType({ description: 'A conclusion as the host city reads it: names withheld as in the report, no evidence, no drafts.' })
export class HostPreviewConclusion {
  @Field(() => ID) keyFactorId: string;
  @Field() keyFactorCode: string;
  @Field() keyFactorHeading: string;
  @Field(() => ConclusionStatus) status: ConclusionStatus;
  @Field(() => Int, { nullable: true }) rating: number | null;
  @Field() summary: string;
  @Field() strengths: string;
  @Field() areasToDevelop: string;
}

@ObjectType({ description: 'A recommendation as the host city reads it (names withheld as in the report).' })
export class HostPreviewRecommendation {
  @Field(() => ID) id: string;
  @Field() text: string;
  @Field(() => RecommendationPriority) priority: RecommendationPriority;
  @Field(() => RecommendationHorizon) horizon: RecommendationHorizon;
  @Field(() => String, { nullable: true }) suggestedOwner: string | null;
  @Field(() => [String], { description: 'Codes of the key factors it serves.' }) keyFactorCodes: string[];
}

@ObjectType({
  description: "What the host city's coordinator reads of the findings, for the review team to check before or after the feedback session.",
})
export class HostPreview {
  @Field(() => ID) reviewId: string;
  @Field({ description: 'Whether the host city reads the findings already (feedback session or later).' }) visibleToHost: boolean;
  @Field(() => [HostPreviewConclusion], { description: 'By key factor number.' }) conclusions: HostPreviewConclusion[];
  @Field(() => [HostPreviewRecommendation], { description: 'Not withdrawn, highest priority first.' })
  recommendations: HostPreviewRecommendation[];
}
