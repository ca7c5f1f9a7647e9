import { graphql } from '../graphql/generated';

// The secretariat's network view, benchmarks, mail and queues, and administrators.

export const NetworkBenchmarksQuery = graphql(`
  query NetworkBenchmarks {
    benchmarks(status: PUBLISHED, first: 100) {
      nodes {
        ...SecretariatBenchmarkChoice
      }
    }
  }
`);

export const NetworkRatingsQuery = graphql(`
  query NetworkRatings($code: String!, $version: Int!) {
    benchmark(code: $code, version: $version) {
      id
      ratingScale {
        value
        label
      }
    }
    networkRatings(benchmarkCode: $code, version: $version) {
      cities
      average
      keyFactor {
        id
        code
        heading
      }
      ratings {
        rating
        count
      }
    }
  }
`);

export const NetworkFollowUpQuery = graphql(`
  query NetworkFollowUp {
    networkFollowUp {
      city {
        id
        name
        country
      }
      openRecommendations
      overdueFollowUps
      nextCheckpoint
      overdue {
        checkpoint
        lastReportedAt
        recommendation {
          id
          text
          priority
          followUpStatus
          review {
            id
            title
          }
        }
      }
    }
  }
`);

export const BenchmarkVersionsQuery = graphql(`
  query BenchmarkVersions {
    benchmarks(first: 100) {
      nodes {
        ...SecretariatBenchmarkChoice
        status
        publishedAt
        createdAt
      }
    }
  }
`);

export const BenchmarkDetailQuery = graphql(`
  query BenchmarkDetail($code: String!, $version: Int!) {
    benchmark(code: $code, version: $version) {
      id
      code
      version
      title
      standard
      status
      publishedAt
      sourceTitle
      sourceOrganisation
      sourceYear
      attribution
      ratingScaleEditorial
      ratingScale {
        value
        label
        description
      }
      contextFactors {
        id
        number
        code
        name
        description
      }
      keyFactors {
        id
        number
        code
        heading
        headingEditorial
        statement
        rationale
        guideQuestions {
          id
          position
          text
        }
      }
    }
  }
`);

export const BenchmarkExportQuery = graphql(`
  query BenchmarkExport($code: String!, $version: Int!) {
    benchmarkExport(code: $code, version: $version)
  }
`);

export const ImportBenchmarkMutation = graphql(`
  mutation ImportBenchmark($document: JSON!, $publish: Boolean!) {
    importBenchmark(document: $document, publish: $publish) {
      outcome
      benchmark {
        id
        code
        version
        status
      }
    }
  }
`);

export const PublishBenchmarkMutation = graphql(`
  mutation PublishBenchmark($code: String!, $version: Int!) {
    publishBenchmark(code: $code, version: $version) {
      id
      status
      publishedAt
    }
  }
`);

export const OutboxQuery = graphql(`
  query Outbox($status: OutboxStatus, $after: String) {
    outboxMessages(status: $status, first: 25, after: $after) {
      totalCount
      pageInfo {
        ...SecretariatPageInfo
      }
      nodes {
        id
        template
        recipientEmail
        status
        attempts
        lastError
        dueAt
        sentAt
        updatedAt
      }
    }
  }
`);

export const OutboxCountsQuery = graphql(`
  query OutboxCounts {
    scheduled: outboxMessages(status: SCHEDULED, first: 1) {
      totalCount
    }
    sending: outboxMessages(status: SENDING, first: 1) {
      totalCount
    }
    sent: outboxMessages(status: SENT, first: 1) {
      totalCount
    }
    failed: outboxMessages(status: FAILED, first: 1) {
      totalCount
    }
    cancelled: outboxMessages(status: CANCELLED, first: 1) {
      totalCount
    }
    queueCounts {
      name
      waiting
      active
      delayed
      failed
      completed
    }
  }
`);

export const RetryOutboxMessageMutation = graphql(`
  mutation RetryOutboxMessage($id: ID!) {
    retryOutboxMessage(id: $id) {
      id
      status
      attempts
      lastError
    }
  }
`);

export const OpenQueueDashboardMutation = graphql(`
  mutation OpenQueueDashboard {
    openQueueDashboard {
      url
      expiresAt
    }
  }
`);

export const AdministratorsQuery = graphql(`
  query Administrators {
    administrators {
      id
      fullName
      email
      organisation {
        id
        name
      }
    }
    adminRightsChanges(first: 20) {
      nodes {
        id
        at
        granted
        person {
          id
          fullName
        }
        changedBy {
          id
          fullName
        }
      }
    }
  }
`);

export const FindPeopleQuery = graphql(`
  query FindPeople($search: String!) {
    people(search: $search, first: 10) {
      nodes {
        id
        fullName
        email
        isAdmin
      }
    }
  }
`);

export const SetAdministratorMutation = graphql(`
  mutation SetAdministrator($personId: ID!, $isAdmin: Boolean!) {
    setAdministrator(personId: $personId, isAdmin: $isAdmin) {
      id
      isAdmin
    }
  }
`);

export const PersonSessionsQuery = graphql(`
  query PersonSessions($personId: ID!) {
    personSessions(personId: $personId) {
      id
      userAgent
      createdAt
      lastUsedAt
      current
    }
  }
`);

export const EndPersonSessionMutation = graphql(`
  mutation EndPersonSession($sessionId: ID!) {
    endPersonSession(sessionId: $sessionId)
  }
`);
