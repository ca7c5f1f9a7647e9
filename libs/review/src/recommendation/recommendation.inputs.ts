import { Extensions, Field, ID, InputType } from '@nestjs/graphql';
import { IDS_CHECKED_BY_SERVICE } from '@peervisit/platform';
import { FollowUpStatus, RecommendationHorizon, RecommendationPriority } from './recommendation.entity';

@InputType({ description: 'A recommendation as the team writes it (adding, or replacing every field when updating).' })
export class RecommendationInput {
  @Field({ description: 'What the city should do (at most 5000 characters).' }) text: string;
  @Field(() => [ID], { description: "Key factors it serves (at least one, in the review's scope)." }) keyFactorIds: string[];
  @Field(() => RecommendationPriority) priority: RecommendationPriority;
  @Field(() => RecommendationHorizon, { description: 'Quick win, or medium- or long-term work.' }) horizon: RecommendationHorizon;
  @Field(() => String, { nullable: true, description: 'The department or body suggested to own it.' }) suggestedOwner?: string | null;
  // Listed by RecommendationService with the input's other problems (every problem at once).
  @Field(() => [ID], { nullable: true, description: "Related good practices: KeyFactorExample ids of the review's benchmark." })
  @Extensions({ [IDS_CHECKED_BY_SERVICE]: true })
  relatedExampleIds?: string[] | null;
}

@InputType({ description: 'Progress on a recommendation, as of a date; every report is kept.' })
export class FollowUpInput {
  @Field(() => FollowUpStatus) status: FollowUpStatus;
  @Field({ description: 'What was done, or why not.' }) note: string;
  @Field({ description: 'The date the report is about, YYYY-MM-DD, not in the future (host city time).' }) asOf: string;
  // Listed by RecommendationService with the input's other problems (every problem at once).
  @Field(() => [ID], {
    nullable: true,
    description: 'Documents of the review that show the progress (upload them first: POST /reviews/{reviewId}/documents).',
  })
  @Extensions({ [IDS_CHECKED_BY_SERVICE]: true })
  documentIds?: string[] | null;
}
