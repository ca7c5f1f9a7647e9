import { graphql } from '../graphql/generated';

// Drafts of good practices (signed in): one's own drafts, the secretariat's queue, the steps to
// publication, and drafting from a review's evidence or recommendation.

export const MyDraftsQuery = graphql(`
  query MyGoodPracticeDrafts {
    drafts: goodPractices(status: DRAFT, first: 100) {
      totalCount
      nodes {
        id
        title
        city
        status
      }
    }
    submitted: goodPractices(status: SUBMITTED, first: 100) {
      totalCount
      nodes {
        id
        title
        city
        status
      }
    }
  }
`);

export const SubmitPracticeMutation = graphql(`
  mutation SubmitPractice($id: ID!) {
    submitGoodPractice(id: $id) {
      id
      status
    }
  }
`);

export const PublishPracticeMutation = graphql(`
  mutation PublishPractice($id: ID!) {
    publishGoodPractice(id: $id) {
      id
      status
      publishedAt
    }
  }
`);

export const ReturnPracticeMutation = graphql(`
  mutation ReturnPractice($id: ID!, $reason: String) {
    returnGoodPracticeToDraft(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

export const FieldsOfActionQuery = graphql(`
  query FieldsOfActionForPromotion {
    fieldsOfAction {
      ...FieldOfActionFields
    }
  }
`);

export const PromoteEvidenceMutation = graphql(`
  mutation PromoteEvidence($evidenceId: ID!, $field: String!) {
    promoteEvidenceToGoodPractice(evidenceId: $evidenceId, mainFieldOfAction: $field) {
      id
      title
    }
  }
`);

export const PromoteRecommendationMutation = graphql(`
  mutation PromoteRecommendation($recommendationId: ID!, $field: String!) {
    promoteRecommendationToGoodPractice(recommendationId: $recommendationId, mainFieldOfAction: $field) {
      id
      title
    }
  }
`);
