import { Field, Int, ObjectType } from '@nestjs/graphql';
import { City } from '@peervisit/directory/entities';
import { Recommendation } from '@peervisit/review/entities';

@ObjectType({ description: 'A recommendation whose follow-up checkpoint passed without a progress report.' })
export class OverdueFollowUp {
  @Field(() => Recommendation) recommendation: Recommendation;
  @Field({ description: 'The checkpoint (a follow-up reminder date) that passed with no progress report since the one before it.' })
  checkpoint: Date;
  @Field(() => Date, { nullable: true, description: 'The latest progress report on it, if there was one.' }) lastReportedAt: Date | null;
}

@ObjectType({ description: "A host city's follow-up across its reviews: what is open and what is overdue (the network view)." })
export class NetworkCityFollowUp {
  @Field(() => City) city: City;
  @Field(() => Int, {
    description: 'Recommendations of its reviews (findings shared with it) not implemented, abandoned or withdrawn.',
  })
  openRecommendations: number;
  @Field(() => Int, { description: 'How many of them are overdue (the length of overdue).' }) overdueFollowUps: number;
  @Field(() => [OverdueFollowUp], {
    description:
      'Open recommendations (not rejected) of reviews in follow-up whose latest checkpoint passed with no progress report since the checkpoint before it (or none at all, for the first), the longest overdue first.',
  })
  overdue: OverdueFollowUp[];
  @Field(() => Date, { nullable: true, description: 'The next follow-up checkpoint of its reviews, if one is planned.' })
  nextCheckpoint: Date | null;
}
