import { graphql } from '../graphql/generated';

// Stakeholders' consent records and the quotes still waiting for the team's paraphrase (issue 21).

export const ConsentRecordFields = graphql(`
  fragment ConsentRecordFields on StakeholderConsent {
    id
    kind
    given
    method
    note
    legacy
    recordedAt
    recordedBy {
      id
      fullName
    }
  }
`);

export const ConsentHistoryQuery = graphql(`
  query StakeholderConsentHistory($stakeholderId: ID!, $reviewId: ID) {
    stakeholderConsentHistory(stakeholderId: $stakeholderId, reviewId: $reviewId) {
      ...ConsentRecordFields
    }
  }
`);

export const RecordConsentMutation = graphql(`
  mutation RecordStakeholderConsent($stakeholderId: ID!, $reviewId: ID, $input: ConsentInput!) {
    recordStakeholderConsent(stakeholderId: $stakeholderId, reviewId: $reviewId, input: $input) {
      ...ConsentRecordFields
    }
  }
`);

export const WithdrawConsentMutation = graphql(`
  mutation WithdrawStakeholderConsent($stakeholderId: ID!, $reviewId: ID, $input: ConsentInput!) {
    withdrawStakeholderConsent(stakeholderId: $stakeholderId, reviewId: $reviewId, input: $input) {
      consent {
        ...ConsentRecordFields
      }
      publishedReports {
        reviewId
        reviewTitle
        version
        language
      }
    }
  }
`);

/** The quotes waiting for a paraphrase, and everyone the review may quote (its city's stakeholders and those its sessions meet). */
export const QuotesNeedingParaphraseQuery = graphql(`
  query QuotesNeedingParaphrase($reviewId: ID!) {
    quotesNeedingParaphrase(reviewId: $reviewId) {
      id
      statement
      quote
      quotedStakeholderId
      revision
      observedAt
      loggedBy {
        id
        fullName
      }
    }
    review(id: $reviewId) {
      id
      stakeholders {
        id
        name
        position
        category
      }
    }
    visitProgramme(reviewId: $reviewId) {
      days {
        date
        sessions {
          id
          stakeholders {
            id
            name
            position
            category
          }
        }
      }
    }
  }
`);

export const SaveParaphraseMutation = graphql(`
  mutation SaveParaphrase($evidenceId: ID!, $expectedRevision: Int, $paraphrase: String!) {
    editEvidence(evidenceId: $evidenceId, expectedRevision: $expectedRevision, patch: { paraphrase: $paraphrase }) {
      id
      paraphrase
      needsParaphrase
      revision
    }
  }
`);
