import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import type { AnswerFields } from './index-assessment.rules';

@InputType('StartIccIndexAssessmentInput')
export class StartIndexAssessmentInput {
  @Field(() => ID) cityId: string;
  @Field({ nullable: true, description: 'Defaults to ICC-INDEX.' }) definitionCode?: string;
  @Field(() => Int, { nullable: true, description: 'Defaults to the latest published version.' }) definitionVersion?: number;
  @Field({ description: 'When the city is due to submit the questionnaire, YYYY-MM-DD.' }) dueDate: string;
  @Field(() => String, {
    nullable: true,
    description: "When the experts' analysis is due, YYYY-MM-DD, after dueDate (the method gives it at least 8 weeks).",
  })
  analysisDueDate?: string | null;
  @Field(() => ID, { nullable: true, description: "The city's Index coordinator." }) coordinatorId?: string;
  @Field(() => [ID], { nullable: true }) expertIds?: string[];
}

@InputType('IccIndexAssignmentInput', { description: 'Questions named one by one, or whole indicators, or both.' })
export class IndexAssignmentInput {
  @Field(() => [String], { nullable: true }) questionCodes?: string[];
  @Field(() => [String], { nullable: true }) indicatorCodes?: string[];
  @Field({ nullable: true, description: 'The city department asked to answer.' }) department?: string;
  @Field(() => ID, { nullable: true, description: 'The contributor asked to answer.' }) assigneeId?: string;
  @Field({ nullable: true, description: "Or the contributor's email, for a coordinator who knows colleagues by their address." })
  assigneeEmail?: string;
}

@InputType('IccIndexAnswerInput', {
  description:
    'Only the fields given change. option for YES_NO (YES or NO) and SINGLE_CHOICE, options for MULTIPLE_CHOICE, number for NUMBER and PERCENTAGE, text for TEXT.',
})
export class IndexAnswerInput implements AnswerFields {
  @Field({ nullable: true }) option?: string;
  @Field(() => [String], { nullable: true }) options?: string[];
  @Field(() => Float, { nullable: true }) number?: number;
  @Field({ nullable: true }) text?: string;
  @Field({ nullable: true, description: 'The example or reference the answer rests on.' }) reference?: string;
  @Field({ nullable: true, description: 'Removes the answer (the reference is kept unless given).' }) clear?: boolean;
}
