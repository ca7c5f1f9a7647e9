// `@peervisit/icc-index/entities`: the Index's entities and enums, without loading a Nest module
// (test/contract/entity-imports.spec.ts).
import { IndexAnswer } from './assessment/index-answer.entity';
import { IndexIndicatorComment, IndexRecommendation, IndexScoreCorrection } from './assessment/index-analysis.entity';
import { IndexAssessment } from './assessment/index-assessment.entity';
import { IndexDefinition } from './definition/index-definition.entity';
import { IndexVisitConfirmation } from './visit/index-visit-confirmation.entity';

export * from './assessment/index-answer.entity';
export * from './assessment/index-analysis.entity';
export * from './assessment/index-assessment.entity';
export * from './definition/index-definition.entity';
export * from './visit/index-visit-confirmation.entity';
export type { AnswerValue, IndexScores, IndicatorScore } from './scoring/index-scoring';
export type { IndexDocument, TranslatableText } from './definition/index-document';

export const ICC_INDEX_ENTITIES = [
  IndexDefinition,
  IndexAssessment,
  IndexAnswer,
  IndexIndicatorComment,
  IndexScoreCorrection,
  IndexRecommendation,
  IndexVisitConfirmation,
];
