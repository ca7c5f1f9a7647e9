import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class GuideQuestionAnswerInput {
  @Field(() => ID) guideQuestionId: string;
  @Field({ description: 'An empty answer clears it.' }) answer: string;
}

@InputType({ description: 'Only the fields given change; answers are merged by guide question.' })
export class SelfAssessmentEntryInput {
  @Field(() => [GuideQuestionAnswerInput], { nullable: true }) answers?: GuideQuestionAnswerInput[];
  @Field(() => Int, { nullable: true }) rating?: number;
  @Field({ nullable: true }) narrative?: string;
  @Field(() => [ID], { nullable: true }) documentIds?: string[];
}
