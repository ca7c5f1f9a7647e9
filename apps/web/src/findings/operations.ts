import { graphql } from '../graphql/generated';

// The leader's findings workspace: conclusions, the rigour check, recommendations and their good practices.

export const ConclusionFields = graphql(`
  fragment ConclusionFields on Conclusion {
    id
    keyFactorId
    status
    rating
    summary
    strengths
    areasToDevelop
    evidenceIds
    version
    updatedAt
    agreedAt
    updatedBy {
      id
      fullName
    }
  }
`);

/** What every findings and report screen reads of the review. */
export const FindingsReviewFields = graphql(`
  fragment FindingsReviewFields on Review {
    id
    title
    status
    myRoles
    hostCity {
      id
      name
    }
    keyFactorsInScope {
      number
      ...KeyFactorFields
    }
  }
`);

export const FindingsQuery = graphql(`
  query Findings($reviewId: ID!) {
    review(id: $reviewId) {
      ...FindingsReviewFields
      benchmark {
        id
        ratingScale {
          value
          label
          description
        }
      }
      selfAssessment {
        id
        keyFactorId
        rating
      }
    }
    reviewConclusions(reviewId: $reviewId) {
      ...ConclusionFields
    }
    conclusionRigour(reviewId: $reviewId) {
      conclusion {
        id
        keyFactorId
      }
      issues {
        code
        message
      }
    }
  }
`);

export const KeyFactorEvidenceQuery = graphql(`
  query KeyFactorEvidence($reviewId: ID!, $keyFactorId: ID!) {
    reviewEvidence(reviewId: $reviewId, keyFactorId: $keyFactorId, first: 100) {
      totalCount
      nodes {
        id
        statement
        quote
        stance
        source
        stakeholderCategory
      }
    }
  }
`);

export const DraftRigourQuery = graphql(`
  query DraftRigour($reviewId: ID!, $rating: Int, $evidenceIds: [ID!]!) {
    draftConclusionRigour(reviewId: $reviewId, rating: $rating, evidenceIds: $evidenceIds) {
      code
      message
    }
  }
`);

export const SaveConclusionMutation = graphql(`
  mutation SaveConclusion($reviewId: ID!, $keyFactorId: ID!, $input: ConclusionInput!, $expectedVersion: Int) {
    saveConclusion(reviewId: $reviewId, keyFactorId: $keyFactorId, input: $input, expectedVersion: $expectedVersion) {
      ...ConclusionFields
    }
  }
`);

export const AgreeConclusionMutation = graphql(`
  mutation AgreeConclusion($conclusionId: ID!, $expectedVersion: Int!) {
    agreeConclusion(conclusionId: $conclusionId, expectedVersion: $expectedVersion) {
      ...ConclusionFields
    }
  }
`);

export const ReopenConclusionMutation = graphql(`
  mutation ReopenConclusion($conclusionId: ID!, $reason: String!) {
    reopenConclusion(conclusionId: $conclusionId, reason: $reason) {
      ...ConclusionFields
    }
  }
`);

export const RecommendationFields = graphql(`
  fragment RecommendationFields on Recommendation {
    id
    text
    priority
    horizon
    suggestedOwner
    keyFactorIds
    withdrawnAt
    withdrawalReason
    linkedGoodPractices {
      id
      title
      city
      country
    }
  }
`);

/** The team's page: the withdrawn ones too (the page lists them apart, with their reason). */
export const RecommendationsQuery = graphql(`
  query Recommendations($reviewId: ID!) {
    review(id: $reviewId) {
      ...FindingsReviewFields
    }
    reviewRecommendations(reviewId: $reviewId, includeWithdrawn: true) {
      ...RecommendationFields
    }
  }
`);

export const AddRecommendationMutation = graphql(`
  mutation AddRecommendation($reviewId: ID!, $input: RecommendationInput!) {
    addRecommendation(reviewId: $reviewId, input: $input) {
      ...RecommendationFields
    }
  }
`);

export const UpdateRecommendationMutation = graphql(`
  mutation UpdateRecommendation($recommendationId: ID!, $input: RecommendationInput!) {
    updateRecommendation(recommendationId: $recommendationId, input: $input) {
      ...RecommendationFields
    }
  }
`);

export const WithdrawRecommendationMutation = graphql(`
  mutation WithdrawRecommendation($recommendationId: ID!, $reason: String!) {
    withdrawRecommendation(recommendationId: $recommendationId, reason: $reason) {
      ...RecommendationFields
    }
  }
`);

export const SuggestGoodPracticesQuery = graphql(`
  query SuggestGoodPractices($recommendationId: ID!) {
    suggestGoodPractices(recommendationId: $recommendationId, first: 5) {
      score
      why
      goodPractice {
        id
        title
        city
        country
      }
    }
  }
`);

export const LinkGoodPracticeMutation = graphql(`
  mutation LinkGoodPractice($recommendationId: ID!, $goodPracticeId: ID!) {
    linkGoodPractice(recommendationId: $recommendationId, goodPracticeId: $goodPracticeId) {
      ...RecommendationFields
    }
  }
`);

export const UnlinkGoodPracticeMutation = graphql(`
  mutation UnlinkGoodPractice($recommendationId: ID!, $goodPracticeId: ID!) {
    unlinkGoodPractice(recommendationId: $recommendationId, goodPracticeId: $goodPracticeId) {
      ...RecommendationFields
    }
  }
`);
