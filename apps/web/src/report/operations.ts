import { graphql } from '../graphql/generated';

// Feedback and the follow-up report: the host's view, report versions, the name check, publishing.

export const ReportFields = graphql(`
  fragment ReportFields on Report {
    id
    version
    status
    formats
    published
    publishedAt
    requestedAt
    generatedAt
    failureReason
    contentHash
  }
`);

export const FeedbackReportQuery = graphql(`
  query FeedbackReport($reviewId: ID!) {
    review(id: $reviewId) {
      ...FindingsReviewFields
      nextSteps {
        to
        missing
        roles
      }
    }
    reviewReports(reviewId: $reviewId) {
      ...ReportFields
    }
  }
`);

export const HostPreviewQuery = graphql(`
  query HostPreview($reviewId: ID!) {
    hostPreview(reviewId: $reviewId) {
      reviewId
      visibleToHost
      conclusions {
        keyFactorId
        keyFactorCode
        keyFactorHeading
        status
        rating
        summary
        strengths
        areasToDevelop
      }
      recommendations {
        id
        text
        priority
        horizon
        suggestedOwner
        keyFactorCodes
      }
    }
  }
`);

export const StartFeedbackMutation = graphql(`
  mutation StartFeedback($reviewId: ID!) {
    startFeedback(reviewId: $reviewId) {
      id
      status
    }
  }
`);

export const StartReportingMutation = graphql(`
  mutation StartReporting($reviewId: ID!) {
    startReporting(reviewId: $reviewId) {
      id
      status
    }
  }
`);

export const RequestReportMutation = graphql(`
  mutation RequestReport($reviewId: ID!) {
    requestReport(reviewId: $reviewId) {
      ...ReportFields
    }
  }
`);

export const ReportChangedSubscription = graphql(`
  subscription ReportChanged($reviewId: ID!) {
    reportChanged(reviewId: $reviewId) {
      ...ReportFields
    }
  }
`);

export const ReportQuery = graphql(`
  query Report($id: ID!) {
    report(id: $id) {
      ...ReportFields
    }
  }
`);

export const ReportNameCheckQuery = graphql(`
  query ReportNameCheck($reportId: ID!) {
    reportNameCheck(reportId: $reportId) {
      reportId
      version
      upToDate
      places {
        where
        field
        name
        found
        excerpt
        reason
        status
      }
    }
  }
`);

export const PublishReportMutation = graphql(`
  mutation PublishReport($reportId: ID!) {
    publishReport(reportId: $reportId) {
      ...ReportFields
    }
  }
`);
