import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@peervisit/platform';
import { maxPointsOf } from '../scoring/index-scoring';
import { IndexDocument, localize } from './index-document';
import { IndexDefinition } from './index-definition.entity';

export enum IndexQuestionType {
  YES_NO = 'YES_NO',
  SINGLE_CHOICE = 'SINGLE_CHOICE',
  MULTIPLE_CHOICE = 'MULTIPLE_CHOICE',
  NUMBER = 'NUMBER',
  PERCENTAGE = 'PERCENTAGE',
  TEXT = 'TEXT',
}
registerEnumType(IndexQuestionType, { name: 'IccIndexQuestionType' });

export enum IndexDataType {
  FACT = 'FACT',
  INPUT = 'INPUT',
  IMPACT = 'IMPACT',
}
registerEnumType(IndexDataType, {
  name: 'IccIndexDataType',
  description: 'FACT: mainly quantitative (demographics); INPUT: policies and structures; IMPACT: attitudes and behaviours.',
});

@ObjectType('IccIndexOption')
export class IndexOptionView {
  @Field() code: string;
  @Field() label: string;
  @Field(() => Float) points: number;
}

@ObjectType('IccIndexThreshold', { description: 'A number at or above min scores points (the highest threshold reached counts).' })
export class IndexThresholdView {
  @Field(() => Float) min: number;
  @Field(() => Float) points: number;
}

@ObjectType('IccIndexQuestion')
export class IndexQuestionView {
  @Field() code: string;
  @Field() indicatorCode: string;
  @Field() text: string;
  @Field(() => IndexQuestionType) type: IndexQuestionType;
  @Field(() => IndexDataType) dataType: IndexDataType;
  @Field(() => [IndexOptionView]) options: IndexOptionView[];
  @Field(() => [IndexThresholdView]) thresholds: IndexThresholdView[];
  @Field(() => Float, { description: 'The most points an answer can score (0: not scored).' }) maxPoints: number;
  @Field(() => String, { nullable: true }) unit: string | null;
  @Field({ description: 'The method asks for an example or reference with the answer.' }) requiresReference: boolean;
  @Field({ description: "PeerVisit's own illustrative text, not the official questionnaire's." }) illustrative: boolean;
}

@ObjectType('IccIndexIndicator')
export class IndexIndicatorView {
  @Field() code: string;
  @Field(() => Int) number: number;
  @Field() name: string;
  @Field(() => Float, { description: 'Relative importance in the overall Index.' }) weight: number;
  @Field(() => [IndexQuestionView]) questions: IndexQuestionView[];
}

@ObjectType('IccIndexComposite')
export class IndexCompositeView {
  @Field() code: string;
  @Field() name: string;
  @Field(() => [String]) indicatorCodes: string[];
}

@ObjectType('IccIndexDefinitionConnection')
export class IndexDefinitionConnection extends ConnectionType(IndexDefinition) {}

@ObjectType('IccIndexDefinitionImportResult')
export class IndexDefinitionImportResult {
  @Field(() => IndexDefinition) definition: IndexDefinition;
  @Field({ description: 'created, updated (a draft replaced) or unchanged (identical content was already there).' }) outcome: string;
}

/** The definition's indicators in one language (English where a translation is missing). */
export function indicatorViews(content: Pick<IndexDocument, 'indicators'>, language?: string): IndexIndicatorView[] {
  return content.indicators.map((indicator) => ({
    code: indicator.code,
    number: indicator.number,
    name: localize(indicator.name, language),
    weight: indicator.weight,
    questions: indicator.questions.map((q) => ({
      code: q.code,
      indicatorCode: indicator.code,
      text: localize(q.text, language),
      type: q.type as IndexQuestionType,
      dataType: q.dataType as IndexDataType,
      options: (q.options ?? []).map((o) => ({ code: o.code, label: localize(o.label, language), points: o.points })),
      thresholds: q.thresholds ?? [],
      maxPoints: maxPointsOf(q),
      unit: q.unit ?? null,
      requiresReference: q.requiresReference,
      illustrative: q.illustrative,
    })),
  }));
}

export function compositeViews(content: Pick<IndexDocument, 'composites'>, language?: string): IndexCompositeView[] {
  return content.composites.map((c) => ({ code: c.code, name: localize(c.name, language), indicatorCodes: c.indicators }));
}
