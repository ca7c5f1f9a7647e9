import { graphql } from '../graphql/generated';

// The host city's home, self-assessment and documents (issue 18).

export const HostEntryFields = graphql(`
  fragment HostEntryFields on SelfAssessmentEntry {
    ...SelfAssessmentEntryFields
    assigneeId
    assignee {
      id
      fullName
    }
    updatedBy {
      id
      fullName
    }
  }
`);

export const HostProgressFields = graphql(`
  fragment HostProgressFields on SelfAssessmentProgress {
    reviewId
    submittedAt
    readyToSubmit
    onlyAssigned
    keyFactors {
      keyFactorId
      keyFactor {
        ...KeyFactorFields
      }
      complete
      hasEntry
      ratingMissing
      missing
      status
      assigneeId
      unansweredGuideQuestions {
        ...GuideQuestionFields
      }
    }
  }
`);

export const HostHomeQuery = graphql(`
  query HostHome($reviewId: ID!) {
    review(id: $reviewId) {
      id
      title
      status
      myRoles
      selfAssessmentSubmittedAt
      hostCity {
        id
        name
      }
      timeline {
        timeZone
        selfAssessmentDue {
          local
        }
        visitStart {
          local
        }
        visitEnd {
          local
        }
        reportDue {
          local
        }
        followUpCheckpoints {
          local
        }
      }
      keyFactorsInScope {
        ...KeyFactorFields
      }
      selfAssessment {
        ...HostEntryFields
      }
    }
    selfAssessmentProgress(reviewId: $reviewId) {
      ...HostProgressFields
    }
  }
`);

/** After the feedback session: the recommendations the city still has to answer. */
export const HostHomeRecommendationsQuery = graphql(`
  query HostHomeRecommendations($reviewId: ID!) {
    reviewRecommendations(reviewId: $reviewId) {
      id
      hostResponse
      withdrawnAt
    }
  }
`);

export const HostSelfAssessmentQuery = graphql(`
  query HostSelfAssessment($reviewId: ID!) {
    review(id: $reviewId) {
      id
      status
      selfAssessmentSubmittedAt
      hostCity {
        id
        name
      }
      timeline {
        selfAssessmentDue {
          local
        }
      }
      benchmark {
        id
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
      }
      keyFactorsInScope {
        ...KeyFactorFields
        statement
        guideQuestions {
          ...GuideQuestionFields
        }
      }
      selfAssessment {
        ...HostEntryFields
      }
      contextNotes {
        id
        contextFactorId
        note
        updatedAt
      }
      team {
        ...TeamMemberFields
      }
    }
    selfAssessmentProgress(reviewId: $reviewId) {
      ...HostProgressFields
    }
    reviewDocuments(reviewId: $reviewId) {
      id
      title
      keyFactorIds
    }
  }
`);

/** One entry as the server has it now (after a refused save, to show both versions). */
export const HostEntryNowQuery = graphql(`
  query HostEntryNow($reviewId: ID!) {
    review(id: $reviewId) {
      id
      selfAssessment {
        ...HostEntryFields
      }
    }
  }
`);

export const HostSaveEntryMutation = graphql(`
  mutation HostSaveEntry($reviewId: ID!, $keyFactorId: ID!, $input: SelfAssessmentEntryInput!, $expectedVersion: Int) {
    saveSelfAssessmentEntry(reviewId: $reviewId, keyFactorId: $keyFactorId, input: $input, expectedVersion: $expectedVersion) {
      ...HostEntryFields
    }
  }
`);

export const HostAssignEntryMutation = graphql(`
  mutation HostAssignEntry($reviewId: ID!, $keyFactorId: ID!, $assigneeId: ID) {
    assignSelfAssessmentEntry(reviewId: $reviewId, keyFactorId: $keyFactorId, assigneeId: $assigneeId) {
      ...HostEntryFields
    }
  }
`);

export const HostSubmitMutation = graphql(`
  mutation HostSubmitSelfAssessment($reviewId: ID!) {
    submitSelfAssessment(reviewId: $reviewId) {
      id
      status
      selfAssessmentSubmittedAt
    }
  }
`);

export const HostSaveContextNoteMutation = graphql(`
  mutation HostSaveContextNote($reviewId: ID!, $contextFactorId: ID!, $note: String!) {
    saveContextNote(reviewId: $reviewId, contextFactorId: $contextFactorId, note: $note) {
      id
      contextFactorId
      note
      updatedAt
    }
  }
`);

export const HostDocumentFields = graphql(`
  fragment HostDocumentFields on Document {
    id
    title
    type
    keyFactorIds
    fileName
    mediaType
    sizeBytes
    sha256
    url
    downloadPath
    addedAt
    addedBy {
      id
      fullName
    }
    retractedAt
    retractionReason
    replacesDocumentId
  }
`);

export const HostDocumentsQuery = graphql(`
  query HostDocuments($reviewId: ID!) {
    review(id: $reviewId) {
      id
      status
      myRoles
      keyFactorsInScope {
        ...KeyFactorFields
      }
    }
    reviewDocuments(reviewId: $reviewId, includeRetracted: true) {
      ...HostDocumentFields
    }
  }
`);

export const HostRetractDocumentMutation = graphql(`
  mutation HostRetractDocument($documentId: ID!, $reason: String!) {
    retractDocument(documentId: $documentId, reason: $reason) {
      ...HostDocumentFields
    }
  }
`);
