import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { IndexQuestionView } from '../definition/index-definition.types';
import { IndexRecommendation, IndexScoreCorrection } from './index-analysis.entity';

@ObjectType('IccIndexQuestionAnswer', { description: 'A question of the assessment with its assignment and answer (if any).' })
export class IndexAnswerView {
  @Field(() => ID, { nullable: true, description: 'Null until the question is assigned or answered.' }) id: string | null;
  @Field() questionCode: string;
  @Field() indicatorCode: string;
  @Field(() => IndexQuestionView) question: IndexQuestionView;
  @Field(() => String, { nullable: true }) department: string | null;
  @Field(() => ID, { nullable: true }) assigneeId: string | null;
  @Field(() => String, { nullable: true }) option: string | null;
  @Field(() => [String], { nullable: true }) options: string[] | null;
  @Field(() => Float, { nullable: true }) number: number | null;
  @Field(() => String, { nullable: true }) text: string | null;
  @Field() reference: string;
  @Field(() => Int, { description: 'Send it back as expectedVersion when saving (1 before the first save).' }) version: number;
  @Field() answered: boolean;
}

@ObjectType('IccIndexIndicatorResult')
export class IndicatorResultView {
  @Field() code: string;
  @Field(() => Int) number: number;
  @Field() name: string;
  @Field(() => Float) weight: number;
  @Field(() => Float) points: number;
  @Field(() => Float) maxPoints: number;
  @Field(() => Float, { nullable: true, description: 'Computed from the answers (0–100); stays visible when corrected.' }) computedScore:
    number | null;
  @Field(() => Float, { nullable: true, description: "The experts' latest correction, if any." }) correctedScore: number | null;
  @Field(() => Float, { nullable: true, description: 'correctedScore when there is one, else computedScore.' }) score: number | null;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field(() => Int, { description: "The comment's version (send as expectedVersion; 1 before the first comment)." }) commentVersion: number;
  @Field(() => [IndexScoreCorrection], { description: 'Every correction, oldest first, each with its reason.' })
  corrections: IndexScoreCorrection[];
}

@ObjectType('IccIndexCompositeResult')
export class CompositeResultView {
  @Field() code: string;
  @Field() name: string;
  @Field(() => Float, { nullable: true }) score: number | null;
}

@ObjectType('IccIndexResults')
export class IndexResultsView {
  @Field(() => [IndicatorResultView]) indicators: IndicatorResultView[];
  @Field(() => [CompositeResultView]) composites: CompositeResultView[];
  @Field(() => Float, { nullable: true, description: 'The overall Index, from the indicators’ final scores.' }) overall: number | null;
  @Field(() => Float, { nullable: true, description: 'The overall Index from the computed scores alone.' }) overallComputed: number | null;
  @Field(() => [IndexRecommendation]) recommendations: IndexRecommendation[];
}

@ObjectType('IccIndexDistribution', { description: "The city's score beside the network's, for one indicator (or the overall Index)." })
export class DistributionView {
  @Field() code: string;
  @Field() name: string;
  @Field(() => Float, { nullable: true }) cityScore: number | null;
  @Field(() => Int, { description: 'Cities with a score here.' }) cities: number;
  @Field(() => Float, { nullable: true }) min: number | null;
  @Field(() => Float, { nullable: true }) median: number | null;
  @Field(() => Float, { nullable: true }) mean: number | null;
  @Field(() => Float, { nullable: true }) max: number | null;
  @Field(() => [Float], { description: "Every comparable city's score, ascending, without names." }) scores: number[];
}

@ObjectType('IccIndexHistoryPoint')
export class HistoryPointView {
  @Field(() => ID) assessmentId: string;
  @Field() publishedAt: Date;
  @Field() definitionCode: string;
  @Field(() => Int) definitionVersion: number;
  @Field(() => Float, { nullable: true }) overall: number | null;
}

@ObjectType('IccIndexComparisonGroup', {
  description: 'The city against a group of comparable cities (each city once, its latest published assessment).',
})
export class ComparisonGroupView {
  @Field({ description: 'False until the group has enough cities.' }) available: boolean;
  @Field(() => Int) comparableCities: number;
  @Field() message: string;
  @Field(() => [DistributionView], { description: 'Empty while not available.' }) indicators: DistributionView[];
  @Field(() => DistributionView, { nullable: true }) overall: DistributionView | null;
}

@ObjectType('IccIndexComparison')
export class ComparisonView {
  @Field({ description: 'False until enough cities have published on the same definition version.' }) available: boolean;
  @Field(() => Int, { description: 'Cities with a published assessment on the same definition version (this one included).' })
  comparableCities: number;
  @Field(() => Int) minimumCities: number;
  @Field() message: string;
  @Field(() => [DistributionView], { description: 'Empty while not available.' }) indicators: DistributionView[];
  @Field(() => DistributionView, { nullable: true }) overall: DistributionView | null;
  @Field(() => ComparisonGroupView, {
    description:
      "Cities of similar size (population from half to twice the city's, from the directory), by the same rule of at least 5 cities.",
  })
  similarSize: ComparisonGroupView;
  @Field(() => ComparisonGroupView, {
    description:
      "Cities with a similar share of foreign-born residents (within 5 percentage points of the city's, from the directory), by the same rule.",
  })
  similarForeignBorn: ComparisonGroupView;
  @Field(() => [HistoryPointView], { description: "The city's published assessments, oldest first (this one included)." })
  history: HistoryPointView[];
}
