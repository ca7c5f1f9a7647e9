import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType({ description: 'Only the fields given change.' })
export class ConclusionInput {
  @Field(() => Int, { nullable: true }) rating?: number;
  @Field({ nullable: true }) summary?: string;
  @Field({ nullable: true }) strengths?: string;
  @Field({ nullable: true }) areasToDevelop?: string;
  @Field(() => [ID], { nullable: true, description: 'Evidence cited: of this review, bearing on this key factor, not retracted.' })
  evidenceIds?: string[];
}
