import { Field, Int, ObjectType } from '@nestjs/graphql';
import { KeyFactor } from '@peervisit/catalogue/entities';
import { Review } from '../review/review.entity';
import { Conclusion } from './conclusion.entity';

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
