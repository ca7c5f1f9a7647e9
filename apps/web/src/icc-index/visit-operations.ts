import { graphql } from '../graphql/generated';

/** The city's latest published Index beside the review (the expert visit), with the team's confirmations. */
export const VisitIndexFields = graphql(`
  fragment VisitIndexFields on IccIndexForVisit {
    assessmentId
    publishedAt
    definitionCode
    definitionVersion
    overall
    canConfirm
    confirmRefusal
    indicators {
      code
      number
      name
      score
      computedScore
      confirmation {
        verdict
        note
        version
        recordedByName
        recordedAt
      }
    }
  }
`);

export const VisitIndexQuery = graphql(`
  query VisitIndex($reviewId: ID!, $language: String) {
    review(id: $reviewId) {
      id
      iccIndex(language: $language) {
        ...VisitIndexFields
      }
    }
  }
`);

export const ConfirmIndexResultMutation = graphql(`
  mutation ConfirmIndexResult(
    $reviewId: ID!
    $indicatorCode: String!
    $verdict: IccIndexVisitVerdict!
    $note: String
    $expectedVersion: Int
    $language: String
  ) {
    confirmIccIndexResult(
      reviewId: $reviewId
      indicatorCode: $indicatorCode
      verdict: $verdict
      note: $note
      expectedVersion: $expectedVersion
      language: $language
    ) {
      ...VisitIndexFields
    }
  }
`);
