import type { IndexAssessmentQuery } from '../graphql/generated/graphql';

export type IndexAssessmentData = NonNullable<IndexAssessmentQuery['iccIndexAssessment']>;
export type IndexQuestionRow = IndexAssessmentData['questions'][number];
export type IndexResultsData = NonNullable<IndexAssessmentData['results']>;
