import { graphql } from '../graphql/generated';

// The expert leader's operations (issue 17: preparation, programme, coverage, evidence).

export const LeaderTimelineFields = graphql(`
  fragment LeaderTimelineFields on ReviewTimeline {
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
    conclusionsDue {
      local
    }
    reportDue {
      local
    }
  }
`);

export const ReviewRolesQuery = graphql(`
  query LeaderReviewRoles($reviewId: ID!) {
    review(id: $reviewId) {
      id
      myRoles
    }
  }
`);

export const LeaderOverviewQuery = graphql(`
  query LeaderOverview($reviewId: ID!) {
    review(id: $reviewId) {
      id
      title
      kind
      status
      hostCity {
        id
        name
      }
      timeline {
        ...LeaderTimelineFields
        followUpCheckpoints {
          local
        }
      }
      nextSteps {
        to
        roles
        missing
      }
      progress {
        entriesComplete
        keyFactorsInScope
        selfAssessmentSubmitted
        incomplete
      }
      keyFactorsInScope {
        ...KeyFactorFields
      }
    }
  }
`);

export const UpdateTimelineMutation = graphql(`
  mutation LeaderUpdateTimeline($reviewId: ID!, $timeline: TimelineInput!) {
    updateReview(reviewId: $reviewId, input: { timeline: $timeline }) {
      id
      timeline {
        ...LeaderTimelineFields
      }
      nextSteps {
        to
        roles
        missing
      }
    }
  }
`);

export const StartPreparationMutation = graphql(`
  mutation LeaderStartPreparation($reviewId: ID!) {
    startPreparation(reviewId: $reviewId) {
      id
      status
    }
  }
`);
export const OpenSelfAssessmentMutation = graphql(`
  mutation LeaderOpenSelfAssessment($reviewId: ID!) {
    openSelfAssessment(reviewId: $reviewId) {
      id
      status
    }
  }
`);
export const StartVisitMutation = graphql(`
  mutation LeaderStartVisit($reviewId: ID!) {
    startVisit(reviewId: $reviewId) {
      id
      status
    }
  }
`);
export const StartDeliberationMutation = graphql(`
  mutation LeaderStartDeliberation($reviewId: ID!) {
    startDeliberation(reviewId: $reviewId) {
      id
      status
    }
  }
`);

export const TeamQuery = graphql(`
  query LeaderTeam($reviewId: ID!) {
    review(id: $reviewId) {
      id
      kind
      status
      team {
        id
        role
        addedAt
        person {
          id
          fullName
          email
          organisation {
            id
            name
            kind
          }
        }
      }
      nextSteps {
        to
        missing
      }
    }
    teamInvitations(reviewId: $reviewId) {
      id
      email
      role
      createdAt
      expiresAt
      invitedBy {
        id
        fullName
      }
    }
  }
`);

export const InviteMutation = graphql(`
  mutation LeaderInvite($reviewId: ID!, $input: AddTeamMemberInput!) {
    addTeamMember(reviewId: $reviewId, input: $input) {
      invitedEmail
    }
  }
`);
export const ResendInvitationMutation = graphql(`
  mutation LeaderResendInvitation($reviewId: ID!, $invitationId: ID!) {
    resendTeamInvitation(reviewId: $reviewId, invitationId: $invitationId) {
      id
      expiresAt
    }
  }
`);
export const WithdrawInvitationMutation = graphql(`
  mutation LeaderWithdrawInvitation($reviewId: ID!, $invitationId: ID!) {
    withdrawTeamInvitation(reviewId: $reviewId, invitationId: $invitationId) {
      id
    }
  }
`);
export const ChangeRoleMutation = graphql(`
  mutation LeaderChangeRole($reviewId: ID!, $memberId: ID!, $role: ReviewRole!) {
    changeTeamMemberRole(reviewId: $reviewId, memberId: $memberId, role: $role) {
      id
      role
    }
  }
`);
export const RemoveMemberMutation = graphql(`
  mutation LeaderRemoveMember($reviewId: ID!, $memberId: ID!) {
    removeTeamMember(reviewId: $reviewId, memberId: $memberId) {
      id
      removedAt
    }
  }
`);

export const SelfAssessmentQuery = graphql(`
  query LeaderSelfAssessment($reviewId: ID!) {
    review(id: $reviewId) {
      id
      status
      selfAssessmentSubmittedAt
      hostCity {
        id
        name
      }
      benchmark {
        ...RatingScaleFields
      }
      keyFactorsInScope {
        ...KeyFactorFields
        guideQuestions {
          ...GuideQuestionFields
        }
      }
      selfAssessment {
        ...SelfAssessmentEntryFields
        documentIds
      }
      contextNotes {
        id
        note
        contextFactor {
          id
          code
          name
        }
      }
      team {
        ...TeamMemberFields
      }
    }
    reviewDocuments(reviewId: $reviewId) {
      id
      title
      type
      fileName
      mediaType
      downloadPath
      url
      keyFactorIds
    }
  }
`);

export const SendBackMutation = graphql(`
  mutation LeaderSendBack($reviewId: ID!, $keyFactorId: ID!, $reason: String!) {
    sendBackSelfAssessmentEntry(reviewId: $reviewId, keyFactorId: $keyFactorId, reason: $reason) {
      id
      status
      version
      sentBack {
        ...SentBackFields
      }
    }
  }
`);

/** A session as the leader edits it: with its version, for a conflict-safe update. */
export const ProgrammeFields = graphql(`
  fragment LeaderSessionFields on VisitSession {
    ...VisitSessionFields
    version
  }
`);

export const LeaderProgrammeQuery = graphql(`
  query LeaderProgramme($reviewId: ID!) {
    review(id: $reviewId) {
      id
      status
      title
      hostCity {
        id
        name
      }
      timeline {
        ...LeaderTimelineFields
      }
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
          ...LeaderSessionFields
        }
      }
      uncoveredKeyFactors {
        ...KeyFactorFields
      }
    }
  }
`);

export const ScheduleSessionMutation = graphql(`
  mutation LeaderScheduleSession($reviewId: ID!, $input: VisitSessionInput!) {
    scheduleVisitSession(reviewId: $reviewId, input: $input) {
      ...LeaderSessionFields
    }
  }
`);
export const UpdateSessionMutation = graphql(`
  mutation LeaderUpdateSession($sessionId: ID!, $input: VisitSessionInput!, $expectedVersion: Int) {
    updateVisitSession(sessionId: $sessionId, input: $input, expectedVersion: $expectedVersion) {
      ...LeaderSessionFields
    }
  }
`);
export const CancelSessionMutation = graphql(`
  mutation LeaderCancelSession($sessionId: ID!, $reason: String!) {
    cancelVisitSession(sessionId: $sessionId, reason: $reason) {
      id
      cancelledAt
    }
  }
`);
export const MoveVisitMutation = graphql(`
  mutation LeaderMoveVisit($reviewId: ID!, $days: Int!) {
    moveVisit(reviewId: $reviewId, days: $days) {
      id
      timeline {
        ...LeaderTimelineFields
      }
    }
  }
`);
export const RegisterStakeholderMutation = graphql(`
  mutation LeaderRegisterStakeholder($reviewId: ID!, $input: ReviewStakeholderInput!) {
    registerStakeholder(reviewId: $reviewId, input: $input) {
      ...StakeholderFields
    }
  }
`);

export const EvidenceContributorsQuery = graphql(`
  query LeaderEvidenceContributors($reviewId: ID!) {
    evidenceContributors(reviewId: $reviewId) {
      keyFactorId
      items
      person {
        id
        fullName
      }
    }
  }
`);

export const LeaderEvidenceContextQuery = graphql(`
  query LeaderEvidenceContext($reviewId: ID!) {
    review(id: $reviewId) {
      id
      keyFactorsInScope {
        ...KeyFactorFields
      }
      team {
        ...TeamMemberFields
      }
    }
    visitProgramme(reviewId: $reviewId) {
      timeZone
      days {
        date
        sessions {
          id
          title
          start {
            local
          }
        }
      }
    }
  }
`);

export const LeaderEvidenceQuery = graphql(`
  query LeaderEvidence(
    $reviewId: ID!
    $keyFactorId: ID
    $sessionId: ID
    $stakeholderCategory: StakeholderCategory
    $stance: EvidenceStance
    $loggedById: ID
    $search: String
  ) {
    reviewEvidence(
      reviewId: $reviewId
      keyFactorId: $keyFactorId
      sessionId: $sessionId
      stakeholderCategory: $stakeholderCategory
      stance: $stance
      loggedById: $loggedById
      search: $search
      first: 100
    ) {
      totalCount
      nodes {
        ...EvidenceFields
        loggedBy {
          id
          fullName
        }
      }
    }
  }
`);
