import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GuideQuestion, KeyFactor } from '@peervisit/catalogue/entities';
import { EntryStatus } from './self-assessment-entry.entity';

@ObjectType({ description: "What one key factor's entry still needs before the self-assessment can be submitted." })
export class KeyFactorSelfAssessmentProgress {
  @Field(() => ID) keyFactorId: string;
  @Field(() => KeyFactor) keyFactor: KeyFactor;
  @Field({ description: 'Every guide question answered and a rating given.' }) complete: boolean;
  @Field({ description: 'Whether anyone has saved or assigned the entry yet.' }) hasEntry: boolean;
  @Field(() => [GuideQuestion], { description: 'The guide questions still without an answer, in order.' })
  unansweredGuideQuestions: GuideQuestion[];
  @Field({ description: "No rating on the benchmark's scale yet." }) ratingMissing: boolean;
  @Field(() => [String], {
    description: 'The same phrases the refusal of submitSelfAssessment gives, e.g. "guide questions 2, 3 unanswered".',
  })
  missing: string[];
  @Field(() => EntryStatus, { nullable: true }) status: EntryStatus | null;
  @Field(() => ID, { nullable: true }) assigneeId: string | null;
}

@ObjectType({ description: "Where the host city's self-assessment stands: per key factor, what is still missing." })
export class SelfAssessmentProgress {
  @Field(() => ID) reviewId: string;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field({
    description: 'Submitting now would succeed: the review is in its self-assessment, it is not submitted yet and nothing is missing.',
  })
  readyToSubmit: boolean;
  @Field({ description: 'True for a host contributor, who sees only the key factors whose entry is assigned to them.' })
  onlyAssigned: boolean;
  @Field(() => [KeyFactorSelfAssessmentProgress], { description: 'The key factors in scope the caller sees, in benchmark order.' })
  keyFactors: KeyFactorSelfAssessmentProgress[];
}
