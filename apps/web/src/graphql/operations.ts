import { graphql } from './generated';

// Every operation of the app, typed by GraphQL Code Generator from schema.graphql (npm run web:codegen).

export const PersonFields = graphql(`
  fragment PersonFields on Person {
    id
    email
    fullName
    locale
    timeZone
    isAdmin
    optionalRemindersOff
  }
`);

export const SessionFields = graphql(`
  fragment SessionFields on SignInPayload {
    accessToken
    expiresAt
    refreshToken
    refreshExpiresAt
    person {
      ...PersonFields
    }
  }
`);

export const RefreshSessionMutation = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      ...SessionFields
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut($refreshToken: String) {
    signOut(refreshToken: $refreshToken)
  }
`);

export const MySessionsQuery = graphql(`
  query MySessions {
    mySessions {
      id
      createdAt
      lastUsedAt
      userAgent
      current
    }
  }
`);

export const EndSessionMutation = graphql(`
  mutation EndSession($id: ID!) {
    endSession(id: $id)
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      ...SessionFields
    }
  }
`);

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword) {
      ...SessionFields
    }
  }
`);

export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($token: String!, $password: String!, $fullName: String, $timeZone: String, $locale: String) {
    acceptInvitation(token: $token, password: $password, fullName: $fullName, timeZone: $timeZone, locale: $locale) {
      accessToken
      expiresAt
      refreshToken
      refreshExpiresAt
      person {
        ...PersonFields
      }
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      ...PersonFields
    }
  }
`);

export const SetMyOptionalRemindersMutation = graphql(`
  mutation SetMyOptionalReminders($enabled: Boolean!) {
    setMyOptionalReminders(enabled: $enabled) {
      ...PersonFields
    }
  }
`);

export const MyReviewsQuery = graphql(`
  query MyReviews {
    reviews(first: 50) {
      nodes {
        id
        title
        status
        kind
        myRoles
        hostCity {
          id
          name
          country
        }
        timeline {
          visitStart {
            local
          }
          visitEnd {
            local
          }
        }
      }
    }
  }
`);

export const EvidenceFields = graphql(`
  fragment EvidenceFields on Evidence {
    id
    reviewId
    statement
    quote
    quotedStakeholderId
    paraphrase
    needsParaphrase
    stance
    source
    sessionId
    stakeholderCategory
    keyFactorIds
    loggedById
    observedAt
    recordedAt
    revision
    retractedAt
    retractionReason
  }
`);

export const NotebookQuery = graphql(`
  query Notebook($reviewId: ID!) {
    review(id: $reviewId) {
      id
      title
      status
      myRoles
      hostCity {
        id
        name
      }
      keyFactorsInScope {
        id
        number
        code
        heading
      }
      stakeholders {
        id
        name
        position
        category
        consentToBeQuoted
      }
    }
    visitProgramme(reviewId: $reviewId) {
      timeZone
      days {
        date
        sessions {
          id
          title
          kind
          location
          keyFactorIds
          start {
            local
          }
          end {
            local
          }
          assignments {
            personId
            part
          }
        }
      }
    }
  }
`);

export const ReviewEvidenceQuery = graphql(`
  query ReviewEvidence($reviewId: ID!, $search: String, $loggedById: ID, $first: Int) {
    reviewEvidence(reviewId: $reviewId, search: $search, loggedById: $loggedById, first: $first, includeRetracted: true) {
      totalCount
      nodes {
        ...EvidenceFields
      }
    }
  }
`);

export const LogEvidenceBatchMutation = graphql(`
  mutation LogEvidenceBatch($reviewId: ID!, $items: [EvidenceInput!]!) {
    logEvidenceBatch(reviewId: $reviewId, items: $items) {
      id
      outcome
      message
      problems {
        path
        message
      }
      evidence {
        ...EvidenceFields
      }
    }
  }
`);

export const EditEvidenceMutation = graphql(`
  mutation EditEvidence($evidenceId: ID!, $expectedRevision: Int, $patch: EvidencePatch!) {
    editEvidence(evidenceId: $evidenceId, expectedRevision: $expectedRevision, patch: $patch) {
      ...EvidenceFields
    }
  }
`);

export const RetractEvidenceMutation = graphql(`
  mutation RetractEvidence($evidenceId: ID!, $reason: String!) {
    retractEvidence(evidenceId: $evidenceId, reason: $reason) {
      ...EvidenceFields
    }
  }
`);

export const CoverageQuery = graphql(`
  query Coverage($reviewId: ID!) {
    reviewEvidence(reviewId: $reviewId, first: 1) {
      totalCount
    }
    evidenceCoverage(reviewId: $reviewId) {
      keyFactors {
        total
        lacksInterviewOrFocusGroup
        keyFactor {
          ...KeyFactorFields
        }
        bySource {
          source
          count
        }
        byStance {
          stance
          count
        }
      }
    }
  }
`);

export const EvidenceChangedSubscription = graphql(`
  subscription EvidenceChanged($reviewId: ID!) {
    evidenceChanged(reviewId: $reviewId) {
      ...EvidenceFields
    }
  }
`);
