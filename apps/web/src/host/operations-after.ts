import { graphql } from '../graphql/generated';

// The host city's screens after its self-assessment (issue 18): the visit, the findings and the
// report, and the follow-up over the years.

/** What every one of these pages needs of the review: where it stands, in whose time zone. */
export const HostAfterReviewFields = graphql(`
  fragment HostAfterReviewFields on Review {
    id
    title
    status
    myRoles
    hostCity {
      id
      name
    }
    timeline {
      timeZone
      visitStart {
        local
      }
      visitEnd {
        local
      }
    }
  }
`);

export const HostVisitQuery = graphql(`
  query HostVisit($reviewId: ID!) {
    review(id: $reviewId) {
      ...HostAfterReviewFields
      keyFactorsInScope {
        ...KeyFactorFields
      }
      team {
        ...TeamMemberFields
      }
      stakeholders {
        ...StakeholderFields
      }
    }
    visitProgramme(reviewId: $reviewId) {
      timeZone
      days {
        date
        sessions {
          ...VisitSessionFields
          end {
            instant
          }
          confirmedStakeholderIds
        }
      }
    }
  }
`);

export const ConfirmAttendanceMutation = graphql(`
  mutation ConfirmStakeholderAttendance($sessionId: ID!, $stakeholderId: ID!, $confirmed: Boolean!) {
    confirmStakeholderAttendance(sessionId: $sessionId, stakeholderId: $stakeholderId, confirmed: $confirmed) {
      id
      confirmedStakeholderIds
    }
  }
`);

/** Where the review stands and when the feedback session is: decides whether findings may be asked for yet. */
export const HostFindingsStatusQuery = graphql(`
  query HostFindingsStatus($reviewId: ID!) {
    review(id: $reviewId) {
      ...HostAfterReviewFields
      benchmark {
        ...RatingScaleFields
      }
    }
    visitProgramme(reviewId: $reviewId) {
      days {
        date
        sessions {
          id
          kind
          title
          location
          start {
            local
          }
          end {
            local
          }
        }
      }
    }
  }
`);

/** The findings as the API gives them to the host city: anonymised, agreed, no evidence. */
export const HostFindingsQuery = graphql(`
  query HostFindings($reviewId: ID!) {
    review(id: $reviewId) {
      id
      benchmark {
        ...RatingScaleFields
      }
      keyFactorsInScope {
        ...KeyFactorFields
      }
    }
    reviewConclusions(reviewId: $reviewId) {
      id
      keyFactorId
      status
      rating
      summary
      strengths
      areasToDevelop
    }
    reviewRecommendations(reviewId: $reviewId) {
      id
      text
      priority
      horizon
      suggestedOwner
      hostResponse
      followUpStatus
      keyFactors {
        ...KeyFactorFields
      }
    }
    reviewReports(reviewId: $reviewId) {
      id
      version
      status
      formats
      published
      publishedAt
    }
  }
`);

export const HostAfterDocumentFields = graphql(`
  fragment HostAfterDocumentFields on Document {
    id
    title
    fileName
    url
    downloadPath
    retractedAt
  }
`);

export const HostAfterRecommendationFields = graphql(`
  fragment HostAfterRecommendationFields on Recommendation {
    id
    text
    priority
    horizon
    suggestedOwner
    keyFactorIds
    keyFactors {
      ...KeyFactorFields
    }
    hostResponse
    hostComment
    respondedAt
    respondedBy {
      id
      fullName
    }
    followUpStatus
    followUpUpdates {
      id
      status
      note
      asOf
      reportedAt
      reportedBy {
        id
        fullName
      }
      documents {
        ...HostAfterDocumentFields
      }
    }
  }
`);

export const HostRecommendationsQuery = graphql(`
  query HostRecommendations($reviewId: ID!) {
    reviewRecommendations(reviewId: $reviewId) {
      ...HostAfterRecommendationFields
    }
  }
`);

export const UpcomingRemindersQuery = graphql(`
  query HostUpcomingReminders($reviewId: ID!) {
    upcomingReminders(reviewId: $reviewId) {
      id
      template
      dueAt
      dueLocal
      recipientName
      sessionId
    }
  }
`);

/** The city's reviews the reader takes part in, for the timeline. */
export const CityReviewsQuery = graphql(`
  query HostCityReviews($cityId: ID!) {
    reviews(cityId: $cityId, first: 50) {
      nodes {
        id
        title
        kind
        status
        createdAt
        timeline {
          visitStart {
            local
          }
          visitEnd {
            local
          }
        }
        planSummary {
          progress
          actions
          done
          overdue
        }
      }
    }
  }
`);

export const RespondToRecommendationMutation = graphql(`
  mutation HostRespondToRecommendation($recommendationId: ID!, $response: HostResponse!, $comment: String) {
    respondToRecommendation(recommendationId: $recommendationId, response: $response, comment: $comment) {
      ...HostAfterRecommendationFields
    }
  }
`);

export const ReportFollowUpMutation = graphql(`
  mutation HostReportFollowUp($recommendationId: ID!, $input: FollowUpInput!) {
    reportFollowUp(recommendationId: $recommendationId, input: $input) {
      ...HostAfterRecommendationFields
    }
  }
`);
