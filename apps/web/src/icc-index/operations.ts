import { graphql } from '../graphql/generated';

// The Intercultural Cities Index (issue 23): a city's assessment, answered by its departments,
// analysed by the experts, published with its scores and the network comparison.

export const IndexAssessmentsQuery = graphql(`
  query IndexAssessments {
    iccIndexAssessments {
      id
      cityName
      status
      dueDate
      definition {
        id
        code
        version
      }
    }
  }
`);

export const IndexAssessmentQuery = graphql(`
  query IndexAssessment($id: ID!, $language: String) {
    iccIndexAssessment(id: $id) {
      id
      cityId
      cityName
      status
      dueDate
      coordinatorId
      expertIds
      submittedAt
      publishedAt
      missing
      definition {
        id
        code
        version
        illustrative
        illustrativeNotice(language: $language)
        attribution
        indicators(language: $language) {
          code
          number
          name
        }
        composites(language: $language) {
          code
          name
        }
      }
      questions(language: $language) {
        questionCode
        indicatorCode
        department
        assigneeId
        option
        options
        number
        text
        reference
        version
        answered
        question {
          code
          text
          type
          dataType
          unit
          requiresReference
          illustrative
          options {
            code
            label
          }
        }
      }
      results(language: $language) {
        overall
        overallComputed
        composites {
          code
          name
          score
        }
        indicators {
          code
          number
          name
          computedScore
          correctedScore
          score
          comment
          commentVersion
          corrections {
            id
            score
            computedScore
            reason
            createdAt
          }
        }
        recommendations {
          id
          indicatorCode
          text
        }
      }
    }
  }
`);

export const SaveIndexAnswerMutation = graphql(`
  mutation SaveIndexAnswer($assessmentId: ID!, $questionCode: String!, $input: IccIndexAnswerInput!, $expectedVersion: Int) {
    saveIccIndexAnswer(assessmentId: $assessmentId, questionCode: $questionCode, input: $input, expectedVersion: $expectedVersion) {
      id
      questionCode
      version
    }
  }
`);

export const SubmitIndexMutation = graphql(`
  mutation SubmitIndex($assessmentId: ID!) {
    submitIccIndexAssessment(assessmentId: $assessmentId) {
      id
      status
      submittedAt
    }
  }
`);

export const CommentIndexIndicatorMutation = graphql(`
  mutation CommentIndexIndicator($assessmentId: ID!, $indicatorCode: String!, $comment: String!, $expectedVersion: Int) {
    commentIccIndexIndicator(assessmentId: $assessmentId, indicatorCode: $indicatorCode, comment: $comment, expectedVersion: $expectedVersion) {
      id
    }
  }
`);

export const CorrectIndexScoreMutation = graphql(`
  mutation CorrectIndexScore($assessmentId: ID!, $indicatorCode: String!, $score: Float!, $reason: String!) {
    correctIccIndexScore(assessmentId: $assessmentId, indicatorCode: $indicatorCode, score: $score, reason: $reason) {
      id
      score
    }
  }
`);

export const AddIndexRecommendationMutation = graphql(`
  mutation AddIndexRecommendation($assessmentId: ID!, $indicatorCode: String, $text: String!) {
    addIccIndexRecommendation(assessmentId: $assessmentId, indicatorCode: $indicatorCode, text: $text) {
      id
    }
  }
`);

/** One indicator's distribution, as the comparison tables show it. */
export const IndexDistributionFields = graphql(`
  fragment IndexDistributionFields on IccIndexDistribution {
    code
    name
    cityScore
    cities
    min
    median
    max
  }
`);

/** A comparison group beside the network (similar size, similar share of foreign-born residents). */
export const IndexComparisonGroupFields = graphql(`
  fragment IndexComparisonGroupFields on IccIndexComparisonGroup {
    available
    comparableCities
    message
    indicators {
      ...IndexDistributionFields
    }
  }
`);

export const IndexComparisonQuery = graphql(`
  query IndexComparison($assessmentId: ID!, $language: String) {
    iccIndexComparison(assessmentId: $assessmentId, language: $language) {
      available
      comparableCities
      message
      indicators {
        ...IndexDistributionFields
      }
      overall {
        cityScore
        median
      }
      similarSize {
        ...IndexComparisonGroupFields
      }
      similarForeignBorn {
        ...IndexComparisonGroupFields
      }
      history {
        assessmentId
        publishedAt
        definitionVersion
        overall
      }
    }
  }
`);

export const PublishIndexMutation = graphql(`
  mutation PublishIndex($assessmentId: ID!) {
    publishIccIndexAssessment(assessmentId: $assessmentId) {
      id
      status
      publishedAt
    }
  }
`);

export const AssignIndexQuestionsMutation = graphql(`
  mutation AssignIndexQuestions($assessmentId: ID!, $input: IccIndexAssignmentInput!) {
    assignIccIndexQuestions(assessmentId: $assessmentId, input: $input) {
      id
      questionCode
      department
      assigneeId
    }
  }
`);
