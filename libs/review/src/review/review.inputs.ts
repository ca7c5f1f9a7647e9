import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { PageArgs } from '@peervisit/platform';
import { ReviewKind, ReviewStatus } from './review.entity';

@InputType({ description: 'Dates as "2027-03-10T09:00" (local to the host city) or an ISO instant with offset. null clears one.' })
export class TimelineInput {
  @Field(() => String, { nullable: true }) selfAssessmentDue?: string | null;
  @Field(() => String, { nullable: true }) visitStart?: string | null;
  @Field(() => String, { nullable: true }) visitEnd?: string | null;
  @Field(() => String, { nullable: true }) conclusionsDue?: string | null;
  @Field(() => String, { nullable: true }) reportDue?: string | null;
  @Field(() => [String], { nullable: true }) followUpCheckpoints?: string[] | null;
}

@InputType()
export class CreateReviewInput {
  @Field() title: string;
  @Field(() => ReviewKind) kind: ReviewKind;
  @Field(() => ID) hostCityId: string;
  @Field({ description: 'Benchmark code, e.g. EUROCITIES-PCD.' }) benchmarkCode: string;
  @Field(() => Int, { nullable: true, description: 'A published version; the latest published when omitted.' }) benchmarkVersion?: number;
  @Field(() => [Int], { nullable: true, description: 'Key factor numbers in scope; all when omitted.' }) scopeKeyFactorNumbers?: number[];
  @Field(() => TimelineInput, { nullable: true }) timeline?: TimelineInput;
  @Field(() => String, { nullable: true, description: 'Working language: en, fr or de (English when omitted).' }) workingLanguage?:
    string | null;
}

@InputType()
export class UpdateReviewInput {
  @Field({ nullable: true }) title?: string;
  @Field(() => [Int], { nullable: true, description: 'Key factor numbers in scope (only before the self-assessment opens).' })
  scopeKeyFactorNumbers?: number[];
  @Field(() => TimelineInput, { nullable: true }) timeline?: TimelineInput;
  @Field(() => String, { nullable: true, description: 'Working language: en, fr or de.' }) workingLanguage?: string | null;
}

@ArgsType()
export class ReviewsArgs extends PageArgs {
  @Field(() => ReviewStatus, { nullable: true }) status?: ReviewStatus;
  @Field(() => ID, { nullable: true }) cityId?: string;
  @Field(() => ReviewKind, { nullable: true }) kind?: ReviewKind;
}
