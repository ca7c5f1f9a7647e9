import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { IndexVisitVerdict } from './index-visit-confirmation.entity';

@ObjectType('IccIndexVisitConfirmation', { description: "The visit team's word on one indicator's Index result." })
export class VisitConfirmationView {
  @Field(() => IndexVisitVerdict) verdict: IndexVisitVerdict;
  @Field() note: string;
  @Field(() => Int, { description: 'Give it back as expectedVersion to refuse a change based on an old one.' }) version: number;
  @Field(() => ID) recordedById: string;
  @Field({ description: 'Who recorded it last.' }) recordedByName: string;
  @Field() recordedAt: Date;
}

@ObjectType('IccIndexVisitIndicator')
export class VisitIndicatorView {
  @Field() code: string;
  @Field(() => Int) number: number;
  @Field() name: string;
  @Field(() => Float, { nullable: true, description: 'The published score, 0 to 100 (an expert correction included).' })
  score: number | null;
  @Field(() => Float, { nullable: true, description: 'The score computed from the answers.' }) computedScore: number | null;
  @Field(() => VisitConfirmationView, { nullable: true, description: 'Null until the team records one.' })
  confirmation: VisitConfirmationView | null;
}

@ObjectType('IccIndexForVisit', { description: "The city's latest published Index, as the expert visit of the same city sees it." })
export class VisitIndexView {
  @Field(() => ID) assessmentId: string;
  @Field() publishedAt: Date;
  @Field() definitionCode: string;
  @Field(() => Int) definitionVersion: number;
  @Field(() => Float, { nullable: true }) overall: number | null;
  @Field(() => [VisitIndicatorView]) indicators: VisitIndicatorView[];
  @Field({ description: 'Whether I may record confirmations now (my role and the review status).' }) canConfirm: boolean;
  @Field(() => String, { nullable: true, description: 'Why not, when the review status is the reason.' }) confirmRefusal: string | null;
}
